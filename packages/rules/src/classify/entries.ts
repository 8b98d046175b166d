import type { Resource, V } from '../model';
import { isUnknown } from '../model';
import type { EngineConfig } from '../config/types';
import type { ResourceIndex } from '../engine/resource-index';
import type { Level } from './classify';

/**
 * Classification facts beyond AWS tags. Glue catalog resources cannot carry AWS tags in
 * CloudFormation, so the article's own mechanisms count too: table parameters
 * (`data_classification=red`) and Lake Formation LF-tags (`pii=high`) on a database or table.
 */

/** One classification fact found on a resource: which key, its value, and the facet path that holds it. */
export interface ClassificationEntry {
  source: 'tag' | 'parameter' | 'lf-tag';
  key: string;
  value: V<string>;
  path: string;
}

/** Keys of the classification mapping, lower-case → as configured. */
export function mappingKeys(mapping: EngineConfig['classification']): Map<string, string> {
  let hit = keysByMapping.get(mapping);
  if (!hit) {
    hit = new Map(Object.keys(mapping).map((k) => [k.toLowerCase(), k]));
    keysByMapping.set(mapping, hit);
  }
  return hit;
}
/** A mapping is fixed for a run; every resource asks for its keys. */
const keysByMapping = new WeakMap<EngineConfig['classification'], Map<string, string>>();


/** Every classification key/value a resource carries, from tags, Glue parameters and LF-tags. */
export function classificationEntries(resource: Resource, mapping: EngineConfig['classification']): ClassificationEntry[] {
  const keys = mappingKeys(mapping);
  const out: ClassificationEntry[] = [];
  for (const [key, value] of Object.entries(resource.tags)) {
    if (keys.has(key.toLowerCase())) out.push({ source: 'tag', key, value, path: `tags.${key}` });
  }
  for (const [key, value] of Object.entries(resource.facets.glue?.tableParameters ?? {})) {
    if (keys.has(key.toLowerCase())) out.push({ source: 'parameter', key, value, path: `glue.tableParameters.${key}` });
  }
  (resource.facets.lakeformation?.assignedTags ?? []).forEach((tag, i) => {
    if (isUnknown(tag.key) || !keys.has(tag.key.toLowerCase())) return;
    for (const value of tag.values) out.push({ source: 'lf-tag', key: tag.key, value, path: `lakeformation.assignedTags[${i}]` });
  });
  return out;
}

/** Level of one entry under the mapping: a level, `invalid`, or unknown. */
export function entryLevel(entry: ClassificationEntry, mapping: EngineConfig['classification']): Level | 'invalid' | 'unknown' {
  if (isUnknown(entry.value)) return 'unknown';
  const mapKey = mappingKeys(mapping).get(entry.key.toLowerCase());
  if (mapKey === undefined) return 'unknown';
  return mapping[mapKey][entry.value.trim().toLowerCase()] ?? 'invalid';
}

/** The Glue database a catalog table belongs to, when the input defines it. */
export function glueDatabaseOf(table: Resource, index: ResourceIndex): Resource | undefined {
  if (table.type !== 'AWS::Glue::Table') return undefined;
  return index.resolve(table.facets.glue?.database, ['AWS::Glue::Database']);
}

