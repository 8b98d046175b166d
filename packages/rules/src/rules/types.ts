import type { Resource, SourceFormat } from '../model';
import type { ResourceIndex } from '../engine/resource-index';
import type { EngineConfig } from '../config/types';
import type { Level } from '../classify/classify';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type Pillar =
  | 'identity'
  | 'classification'
  | 'network'
  | 'encryption'
  | 'secrets'
  | 'monitoring'
  | 'policy-as-code'
  | 'recovery';
export const PILLARS: readonly Pillar[] = [
  'identity',
  'classification',
  'network',
  'encryption',
  'secrets',
  'monitoring',
  'policy-as-code',
  'recovery',
];

export type Verdict = 'pass' | 'fail' | 'unknown';

/** The metadata `docs/rules.md` and every report are generated from. */
export interface RuleMeta {
  /** Stable id, `<service>.<check>` (`dynamodb.pitr`). */
  id: string;
  pillar: Pillar;
  severity: Severity;
  title: string;
  /** Why it matters, one or two sentences (markdown allowed). */
  rationale: string;
  /** How to fix it, as a CloudFormation and a Terraform snippet. */
  remediation: { cloudformation: string; terraform: string };
  /** Canonical resource types the rule checks (empty for rules that only look at the whole input). */
  appliesTo: readonly string[];
  /** Formats that can express what the rule checks; absent = all. */
  formats?: readonly SourceFormat[];
  /** Where the check comes from (AWS docs, the article). */
  references?: readonly string[];
}

/** One verdict of one rule on one resource. A rule may return several (one per statement, say). */
export interface CheckResult {
  verdict: Verdict;
  message: string;
  /** Property path that decides the verdict (`PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled`). */
  path?: string;
  /** Other resources involved (the key a table uses, the policy that grants). */
  related?: string[];
}

export interface RuleContext {
  index: ResourceIndex;
  config: EngineConfig;
  /** Classification level of a resource (following the owning cluster/table where relevant). */
  level(resource: Resource): Level | undefined;
}

export interface Rule extends RuleMeta {
  /** Checks one resource of `appliesTo`. Returns nothing when the rule does not apply after all (a green table for a red-only rule). */
  check(resource: Resource, ctx: RuleContext): CheckResult | CheckResult[] | undefined;
}

/** A rule that looks at the whole input once (e.g. "a multi-region trail exists"). */
export interface ScopeRule extends RuleMeta {
  scope: 'input';
  checkInput(resources: readonly Resource[], ctx: RuleContext): Array<CheckResult & { resource?: Resource }>;
}

export type AnyRule = Rule | ScopeRule;

export function isScopeRule(r: AnyRule): r is ScopeRule {
  return (r as ScopeRule).scope === 'input';
}
