import type { TypeMapping } from './types';

/**
 * aws_kms_key: rotation off by default, symmetric by default, enabled by default. Without a
 * `policy` argument AWS applies the default key policy (account root), which is left unset here
 * rather than invented.
 */
export const kmsKey: TypeMapping = {
  cfnType: 'AWS::KMS::Key',
  map(r, ctx) {
    const window = r.raw('deletion_window_in_days');
    return {
      facets: {
        kms: {
          rotation: r.bool('kms.rotation', 'enable_key_rotation', false),
          keySpec: r.strOr('kms.keySpec', 'customer_master_key_spec', 'SYMMETRIC_DEFAULT'),
          enabled: r.bool('kms.enabled', 'is_enabled', true),
          keyManager: 'CUSTOMER',
          ...(r.has('policy') ? { policy: (r.mark('kms.policy', 'policy'), ctx.policies.resolve(r.raw('policy'), 'policy')) } : {}),
          ...(window !== undefined && window !== null ? { pendingWindowInDays: r.num('kms.pendingWindowInDays', 'deletion_window_in_days', 30) } : {}),
        },
      },
    };
  },
};

export const kmsAlias: TypeMapping = {
  cfnType: 'AWS::KMS::Alias',
  nameAttr: 'name',
  map(r) {
    const name = r.str('kms.aliasName', 'name');
    const target = r.str('kms.targetKey', 'target_key_id');
    return { facets: { kms: { ...(name === undefined ? {} : { aliasName: name }), ...(target === undefined ? {} : { targetKey: target }) } } };
  },
};
