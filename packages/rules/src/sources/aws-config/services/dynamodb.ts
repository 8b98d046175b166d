import type { EncryptionFacet } from '../../../model';
import { isUnknown } from '../../../model';
import { encryptionFromKey, type ItemReader } from '../reader';
import { statusFlag } from './common';
import type { ItemMapper } from './types';

const SSE = 'configuration.sseDescription';

/**
 * Table encryption from `sseDescription`: absent or DISABLED ⇒ DynamoDB's AWS-owned key; enabled
 * with a key ARN ⇒ that key (Config shows the ARN even for `aws/dynamodb`: rules resolve it and read
 * the key's `keyManager`); enabled without a key ⇒ the AWS-managed key.
 */
function encryption(r: ItemReader): EncryptionFacet {
  const status = r.str('encryption.atRest', `${SSE}.status`);
  if (status !== undefined && isUnknown(status)) return { atRest: status, path: r.mark(undefined, `${SSE}.status`) };
  if (status === undefined || /^DISABL/i.test(status)) return { atRest: 'aws-owned', path: r.mark(undefined, SSE) };
  const key = r.str('encryption.keyRef', `${SSE}.kmsMasterKeyArn`);
  if (key !== undefined) r.mark('encryption.atRest', `${SSE}.kmsMasterKeyArn`);
  return encryptionFromKey(key, 'aws-managed', r.mark(undefined, key === undefined ? `${SSE}.status` : `${SSE}.kmsMasterKeyArn`));
}

export const dynamodbTable: ItemMapper = (r) => ({
  encryption: encryption(r),
  backup: {
    pitr: statusFlag(r, 'backup.pitr', 'supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus', ['ENABLED'], false),
    deletionProtection: r.bool('backup.deletionProtection', 'configuration.deletionProtectionEnabled', false),
  },
  dynamodb: {
    tableName: r.str('dynamodb.tableName', 'configuration.tableName') ?? r.item.resourceName ?? r.item.resourceId ?? '',
    stream: r.bool('dynamodb.stream', 'configuration.streamSpecification.streamEnabled', false),
  },
});
