import type { Facets, Resource } from '../model';
import { unknown } from '../model';
import { normalizePolicy, type PolicyTree } from '../iam/normalize';
import { linkResources } from '../engine/link';
import { classified, findRule, metadataProblems, resource, runRule, verdictOf } from './__testing__/builders';
import { rules } from './iam';

const rule = (id: string) => findRule(rules, id);
const doc = (...statements: PolicyTree[]) => normalizePolicy({ Version: '2012-10-17', Statement: statements }, 'Policies[0].PolicyDocument');
const allow = (Action: PolicyTree, Resource: PolicyTree = '*', extra: Record<string, PolicyTree> = {}): PolicyTree => ({ Effect: 'Allow', Action, Resource, ...extra });
const role = (statements: PolicyTree[], iam: Facets['iam'] = {}, id = 'AppRole') =>
  resource(id, 'AWS::IAM::Role', { iam: { principalKind: 'role', inlinePolicies: statements.length ? [{ name: 'app', document: doc(...statements), path: 'Policies[0].PolicyDocument' }] : [], ...iam } });
const managed = (id: string, statements: PolicyTree[], iam: Facets['iam'] = {}, extra: Partial<Resource> = {}) =>
  resource(id, 'AWS::IAM::ManagedPolicy', { iam: { document: normalizePolicy({ Statement: statements }, 'PolicyDocument'), ...iam } }, extra);
const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

describe('iam rules metadata', () => {
  it('has the catalog ids and complete metadata', () => {
    expect(rules.map((r) => r.id).sort()).toEqual(
      ['dynamodb.leading-keys', 'iam.abac-conditions', 'iam.admin-wildcard', 'iam.not-action-allow', 'iam.privilege-escalation', 'iam.service-wildcard', 'iam.trust-too-broad', 'iam.users-not-roles', 'iam.write-on-any-resource'].sort(),
    );
    for (const r of rules) expect([r.id, metadataProblems(r)]).toEqual([r.id, []]);
  });
});

describe('iam.admin-wildcard', () => {
  const r = rule('iam.admin-wildcard');
  it('passes scoped statements', () => {
    expect(verdictOf(r, role([allow('dynamodb:GetItem', '${Orders.Arn}')]))).toBe('pass');
  });
  it('fails * on * at the statement path', () => {
    const [res] = runRule(r, role([allow('dynamodb:GetItem'), allow('*')]));
    expect(res).toMatchObject({ verdict: 'fail', path: 'Policies[0].PolicyDocument.Statement[1]' });
  });
  it('fails *:* and an attached AdministratorAccess on the principal', () => {
    expect(verdictOf(r, role([allow('*:*')]))).toBe('fail');
    const [res] = runRule(r, role([], { managedPolicies: [ADMIN_ARN] }));
    expect(res).toMatchObject({ verdict: 'fail', path: 'iam.managedPolicies[0]', message: expect.stringContaining('AdministratorAccess') });
  });
  it('does not call * on a single resource, or a Deny, admin', () => {
    expect(verdictOf(r, role([allow('*', '${Orders.Arn}')]))).toBe('pass');
    expect(verdictOf(r, role([{ Effect: 'Deny', Action: '*', Resource: '*' }]))).toBe('pass');
  });
  it('is unknown on unresolved values and unresolvable managed policies', () => {
    expect(verdictOf(r, role([allow(unknown('var.actions') as unknown as PolicyTree)]))).toBe('unknown');
    expect(verdictOf(r, role([], { managedPolicies: [unknown('var.policy_arn')] }))).toBe('unknown');
    expect(verdictOf(r, resource('P', 'AWS::IAM::ManagedPolicy', { iam: { document: { statements: [], unknownReason: 'data source' } } }))).toBe('unknown');
  });
  it('reports a statement of a separate policy resource on that resource only, not on the principal it is folded into', () => {
    const policy = resource('AppPolicy', 'AWS::IAM::Policy', { iam: { inline: true, document: normalizePolicy({ Statement: [allow('*')] }, 'PolicyDocument'), attachedTo: ['AppRole'] } });
    const linked = linkResources([role([]), policy]);
    const linkedRole = linked.find((x) => x.id === 'AppRole') as Resource;
    expect(linkedRole.facets.iam?.inlinePolicies).toHaveLength(1);
    expect(verdictOf(r, linkedRole, linked)).toBe('pass');
    expect(runRule(r, linked.find((x) => x.id === 'AppPolicy') as Resource, linked)).toEqual([expect.objectContaining({ verdict: 'fail', path: 'PolicyDocument.Statement[0]' })]);
  });
});

describe('iam.service-wildcard', () => {
  const r = rule('iam.service-wildcard');
  it('passes named actions and non-data service wildcards', () => {
    expect(verdictOf(r, role([allow(['dynamodb:GetItem', 'logs:*'])]))).toBe('pass');
  });
  it('fails dynamodb:* (any case) and AmazonS3FullAccess', () => {
    expect(runRule(r, role([allow('DynamoDB:*', '${Orders.Arn}')]))[0]).toMatchObject({ verdict: 'fail', message: expect.stringContaining('DynamoDB:*') });
    expect(verdictOf(r, role([], { managedPolicies: ['arn:aws:iam::aws:policy/AmazonS3FullAccess'] }))).toBe('fail');
  });
  it('is unknown for an unresolved action and an unmodelled AWS-managed policy', () => {
    expect(verdictOf(r, role([allow(['s3:GetObject', unknown('var.extra') as unknown as PolicyTree])]))).toBe('unknown');
    expect(verdictOf(r, role([], { managedPolicies: ['arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole'] }))).toBe('unknown');
  });
});

describe('iam.write-on-any-resource', () => {
  const r = rule('iam.write-on-any-resource');
  it('passes reads on * and writes on named resources', () => {
    expect(verdictOf(r, role([allow(['dynamodb:GetItem', 'dynamodb:Query']), allow('dynamodb:PutItem', '${Orders.Arn}')]))).toBe('pass');
  });
  it('exempts actions AWS allows only on *', () => {
    expect(verdictOf(r, role([allow(['xray:PutTraceSegments', 'kms:CreateKey', 'dynamodb:ListTables'])]))).toBe('pass');
  });
  it('fails Write and Permissions-management actions on *', () => {
    expect(runRule(r, role([allow('dynamodb:PutItem')]))[0]).toMatchObject({ verdict: 'fail', message: expect.stringContaining('dynamodb:PutItem') });
    expect(verdictOf(r, role([allow('iam:PutRolePolicy', 'arn:aws:*:*:*:*')]))).toBe('fail');
    expect(verdictOf(r, role([allow('s3:Put*')]))).toBe('fail');
  });
  it('is unknown for actions the catalog does not know', () => {
    expect(verdictOf(r, role([allow('newservice:DoThing')]))).toBe('unknown');
  });
});

describe('iam.not-action-allow', () => {
  const r = rule('iam.not-action-allow');
  it('passes Action/Resource statements and a Deny with NotAction', () => {
    expect(verdictOf(r, role([allow('s3:GetObject'), { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }]))).toBe('pass');
  });
  it('fails an Allow with NotAction or NotResource, and PowerUserAccess', () => {
    expect(verdictOf(r, role([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]))).toBe('fail');
    expect(verdictOf(r, role([{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' }]))).toBe('fail');
    expect(verdictOf(r, role([], { managedPolicies: ['arn:aws:iam::aws:policy/PowerUserAccess'] }))).toBe('fail');
  });
  it('is unknown when the Effect cannot be resolved', () => {
    expect(verdictOf(r, role([{ Effect: unknown('var.effect') as unknown as PolicyTree, NotAction: 'iam:*', Resource: '*' }]))).toBe('unknown');
  });
});

describe('iam.privilege-escalation', () => {
  const r = rule('iam.privilege-escalation');
  it('passes a principal without escalation permissions', () => {
    expect(verdictOf(r, role([allow(['dynamodb:GetItem', 'glue:GetTable'])]))).toBe('pass');
  });
  it('fails when the combined permissions of inline and attached policies form a path', () => {
    const pass = managed('PassPolicy', [allow('iam:PassRole')], {}, { name: 'pass-role' });
    const principal = role([allow(['glue:CreateDevEndpoint'])], { managedPolicies: ['${PassPolicy}'] });
    const [res] = runRule(r, principal, [pass]);
    expect(res).toMatchObject({ verdict: 'fail', related: ['PassPolicy'] });
    expect(res.message).toContain('Glue development endpoint');
    // Each half alone is not a path.
    expect(verdictOf(r, role([allow(['glue:CreateDevEndpoint'])]))).toBe('pass');
  });
  it('is judged on the principal, not on a policy attached to a principal of the input', () => {
    const p = managed('Esc', [allow('iam:CreatePolicyVersion')], { attachedTo: ['AppRole'] });
    expect(runRule(r, p, [role([])])).toEqual([]);
    expect(verdictOf(r, role([]), [p])).toBe('fail');
  });
  it('judges a policy attached to nothing in the input on its own', () => {
    expect(verdictOf(r, managed('Lonely', [allow('lambda:UpdateFunctionCode')]))).toBe('fail');
    expect(verdictOf(r, managed('LonelyOk', [allow('lambda:GetFunction')]))).toBe('pass');
  });
  it('fails a user through its group, and AdministratorAccess', () => {
    const group = resource('Ops', 'AWS::IAM::Group', { iam: { principalKind: 'group', managedPolicies: [ADMIN_ARN] } }, { name: 'ops' });
    const user = resource('Bob', 'AWS::IAM::User', { iam: { principalKind: 'user', groups: ['ops'] } });
    expect(verdictOf(r, user, [group])).toBe('fail');
  });
  it('is unknown when attached policies cannot be read and nothing was found', () => {
    expect(verdictOf(r, role([], { managedPolicies: ['arn:aws:iam::111122223333:policy/not-here'] }))).toBe('unknown');
  });
});

describe('iam.trust-too-broad', () => {
  const r = rule('iam.trust-too-broad');
  const withTrust = (statement: PolicyTree, extra: Partial<Resource> = {}) =>
    resource('R', 'AWS::IAM::Role', { iam: { principalKind: 'role', trustPolicy: normalizePolicy({ Statement: [statement] }, 'AssumeRolePolicyDocument') } }, extra);
  it('passes a service principal', () => {
    expect(verdictOf(r, withTrust({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }))).toBe('pass');
  });
  it('fails * and a foreign account without ExternalId, at the statement path', () => {
    expect(runRule(r, withTrust({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }))[0]).toMatchObject({ verdict: 'fail', path: 'AssumeRolePolicyDocument.Statement[0]' });
    const foreign = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' };
    expect(verdictOf(r, withTrust(foreign, { arn: 'arn:aws:iam::111122223333:role/R' }))).toBe('fail');
    expect(verdictOf(r, withTrust(foreign, { arn: 'arn:aws:iam::444455556666:role/R' }))).toBe('pass');
  });
  it('is unknown without a trust policy', () => {
    expect(verdictOf(r, resource('R', 'AWS::IAM::Role', { iam: { principalKind: 'role' } }))).toBe('unknown');
  });
});

describe('iam.users-not-roles', () => {
  const r = rule('iam.users-not-roles');
  const user = (iam: Facets['iam']) => resource('Carol', 'AWS::IAM::User', { iam: { principalKind: 'user', ...iam } });
  it('passes a user without data-service permissions', () => {
    expect(verdictOf(r, user({ inlinePolicies: [{ name: 'self', document: doc(allow('iam:ChangePassword')) }] }))).toBe('pass');
  });
  it('fails inline, attached and group data permissions', () => {
    expect(verdictOf(r, user({ inlinePolicies: [{ name: 'd', document: doc(allow('dynamodb:GetItem', '${Orders.Arn}')) }] }))).toBe('fail');
    expect(verdictOf(r, user({ managedPolicies: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] }))).toBe('fail');
    const group = resource('Analysts', 'AWS::IAM::Group', { iam: { principalKind: 'group', inlinePolicies: [{ name: 'q', document: doc(allow('athena:StartQueryExecution')) }] } });
    expect(runRule(r, user({ groups: ['Analysts'] }), [group])[0]).toMatchObject({ verdict: 'fail', related: ['Analysts'] });
  });
  it('is unknown when a policy cannot be resolved', () => {
    expect(verdictOf(r, user({ managedPolicies: [unknown('var.arn')] }))).toBe('unknown');
  });
  it('does not apply to roles', () => {
    expect(verdictOf(r, role([allow('dynamodb:*')]))).toBe('not-applicable');
  });
});

describe('iam.abac-conditions', () => {
  const r = rule('iam.abac-conditions');
  it('passes data access under a tag condition', () => {
    expect(verdictOf(r, role([allow('dynamodb:GetItem', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } })]))).toBe('pass');
  });
  it('fails data access without one', () => {
    expect(verdictOf(r, role([allow('s3:GetObject', 'arn:aws:s3:::data/*')]))).toBe('fail');
  });
  it('does not apply to non-data permissions', () => {
    expect(verdictOf(r, role([allow('logs:PutLogEvents')]))).toBe('not-applicable');
  });
  it('is unknown when the conditions cannot be read', () => {
    const s = role([allow('s3:GetObject')]);
    const iam = s.facets.iam;
    if (!iam?.inlinePolicies) throw new Error('builder');
    iam.inlinePolicies[0].document.statements[0].conditions = unknown('var.conditions');
    expect(verdictOf(r, s)).toBe('unknown');
  });
});

describe('dynamodb.leading-keys', () => {
  const r = rule('dynamodb.leading-keys');
  const table = (level: 'red' | 'orange' | 'green', id = 'Orders', name = 'orders') =>
    resource(id, 'AWS::DynamoDB::Table', { dynamodb: { tableName: name } }, { name, tags: classified(level) });
  const lk = { Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/tenant}'] } } };
  it('passes item access to a red table under dynamodb:LeadingKeys', () => {
    expect(verdictOf(r, role([allow('dynamodb:GetItem', '${Orders.Arn}', lk)]), [table('red')])).toBe('pass');
  });
  it('fails item access to a red table (reference, ARN, wildcard ARN, index) without it', () => {
    for (const res of ['${Orders.Arn}', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders', 'arn:aws:dynamodb:*:*:table/ord*', '${Orders.Arn}/index/*', '*']) {
      expect([res, verdictOf(r, role([allow('dynamodb:Query', res)]), [table('red')])]).toEqual([res, 'fail']);
    }
    expect(runRule(r, role([allow('dynamodb:PutItem', '${Orders.Arn}')]), [table('orange')])[0].message).toContain('orange');
  });
  it('does not apply to green tables, other tables, or table-level actions', () => {
    expect(verdictOf(r, role([allow('dynamodb:GetItem', '${Orders.Arn}')]), [table('green')])).toBe('not-applicable');
    expect(verdictOf(r, role([allow('dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/other')]), [table('red')])).toBe('not-applicable');
    expect(verdictOf(r, role([allow('dynamodb:DescribeTable', '${Orders.Arn}')]), [table('red')])).toBe('not-applicable');
  });
  it('is unknown when the table classification or the resource cannot be resolved', () => {
    const t = resource('Orders', 'AWS::DynamoDB::Table', { dynamodb: { tableName: 'orders' } }, { tags: { data_classification: unknown('var.level') } });
    expect(verdictOf(r, role([allow('dynamodb:GetItem', '${Orders.Arn}')]), [t])).toBe('unknown');
    expect(verdictOf(r, role([allow('dynamodb:GetItem', unknown('var.table_arn') as unknown as PolicyTree)]), [table('red')])).toBe('unknown');
  });
});

describe('permissions boundaries in the identity rules', () => {
  const esc = rule('iam.privilege-escalation');
  const boundary = (statements: PolicyTree[]) => managed('Boundary', statements);
  const escalating = [allow(['iam:PassRole', 'glue:CreateDevEndpoint'])];
  it('a boundary that does not let a needed permission through rules the path out', () => {
    expect(verdictOf(esc, role(escalating), [])).toBe('fail');
    expect(verdictOf(esc, role(escalating, { permissionsBoundary: '${Boundary}' }), [boundary([allow('glue:*')])])).toBe('pass');
  });
  it('a boundary that lets every permission through, or denies none of them, leaves the path', () => {
    expect(verdictOf(esc, role(escalating, { permissionsBoundary: '${Boundary}' }), [boundary([allow('*')])])).toBe('fail');
    expect(verdictOf(esc, role(escalating, { permissionsBoundary: '${Boundary}' }), [boundary([allow(['iam:PassRole', 'glue:*'])])])).toBe('fail');
  });
  it("a boundary's Deny blocks the path even where its Allow would let it through", () => {
    const b = boundary([allow('*'), { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }]);
    expect(verdictOf(esc, role(escalating, { permissionsBoundary: '${Boundary}' }), [b])).toBe('pass');
  });
  it('a boundary outside the input or unmodelled narrows nothing (the safe side)', () => {
    expect(verdictOf(esc, role(escalating, { permissionsBoundary: 'arn:aws:iam::111122223333:policy/elsewhere' }), [])).toBe('fail');
    expect(verdictOf(esc, role(escalating, { permissionsBoundary: unknown('var.boundary_arn') }), [])).toBe('fail');
  });
  it('a policy used only as a permissions boundary is not judged as a grant', () => {
    const b = boundary([allow('*'), allow('s3:*')]);
    const bounded = role([allow('dynamodb:GetItem', '${Orders.Arn}')], { permissionsBoundary: '${Boundary}' });
    for (const id of ['iam.admin-wildcard', 'iam.service-wildcard', 'iam.write-on-any-resource', 'iam.privilege-escalation']) {
      expect([id, runRule(rule(id), b, [bounded]).filter((x) => x.verdict !== 'pass')]).toEqual([id, []]);
    }
    // The same policy attached to a role (as well) grants: judged.
    expect(verdictOf(rule('iam.admin-wildcard'), b, [bounded, role([], { managedPolicies: ['${Boundary}'] }, 'Other')])).toBe('fail');
    // Unattached and used by no one: judged as written.
    expect(verdictOf(rule('iam.admin-wildcard'), b, [])).toBe('fail');
  });
});
