import type { PolicyStatement, V } from '../model';
import { isUnknown, unknown } from '../model';
import { catalogActions, expandActionPattern, matchesAction } from './catalog';
import { actionPatternIncludes, resourcePatternIncludes } from './pattern-include';
import { isAnyResource, resourcePatternMatches } from './resource-pattern';
import { coversAction } from './statement';
import { anyOf } from './tri';
import { hasWildcard } from './wildcard';

/**
 * A statement's Action and Resource elements as units the access diff compares one at a time: each
 * listed pattern is a unit (so statements split or merged compare the same), and a NotAction /
 * NotResource list is one "everything except" unit. Values that cannot be resolved are not units;
 * they come back as reasons, so the diff can say it cannot tell.
 */
export type Unit = { kind: 'pattern'; pattern: string } | { kind: 'not'; except: string[] };

export interface StatementUnits {
  actions: Unit[];
  resources: Unit[];
  unknown: string[];
}

function unitsOf(list: readonly V<string>[] | undefined, notList: readonly V<string>[] | undefined, element: string, unknownOut: string[], emptyMeansAll: boolean): Unit[] {
  if (notList) {
    const bad = notList.find(isUnknown);
    if (bad) {
      unknownOut.push(`Not${element} holds a value that cannot be resolved (${bad.reason})`);
      return [];
    }
    return [{ kind: 'not', except: notList as string[] }];
  }
  if (!list) return emptyMeansAll ? [{ kind: 'pattern', pattern: '*' }] : [];
  const out: Unit[] = [];
  for (const v of list) {
    if (isUnknown(v)) unknownOut.push(`${element} holds a value that cannot be resolved (${v.reason})`);
    else out.push({ kind: 'pattern', pattern: v.trim() });
  }
  return out;
}

export function statementUnits(stmt: PolicyStatement): StatementUnits {
  const unknownOut: string[] = [];
  // A statement without Resource (trust policies) applies to the one resource the policy guards.
  const actions = unitsOf(stmt.actions, stmt.notActions, 'Action', unknownOut, false);
  const resources = unitsOf(stmt.resources, stmt.notResources, 'Resource', unknownOut, true);
  return { actions, resources, unknown: unknownOut };
}

export function describeUnit(u: Unit): string {
  return u.kind === 'pattern' ? u.pattern : `everything except ${u.except.join(', ')}`;
}

/** Whether the statement's Action/NotAction covers every action of `unit` (pattern reasoning, no expansion). */
export function actionsInclude(stmt: PolicyStatement, unit: Unit): V<boolean> {
  if (stmt.notActions) {
    if (unit.kind === 'not') return exclusionsWithin(stmt.notActions, unit.except, actionPatternIncludes);
    // A literal action is decided exactly; a wildcard against a NotAction is left to expansion.
    return hasWildcard(unit.pattern) ? false : coversAction(stmt, unit.pattern);
  }
  const list = stmt.actions ?? [];
  if (unit.kind === 'not') return anyOf(list.map((p) => (isUnknown(p) ? p : p.trim() === '*')));
  return anyOf(list.map((p) => (isUnknown(p) ? p : actionPatternIncludes(p.trim(), unit.pattern))));
}

/** Whether the statement's Resource/NotResource covers every resource of `unit`. */
export function resourcesInclude(stmt: PolicyStatement, unit: Unit): V<boolean> {
  if (stmt.notResources) {
    if (unit.kind === 'not') return exclusionsWithin(stmt.notResources, unit.except, resourcePatternIncludes);
    // Everything but the exclusions: a specific resource none of them matches is inside.
    if (hasWildcard(unit.pattern)) return false;
    const hit = anyOf(stmt.notResources.map((p) => (isUnknown(p) ? p : resourcePatternMatches(p.trim(), unit.pattern))));
    return isUnknown(hit) ? hit : !hit;
  }
  if (!stmt.resources) return true;
  if (unit.kind === 'not') return anyOf(stmt.resources.map((p) => (isUnknown(p) ? p : isAnyResource(p))));
  return anyOf(stmt.resources.map((p) => (isUnknown(p) ? p : resourcePatternIncludes(p.trim(), unit.pattern))));
}

/**
 * "Everything except `mine`" contains "everything except `theirs`" when each of mine is inside
 * one of theirs (the other side excludes at least as much).
 */
function exclusionsWithin(mine: readonly V<string>[], theirs: readonly string[], includes: (outer: string, inner: string) => boolean): V<boolean> {
  for (const p of mine) {
    if (isUnknown(p)) return unknown(`an exclusion list holds a value that cannot be resolved (${p.reason})`);
    if (!theirs.some((t) => includes(t.trim(), p.trim()))) return false;
  }
  return true;
}

export interface Expansion {
  /** Catalog actions, as AWS spells them. */
  actions: readonly string[];
  /** Patterns on services (or literal actions) the catalog does not know: compared as patterns only. */
  unknown: readonly string[];
}

const expansions = new Map<string, Expansion>();

/** The catalog actions of a unit; cached, as the catalog never changes during a run. */
export function expandUnit(unit: Unit): Expansion {
  const key = unit.kind === 'pattern' ? `p\u0000${unit.pattern.toLowerCase()}` : `n\u0000${[...unit.except].map((s) => s.toLowerCase()).sort().join('\u0000')}`;
  let hit = expansions.get(key);
  if (!hit) {
    if (unit.kind === 'pattern') hit = expandActionPattern(unit.pattern);
    else hit = { actions: catalogActions().filter((a) => !unit.except.some((p) => matchesAction(p.trim(), a))), unknown: [] };
    expansions.set(key, hit);
  }
  return hit;
}
