import { encryptionFromKey } from '../reader';
import type { ItemMapper } from './types';

/**
 * AWS::SecretsManager::Secret (DescribeSecret casing: `KMSKeyId`, `RotationEnabled`). No key ⇒
 * `aws/secretsmanager`; rotation off unless recorded on. Config never holds the secret value.
 */
export const secret: ItemMapper = (r) => {
  const key = r.str('encryption.keyRef', 'configuration.KMSKeyId');
  return {
    encryption: encryptionFromKey(key, 'aws-managed', r.mark('encryption.atRest', 'configuration.KMSKeyId')),
    secret: { rotation: r.bool('secret.rotation', 'configuration.RotationEnabled', false) },
    credentials: { plaintextPassword: false },
  };
};
