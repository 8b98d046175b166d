import type { CfnValue } from './types';
import { intrinsicName, isMapValue } from './values';
import type { NodePositions } from './yaml-tree';

const MAX_DEPTH = 200;

/**
 * Line of every property path of a resource as written (`SSESpecification.KMSMasterKeyId`,
 * `Policies[0].PolicyDocument.Statement[1]`), so findings point at the line the user wrote.
 * Paths stop at intrinsic functions: `KMSMasterKeyId: !GetAtt Key.Arn` is one path.
 *
 * The record is lazy: reading one path (`lines[path]`, what a finding does) follows that path
 * through the positioned tree; listing the paths (`Object.keys`, a deep comparison) builds them
 * all, once. Findings ask for a few paths of a resource, so a large template is not walked
 * property by property.
 */
export function propertyLines(properties: CfnValue, positions: WeakMap<object, NodePositions>): Record<string, number> {
  let all: Record<string, number> | undefined;
  const whole = () => (all ??= allLines(properties, positions));
  return new Proxy({} as Record<string, number>, {
    get: (_t, key) => (typeof key !== 'string' ? undefined : all ? all[key] : lineAt(properties, positions, key)),
    has: (_t, key) => typeof key === 'string' && key in whole(),
    ownKeys: () => Reflect.ownKeys(whole()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(whole(), key);
      return d && { ...d, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** Every path and its line (the eager walk). */
function allLines(properties: CfnValue, positions: WeakMap<object, NodePositions>): Record<string, number> {
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
 * The line of one path, following it from the properties: `[i]` indexes a list, and at a map the
 * longest key the rest of the path starts with (followed by `.`, `[` or the end) is taken, so keys
 * holding dots (`kms:EncryptionContext:aws:s3:arn`, `a.b`) are followed as the eager walk names
 * them. The same as `allLines(…)[path]`, except where two routes spell one path (`a` → `b.c` and
 * `a.b` → `c`): the eager walk keeps the one written last, this takes the longer key.
 */
function lineAt(properties: CfnValue, positions: WeakMap<object, NodePositions>, path: string): number | undefined {
  let value: CfnValue = properties;
  let rest = path;
  let line: number | undefined;
  for (let depth = 0; rest.length > 0; depth++) {
    if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || intrinsicName(value)) return undefined;
    const info = positions.get(value);
    if (Array.isArray(value)) {
      const m = /^\[(0|[1-9]\d*)\]/.exec(rest);
      if (!m) return undefined;
      const i = Number(m[1]);
      if (i >= value.length) return undefined;
      line = info?.items?.[i]?.line;
      value = value[i];
      rest = rest.slice(m[0].length);
    } else {
      if (!isMapValue(value)) return undefined;
      // Below the top level a key follows a dot.
      if (depth > 0) {
        if (rest[0] !== '.') return undefined;
        rest = rest.slice(1);
      }
      let key: string | undefined;
      for (const k of Object.keys(value)) {
        if (!rest.startsWith(k)) continue;
        const next = rest[k.length];
        if ((next === undefined || next === '.' || next === '[') && (key === undefined || k.length > key.length)) key = k;
      }
      if (key === undefined) return undefined;
      line = info?.keys?.get(key)?.line;
      value = value[key];
      rest = rest.slice(key.length);
    }
  }
  return line;
}
