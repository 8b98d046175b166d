import type { CfnValue } from './types';
import { intrinsicName, isMapValue } from './values';
import type { PathStep, PositionIndex } from './yaml-tree';

const MAX_DEPTH = 200;

/** Where a resource's properties sit in the tree: under `node`, by `steps` (a resource map, `['Properties']`). */
export interface PropertiesAnchor {
  node: object;
  steps: readonly PathStep[];
}

/**
 * Line of every property path of a resource as written (`SSESpecification.KMSMasterKeyId`,
 * `Policies[0].PolicyDocument.Statement[1]`), so findings point at the line the user wrote.
 * Paths stop at intrinsic functions: `KMSMasterKeyId: !GetAtt Key.Arn` is one path.
 *
 * The record is lazy: reading one path (`lines[path]`, what a finding does) follows that path
 * (through the index's `lineAlong` from `anchor` when it has one); listing the paths
 * (`Object.keys`, a deep comparison) builds them all, once. Findings ask for a few paths of a
 * resource, so a large template is not walked property by property.
 */
export function propertyLines(properties: CfnValue, positions: PositionIndex, anchor?: PropertiesAnchor): Record<string, number> {
  const state: LinesState = { properties, positions, anchor };
  return new Proxy(state as unknown as Record<string, number>, HANDLER);
}

/** What one resource's lazy record holds; the proxy's target (one handler serves every resource). */
interface LinesState {
  properties: CfnValue;
  positions: PositionIndex;
  anchor: PropertiesAnchor | undefined;
  /** Lines already looked up: several rules point at the same statement or property. */
  seen?: Map<string, number | undefined>;
  all?: Record<string, number>;
}

function whole(t: LinesState): Record<string, number> {
  if (!t.all) {
    reach(t.positions, t.anchor);
    t.all = allLines(t.properties, t.positions);
  }
  return t.all;
}

function one(t: LinesState, path: string): number | undefined {
  if (t.all) return t.all[path];
  const seen = (t.seen ??= new Map());
  if (seen.has(path)) return seen.get(path);
  const line = lookUp(t, path);
  seen.set(path, line);
  return line;
}

function lookUp(t: LinesState, path: string): number | undefined {
  const steps = stepsOf(t.properties, path);
  if (!steps) return undefined;
  if (t.anchor && t.positions.lineAlong) return t.positions.lineAlong(t.anchor.node, [...t.anchor.steps, ...steps]);
  reach(t.positions, t.anchor);
  return lineVia(t.properties, t.positions, steps);
}

const HANDLER: ProxyHandler<Record<string, number>> = {
  get: (t, key) => (typeof key === 'string' ? one(t as unknown as LinesState, key) : undefined),
  has: (t, key) => typeof key === 'string' && key in whole(t as unknown as LinesState),
  ownKeys: (t) => Reflect.ownKeys(whole(t as unknown as LinesState)),
  getOwnPropertyDescriptor: (t, key) => {
    const d = Reflect.getOwnPropertyDescriptor(whole(t as unknown as LinesState), key);
    return d && { ...d, configurable: true };
  },
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false,
};

/** Asks for positions from the anchor down to the properties, so an index that finds them top-down has them. */
function reach(positions: PositionIndex, anchor: PropertiesAnchor | undefined): void {
  if (!anchor) return;
  let node: unknown = anchor.node;
  for (const step of anchor.steps) {
    if (node === null || typeof node !== 'object') return;
    positions.get(node);
    node = (node as Record<string | number, unknown>)[step];
  }
}

/** Every path and its line (the eager walk). */
function allLines(properties: CfnValue, positions: PositionIndex): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (value: CfnValue, prefix: string, depth: number) => {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || intrinsicName(value)) return;
    const info = positions.get(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const path = `${prefix}[${i}]`;
        const pos = info?.items?.[i];
        if (pos) out[path] = pos.line;
        walk(item, path, depth + 1);
      });
      return;
    }
    if (!isMapValue(value)) return;
    for (const [key, item] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      const pos = info?.keys?.get(key);
      if (pos) out[path] = pos.line;
      walk(item, path, depth + 1);
    }
  };
  walk(properties, '', 0);
  return out;
}

/**
 * The keys and indexes a path takes from the properties: `[i]` indexes a list, and at a map the
 * longest key the rest of the path starts with (followed by `.`, `[` or the end) is taken, so keys
 * holding dots (`kms:EncryptionContext:aws:s3:arn`, `a.b`) are followed as the eager walk names
 * them. Undefined when the path is not in the tree or passes an intrinsic function. The line is
 * the same as `allLines(…)[path]`, except where two routes spell one path (`a` → `b.c` and
 * `a.b` → `c`): the eager walk keeps the one written last, this takes the longer key.
 */
function stepsOf(properties: CfnValue, path: string): PathStep[] | undefined {
  const steps: PathStep[] = [];
  let value: CfnValue = properties;
  let rest = path;
  for (let depth = 0; rest.length > 0; depth++) {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || intrinsicName(value)) return undefined;
    if (Array.isArray(value)) {
      const close = rest.indexOf(']');
      const digits = rest.slice(1, close);
      if (rest[0] !== '[' || close < 2 || !/^(0|[1-9]\d*)$/.test(digits)) return undefined;
      const i = Number(digits);
      if (i >= value.length) return undefined;
      steps.push(i);
      value = value[i];
      rest = rest.slice(close + 1);
    } else {
      if (!isMapValue(value)) return undefined;
      // Below the top level a key follows a dot.
      if (depth > 0) {
        if (rest[0] !== '.') return undefined;
        rest = rest.slice(1);
      }
      let key: string | undefined;
      for (const k in value) {
        if (!Object.prototype.hasOwnProperty.call(value, k) || !rest.startsWith(k)) continue;
        const next = rest[k.length];
        if ((next === undefined || next === '.' || next === '[') && (key === undefined || k.length > key.length)) key = k;
      }
      if (key === undefined) return undefined;
      steps.push(key);
      value = value[key];
      rest = rest.slice(key.length);
    }
  }
  return steps.length ? steps : undefined;
}

/** The line `steps` lead to, through each node's positions. */
function lineVia(properties: CfnValue, positions: PositionIndex, steps: readonly PathStep[]): number | undefined {
  let value: CfnValue = properties;
  let line: number | undefined;
  for (const step of steps) {
    const info = positions.get(value as object);
    line = typeof step === 'number' ? info?.items?.[step]?.line : info?.keys?.get(step)?.line;
    value = (value as Record<string | number, CfnValue>)[step];
  }
  return line;
}
