import { normalizePolicy } from '../../../iam/normalize';
import type { TypeMapper } from './types';

const key: TypeMapper = (p) => {
  p.track('kms.policy', 'KeyPolicy');
  const pending = p.get('PendingWindowInDays');
  return {
    facets: {
      kms: {
        rotation: p.bool('kms.rotation', 'EnableKeyRotation', false),
        keySpec: p.str('kms.keySpec', 'KeySpec') ?? 'SYMMETRIC_DEFAULT',
        policy: normalizePolicy(p.get('KeyPolicy'), 'KeyPolicy'),
        enabled: p.bool('kms.enabled', 'Enabled', true),
        ...(pending !== undefined ? { pendingWindowInDays: p.num('kms.pendingWindowInDays', 'PendingWindowInDays', 30) } : {}),
        keyManager: 'CUSTOMER',
      },
    },
  };
};

const alias: TypeMapper = (p) => {
  const aliasName = p.str('kms.aliasName', 'AliasName');
  const targetKey = p.str('kms.targetKey', 'TargetKeyId');
  return {
    name: aliasName,
    facets: { kms: { ...(aliasName !== undefined ? { aliasName } : {}), ...(targetKey !== undefined ? { targetKey } : {}) } },
  };
};

export const KMS_MAPPERS: Record<string, TypeMapper> = {
  'AWS::KMS::Key': key,
  'AWS::KMS::Alias': alias,
};
