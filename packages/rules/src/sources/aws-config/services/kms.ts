import type { KmsFacet, Tri } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import type { ItemReader } from '../reader';
import type { ItemMapper } from './types';

/** `keyState` when recorded (Enabled, Disabled, PendingDeletion …), else the `enabled` flag (default true). */
function enabled(r: ItemReader): Tri {
  const state = r.str('kms.enabled', 'configuration.keyState');
  if (state === undefined) return r.bool('kms.enabled', 'configuration.enabled', true);
  return isUnknown(state) ? state : state.toLowerCase() === 'enabled';
}

/**
 * AWS::KMS::Key. Config records the key metadata (DescribeKey) and the rotation status as
 * `supplementaryConfiguration.KeyRotationStatus`; it does not record the key policy, so `policy`
 * is left unset rather than invented. AWS-managed keys rotate every year whatever the item says.
 */
export const kmsKey: ItemMapper = (r) => {
  const manager = r.str('kms.keyManager', 'configuration.keyManager');
  const keyManager: KmsFacet['keyManager'] = typeof manager === 'string' && manager.toUpperCase() === 'AWS' ? 'AWS' : 'CUSTOMER';
  const specPath = r.has('configuration.keySpec') ? 'configuration.keySpec' : 'configuration.customerMasterKeySpec';
  const rotation = r.bool('kms.rotation', 'supplementaryConfiguration.KeyRotationStatus', false);
  const kms: KmsFacet = {
    keyManager,
    keySpec: r.strOr('kms.keySpec', specPath, 'SYMMETRIC_DEFAULT'),
    rotation: keyManager === 'AWS' && !r.has('supplementaryConfiguration.KeyRotationStatus') ? true : rotation,
    enabled: enabled(r),
  };
  const state = r.raw('configuration.keyState');
  if (typeof state === 'string' && state === 'PendingDeletion') {
    const date = r.raw('configuration.deletionDate');
    r.mark('kms.pendingWindowInDays', 'configuration.deletionDate');
    kms.pendingWindowInDays = unknown(`the key is pending deletion${date !== undefined ? ` (deletion date ${String(date)})` : ''}; Config records the date, not the waiting period`);
  }
  return { kms };
};

/** AWS::KMS::Alias (registry schema casing: `AliasName`, `TargetKeyId`). */
export const kmsAlias: ItemMapper = (r) => {
  const name = r.str('kms.aliasName', 'configuration.AliasName') ?? r.item.resourceName;
  const target = r.str('kms.targetKey', 'configuration.TargetKeyId');
  return { kms: { ...(name === undefined ? {} : { aliasName: name }), ...(target === undefined ? {} : { targetKey: target }) } };
};
