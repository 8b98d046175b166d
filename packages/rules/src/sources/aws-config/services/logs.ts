import { isUnknown } from '../../../model';
import { encryptionFromKey } from '../reader';
import type { ItemMapper } from './types';

/** AWS::Logs::LogGroup (DescribeLogGroups casing): no `retentionInDays` ⇒ never expire (null); no key ⇒ the service's own encryption. */
export const logGroup: ItemMapper = (r) => {
  const days = r.num('logging.retentionDays', 'configuration.retentionInDays', 0);
  const key = r.str('encryption.keyRef', 'configuration.kmsKeyId');
  return {
    logging: { retentionDays: isUnknown(days) ? days : days === 0 ? null : days },
    encryption: encryptionFromKey(key, 'aws-owned', r.mark('encryption.atRest', 'configuration.kmsKeyId')),
  };
};

/** AWS::Kinesis::Stream (registry casing: `StreamEncryption.EncryptionType` / `KeyId`); no encryption ⇒ none. */
export const kinesisStream: ItemMapper = (r) => {
  const type = r.strOr('encryption.atRest', 'configuration.StreamEncryption.EncryptionType', 'NONE');
  const path = r.mark(undefined, 'configuration.StreamEncryption.EncryptionType');
  if (isUnknown(type)) return { encryption: { atRest: type, path } };
  if (type.toUpperCase() !== 'KMS') return { encryption: { atRest: 'none', path } };
  const key = r.str('encryption.keyRef', 'configuration.StreamEncryption.KeyId');
  return { encryption: encryptionFromKey(key, 'aws-managed', key === undefined ? path : r.mark('encryption.atRest', 'configuration.StreamEncryption.KeyId')) };
};
