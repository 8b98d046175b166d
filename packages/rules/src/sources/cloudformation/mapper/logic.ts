import type { Tri, Unknown } from '../../../model';
import { isUnknown } from '../../../model';

/** True only if every value is true; false if any is false; otherwise unknown. Empty ⇒ false. */
export function allTrue(values: Tri[]): Tri {
  if (values.length === 0) return false;
  let pending: Unknown | undefined;
  for (const v of values) {
    if (v === false) return false;
    if (isUnknown(v)) pending ??= v;
  }
  return pending ?? true;
}

/** True if any value is true; false if all are false; otherwise unknown. */
export function anyTrue(values: Tri[]): Tri {
  let pending: Unknown | undefined;
  for (const v of values) {
    if (v === true) return true;
    if (isUnknown(v)) pending ??= v;
  }
  return pending ?? false;
}

/** Lower-case a known string (engines, log types, protocols are case-insensitive). */
export function lower<T>(v: T): T {
  return (typeof v === 'string' ? v.toLowerCase() : v) as T;
}

/** Lower-case every item of a known list. */
export function lowerAll<T extends string[] | { kind: 'unknown' } | undefined>(v: T): T {
  return (Array.isArray(v) ? v.map((x) => x.toLowerCase()) : v) as T;
}
