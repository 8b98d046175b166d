import type { PolicyStatement } from '../model';
import { unknown } from '../model';
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
