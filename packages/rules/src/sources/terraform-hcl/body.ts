import { isUnknown, unknown } from '../../model';
import type { TfValue } from '../terraform/types';
import { iteratePairs, type Evaluator, type Scope } from './evaluator';
import { MAX_EVAL_DEPTH } from './limits';
import { isObj, setKey, toTfValue, type Val, type ValObject } from './value';

/** Meta-arguments: they steer Terraform, they are not attributes of the resource. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection']);

type Obj = Record<string, unknown>;

function isRawObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function rawBodies(v: unknown): Obj[] {
  if (Array.isArray(v)) return v.filter(isRawObject);
  return isRawObject(v) ? [v] : [];
}

/** The iterator name of a dynamic block: `iterator = rule` arrives as the template `${rule}`. */
function iteratorName(raw: unknown, fallback: string): string {
  if (typeof raw !== 'string') return fallback;
  const m = /^\$\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}$/.exec(raw) ?? /^([A-Za-z_][A-Za-z0-9_-]*)$/.exec(raw);
  return m ? m[1] : fallback;
}

/**
 * A resource body → attribute tree: nested blocks become lists of objects (as in a plan),
 * `dynamic` blocks are expanded when their `for_each` is known and make the block list Unknown
 * otherwise (never silently empty: a rule must not pass on rules it could not see).
 */
export function evaluateBody(body: Obj, ev: Evaluator, scope: Scope): { [key: string]: TfValue } {
  const out = toTfValue(blockBody(body, ev, scope, 0, true));
  return isObj(out as Val) ? (out as { [key: string]: TfValue }) : {};
}

function blockBody(body: Obj, ev: Evaluator, scope: Scope, depth: number, top: boolean): ValObject {
  const out: ValObject = {};
  if (depth > MAX_EVAL_DEPTH) return out;
  for (const [key, raw] of Object.entries(body)) {
    if (top && META_ARGUMENTS.has(key)) continue;
    if (key === 'dynamic' && isRawObject(raw)) continue;
    if (Array.isArray(raw) && raw.length > 0 && raw.every(isRawObject)) {
      setKey(out, key, raw.map((b) => blockBody(b, ev, scope, depth + 1, false)));
    } else {
      setKey(out, key, ev.raw(raw, scope));
    }
  }
  if (isRawObject(body.dynamic)) {
    for (const [name, specs] of Object.entries(body.dynamic)) {
      for (const spec of rawBodies(specs)) expandDynamic(out, name, spec, ev, scope, depth);
    }
  }
  return out;
}

function expandDynamic(out: ValObject, name: string, spec: Obj, ev: Evaluator, scope: Scope, depth: number): void {
  const existing = Object.prototype.hasOwnProperty.call(out, name) ? out[name] : [];
  if (isUnknown(existing)) return; // an earlier dynamic block of this name is already unknown
  const forEach = ev.raw(spec.for_each, scope);
  const pairs = iteratePairs(forEach, `dynamic "${name}" for_each`);
  if (!Array.isArray(pairs)) {
    const reason = isUnknown(pairs) ? pairs.reason : 'for_each is not known';
    setKey(out, name, unknown(`dynamic "${name}" blocks: ${reason}`));
    return;
  }
  const iterator = iteratorName(spec.iterator, name);
  const content = rawBodies(spec.content)[0] ?? {};
  const generated = pairs.map(([key, value]) => {
    const inner = new Map(scope);
    const it: ValObject = {};
    setKey(it, 'key', key);
    setKey(it, 'value', value);
    inner.set(iterator, it);
    return blockBody(content, ev, inner, depth + 1, false) as Val;
  });
  setKey(out, name, [...(Array.isArray(existing) ? existing : [existing]), ...generated]);
}
