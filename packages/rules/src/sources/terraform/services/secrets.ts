import { encryptionFromKey } from '../reader';
import type { TypeMapping } from './types';

/**
 * aws_secretsmanager_secret: no `kms_key_id` ⇒ `aws/secretsmanager` (aws-managed). Rotation comes
 * from a separate `aws_secretsmanager_secret_rotation` (linker) or the provider-v4 inline
 * `rotation_rules`; a literal `secret_string` of an `aws_secretsmanager_secret_version` is folded
 * in by the mapper.
 */
export const secret: TypeMapping = {
  cfnType: 'AWS::SecretsManager::Secret',
  nameAttr: 'name',
  map(r, ctx) {
    r.mark('secret.rotation', 'rotation_rules');
    const policy = r.raw('policy');
    return {
      facets: {
        encryption: encryptionFromKey(r.str('encryption.keyRef', 'kms_key_id'), 'aws-managed', 'kms_key_id'),
        secret: { rotation: r.has('rotation_rules.automatically_after_days') || r.has('rotation_rules.schedule_expression') || r.raw('rotation_enabled') === true },
        credentials: { plaintextPassword: false },
        ...(policy !== undefined && policy !== null && policy !== '' ? { resourcePolicy: (r.mark('resourcePolicy', 'policy'), ctx.policies.resolve(policy, 'policy')) } : {}),
      },
    };
  },
};

export const secretRotation: TypeMapping = {
  cfnType: 'AWS::SecretsManager::RotationSchedule',
  map(r) {
    const target = r.str('secret.rotates', 'secret_id');
    return { facets: { secret: target === undefined ? {} : { rotates: target } } };
  },
};

/** aws_secretsmanager_secret_policy: the secret's resource-based policy as a resource of its own (as CloudFormation's AWS::SecretsManager::ResourcePolicy). */
export const secretPolicy: TypeMapping = {
  cfnType: 'AWS::SecretsManager::ResourcePolicy',
  map(r, ctx) {
    r.mark('resourcePolicy', 'policy');
    const policy = r.raw('policy');
    return { facets: policy === undefined || policy === null || policy === '' ? {} : { resourcePolicy: ctx.policies.resolve(policy, 'policy') } };
  },
};
