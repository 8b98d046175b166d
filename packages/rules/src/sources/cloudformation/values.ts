import { isUnknown } from '../../model';
import type { CfnValue } from './types';

export type CfnMap = { [key: string]: CfnValue };

export function isMapValue(v: CfnValue | undefined): v is CfnMap {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) && !isUnknown(v);
}

/** True when any part of the tree is unknown. */
export function containsUnknown(v: CfnValue, depth = 0): boolean {
  if (isUnknown(v)) return true;
  if (depth > 1000) return true;
  if (Array.isArray(v)) return v.some((x) => containsUnknown(x, depth + 1));
  if (isMapValue(v)) return Object.values(v).some((x) => containsUnknown(x, depth + 1));
  return false;
}

/** Structural equality of two resolved values (unknowns are equal only when their reasons are). */
export function sameValue(a: CfnValue, b: CfnValue, depth = 0): boolean {
  if (a === b) return true;
  if (depth > 1000) return false;
  if (isUnknown(a) || isUnknown(b)) return isUnknown(a) && isUnknown(b) && a.reason === b.reason;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i], depth + 1));
  }
  if (isMapValue(a) && isMapValue(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k], depth + 1));
  }
  return false;
}

/** The intrinsic function a map stands for (`Ref`, `Fn::Sub`, …), if it is one. */
export function intrinsicName(v: CfnValue | undefined): string | undefined {
  if (!isMapValue(v)) return undefined;
  // The one own key, without building a key list (asked of every map of every template).
  let only: string | undefined;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    if (only !== undefined) return undefined;
    only = k;
  }
  return only !== undefined && (only === 'Ref' || only.startsWith('Fn::')) ? only : undefined;
}
