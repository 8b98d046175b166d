import type { SourceFile } from '../../model';
import { scan } from '../../engine/scan';
import { DEFAULT_CONFIG } from '../../config/types';
import { cdkAssembly, planJson, type PlanResource } from '../../__parity__/harness';
import { diffScans } from '../engine';
import { ALL_CHANGE_RULES } from './index';

/*
 * The change rules give the same verdict on the same change whatever wrote it: each case below is
 * one change written as CloudFormation (and, derived from it, a CDK cloud assembly), as a
 * Terraform module and as a Terraform plan, scanned and compared by the real engine. (AWS Config
 * records live state, not a pull request: its side of these rules is tested per rule where the
 * adapter can express both versions.)
 */

type Verdict = 'fail' | 'unknown' | 'none';

interface Version {
  cloudformation: string;
  terraform: string;
  plan: PlanResource[];
}

interface Case {
  name: string;
  rule: string;
  expect: Verdict;
  target: { cloudformation: string; terraform: string };
  base: Version;
  head: Version;
}

const NOW = '2026-11-28T00:00:00Z';
const ACCOUNT = '111122223333';
const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/0b1c2d3e-aaaa-bbbb-cccc-000000000001`;

async function verdictOf(format: 'cloudformation' | 'cdk' | 'terraform' | 'plan', c: Case): Promise<{ format: string; verdict: Verdict; errors: string[] }> {
  const files = (v: Version): SourceFile[] => {
    switch (format) {
      case 'cloudformation':
        return [{ path: 'stack.yaml', content: v.cloudformation }];
      case 'cdk':
        return cdkAssembly(v.cloudformation);
      case 'terraform':
        return [{ path: 'infra/main.tf', content: v.terraform }];
      case 'plan':
        return [{ path: 'plan.json', content: planJson(v.plan) }];
    }
  };
  const b = files(c.base);
  const h = files(c.head);
  const base = await scan(b, { now: NOW });
  const head = await scan(h, { now: NOW });
  const changed = h.filter((f) => b.find((x) => x.path === f.path)?.content !== f.content).map((f) => f.path);
  const d = diffScans(base, head, { config: DEFAULT_CONFIG, changeRules: ALL_CHANGE_RULES, changedFiles: changed, headFiles: h.map((f) => f.path) });
  const target = format === 'cloudformation' || format === 'cdk' ? c.target.cloudformation : c.target.terraform;
  const mine = d.findings.filter((f) => f.ruleId === c.rule && f.resource.id === target && f.status === 'introduced');
  const verdict: Verdict = mine.some((f) => f.verdict === 'fail') ? 'fail' : mine.some((f) => f.verdict === 'unknown') ? 'unknown' : 'none';
  return { format, verdict, errors: [...base.errors, ...head.errors].map((e) => e.toString()) };
}

// ---- building blocks, one per format

const trust = (principal: object) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
const policyDoc = (statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const allow = (Action: string[] | string, Resource = '*') => ({ Effect: 'Allow', Action, Resource });
const deny = (Action: string[] | string, Resource = '*') => ({ Effect: 'Deny', Action, Resource });

/** A role with one inline policy (and a trust policy), in the three formats. */
function role(statements: object[], trustPrincipal: object = { Service: 'lambda.amazonaws.com' }): Version {
  return {
    cloudformation: `Resources:
  AppRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app
      AssumeRolePolicyDocument: ${JSON.stringify(trust(trustPrincipal))}
      Policies:
        - PolicyName: app
          PolicyDocument: ${JSON.stringify(policyDoc(statements))}
`,
    terraform: `resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = ${JSON.stringify(JSON.stringify(trust(trustPrincipal)))}
}
resource "aws_iam_role_policy" "app" {
  name   = "app"
  role   = aws_iam_role.app.id
  policy = ${JSON.stringify(JSON.stringify(policyDoc(statements)))}
}
`,
    plan: [
      { address: 'aws_iam_role.app', type: 'aws_iam_role', values: { name: 'app', assume_role_policy: JSON.stringify(trust(trustPrincipal)), arn: `arn:aws:iam::${ACCOUNT}:role/app` } },
      { address: 'aws_iam_role_policy.app', type: 'aws_iam_role_policy', values: { name: 'app', role: 'app', policy: JSON.stringify(policyDoc(statements)) }, references: { role: ['aws_iam_role.app.id', 'aws_iam_role.app'] } },
    ],
  };
}

interface KeyAndTable {
  rotation?: boolean;
  keyPolicy?: object[];
  /** Whether the key is defined at all. */
  key?: boolean;
  /** The table's encryption: the key, or AWS-owned. */
  tableKey?: boolean;
  pitr?: boolean;
}

/** A KMS key and a DynamoDB table encrypted with it, in the three formats. */
function keyAndTable(o: KeyAndTable): Version {
  const rotation = o.rotation ?? true;
  const hasKey = o.key ?? true;
  const tableKey = o.tableKey ?? true;
  const pitr = o.pitr ?? true;
  const policy = policyDoc(o.keyPolicy ?? [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }]);
  const cfnKey = hasKey ? `  OrdersKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: ${rotation}\n      KeyPolicy: ${JSON.stringify(policy)}\n` : '';
  const cfnSse = tableKey ? '{ SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: { "Fn::GetAtt": [OrdersKey, Arn] } }' : '{ SSEEnabled: false }';
  const tfKey = hasKey ? `resource "aws_kms_key" "orders" {\n  enable_key_rotation = ${rotation}\n  policy              = ${JSON.stringify(JSON.stringify(policy))}\n}\n` : '';
  const tfSse = tableKey ? '  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.orders.arn\n  }\n' : '';
  return {
    cloudformation: `Resources:
${cfnKey}  OrdersTable:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: ${pitr} }
      SSESpecification: ${cfnSse}
      Tags: [{ Key: data_classification, Value: red }]
`,
    terraform: `${tfKey}resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "pk"
  attribute {
    name = "pk"
    type = "S"
  }
  point_in_time_recovery {
    enabled = ${pitr}
  }
${tfSse}  tags = { data_classification = "red" }
}
`,
    plan: [
      ...(hasKey ? [{ address: 'aws_kms_key.orders', type: 'aws_kms_key', values: { enable_key_rotation: rotation, policy: JSON.stringify(policy), arn: KEY_ARN, key_id: KEY_ARN.split('/').pop() } }] : []),
      {
        address: 'aws_dynamodb_table.orders',
        type: 'aws_dynamodb_table',
        values: {
          name: 'orders',
          hash_key: 'pk',
          attribute: [{ name: 'pk', type: 'S' }],
          point_in_time_recovery: [{ enabled: pitr }],
          server_side_encryption: tableKey ? [{ enabled: true, kms_key_arn: KEY_ARN }] : [],
          tags: { data_classification: 'red' },
          tags_all: { data_classification: 'red' },
        },
        ...(tableKey ? { references: { 'server_side_encryption.kms_key_arn': ['aws_kms_key.orders.arn', 'aws_kms_key.orders'] } } : {}),
      },
    ],
  };
}

const ROLE = { cloudformation: 'AppRole', terraform: 'aws_iam_role.app' };
const KEY = { cloudformation: 'OrdersKey', terraform: 'aws_kms_key.orders' };
const TABLE = { cloudformation: 'OrdersTable', terraform: 'aws_dynamodb_table.orders' };
const READ = allow(['dynamodb:GetItem'], `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`);

const CASES: Case[] = [
  { name: 'a new action', rule: 'iam.new-access', expect: 'fail', target: ROLE, base: role([READ]), head: role([READ, allow('dynamodb:DeleteItem', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`)]) },
  { name: 'the same actions reordered', rule: 'iam.new-access', expect: 'none', target: ROLE, base: role([allow(['dynamodb:GetItem', 'dynamodb:Query'])]), head: role([allow(['dynamodb:Query', 'dynamodb:GetItem'])]) },
  { name: 'a Deny removed', rule: 'iam.deny-weakened', expect: 'fail', target: ROLE, base: role([allow('dynamodb:*', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`), deny('dynamodb:DeleteTable')]), head: role([allow('dynamodb:*', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`)]) },
  { name: 'a Deny widened', rule: 'iam.deny-weakened', expect: 'none', target: ROLE, base: role([READ, deny('dynamodb:DeleteTable')]), head: role([READ, deny(['dynamodb:DeleteTable', 'dynamodb:DeleteBackup'])]) },
  { name: 'trust opened to another account', rule: 'iam.trust-broadened', expect: 'fail', target: ROLE, base: role([READ]), head: role([READ], { AWS: 'arn:aws:iam::444455556666:root' }) },
  { name: 'trust unchanged', rule: 'iam.trust-broadened', expect: 'none', target: ROLE, base: role([READ]), head: role([READ, allow('dynamodb:Query', `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`)]) },
  { name: 'PassRole next to glue:CreateDevEndpoint', rule: 'iam.new-privilege-escalation', expect: 'fail', target: ROLE, base: role([allow('glue:CreateDevEndpoint')]), head: role([allow(['glue:CreateDevEndpoint', 'iam:PassRole'])]) },
  { name: 'a harmless action next to glue:CreateDevEndpoint', rule: 'iam.new-privilege-escalation', expect: 'none', target: ROLE, base: role([allow('glue:CreateDevEndpoint')]), head: role([allow(['glue:CreateDevEndpoint', 'glue:GetJob'])]) },
  { name: 'key rotation turned off', rule: 'kms.rotation-disabled', expect: 'fail', target: KEY, base: keyAndTable({}), head: keyAndTable({ rotation: false }) },
  { name: 'key rotation kept', rule: 'kms.rotation-disabled', expect: 'none', target: KEY, base: keyAndTable({}), head: keyAndTable({ pitr: false }) },
  {
    name: 'key policy grants another account',
    rule: 'kms.policy-broadened',
    expect: 'fail',
    target: KEY,
    base: keyAndTable({}),
    head: keyAndTable({ keyPolicy: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }, { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:Decrypt', Resource: '*' }] }),
  },
  { name: 'key policy unchanged', rule: 'kms.policy-broadened', expect: 'none', target: KEY, base: keyAndTable({}), head: keyAndTable({ rotation: false }) },
  { name: 'a key removed while a red table used it', rule: 'kms.key-deletion', expect: 'fail', target: KEY, base: keyAndTable({}), head: keyAndTable({ key: false, tableKey: false }) },
  { name: 'a key kept', rule: 'kms.key-deletion', expect: 'none', target: KEY, base: keyAndTable({}), head: keyAndTable({ pitr: false }) },
  { name: 'a red table moved off its customer-managed key', rule: 'encryption.downgraded', expect: 'fail', target: TABLE, base: keyAndTable({}), head: keyAndTable({ tableKey: false }) },
  { name: 'a red table kept on its key', rule: 'encryption.downgraded', expect: 'none', target: TABLE, base: keyAndTable({}), head: keyAndTable({ rotation: false }) },
  { name: 'point-in-time recovery turned off', rule: 'exposure.increased', expect: 'fail', target: TABLE, base: keyAndTable({}), head: keyAndTable({ pitr: false }) },
  { name: 'point-in-time recovery turned on', rule: 'exposure.increased', expect: 'none', target: TABLE, base: keyAndTable({ pitr: false }), head: keyAndTable({}) },
];

describe.each(CASES.map((c) => [`${c.rule}: ${c.name}`, c] as const))('%s', (_name, c) => {
  it.each(['cloudformation', 'cdk', 'terraform', 'plan'] as const)('%s', async (format) => {
    const r = await verdictOf(format, c);
    expect(r.errors).toEqual([]);
    expect({ format, verdict: r.verdict }).toEqual({ format, verdict: c.expect });
  });
});

it('covers every change rule with a case that fails and one that does not', () => {
  for (const rule of ALL_CHANGE_RULES) {
    const mine = CASES.filter((c) => c.rule === rule.id);
    expect([rule.id, mine.some((c) => c.expect === 'fail'), mine.some((c) => c.expect === 'none')]).toEqual([rule.id, true, true]);
  }
});
