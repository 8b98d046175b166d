import type { Resource } from '../../model';
import { ResourceIndex } from '../../engine/resource-index';
import { levelResolver } from '../../engine/levels';
import { DEFAULT_CONFIG, type EngineConfig } from '../../config/types';
import type { AnyRule, CheckResult, Rule, RuleContext, ScopeRule } from '../types';
import { isScopeRule, PILLARS, SEVERITIES } from '../types';

/**
 * Test builders for the metadata/monitoring/governance rule files (glue, lakeformation, secrets,
 * cloudtrail, logs, classification, iac). Resources are built directly, never parsed, so each
 * test states exactly the facets a rule sees.
 */

export function res(id: string, type: string, extra: Partial<Resource> = {}): Resource {
  return { id, type, sourceType: type, tags: {}, location: { file: 'main.yaml', format: 'cloudformation' }, facets: {}, ...extra };
}

/** A RuleContext over `resources`, with the real index and level resolver. */
export function ctxOf(resources: readonly Resource[], config: Partial<EngineConfig> = {}): RuleContext {
  const index = new ResourceIndex(resources);
  const merged: EngineConfig = { ...DEFAULT_CONFIG, ...config };
  return { index, config: merged, level: levelResolver(index, merged) };
}

export function ruleById(rules: readonly AnyRule[], id: string): Rule {
  const r = rules.find((x) => x.id === id);
  if (!r || isScopeRule(r)) throw new Error(`no resource rule ${id}`);
  return r;
}

export function scopeRuleById(rules: readonly AnyRule[], id: string): ScopeRule {
  const r = rules.find((x) => x.id === id);
  if (!r || !isScopeRule(r)) throw new Error(`no scope rule ${id}`);
  return r;
}

/**
 * Runs one resource rule on `target`, with every resource of `all` (target included) in the index.
 * Returns the results as a list (empty = not applicable), after checking the rule applies to the type.
 */
export function run(rule: Rule, target: Resource, all: readonly Resource[] = [target], config: Partial<EngineConfig> = {}): CheckResult[] {
  if (!rule.appliesTo.includes(target.type)) return [];
  const resources = all.includes(target) ? all : [target, ...all];
  const out = rule.check(target, ctxOf(resources, config));
  if (out === undefined) return [];
  return Array.isArray(out) ? out : [out];
}

/** The single verdict of a rule on a resource, or 'not-applicable'. */
export function verdictOf(rule: Rule, target: Resource, all?: readonly Resource[], config?: Partial<EngineConfig>): string {
  const results = run(rule, target, all, config);
  if (results.length === 0) return 'not-applicable';
  if (results.length > 1) throw new Error(`expected one result, got ${results.length}: ${results.map((r) => r.message).join(' | ')}`);
  return results[0].verdict;
}

/** Asserts the metadata every rule must carry (docs and reports are generated from it). */
export function expectCompleteMetadata(rules: readonly AnyRule[], expectedIds: readonly string[]): void {
  expect(rules.map((r) => r.id).sort()).toEqual([...expectedIds].sort());
  for (const r of rules) {
    expect(r.id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+$/);
    expect(PILLARS).toContain(r.pillar);
    expect(SEVERITIES).toContain(r.severity);
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.rationale.length).toBeGreaterThan(40);
    expect(r.remediation.cloudformation.trim().length).toBeGreaterThan(10);
    expect(r.remediation.terraform.trim().length).toBeGreaterThan(10);
    expect(r.references?.length ?? 0).toBeGreaterThan(0);
    for (const ref of r.references ?? []) expect(ref).toMatch(/^https:\/\//);
  }
}

export const U = (reason: string) => ({ kind: 'unknown' as const, reason });
