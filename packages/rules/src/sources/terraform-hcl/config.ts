import { ParseError } from '../../model';
import type { LoadedFile } from './load';
import type { BlockOutline } from './outline';

/**
 * The declarations of one module, gathered from all its files: hcl2json's shape for `.tf`
 * (`resource.<type>.<name>` is a list of bodies, `locals` a list of objects) and Terraform's JSON
 * syntax for `.tf.json` (objects or lists at each level) both end up here.
 */
export interface BlockDecl {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  body: Record<string, unknown>;
  file: string;
  line?: number;
  props: Record<string, number>;
}

export interface ModuleCallDecl {
  name: string;
  source: unknown;
  file: string;
  line?: number;
}

export interface NamedDecl {
  name: string;
  raw: unknown;
  file: string;
  line?: number;
}

export interface ModuleConfig {
  blocks: BlockDecl[];
  moduleCalls: ModuleCallDecl[];
  /** `moved { from = …, to = … }` blocks: the addresses a refactoring renamed. */
  moves: Array<{ from: string; to: string; file: string }>;
  variables: Map<string, NamedDecl>;
  locals: Map<string, NamedDecl>;
  errors: ParseError[];
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A block body given once (object) or several times (list of objects). */
function bodies(v: unknown): Obj[] {
  if (Array.isArray(v)) return v.filter(isObj);
  return isObj(v) ? [v] : [];
}

/** Top-level sections may themselves be lists of objects in JSON syntax. */
function sections(v: unknown): Obj[] {
  return bodies(v);
}

/** Finds the nth outline block with these labels (for duplicates: the nth occurrence). */
function outlineOf(file: LoadedFile, labels: string[], nth: number): BlockOutline | undefined {
  let seen = 0;
  for (const b of file.outline) {
    if (b.labels.length === labels.length && b.labels.every((l, i) => l === labels[i])) {
      if (seen === nth) return b;
      seen++;
    }
  }
  return undefined;
}

/** In JSON syntax: the line of `"k1": … "k2": …` found in order (a light search, no positions in JSON.parse). */
function jsonLine(text: string, keys: string[]): number | undefined {
  let at = 0;
  for (const k of keys) {
    const re = new RegExp(`${JSON.stringify(k).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'g');
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return undefined;
    at = m.index + 1;
  }
  return text.slice(0, at).split('\n').length;
}

function lineOf(file: LoadedFile, labels: string[], nth: number): { line?: number; props: Record<string, number> } {
  if (file.json) return { line: jsonLine(file.text, labels), props: {} };
  const o = outlineOf(file, labels, nth);
  return { line: o?.line, props: o?.props ?? {} };
}

export function collectConfig(files: readonly LoadedFile[]): ModuleConfig {
  const config: ModuleConfig = { blocks: [], moduleCalls: [], moves: [], variables: new Map(), locals: new Map(), errors: [] };
  const seen = new Map<string, string>();
  const duplicate = (key: string, what: string, file: string, line: number | undefined): boolean => {
    const first = seen.get(key);
    if (first !== undefined) {
      config.errors.push(new ParseError(file, `duplicate ${what}: already declared in ${first}`, { line, format: 'terraform' }));
      return true;
    }
    seen.set(key, file);
    return false;
  };

  for (const file of files) {
    const counts = new Map<string, number>();
    const nth = (labels: string[]) => {
      const k = labels.join('\u0000');
      const n = counts.get(k) ?? 0;
      counts.set(k, n + 1);
      return n;
    };
    for (const [section, mode] of [
      ['resource', 'managed'],
      ['data', 'data'],
    ] as const) {
      for (const byType of sections(file.body[section])) {
        for (const [type, byName] of Object.entries(byType)) {
          for (const named of sections(byName)) {
            for (const [name, raw] of Object.entries(named)) {
              for (const body of bodies(raw)) {
                const labels = [section, type, name];
                const { line, props } = lineOf(file, labels, nth(labels));
                const address = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
                if (duplicate(`block:${address}`, `${section} "${type}" "${name}"`, file.path, line)) continue;
                config.blocks.push({ mode, type, name, body, file: file.path, line, props });
              }
            }
          }
        }
      }
    }
    for (const byName of sections(file.body.module)) {
      for (const [name, raw] of Object.entries(byName)) {
        for (const body of bodies(raw)) {
          const { line } = lineOf(file, ['module', name], nth(['module', name]));
          if (duplicate(`module:${name}`, `module "${name}"`, file.path, line)) continue;
          config.moduleCalls.push({ name, source: body.source, file: file.path, line });
        }
      }
    }
    for (const body of movedBodies(file.body.moved)) {
      const from = traversal(body.from);
      const to = traversal(body.to);
      if (from && to) config.moves.push({ from, to, file: file.path });
    }
    for (const byName of sections(file.body.variable)) {
      for (const [name, raw] of Object.entries(byName)) {
        for (const body of bodies(raw)) {
          const { line } = lineOf(file, ['variable', name], nth(['variable', name]));
          if (duplicate(`variable:${name}`, `variable "${name}"`, file.path, line)) continue;
          config.variables.set(name, { name, raw: body, file: file.path, line });
        }
      }
    }
    const localBlocks = file.json ? [] : file.outline.filter((b) => b.labels.length === 1 && b.labels[0] === 'locals');
    for (const locals of sections(file.body.locals)) {
      for (const [name, raw] of Object.entries(locals)) {
        const line = file.json ? jsonLine(file.text, ['locals', name]) : localBlocks.map((b) => b.props[name]).find((l) => l !== undefined);
        if (duplicate(`local:${name}`, `local value "${name}"`, file.path, line)) continue;
        config.locals.set(name, { name, raw, file: file.path, line });
      }
    }
  }
  // hcl2json sorts keys; Terraform users read their files top to bottom: keep source order.
  const fileIndex = new Map(files.map((f, i) => [f.path, i]));
  const order = (b: BlockDecl) => [fileIndex.get(b.file) ?? 0, b.line ?? Number.MAX_SAFE_INTEGER];
  config.blocks.sort((a, b) => {
    const [fa, la] = order(a);
    const [fb, lb] = order(b);
    return fa - fb || la - lb;
  });
  return config;
}

/** `moved` blocks: a list of bodies in hcl2json's shape, one object or a list in `.tf.json`. */
function movedBodies(v: unknown): Obj[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.flatMap((x) => (Array.isArray(x) ? x : [x])).filter(isObj);
}

/** `${aws_s3_bucket.raw}` / `aws_s3_bucket.raw` → the address, when it is a plain traversal. */
function traversal(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^\$\{([^{}]+)\}$/.exec(v.trim());
  const t = (m ? m[1] : v).trim();
  return /^[A-Za-z0-9_.\-[\]"]+$/.test(t) ? t : undefined;
}
