import { accessLevels, canonicalAction, catalogActions, expandActionPattern, isKnownAction, isKnownService, isWildcardOnly, matchesAction } from './catalog';

describe('expandActionPattern', () => {
  it('expands `*` to the whole catalog', () => {
    const all = expandActionPattern('*');
    expect(all.unknown).toEqual([]);
    expect(all.actions.length).toBe(catalogActions().length);
    expect(all.actions.length).toBeGreaterThan(15000);
  });

  it('expands `service:*` to every action of the service, spelled as AWS does', () => {
    const d = expandActionPattern('dynamodb:*');
    expect(d.actions).toContain('dynamodb:GetItem');
    expect(d.actions).toContain('dynamodb:DeleteTable');
    expect(d.actions.every((a) => a.startsWith('dynamodb:'))).toBe(true);
  });

  it('matches case-insensitively with `*` and `?`', () => {
    const g = expandActionPattern('DynamoDB:get*');
    expect(g.actions).toContain('dynamodb:GetItem');
    expect(g.actions).not.toContain('dynamodb:BatchGetItem');
    expect(expandActionPattern('dynamodb:?etItem').actions).toEqual(['dynamodb:GetItem']);
    expect(expandActionPattern('dynamodb:*Item').actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:BatchWriteItem']));
  });

  it('expands wildcards in the service part across services', () => {
    const r = expandActionPattern('redshift*:Get*');
    expect(r.actions.some((a) => a.startsWith('redshift:'))).toBe(true);
    expect(r.actions.some((a) => a.startsWith('redshift-serverless:'))).toBe(true);
  });

  it('keeps unknown services and actions explicit', () => {
    expect(expandActionPattern('madeup:*')).toEqual({ actions: [], unknown: ['madeup:*'] });
    expect(expandActionPattern('dynamodb:GetItems')).toEqual({ actions: [], unknown: ['dynamodb:GetItems'] });
    expect(expandActionPattern('notanaction')).toEqual({ actions: [], unknown: ['notanaction'] });
    expect(expandActionPattern('s3:getobject')).toEqual({ actions: ['s3:GetObject'], unknown: [] });
    // A wildcard on a known service that matches nothing is an empty, known expansion.
    expect(expandActionPattern('s3:Zzz*')).toEqual({ actions: [], unknown: [] });
  });
});

describe('accessLevels / isKnownAction', () => {
  it('reads single and combined access levels', () => {
    expect(accessLevels('dynamodb:GetItem')).toEqual(['Read']);
    expect(accessLevels('dynamodb:ListTables')).toEqual(['List']);
    expect(accessLevels('dynamodb:PutItem')).toEqual(['Write']);
    expect(accessLevels('iam:PutRolePolicy')).toEqual(['Write', 'Permissions management']);
    expect(accessLevels('iam:TagRole')).toEqual(['Write', 'Tagging']);
    expect(accessLevels('IAM:putrolepolicy')).toEqual(['Write', 'Permissions management']);
  });

  it('is undefined for unknown actions and services', () => {
    expect(accessLevels('dynamodb:Nope')).toBeUndefined();
    expect(accessLevels('madeup:Thing')).toBeUndefined();
    expect(accessLevels('nocolon')).toBeUndefined();
    expect(isKnownAction('madeup:Thing')).toBe(false);
    expect(isKnownAction('kms:Decrypt')).toBe(true);
    expect(isKnownService('KMS')).toBe(true);
    expect(isKnownService('madeup')).toBe(false);
    expect(canonicalAction('KMS:DECRYPT')).toBe('kms:Decrypt');
  });

  it('knows actions that support only Resource "*"', () => {
    expect(isWildcardOnly('dynamodb:ListTables')).toBe(true);
    expect(isWildcardOnly('dynamodb:GetItem')).toBe(false);
    expect(isWildcardOnly('madeup:Thing')).toBeUndefined();
  });
});

describe('matchesAction', () => {
  it.each([
    ['*', 'iam:PassRole', true],
    ['iam:*', 'iam:PassRole', true],
    ['IAM:PASSROLE', 'iam:PassRole', true],
    ['iam:Pass*', 'iam:PassRole', true],
    ['iam:Pass?ole', 'iam:PassRole', true],
    ['iam:Pass?', 'iam:PassRole', false],
    ['iam:*', 'sts:AssumeRole', false],
    ['iam:PassRole', 'iam:PassRoles', false],
    ['madeup:Thing', 'madeup:Thing', true],
    ['madeup:*', 'madeup:Thing', true],
    ['s3:Get.bject', 's3:GetObject', false],
  ])('%s vs %s → %s', (pattern, action, expected) => {
    expect(matchesAction(pattern, action)).toBe(expected);
  });
});
