import type { Resource } from '../model';
import { isUnknown } from '../model';
import type { EngineConfig } from '../config/types';

export type Level = 'red' | 'orange' | 'green';
export const LEVELS: readonly Level[] = ['red', 'orange', 'green'];
const RANK: Record<Level, number> = { red: 3, orange: 2, green: 1 };

/** Resource types that hold data and therefore must be classified (pillar 2). */
export const DATA_RESOURCE_TYPES: readonly string[] = [
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::Redshift::Cluster',
  'AWS::RedshiftServerless::Namespace',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::S3::Bucket',
  'AWS::Glue::Database',
  'AWS::Glue::Table',
  'AWS::SecretsManager::Secret',
  'AWS::Kinesis::Stream',
];

export type Classification =
  | { kind: 'level'; level: Level; tag: string; value: string }
  | { kind: 'invalid'; tag: string; value: string }
  | { kind: 'unknown'; tag: string; reason: string }
  | { kind: 'none' };

/**
 * Reads the classification tags of one resource. Tag keys match case-insensitively, values
 * case-insensitively after trimming; when several classification tags are present, the strictest
 * level wins (a `pii=high` table tagged `data_classification=green` is red).
 */
export function classify(resource: Resource, mapping: EngineConfig['classification']): Classification {
  let best: Classification = { kind: 'none' };
  const keys = new Map(Object.keys(mapping).map((k) => [k.toLowerCase(), k]));
  for (const [tagKey, tagValue] of Object.entries(resource.tags)) {
    const mapKey = keys.get(tagKey.toLowerCase());
    if (mapKey === undefined) continue;
    if (isUnknown(tagValue)) {
      if (best.kind === 'none') best = { kind: 'unknown', tag: tagKey, reason: tagValue.reason };
      continue;
    }
    const value = tagValue.trim().toLowerCase();
    const level = mapping[mapKey][value];
    if (level === undefined) {
      if (best.kind !== 'level') best = { kind: 'invalid', tag: tagKey, value: tagValue };
      continue;
    }
    if (best.kind !== 'level' || RANK[level] > RANK[best.level]) best = { kind: 'level', level, tag: tagKey, value: tagValue };
  }
  return best;
}

export function strictest(a: Level | undefined, b: Level | undefined): Level | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return RANK[a] >= RANK[b] ? a : b;
}
