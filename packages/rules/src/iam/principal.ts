import type { Principal, Resource } from '../model';
import { isUnknown } from '../model';
import { splitArn } from './resource-pattern';

/**
 * Principals of resource-based and trust policies: who they admit.
 */

/** `Principal: "*"`, `{"AWS": "*"}` (and an AWS principal with a wildcard account): anyone, in any account. */
export function isPublicPrincipal(p: Principal): boolean {
  if (p.type === '*') return true;
  if (isUnknown(p.value)) return false;
  if (p.type === 'AWS' || p.type === 'CanonicalUser') {
    const v = p.value.trim();
    if (v === '*') return true;
    const arn = splitArn(v);
    if (arn && /[*?]/.test(arn.account)) return true;
  }
  return false;
}

/** The twelve-digit account an AWS principal names (`123456789012`, `arn:aws:iam::123456789012:root`/`:role/x`), when literal. */
export function principalAccount(value: string): string | undefined {
  const v = value.trim();
  if (/^\d{12}$/.test(v)) return v;
  const arn = splitArn(v);
  if (arn && /^\d{12}$/.test(arn.account)) return arn.account;
  return undefined;
}

/**
 * Whether an AWS principal names the template's own account through a reference rather than a
 * literal: CloudFormation `${AWS::AccountId}`, Terraform `data.aws_caller_identity.*.account_id`.
 */
export function isOwnAccountReference(value: string): boolean {
  return /\$\{AWS::AccountId\}/.test(value) || /aws_caller_identity\.[^.}]+\.account_id/.test(value);
}

/** The account a resource lives in, when the input says (Config items, ARNs after apply). */
export function ownAccountOf(resource: Resource): string | undefined {
  if (resource.account) return resource.account;
  if (resource.live?.accountId) return resource.live.accountId;
  const arn = resource.arn ? splitArn(resource.arn) : undefined;
  return arn && /^\d{12}$/.test(arn.account) ? arn.account : undefined;
}
