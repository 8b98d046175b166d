import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The example pull request (examples/pr/README.md) through the built CLI: it needs approval, for
 * the reasons the README lists, and the reordered statement is not one of them.
 */
const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'packages/cli/dist/bin.js');

function diff(format: string): { code: number; stdout: string } {
  try {
    const stdout = execFileSync(process.execPath, [BIN, 'diff', '--base', 'examples/pr/base', '--head', 'examples/pr/head', '--format', format], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, stdout };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, stdout: err.stdout };
  }
}

describe('the example pull request', () => {
  const json = diff('json');
  const report = JSON.parse(json.stdout) as {
    requiresApproval: boolean;
    approvalReasons: Array<{ ruleId?: string; findingIds?: string[] }>;
    findings: Array<{ id: string; ruleId: string; status: string }>;
  };

  it('needs approval (exit 1)', () => {
    expect(json.code).toBe(1);
    expect(report.requiresApproval).toBe(true);
  });

  it('for the regressions and new findings the README lists', () => {
    const rules = new Set(report.approvalReasons.map((r) => r.ruleId));
    for (const rule of ['iam.new-access', 'iam.trust-broadened', 'kms.rotation-disabled', 'encryption.downgraded', 'exposure.increased', 'kms.rotation', 'dynamodb.cmk', 'iam.trust-too-broad', 'iam.service-wildcard', 'redshift.not-public']) {
      expect([rule, rules.has(rule)]).toEqual([rule, true]);
    }
  });

  it('every reason points at findings of the report', () => {
    const ids = new Set(report.findings.map((f) => f.id));
    for (const r of report.approvalReasons) for (const id of r.findingIds ?? []) expect(ids.has(id)).toBe(true);
  });

  it('the Markdown comment leads with the verdict', () => {
    const md = diff('markdown').stdout;
    expect(md.split('\n').slice(0, 12).join('\n')).toMatch(/approval/i);
  });
});
