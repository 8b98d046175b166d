import type { Tri, Unknown, V } from '../../model';
import { isUnknown, unknown } from '../../model';
import type { TfValue } from './types';

/**
 * Reading Terraform attribute trees. Blocks arrive as arrays of objects (plan JSON shape); a path
 * segment that meets an array of a single-item block steps into its first element, so
 * `point_in_time_recovery.enabled` reads `point_in_time_recovery[0].enabled`. `name[2]` picks an
 * element explicitly. Every helper tolerates any shape (a plan can hold anything) and never throws.
 */
export type TfObject = { [key: string]: TfValue };

export function isObject(v: TfValue | undefined): v is TfObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknown(v);
}

const SEGMENT = /^([^[\]]*)((?:\[\d+\])*)$/;

/** A parsed path step: attribute name and explicit indexes (`ingress[2]` → ingress, [2]). */
interface Step {
  key: string;
  indexes: number[];
}

// Paths are a few hundred constant strings: parse each once (this runs for every attribute read).
const compiled = new Map<string, Step[] | null>();

function compile(path: string): Step[] | null {
  let steps = compiled.get(path);
  if (steps !== undefined) return steps;
  steps = [];
  for (const seg of path.split('.')) {
    const m = SEGMENT.exec(seg);
    if (!m) {
      steps = null;
      break;
    }
    steps.push({ key: m[1], indexes: (m[2].match(/\d+/g) ?? []).map(Number) });
  }
  if (compiled.size < 10_000) compiled.set(path, steps);
  return steps;
}

/** Value at a dotted path, or undefined when any step is missing. Unknown along the way is returned as is. */
export function getPath(root: TfValue | undefined, path: string): TfValue | undefined {
  const steps = compile(path);
  if (steps === null) return undefined;
  let cur: TfValue | undefined = root;
  for (const step of steps) {
    if (cur === undefined || cur === null) return undefined;
    if (Array.isArray(cur)) cur = cur[0];
    if (!isObject(cur)) return cur === undefined || cur === null || isUnknown(cur) ? cur : undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, step.key) ? cur[step.key] : undefined;
    for (const idx of step.indexes) {
      if (cur === undefined || cur === null) return undefined;
      if (isUnknown(cur)) return cur;
      cur = Array.isArray(cur) ? cur[idx] : undefined;
    }
  }
  return cur;
}

/** Attributes of AWS provider resources that hold one string (an ARN, id or name), never a list. */
const SCALAR_ATTRIBUTE = /\.(arn|id|name|key_id|bucket|identifier|cluster_identifier|secret_string|endpoint|address|url)$/;

/** A whole-string Terraform reference: `${aws_kms_key.k.arn}`. */
export function isReference(v: TfValue | undefined): boolean {
  return typeof v === 'string' && /^\$\{[^{}]+\}$/.test(v);
}

/** The address/expression inside `${…}`. */
export function referenceTarget(ref: string): string {
  return ref.slice(2, -1);
}

function notKnownBeforeApply(what: string, v: string): Unknown {
  return unknown(`${what} is ${v}, not known before apply`);
}

/** A boolean attribute: booleans, "true"/"false" strings; references and other shapes are Unknown. */
export function toBool(v: TfValue | undefined, what: string): Tri | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (isUnknown(v)) return v;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (v.includes('${')) return notKnownBeforeApply(what, v);
  }
  return unknown(`${what} is not a boolean (${short(v)})`);
}

export function toNum(v: TfValue | undefined, what: string): V<number> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  if (isUnknown(v)) return v;
  if (typeof v === 'string') {
    if (v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    if (v.includes('${')) return notKnownBeforeApply(what, v);
  }
  return unknown(`${what} is not a number (${short(v)})`);
}

/** Strings as written (references stay as `${…}` strings); numbers and booleans as their text. */
export function toStr(v: TfValue | undefined, what: string): V<string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isUnknown(v)) return v;
  return unknown(`${what} is not a string`);
}

/** A list (or set) of strings; a single string counts as a one-element list. */
export function toStrList(v: TfValue | undefined, what: string): V<string[]> | undefined {
  const items = toStrItems(v, what);
  if (items === undefined || isUnknown(items)) return items;
  const bad = items.find(isUnknown);
  return bad ?? (items as string[]);
}

/** Like toStrList, but keeps per-element unknowns (`V<string>[]`). */
export function toStrItems(v: TfValue | undefined, what: string): V<V<string>[]> | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'string' && isReference(v)) {
    // A plan reports `values = [aws_s3_bucket.raw.arn]` as one reference for the whole list. A
    // reference to a single-valued attribute can only stand in a list as an element (Terraform
    // rejects a string where a list is required), so the list holds it — and possibly literal
    // elements the plan does not show, hence the unknown beside it.
    if (SCALAR_ATTRIBUTE.test(referenceTarget(v))) return [v, unknown(`${what} may hold other elements besides ${v} (the plan reports the list as known after apply)`)];
    return notKnownBeforeApply(what, v);
  }
  // Fast path, the common case: already a list of strings (shared, not copied; callers only read).
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  const list = Array.isArray(v) ? v : [v];
  const out: V<string>[] = [];
  for (const x of list) {
    if (x === null) continue;
    out.push(toStr(x, what) ?? unknown(`${what} has an empty element`));
  }
  return out;
}

/** A map of strings (`default_arguments`, `parameters`, `tags`). */
export function toStrMap(v: TfValue | undefined, what: string): V<Record<string, V<string>>> | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return v;
  if (typeof v === 'string' && isReference(v)) return notKnownBeforeApply(what, v);
  if (!isObject(v)) return unknown(`${what} is not a map`);
  let plain = true;
  for (const k in v) if (typeof v[k] !== 'string') plain = false;
  if (plain) return v as Record<string, string>;
  const out: Record<string, V<string>> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null) continue;
    out[k] = toStr(x, `${what}.${k}`) ?? unknown(`${what}.${k} is empty`);
  }
  return out;
}

/** The objects of a (repeated) block; a single object counts as one block. */
export function blocks(v: TfValue | undefined): TfObject[] {
  if (Array.isArray(v)) return v.filter(isObject);
  return isObject(v) ? [v] : [];
}

function short(v: TfValue): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}
