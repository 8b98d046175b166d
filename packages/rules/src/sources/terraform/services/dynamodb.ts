import type { Tri } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import { encryptionFromKey } from '../reader';
import { toBool } from '../values';
import type { TypeMapping } from './types';

/**
 * aws_dynamodb_table. Without `server_side_encryption` (or with `enabled = false`) DynamoDB uses
 * its AWS-owned key; enabled without `kms_key_arn` is the `aws/dynamodb` managed key. A table with
 * `replica` blocks is a global table; a replica without PITR makes the whole table fail PITR.
 */
export const dynamodbTable: TypeMapping = {
  cfnType: 'AWS::DynamoDB::Table',
  nameAttr: 'name',
  map(r) {
    const enabled = r.bool('encryption.atRest', 'server_side_encryption.enabled', false);
    let encryption;
    if (isUnknown(enabled)) encryption = { atRest: enabled, path: 'server_side_encryption.enabled' };
    else if (!enabled) encryption = { atRest: 'aws-owned' as const, path: 'server_side_encryption.enabled' };
    else {
      encryption = encryptionFromKey(r.str('encryption.keyRef', 'server_side_encryption.kms_key_arn'), 'aws-managed', 'server_side_encryption.kms_key_arn');
      r.mark('encryption.atRest', r.has('server_side_encryption.kms_key_arn') ? 'server_side_encryption.kms_key_arn' : 'server_side_encryption.enabled');
    }
    const replicas = r.blocks('replica');
    let pitr = r.bool('backup.pitr', 'point_in_time_recovery.enabled', false);
    replicas.forEach((rep, i) => {
      const rp: Tri = toBool(rep.point_in_time_recovery, `replica[${i}].point_in_time_recovery`) ?? false;
      if (pitr === false) return;
      if (rp === false) {
        pitr = false;
        r.mark('backup.pitr', `replica[${i}].point_in_time_recovery`);
      } else if (isUnknown(rp) && !isUnknown(pitr)) pitr = rp;
    });
    if (isUnknown(r.raw('replica'))) pitr = pitr === false ? false : unknown(`replica: ${(r.raw('replica') as { reason: string }).reason}`);
    return {
      type: replicas.length > 0 || isUnknown(r.raw('replica')) ? 'AWS::DynamoDB::GlobalTable' : undefined,
      facets: {
        encryption,
        backup: { pitr, deletionProtection: r.bool('backup.deletionProtection', 'deletion_protection_enabled', false) },
        dynamodb: {
          tableName: r.str('dynamodb.tableName', 'name') ?? unknown('the table has no name'),
          stream: r.bool('dynamodb.stream', 'stream_enabled', false),
        },
      },
    };
  },
};
