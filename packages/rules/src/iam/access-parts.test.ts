import { unknown } from '../model';
import { conditionsImply } from './condition-implied';
import { actionPatternIncludes, resourcePatternIncludes, resourcePatternsOverlap } from './pattern-include';
import { principalIncludes, statementAdmits } from './principal-include';

describe('pattern inclusion', () => {
  it.each([
    ['s3:*', 's3:Get*', true],
    ['s3:Get*', 's3:*', false],
    ['S3:GET*', 's3:getobject', true],
    ['s3:Get*', 's3:GetObject?', true],
    ['s3:Get?bject', 's3:Get*', false],
    ['*', 'iam:PassRole', true],
    ['s3:*Object', 's3:Get*', false],
  ])('action %s ⊇ %s is %s', (outer, inner, expected) => {
    expect(actionPatternIncludes(outer, inner)).toBe(expected);
  });
  it.each([
    ['arn:aws:dynamodb:*:*:table/*', 'arn:aws:dynamodb:eu-west-1:1:table/orders', true],
    ['arn:aws:dynamodb:eu-west-1:1:table/orders', 'arn:aws:dynamodb:eu-west-1:1:table/*', false],
    ['*', 'arn:aws:s3:::raw/*', true],
    ['${Raw.Arn}/*', '${Raw.Arn}/reports/*', true],
    ['${Raw.Arn}/*', '${Other.Arn}/x', false],
    ['${Raw.Arn}', '${Raw.Arn}/*', false],
    ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::home/alice/x', true],
    ['arn:aws:s3:::home/alice/*', 'arn:aws:s3:::home/${aws:username}/*', false],
    ['arn:aws:s3:::a?c', 'arn:aws:s3:::a*c', false],
  ])('resource %s ⊇ %s is %s', (outer, inner, expected) => {
    expect(resourcePatternIncludes(outer, inner)).toBe(expected);
  });
  it('overlap: nested, open prefixes that agree, disjoint literals', () => {
    expect(resourcePatternsOverlap('arn:aws:s3:::raw/*', 'arn:aws:s3:::raw/a/*')).toBe(true);
    expect(resourcePatternsOverlap('arn:aws:s3:::raw/a*', 'arn:aws:s3:::raw/*b')).toBe(true);
    expect(resourcePatternsOverlap('arn:aws:s3:::raw/a', 'arn:aws:s3:::raw/b')).toBe(false);
  });
});

describe('conditionsImply (narrow ⇒ broad)', () => {
  const c = (op: string, key: string, values: string[]) => ({ [op]: { [key]: values } });
  it('no broad condition: anything implies it', () => {
    expect(conditionsImply({}, {})).toBe(true);
    expect(conditionsImply(c('StringEquals', 'k', ['a']), {})).toBe(true);
  });
  it('a removed condition does not imply the base one', () => {
    expect(conditionsImply({}, c('StringEquals', 'aws:PrincipalOrgID', ['o-1']))).toBe(false);
  });
  it('positive operators: fewer values, or Like values inside the broad ones, are stricter', () => {
    expect(conditionsImply(c('StringEquals', 'k', ['a']), c('StringEquals', 'k', ['a', 'b']))).toBe(true);
    expect(conditionsImply(c('StringEquals', 'k', ['a', 'c']), c('StringEquals', 'k', ['a', 'b']))).toBe(false);
    expect(conditionsImply(c('StringLike', 'sub', ['repo:org/app:*']), c('StringLike', 'sub', ['repo:org/*']))).toBe(true);
  });
  it('negated operators: more values are stricter', () => {
    expect(conditionsImply(c('StringNotEquals', 'k', ['a', 'b']), c('StringNotEquals', 'k', ['a']))).toBe(true);
    expect(conditionsImply(c('StringNotEquals', 'k', ['a']), c('StringNotEquals', 'k', ['a', 'b']))).toBe(false);
  });
  it('operator and key case do not matter; another operator is not the same clause', () => {
    expect(conditionsImply(c('stringequals', 'AWS:SourceAccount', ['1']), c('StringEquals', 'aws:sourceaccount', ['1']))).toBe(true);
    expect(conditionsImply(c('StringLike', 'k', ['a']), c('StringEquals', 'k', ['a']))).toBe(false);
  });
  it('unreadable conditions are unknown, unless the same unresolved value stands on both sides', () => {
    expect(conditionsImply(unknown('x'), c('StringEquals', 'k', ['a']))).toMatchObject({ kind: 'unknown' });
    const u = { StringEquals: { k: [unknown('var.org')] } };
    expect(conditionsImply(u, u)).toBe(true);
    expect(conditionsImply(c('StringEquals', 'k', ['a']), u)).toMatchObject({ kind: 'unknown' });
  });
});

describe('principal inclusion', () => {
  const aws = (value: string) => ({ type: 'AWS' as const, value });
  it('an account id and its root ARN are the same; the root covers roles of its account only', () => {
    expect(principalIncludes(aws('111122223333'), aws('arn:aws:iam::111122223333:root'))).toBe(true);
    expect(principalIncludes(aws('arn:aws:iam::111122223333:root'), aws('arn:aws:iam::111122223333:role/x'))).toBe(true);
    expect(principalIncludes(aws('arn:aws:iam::111122223333:root'), aws('arn:aws:iam::444455556666:role/x'))).toBe(false);
    expect(principalIncludes(aws('arn:aws:iam::111122223333:role/x'), aws('arn:aws:iam::111122223333:root'))).toBe(false);
  });
  it('`*` covers everyone; nothing narrower covers `*`', () => {
    expect(principalIncludes({ type: '*', value: '*' }, aws('arn:aws:iam::1:role/x'))).toBe(true);
    expect(principalIncludes(aws('111122223333'), aws('*'))).toBe(false);
  });
  it('NotPrincipal statements admit all but their list', () => {
    const stmt = { effect: 'Allow' as const, conditions: {}, notPrincipals: [aws('arn:aws:iam::1:role/x')] };
    expect(statementAdmits(stmt, { kind: 'one', principal: aws('arn:aws:iam::1:role/y') })).toBe(true);
    expect(statementAdmits(stmt, { kind: 'one', principal: aws('arn:aws:iam::1:role/x') })).toBe(false);
    expect(statementAdmits(stmt, { kind: 'not', except: [aws('arn:aws:iam::1:role/x'), aws('arn:aws:iam::1:role/z')] })).toBe(true);
    expect(statementAdmits(stmt, { kind: 'not', except: [aws('arn:aws:iam::1:role/z')] })).toBe(false);
  });
});
