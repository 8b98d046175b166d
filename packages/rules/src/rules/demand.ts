import type { AtRest, Resource, Unknown, V } from '../model';
import { unknown } from '../model';
import { classify } from '../classify/classify';
import type { CheckResult, RuleContext } from './types';
import { effectiveAtRest, fail, keyOf, pass, unknownResult } from './support';

/**
 * What classification demands of a data store (pillar 4, "encryption as needed"), and the small
 * verdict helpers the data-store rule files (dynamodb, redshift, rds, s3, iam) share.
 */

/**
 * What a resource's classification demands (pillar 4, "encryption as needed"):
 * - `red`: the red demands (customer-managed key, …) on top of the baseline;
 * - `baseline`: orange data, and unclassified data — what we cannot place we protect as orange
 *   (`classification.tagged` reports the missing tag separately);
 * - `none`: green data, for which classification-driven rules do not apply;
 * - `Unknown`: the classification tag (or the tag set) cannot be read.
 */
export type Demand = 'red' | 'baseline' | 'none';

export function demandOf(resource: Resource, ctx: RuleContext): V<Demand> {
  const level = ctx.level(resource);
  if (level === 'red') return 'red';
  if (level === 'orange') return 'baseline';
  if (level === 'green') return 'none';
  const c = classify(resource, ctx.config.classification);
  if (c.kind === 'unknown') return unknown(`classification tag ${c.tag} cannot be resolved: ${c.reason}`);
  if (resource.tagsUnknown !== undefined) return unknown(`the tags cannot be read: ${resource.tagsUnknown}`);
  return 'baseline';
}

/**
 * The verdict when the level cannot be read: a resource that meets the red demands is fine at
 * any level; anything else may or may not be required, so it is unknown — never a guess.
 */
export function underUnknownDemand(redResult: CheckResult, demand: Unknown): CheckResult {
  if (redResult.verdict === 'pass') return redResult;
  return unknownResult(`${redResult.message.replace(/\.$/, '')}; whether that is required depends on the classification, which cannot be read (${demand.reason}).`, redResult.path, redResult.related);
}

/**
 * Several conditions that must all hold, as one verdict: fail when any fails (naming every
 * failure), else unknown when any is unknown, else pass.
 */
export function allOf(parts: readonly CheckResult[], okMessage: string, path?: string): CheckResult {
  const related = [...new Set(parts.flatMap((p) => p.related ?? []))];
  const rel = related.length ? related : undefined;
  const failed = parts.filter((p) => p.verdict === 'fail');
  if (failed.length) return fail(joinMessages(failed), failed[0].path ?? path, rel);
  const unsure = parts.filter((p) => p.verdict === 'unknown');
  if (unsure.length) return unknownResult(joinMessages(unsure), unsure[0].path ?? path, rel);
  return pass(okMessage, path, rel);
}

function joinMessages(parts: readonly CheckResult[]): string {
  return parts.map((p) => p.message.replace(/\.$/, '')).join('; ') + '.';
}

/** Encryption at rest after following the key, or the service default when the adapter left the facet out. */
export function atRestOf(resource: Resource, ctx: RuleContext, serviceDefault: AtRest): V<AtRest> {
  return effectiveAtRest(resource, ctx) ?? serviceDefault;
}

/** The key resource as `related`, when the input defines it. */
export function keyRelated(resource: Resource, ctx: RuleContext): string[] | undefined {
  const key = keyOf(resource, ctx);
  return key ? [key.id] : undefined;
}

