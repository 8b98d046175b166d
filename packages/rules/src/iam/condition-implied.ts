import type { Conditions, V } from '../model';
import { isUnknown, unknown } from '../model';
import { valuePatternIncludes } from './pattern-include';

/**
 * Whether every request that satisfies `narrow` also satisfies `broad`: then a grant under
 * `narrow` is no more than a grant under `broad`. Clauses of one statement are ANDed, so `narrow`
 * must have, for each clause of `broad`, a clause on the same operator and key that is at least
 * as strict:
 * - positive operators OR their values: fewer values (or, for `…Like`, values inside the broad
 *   ones' wildcards) are stricter;
 * - negated operators (`StringNotEquals`, `NotIpAddress`, …) exclude each value: more values are
 *   stricter.
 * So adding a condition narrows, removing one broadens, and a changed value is judged by these
 * set relations; anything else (a value that cannot be resolved on one side only, an unreadable
 * Condition block) is `Unknown` rather than a guess.
 */
export function conditionsImply(narrow: V<Conditions>, broad: V<Conditions>): V<boolean> {
  if (!isUnknown(broad) && Object.values(broad).every((byKey) => Object.keys(byKey).length === 0)) return true;
  if (isUnknown(broad)) return unknown(`a Condition block cannot be read: ${broad.reason}`);
  if (isUnknown(narrow)) return unknown(`a Condition block cannot be read: ${narrow.reason}`);
  const verdicts: V<boolean>[] = [];
  for (const [op, byKey] of Object.entries(broad)) {
    for (const [key, values] of Object.entries(byKey)) {
      const match = clause(narrow, op, key);
      if (!match) return false;
      const v = valuesStricter(op, match, values);
      if (v === false) return false;
      verdicts.push(v);
    }
  }
  return verdicts.find(isUnknown) ?? true;
}

/** Operators and keys compare case-insensitively (IAM treats condition keys so; operators are spelled one way). */
function clause(conds: Conditions, op: string, key: string): V<string>[] | undefined {
  const o = op.toLowerCase();
  const k = key.toLowerCase();
  for (const [op2, byKey] of Object.entries(conds)) {
    if (op2.toLowerCase() !== o) continue;
    for (const [key2, values] of Object.entries(byKey)) if (key2.toLowerCase() === k) return values;
  }
  return undefined;
}

function valuesStricter(op: string, narrow: readonly V<string>[], broad: readonly V<string>[]): V<boolean> {
  const bad = [...narrow, ...broad].find(isUnknown);
  if (bad) {
    // The same unresolved expression on both sides is the same condition.
    const same = narrow.length === broad.length && narrow.every((v, i) => JSON.stringify(v) === JSON.stringify(broad[i]));
    return same ? true : unknown(`a condition value cannot be resolved: ${bad.reason}`);
  }
  const o = op.toLowerCase();
  const like = o.includes('like');
  const within = (inner: string, outers: readonly V<string>[]) => outers.some((x) => typeof x === 'string' && (like ? valuePatternIncludes(x, inner) : x === inner));
  if (o.includes('not')) return (broad as string[]).every((b) => within(b, narrow));
  return (narrow as string[]).every((n) => within(n, broad));
}
