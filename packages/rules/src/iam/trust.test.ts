import type { PolicyTree } from './normalize';
import { normalizePolicy } from './normalize';
import { isPublicPrincipal, principalAccount } from './principal';
import { trustIssues } from './trust';

const trust = (statement: PolicyTree) => normalizePolicy({ Version: '2012-10-17', Statement: [statement] }, 'AssumeRolePolicyDocument');

describe('isPublicPrincipal', () => {
  it('recognises * and AWS:* and wildcard accounts', () => {
    expect(isPublicPrincipal({ type: '*', value: '*' })).toBe(true);
    expect(isPublicPrincipal({ type: 'AWS', value: '*' })).toBe(true);
    expect(isPublicPrincipal({ type: 'AWS', value: 'arn:aws:iam::*:root' })).toBe(true);
    expect(isPublicPrincipal({ type: 'AWS', value: 'arn:aws:iam::111122223333:root' })).toBe(false);
    expect(isPublicPrincipal({ type: 'Service', value: 'glue.amazonaws.com' })).toBe(false);
    expect(principalAccount('111122223333')).toBe('111122223333');
    expect(principalAccount('arn:aws:iam::444455556666:role/x')).toBe('444455556666');
  });
});

describe('trustIssues', () => {
  it('passes service principals and same-account references', () => {
    expect(trustIssues(trust({ Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' }, Action: 'sts:AssumeRole' }), undefined)).toEqual([]);
    expect(trustIssues(trust({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::${AWS::AccountId}:root' }, Action: 'sts:AssumeRole' }), undefined)).toEqual([]);
    expect(trustIssues(trust({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }), '111122223333')).toEqual([]);
  });

  it('fails * without an org/account condition, passes with one', () => {
    const open = trustIssues(trust({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }), undefined);
    expect(open).toEqual([expect.objectContaining({ verdict: 'fail', path: 'AssumeRolePolicyDocument.Statement[0]' })]);
    expect(trustIssues(trust({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }), undefined)).toEqual([]);
  });

  it('fails a foreign account without sts:ExternalId', () => {
    const p = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' };
    expect(trustIssues(trust(p), '111122223333')[0]).toMatchObject({ verdict: 'fail', message: expect.stringContaining('444455556666') });
    expect(trustIssues(trust({ ...p, Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }), '111122223333')).toEqual([]);
  });

  it('requires a repository-naming sub for GitHub OIDC', () => {
    const gh = (cond?: PolicyTree) => trust({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity', ...(cond ? { Condition: cond } : {}) });
    expect(trustIssues(gh({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }), undefined)[0]?.verdict).toBe('fail');
    expect(trustIssues(gh({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } }), undefined)[0]?.verdict).toBe('fail');
    expect(trustIssues(gh({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:ref:refs/heads/main' } }), undefined)).toEqual([]);
  });

  it('requires sub or aud for other OIDC providers, aud for Cognito; ignores SAML', () => {
    const eks = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC';
    const host = 'oidc.eks.eu-west-1.amazonaws.com/id/ABC';
    expect(trustIssues(trust({ Effect: 'Allow', Principal: { Federated: eks }, Action: 'sts:AssumeRoleWithWebIdentity' }), undefined)[0]?.verdict).toBe('fail');
    expect(trustIssues(trust({ Effect: 'Allow', Principal: { Federated: eks }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${host}:sub`]: 'system:serviceaccount:ns:sa' } } }), undefined)).toEqual([]);
    expect(trustIssues(trust({ Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }), undefined)[0]?.verdict).toBe('fail');
    expect(trustIssues(trust({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/Okta' }, Action: 'sts:AssumeRoleWithSAML' }), undefined)).toEqual([]);
  });

  it('reports unknowns as unknown, never as a pass', () => {
    expect(trustIssues({ statements: [], unknownReason: 'var.trust' }, undefined)).toEqual([expect.objectContaining({ verdict: 'unknown' })]);
    const u = trustIssues(trust({ Effect: 'Allow', Principal: { AWS: { kind: 'unknown', reason: 'var.account' } }, Action: 'sts:AssumeRole' }), undefined);
    expect(u).toEqual([expect.objectContaining({ verdict: 'unknown', message: expect.stringContaining('var.account') })]);
    const c = trustIssues(trust({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': { kind: 'unknown', reason: 'var.org' } } } }), undefined);
    expect(c[0]?.verdict).toBe('unknown');
  });

  it('ignores Deny statements and flags NotPrincipal in an Allow', () => {
    expect(trustIssues(trust({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }), undefined)).toEqual([]);
    expect(trustIssues(trust({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }), undefined)[0]?.verdict).toBe('fail');
  });
});
