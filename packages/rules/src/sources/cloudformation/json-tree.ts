import type { CfnValue } from './types';
import type { NodePositions, PathStep, Pos, PositionIndex, PositionedTree } from './yaml-tree';

/**
 * The fast path for JSON templates (what `cdk synth` and most generators write): the engine's
 * native `JSON.parse` builds the tree, and positions are found only where they are asked for
 * (see `LazyJsonPositions`), so reading a large template costs little more than `JSON.parse`.
 *
 * It only accepts what the YAML parser would read into the same tree: strictly valid JSON, no
 * duplicate keys (`JSON.parse` keeps the last, YAML refuses them), no number beyond what a double
 * holds (YAML keeps its text), within the depth limit. For anything else it returns `undefined`
 * and the caller uses the YAML parser, which reports the problem with its position. So this never
 * decides what an error says.
 */
export function parseJsonTree(text: string, maxDepth: number): PositionedTree | undefined {
  // The cheap structural pass first: a text nested too deeply is refused before it is parsed.
  const shape = scanShape(text, maxDepth);
  if (!shape) return undefined;
  let root: CfnValue;
  try {
    root = JSON.parse(text) as CfnValue;
  } catch {
    return undefined;
  }
  // Every `:` outside a string of valid JSON separates a key from its value. A duplicate key
  // leaves the tree with fewer keys than the text writes.
  if (countKeys(root) !== shape.keys) return undefined;
  return { root, positions: new LazyJsonPositions(text, root), warnings: [] };
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_MAP = 123;
const CLOSE_MAP = 125;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;
const COLON = 58;
const COMMA = 44;

/** Index just past the string that opens at `i` (no validation: `JSON.parse` does that). */
function skipString(s: string, i: number): number {
  // The next quote not escaped: an odd run of backslashes before a quote escapes it.
  for (let j = s.indexOf('"', i + 1); j !== -1; j = s.indexOf('"', j + 1)) {
    let slashes = 0;
    for (let k = j - 1; k > i && s.charCodeAt(k) === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return j + 1;
  }
  return s.length;
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isNumberStart(c: number): boolean {
  return c === 45 || (c >= 48 && c <= 57);
}

/**
 * One pass over the text: the number of keys, nesting (stricter by one level than the tree's
 * depth, so nothing the YAML path would refuse gets through), and numbers that are not finite
 * as doubles (only a number with an exponent, or hundreds of digits, can be).
 */
function scanShape(s: string, maxDepth: number): { keys: number } | undefined {
  let keys = 0;
  let open = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      i = skipString(s, i);
      continue;
    }
    if (c === OPEN_MAP || c === OPEN_LIST) {
      if (++open >= maxDepth) return undefined;
    } else if (c === CLOSE_MAP || c === CLOSE_LIST) open--;
    else if (c === COLON) keys++;
    else if (isNumberStart(c)) {
      let j = i + 1;
      let exponent = false;
      while (j < s.length) {
        const d = s.charCodeAt(j);
        if (d === 101 || d === 69) exponent = true;
        else if (!(d === 43 || d === 45 || d === 46 || (d >= 48 && d <= 57))) break;
        j++;
      }
      if ((exponent || j - i > 300) && !Number.isFinite(Number(s.slice(i, j)))) return undefined;
      i = j;
      continue;
    }
    i++;
  }
  return { keys };
}

function countKeys(v: CfnValue): number {
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (const item of v) n += countKeys(item);
    return n;
  }
  // for-in over a parsed object: its own keys only (JSON.parse makes plain objects), no key list.
  for (const key in v) n += 1 + countKeys((v as Record<string, CfnValue>)[key]);
  return n;
}

/** A place in the text, with its line and the offset that line starts at. */
interface Mark {
  i: number;
  line: number;
  lineStart: number;
}

/**
 * Reads valid JSON forward from a mark, counting lines as it goes (valid JSON has line breaks
 * only between tokens, never inside a string).
 */
class Cursor implements Mark {
  i: number;
  line: number;
  lineStart: number;

  constructor(
    private readonly s: string,
    from: Mark,
  ) {
    this.i = from.i;
    this.line = from.line;
    this.lineStart = from.lineStart;
  }

  mark(): Mark {
    return { i: this.i, line: this.line, lineStart: this.lineStart };
  }

  pos(): Pos {
    return { line: this.line, column: this.i - this.lineStart + 1 };
  }

  code(): number {
    return this.s.charCodeAt(this.i);
  }

  skipWs(): void {
    const s = this.s;
    let i = this.i;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 10) {
        this.line++;
        this.lineStart = i + 1;
      } else if (c !== 32 && c !== 13 && c !== 9) break;
      i++;
    }
    this.i = i;
  }

  /** Reads the key at the cursor (a string), and the colon after it; leaves the cursor on the value. */
  key(): string {
    const s = this.s;
    const end = skipString(s, this.i);
    const raw = s.slice(this.i + 1, end - 1);
    const key = raw.includes('\\') ? (JSON.parse(s.slice(this.i, end)) as string) : raw;
    this.i = end;
    this.skipWs();
    this.i++; // the colon
    this.skipWs();
    return key;
  }

  /** Moves past the value at the cursor, and past the comma after it; false at the end of its map or list. */
  next(): boolean {
    this.skipValue();
    this.skipWs();
    if (this.code() !== COMMA) return false;
    this.i++;
    this.skipWs();
    return true;
  }

  private skipValue(): void {
    const s = this.s;
    let i = this.i;
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      this.i = skipString(s, i);
      return;
    }
    if (c !== OPEN_MAP && c !== OPEN_LIST) {
      while (i < s.length) {
        const d = s.charCodeAt(i);
        if (d === COMMA || d === CLOSE_MAP || d === CLOSE_LIST || isWs(d)) break;
        i++;
      }
      this.i = i;
      return;
    }
    let open = 0;
    while (i < s.length) {
      const d = s.charCodeAt(i);
      if (d === QUOTE) {
        i = skipString(s, i);
        continue;
      }
      if (d === 10) {
        this.line++;
        this.lineStart = i + 1;
      } else if (d === OPEN_MAP || d === OPEN_LIST) open++;
      else if ((d === CLOSE_MAP || d === CLOSE_LIST) && --open === 0) {
        i++;
        break;
      }
      i++;
    }
    this.i = i;
  }
}

/**
 * Positions of a JSON tree, found on demand. A map or list is skimmed (its keys and items
 * located, its values skipped) the first time its positions are asked for, which also marks where
 * each of its child maps and lists starts; so positions are available top-down, from the root —
 * how the reader asks for them (the Resources section, a resource). The line of a path inside a
 * resource (what a finding needs) is found by one forward read from the resource (`lineAlong`),
 * not by skimming each level. A large template is never walked node by node.
 */
class LazyJsonPositions implements PositionIndex {
  private readonly marks = new WeakMap<object, Mark>();
  private readonly done = new WeakMap<object, NodePositions>();

  constructor(
    private readonly s: string,
    root: CfnValue,
  ) {
    if (root !== null && typeof root === 'object') {
      const c = new Cursor(s, { i: 0, line: 1, lineStart: 0 });
      c.skipWs();
      this.marks.set(root, c.mark());
    }
  }

  get(node: object): NodePositions | undefined {
    const hit = this.done.get(node);
    if (hit) return hit;
    const at = this.marks.get(node);
    if (at === undefined) return undefined;
    const c = new Cursor(this.s, at);
    const pos = c.pos();
    c.i++;
    c.skipWs();
    let info: NodePositions;
    if (Array.isArray(node)) {
      const items: Pos[] = [];
      for (let n = 0; n < node.length; n++) {
        items.push(c.pos());
        this.note(node[n] as CfnValue, c);
        if (!c.next()) break;
      }
      info = { pos, items };
    } else {
      const keys = new Map<string, Pos>();
      while (c.code() === QUOTE) {
        const at = c.pos();
        const key = c.key();
        keys.set(key, at);
        this.note((node as Record<string, CfnValue>)[key], c);
        if (!c.next()) break;
      }
      info = { pos, keys };
    }
    this.done.set(node, info);
    return info;
  }

  lineAlong(node: object, steps: readonly PathStep[]): number | undefined {
    const at = this.marks.get(node);
    if (at === undefined) return undefined;
    const c = new Cursor(this.s, at);
    let line: number | undefined;
    for (const step of steps) {
      const open = c.code();
      c.i++;
      c.skipWs();
      if (typeof step === 'number') {
        if (open !== OPEN_LIST || c.code() === CLOSE_LIST) return undefined;
        for (let n = 0; n < step; n++) if (!c.next()) return undefined;
        line = c.line;
      } else {
        if (open !== OPEN_MAP) return undefined;
        line = undefined;
        while (c.code() === QUOTE) {
          const keyLine = c.line;
          if (c.key() === step) {
            line = keyLine;
            break;
          }
          if (!c.next()) return undefined;
        }
        if (line === undefined) return undefined;
      }
    }
    return line;
  }

  /** Remembers where a child map or list starts. */
  private note(child: CfnValue, at: Mark): void {
    if (child !== null && typeof child === 'object' && !this.marks.has(child)) this.marks.set(child, { i: at.i, line: at.line, lineStart: at.lineStart });
  }
}
