import type { CfnValue } from './types';
import { setKey, type NodePositions, type Pos, type PositionedTree } from './yaml-tree';

/**
 * A fast path for JSON templates (what `cdk synth` and most generators write): one linear pass
 * that builds the same plain tree and positions as `parseTree`, about 100× faster than going
 * through the YAML parser. It only accepts strictly valid JSON without duplicate keys and within
 * the depth limit; for anything else it returns `undefined` and the caller uses the YAML parser,
 * which reports the problem with its position. So this never decides what an error says.
 */
export function parseJsonTree(text: string, maxDepth: number): PositionedTree | undefined {
  const reader = new JsonReader(text, maxDepth);
  try {
    reader.skipWs();
    const root = reader.value(0);
    reader.skipWs();
    if (reader.i !== text.length) return undefined;
    return { root, positions: reader.positions, warnings: [] };
  } catch (e) {
    if (e instanceof NotPlainJson || e instanceof RangeError) return undefined;
    throw e;
  }
}

class NotPlainJson extends Error {}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class JsonReader {
  i = 0;
  private line = 1;
  private lineStart = 0;
  readonly positions = new WeakMap<object, NodePositions>();

  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
  ) {}

  private pos(): Pos {
    return { line: this.line, column: this.i - this.lineStart + 1 };
  }

  skipWs(): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s.charCodeAt(this.i);
      if (c === 10) {
        this.i++;
        this.line++;
        this.lineStart = this.i;
      } else if (c === 32 || c === 9 || c === 13) this.i++;
      else break;
    }
  }

  value(depth: number): CfnValue {
    if (depth > this.maxDepth) throw new NotPlainJson();
    const c = this.s[this.i];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === 't' && this.s.startsWith('true', this.i)) return (this.i += 4), true;
    if (c === 'f' && this.s.startsWith('false', this.i)) return (this.i += 5), false;
    if (c === 'n' && this.s.startsWith('null', this.i)) return (this.i += 4), null;
    return this.number();
  }

  private object(depth: number): CfnValue {
    const out: { [key: string]: CfnValue } = {};
    const keys = new Map<string, Pos>();
    this.positions.set(out, { pos: this.pos(), keys });
    this.i++;
    this.skipWs();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    while (true) {
      this.skipWs();
      if (this.s[this.i] !== '"') throw new NotPlainJson();
      const at = this.pos();
      const key = this.string();
      if (keys.has(key)) throw new NotPlainJson(); // the YAML parser reports duplicates
      this.skipWs();
      if (this.s[this.i] !== ':') throw new NotPlainJson();
      this.i++;
      this.skipWs();
      setKey(out, key, this.value(depth + 1));
      keys.set(key, at);
      this.skipWs();
      const c = this.s[this.i++];
      if (c === '}') return out;
      if (c !== ',') throw new NotPlainJson();
    }
  }

  private array(depth: number): CfnValue {
    const out: CfnValue[] = [];
    const items: Pos[] = [];
    this.positions.set(out, { pos: this.pos(), items });
    this.i++;
    this.skipWs();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    while (true) {
      this.skipWs();
      items.push(this.pos());
      out.push(this.value(depth + 1));
      this.skipWs();
      const c = this.s[this.i++];
      if (c === ']') return out;
      if (c !== ',') throw new NotPlainJson();
    }
  }

  private string(): string {
    const s = this.s;
    let i = this.i + 1;
    let out = '';
    let start = i;
    while (true) {
      if (i >= s.length) throw new NotPlainJson();
      const c = s.charCodeAt(i);
      if (c === 34) break; // "
      if (c < 32) throw new NotPlainJson();
      if (c === 92) {
        out += s.slice(start, i);
        const e = s[i + 1];
        if (e === 'u') {
          const hex = s.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new NotPlainJson();
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          const r = ESCAPES[e];
          if (r === undefined) throw new NotPlainJson();
          out += r;
          i += 2;
        }
        start = i;
        continue;
      }
      i++;
    }
    out += s.slice(start, i);
    this.i = i + 1;
    return out;
  }

  private number(): number {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.i;
    const hit = m.exec(this.s);
    if (!hit || hit[0].length === 0) throw new NotPlainJson();
    this.i += hit[0].length;
    const n = Number(hit[0]);
    // As the YAML path does: a number JavaScript cannot hold keeps its text.
    if (!Number.isFinite(n)) throw new NotPlainJson();
    return n;
  }
}
