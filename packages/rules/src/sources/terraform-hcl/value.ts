import type { Unknown } from '../../model';
import { isUnknown, unknown } from '../../model';
import type { TfValue } from '../terraform/types';
import { MAX_EVAL_DEPTH } from './limits';

/**
 * A value only known after apply: a resource/data attribute. Kept as text with the reference in
 * place (`${aws_s3_bucket.raw.arn}/*`), which is how the mapper expects references. `address` is
 * set when the whole value is one reference, so `.attr` and `[i]` can extend it; `first` names
 * the reference for Unknown reasons when an operation needs the actual value.
 */
export class Deferred {
  constructor(
    readonly text: string,
    readonly first: string,
    readonly address?: string,
  ) {}
}

export type Val = null | boolean | number | string | Unknown | Deferred | Val[] | ValObject;
export type ValObject = { [key: string]: Val };

/**
 * Unknowns produced by an evaluation error (missing attribute, wrong type) rather than by a value
 * that is not known: `try()` and `can()` treat the two differently, as Terraform does.
 */
const errorUnknowns = new WeakSet<Unknown>();

export function failure(reason: string): Unknown {
  const u = unknown(reason);
  errorUnknowns.add(u);
  return u;
}

export function isFailure(v: Val): boolean {
  return isUnknown(v) && errorUnknowns.has(v);
}

export function isObj(v: Val | undefined): v is ValObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Deferred) && !isUnknown(v);
}

/** Sets a key without ever touching a prototype (keys come from the input: `__proto__` is data). */
export function setKey(o: ValObject, key: string, value: Val): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

export function has(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Map keys in Terraform's iteration order (lexical). */
export function sortedKeys(o: ValObject): string[] {
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The first value that is not known (Unknown, or Deferred turned into an Unknown naming it). */
export function notKnown(values: readonly Val[], what: string): Unknown | undefined {
  for (const v of values) {
    if (isUnknown(v)) return v;
    if (v instanceof Deferred) return unknown(`${what} depends on ${v.first}, known only after apply`);
  }
  return undefined;
}

/** Deep: is there an Unknown anywhere inside? */
export function containsUnknown(v: Val, depth = 0): boolean {
  if (isUnknown(v)) return true;
  if (depth > MAX_EVAL_DEPTH) return true;
  if (Array.isArray(v)) return v.some((x) => containsUnknown(x, depth + 1));
  if (isObj(v)) return Object.values(v).some((x) => containsUnknown(x, depth + 1));
  return false;
}

/** The attribute-tree form the mapper reads: Deferred becomes its text. */
export function toTfValue(v: Val, depth = 0): TfValue {
  if (v instanceof Deferred) return v.text;
  if (isUnknown(v)) return { kind: 'unknown', reason: v.reason };
  if (depth > MAX_EVAL_DEPTH) return unknown('value nested too deeply');
  if (Array.isArray(v)) return v.map((x) => toTfValue(x, depth + 1));
  if (isObj(v)) {
    const out: { [key: string]: TfValue } = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: toTfValue(v[k], depth + 1), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/** Converts a plain JS value given by the caller (`options.variables`). */
export function fromJs(v: unknown, depth = 0): Val {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : unknown(`${String(v)} is not a Terraform number`);
  if (isUnknown(v)) return v;
  if (depth > 100) return unknown('value nested too deeply');
  if (Array.isArray(v)) return v.map((x) => fromJs(x, depth + 1));
  if (typeof v === 'object') {
    const o: ValObject = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) setKey(o, k, fromJs(x, depth + 1));
    return o;
  }
  return unknown(`a ${typeof v} is not a Terraform value`);
}

export function typeName(v: Val): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Deferred) return 'reference';
  if (isUnknown(v)) return 'unknown';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** Terraform's string conversion for interpolation and string functions. */
export function asString(v: Val): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

/** Deep equality of known values (Terraform compares type and value: `"1" != 1`). */
export function deepEqual(a: Val, b: Val, depth = 0): boolean {
  if (depth > MAX_EVAL_DEPTH) return false;
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i], depth + 1));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => has(b, k) && deepEqual(a[k], b[k], depth + 1));
  }
  return false;
}
