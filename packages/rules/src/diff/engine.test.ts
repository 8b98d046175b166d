import { scan } from '../engine/scan';
import { DEFAULT_CONFIG, type EngineConfig } from '../config/types';
import { diffScans } from './engine';
import { globMatchesPath } from './glob';
import type { ChangeRule } from './types';

const NOW = '2026-11-28T00:00:00Z';

function table(props: string): string {
  return `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      Tags: [{ Key: data_classification, Value: orange }, { Key: owner, Value: team }]
${props}`;
}

const PITR_ON = '      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }\n      DeletionProtectionEnabled: true\n';
const PITR_OFF = '      DeletionProtectionEnabled: true\n';

/** A change rule for the engine's sake: it fires when PITR goes from on to off. */
const pitrLost: ChangeRule = {
  kind: 'change',
  id: 'test.pitr-lost',
  pillar: 'recovery',
  severity: 'high',
  title: 'PITR turned off',
  rationale: 'test',
  remediation: { cloudformation: '', terraform: '' },
  appliesTo: ['AWS::DynamoDB::Table'],
  compare(pair) {
    if (pair.base?.facets.backup?.pitr === true && pair.head?.facets.backup?.pitr === false) return { verdict: 'fail', message: 'pitr: on → off', path: 'backup.pitr' };
    return undefined;
  },
};

async function diff(baseText: string, headText: string, config: EngineConfig = DEFAULT_CONFIG, changedFiles: string[] = []) {
  const base = await scan([{ path: 't.yaml', content: baseText }], { now: NOW, config });
  const head = await scan([{ path: 't.yaml', content: headText }], { now: NOW, config });
  return diffScans(base, head, { config, changeRules: [pitrLost], changedFiles, headFiles: ['t.yaml'] });
}

describe('diffScans', () => {
  it('turns findings into deltas and runs change rules', async () => {
    const d = await diff(table(PITR_ON), table(PITR_OFF));
    const byRule = Object.fromEntries(d.findings.map((f) => [f.ruleId, f.status]));
    expect(byRule['dynamodb.pitr']).toBe('introduced');
    expect(byRule['test.pitr-lost']).toBe('introduced');
    expect(d.changes).toMatchObject({ modified: 1 });
    expect(d.approval.required).toBe(true);
    const change = d.findings.find((f) => f.ruleId === 'test.pitr-lost')!;
    expect(change.path).toBe('PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled');
    expect(d.approval.reasons.some((r) => r.findingIds?.includes(change.id))).toBe(true);
  });

  it('marks what was already there as persisting and what went away as resolved; neither needs approval', async () => {
    const fixed = await diff(table(PITR_OFF), table(PITR_ON));
    expect(fixed.findings.find((f) => f.ruleId === 'dynamodb.pitr')?.status).toBe('resolved');
    const same = await diff(table(PITR_OFF), table(PITR_OFF) + '# a comment only\n');
    expect(same.findings.find((f) => f.ruleId === 'dynamodb.pitr')?.status).toBe('persisting');
    expect(same.changes).toMatchObject({ unchanged: 1 });
    expect(same.approval).toEqual({ required: false, reasons: [] });
  });

  it('needs no approval for a newly introduced finding that is suppressed or below the configured severities', async () => {
    const suppressed: EngineConfig = { ...DEFAULT_CONFIG, suppressions: [{ rule: 'dynamodb.pitr', resource: 'Orders', reason: 'rebuilt nightly', expires: '2099-01-01' }] };
    const d = await diff(table(PITR_ON), table(PITR_OFF), suppressed);
    expect(d.approval.reasons.map((r) => r.ruleId)).toEqual(['test.pitr-lost']);
    const lenient: EngineConfig = { ...DEFAULT_CONFIG, approval: { severities: ['critical'], paths: [], exemptAccessLevels: ['List', 'Read'], services: [] } };
    const d2 = await diff(table(PITR_ON), table(PITR_OFF), lenient);
    expect(d2.approval.reasons.map((r) => r.ruleId)).toEqual(['test.pitr-lost']);
  });

  it('fails closed on a head file that cannot be parsed', async () => {
    const d = await diff(table(PITR_ON), 'Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties: [broken\n');
    expect(d.approval.required).toBe(true);
    const reason = d.approval.reasons.find((r) => r.ruleId === 'iac.parseable')!;
    expect(reason.file).toBe('t.yaml');
    expect(reason.findingIds?.length).toBe(1);
  });

  it('fails closed on a template that no longer reads as infrastructure code at all', async () => {
    const d = await diff(table(PITR_ON), 'Resources:\n  Orders: [broken\n');
    expect(d.approval.reasons).toEqual([expect.objectContaining({ ruleId: 'iac.parseable', file: 't.yaml', message: expect.stringMatching(/can no longer be read/) })]);
  });

  it('requires approval for changes to configured paths', async () => {
    const config: EngineConfig = { ...DEFAULT_CONFIG, approval: { severities: ['critical', 'high'], paths: ['infra/prod/**', '*.tfvars'], exemptAccessLevels: ['List', 'Read'], services: [] } };
    const d = await diff(table(PITR_ON), table(PITR_ON), config, ['infra/prod/db.tf', 'envs/dev.tfvars', 'docs/x.md']);
    expect(d.approval.reasons.map((r) => r.file)).toEqual(['infra/prod/db.tf', 'envs/dev.tfvars']);
  });
});

describe('globMatchesPath', () => {
  it.each([
    ['infra/prod/**', 'infra/prod/a/b.tf', true],
    ['infra/prod/**', 'infra/production/b.tf', false],
    ['*.tfvars', 'envs/prod.tfvars', true],
    ['infra/*.tf', 'infra/a/b.tf', false],
    ['**/iam.tf', 'x/y/iam.tf', true],
  ])('%s ~ %s → %s', (glob, path, expected) => {
    expect(globMatchesPath(glob, path)).toBe(expected);
  });
});

describe('diffScans with Terraform moved blocks', () => {
  const bucket = (name: string) => `resource "aws_s3_bucket" "${name}" {\n  bucket = "orders-raw"\n  tags   = { data_classification = "orange", owner = "team" }\n}\n`;

  it('follows a rename: the bucket keeps its findings as persisting, nothing introduced or resolved', async () => {
    const base = await scan([{ path: 'infra/main.tf', content: bucket('raw') }], { now: NOW });
    const head = await scan([{ path: 'infra/main.tf', content: bucket('landing') + 'moved {\n  from = aws_s3_bucket.raw\n  to   = aws_s3_bucket.landing\n}\n' }], { now: NOW });
    expect(head.moves).toEqual([{ from: 'aws_s3_bucket.raw', to: 'aws_s3_bucket.landing', file: 'infra/main.tf' }]);
    const d = diffScans(base, head, { config: DEFAULT_CONFIG, changeRules: [] });
    expect(d.changes).toMatchObject({ added: 0, removed: 0, unchanged: 1 });
    const statuses = new Set(d.findings.filter((f) => f.resource.type === 'AWS::S3::Bucket').map((f) => f.status));
    expect([...statuses]).toEqual(['persisting']);
    expect(d.approval.required).toBe(false);
  });

  it('without the moved block the rename is a removal and an addition', async () => {
    const base = await scan([{ path: 'infra/main.tf', content: bucket('raw') }], { now: NOW });
    const head = await scan([{ path: 'infra/main.tf', content: bucket('landing') }], { now: NOW });
    expect(diffScans(base, head, { config: DEFAULT_CONFIG, changeRules: [] }).changes).toMatchObject({ added: 1, removed: 1 });
  });
});
