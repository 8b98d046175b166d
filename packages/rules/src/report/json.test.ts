import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from '../../schema/report.schema.json';
import type { Finding } from '../engine/types';
import { FINDINGS, HOSTILE, TOOL, emptyScan, hostileScan } from './__fixtures__/hostile-scan';
import { toJsonReport } from './json';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(report: unknown): void {
  const ok = validate(report);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
}

const approval = { required: true, reasons: [{ ruleId: 'iam.new-access', message: `new s3:GetObject on red data for ${HOSTILE.mention}`, resource: 'aws_iam_role.app', file: 'infra/iam.tf', line: 9 }, { message: 'bad.yaml could not be parsed' }] };

describe('toJsonReport', () => {
  it('produces reports that satisfy the published schema', () => {
    expectValid(toJsonReport(hostileScan(), { tool: TOOL }));
    expectValid(toJsonReport(emptyScan(), { tool: TOOL }));
    expectValid(toJsonReport(hostileScan(), { tool: TOOL, approval }));
    expectValid(JSON.parse(JSON.stringify(toJsonReport(hostileScan(), { tool: TOOL, approval }))));
  });

  it('has a schema strict enough to reject what the report never contains', () => {
    const good = toJsonReport(hostileScan(), { tool: TOOL });
    expect(validate({ ...good, extra: true })).toBe(false);
    expect(validate({ ...good, schemaVersion: 2 })).toBe(false);
    expect(validate({ ...good, level: 'platinum' })).toBe(false);
    expect(validate({ ...good, findings: [{ ...good.findings[0], severity: 'urgent' }] })).toBe(false);
    expect(validate({ ...good, findings: [{ ...good.findings[0], resource: { ...good.findings[0].resource, line: 0 } }] })).toBe(false);
    expect(validate({ ...good, requiresApproval: true })).toBe(false); // reasons must come with the flag
    const { scores, ...withoutScores } = good;
    expect(scores).toBeDefined();
    expect(validate(withoutScores)).toBe(false);
  });

  it('carries the versioned header, tool and time as given', () => {
    const r = toJsonReport(hostileScan(), { tool: TOOL });
    expect(r.schemaVersion).toBe(1);
    expect(r.tool).toEqual(TOOL);
    expect(r.generatedAt).toBe('2026-03-01T12:00:00.000Z');
    expect(r.requiresApproval).toBeUndefined();
    expect(r.approvalReasons).toBeUndefined();
  });

  it('sorts findings by severity, then file, line and rule id', () => {
    const ids = toJsonReport(hostileScan(), { tool: TOOL }).findings.map((f) => `${f.severity} ${f.resource.file}:${f.resource.line ?? '-'} ${f.ruleId}`);
    expect(ids).toEqual([
      `critical templates/${HOSTILE.html}.yaml:12 rds.not-public`,
      'high bad.yaml:4 iac.parseable',
      `high infra/${HOSTILE.pipes}.tf:3 dynamodb.pitr`,
      'high plan.json:- dynamodb.pitr',
      'low cdk.out/Stack.template.json:40 s3.versioning',
      'low snapshot.json:- logs.retention',
      'info templates/app.yaml:7 iac.owner',
    ]);
  });

  it('is the same whatever order the engine produced things in', () => {
    const a = hostileScan();
    const b = hostileScan([...FINDINGS].reverse());
    b.errors.reverse();
    b.notes.reverse();
    b.inputs.reverse();
    expect(JSON.stringify(toJsonReport(b, { tool: TOOL }))).toBe(JSON.stringify(toJsonReport(a, { tool: TOOL })));
  });

  it('keeps input strings verbatim (escaping is the renderers’ job) and invents no line', () => {
    const r = toJsonReport(hostileScan(), { tool: TOOL });
    const plan = r.findings.find((f) => f.resource.file === 'plan.json');
    expect(plan?.resource).toEqual({ id: 'module.x.aws_dynamodb_table.y["a"]', type: 'AWS::DynamoDB::Table', file: 'plan.json', format: 'terraform-plan', address: 'module.x.aws_dynamodb_table.y["a"]' });
    expect(r.findings[0].resource.id).toBe(HOSTILE.link);
    expect(r.errors).toEqual([
      { file: 'bad.yaml', line: 4, column: 2, message: 'unexpected `]` at <b>here</b>' },
      { file: `broken ${HOSTILE.mention}.tf`, message: `cannot read: ${HOSTILE.newline}` },
    ]);
  });

  it('maps classification, suppression and status, and drops fields the contract does not have', () => {
    const sneaky = { ...FINDINGS[1], internal: 'secret' } as Finding;
    const r = toJsonReport(hostileScan([sneaky, FINDINGS[4]]), { tool: TOOL });
    const pitr = r.findings.find((f) => f.ruleId === 'dynamodb.pitr');
    expect(pitr?.classification).toBe('red');
    expect(pitr).not.toHaveProperty('internal');
    expect(pitr).not.toHaveProperty('level');
    expect(r.findings.find((f) => f.ruleId === 'logs.retention')?.suppressed).toEqual({ reason: 'accepted by @security-team, see https://evil.example/[x]', expires: '2099-12-31' });
  });

  it('summarises open, suppressed and resolved findings separately', () => {
    const s = toJsonReport(hostileScan(), { tool: TOOL }).summary;
    expect(s.findings).toEqual({
      total: 7,
      open: 5,
      suppressed: 1,
      resolved: 1,
      bySeverity: { critical: 1, high: 3, medium: 0, low: 1, info: 0 },
      byVerdict: { fail: 4, unknown: 1 },
      byStatus: { present: 4, introduced: 2, resolved: 1, persisting: 0 },
    });
    expect(s.evaluations).toEqual({ total: 11, pass: 5, fail: 5, unknown: 1 });
    expect([s.inputs, s.resources, s.errors, s.notes, s.skipped]).toEqual([3, 4, 2, 2, 1]);
  });

  it('reports the approval decision when one is given', () => {
    const r = toJsonReport(hostileScan(), { tool: TOOL, approval });
    expect(r.requiresApproval).toBe(true);
    expect(r.approvalReasons).toEqual(approval.reasons);
  });
});
