import { isUnknown, unknown, type Unknown } from '../../model';
import { AstSource, decodeQuoted, unescapeTemplate, type AstNode } from './ast';
import { callFunction, concatText } from './functions';
import { MAX_COLLECTION, MAX_EVAL_DEPTH } from './limits';
import { Deferred, asString, deepEqual, failure, has, isFailure, isObj, notKnown, setKey, sortedKeys, typeName, type Val, type ValObject } from './value';

/** A parsed template string (or why it could not be parsed). */
export type AstEntry = { node: AstNode; source: AstSource } | { error: string };

/** Names bound by for-expressions, `count`, `each` and dynamic-block iterators. */
export type Scope = ReadonlyMap<string, Val>;

/** What the evaluator needs from the module around it. */
export interface EvalContext {
  /** `var.<name>`. */
  variable(name: string): Val;
  /** `local.<name>` (evaluated lazily by the module, which detects cycles). */
  local(name: string): Val;
  /** The syntax tree of a template string collected before evaluation. */
  ast(text: string): AstEntry | undefined;
  /** Instance addresses of a resource (`aws_x.y` → `aws_x.y[0]`, …) when statically known. */
  instancesOf(address: string): string[] | undefined;
}

type Step = { attr: string } | { index: Val };

/** Roots that are not resource types. */
const NOT_RESOURCES = new Set(['var', 'local', 'module', 'data', 'path', 'terraform', 'self', 'count', 'each']);

/**
 * Evaluates Terraform values: the JSON-like tree hcl2json returns, whose strings are templates
 * (`"${var.x}"`, `"arn:${local.p}"`), parsed into syntax trees by `getExpressionAst`. Pure and
 * synchronous; every failure is a value (`Unknown`), never an exception.
 */
export class Evaluator {
  constructor(private readonly ctx: EvalContext) {}

  /** A raw hcl2json value (string templates, numbers, arrays, objects) → value. */
  raw(v: unknown, scope: Scope, depth = 0): Val {
    if (depth > MAX_EVAL_DEPTH) return unknown('value nested too deeply to evaluate');
    if (typeof v === 'string') return this.templateString(v, scope);
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : unknown('number out of range');
    if (Array.isArray(v)) return v.map((x) => this.raw(x, scope, depth + 1));
    if (typeof v === 'object') {
      const out: ValObject = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const key = k.includes('${') || k.includes('%{') ? this.templateString(k, scope) : k;
        const ks = asString(key);
        if (ks === undefined) return notKnown([key], 'an object key') ?? failure(`an object key is a ${typeName(key)}, not a string`);
        setKey(out, ks, this.raw(x, scope, depth + 1));
      }
      return out;
    }
    return unknown(`unexpected ${typeof v} in the configuration`);
  }

  /** A string as hcl2json returns it: plain text, or a template with `${…}`/`%{…}` in it. */
  templateString(s: string, scope: Scope): Val {
    if (!s.includes('${') && !s.includes('%{')) return s;
    const entry = this.ctx.ast(s);
    if (!entry) return unknown(`expression ${shorten(s)} was not parsed`);
    if ('error' in entry) return unknown(`cannot read expression ${shorten(s)}: ${entry.error}`);
    return this.wrapper(entry.node, entry.source, scope);
  }

  /**
   * The heredoc we wrapped a template in (see templates.ts): drop the newline the wrapper adds,
   * and return a lone interpolation's value as is (`"${var.tags}"` is the map, not a string).
   */
  private wrapper(node: AstNode, src: AstSource, scope: Scope): Val {
    if (node.type !== 'template') return this.node(node, src, scope, 0);
    const parts = [...(node.children ?? [])];
    const last = parts[parts.length - 1];
    const trimmed: Array<AstNode | string> = parts;
    if (last?.type === 'literalValue') {
      const text = (last.meta?.value ?? '').replace(/\n$/, '');
      trimmed[trimmed.length - 1] = text;
      if (text === '') trimmed.pop();
    }
    if (trimmed.length === 1 && typeof trimmed[0] !== 'string' && trimmed[0].type !== 'literalValue') {
      return this.node(trimmed[0], src, scope, 1);
    }
    const vals = trimmed.map((p) => (typeof p === 'string' ? unescapeTemplate(p) : this.templatePart(p, src, scope, 1, false)));
    return concatText(vals, 'template');
  }

  private templatePart(p: AstNode, src: AstSource, scope: Scope, depth: number, quoted: boolean): Val {
    if (p.type === 'literalValue' && p.meta?.type === 'string') {
      const raw = p.meta.value ?? '';
      return quoted ? decodeQuoted(raw) : unescapeTemplate(raw);
    }
    return this.node(p, src, scope, depth + 1);
  }

  node(n: AstNode, src: AstSource, scope: Scope, depth: number): Val {
    if (depth > MAX_EVAL_DEPTH) return unknown('expression nested too deeply to evaluate');
    const kids = n.children ?? [];
    const meta = n.meta ?? {};
    const sub = (c: AstNode | undefined) => (c ? this.node(c, src, scope, depth + 1) : failure('incomplete expression'));
    switch (n.type) {
      case 'literalValue':
        return literal(meta.type, meta.value ?? '');
      case 'templateWrap':
        return sub(kids[0]);
      case 'template': {
        const quoted = (meta.value ?? '').startsWith('"');
        const parts = kids.map((k) => this.templatePart(k, src, scope, depth, quoted));
        return concatText(parts, 'template');
      }
      case 'templateJoin': {
        const items = sub(kids[0]);
        if (!Array.isArray(items)) return items;
        return concatText(items, 'template for directive');
      }
      case 'tuple':
        return kids.map((k) => sub(k));
      case 'object':
        return this.object(kids, src, scope, depth);
      case 'scopeTraversal':
        return this.traversal(meta.traversal ?? [], scope, meta.fullAccessor ?? meta.value ?? '');
      case 'relativeTraversal': {
        const base = sub(kids[0]);
        return applySteps(base, stepsOf(meta.traversal ?? []), meta.value ?? 'expression');
      }
      case 'index': {
        const coll = sub(kids[0]);
        const key = sub(kids[1]);
        return applySteps(coll, [{ index: key }], meta.value ?? 'index');
      }
      case 'splat':
        return this.splat(kids, src, scope, depth, meta.value ?? 'splat');
      case 'conditional': {
        const cond = sub(kids[0]);
        if (cond === true) return sub(kids[1]);
        if (cond === false) return kids[2] ? sub(kids[2]) : '';
        return notKnown([cond], `condition ${meta.value ?? ''}`.trim()) ?? failure(`condition is a ${typeName(cond)}, not a bool`);
      }
      case 'unaryOp':
        return unary(meta.operator ?? '', sub(kids[0]));
      case 'binaryOp':
        return binary(meta.operator ?? '', sub(kids[0]), sub(kids[1]), meta.value ?? '');
      case 'function':
        return this.call(meta.name ?? '', kids, !!meta.expandedFinalArgument, src, scope, depth);
      case 'for':
        return this.forExpr(n, src, scope, depth);
      case '':
        // Parentheses and object keys arrive as untyped wrappers around one expression.
        return kids.length > 0 ? sub(kids[0]) : failure('empty expression');
      default:
        return unknown(`${n.type} expressions are not evaluated`);
    }
  }

  private object(kids: AstNode[], src: AstSource, scope: Scope, depth: number): Val {
    const out: ValObject = {};
    for (let i = 0; i + 1 < kids.length; i += 2) {
      const keyNode = kids[i];
      let key: Val;
      if (keyNode.type === '' && (keyNode.children ?? []).length === 0) key = src.slice(keyNode) ?? '';
      else key = this.node(keyNode, src, scope, depth + 1);
      if (isUnknown(key) || key instanceof Deferred) return notKnown([key], 'an object key') ?? unknown('an object key is not known');
      const k = asString(key);
      if (k === undefined) return failure(`an object key is a ${typeName(key)}, not a string`);
      setKey(out, k, this.node(kids[i + 1], src, scope, depth + 1));
    }
    return out;
  }

  private call(name: string, kids: AstNode[], expand: boolean, src: AstSource, scope: Scope, depth: number): Val {
    const arg = (k: AstNode) => this.node(k, src, scope, depth + 1);
    if (name === 'try') {
      for (const k of kids) {
        const v = arg(k);
        if (!isFailure(v)) return v; // a value that is merely not known yet stays unknown, as in Terraform
      }
      return failure('try(): no argument could be evaluated');
    }
    if (name === 'can') {
      const v = kids[0] ? arg(kids[0]) : failure('can() needs an argument');
      return isFailure(v) ? false : isUnknown(v) ? v : true;
    }
    let args = kids.map(arg);
    if (expand && args.length > 0) {
      const last = args[args.length - 1];
      if (!Array.isArray(last)) return notKnown([last], `${name}(…)`) ?? failure(`${name}(…): the expanded argument is not a list`);
      args = [...args.slice(0, -1), ...last];
    }
    return callFunction(name, args);
  }

  private forExpr(n: AstNode, src: AstSource, scope: Scope, depth: number): Val {
    const meta = n.meta ?? {};
    const kids = n.children ?? [];
    const isObject = !!meta.keyExpression;
    const [collNode, ...rest] = kids;
    const keyNode = isObject ? rest.shift() : undefined;
    const valNode = rest.shift();
    const condNode = meta.conditionalExpression ? rest.shift() : undefined;
    const coll = collNode ? this.node(collNode, src, scope, depth + 1) : failure('for without a collection');
    const what = `for expression over ${shorten(src.slice(collNode ?? n) ?? 'a collection')}`;
    const pairs = iteratePairs(coll, what);
    if (!Array.isArray(pairs)) return pairs;
    const listOut: Val[] = [];
    const objOut: ValObject = {};
    for (const [k, v] of pairs) {
      const inner = new Map(scope);
      if (meta.keyVar) inner.set(meta.keyVar, k);
      if (meta.valVar) inner.set(meta.valVar, v);
      const ev = (x: AstNode | undefined) => (x ? this.node(x, src, inner, depth + 1) : failure('incomplete for expression'));
      if (condNode) {
        const c = ev(condNode);
        if (c === false) continue;
        if (c !== true) return notKnown([c], `the condition of a ${what}`) ?? failure(`the condition of a ${what} is not a bool`);
      }
      const value = ev(valNode);
      if (!isObject) {
        listOut.push(value);
        continue;
      }
      const key = ev(keyNode);
      const ks = asString(key);
      if (ks === undefined) return notKnown([key], `a key of a ${what}`) ?? failure(`a key of a ${what} is not a string`);
      if (meta.groupedValue) {
        const group = has(objOut, ks) ? (objOut[ks] as Val[]) : [];
        group.push(value);
        setKey(objOut, ks, group);
      } else {
        if (has(objOut, ks)) return failure(`duplicate key "${ks}" in a ${what}`);
        setKey(objOut, ks, value);
      }
    }
    return isObject ? objOut : listOut;
  }

  private splat(kids: AstNode[], src: AstSource, scope: Scope, depth: number, text: string): Val {
    const source = kids[0] ? this.node(kids[0], src, scope, depth + 1) : failure('splat without a source');
    const each = kids[1];
    const steps = each?.type === 'relativeTraversal' ? stepsOf(each.meta?.traversal ?? []) : [];
    let items: Val[];
    if (source instanceof Deferred && source.address !== undefined) {
      // `aws_x.y[*].arn`: one reference per known instance.
      const instances = this.ctx.instancesOf(source.address);
      if (!instances) return unknown(`${text}: the instances of ${source.address} are not known statically`);
      items = instances.map((a) => new Deferred(`\${${a}}`, a, a));
    } else if (isUnknown(source) || source instanceof Deferred) {
      return notKnown([source], text) ?? unknown(`${text} is not known`);
    } else if (source === null) items = [];
    else items = Array.isArray(source) ? source : [source];
    return items.map((x) => applySteps(x, steps, text));
  }

  /** `var.x`, `local.y`, `aws_s3_bucket.b.arn`, `each.value.name`, `module.m.out` … */
  private traversal(parts: Array<{ type: string; segment: string }>, scope: Scope, text: string): Val {
    const steps = stepsOf(parts);
    const root = parts[0]?.segment ?? '';
    const name = (i: number) => {
      const s = steps[i];
      return s && 'attr' in s ? s.attr : undefined;
    };
    if (scope.has(root)) return applySteps(scope.get(root) ?? null, steps.slice(1), text);
    switch (root) {
      case 'var': {
        const n = name(1);
        return n === undefined ? failure(`${text}: a variable name is expected`) : applySteps(this.ctx.variable(n), steps.slice(2), text);
      }
      case 'local': {
        const n = name(1);
        return n === undefined ? failure(`${text}: a local name is expected`) : applySteps(this.ctx.local(n), steps.slice(2), text);
      }
      case 'module': {
        const n = name(1) ?? '?';
        return unknown(`${text} is an output of module.${n}, which is not expanded`);
      }
      case 'data': {
        if (name(1) === undefined || name(2) === undefined) return failure(`${text}: data.<type>.<name> is expected`);
        const address = `data.${name(1)}.${name(2)}`;
        return applySteps(new Deferred(`\${${address}}`, address, address), steps.slice(3), text);
      }
      case 'path': {
        const n = name(1);
        // Paths are relative to the module directory: `path.module` is the module itself.
        return n === 'module' || n === 'root' ? applySteps('.', steps.slice(2), text) : unknown(`${text} depends on where Terraform runs`);
      }
      case 'terraform':
        return unknown(`${text} is only known when Terraform runs`);
      case 'self':
        return unknown(`${text} is only known after apply`);
      case 'count':
        return unknown(`${text} used outside a resource with count`);
      case 'each':
        return unknown(`${text} used outside a resource with for_each`);
    }
    if (NOT_RESOURCES.has(root) || name(1) === undefined) return failure(`${text}: unknown reference`);
    const address = `${root}.${name(1)}`;
    return applySteps(new Deferred(`\${${address}}`, address, address), steps.slice(2), text);
  }
}

function literal(type: string | undefined, value: string): Val {
  if (type === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? n : unknown(`number ${value} out of range`);
  }
  if (type === 'bool') return value === 'true';
  if (type === 'string') return decodeQuoted(value);
  return null;
}

function stepsOf(parts: Array<{ type: string; segment: string }>): Step[] {
  return parts.map((p) => {
    if (p.type !== 'indexTraversal') return { attr: p.segment };
    const seg = p.segment.trim();
    if (seg.startsWith('"')) return { index: decodeQuoted(seg.slice(1, -1)) };
    const n = Number(seg);
    return { index: Number.isFinite(n) ? n : seg };
  });
}

function stepText(s: Step): string {
  if ('attr' in s) return `.${s.attr}`;
  return typeof s.index === 'number' ? `[${s.index}]` : `[${JSON.stringify(asString(s.index) ?? '')}]`;
}

/** Follows `.attr` / `[key]` steps into a value; a reference just grows its address. */
export function applySteps(base: Val, steps: Step[], text: string): Val {
  let cur = base;
  for (const s of steps) {
    if (isUnknown(cur)) return cur;
    if ('index' in s && (isUnknown(s.index) || s.index instanceof Deferred)) return notKnown([s.index], `the index in ${text}`) ?? unknown(`${text} is not known`);
    if (cur instanceof Deferred) {
      if (cur.address === undefined) return notKnown([cur], text) ?? unknown(`${text} is not known`);
      const address = cur.address + stepText(s);
      cur = new Deferred(`\${${address}}`, address, address);
      continue;
    }
    if (cur === null) return failure(`${text}: attempt to read from a null value`);
    if ('attr' in s) {
      if (!isObj(cur) || !has(cur, s.attr)) return failure(`${text}: no attribute "${s.attr}"`);
      cur = cur[s.attr];
      continue;
    }
    if (Array.isArray(cur)) {
      const i = typeof s.index === 'number' ? s.index : Number(s.index);
      if (!Number.isInteger(i) || i < 0 || i >= cur.length) return failure(`${text}: index ${String(s.index)} out of range`);
      cur = cur[i];
    } else if (isObj(cur)) {
      const k = asString(s.index);
      if (k === undefined || !has(cur, k)) return failure(`${text}: no element "${String(k)}"`);
      cur = cur[k];
    } else return failure(`${text}: a ${typeName(cur)} cannot be indexed`);
  }
  return cur;
}

/** Key/value pairs of a list (index, element) or map (key, value in lexical order). */
export function iteratePairs(coll: Val, what: string): Array<[Val, Val]> | Unknown {
  if (isUnknown(coll) || coll instanceof Deferred) return notKnown([coll], what) ?? unknown(`${what} is not known`);
  if (Array.isArray(coll)) {
    if (coll.length > MAX_COLLECTION) return unknown(`${what}: more than ${MAX_COLLECTION} elements are not evaluated`);
    return coll.map((v, i) => [i, v]);
  }
  if (isObj(coll)) return sortedKeys(coll).map((k) => [k, coll[k]]);
  if (coll === null) return failure(`${what}: the collection is null`);
  return failure(`${what}: a ${typeName(coll)} cannot be iterated`);
}

function unary(op: string, v: Val): Val {
  const nk = notKnown([v], `operator ${op}`);
  if (nk) return nk;
  if (op === 'logicalNot') return typeof v === 'boolean' ? !v : failure(`! needs a bool, got a ${typeName(v)}`);
  if (op === 'negate') return typeof v === 'number' ? -v : failure(`- needs a number, got a ${typeName(v)}`);
  return unknown(`operator ${op} is not evaluated`);
}

function binary(op: string, a: Val, b: Val, text: string): Val {
  // `false && unknown` is false and `true || unknown` is true, whatever the unknown is.
  if (op === 'logicalAnd' && (a === false || b === false)) return false;
  if (op === 'logicalOr' && (a === true || b === true)) return true;
  const nk = notKnown([a, b], shorten(text) || `operator ${op}`);
  if (nk) return nk;
  switch (op) {
    case 'equal':
      return deepEqual(a, b);
    case 'notEqual':
      return !deepEqual(a, b);
    case 'logicalAnd':
    case 'logicalOr':
      return typeof a === 'boolean' && typeof b === 'boolean' ? (op === 'logicalAnd' ? a && b : a || b) : failure(`${text}: operands must be bools`);
  }
  const x = typeof a === 'string' && a.trim() !== '' ? Number(a) : a;
  const y = typeof b === 'string' && b.trim() !== '' ? Number(b) : b;
  if (typeof x !== 'number' || typeof y !== 'number' || Number.isNaN(x) || Number.isNaN(y)) return failure(`${text}: operands must be numbers`);
  switch (op) {
    case 'add':
      return x + y;
    case 'subtract':
      return x - y;
    case 'multiply':
      return x * y;
    case 'divide':
      return y === 0 ? failure(`${text}: division by zero`) : x / y;
    case 'modulo':
      return y === 0 ? failure(`${text}: division by zero`) : x % y;
    case 'lessThan':
      return x < y;
    case 'lessThanOrEqual':
      return x <= y;
    case 'greaterThan':
      return x > y;
    case 'greaterThanOrEqual':
      return x >= y;
  }
  return unknown(`operator ${op} is not evaluated`);
}

export function shorten(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
