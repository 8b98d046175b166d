/**
 * A hand-made scan result whose every input-derived string is hostile: HTML, mentions, links,
 * images, table pipes, backticks, newlines, terminal escapes and bidi overrides. Reports built
 * from it must stay inert and well-formed (golden files, schema and SARIF validation).
 */
import { ParseError, type Resource, type SourceFormat } from '../../model';
import type { Evaluation, Finding, FindingLocation, ScanResult } from '../../engine/types';
import type { RuleMeta } from '../../rules/types';
import { scoreEvaluations } from '../../score';

export const HOSTILE = {
  html: '<img src=x onerror=alert(1)>',
  mention: '@octocat',
  link: '[link](http://evil)',
  pipes: '| table | break',
  ticks: 'a ``` b ```` c',
  newline: 'first line\nsecond line\r\n| x | y |',
  ansi: '\u001b[31mred\u001b[0m',
  bidi: 'abc\u202edcba',
};

const remediation = (cfn: string, tf: string) => ({ cloudformation: cfn, terraform: tf });

export const RULES: RuleMeta[] = [
  {
    id: 'rds.not-public',
    pillar: 'network',
    severity: 'critical',
    title: 'RDS instances are not publicly accessible',
    rationale: 'A public database endpoint is reachable from the internet.',
    remediation: remediation('PubliclyAccessible: false', 'publicly_accessible = false'),
    appliesTo: ['AWS::RDS::DBInstance'],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html'],
  },
  {
    id: 'dynamodb.pitr',
    pillar: 'recovery',
    severity: 'high',
    title: 'DynamoDB point-in-time recovery is on',
    rationale: 'Without PITR a bad write cannot be undone.',
    remediation: remediation('PointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true\n# ``` a fence in a comment', 'point_in_time_recovery {\n  enabled = true\n}'),
    appliesTo: ['AWS::DynamoDB::Table'],
  },
  {
    id: 's3.versioning',
    pillar: 'recovery',
    severity: 'low',
    title: 'Versioning is on for red and orange buckets',
    rationale: 'Versioning keeps overwritten objects recoverable.',
    remediation: remediation('VersioningConfiguration:\n  Status: Enabled', 'versioning {\n  enabled = true\n}'),
    appliesTo: ['AWS::S3::Bucket'],
  },
  {
    id: 'logs.retention',
    pillar: 'monitoring',
    severity: 'low',
    title: 'Log groups have a retention period',
    rationale: 'Logs kept forever cost money; logs never kept are useless.',
    remediation: remediation('RetentionInDays: 365', 'retention_in_days = 365'),
    appliesTo: ['AWS::Logs::LogGroup'],
  },
  {
    id: 'iac.owner',
    pillar: 'policy-as-code',
    severity: 'info',
    title: 'Resources carry an owner tag',
    rationale: 'Someone must answer for every resource.',
    remediation: remediation('Tags:\n  - Key: owner\n    Value: team-data', 'tags = { owner = "team-data" }'),
    appliesTo: ['AWS::S3::Bucket'],
  },
];
// `iac.parseable` is deliberately missing from RULES: SARIF must describe it from the finding.

function at(id: string, type: string, file: string, format: SourceFormat, extra: Partial<FindingLocation> = {}): FindingLocation {
  return { id, type, file, format, ...extra };
}

const rule = (id: string): RuleMeta => RULES.find((r) => r.id === id) ?? { id, pillar: 'policy-as-code', severity: 'high', title: 'Every IaC file parses', rationale: 'A file we cannot read is never a pass.', remediation: remediation('', ''), appliesTo: [] };

function finding(id: string, ruleId: string, resource: FindingLocation, message: string, extra: Partial<Finding> = {}): Finding {
  const r = rule(ruleId);
  return { id, ruleId, pillar: r.pillar, severity: r.severity, title: r.title, verdict: 'fail', status: 'present', message, resource, remediation: r.remediation, ...extra };
}

export const FINDINGS: Finding[] = [
  finding('00000000000000a1', 'rds.not-public', at(HOSTILE.link, 'AWS::RDS::DBInstance', `templates/${HOSTILE.html}.yaml`, 'cloudformation', { line: 12, column: 5 }), `Instance ${HOSTILE.link} is publicly accessible; ping ${HOSTILE.mention} or see www.evil.example and #12`, {
    status: 'introduced',
    path: 'PubliclyAccessible',
  }),
  finding('00000000000000b2', 'dynamodb.pitr', at('aws_dynamodb_table.orders', 'AWS::DynamoDB::Table', `infra/${HOSTILE.pipes}.tf`, 'terraform', { line: 3, address: 'aws_dynamodb_table.orders' }), `PITR is off on ${HOSTILE.ticks}\n${HOSTILE.newline} <script>alert(1)</script>`, {
    level: 'red',
    path: 'point_in_time_recovery.enabled',
  }),
  finding('00000000000000c3', 'dynamodb.pitr', at('module.x.aws_dynamodb_table.y["a"]', 'AWS::DynamoDB::Table', 'plan.json', 'terraform-plan', { address: 'module.x.aws_dynamodb_table.y["a"]' }), `PITR is off (${HOSTILE.ansi} ${HOSTILE.bidi})`),
  finding('00000000000000d4', 's3.versioning', at('OrdersBucket1234', 'AWS::S3::Bucket', 'cdk.out/Stack.template.json', 'cdk', { line: 40, constructPath: `Stack/${HOSTILE.mention}/Bucket` }), 'versioning is unknown: var.`x` has no default', {
    verdict: 'unknown',
  }),
  finding('00000000000000e5', 'logs.retention', at('arn:aws:logs:eu-west-1:111122223333:log-group:![img](http://evil/x.png)', 'AWS::Logs::LogGroup', 'snapshot.json', 'aws-config'), 'log group keeps logs forever', {
    suppressed: { reason: 'accepted by @security-team, see https://evil.example/[x]', expires: '2099-12-31' },
  }),
  finding('00000000000000f6', 'iac.owner', at('LegacyBucket', 'AWS::S3::Bucket', 'templates/app.yaml', 'cloudformation', { line: 7 }), 'no owner tag', { status: 'resolved' }),
  finding('0000000000000107', 'iac.parseable', at('bad.yaml', 'Pillarguard::File', 'bad.yaml', 'cloudformation', { line: 4, column: 2 }), 'unexpected `]` at <b>here</b>', { status: 'introduced' }),
];

/** Evaluations consistent with the findings, plus passes so every kind of score shows up. */
export function evaluationsOf(findings: readonly Finding[]): Evaluation[] {
  const failing: Evaluation[] = findings
    .filter((f) => f.status !== 'resolved')
    .map((f) => ({ ruleId: f.ruleId, pillar: f.pillar, severity: f.severity, verdict: f.verdict, message: f.message, resource: f.resource, ...(f.suppressed ? { suppressed: f.suppressed } : {}) }));
  const pass = (ruleId: string, resourceId: string): Evaluation => {
    const r = rule(ruleId);
    return { ruleId, pillar: r.pillar, severity: r.severity, verdict: 'pass', message: 'ok', resource: at(resourceId, 'AWS::S3::Bucket', 'templates/app.yaml', 'cloudformation', { line: 1 }) };
  };
  return [...failing, pass('rds.not-public', 'Db2'), pass('dynamodb.pitr', 'Events'), pass('s3.versioning', 'LogsBucket'), pass('iac.owner', 'LegacyBucket'), pass('logs.retention', 'AppLogs')];
}

function resource(id: string, type: string, file: string, format: SourceFormat): Resource {
  return { type, sourceType: type, id, tags: { owner: HOSTILE.mention }, location: { file, format }, facets: {} };
}

export function hostileScan(findings: readonly Finding[] = FINDINGS): ScanResult {
  const evaluations = evaluationsOf(findings);
  return {
    inputs: [
      { path: `templates/${HOSTILE.html}.yaml`, format: 'cloudformation', resources: 2 },
      { path: `infra/${HOSTILE.pipes}.tf`, format: 'terraform', resources: 1 },
      { path: 'plan.json', format: 'terraform-plan', resources: 1 },
    ],
    resources: [
      resource(HOSTILE.link, 'AWS::RDS::DBInstance', `templates/${HOSTILE.html}.yaml`, 'cloudformation'),
      resource('aws_dynamodb_table.orders', 'AWS::DynamoDB::Table', `infra/${HOSTILE.pipes}.tf`, 'terraform'),
      resource('module.x.aws_dynamodb_table.y["a"]', 'AWS::DynamoDB::Table', 'plan.json', 'terraform-plan'),
      resource('OrdersBucket1234', 'AWS::S3::Bucket', 'cdk.out/Stack.template.json', 'cdk'),
    ],
    evaluations,
    findings: [...findings],
    errors: [new ParseError('bad.yaml', 'unexpected `]` at <b>here</b>', { line: 4, column: 2, format: 'cloudformation' }), new ParseError(`broken ${HOSTILE.mention}.tf`, `cannot read: ${HOSTILE.newline}`)],
    notes: [
      { file: 'plan.json', message: 'module.vpc not expanded: its outputs are unknown' },
      { file: 'x.tf', line: 2, message: `note with ${HOSTILE.link}` },
    ],
    scores: scoreEvaluations(evaluations, { unknownAsFail: false }),
    skipped: [{ path: `big ${HOSTILE.html}.json`, reason: 'larger than 20MB' }],
    generatedAt: '2026-03-01T12:00:00.000Z',
  };
}

/** A scan that found nothing at all. */
export function emptyScan(): ScanResult {
  return { inputs: [], resources: [], evaluations: [], findings: [], errors: [], notes: [], scores: scoreEvaluations([], { unknownAsFail: false }), skipped: [], generatedAt: '2026-03-01T12:00:00.000Z' };
}

export const TOOL = { name: 'pillarguard', version: '0.1.0' };
