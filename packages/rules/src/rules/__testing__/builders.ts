import type { Facets, Resource } from '../../model';
import { ResourceIndex } from '../../engine/resource-index';
import { levelResolver } from '../../engine/levels';
import { DEFAULT_CONFIG, type EngineConfig } from '../../config/types';
import type { Level } from '../../classify/classify';
import type { AnyRule, CheckResult, Rule, RuleContext, Verdict } from '../types';
import { isScopeRule, PILLARS, SEVERITIES } from '../types';

/**
 * Shared test builders for rule files. Resources are built directly (never parsed), so a test
 * states exactly the facets a rule sees; the context uses the real ResourceIndex and level
 * resolver, so references (table → key, cluster → parameter group, instance → cluster) are
 * followed the way the engine follows them. Read-only for other rule authors.
 */

/** A resource `id` of `type` with the given facets; tags, name, arn… through `extra`. */
export function resource(id: string, type: string, facets: Facets = {}, extra: Partial<Resource> = {}): Resource {
  return { id, type, sourceType: type, tags: {}, location: { file: 'template.yaml', format: 'cloudformation' }, facets, ...extra };
}

/** Tags that classify a resource with the default mapping (`data_classification`). */
export function classified(level: Level): Resource['tags'] {
  return { data_classification: level };
}

/** A RuleContext over `resources`, with the real index, default config (overridable) and level resolver. */
export function contextOf(resources: readonly Resource[], config: Partial<EngineConfig> = {}): RuleContext {
  const index = new ResourceIndex(resources);
  const merged: EngineConfig = { ...DEFAULT_CONFIG, ...config };
  return { index, config: merged, level: levelResolver(index, merged) };
}

/** The resource rule with this id; throws when missing so a renamed rule fails its tests loudly. */
export function findRule(rules: readonly AnyRule[], id: string): Rule {
  const rule = rules.find((r) => r.id === id);
  if (!rule || isScopeRule(rule)) throw new Error(`no resource rule ${id}`);
  return rule;
}

/**
 * Runs a rule on `target` with `others` in the index too, as the engine would: a type the rule
 * does not apply to gives no results. Empty list = not applicable.
 */
export function runRule(rule: Rule, target: Resource, others: readonly Resource[] = [], config: Partial<EngineConfig> = {}): CheckResult[] {
  if (!rule.appliesTo.includes(target.type)) return [];
  const out = rule.check(target, contextOf([target, ...others.filter((r) => r !== target)], config));
  if (out === undefined) return [];
  return Array.isArray(out) ? out : [out];
}

/** The one verdict a rule gives, or `not-applicable`; throws when the rule gave several. */
export function verdictOf(rule: Rule, target: Resource, others: readonly Resource[] = [], config: Partial<EngineConfig> = {}): Verdict | 'not-applicable' {
  const results = runRule(rule, target, others, config);
  if (results.length === 0) return 'not-applicable';
  if (results.length > 1) throw new Error(`${rule.id} gave ${results.length} results on ${target.id}`);
  return results[0].verdict;
}

/** The single result of a rule (throws unless exactly one). */
export function resultOf(rule: Rule, target: Resource, others: readonly Resource[] = [], config: Partial<EngineConfig> = {}): CheckResult {
  const results = runRule(rule, target, others, config);
  if (results.length !== 1) throw new Error(`${rule.id} gave ${results.length} results on ${target.id}, expected 1`);
  return results[0];
}

/**
 * Problems with a rule's metadata: what docs/rules.md and every report are built from. Returns a
 * list of problems (empty = fine) so a test can show all of them at once.
 */
export function metadataProblems(rule: AnyRule): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9-]+\.[a-z0-9-]+$/.test(rule.id)) problems.push(`id ${rule.id} is not <service>.<check>`);
  if (!PILLARS.includes(rule.pillar)) problems.push(`unknown pillar ${rule.pillar}`);
  if (!SEVERITIES.includes(rule.severity)) problems.push(`unknown severity ${rule.severity}`);
  if (rule.title.trim().length < 10) problems.push('title too short');
  if (rule.rationale.trim().length < 40) problems.push('rationale too short');
  if (!rule.remediation.cloudformation.trim()) problems.push('no CloudFormation remediation');
  if (!rule.remediation.terraform.trim()) problems.push('no Terraform remediation');
  if (rule.appliesTo.length === 0 && !isScopeRule(rule)) problems.push('appliesTo is empty');
  if (!rule.references?.length) problems.push('no references');
  for (const ref of rule.references ?? []) if (!/^https:\/\//.test(ref)) problems.push(`reference ${ref} is not an https URL`);
  return problems;
}
