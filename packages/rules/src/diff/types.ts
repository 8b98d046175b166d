import type { Resource } from '../model';
import type { CheckResult, RuleContext, RuleMeta } from '../rules/types';
import type { EngineConfig } from '../config/types';

/**
 * One logical resource across two versions of the code (base and head of a pull request),
 * matched by Terraform address (honouring `moved` blocks), CloudFormation logical id or CDK
 * construct path. `replaced`: the same key with a change that forces a new physical resource
 * (another type, or a new physical name).
 */
export interface ResourcePair {
  /** The matching key (`aws_s3_bucket.raw`, `OrdersTable`, `Stack/Orders/Resource`). */
  key: string;
  base?: Resource;
  head?: Resource;
  change: 'added' | 'removed' | 'modified' | 'replaced' | 'unchanged';
}

/** What a change rule sees: both versions, each with its own index and classification. */
export interface ChangeContext {
  base: RuleContext;
  head: RuleContext;
  /** All pairs, for rules that need the other side of a reference (a key still used by a table). */
  pairs: readonly ResourcePair[];
  /** The pair a resource of either version belongs to. */
  pairOf(resource: Resource): ResourcePair | undefined;
}

/**
 * A rule about a change (RULES.md, last table): it compares the two versions of one resource
 * pair. Its results are always news (status `introduced`); a `fail` is a risky change, `unknown`
 * a change whose risk cannot be told (and therefore, by default, needs approval).
 */
export interface ChangeRule extends RuleMeta {
  kind: 'change';
  /** Canonical types of the pair (base or head) the rule looks at. */
  appliesTo: readonly string[];
  compare(pair: ResourcePair, ctx: ChangeContext): CheckResult | CheckResult[] | undefined;
  /**
   * Whether the approval policy may let this pair's change through without a reviewer (DESIGN.md:
   * new List/Read access on named, non-red resources). Absent: every finding of the rule needs approval.
   */
  approvalExempt?(pair: ResourcePair, ctx: ChangeContext, config: EngineConfig): boolean;
}

export function isChangeRule(r: unknown): r is ChangeRule {
  return typeof r === 'object' && r !== null && (r as { kind?: unknown }).kind === 'change';
}
