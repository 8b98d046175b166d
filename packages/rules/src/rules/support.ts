import type { AtRest, CheckResult, Resource, RuleContext, Tri, V } from '../index';
import { isUnknown } from '../model';

/** Shared helpers for rule files: verdicts from tri-state facts, key ownership, classification. */

export function pass(message: string, path?: string, related?: string[]): CheckResult {
  return { verdict: 'pass', message, path, related };
}

export function fail(message: string, path?: string, related?: string[]): CheckResult {
  return { verdict: 'fail', message, path, related };
}

export function unknownResult(message: string, path?: string, related?: string[]): CheckResult {
  return { verdict: 'unknown', message, path, related };
}

/**
 * The common shape "this boolean must be true": pass / fail / unknown with the reason.
 * `path` is the facet path (`backup.pitr`); the engine maps it to the source property.
 */
export function requireTrue(value: Tri | undefined, path: string, ok: string, bad: string, defaultValue = false): CheckResult {
  const v = value === undefined ? defaultValue : value;
  if (isUnknown(v)) return unknownResult(`${bad.replace(/\.$/, '')}: cannot tell (${v.reason}).`, path);
  return v ? pass(ok, path) : fail(bad, path);
}

/** "this boolean must be false" (e.g. publicly accessible). */
export function requireFalse(value: Tri | undefined, path: string, ok: string, bad: string, defaultValue = false): CheckResult {
  const v = value === undefined ? defaultValue : value;
  if (isUnknown(v)) return unknownResult(`${bad.replace(/\.$/, '')}: cannot tell (${v.reason}).`, path);
  return v ? fail(bad, path) : pass(ok, path);
}

/**
 * Encryption at rest after following the key: a `cmk` whose key turns out to be AWS-managed
 * (an `alias/aws/*` alias, or a Config key item with `keyManager: AWS`) counts as `aws-managed`.
 */
export function effectiveAtRest(resource: Resource, ctx: RuleContext): V<AtRest> | undefined {
  const enc = resource.facets.encryption;
  if (!enc) return undefined;
  if (enc.atRest !== 'cmk') return enc.atRest;
  const ref = enc.keyRef;
  if (typeof ref === 'string' && /(^|:)alias\/aws\//.test(ref)) return 'aws-managed';
  const key = ctx.index.resolve(ref, ['AWS::KMS::Key']);
  if (key?.facets.kms?.keyManager === 'AWS') return 'aws-managed';
  return 'cmk';
}

/** The KMS key resource an encrypted resource uses, when the input defines it. */
export function keyOf(resource: Resource, ctx: RuleContext): Resource | undefined {
  return ctx.index.resolve(resource.facets.encryption?.keyRef, ['AWS::KMS::Key']);
}

export function describeAtRest(v: V<AtRest> | undefined): string {
  if (v === undefined) return 'not set';
  if (isUnknown(v)) return `unknown (${v.reason})`;
  return { none: 'not encrypted', 'aws-owned': 'encrypted with an AWS-owned key', 'aws-managed': 'encrypted with an AWS-managed key', cmk: 'encrypted with a customer-managed key' }[v];
}

/** Display name of a resource for messages: its physical name when known, else its id. */
export function display(resource: Resource): string {
  return typeof resource.name === 'string' && resource.name !== resource.id ? `${resource.id} (${resource.name})` : resource.id;
}
