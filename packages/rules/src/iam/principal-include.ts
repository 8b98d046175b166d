import type { PolicyStatement, Principal, V } from '../model';
import { isUnknown, unknown } from '../model';
import { isOwnAccountReference, isPublicPrincipal, principalAccount } from './principal';
import { anyOf } from './tri';

/**
 * Who a statement of a resource-based or trust policy admits, as units the access diff compares:
 * `any` for identity policies (no Principal element: the holder), one principal, or — for an
 * Allow with NotPrincipal — everyone except a list.
 */
export type PrincipalUnit = { kind: 'any' } | { kind: 'one'; principal: Principal } | { kind: 'not'; except: Principal[] };

export function principalUnits(stmt: PolicyStatement): PrincipalUnit[] {
  if (stmt.notPrincipals) return [{ kind: 'not', except: stmt.notPrincipals }];
  if (!stmt.principals) return [{ kind: 'any' }];
  return stmt.principals.map((principal) => ({ kind: 'one', principal }));
}

export function describePrincipal(u: PrincipalUnit): string | undefined {
  if (u.kind === 'any') return undefined;
  if (u.kind === 'not') return `every principal except ${u.except.map(show).join(', ')}`;
  return show(u.principal);
}

function show(p: Principal): string {
  if (p.type === '*') return '*';
  const v = isUnknown(p.value) ? `<unresolved: ${p.value.reason}>` : p.value;
  return `${p.type}:${v}`;
}

/** `123456789012` and `arn:aws:iam::123456789012:root` are the same principal. */
function canonical(p: Principal): string | undefined {
  if (isUnknown(p.value)) return undefined;
  const v = p.value.trim();
  if (p.type === 'AWS' && /^\d{12}$/.test(v)) return `AWS:arn:aws:iam::${v}:root`;
  return `${p.type}:${v}`;
}

function isAccountRoot(p: Principal): boolean {
  return p.type === 'AWS' && typeof p.value === 'string' && (/^\d{12}$/.test(p.value.trim()) || /:root$/.test(p.value.trim()));
}

/**
 * Whether admitting `outer` may admit `inner` too: the same principal, anyone, or an account root
 * over an identity of that account. Broad on purpose: it answers "may these be the same
 * principal" (a NotPrincipal exclusion, the Allows a removed Deny blocked), where saying yes is
 * the safe side. Whether a grant to `outer` GIVES `inner` what a grant to `inner` gives is
 * `principalCovers`.
 */
export function principalIncludes(outer: Principal, inner: Principal): V<boolean> {
  if (isPublicPrincipal(outer)) return true;
  if (isPublicPrincipal(inner)) return false;
  if (isUnknown(outer.value)) return unknown(`a principal cannot be resolved: ${outer.value.reason}`);
  if (isUnknown(inner.value)) return unknown(`a principal cannot be resolved: ${inner.value.reason}`);
  if (canonical(outer) === canonical(inner)) return true;
  if (!isAccountRoot(outer) || inner.type !== 'AWS') return false;
  const account = principalAccount(outer.value);
  if (account !== undefined) return principalAccount(inner.value) === account;
  return isOwnAccountReference(outer.value) && isOwnAccountReference(inner.value);
}

/** Whose resource a resource-based (key, bucket, secret, trust) policy guards: its account, when the input says. */
export interface PolicyOwner {
  /** Twelve-digit account owning the resource; undefined when unknown. */
  account?: string;
}

/**
 * Whether a grant to `outer` in a resource-based policy already gives `inner` everything a grant
 * naming `inner` gives. An account root in a resource-based policy DELEGATES: its identities get
 * the access only when their own IAM policies allow it too. A grant naming an identity directly
 * needs no IAM policy when the identity is in the resource's own account (KMS: the standard
 * "root may use the key" statement only enables IAM policies; S3 and trust policies the same), so
 * the root of the owner's account does not cover its roles and users. For another account the
 * identity needs its own IAM policy either way, so that account's root covers them. When the
 * owner's account is unknown, a literal account may be the owner's: not covered (the safe side —
 * the grant is reported).
 */
export function principalCovers(outer: Principal, inner: Principal, owner: PolicyOwner = {}): V<boolean> {
  const broad = principalIncludes(outer, inner);
  if (broad !== true || isPublicPrincipal(outer) || isUnknown(outer.value) || isUnknown(inner.value)) return broad;
  if (canonical(outer) === canonical(inner) || !isAccountRoot(outer)) return broad;
  // An account root over an identity of that account: covered only for a foreign account.
  if (isAccountRoot(inner)) return true;
  const account = principalAccount(outer.value);
  return account !== undefined && owner.account !== undefined && account !== owner.account;
}

/** Whether the statement admits every principal of `unit` (identity statements admit their holder). */
export function statementAdmits(stmt: PolicyStatement, unit: PrincipalUnit, owner: PolicyOwner = {}): V<boolean> {
  if (unit.kind === 'any' || (!stmt.principals && !stmt.notPrincipals)) return true;
  if (stmt.principals) {
    if (stmt.principals.some(isPublicPrincipal)) return true;
    if (unit.kind === 'not') return false;
    return anyOf(stmt.principals.map((q) => principalCovers(q, unit.principal, owner)));
  }
  // NotPrincipal: admits all but its list; covers `unit` when nothing `unit` holds is excluded.
  const excluded = stmt.notPrincipals ?? [];
  if (unit.kind === 'not') return allExcludedBy(excluded, unit.except, owner);
  const hit = anyOf(excluded.map((q) => anyOf([principalIncludes(q, unit.principal), principalIncludes(unit.principal, q)])));
  return isUnknown(hit) ? hit : !hit;
}

/** Base excludes `mine`; head excludes `theirs`. Head admits no more when each of mine is among theirs. */
function allExcludedBy(mine: readonly Principal[], theirs: readonly Principal[], owner: PolicyOwner): V<boolean> {
  for (const p of mine) {
    const v = anyOf(theirs.map((q) => principalCovers(q, p, owner)));
    if (v !== true) return v;
  }
  return true;
}

/** Whether the statement's principals and `unit` may share someone (for finding the Allow a removed Deny blocked). */
export function principalsOverlap(stmt: PolicyStatement, unit: PrincipalUnit): boolean {
  if (unit.kind !== 'one' || !stmt.principals) return true;
  return stmt.principals.some((q) => principalIncludes(q, unit.principal) !== false || principalIncludes(unit.principal, q) !== false);
}
