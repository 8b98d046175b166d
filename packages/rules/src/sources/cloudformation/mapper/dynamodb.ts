import type { EncryptionFacet, Tri, V } from '../../../model';
import { isUnknown } from '../../../model';
import { keyEncryption, readTags } from './common';
import { allTrue } from './logic';
import { mapItems, Props, toBool, toStr } from './props';
import type { Mapped, TypeMapper } from './types';

/**
 * DynamoDB encryption: no `SSESpecification` or `SSEEnabled: false` ⇒ the AWS-owned key;
 * enabled without `KMSMasterKeyId` ⇒ the AWS-managed `aws/dynamodb` key; a key ⇒ cmk.
 */
function sseEncryption(enabled: Tri, key: () => V<string> | undefined): EncryptionFacet {
  if (isUnknown(enabled)) return { atRest: enabled, path: 'SSESpecification' };
  if (!enabled) return { atRest: 'aws-owned', path: 'SSESpecification' };
  return keyEncryption(key(), 'aws-managed', 'SSESpecification');
}

function stream(p: Props): Tri {
  p.track('dynamodb.stream', 'StreamSpecification');
  const s = p.get('StreamSpecification');
  if (s === undefined || s === null) return false;
  return isUnknown(s) ? s : true;
}

const table: TypeMapper = (p) => {
  const tableName = p.str('dynamodb.tableName', 'TableName');
  const enabled = p.bool('encryption.atRest', 'SSESpecification.SSEEnabled', false);
  const encryption = sseEncryption(enabled, () => p.str('encryption.keyRef', 'SSESpecification.KMSMasterKeyId'));
  return {
    name: tableName,
    facets: {
      encryption,
      backup: {
        pitr: p.bool('backup.pitr', 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', false),
        deletionProtection: p.bool('backup.deletionProtection', 'DeletionProtectionEnabled', false),
      },
      dynamodb: { ...(tableName !== undefined ? { tableName } : {}), stream: stream(p) },
    },
  };
};

/**
 * Global tables keep per-replica settings: the table is only as protected as its weakest
 * replica (one replica without PITR ⇒ pitr false), and its key is cmk only if every replica names one.
 */
const globalTable: TypeMapper = (p) => {
  const tableName = p.str('dynamodb.tableName', 'TableName');
  const replicas = mapItems(p.get('Replicas'));
  const field = (path: string, facet: string): Tri => {
    const values = replicas.map((r, i) => ({ i, v: toBool(new Props(r).get(path), false, `Replicas[${i}].${path}`) }));
    const weakest = values.find((x) => x.v === false) ?? values.find((x) => isUnknown(x.v)) ?? values[0];
    p.track(facet, `Replicas[${weakest?.i ?? 0}].${path}`);
    return allTrue(values.map((x) => x.v));
  };
  const enabled = p.bool('encryption.atRest', 'SSESpecification.SSEEnabled', false);
  const encryption = sseEncryption(enabled, () => {
    const keys = replicas.map((r, i) => toStr(new Props(r).get('SSESpecification.KMSMasterKeyId'), `Replicas[${i}].SSESpecification.KMSMasterKeyId`));
    const missing = keys.findIndex((k) => k === undefined);
    p.track('encryption.keyRef', `Replicas[${missing < 0 ? 0 : missing}].SSESpecification.KMSMasterKeyId`);
    return missing >= 0 || keys.length === 0 ? undefined : keys[0];
  });
  const tags: Mapped['tags'] = { tags: {} };
  for (const r of replicas) {
    const t = readTags(r.Tags);
    tags.tags = { ...t.tags, ...tags.tags };
    if (t.tagsUnknown) tags.tagsUnknown ??= t.tagsUnknown;
  }
  return {
    name: tableName,
    tags,
    facets: {
      encryption,
      backup: {
        pitr: field('PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', 'backup.pitr'),
        deletionProtection: field('DeletionProtectionEnabled', 'backup.deletionProtection'),
      },
      dynamodb: { ...(tableName !== undefined ? { tableName } : {}), stream: stream(p) },
    },
  };
};

export const DYNAMODB_MAPPERS: Record<string, TypeMapper> = {
  'AWS::DynamoDB::Table': table,
  'AWS::DynamoDB::GlobalTable': globalTable,
};
