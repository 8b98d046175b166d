import type { PolicyDocument, PolicyStatement, Principal, V } from '../model';
import { isUnknown, unknown } from '../model';
import { isOwnAccountReference, isPublicPrincipal, principalAccount } from './principal';
import { isAllow, restrictedBy } from './statement';
import { anyOf } from './tri';

/**
 * Trust-policy analysis (who may assume a role). A statement is too broad when it admits:
 * - anyone (`*`, `AWS: *`) without a condition that pins the caller's organisation, account or
 *   ARN (or the source for a service call);
 * - another account without `sts:ExternalId` (or `aws:PrincipalOrgID`): the confused-deputy guard
 *   AWS recommends for third-party access;
 * - a web identity (OIDC) provider without a `sub` condition — for GitHub Actions one naming a
 *   repository — or, for other providers, without `sub` or `aud`: otherwise any token the
 *   provider issues (any repository's workflow) can assume the role.
 * SAML providers and AWS service principals are not judged here.
 */
export interface TrustIssue {
  verdict: 'fail' | 'unknown';
  message: string;
  path?: string;
}

const PUBLIC_RESTRICTING_KEYS = ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceOrgID'];
const CROSS_ACCOUNT_KEYS = ['sts:ExternalId', 'aws:PrincipalOrgID'];
const GITHUB = 'token.actions.githubusercontent.com';

export function trustIssues(doc: PolicyDocument, ownAccount: string | undefined): TrustIssue[] {
  const issues: TrustIssue[] = [];
  if (doc.unknownReason !== undefined) issues.push({ verdict: 'unknown', message: `The trust policy cannot be read: ${doc.unknownReason}.` });
  doc.statements.forEach((s, i) => {
    const allow = isAllow(s);
    if (allow === false) return;
    const path = s.path ?? `Statement[${i}]`;
    for (const p of s.principals ?? []) {
      const issue = principalIssue(s, p, ownAccount);
      if (!issue) continue;
      if (isUnknown(allow) && issue.verdict === 'fail') issues.push({ verdict: 'unknown', message: `${issue.message} (if the statement allows: its Effect cannot be resolved, ${allow.reason})`, path });
      else issues.push({ ...issue, path });
    }
    if (s.notPrincipals?.length) issues.push({ verdict: 'fail', message: 'An Allow with NotPrincipal admits every principal except the listed ones.', path });
  });
  return issues;
}

function judge(ok: V<boolean>, bad: string): Omit<TrustIssue, 'path'> | undefined {
  if (ok === true) return undefined;
  if (isUnknown(ok)) return { verdict: 'unknown', message: `${bad}: cannot tell whether a condition restricts it (${ok.reason}).` };
  return { verdict: 'fail', message: `${bad}.` };
}

function principalIssue(s: PolicyStatement, p: Principal, ownAccount: string | undefined): Omit<TrustIssue, 'path'> | undefined {
  if (isPublicPrincipal(p)) return judge(restrictedBy(s, PUBLIC_RESTRICTING_KEYS), 'Any AWS principal may assume the role (`*`) without an organisation/account condition');
  if (isUnknown(p.value)) return { verdict: 'unknown', message: `A principal (${p.type}) cannot be resolved (${p.value.reason}).` };
  const value = p.value;
  if (p.type === 'AWS') {
    if (isOwnAccountReference(value)) return undefined;
    const account = principalAccount(value);
    if (account === undefined || account === ownAccount) return undefined;
    return judge(restrictedBy(s, CROSS_ACCOUNT_KEYS), `Account ${account}${ownAccount ? '' : ' (not shown to be this account)'} may assume the role without an sts:ExternalId condition`);
  }
  if (p.type === 'Federated') return federatedIssue(s, value);
  return undefined;
}

function federatedIssue(s: PolicyStatement, value: string): Omit<TrustIssue, 'path'> | undefined {
  if (/:saml-provider\//.test(value)) return undefined;
  const host = value.includes(':oidc-provider/') ? value.slice(value.indexOf(':oidc-provider/') + ':oidc-provider/'.length) : value;
  if (host === 'cognito-identity.amazonaws.com') return judge(restrictedBy(s, [`${host}:aud`]), 'Any Cognito identity pool may assume the role without a cognito-identity.amazonaws.com:aud condition');
  if (host === GITHUB) return judge(githubSubRestricted(s), 'Any GitHub Actions workflow may assume the role: no token.actions.githubusercontent.com:sub condition naming a repository');
  return judge(anyOf([restrictedBy(s, [`${host}:sub`]), restrictedBy(s, [`${host}:aud`])]), `Any identity of ${host} may assume the role without a sub/aud condition`);
}

/** GitHub `sub` must name an owner: `repo:org/app:*` is fine, `repo:*` or `*` is anyone's workflow. */
function githubSubRestricted(s: PolicyStatement): V<boolean> {
  const base = restrictedBy(s, [`${GITHUB}:sub`]);
  if (base !== true || isUnknown(s.conditions)) return base;
  const values = Object.values(s.conditions).flatMap((byKey) => Object.entries(byKey).filter(([k]) => k.toLowerCase() === `${GITHUB}:sub`).flatMap(([, v]) => v));
  const bad = values.find(isUnknown);
  if (bad) return unknown(bad.reason);
  return values.every((v) => typeof v === 'string' && /^repo:[^*?:]/.test(v));
}
