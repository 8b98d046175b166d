import { isUnknown } from '../../../model';
import { encryptionFromKey } from '../reader';
import type { TypeMapping } from './types';

/** aws_cloudwatch_log_group: `retention_in_days` 0 or absent ⇒ never expire (null); no key ⇒ the service's own encryption. */
export const logGroup: TypeMapping = {
  cfnType: 'AWS::Logs::LogGroup',
  nameAttr: 'name',
  map(r) {
    const days = r.num('logging.retentionDays', 'retention_in_days', 0);
    return {
      facets: {
        logging: { retentionDays: isUnknown(days) ? days : days === 0 ? null : days },
        encryption: encryptionFromKey(r.str('encryption.keyRef', 'kms_key_id'), 'aws-owned', 'kms_key_id'),
      },
    };
  },
};

/** aws_kinesis_stream: `encryption_type` NONE (default) or KMS with `kms_key_id` (`alias/aws/kinesis` is AWS-managed). */
export const kinesisStream: TypeMapping = {
  cfnType: 'AWS::Kinesis::Stream',
  nameAttr: 'name',
  map(r) {
    const type = r.strOr('encryption.atRest', 'encryption_type', 'NONE');
    if (isUnknown(type)) return { facets: { encryption: { atRest: type, path: 'encryption_type' } } };
    if (type.toUpperCase() !== 'KMS') return { facets: { encryption: { atRest: 'none', path: 'encryption_type' } } };
    return { facets: { encryption: encryptionFromKey(r.str('encryption.keyRef', 'kms_key_id'), 'aws-managed', 'kms_key_id') } };
  },
};
