import { metadataProblems, resource } from '../../rules/__testing__/builders';
import type { Rule } from '../../rules/types';
import { normalizePolicy } from '../../iam/normalize';
import { cfn, changeContext, report, tf, verdicts } from './__testing__/sides';
import { allow, deny, getAtt, keyTemplate, role, roleTemplate, sub, type Json } from './__testing__/iam-fixtures';
import { changeRules, denyWeakened, keyPolicyBroadened, newAccess, newAccessSummary, newPrivilegeEscalation, trustBroadened } from './iam';

const ORDERS = getAtt('Orders');

function one(results: ReturnType<typeof report>) {
  expect(results).toHaveLength(1);
  return results[0];
}

describe('IAM change rules: metadata', () => {
  it.each(changeRules.map((r) => [r.id, r]))('%s has complete metadata', (_id, rule) => {
    // The metadata checks of resource rules apply as they are; `check` only completes the shape.
    const asRule: Rule = { ...rule, check: () => undefined };
    expect(metadataProblems(asRule)).toEqual([]);
    expect(rule.kind).toBe('change');
  });
});

describe('iam.new-access (CloudFormation)', () => {
  it('a new action, named with its service and access level', () => {
    const r = one(report(newAccess, role([allow('dynamodb:GetItem', ORDERS)]), role([allow(['dynamodb:GetItem', 'dynamodb:PutItem'], ORDERS)])));
    expect(r).toMatchObject({ verdict: 'fail', resource: 'AppRole', path: 'Policies[0].PolicyDocument.Statement[0]' });
    expect(r.message).toBe('AppRole allows access the base version did not: dynamodb Write: PutItem on ${Orders.Arn} (from AppRole Policies[0].PolicyDocument.Statement[0]).');
  });
  it('a wildcard widened: s3:Get* → s3:* reports what is outside s3:Get*, at every level', () => {
    const base = role([allow('s3:Get*', 'arn:aws:s3:::raw/*')]);
    const head = role([allow('s3:*', 'arn:aws:s3:::raw/*')]);
    const r = one(report(newAccess, base, head));
    expect(r.message).toMatch(/^AppRole allows access the base version did not: s3 Permissions management: \d+ actions: .*; s3 Write: \d+ actions: /);
    const ctx = changeContext(base, head);
    const groups = newAccessSummary(ctx.pairs.find((p) => p.head?.id === 'AppRole')!, ctx);
    expect(groups.find((g) => g.accessLevel === 'Permissions management')?.actions).toContain('s3:PutBucketPolicy');
    expect(groups.find((g) => g.accessLevel === 'Write')?.actions).toContain('s3:DeleteObject');
    // Reads that s3:Get* did not cover (DescribeJob) are new; no Get* action is.
    expect(groups.flatMap((g) => g.actions)).toContain('s3:DescribeJob');
    expect(groups.flatMap((g) => g.actions).filter((a) => a.startsWith('s3:Get'))).toEqual([]);
  });
  it('a resource widened from one table to every table', () => {
    const r = one(report(newAccess, role([allow('dynamodb:GetItem', ORDERS)]), role([allow('dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/*')])));
    expect(r.message).toContain('dynamodb Read: GetItem on arn:aws:dynamodb:*:*:table/*');
  });
  it('a condition removed', () => {
    const cond = { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'orders' } } };
    expect(verdicts(report(newAccess, role([allow('dynamodb:GetItem', ORDERS, cond)]), role([allow('dynamodb:GetItem', ORDERS)])))).toEqual(['fail AppRole']);
  });
  it('a Deny removed: new access and a weakened Deny', () => {
    const base = role([allow('dynamodb:*', ORDERS), deny('dynamodb:DeleteTable', ORDERS)]);
    const head = role([allow('dynamodb:*', ORDERS)]);
    expect(one(report(newAccess, base, head)).message).toContain('dynamodb Write: DeleteTable on ${Orders.Arn} (from AppRole Policies[0].PolicyDocument.Statement[0], no longer blocked by the base Deny AppRole Policies[0].PolicyDocument.Statement[1])');
    expect(one(report(denyWeakened, base, head)).message).toBe(
      'The Deny AppRole Policies[0].PolicyDocument.Statement[1] of the base version no longer blocks dynamodb:DeleteTable on ${Orders.Arn}. Head allows 1 of those (action, resource) pairs again: dynamodb:DeleteTable on ${Orders.Arn}.',
    );
  });
  it('NotAction added (an Allow of everything but IAM)', () => {
    const r = one(report(newAccess, role([allow('s3:GetObject')]), role([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }])));
    expect(r.message).toMatch(/dynamodb Write: \d+ actions: /);
    expect(r.message).not.toMatch(/\biam [A-Z]/);
  });
  it('AWS-managed AdministratorAccess attached', () => {
    const r = one(report(newAccess, role([allow('s3:GetObject')]), role([allow('s3:GetObject')], { managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] })));
    expect(r.message).toMatch(/iam Permissions management: \d+ actions: .* on \* \(from AWS-managed AdministratorAccess\)/);
  });
  it('an AWS-managed policy we do not model, attached: new access we cannot list', () => {
    const r = one(report(newAccess, role([allow('s3:GetObject')]), role([allow('s3:GetObject')], { managed: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'] })));
    expect(r).toMatchObject({ verdict: 'fail' });
    expect(r.message).toContain('AWS-managed policy AWSLambdaBasicExecutionRole attached (its permissions are not modelled; treat them as new)');
  });
  it('a new policy resource attached to an existing role is reported on the role, naming the policy', () => {
    const extra = `  Extra:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: extra\n      Roles: [!Ref AppRole]\n      PolicyDocument: ${JSON.stringify({ Statement: [allow('dynamodb:DeleteItem', ORDERS)] })}\n`;
    const r = one(report(newAccess, role([allow('dynamodb:GetItem', ORDERS)]), role([allow('dynamodb:GetItem', ORDERS)], { extra })));
    expect(r).toMatchObject({ resource: 'AppRole', related: ['Extra'] });
    expect(r.message).toContain('dynamodb Write: DeleteItem on ${Orders.Arn} (from Extra PolicyDocument.Statement[0])');
  });
  it('an unresolved resource makes the answer unknown, never "no new access"', () => {
    const r = one(report(newAccess, role([allow('s3:GetObject', 'arn:aws:s3:::raw/*')]), role([allow('s3:GetObject', sub('arn:aws:s3:::${Env}/*'))])));
    expect(r).toMatchObject({ verdict: 'unknown', resource: 'AppRole' });
    expect(r.message).toMatch(/^Cannot tell whether AppRole grants new access: .*Env/);
  });
  it('a new role: everything it is granted is new', () => {
    expect(verdicts(report(newAccess, cfn('Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n'), role([allow('dynamodb:GetItem', ORDERS)])))).toEqual(['fail AppRole']);
  });
  it('a removed role grants nothing', () => {
    expect(report(newAccess, role([allow('dynamodb:GetItem', ORDERS)]), cfn('Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n'))).toEqual([]);
  });
});

describe('iam.new-access (Terraform)', () => {
  const module = (actions: string[], attach?: string) => `
resource "aws_dynamodb_table" "orders" {
  name = "orders"
}
resource "aws_iam_role" "app" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}
resource "aws_iam_role_policy" "app" {
  role   = aws_iam_role.app.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ${JSON.stringify(actions)}, Resource = [aws_dynamodb_table.orders.arn] }] })
}
${attach ? `resource "aws_iam_role_policy_attachment" "admin" {\n  role       = aws_iam_role.app.name\n  policy_arn = "${attach}"\n}\n` : ''}`;
  it('a new action in a separate aws_iam_role_policy is reported on the role', async () => {
    const r = one(report(newAccess, await tf(module(['dynamodb:GetItem'])), await tf(module(['dynamodb:GetItem', 'dynamodb:UpdateItem']))));
    expect(r).toMatchObject({ verdict: 'fail', resource: 'aws_iam_role.app', related: ['aws_iam_role_policy.app'] });
    expect(r.message).toContain('dynamodb Write: UpdateItem on ${aws_dynamodb_table.orders.arn}');
  });
  it('PowerUserAccess attached through aws_iam_role_policy_attachment', async () => {
    const r = one(report(newAccess, await tf(module(['dynamodb:GetItem'])), await tf(module(['dynamodb:GetItem'], 'arn:aws:iam::aws:policy/PowerUserAccess'))));
    expect(r.message).toContain('(from AWS-managed PowerUserAccess)');
    expect(r.message).not.toMatch(/\biam Permissions management: \d+ actions/);
  });
});

describe('iam.new-access on resource policies', () => {
  const bucket = (principals: string[]) =>
    cfn(`Resources:
  Raw:
    Type: AWS::S3::Bucket
  RawPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Raw
      PolicyDocument: ${JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: 's3:GetObject', Resource: { 'Fn::Sub': '${Raw.Arn}/*' } }] })}
`);
  it('a principal added to a bucket policy', () => {
    const r = one(report(newAccess, bucket(['arn:aws:iam::111122223333:root']), bucket(['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'])));
    expect(r).toMatchObject({ verdict: 'fail', resource: 'Raw' });
    expect(r.message).toContain('s3 Read: GetObject on ${Raw.Arn}/* to AWS:arn:aws:iam::444455556666:root');
  });
  it('a secret resource policy (directly built) that now admits everyone', () => {
    const secret = (principal: Json) => [resource('Db', 'AWS::SecretsManager::Secret', { resourcePolicy: normalizePolicy({ Statement: [{ Effect: 'Allow', Principal: principal, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] }) })];
    const r = one(report(newAccess, secret({ AWS: 'arn:aws:iam::111122223333:role/app' }), secret('*')));
    expect(r.message).toContain('secretsmanager Read: GetSecretValue on * to *');
  });
});

describe('newAccessSummary', () => {
  const summary = (base: ReturnType<typeof role>, head: ReturnType<typeof role>) => {
    const ctx = changeContext(base, head);
    const pair = ctx.pairs.find((p) => p.head?.id === 'AppRole')!;
    return newAccessSummary(pair, ctx);
  };
  it('Read on a named green table: not red, not a wildcard', () => {
    expect(summary(role([]), role([allow('dynamodb:GetItem', ORDERS)]))).toEqual([
      { service: 'dynamodb', accessLevel: 'Read', actions: ['dynamodb:GetItem'], resources: ['${Orders.Arn}'], onRed: false, wildcard: false, principals: [] },
    ]);
  });
  it('Read on a red table is on red; on `*` it may reach the red table', () => {
    expect(summary(role([]), role([allow('dynamodb:GetItem', getAtt('Cards'))]))[0]).toMatchObject({ onRed: true, wildcard: false });
    expect(summary(role([]), role([allow('dynamodb:GetItem')]))[0]).toMatchObject({ onRed: true, wildcard: true });
    expect(summary(role([]), role([allow('s3:GetObject')]))[0]).toMatchObject({ onRed: false, wildcard: true });
  });
  it('Write is its own group; nothing new is an empty summary', () => {
    expect(summary(role([]), role([allow(['dynamodb:GetItem', 'dynamodb:PutItem'], ORDERS)])).map((g) => g.accessLevel)).toEqual(['Write', 'Read']);
    expect(summary(role([allow('dynamodb:GetItem', ORDERS)]), role([allow('dynamodb:GetItem', ORDERS)]))).toEqual([]);
  });
  it('what cannot be compared is an Unknown group on *', () => {
    const groups = summary(role([]), role([allow('s3:GetObject', sub('arn:aws:s3:::${Env}/*'))]));
    expect(groups).toContainEqual(expect.objectContaining({ accessLevel: 'Unknown', resources: ['*'], onRed: true }));
  });
});

describe('iam.new-privilege-escalation', () => {
  const module = (extra: string[]) => `
resource "aws_iam_role" "ci" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}
resource "aws_iam_role_policy" "pass" {
  role   = aws_iam_role.ci.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }] })
}
resource "aws_iam_role_policy" "lambda" {
  role   = aws_iam_role.ci.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ${JSON.stringify(['lambda:GetFunction', ...extra])}, Resource = "*" }] })
}
`;
  it('a path completed by a second policy names the path and where each permission comes from', async () => {
    const results = report(newPrivilegeEscalation, await tf(module([])), await tf(module(['lambda:CreateFunction', 'lambda:InvokeFunction'])));
    const r = results.find((x) => x.message.includes('passrole-lambda-create-invoke'));
    expect(r).toMatchObject({ verdict: 'fail', resource: 'aws_iam_role.ci' });
    expect(r!.message).toContain('iam:PassRole from aws_iam_role_policy.pass');
    expect(r!.message).toContain('lambda:CreateFunction from aws_iam_role_policy.lambda');
    expect(r!.related).toEqual(expect.arrayContaining(['aws_iam_role_policy.pass', 'aws_iam_role_policy.lambda']));
  });
  it('iam:PassRole alone, and a path base already had, are not new', async () => {
    expect(report(newPrivilegeEscalation, await tf(module(['lambda:ListFunctions'])), await tf(module([])))).toEqual([]);
    const full = await tf(module(['lambda:CreateFunction', 'lambda:InvokeFunction']));
    expect(report(newPrivilegeEscalation, full, await tf(module(['lambda:CreateFunction', 'lambda:InvokeFunction', 'lambda:ListFunctions'])))).toEqual([]);
  });
  it('a CloudFormation role given iam:PutRolePolicy', () => {
    expect(verdicts(report(newPrivilegeEscalation, role([allow('s3:GetObject')]), role([allow(['s3:GetObject', 'iam:PutRolePolicy'])])))).toEqual(['fail AppRole']);
  });
});

describe('iam.trust-broadened', () => {
  const trust = (principals: Json, condition?: Json) => [{ Effect: 'Allow', Principal: principals, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) }];
  it('a new principal (CloudFormation)', () => {
    const r = one(report(trustBroadened, role([], { trust: trust({ Service: 'lambda.amazonaws.com' }) }), role([], { trust: trust({ Service: 'lambda.amazonaws.com', AWS: 'arn:aws:iam::444455556666:root' }) })));
    expect(r).toMatchObject({ verdict: 'fail', path: 'iam.trustPolicy' });
    expect(r.message).toContain('AWS:arn:aws:iam::444455556666:root newly admitted: sts:AssumeRole');
  });
  it('a condition removed (Terraform, sts:ExternalId)', async () => {
    const module = (condition: string) => `
resource "aws_iam_role" "vendor" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::444455556666:root" }, Action = "sts:AssumeRole"${condition} }] })
}
`;
    const r = one(report(trustBroadened, await tf(module(', Condition = { StringEquals = { "sts:ExternalId" = "orders-etl" } }')), await tf(module(''))));
    expect(r.message).toContain('AWS:arn:aws:iam::444455556666:root now without a condition (or with a weaker one) that the base version required');
  });
  it('a condition added, or a principal removed, is not broadening', () => {
    const cond = { StringEquals: { 'sts:ExternalId': 'x' } };
    expect(report(trustBroadened, role([], { trust: trust({ AWS: 'arn:aws:iam::444455556666:root' }) }), role([], { trust: trust({ AWS: 'arn:aws:iam::444455556666:root' }, cond) }))).toEqual([]);
    expect(report(trustBroadened, role([], { trust: trust({ Service: ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'] }) }), role([], { trust: trust({ Service: 'lambda.amazonaws.com' }) }))).toEqual([]);
  });
});

describe('kms.policy-broadened', () => {
  const statement = (principal: Json, actions: Json) => ({ Effect: 'Allow', Principal: principal, Action: actions, Resource: '*' });
  const root = { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } };
  it('a principal added (CloudFormation)', () => {
    const r = one(report(keyPolicyBroadened, cfn(keyTemplate([statement(root, 'kms:*')])), cfn(keyTemplate([statement(root, 'kms:*'), statement({ AWS: 'arn:aws:iam::444455556666:root' }, ['kms:Decrypt'])]))));
    expect(r).toMatchObject({ verdict: 'fail', resource: 'OrdersKey', path: 'kms.policy' });
    expect(r.message).toContain('AWS:arn:aws:iam::444455556666:root: kms:Decrypt');
  });
  it('actions widened for a principal (Terraform): kms:Decrypt → kms:*', async () => {
    const module = (action: string) => `
resource "aws_kms_key" "orders" {
  enable_key_rotation = true
  policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::444455556666:role/etl" }, Action = "${action}", Resource = "*" }] })
}
`;
    const r = one(report(keyPolicyBroadened, await tf(module('kms:Decrypt')), await tf(module('kms:*'))));
    expect(r.message).toMatch(/AWS:arn:aws:iam::444455556666:role\/etl: .*kms:Encrypt|AWS:arn:aws:iam::444455556666:role\/etl: kms:/);
    expect(r.message).not.toContain('kms:Decrypt,');
  });
  it('a principal removed is not broadening', () => {
    expect(report(keyPolicyBroadened, cfn(keyTemplate([statement(root, 'kms:*'), statement({ AWS: 'arn:aws:iam::444455556666:root' }, 'kms:Decrypt')])), cfn(keyTemplate([statement(root, 'kms:*')])))).toEqual([]);
  });
  it('a Deny removed from a key policy is a weakened Deny', () => {
    const d = { Effect: 'Deny', Principal: '*', Action: 'kms:ScheduleKeyDeletion', Resource: '*' };
    expect(verdicts(report(denyWeakened, cfn(keyTemplate([statement(root, 'kms:*'), d])), cfn(keyTemplate([statement(root, 'kms:*')]))))).toEqual(['fail OrdersKey']);
  });
});

describe('permissions boundaries in the IAM change rules', () => {
  const boundaryYaml = (statements: Json[]) => `  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: ${JSON.stringify({ Version: '2012-10-17', Statement: statements })}
`;
  /** A template with AppRole (these statements) whose `PermissionsBoundary` is `boundaryRef`, and the `Boundary` policy when its statements are given. */
  function roleTemplateWithBoundary(statements: Json[], boundary: Json[] | undefined, boundaryRef: string | undefined): string {
    const text = roleTemplate(statements, { extra: boundary ? boundaryYaml(boundary) : '' });
    return boundaryRef ? text.replace('      Policies:\n', `      PermissionsBoundary: ${boundaryRef}\n      Policies:\n`) : text;
  }
  /** AppRole bounded by the template's `Boundary` policy of these statements; unbounded (and no such policy) when undefined. */
  const bounded = (statements: Json[], boundary: Json[] | undefined) => cfn(roleTemplateWithBoundary(statements, boundary, boundary ? '{ Ref: Boundary }' : undefined));
  const RAW = 'arn:aws:s3:::raw/*';
  const CURATED = 'arn:aws:s3:::curated/*';
  it('a boundary widened to another bucket: the identity grant on * now reaches it (and only it is new)', () => {
    const r = one(report(newAccess, bounded([allow('s3:GetObject')], [allow('s3:*', RAW)]), bounded([allow('s3:GetObject')], [allow('s3:*', [RAW, CURATED])])));
    expect(r.message).toContain(`s3 Read: GetObject on ${CURATED}`);
    expect(r.message).not.toContain(`on ${RAW}`);
  });
  it('a boundary removed: what it blocked is new; the same boundary kept: an identity grant outside it is not', () => {
    const r = one(report(newAccess, bounded([allow(['s3:GetObject', 'dynamodb:GetItem'])], [allow('s3:*')]), bounded([allow(['s3:GetObject', 'dynamodb:GetItem'])], undefined)));
    expect(r.message).toContain('dynamodb Read: GetItem');
    expect(r.message).not.toContain('s3');
    expect(report(newAccess, bounded([allow('s3:GetObject')], [allow('s3:*')]), bounded([allow(['s3:GetObject', 'dynamodb:GetItem'])], [allow('s3:*')]))).toEqual([]);
  });
  it('a boundary narrowed or added grants nothing new', () => {
    expect(report(newAccess, bounded([allow(['s3:GetObject', 'dynamodb:GetItem'])], [allow('*')]), bounded([allow(['s3:GetObject', 'dynamodb:GetItem'])], [allow('s3:*')]))).toEqual([]);
    expect(report(newAccess, bounded([allow('s3:GetObject')], undefined), bounded([allow('s3:GetObject')], [allow('s3:*', RAW)]))).toEqual([]);
  });
  it('a Deny in the boundary removed is new access for what the identity policy allows', () => {
    const b = (denied: boolean) => [allow('*'), ...(denied ? [deny('dynamodb:DeleteTable')] : [])];
    const r = one(report(newAccess, bounded([allow('dynamodb:*', ORDERS)], b(true)), bounded([allow('dynamodb:*', ORDERS)], b(false))));
    expect(r.message).toContain('DeleteTable');
  });
  it('a base boundary outside the input replaced by one of the template: cannot tell, which is reported', () => {
    const base = cfn(roleTemplateWithBoundary([allow('s3:GetObject')], undefined, 'arn:aws:iam::111122223333:policy/team-boundary'));
    const [r] = report(newAccess, base, bounded([allow('s3:GetObject')], [allow('s3:*')]));
    expect(r).toMatchObject({ verdict: 'unknown' });
    expect(r.message).toContain('team-boundary');
  });
  it('an escalation path the boundary blocked becomes possible when the boundary is widened', () => {
    const held = [allow(['iam:PassRole', 'glue:CreateDevEndpoint'])];
    expect(report(newPrivilegeEscalation, bounded(held, [allow('glue:*')]), bounded(held, [allow('glue:*')]))).toEqual([]);
    const r = one(report(newPrivilegeEscalation, bounded(held, [allow('glue:*')]), bounded(held, [allow(['glue:*', 'iam:PassRole'])])));
    expect(r.message).toContain('Glue development endpoint');
  });
});

describe('permissions boundaries in the IAM change rules (Terraform)', () => {
  const module = (boundaryActions: string[] | undefined) => `
resource "aws_iam_policy" "boundary" {
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ${JSON.stringify(boundaryActions ?? ['s3:*'])}, Resource = "*" }] })
}
resource "aws_iam_role" "app" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
${boundaryActions ? '  permissions_boundary = aws_iam_policy.boundary.arn\n' : ''}}
resource "aws_iam_role_policy" "app" {
  role   = aws_iam_role.app.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "dynamodb:GetItem"], Resource = "*" }] })
}
`;
  it('a boundary widened, then removed: what it newly lets through is new access', async () => {
    const r = one(report(newAccess, await tf(module(['s3:*'])), await tf(module(['s3:*', 'dynamodb:GetItem']))));
    expect(r).toMatchObject({ verdict: 'fail', resource: 'aws_iam_role.app' });
    expect(r.message).toContain('dynamodb Read: GetItem on *');
    expect(r.message).not.toContain('s3');
    expect(one(report(newAccess, await tf(module(['s3:*'])), await tf(module(undefined)))).message).toContain('dynamodb Read: GetItem on *');
  });
  it('the identity policy unchanged under an unchanged boundary is no change', async () => {
    expect(report(newAccess, await tf(module(['s3:*'])), await tf(module(['s3:*'])))).toEqual([]);
  });
});

describe('a principal that did not change: its access changes only through what it is given elsewhere', () => {
  const withPolicy = (resourceYaml: string) => role([allow('dynamodb:GetItem', ORDERS)], { extra: resourceYaml });
  const managedYaml = (actions: string[], type = 'AWS::IAM::ManagedPolicy') => `  Extra:
    Type: ${type}
    Properties:
${type === 'AWS::IAM::Policy' ? '      PolicyName: extra\n' : ''}      Roles: [{ Ref: AppRole }]
      PolicyDocument: ${JSON.stringify({ Version: '2012-10-17', Statement: [allow(actions, ORDERS)] })}
`;
  it('a managed policy attached by its Roles gains an action: new access on the role', () => {
    const r = one(report(newAccess, withPolicy(managedYaml(['dynamodb:Query'])), withPolicy(managedYaml(['dynamodb:Query', 'dynamodb:DeleteItem']))));
    expect(r.message).toContain('DeleteItem');
    expect(r.resource).toBe('AppRole');
  });
  it('a new managed policy attached to an unchanged role: new access', () => {
    expect(one(report(newAccess, withPolicy(''), withPolicy(managedYaml(['dynamodb:DeleteItem'])))).message).toContain('DeleteItem');
  });
  it('a Deny policy resource removed: the Deny is weakened', () => {
    const denyYaml = `  Guard:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [{ Ref: AppRole }]
      PolicyDocument: ${JSON.stringify({ Version: '2012-10-17', Statement: [deny('dynamodb:DeleteTable')] })}
`;
    const base = role([allow('dynamodb:*', ORDERS)], { extra: denyYaml });
    const head = role([allow('dynamodb:*', ORDERS)]);
    expect(verdicts(report(denyWeakened, base, head))).toEqual(['fail AppRole']);
  });
  it('nothing changed anywhere: nothing to report', () => {
    expect(report(newAccess, withPolicy(managedYaml(['dynamodb:Query'])), withPolicy(managedYaml(['dynamodb:Query'])))).toEqual([]);
  });
  it('Terraform: an attachment of AdministratorAccess added to an unchanged role', async () => {
    const module = (attach: boolean) => `
resource "aws_iam_role" "app" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}
${attach ? 'resource "aws_iam_policy_attachment" "admin" {\n  name       = "admin"\n  roles      = [aws_iam_role.app.name]\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n' : ''}`;
    const r = one(report(newAccess, await tf(module(false)), await tf(module(true))));
    expect(r).toMatchObject({ verdict: 'fail', resource: 'aws_iam_role.app' });
  });
});

describe('iam.new-access on Terraform resource policies: the Glue Data Catalog and a secret policy resource', () => {
  const catalog = (principals: string[], actions: string[] = ['glue:GetTable', 'glue:GetTables']) => `
data "aws_caller_identity" "current" {}
resource "aws_glue_resource_policy" "catalog" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ${JSON.stringify(principals)} }
      Action    = ${JSON.stringify(actions)}
      Resource  = "arn:aws:glue:eu-west-1:111122223333:*"
    }]
  })
}
`;
  it('another account granted catalog reads: reported on the catalog policy', async () => {
    const r = one(report(newAccess, await tf(catalog(['arn:aws:iam::111122223333:role/etl'])), await tf(catalog(['arn:aws:iam::111122223333:role/etl', 'arn:aws:iam::444455556666:root']))));
    expect(r).toMatchObject({ verdict: 'fail', resource: 'aws_glue_resource_policy.catalog' });
    expect(r.message).toMatch(/^the resource policy of aws_glue_resource_policy\.catalog allows access the base version did not: glue Read: .*GetTable.* to AWS:arn:aws:iam::444455556666:root/);
  });
  it('a new write action on the catalog; and a reordered principal list is no change', async () => {
    expect(one(report(newAccess, await tf(catalog(['arn:aws:iam::444455556666:root'])), await tf(catalog(['arn:aws:iam::444455556666:root'], ['glue:GetTable', 'glue:GetTables', 'glue:DeleteTable'])))).message).toContain('DeleteTable');
    const two = ['arn:aws:iam::111122223333:role/etl', 'arn:aws:iam::444455556666:root'];
    expect(report(newAccess, await tf(catalog(two)), await tf(catalog([...two].reverse())))).toEqual([]);
  });
  it('aws_secretsmanager_secret_policy: a new reader is new access', async () => {
    const secret = (principals: string[]) => `
resource "aws_secretsmanager_secret" "db" {
  name = "db"
}
resource "aws_secretsmanager_secret_policy" "db" {
  secret_arn = aws_secretsmanager_secret.db.arn
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = ${JSON.stringify(principals)} }, Action = "secretsmanager:GetSecretValue", Resource = "*" }]
  })
}
`;
    const r = one(report(newAccess, await tf(secret(['arn:aws:iam::111122223333:role/app'])), await tf(secret(['arn:aws:iam::111122223333:role/app', 'arn:aws:iam::111122223333:role/analytics']))));
    expect(r).toMatchObject({ verdict: 'fail', resource: 'aws_secretsmanager_secret_policy.db' });
    expect(r.message).toContain('GetSecretValue on * to AWS:arn:aws:iam::111122223333:role/analytics');
  });
});
