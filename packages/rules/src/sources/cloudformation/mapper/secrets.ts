import { unknown } from '../../../model';
import { normalizePolicy } from '../../../iam/normalize';
import { keyEncryption, plaintextSecret } from './common';
import type { TypeMapper } from './types';

/**
 * A secret without `KmsKeyId` uses `aws/secretsmanager`. Rotation is configured by a separate
 * `RotationSchedule` resource (folded in by the linker), so a secret alone is not rotated.
 */
const secret: TypeMapper = (p) => {
  p.track('credentials.plaintextPassword', 'SecretString');
  return {
    name: p.text('Name'),
    facets: {
      encryption: keyEncryption(p.str('encryption.keyRef', 'KmsKeyId'), 'aws-managed', 'KmsKeyId'),
      secret: { rotation: false },
      credentials: { plaintextPassword: plaintextSecret(p.get('SecretString')), passwordPath: 'SecretString' },
    },
  };
};

const rotationSchedule: TypeMapper = (p) => ({
  facets: { secret: { rotates: p.str('secret.rotates', 'SecretId') ?? unknown('SecretId is not set') } },
});

/** The secret's resource-based policy, a resource of its own in CloudFormation: compared by the IAM change rules like a bucket policy. */
const resourcePolicy: TypeMapper = (p) => {
  p.track('resourcePolicy', 'ResourcePolicy');
  return { facets: { resourcePolicy: normalizePolicy(p.get('ResourcePolicy'), 'ResourcePolicy') } };
};

export const SECRETS_MAPPERS: Record<string, TypeMapper> = {
  'AWS::SecretsManager::Secret': secret,
  'AWS::SecretsManager::RotationSchedule': rotationSchedule,
  'AWS::SecretsManager::ResourcePolicy': resourcePolicy,
};
