import fc from 'fast-check';
import type { PolicyStatement } from '../model';
import { unknown } from '../model';
import { matchesAction } from './catalog';
import { anyOf, not, test } from './tri';
import { allowsAction, conditionKeys, coversAction, coversAnyResource, coversResource, isConditioned, restrictedBy } from './statement';

const allow = (extra: Partial<PolicyStatement>): PolicyStatement => ({ effect: 'Allow', actions: [], resources: ['*'], conditions: {}, ...extra });

describe('statement evaluation', () => {
  it('grants an action on a resource through Action and Resource', () => {
    const s = allow({ actions: ['dynamodb:Get*'], resources: ['${Orders.Arn}'] });
    expect(allowsAction(s, 'dynamodb:GetItem', '${Orders.Arn}')).toBe(true);
    expect(allowsAction(s, 'dynamodb:GetItem', '${Other.Arn}')).toBe(false);
    expect(allowsAction(s, 'dynamodb:PutItem', '${Orders.Arn}')).toBe(false);
    expect(allowsAction(s, 'dynamodb:GetItem')).toBe(true);
  });

  it('inverts NotAction and NotResource', () => {
    const s = allow({ actions: undefined, notActions: ['iam:*'], resources: undefined, notResources: ['arn:aws:s3:::secret*'] });
    expect(coversAction(s, 'dynamodb:DeleteTable')).toBe(true);
    expect(coversAction(s, 'iam:PassRole')).toBe(false);
    expect(coversResource(s, 'arn:aws:s3:::public')).toBe(true);
    expect(coversResource(s, 'arn:aws:s3:::secret-data')).toBe(false);
    expect(coversAnyResource(s)).toBe(true);
  });

  it('a Deny grants nothing', () => {
    expect(allowsAction({ ...allow({ actions: ['*'] }), effect: 'Deny' }, 's3:GetObject')).toBe(false);
  });

  it('answers Unknown when an unresolved value could decide, and stays certain when it cannot', () => {
    const u = unknown('var.actions has no default');
    expect(allowsAction(allow({ actions: [u] }), 's3:GetObject')).toEqual(u);
    expect(allowsAction(allow({ actions: [u, 's3:*'] }), 's3:GetObject')).toBe(true);
    expect(allowsAction({ ...allow({ actions: ['s3:*'] }), effect: unknown('effect') }, 's3:GetObject')).toMatchObject({ kind: 'unknown' });
    expect(allowsAction({ ...allow({ actions: ['s3:*'] }), effect: unknown('effect') }, 'ec2:RunInstances')).toBe(false);
    expect(coversResource(allow({ resources: [u] }), 'arn:aws:s3:::x')).toEqual(u);
    expect(coversAnyResource(allow({ resources: ['${B.Arn}'] }))).toBe(false);
  });

  it('lists condition keys and whether the statement is conditioned', () => {
    const s = allow({ conditions: { StringEquals: { 'aws:PrincipalOrgID': ['o-1'] }, Bool: { 'aws:SecureTransport': ['true'] } } });
    expect(conditionKeys(s)).toEqual(['aws:PrincipalOrgID', 'aws:SecureTransport']);
    expect(isConditioned(s)).toBe(true);
    expect(isConditioned(allow({}))).toBe(false);
    expect(isConditioned(allow({ conditions: unknown('cond') }))).toMatchObject({ kind: 'unknown' });
  });

  it('restrictedBy accepts positive operators with concrete values only', () => {
    const keys = ['aws:PrincipalOrgID'];
    expect(restrictedBy(allow({ conditions: { StringEquals: { 'aws:principalorgid': ['o-1'] } } }), keys)).toBe(true);
    expect(restrictedBy(allow({ conditions: { 'ForAnyValue:StringLike': { 'aws:PrincipalOrgID': ['o-1'] } } }), keys)).toBe(true);
    expect(restrictedBy(allow({ conditions: { StringNotEquals: { 'aws:PrincipalOrgID': ['o-1'] } } }), keys)).toBe(false);
    expect(restrictedBy(allow({ conditions: { StringEqualsIfExists: { 'aws:PrincipalOrgID': ['o-1'] } } }), keys)).toBe(false);
    expect(restrictedBy(allow({ conditions: { StringLike: { 'aws:PrincipalOrgID': ['*'] } } }), keys)).toBe(false);
    expect(restrictedBy(allow({ conditions: { StringEquals: { 'aws:SourceIp': ['1.2.3.4'] } } }), keys)).toBe(false);
    expect(restrictedBy(allow({ conditions: { StringEquals: { 'aws:PrincipalOrgID': [unknown('var.org')] } } }), keys)).toMatchObject({ kind: 'unknown' });
  });
});

describe('coversAction: the compiled Action list answers as each pattern does', () => {
  // The reference: one pattern at a time, three-valued, as `matchesAction` says.
  const reference = (s: PolicyStatement, action: string) => {
    const one = (list: PolicyStatement['actions']) => anyOf((list ?? []).map((p) => test(p, (x) => matchesAction(x, action))));
    return s.notActions ? not(one(s.notActions)) : one(s.actions);
  };
  // Letters that fold in surprising ways (Kelvin sign, dotless i, long s), wildcards, the separator.
  const alphabet = fc.constantFrom('a', 'B', 'k', 'K', '\u212a', 'i', 'I', '\u0131', '\u0130', 's', '\u017f', ':', '*', '?', '-', '.');
  const text = fc.array(alphabet, { maxLength: 6 }).map((cs) => cs.join(''));
  const pattern = fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: fc.constant(unknown('var.actions')) });
  it('for random lists, actions and NotAction', () => {
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 4 }), fc.array(text, { minLength: 1, maxLength: 6 }), fc.boolean(), (patterns, actions, negated) => {
        const s = allow(negated ? { actions: undefined, notActions: patterns } : { actions: patterns });
        for (const a of actions) expect([a, coversAction(s, a)]).toEqual([a, reference(s, a)]);
      }),
      { numRuns: 2000 },
    );
  });
  it('literal actions compare case-insensitively; a non-ASCII action never matches an ASCII literal', () => {
    const s = allow({ actions: ['DynamoDB:GetItem', 'kms:decrypt'] });
    expect(coversAction(s, 'dynamodb:getitem')).toBe(true);
    expect(coversAction(s, 'KMS:Decrypt')).toBe(true);
    expect(coversAction(allow({ actions: ['k'] }), '\u212a')).toBe(false);
    expect(coversAction(allow({ actions: ['k', unknown('x')] }), 'j')).toEqual(unknown('x'));
  });
});
