import type { V } from '../model';
import { isUnknown } from '../model';

/**
 * Three-valued logic over `V<boolean>`: a statement whose action list holds an unresolved value
 * may or may not grant; the answer is then `Unknown` with the first reason, never a guess.
 */
export function anyOf(values: Iterable<V<boolean>>): V<boolean> {
  let firstUnknown: V<boolean> | undefined;
  for (const v of values) {
    if (v === true) return true;
    if (isUnknown(v) && !firstUnknown) firstUnknown = v;
  }
  return firstUnknown ?? false;
}

export function allOf(values: Iterable<V<boolean>>): V<boolean> {
  let firstUnknown: V<boolean> | undefined;
  for (const v of values) {
    if (v === false) return false;
    if (isUnknown(v) && !firstUnknown) firstUnknown = v;
  }
  return firstUnknown ?? true;
}

export function not(v: V<boolean>): V<boolean> {
  return isUnknown(v) ? v : !v;
}

/** Lifts a test over a possibly-unknown string. */
export function test<T>(value: V<T>, f: (t: T) => boolean): V<boolean> {
  if (isUnknown(value)) return value;
  return f(value);
}
