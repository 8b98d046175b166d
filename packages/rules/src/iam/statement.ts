import type { Conditions, PolicyStatement, V } from '../model';
import { isUnknown, unknown } from '../model';
import { matchesAction } from './catalog';
import { isAnyResource, resourcePatternMatches } from './resource-pattern';
import { allOf, anyOf, not, test } from './tri';

/**
 * Questions about one normalised statement, answered in three-valued logic: `true`, `false`, or
 * `Unknown` when an unresolved value could change the answer. Conditions are not evaluated here
 * (they depend on the request); callers ask `conditionKeys` and decide.
 */

/** Whether the statement's Action/NotAction covers an action. */
export function coversAction(stmt: PolicyStatement, action: string): V<boolean> {
  if (stmt.notActions) return not(actionMatcher(stmt.notActions)(action));
  return stmt.actions ? actionMatcher(stmt.actions)(action) : false;
}

/** Printable ASCII without wildcards: matched case-insensitively by comparing lower-cased text. */
const PLAIN = /^[\x20-\x29\x2b-\x3e\x40-\x7e]*$/;
/**
 * Lower-cased action names, kept: the same few thousand catalog actions are asked about for every
 * statement, and lower-casing each time is most of what the set lookup costs. Bounded, so odd
 * input cannot grow it without end.
 */
const lowered = new Map<string, string>();
function lowerCased(action: string): string {
  let hit = lowered.get(action);
  if (hit === undefined) {
    hit = action.toLowerCase();
    if (lowered.size < 50_000) lowered.set(action, hit);
  }
  return hit;
}

/** Every UTF-16 unit below 128. */
function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * `anyOf(patterns.map(p => matchesAction(p, action)))`, compiled once per Action list: literal
 * actions go in a set of lower-cased names (an ASCII literal matches, case-insensitively, only an
 * ASCII action that lower-cases alike), the rest are globs; an unresolved pattern makes a miss
 * unknown. The lists are asked about thousands of actions (escalation paths, access levels).
 */
type ActionTest = (action: string) => V<boolean>;
const matchers = new WeakMap<readonly V<string>[], ActionTest>();
function actionMatcher(patterns: readonly V<string>[]): ActionTest {
  let m = matchers.get(patterns);
  if (m) return m;
  const literals = new Set<string>();
  const globs: string[] = [];
  let miss: V<boolean> = false;
  for (const p of patterns) {
    if (isUnknown(p)) {
      if (miss === false) miss = p;
    } else if (PLAIN.test(p)) literals.add(p.toLowerCase());
    else globs.push(p);
  }
  // A few literals (the usual Action list) are found faster, and kept smaller, in an array.
  const few = literals.size <= 8 ? [...literals] : undefined;
  m = (action) => {
    if (literals.size && isAscii(action) && (few ? few.includes(lowerCased(action)) : literals.has(lowerCased(action)))) return true;
    for (const g of globs) if (matchesAction(g, action)) return true;
    return miss;
  };
  matchers.set(patterns, m);
  return m;
}

/** Whether the statement's Resource/NotResource covers a resource string (ARN or reference). A statement with neither (trust policies) covers everything. */
export function coversResource(stmt: PolicyStatement, resource: string): V<boolean> {
  if (stmt.notResources) return not(anyPattern(stmt.notResources, (s) => resourcePatternMatches(s, resource)));
  if (!stmt.resources) return true;
  return anyPattern(stmt.resources, (s) => resourcePatternMatches(s, resource));
}

/** `anyOf(patterns.map((p) => test(p, f)))` without the intermediate list (asked very often). */
function anyPattern(patterns: readonly V<string>[], f: (p: string) => boolean): V<boolean> {
  let miss: V<boolean> = false;
  for (const p of patterns) {
    if (isUnknown(p)) {
      if (miss === false) miss = p;
    } else if (f(p)) return true;
  }
  return miss;
}

/** Whether the statement applies to every resource: `Resource: "*"` (or an all-wildcard ARN), or a NotResource (everything but a few). */
export function coversAnyResource(stmt: PolicyStatement): V<boolean> {
  if (stmt.notResources) return true;
  if (!stmt.resources) return true;
  return anyPattern(stmt.resources, isAnyResource);
}

export function isAllow(stmt: PolicyStatement): V<boolean> {
  return test(stmt.effect, (e) => e === 'Allow');
}

export function isDeny(stmt: PolicyStatement): V<boolean> {
  return test(stmt.effect, (e) => e === 'Deny');
}

/**
 * Whether this statement allows `action` (on `resource`, or on some resource when omitted),
 * ignoring its conditions. `Unknown` when an unresolved value could decide it.
 */
export function allowsAction(stmt: PolicyStatement, action: string, resource?: string): V<boolean> {
  const onResource = resource === undefined ? true : coversResource(stmt, resource);
  return allOf([isAllow(stmt), coversAction(stmt, action), onResource]);
}

/** Condition keys the statement tests (as written), or `Unknown` when the Condition block cannot be read. */
export function conditionKeys(stmt: PolicyStatement): V<string[]> {
  if (isUnknown(stmt.conditions)) return stmt.conditions;
  return Object.values(stmt.conditions).flatMap((byKey) => Object.keys(byKey));
}

/** Whether the statement has any condition at all. */
export function isConditioned(stmt: PolicyStatement): V<boolean> {
  const keys = conditionKeys(stmt);
  return isUnknown(keys) ? keys : keys.length > 0;
}

/** Whether some condition key satisfies `pred` (compared case-insensitively by the predicate's caller). */
export function hasConditionKey(stmt: PolicyStatement, pred: (key: string) => boolean): V<boolean> {
  const keys = conditionKeys(stmt);
  return isUnknown(keys) ? keys : keys.some(pred);
}

/**
 * Operators that do not restrict to a set of good values: negations (a `StringNotEquals` admits
 * everyone else), `Null`, and `…IfExists` (a request without the key passes).
 */
function isRestrictingOperator(op: string): boolean {
  const o = op.toLowerCase();
  if (o === 'null' || o.endsWith('ifexists')) return false;
  return !/not(equals|like|ipaddress)/.test(o.replace(/^for(all|any)values:/, ''));
}

/**
 * Whether the statement is narrowed by one of `keys` (case-insensitive) under a positive operator
 * with concrete values (a bare `*` restricts nothing). `Unknown` when the conditions, or the only
 * candidate values, cannot be read.
 */
export function restrictedBy(stmt: PolicyStatement, keys: readonly string[]): V<boolean> {
  if (isUnknown(stmt.conditions)) return stmt.conditions;
  const wanted = new Set(keys.map((k) => k.toLowerCase()));
  const verdicts: V<boolean>[] = [];
  for (const [op, byKey] of Object.entries(stmt.conditions as Conditions)) {
    if (!isRestrictingOperator(op)) continue;
    for (const [key, values] of Object.entries(byKey)) {
      if (!wanted.has(key.toLowerCase())) continue;
      verdicts.push(valuesRestrict(values));
    }
  }
  return anyOf(verdicts);
}

function valuesRestrict(values: readonly V<string>[]): V<boolean> {
  if (values.length === 0) return false;
  const bad = values.find(isUnknown);
  if (bad) return unknown(`a condition value cannot be resolved: ${bad.reason}`);
  return values.every((v) => typeof v === 'string' && v.trim() !== '' && !/^\*+$/.test(v.trim()));
}
