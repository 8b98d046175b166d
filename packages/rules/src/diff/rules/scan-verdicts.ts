import type { Resource } from '../../model';
import { ALL_RULES } from '../../rules';
import { isScopeRule, type CheckResult, type Rule, type RuleContext } from '../../rules/types';

/*
 * Some protections are not one facet but a judgement the scan rules already make with care: TLS
 * enforcement follows parameter groups and engine defaults, a bucket policy's TLS deny is a
 * statement analysis, a database port open to the internet is a reading of ingress ranges. The
 * change rules ask those rules on each version instead of judging a second time (and differently).
 */

function scanRule(id: string): Rule {
  const rule = ALL_RULES.find((r) => r.id === id);
  // A renamed scan rule must break loudly here, not turn a regression check silent.
  if (!rule || isScopeRule(rule)) throw new Error(`scan rule ${id} not found`);
  return rule;
}

/** The scan rule's results on one resource in its own version; empty when the rule does not apply to it. */
export function scanResults(id: string, resource: Resource, ctx: RuleContext): CheckResult[] {
  const rule = scanRule(id);
  if (!rule.appliesTo.includes(resource.type)) return [];
  const out = rule.check(resource, ctx);
  return out === undefined ? [] : Array.isArray(out) ? out : [out];
}

/** The one result of a single-verdict scan rule, or undefined when it does not apply. */
export function scanResult(id: string, resource: Resource, ctx: RuleContext): CheckResult | undefined {
  return scanResults(id, resource, ctx)[0];
}
