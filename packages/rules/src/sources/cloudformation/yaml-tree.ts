import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { unknown } from '../../model';
import type { CfnValue } from './types';
import { SHORT_FORMS, cloudFormationTags } from './yaml-tags';
import { scanNestingDepth } from './depth-scan';
import { parseJsonTree } from './json-tree';

/** 1-based position in the text. */
export interface Pos {
  line: number;
  column: number;
}

/** Positions of one map or sequence: its own, and those of its keys / items. */
export interface NodePositions {
  pos: Pos;
  keys?: Map<string, Pos>;
  items?: Pos[];
}

/**
 * Where the maps and sequences of a tree are. The YAML path knows every node's position (a
 * WeakMap); the JSON fast path finds them on demand, top-down: a node's positions are known once
 * its parent's have been asked for.
 */
export interface PositionIndex {
  get(node: object): NodePositions | undefined;
  /**
   * The line of the key or item `steps` lead to from `node` (whose positions must be reachable):
   * a faster way than `get` along the path, where the index has one.
   */
  lineAlong?(node: object, steps: readonly PathStep[]): number | undefined;
}

/** A step down a tree: a map key, or a list index. */
export type PathStep = string | number;

/** The plain tree of a YAML/JSON text, with the positions of its maps and sequences. */
export interface PositionedTree {
  root: CfnValue;
  positions: PositionIndex;
  /** Things worth telling the user that do not stop the parse (unsupported tags). */
  warnings: Array<{ message: string; pos: Pos }>;
}

/** Why a text could not be turned into a tree, and where. */
export class TreeError {
  constructor(
    readonly message: string,
    readonly pos?: Pos,
  ) {}
}

export interface TreeOptions {
  maxAliasCount: number;
  maxDepth: number;
  /** Read strict JSON with the linear fast path (default true; tests compare both paths). */
  fastJson?: boolean;
}

/**
 * Parses YAML or JSON (JSON is YAML, which gives positions for JSON too) into a plain tree in
 * which CloudFormation short-form tags are already long-form objects. Never throws: returns a
 * `TreeError` for malformed text, alias bombs, excessive nesting, or a stack overflow.
 */
export function parseTree(text: string, options: TreeOptions): PositionedTree | TreeError {
  // The JSON fast path keeps to the depth limit itself (it gives up past it), so the separate
  // depth scan is only needed before the YAML parser.
  if (options.fastJson !== false && /^\s*\{/.test(text)) {
    const json = parseJsonTree(text, options.maxDepth);
    if (json) return json;
  }
  const deep = scanNestingDepth(text, options.maxDepth);
  if (deep) return new TreeError(`nesting is deeper than ${options.maxDepth} levels`, { line: deep.line, column: deep.column });
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { customTags: cloudFormationTags(), lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (e) {
    return new TreeError(e instanceof RangeError ? 'document is nested too deeply to read' : `cannot read document: ${(e as Error).message}`);
  }
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const at = err.linePos?.[0] ?? lineCounter.linePos(err.pos[0]);
    return new TreeError(cleanMessage(err.message), { line: at.line, column: at.col });
  }
  const builder = new TreeBuilder(doc, lineCounter, options);
  try {
    const root = builder.convert(doc.contents as YamlNode | null, 0);
    return { root, positions: builder.positions, warnings: builder.warnings };
  } catch (e) {
    if (e instanceof TreeError) return e;
    if (e instanceof RangeError) return new TreeError('document is nested too deeply to read');
    return new TreeError(`cannot read document: ${(e as Error).message}`);
  }
}

/** `yaml` messages end with " at line L, column C" and a code frame; the position is reported separately. */
function cleanMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Sets a key on a plain object, also when the key is `__proto__` (which `o[k] = v` would treat as the prototype). */
export function setKey(o: { [key: string]: CfnValue }, key: string, value: CfnValue): void {
  if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

interface AnchorUse {
  count: number;
  aliasCount: number;
}

class TreeBuilder {
  readonly positions = new WeakMap<object, NodePositions>();
  readonly warnings: Array<{ message: string; pos: Pos }> = [];
  private readonly anchors = new Map<YamlNode, AnchorUse>();
  private readonly expanding = new Set<YamlNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly options: TreeOptions,
  ) {}

  pos(node: { range?: [number, number, number] | null } | null | undefined): Pos {
    const offset = node?.range?.[0] ?? 0;
    const lp = this.lines.linePos(offset);
    return { line: lp.line, column: lp.col };
  }

  convert(node: YamlNode | null | undefined, depth: number): CfnValue {
    if (node === null || node === undefined) return null;
    if (depth > this.options.maxDepth) throw new TreeError(`nesting is deeper than ${this.options.maxDepth} levels`, this.pos(node));
    if (isAlias(node)) return this.alias(node, depth);
    const tag = node.tag;
    const fn = tag ? SHORT_FORMS[tag] : undefined;
    // An anchored node is "in expansion" while it is built, so an alias inside it cannot recurse.
    const anchored = Boolean((node as { anchor?: string }).anchor);
    if (anchored) this.expanding.add(node);
    let value: CfnValue;
    try {
      value = this.untagged(node, depth + (fn ? 1 : 0));
    } finally {
      if (anchored) this.expanding.delete(node);
    }
    if (fn) {
      // `!GetAtt Res.Attr.Sub` splits at the first dot: the attribute name may itself contain dots.
      let arg = value;
      if (fn === 'Fn::GetAtt' && typeof arg === 'string') {
        const dot = arg.indexOf('.');
        arg = dot < 0 ? [arg] : [arg.slice(0, dot), arg.slice(dot + 1)];
      }
      const wrapped: { [key: string]: CfnValue } = {};
      setKey(wrapped, fn, arg);
      this.positions.set(wrapped, { pos: this.pos(node) });
      return wrapped;
    }
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) {
      this.warnings.push({ message: `unsupported YAML tag ${tag}: its value is treated as unknown`, pos: this.pos(node) });
      return unknown(`unsupported YAML tag ${tag}`);
    }
    return value;
  }

  private untagged(node: YamlNode, depth: number): CfnValue {
    if (isScalar(node)) return scalarValue(node.value, node.source, node.type);
    if (isSeq(node)) {
      const out: CfnValue[] = [];
      const items: Pos[] = [];
      for (const item of node.items) {
        out.push(this.convert(item as YamlNode, depth + 1));
        items.push(this.pos(item as YamlNode));
      }
      this.positions.set(out, { pos: this.pos(node), items });
      return out;
    }
    if (isMap(node)) {
      const out: { [key: string]: CfnValue } = {};
      const keys = new Map<string, Pos>();
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        let key: string;
        if (keyNode === null || keyNode === undefined) key = '';
        else if (isScalar(keyNode)) key = keyNode.value === null ? '' : String(keyNode.value);
        else throw new TreeError('map keys must be plain strings', this.pos(keyNode));
        setKey(out, key, this.convert(pair.value as YamlNode | null, depth + 1));
        keys.set(key, this.pos(keyNode ?? (pair.value as YamlNode | null)));
      }
      this.positions.set(out, { pos: this.pos(node), keys });
      return out;
    }
    throw new TreeError('unsupported YAML node', this.pos(node));
  }

  /**
   * Expands an alias, refusing exponential expansion the way `yaml`'s own `maxAliasCount` does:
   * each use of an anchor costs the anchor's own alias weight, and the product is capped.
   */
  private alias(node: YamlNode & { resolve(doc: Document): YamlNode | undefined }, depth: number): CfnValue {
    const target = node.resolve(this.doc);
    if (!target) throw new TreeError('alias refers to an unknown anchor', this.pos(node));
    if (this.expanding.has(target)) throw new TreeError('alias refers to the node that contains it', this.pos(node));
    const max = this.options.maxAliasCount;
    if (max >= 0) {
      let use = this.anchors.get(target);
      if (!use) {
        use = { count: 0, aliasCount: this.weight(target) };
        this.anchors.set(target, use);
      }
      use.count++;
      if (use.count * use.aliasCount > max) throw new TreeError(`too many alias expansions (more than ${max}): the document looks like an alias bomb`, this.pos(node));
    }
    this.expanding.add(target);
    try {
      return this.convert(target, depth);
    } finally {
      this.expanding.delete(target);
    }
  }

  /** How many expansions one use of `node` stands for (1 for alias-free content). */
  private weight(node: YamlNode | null | undefined): number {
    if (node === null || node === undefined) return 1;
    if (isAlias(node)) {
      const source = node.resolve(this.doc);
      const use = source ? this.anchors.get(source) : undefined;
      return use ? use.count * use.aliasCount : 1;
    }
    let w = 1;
    if (isSeq(node)) for (const item of node.items) w = Math.max(w, this.weight(item as YamlNode));
    if (isMap(node)) for (const p of node.items) w = Math.max(w, this.weight(p.key as YamlNode), this.weight(p.value as YamlNode));
    return w;
  }
}

/** A plain number written with leading zeros (an account id) keeps its text. */
function scalarValue(value: unknown, source: string | undefined, type: string | undefined): CfnValue {
  if (typeof value === 'number' && type === 'PLAIN' && source !== undefined && /^[-+]?0\d/.test(source)) return source;
  if (typeof value === 'number' && !Number.isFinite(value)) return source ?? String(value);
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  return value === undefined ? null : String(value);
}
