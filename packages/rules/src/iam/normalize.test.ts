import { normalizePolicy, type PolicyTree } from './normalize';

describe('normalizePolicy', () => {
  const doc: PolicyTree = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: ['${Table.Arn}'], Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': '${aws:userid}' } } },
      { Effect: 'Deny', NotAction: ['s3:*'], NotResource: '*', Principal: { AWS: ['arn:aws:iam::111122223333:root'], Service: 'glue.amazonaws.com' } },
    ],
  };

  it('reads objects, JSON strings and URL-encoded JSON alike', () => {
    const a = normalizePolicy(doc);
    expect(normalizePolicy(JSON.stringify(doc))).toEqual(a);
    expect(normalizePolicy(encodeURIComponent(JSON.stringify(doc)))).toEqual(a);
    expect(a.statements[0]).toMatchObject({ effect: 'Allow', actions: ['dynamodb:GetItem'], resources: ['${Table.Arn}'] });
    expect(a.statements[0].conditions).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:userid}'] } });
    expect(a.statements[1]).toMatchObject({ effect: 'Deny', notActions: ['s3:*'], notResources: ['*'] });
    expect(a.statements[1].principals).toEqual([
      { type: 'AWS', value: 'arn:aws:iam::111122223333:root' },
      { type: 'Service', value: 'glue.amazonaws.com' },
    ]);
  });

  it('accepts a single statement object and "*" principals', () => {
    const d = normalizePolicy({ Statement: { Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' } });
    expect(d.statements).toHaveLength(1);
    expect(d.statements[0].principals).toEqual([{ type: '*', value: '*' }]);
    expect(d.statements[0].path).toBe('Statement');
  });

  it('keeps unknowns explicit and never throws', () => {
    expect(normalizePolicy({ kind: 'unknown', reason: 'var.policy has no default' }).unknownReason).toBe('var.policy has no default');
    expect(normalizePolicy('{not json').unknownReason).toMatch(/not valid JSON/);
    expect(normalizePolicy(42).unknownReason).toMatch(/not an object/);
    expect(normalizePolicy({ Statement: [{ Effect: 'Maybe', Action: 'x' }] }).statements[0].effect).toMatchObject({ kind: 'unknown' });
  });
});
