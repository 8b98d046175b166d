import type { CfnValue } from './types';
import { intrinsicName, isMapValue } from './values';
import type { NodePositions } from './yaml-tree';

/**
 * Line of every property path of a resource as written (`SSESpecification.KMSMasterKeyId`,
 * `Policies[0].PolicyDocument.Statement[1]`), so findings point at the line the user wrote.
 * Paths stop at intrinsic functions: `KMSMasterKeyId: !GetAtt Key.Arn` is one path.
 */
export function propertyLines(properties: CfnValue, positions: WeakMap<object, NodePositions>): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (value: CfnValue, prefix: string, depth: number) => {
    if (depth > 200 || value === null || typeof value !== 'object' || intrinsicName(value)) return;
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
