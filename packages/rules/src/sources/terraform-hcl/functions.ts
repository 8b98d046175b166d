import { isUnknown, unknown } from '../../model';
import { MAX_COLLECTION, MAX_EVAL_DEPTH } from './limits';
import { Deferred, asString, containsUnknown, deepEqual, failure, has, isObj, notKnown, setKey, sortedKeys, type Val, type ValObject } from './value';

/**
 * Terraform built-in functions that matter for static analysis of IaC. A function gets evaluated
 * arguments; anything it cannot compute (an Unknown argument, a value known only after apply, a
 * file read) gives an Unknown naming the call. `try`/`can` live in the evaluator (they need the
 * unevaluated arguments).
 */
type Fn = (args: Val[], name: string) => Val;

const wrongArgs = (name: string, why: string) => failure(`${name}(): ${why}`);

/** Wraps a function that needs every argument fully known (no Unknown, no reference). */
function strict(fn: Fn): Fn {
  return (args, name) => {
    for (const a of args) {
      const nk = notKnown([a], `${name}()`);
      if (nk) return nk;
    }
    return fn(args, name);
  };
}

function str(v: Val): string | undefined {
  return asString(v);
}

function list(v: Val): Val[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

function stringFn(f: (s: string) => string): Fn {
  return strict((args, name) => {
    const s = str(args[0]);
    return args.length !== 1 || s === undefined ? wrongArgs(name, 'expects one string') : f(s);
  });
}

/** A sequence of text and references, concatenated: known text stays a string, else a Deferred. */
export function concatText(parts: Val[], what: string): Val {
  let text = '';
  let first: string | undefined;
  for (const p of parts) {
    if (p instanceof Deferred) {
      text += p.text;
      first ??= p.first;
      continue;
    }
    if (isUnknown(p)) return p;
    const s = asString(p);
    if (s === undefined) return failure(`${what}: cannot use a ${p === null ? 'null' : Array.isArray(p) ? 'list' : 'map'} value in a string`);
    text += s;
  }
  return first === undefined ? text : new Deferred(text, first);
}

function jsonText(v: Val, depth: number): string | Deferred | undefined {
  // Returns undefined when something inside is Unknown (the caller keeps the tree instead).
  if (depth > MAX_EVAL_DEPTH) return undefined;
  if (v instanceof Deferred) return JSON.stringify(v.text);
  if (isUnknown(v)) return undefined;
  if (Array.isArray(v)) {
    const parts = v.map((x) => jsonText(x, depth + 1));
    if (parts.some((p) => p === undefined)) return undefined;
    return `[${parts.map((p) => (p instanceof Deferred ? p.text : p)).join(',')}]`;
  }
  if (isObj(v)) {
    const parts: string[] = [];
    for (const k of sortedKeys(v)) {
      const p = jsonText(v[k], depth + 1);
      if (p === undefined) return undefined;
      parts.push(`${JSON.stringify(k)}:${p instanceof Deferred ? p.text : p}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(v);
}

function hasDeferred(v: Val, depth = 0): string | undefined {
  if (v instanceof Deferred) return v.first;
  if (depth > MAX_EVAL_DEPTH) return undefined;
  const inner = Array.isArray(v) ? v : isObj(v) ? Object.values(v) : [];
  for (const x of inner) {
    const d = hasDeferred(x, depth + 1);
    if (d !== undefined) return d;
  }
  return undefined;
}

/**
 * `jsonencode`: a JSON string (keys sorted, as Terraform writes them). References stay inline as
 * `"${aws_x.y.arn}"` strings. When something inside is Unknown a string cannot carry it, so the
 * evaluated tree is returned instead (the mapper's policy reader accepts trees with Unknowns).
 */
function jsonencode(args: Val[], name: string): Val {
  if (args.length !== 1) return wrongArgs(name, 'expects one argument');
  const v = args[0];
  if (isUnknown(v)) return v;
  if (containsUnknown(v)) return v;
  const text = jsonText(v, 0);
  if (text === undefined) return v;
  const s = typeof text === 'string' ? text : text.text;
  const ref = hasDeferred(v);
  return ref === undefined ? s : new Deferred(s, ref);
}

function fromJson(x: unknown, depth: number): Val {
  if (x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') return x;
  if (depth > MAX_EVAL_DEPTH) return unknown('JSON nested too deeply');
  if (Array.isArray(x)) return x.map((e) => fromJson(e, depth + 1));
  const o: ValObject = {};
  for (const [k, e] of Object.entries(x as Record<string, unknown>)) setKey(o, k, fromJson(e, depth + 1));
  return o;
}

function formatString(args: Val[], name: string): Val {
  const fmt = args[0];
  if (typeof fmt !== 'string') return notKnown([fmt], `${name}()`) ?? wrongArgs(name, 'the format must be a string');
  const parts: Val[] = [];
  let argi = 1;
  let last = 0;
  const re = /%(?:\[(\d+)\])?([-+# 0]*)(\d+)?(?:\.(\d+))?([%svdtqfeEgGxXobc])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fmt)) !== null) {
    parts.push(fmt.slice(last, m.index));
    last = m.index + m[0].length;
    const verb = m[5];
    if (verb === '%') {
      parts.push('%');
      continue;
    }
    if (m[1] !== undefined) argi = Number(m[1]);
    if (argi >= args.length) return wrongArgs(name, 'not enough arguments for the format');
    const a = args[argi++];
    if (verb === 's' || verb === 'v') {
      parts.push(a); // references stay inline: format("%s/*", aws_s3_bucket.b.arn)
      continue;
    }
    const nk = notKnown([a], `${name}()`);
    if (nk) return nk;
    if (verb === 'q') parts.push(JSON.stringify(asString(a) ?? ''));
    else if (verb === 'd' && typeof a === 'number') parts.push(String(Math.trunc(a)).padStart(Number(m[3] ?? 0), m[2].includes('0') ? '0' : ' '));
    else if (verb === 'f' && typeof a === 'number') parts.push(a.toFixed(m[4] === undefined ? 6 : Number(m[4])));
    else if (verb === 't' && typeof a === 'boolean') parts.push(String(a));
    else return unknown(`${name}(): the %${verb} verb is not evaluated`);
  }
  parts.push(fmt.slice(last));
  return concatText(parts, `${name}()`);
}

function toSet(values: Val[]): Val[] {
  const out: Val[] = [];
  for (const v of values) if (!out.some((x) => deepEqual(x, v))) out.push(v);
  // Terraform iterates a set of strings in lexical order.
  if (out.every((x) => typeof x === 'string')) (out as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return out;
}

function flatten(v: Val[], depth: number): Val[] {
  return v.flatMap((x) => (Array.isArray(x) && depth < 100 ? flatten(x, depth + 1) : [x]));
}

function regexOf(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'g');
  } catch {
    return undefined;
  }
}

const FILE_FUNCTIONS = ['file', 'templatefile', 'filebase64', 'fileexists', 'fileset', 'filemd5', 'filesha1', 'filesha256', 'filesha512', 'filebase64sha256', 'filebase64sha512', 'abspath', 'pathexpand'];
const RUNTIME_FUNCTIONS = ['timestamp', 'uuid', 'uuidv5', 'bcrypt', 'plantimestamp'];

const FUNCTIONS: Record<string, Fn> = {
  jsonencode,
  jsondecode: strict((args, name) => {
    const s = str(args[0]);
    if (s === undefined) return wrongArgs(name, 'expects a string');
    try {
      return fromJson(JSON.parse(s), 0);
    } catch {
      return failure(`${name}(): the string is not valid JSON`);
    }
  }),
  merge: (args, name) => {
    const out: ValObject = {};
    for (const a of args) {
      if (a === null) continue;
      if (isUnknown(a)) return a;
      if (!isObj(a)) return notKnown([a], `${name}()`) ?? wrongArgs(name, 'arguments must be maps or objects');
      for (const k of Object.keys(a)) setKey(out, k, a[k]);
    }
    return out;
  },
  concat: (args, name) => {
    const out: Val[] = [];
    for (const a of args) {
      if (isUnknown(a)) return a;
      const l = list(a);
      if (!l) return notKnown([a], `${name}()`) ?? wrongArgs(name, 'arguments must be lists');
      out.push(...l);
    }
    return out;
  },
  lookup: (args, name) => {
    const [m, k, d] = args;
    if (args.length < 2 || args.length > 3) return wrongArgs(name, 'expects 2 or 3 arguments');
    const nk = notKnown([m, k], `${name}()`);
    if (nk) return nk;
    const key = asString(k);
    if (!isObj(m) || key === undefined) return wrongArgs(name, 'expects a map and a string key');
    if (has(m, key)) return m[key];
    return args.length === 3 ? d : failure(`${name}(): the map has no key "${key}"`);
  },
  coalesce: (args, name) => {
    for (const a of args) {
      if (isUnknown(a) || a instanceof Deferred) return notKnown([a], `${name}()`) ?? a;
      if (a !== null && a !== '') return a;
    }
    return failure(`${name}(): no non-null, non-empty argument`);
  },
  coalescelist: (args, name) => {
    for (const a of args) {
      if (isUnknown(a)) return a;
      if (Array.isArray(a) && a.length > 0) return a;
    }
    return failure(`${name}(): no non-empty list`);
  },
  format: formatString,
  formatlist: strict((args, name) => {
    const lists = args.slice(1).filter(Array.isArray) as Val[][];
    const n = lists.length ? lists[0].length : 1;
    if (lists.some((l) => l.length !== n)) return wrongArgs(name, 'lists must have the same length');
    const out: Val[] = [];
    for (let i = 0; i < n; i++) out.push(formatString([args[0], ...args.slice(1).map((a) => (Array.isArray(a) ? a[i] : a))], name));
    return out;
  }),
  lower: stringFn((s) => s.toLowerCase()),
  upper: stringFn((s) => s.toUpperCase()),
  title: stringFn((s) => s.replace(/\b\w/g, (c) => c.toUpperCase())),
  trimspace: stringFn((s) => s.trim()),
  chomp: stringFn((s) => s.replace(/(\r?\n)+$/, '')),
  tostring: (args, name) => (args[0] instanceof Deferred ? args[0] : strict((a) => (a[0] === null ? null : (asString(a[0]) ?? wrongArgs(name, 'cannot convert to string'))))(args, name)),
  tonumber: strict((args, name) => {
    const v = args[0];
    if (v === null || typeof v === 'number') return v;
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : wrongArgs(name, 'cannot convert to number');
  }),
  tobool: strict((args, name) => {
    const v = args[0];
    if (v === null || typeof v === 'boolean') return v;
    return v === 'true' ? true : v === 'false' ? false : wrongArgs(name, 'cannot convert to bool');
  }),
  tolist: (args, name) => (isUnknown(args[0]) ? args[0] : (list(args[0]) ?? notKnown(args, `${name}()`) ?? wrongArgs(name, 'expects a list or set'))),
  toset: (args, name) => {
    const l = list(args[0]);
    if (!l) return isUnknown(args[0]) ? args[0] : (notKnown(args, `${name}()`) ?? wrongArgs(name, 'expects a list or set'));
    return l.some((x) => isUnknown(x) || x instanceof Deferred) ? unknown(`${name}(): an element is not known, so the set is not`) : toSet(l);
  },
  tomap: (args, name) => (isUnknown(args[0]) ? args[0] : isObj(args[0]) ? args[0] : (notKnown(args, `${name}()`) ?? wrongArgs(name, 'expects a map or object'))),
  length: (args, name) => {
    const v = args[0];
    if (isUnknown(v)) return v;
    if (Array.isArray(v)) return v.length;
    if (isObj(v)) return Object.keys(v).length;
    if (typeof v === 'string') return [...v].length;
    return notKnown([v], `${name}()`) ?? wrongArgs(name, 'expects a collection or string');
  },
  element: (args, name) => {
    const [l, i] = args;
    const nk = notKnown([i], `${name}()`) ?? (isUnknown(l) ? l : undefined);
    if (nk) return nk;
    if (!Array.isArray(l) || typeof i !== 'number') return notKnown([l], `${name}()`) ?? wrongArgs(name, 'expects a list and a number');
    if (l.length === 0) return failure(`${name}(): the list is empty`);
    const idx = Math.trunc(i);
    if (idx < 0) return failure(`${name}(): negative index`);
    return l[idx % l.length];
  },
  join: (args, name) => {
    const [sep, ...lists] = args;
    if (typeof sep !== 'string') return notKnown([sep], `${name}()`) ?? wrongArgs(name, 'the separator must be a string');
    const items: Val[] = [];
    for (const l of lists) {
      if (isUnknown(l)) return l;
      if (!Array.isArray(l)) return notKnown([l], `${name}()`) ?? wrongArgs(name, 'expects lists');
      items.push(...l);
    }
    return concatText(items.flatMap((x, i) => (i === 0 ? [x] : [sep, x])), `${name}()`);
  },
  split: strict((args, name) => {
    const [sep, s] = args.map((a) => str(a));
    if (sep === undefined || s === undefined) return wrongArgs(name, 'expects two strings');
    return s === '' ? [] : s.split(sep);
  }),
  replace: strict((args, name) => {
    const [s, find, repl] = args.map((a) => str(a));
    if (s === undefined || find === undefined || repl === undefined) return wrongArgs(name, 'expects three strings');
    if (find.length > 1 && find.startsWith('/') && find.endsWith('/')) {
      const re = regexOf(find.slice(1, -1));
      return re ? s.replace(re, repl) : failure(`${name}(): invalid regular expression ${find}`);
    }
    return find === '' ? s : s.split(find).join(repl);
  }),
  contains: (args, name) => {
    const [l, v] = args;
    if (isUnknown(l)) return l;
    if (!Array.isArray(l)) return notKnown([l], `${name}()`) ?? wrongArgs(name, 'expects a list');
    const nk = notKnown([v], `${name}()`);
    if (nk) return nk;
    if (l.some((x) => deepEqual(x, v))) return true;
    const open = notKnown(l, `${name}()`);
    return open ?? false;
  },
  keys: (args, name) => (isUnknown(args[0]) ? args[0] : isObj(args[0]) ? sortedKeys(args[0]) : (notKnown(args, `${name}()`) ?? wrongArgs(name, 'expects a map'))),
  values: (args, name) => {
    const m = args[0];
    if (isUnknown(m)) return m;
    return isObj(m) ? sortedKeys(m).map((k) => m[k]) : (notKnown(args, `${name}()`) ?? wrongArgs(name, 'expects a map'));
  },
  flatten: (args, name) => (isUnknown(args[0]) ? args[0] : Array.isArray(args[0]) ? flatten(args[0], 0) : wrongArgs(name, 'expects a list')),
  distinct: (args, name) => (isUnknown(args[0]) ? args[0] : Array.isArray(args[0]) ? args[0].filter((x, i, a) => a.findIndex((y) => deepEqual(x, y)) === i) : wrongArgs(name, 'expects a list')),
  compact: strict((args, name) => (Array.isArray(args[0]) ? args[0].filter((x) => x !== null && x !== '') : wrongArgs(name, 'expects a list'))),
  reverse: strict((args, name) => (Array.isArray(args[0]) ? [...args[0]].reverse() : wrongArgs(name, 'expects a list'))),
  sort: strict((args, name) => {
    const l = args[0];
    if (!Array.isArray(l)) return wrongArgs(name, 'expects a list');
    const s = l.map((x) => asString(x));
    return s.some((x) => x === undefined) ? wrongArgs(name, 'expects strings') : (s as string[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }),
  one: (args, name) => {
    const l = args[0];
    if (isUnknown(l)) return l;
    if (!Array.isArray(l)) return wrongArgs(name, 'expects a list');
    return l.length === 0 ? null : l.length === 1 ? l[0] : failure(`${name}(): the list has more than one element`);
  },
  slice: strict((args, name) => {
    const [l, a, b] = args;
    if (!Array.isArray(l) || typeof a !== 'number' || typeof b !== 'number' || a < 0 || b > l.length || a > b) return wrongArgs(name, 'invalid arguments');
    return l.slice(a, b);
  }),
  index: strict((args, name) => {
    const [l, v] = args;
    if (!Array.isArray(l)) return wrongArgs(name, 'expects a list');
    const i = l.findIndex((x) => deepEqual(x, v));
    return i < 0 ? failure(`${name}(): the value is not in the list`) : i;
  }),
  zipmap: strict((args, name) => {
    const [k, v] = args;
    if (!Array.isArray(k) || !Array.isArray(v) || k.length !== v.length) return wrongArgs(name, 'expects two lists of the same length');
    const out: ValObject = {};
    k.forEach((key, i) => setKey(out, asString(key) ?? '', v[i]));
    return out;
  }),
  range: strict((args, name) => {
    const nums = args.map((a) => (typeof a === 'number' ? a : NaN));
    if (nums.some(Number.isNaN) || nums.length < 1 || nums.length > 3) return wrongArgs(name, 'expects 1 to 3 numbers');
    const [start, end, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? (nums[1] >= nums[0] ? 1 : -1)];
    if (step === 0 || Math.abs((end - start) / step) > MAX_COLLECTION) return unknown(`${name}(): more than ${MAX_COLLECTION} elements are not evaluated`);
    const out: number[] = [];
    for (let x = start; step > 0 ? x < end : x > end; x += step) out.push(x);
    return out;
  }),
  startswith: strict((args, name) => (typeof args[0] === 'string' && typeof args[1] === 'string' ? args[0].startsWith(args[1]) : wrongArgs(name, 'expects two strings'))),
  endswith: strict((args, name) => (typeof args[0] === 'string' && typeof args[1] === 'string' ? args[0].endsWith(args[1]) : wrongArgs(name, 'expects two strings'))),
  substr: strict((args, name) => {
    const [s, o, l] = args;
    if (typeof s !== 'string' || typeof o !== 'number' || typeof l !== 'number') return wrongArgs(name, 'invalid arguments');
    const chars = [...s];
    const start = o < 0 ? chars.length + o : o;
    return chars.slice(start, l < 0 ? undefined : start + l).join('');
  }),
  trimprefix: strict((args) => (typeof args[0] === 'string' && typeof args[1] === 'string' && args[0].startsWith(args[1]) ? args[0].slice(args[1].length) : args[0])),
  trimsuffix: strict((args) => (typeof args[0] === 'string' && typeof args[1] === 'string' && args[1] !== '' && args[0].endsWith(args[1]) ? args[0].slice(0, -args[1].length) : args[0])),
  max: strict((args, name) => (args.every((a) => typeof a === 'number') && args.length > 0 ? Math.max(...(args as number[])) : wrongArgs(name, 'expects numbers'))),
  min: strict((args, name) => (args.every((a) => typeof a === 'number') && args.length > 0 ? Math.min(...(args as number[])) : wrongArgs(name, 'expects numbers'))),
  abs: strict((args, name) => (typeof args[0] === 'number' ? Math.abs(args[0]) : wrongArgs(name, 'expects a number'))),
};

/** Calls a built-in; unknown names and functions that need files or the clock give an Unknown. */
export function callFunction(name: string, args: Val[]): Val {
  const bare = name.startsWith('core::') ? name.slice(6) : name;
  if (FILE_FUNCTIONS.includes(bare)) {
    const arg = typeof args[0] === 'string' ? `"${args[0]}"` : '…';
    return unknown(`${bare}(${arg}) reads a file, which is not available to static analysis`);
  }
  if (RUNTIME_FUNCTIONS.includes(bare)) return unknown(`${bare}() is only known when Terraform runs`);
  if (!has(FUNCTIONS, bare)) return unknown(`function ${name}() is not evaluated`);
  return FUNCTIONS[bare](args, bare);
}
