import type { Resource } from '../../model';
import { resource } from '../../rules/__testing__/builders';
import { normalizePolicy, type PolicyTree } from '../../iam/normalize';
import { cfn, report, tf, type Reported } from './__testing__/sides';
import { allow, deny, getAtt, role, roleTemplate, sub, type Json } from './__testing__/iam-fixtures';
import { changeRules } from './iam';

/*
 * Rewrites that grant nothing new: no IAM change rule may say anything about them (no approval
 * for a pull request that only tidies policies). Each rewrite is checked on its own, and the
 * same pairs with a real broadening added must be reported — so these tests fail if the rules
 * go quiet altogether.
 */

function all(base: readonly Resource[], head: readonly Resource[]): Reported[] {
  return changeRules.flatMap((rule) => report(rule, base, head).map((r) => ({ ...r, message: `${rule.id}: ${r.message}` })));
}

const ORDERS = getAtt('Orders');
const RAW = 'arn:aws:s3:::raw';

/** Checks that base → head says nothing, and base → head plus one new Write action is reported. */
function equivalent(base: Json[], head: Json[]): void {
  expect(all(role(base), role(head))).toEqual([]);
  const broadened = all(role(base), role([...head, allow('sqs:DeleteQueue', 'arn:aws:sqs:eu-west-1:111122223333:jobs')]));
  expect(broadened.map((r) => r.message)).toEqual([expect.stringContaining('iam.new-access: AppRole allows access the base version did not: sqs Write: DeleteQueue')]);
}

describe('no new access for equivalent rewrites (CloudFormation)', () => {
  it('reordered actions', () => {
    equivalent([allow(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'], ORDERS)], [allow(['dynamodb:PutItem', 'dynamodb:GetItem', 'dynamodb:Query'], ORDERS)]);
  });
  it('reordered statements and resources', () => {
    const a = allow('s3:GetObject', [`${RAW}/a/*`, `${RAW}/b/*`]);
    const b = allow('dynamodb:GetItem', ORDERS);
    equivalent([a, b], [b, allow('s3:GetObject', [`${RAW}/b/*`, `${RAW}/a/*`])]);
  });
  it('a statement split in two', () => {
    equivalent([allow(['dynamodb:GetItem', 's3:GetObject'], [ORDERS, `${RAW}/*`])], [allow('dynamodb:GetItem', ORDERS), allow('s3:GetObject', `${RAW}/*`)]);
  });
  it('two statements merged', () => {
    equivalent([allow('s3:GetObject', `${RAW}/a/*`), allow('s3:GetObject', `${RAW}/b/*`)], [allow('s3:GetObject', [`${RAW}/a/*`, `${RAW}/b/*`])]);
  });
  it('a wildcard replaced by a subset', () => {
    equivalent([allow('dynamodb:*', ORDERS)], [allow(['dynamodb:Get*', 'dynamodb:Query'], ORDERS)]);
  });
  it('a wildcard replaced by the actions it covers', () => {
    equivalent([allow('s3:Get*', `${RAW}/*`)], [allow(['s3:GetObject', 's3:GetObjectVersion', 's3:GetObjectTagging'], `${RAW}/*`)]);
  });
  it('narrowed resources', () => {
    equivalent([allow('dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/*')], [allow('dynamodb:GetItem', 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders')]);
  });
  it('objects narrowed to a prefix of the bucket', () => {
    equivalent([allow('s3:GetObject', `${RAW}/*`)], [allow('s3:GetObject', `${RAW}/reports/*`)]);
  });
  it('added conditions', () => {
    equivalent([allow('dynamodb:GetItem', ORDERS)], [allow('dynamodb:GetItem', ORDERS, { Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:userid}'] } } })]);
  });
  it('a Deny broadened', () => {
    equivalent([allow('dynamodb:*', ORDERS), deny('dynamodb:DeleteTable', ORDERS)], [allow('dynamodb:*', ORDERS), deny(['dynamodb:DeleteTable', 'dynamodb:DeleteBackup'], '*')]);
  });
  it('a trust policy with a condition added and a principal dropped', () => {
    const t = (principal: Json, cond?: Json) => [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(cond ? { Condition: cond } : {}) }];
    const base = role([allow('s3:GetObject')], { trust: t({ AWS: ['arn:aws:iam::444455556666:root', 'arn:aws:iam::777788889999:root'] }) });
    const head = role([allow('s3:GetObject')], { trust: t({ AWS: 'arn:aws:iam::444455556666:root' }, { StringEquals: { 'sts:ExternalId': 'etl' } }) });
    expect(all(base, head)).toEqual([]);
  });
  it('formatting only: the policy as a YAML block instead of JSON, short-form intrinsics instead of long-form', () => {
    const json = [allow(['dynamodb:GetItem', 'dynamodb:Query'], [ORDERS, sub('${Orders.Arn}/index/*')], { Condition: { Bool: { 'aws:SecureTransport': 'true' } } })];
    const yaml = `          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              -   Effect: Allow
                  Action:
                    - dynamodb:GetItem
                    - dynamodb:Query
                  Resource:
                    - !GetAtt Orders.Arn
                    - !Sub "\${Orders.Arn}/index/*"
                  Condition:
                    Bool:
                      aws:SecureTransport: "true"`;
    expect(all(role(json), cfn(roleTemplate([], { policyYaml: yaml })))).toEqual([]);
  });
  it('formatting only: the whole template as JSON', () => {
    const statements = [allow('dynamodb:GetItem', ORDERS)];
    const asJson = JSON.stringify({
      Resources: {
        Orders: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'orders', Tags: [{ Key: 'data_classification', Value: 'green' }] } },
        Cards: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'cards', Tags: [{ Key: 'data_classification', Value: 'red' }] } },
        AppRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
            Policies: [{ PolicyName: 'app', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
          },
        },
      },
    }, null, 4);
    expect(all(role(statements), cfn(asJson))).toEqual([]);
  });
});

describe('no new access for equivalent rewrites (Terraform)', () => {
  const module = (policy: string) => `
resource "aws_dynamodb_table" "orders" {
  name = "orders"
}
resource "aws_iam_role" "app" {
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}
resource "aws_iam_role_policy" "app" {
  role   = aws_iam_role.app.id
  policy = ${policy}
}
`;
  it('formatting only: jsonencode instead of a heredoc, other whitespace', async () => {
    const heredoc = `<<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect":   "Allow",
      "Action":   ["dynamodb:Query", "dynamodb:GetItem"],
      "Resource": "arn:aws:dynamodb:eu-west-1:111122223333:table/orders"
    }
  ]
}
EOF`;
    const encoded = 'jsonencode({Version="2012-10-17",Statement=[{Effect="Allow",Action=["dynamodb:GetItem","dynamodb:Query"],Resource="arn:aws:dynamodb:eu-west-1:111122223333:table/orders"}]})';
    expect(all(await tf(module(heredoc)), await tf(module(encoded)))).toEqual([]);
  });
  it('statements split, and an aws_iam_policy_document-free rewrite with fewer actions', async () => {
    const one = 'jsonencode({ Statement = [{ Effect = "Allow", Action = ["dynamodb:GetItem", "dynamodb:PutItem"], Resource = [aws_dynamodb_table.orders.arn] }] })';
    const split = 'jsonencode({ Statement = [{ Effect = "Allow", Action = "dynamodb:PutItem", Resource = aws_dynamodb_table.orders.arn }, { Effect = "Allow", Action = "dynamodb:GetItem", Resource = aws_dynamodb_table.orders.arn }] })';
    expect(all(await tf(module(one)), await tf(module(split)))).toEqual([]);
    const fewer = 'jsonencode({ Statement = [{ Effect = "Allow", Action = "dynamodb:GetItem", Resource = aws_dynamodb_table.orders.arn }] })';
    expect(all(await tf(module(one)), await tf(module(fewer)))).toEqual([]);
  });
});

describe('no new access for equivalent rewrites (Resources built directly)', () => {
  const principal = (policies: PolicyTree[]) => [
    resource('AppRole', 'AWS::IAM::Role', {
      iam: { principalKind: 'role', inlinePolicies: policies.map((doc, i) => ({ name: `p${i}`, document: normalizePolicy(doc), path: `Policies[${i}].PolicyDocument` })) },
    }),
  ];
  const doc = (...statements: PolicyTree[]): PolicyTree => ({ Statement: statements });
  const grant = (Action: PolicyTree, Resource: PolicyTree = '*'): PolicyTree => ({ Effect: 'Allow', Action, Resource });

  it('statements moved between two inline policies', () => {
    const base = principal([doc(grant('s3:GetObject'), grant('dynamodb:Query'))]);
    const head = principal([doc(grant('dynamodb:Query')), doc(grant('s3:GetObject'))]);
    expect(all(base, head)).toEqual([]);
  });
  it('a NotAction that excludes more', () => {
    const base = principal([doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })]);
    const head = principal([doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' })]);
    expect(all(base, head)).toEqual([]);
  });
  it('…while a NotAction added to a narrow policy is reported', () => {
    const results = all(principal([doc(grant('s3:GetObject'))]), principal([doc({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })]));
    // Everything but IAM includes lambda:CreateFunction, glue:CreateDevEndpoint … but no iam:PassRole.
    expect(results.filter((r) => r.message.startsWith('iam.new-access: AppRole allows access'))).toHaveLength(1);
    expect(results.every((r) => /^iam\.new-(access|privilege-escalation): /.test(r.message))).toBe(true);
  });
});
