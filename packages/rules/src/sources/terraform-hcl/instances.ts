import { isUnknown, unknown, type Unknown } from '../../model';
import type { Evaluator } from './evaluator';
import { MAX_COLLECTION } from './limits';
import { Deferred, asString, isObj, notKnown, setKey, sortedKeys, type Val, type ValObject } from './value';

/** One instance of a resource: its address and the names `count`/`each` bind in its body. */
export interface Instance {
  address: string;
  scope: Map<string, Val>;
}

export interface Expansion {
  instances: Instance[];
  /** Set when count/for_each is not statically known: one instance stands for all. */
  unknownReason?: string;
}

function quoteKey(k: string): string {
  return JSON.stringify(k);
}

function unknownReason(v: Val, what: string): string {
  const u: Unknown | undefined = notKnown([v], what);
  return u ? u.reason : `${what} is not a valid value`;
}

/**
 * `count` and `for_each` → instances (`aws_x.y[0]`, `aws_x.y["a"]`), as Terraform expands them
 * (for_each keys in lexical order). When the argument is not statically known there is one
 * instance without index, whose `count.index` / `each.*` are Unknown.
 */
export function expandInstances(base: string, body: Record<string, unknown>, ev: Evaluator): Expansion {
  const empty = new Map<string, Val>();
  if (body.count !== undefined) {
    let count = ev.raw(body.count, empty);
    if (typeof count === 'string' && /^\d+$/.test(count)) count = Number(count);
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0 && count <= MAX_COLLECTION) {
      return {
        instances: Array.from({ length: count }, (_, i) => {
          const c: ValObject = {};
          setKey(c, 'index', i);
          return { address: `${base}[${i}]`, scope: new Map<string, Val>([['count', c]]) };
        }),
      };
    }
    const reason = typeof count === 'number' ? `count ${count} is not a usable instance count` : unknownReason(count, 'count');
    const c: ValObject = {};
    setKey(c, 'index', unknown(`count.index of ${base}: ${reason}`));
    return { instances: [{ address: base, scope: new Map([['count', c]]) }], unknownReason: reason };
  }
  if (body.for_each !== undefined) {
    const fe = ev.raw(body.for_each, empty);
    const pairs = forEachPairs(fe);
    if (Array.isArray(pairs)) {
      return {
        instances: pairs.map(([k, v]) => {
          const each: ValObject = {};
          setKey(each, 'key', k);
          setKey(each, 'value', v);
          return { address: `${base}[${quoteKey(k)}]`, scope: new Map<string, Val>([['each', each]]) };
        }),
      };
    }
    const each: ValObject = {};
    setKey(each, 'key', unknown(`each.key of ${base}: ${pairs.reason}`));
    setKey(each, 'value', unknown(`each.value of ${base}: ${pairs.reason}`));
    return { instances: [{ address: base, scope: new Map([['each', each]]) }], unknownReason: pairs.reason };
  }
  return { instances: [{ address: base, scope: new Map() }] };
}

/** A map (keys → values) or a set of strings (each key is its value). */
function forEachPairs(fe: Val): Array<[string, Val]> | Unknown {
  if (isObj(fe)) {
    const keys = sortedKeys(fe);
    if (keys.length > MAX_COLLECTION) return unknown(`for_each has more than ${MAX_COLLECTION} elements`);
    return keys.map((k) => [k, fe[k]]);
  }
  if (Array.isArray(fe)) {
    if (fe.length > MAX_COLLECTION) return unknown(`for_each has more than ${MAX_COLLECTION} elements`);
    const keys: string[] = [];
    for (const x of fe) {
      if (isUnknown(x) || x instanceof Deferred) return unknown(`for_each: ${unknownReason(x, 'an element')}`);
      const s = typeof x === 'string' ? x : undefined;
      if (s === undefined) return unknown(`for_each must be a map or a set of strings, got an element of type ${asString(x) === undefined ? 'collection' : typeof x}`);
      if (!keys.includes(s)) keys.push(s);
    }
    return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => [k, k]);
  }
  if (fe === null) return unknown('for_each is null');
  if (isUnknown(fe)) return fe;
  if (fe instanceof Deferred) return unknown(unknownReason(fe, 'for_each'));
  return unknown(`for_each must be a map or a set of strings, got a ${typeof fe}`);
}
