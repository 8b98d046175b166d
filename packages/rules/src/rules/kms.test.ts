import type { KmsFacet } from '../model';
import { unknown } from '../model';
import { normalizePolicy, type PolicyTree } from '../iam/normalize';
import { findRule, metadataProblems, resource, runRule, verdictOf } from './__testing__/builders';
import { rules } from './kms';

const key = (kms: KmsFacet) => resource('OrdersKey', 'AWS::KMS::Key', { kms });
const policy = (...statements: PolicyTree[]) => normalizePolicy({ Version: '2012-10-17', Statement: statements }, 'KeyPolicy');
const ROOT = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };

describe('kms rules metadata', () => {
  it('has complete metadata', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(['kms.policy-public', 'kms.rotation']);
    for (const r of rules) expect([r.id, metadataProblems(r)]).toEqual([r.id, []]);
  });
});

describe('kms.rotation', () => {
  const r = findRule(rules, 'kms.rotation');
  it('passes a rotating symmetric key and fails one that does not rotate (default off)', () => {
    expect(verdictOf(r, key({ rotation: true }))).toBe('pass');
    expect(verdictOf(r, key({}))).toBe('fail');
    expect(runRule(r, key({ rotation: false }))[0]).toMatchObject({ verdict: 'fail', path: 'kms.rotation' });
  });
  it('does not apply to asymmetric/HMAC keys or AWS-managed keys', () => {
    expect(verdictOf(r, key({ keySpec: 'RSA_2048', rotation: false }))).toBe('not-applicable');
    expect(verdictOf(r, key({ keySpec: 'HMAC_256' }))).toBe('not-applicable');
    expect(verdictOf(r, key({ keyManager: 'AWS', rotation: false }))).toBe('not-applicable');
  });
  it('is unknown when rotation or the key spec cannot be resolved', () => {
    expect(verdictOf(r, key({ rotation: unknown('var.rotate') }))).toBe('unknown');
    expect(verdictOf(r, key({ keySpec: unknown('var.spec'), rotation: true }))).toBe('unknown');
  });
});

describe('kms.policy-public', () => {
  const r = findRule(rules, 'kms.policy-public');
  it('passes an account-only policy and the default policy', () => {
    expect(verdictOf(r, key({ policy: policy(ROOT) }))).toBe('pass');
    expect(verdictOf(r, key({}))).toBe('pass');
  });
  it('fails * and AWS:* without a restricting condition, at the statement path', () => {
    const res = runRule(r, key({ policy: policy(ROOT, { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }) }));
    expect(res).toEqual([expect.objectContaining({ verdict: 'fail', path: 'KeyPolicy.Statement[1]' })]);
    expect(verdictOf(r, key({ policy: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) }))).toBe('fail');
    expect(verdictOf(r, key({ policy: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: { StringNotEquals: { 'kms:CallerAccount': '111122223333' } } }) }))).toBe('fail');
  });
  it('passes * under a restricting condition, and a public Deny', () => {
    const conditions: PolicyTree[] = [{ StringEquals: { 'kms:CallerAccount': '111122223333', 'kms:ViaService': 'dynamodb.eu-west-1.amazonaws.com' } }, { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }, { StringEquals: { 'aws:SourceVpce': 'vpce-1' } }];
    for (const cond of conditions) {
      expect(verdictOf(r, key({ policy: policy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:Decrypt', Resource: '*', Condition: cond }) }))).toBe('pass');
    }
    expect(verdictOf(r, key({ policy: policy(ROOT, { Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' }) }))).toBe('pass');
  });
  it('is unknown on unresolved principals, conditions or documents', () => {
    expect(verdictOf(r, key({ policy: policy({ Effect: 'Allow', Principal: { AWS: unknown('var.principal') as unknown as PolicyTree }, Action: 'kms:Decrypt', Resource: '*' }) }))).toBe('unknown');
    expect(verdictOf(r, key({ policy: policy({ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': unknown('var.org') as unknown as PolicyTree } } }) }))).toBe('unknown');
    expect(verdictOf(r, key({ policy: { statements: [], unknownReason: 'var.key_policy has no default' } }))).toBe('unknown');
  });
  it('does not apply to AWS-managed keys', () => {
    expect(verdictOf(r, key({ keyManager: 'AWS', policy: policy({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }) }))).toBe('not-applicable');
  });
  it('runs on the IaC formats only: AWS Config does not record key policies', () => {
    expect(r.formats).toEqual(['cloudformation', 'cdk', 'terraform', 'terraform-plan']);
    expect(findRule(rules, 'kms.rotation').formats).toBeUndefined();
  });
});
