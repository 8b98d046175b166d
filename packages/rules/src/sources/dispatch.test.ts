import { parseSources } from '.';
import { scan } from '../engine/scan';
import { jsonErrorReason } from './terraform-plan/json-error';
import { parseTerraformPlan } from './terraform-plan';
import { parseAwsConfig } from './aws-config';

const NOW = '2024-06-01T00:00:00Z';
const publicDb = 'resource "aws_db_instance" "db" {\n  publicly_accessible = true\n}\n';
const stackTemplate = JSON.stringify({ Resources: { T: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] } } } });

describe('source dispatch: CDK manifests claim only what they read', () => {
  test('a manifest.json at the scan root does not hide the Terraform and CloudFormation beside it', async () => {
    const files = [
      { path: 'manifest.json', content: '{"version": "36.0.0", "artifacts": {}}' },
      { path: 'main.tf', content: publicDb },
      { path: 'infra/stack.json', content: stackTemplate },
    ];
    const parsed = await parseSources(files);
    expect(parsed.inputs.map((i) => [i.path, i.format])).toEqual([
      ['.', 'cdk'],
      ['.', 'terraform'],
      ['infra/stack.json', 'cloudformation'],
    ]);
    const result = await scan(files, { now: NOW });
    expect(result.findings.some((f) => f.ruleId === 'rds.not-public' && f.verdict === 'fail')).toBe(true);
  });

  test('a nested assembly is read once, through its parent', async () => {
    const outer = { version: '36.0.0', artifacts: { 'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } } } };
    const nested = { version: '36.0.0', artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } } };
    const parsed = await parseSources([
      { path: 'cdk.out/assembly-Prod/S.template.json', content: stackTemplate },
      { path: 'cdk.out/assembly-Prod/manifest.json', content: JSON.stringify(nested) },
      { path: 'cdk.out/manifest.json', content: JSON.stringify(outer) },
    ]);
    expect(parsed.inputs.map((i) => [i.path, i.format, i.result.resources.length])).toEqual([['cdk.out', 'cdk', 1]]);
  });
});

describe('JSON parse errors never quote the input', () => {
  const secret = 'hunter2-SuperSecret';
  test('jsonErrorReason drops the quoted text of Node 20 messages', () => {
    for (const text of [`{"master_password": ${secret}}`, `{"a": x${secret}`]) {
      let err: unknown;
      try {
        JSON.parse(text);
      } catch (e) {
        err = e;
      }
      expect(jsonErrorReason(err)).not.toMatch(/hunter2|SuperSecret/);
    }
    expect(jsonErrorReason(new SyntaxError('Unexpected end of JSON input'))).toBe('Unexpected end of JSON input');
  });

  test('plan, Config, Terraform JSON and CDK manifest errors leave the secret out', async () => {
    const broken = `{"format_version": "1.2", "planned_values": {"master_password": ${secret}}}`;
    expect(parseTerraformPlan({ path: 'plan.json', content: broken }).errors[0].message).not.toMatch(/hunter2/);
    expect(parseAwsConfig({ path: 'config.json', content: `{"configurationItems": [${secret}]}` }).errors[0].message).not.toMatch(/hunter2/);
    const result = await scan(
      [
        { path: 'tf/main.tf.json', content: `{"resource": {"aws_db_instance": {"db": {"password": ${secret}}}}}` },
        { path: 'cdk.out/manifest.json', content: `{"version": "36.0.0", "artifacts": {"x": ${secret}}}` },
      ],
      { now: NOW },
    );
    expect(result.errors).toHaveLength(2);
    expect(JSON.stringify([result.errors.map(String), result.findings])).not.toMatch(/hunter2/);
  });
});
