import type { Finding } from '../engine/types';
import { scoreEvaluations } from '../score';
import { FINDINGS, HOSTILE, TOOL, emptyScan, hostileScan } from './__fixtures__/hostile-scan';
import { toMarkdownReport } from './markdown';

function manyFindings(n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({ ...FINDINGS[1], id: i.toString(16).padStart(16, '0'), resource: { ...FINDINGS[1].resource, id: `aws_dynamodb_table.t${i}`, line: i + 1 }, message: `PITR is off on table ${i} ${'x'.repeat(200)}` }));
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** Table rows must all have as many unescaped cell separators as the header. */
function tableRowsAreWhole(md: string): boolean {
  const rows = md.split('\n').filter((l) => l.startsWith('|'));
  const cells = rows.map((r) => r.replace(/\\\|/g, '').split('|').length);
  return cells.every((c) => c === cells[0]);
}

describe('toMarkdownReport', () => {
  const md = toMarkdownReport(hostileScan(), { tool: TOOL });

  it('lets no input-derived HTML, mention, link or image through', () => {
    expect(md).not.toContain(HOSTILE.html);
    expect(md).not.toMatch(/<(img|script|b)\b/i);
    expect(md).not.toMatch(/@(?!&#8203;)/);
    expect(md).not.toContain('](');
    expect(md).not.toContain('http://');
    expect(md).not.toContain('https://');
    expect(md).not.toContain('\u001b');
    expect(md).not.toContain('\u202e');
  });

  it('keeps the pillar table and every <details> block well-formed', () => {
    expect(tableRowsAreWhole(md)).toBe(true);
    expect(count(md, '<details')).toBe(count(md, '</details>'));
    expect(count(md, '<details')).toBeGreaterThan(0);
  });

  it('only ever emits HTML tags of its own', () => {
    const tags = new Set([...md.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['details', 'strong', 'sub', 'summary']);
  });

  it('groups open findings by severity, critical and high expanded', () => {
    expect(md.indexOf('<strong>Critical</strong>')).toBeLessThan(md.indexOf('<strong>High</strong>'));
    expect(md).toContain('<details open>\n<summary><strong>High</strong> — 3 findings</summary>');
    expect(md).toContain('<details>\n<summary><strong>Low</strong> — 1 finding</summary>');
    expect(md).not.toContain('<strong>Info</strong>'); // the only info finding is resolved
  });

  it('shows remediation in the language of the input format, once per rule', () => {
    expect(md).toContain('```yaml\nPubliclyAccessible: false\n```');
    expect(md).toContain('```hcl\npoint_in_time_recovery {');
    expect(count(md, 'point_in_time_recovery {')).toBe(1);
    expect(md).toContain('Fix (Terraform): as in the first `dynamodb.pitr` finding above.');
  });

  it('uses a longer fence when the snippet holds backticks', () => {
    const withTicks = toMarkdownReport(hostileScan([FINDINGS[3], { ...FINDINGS[2], resource: { ...FINDINGS[2].resource, format: 'cloudformation' } }]), { tool: TOOL });
    expect(withTicks).toContain('````yaml\nPointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true\n# ``` a fence in a comment\n````');
  });

  it('never invents a line number', () => {
    expect(md).toContain('- **Where:** plan\\.json\n');
    expect(md).toMatch(/suppressed|Suppressed/);
    expect(md).toContain('at snapshot\\.json:');
  });

  it('shows base → head scores when the base is given', () => {
    const base = scoreEvaluations([], { unknownAsFail: false });
    const out = toMarkdownReport(hostileScan(), { tool: TOOL, baseScores: base });
    expect(out).toContain('| Pillar | Score (base → head) | Passed | Failed | Unknown |');
    expect(out).toContain('| Network | — → 50 | 1 | 1 | 0 |');
  });

  it('states the approval decision', () => {
    expect(toMarkdownReport(emptyScan(), { tool: TOOL, approval: { required: false, reasons: [] } })).toContain('**No approval required.**');
    const needed = toMarkdownReport(emptyScan(), { tool: TOOL, approval: { required: true, reasons: [{ message: `${HOSTILE.mention} widened ${HOSTILE.link}` }] } });
    expect(needed).toContain('### Approval required');
    expect(needed).toContain('- @&#8203;octocat widened \\[link\\]\\(http\\:&#8203;\\/\\/evil\\)');
  });

  it('reports an empty scan briefly', () => {
    const out = toMarkdownReport(emptyScan(), { tool: TOOL });
    expect(out).toContain('**Level: gold** · no open findings');
    expect(out).not.toContain('<details');
  });

  it('is deterministic whatever the input order', () => {
    const reversed = hostileScan([...FINDINGS].reverse());
    reversed.errors.reverse();
    reversed.notes.reverse();
    expect(toMarkdownReport(reversed, { tool: TOOL })).toBe(md);
  });

  describe('size limit', () => {
    it('stays under GitHub’s comment limit by default and says what it left out', () => {
      const big = hostileScan(manyFindings(1_000));
      const out = toMarkdownReport(big, { tool: TOOL });
      expect(out.length).toBeLessThanOrEqual(65_000);
      expect(out).toMatch(/> \*\*Report truncated:\*\* \d+ more entries not shown, to stay under 65,000 characters\./);
      expect(count(out, '<details')).toBe(count(out, '</details>'));
      expect(out.endsWith('</sub>\n')).toBe(true);
    });

    it('counts every entry it drops', () => {
      const big = hostileScan(manyFindings(50));
      const out = toMarkdownReport(big, { tool: TOOL, maxLength: 6_000 });
      expect(out.length).toBeLessThanOrEqual(6_000);
      const shown = count(out, '**`dynamodb.pitr`**');
      const omitted = Number(/(\d+) more entr/.exec(out)?.[1]);
      // 50 findings + 2 errors + 2 notes + 1 skipped entry, none suppressed or resolved
      expect(shown + 2 + omitted).toBe(50 + 2 + 2 + 1);
    });

    it('does not truncate what fits', () => {
      expect(toMarkdownReport(hostileScan(), { tool: TOOL, maxLength: md.length })).toBe(md);
    });

    it('degrades to a notice when not even the header fits', () => {
      const out = toMarkdownReport(hostileScan(), { tool: TOOL, maxLength: 120 });
      expect(out.length).toBeLessThanOrEqual(120);
      expect(out).toContain('Report truncated');
    });
  });
});

describe('toMarkdownReport for a pull request', () => {
  it('collapses findings that were already present, after the new ones', () => {
    const base = hostileScan();
    const findings = base.findings.filter((f) => !f.suppressed && f.status !== 'resolved');
    const [first, ...rest] = findings;
    const result = { ...base, findings: [{ ...first, status: 'introduced' as const }, ...rest.map((f) => ({ ...f, status: 'persisting' as const }))] };
    const md = toMarkdownReport(result, { tool: { name: 'pillarguard', version: '0.1.0' } });
    const summary = `<summary>Already present before this change — ${rest.length} finding${rest.length === 1 ? '' : 's'}</summary>`;
    expect(md).toContain(summary);
    expect(md.indexOf('## Findings')).toBeLessThan(md.indexOf(summary));
    expect(md.slice(md.indexOf(summary) - 20, md.indexOf(summary))).toMatch(/<details>\s*$/);
  });
});

describe('toMarkdownReport: links to the reviewed version', () => {
  const withFinding = () => {
    const r = emptyScan();
    r.findings = [{ id: 'x', ruleId: 'kms.rotation', pillar: 'encryption', severity: 'high', title: 'Keys rotate', verdict: 'fail', status: 'introduced', message: 'rotation off', resource: { id: 'Key', type: 'AWS::KMS::Key', file: 'stacks/a b.yaml', format: 'cloudformation', line: 7 }, remediation: { cloudformation: '', terraform: '' } }];
    return r;
  };
  it('links file:line to the address the caller builds', () => {
    const md = toMarkdownReport(withFinding(), { tool: TOOL, sourceUrl: (file, line) => `https://github.com/acme/infra/blob/${'a'.repeat(40)}/${file.split('/').map(encodeURIComponent).join('/')}#L${line}` });
    expect(md).toContain(`- **Where:** [stacks/a b\\.yaml:7](https://github.com/acme/infra/blob/${'a'.repeat(40)}/stacks/a%20b.yaml#L7)`);
  });
  it('refuses an address that is not a plain https URL (the text stays unlinked)', () => {
    for (const bad of ['javascript:alert(1)', 'http://x', 'https://x/a b', 'https://x/(y)']) {
      const md = toMarkdownReport(withFinding(), { tool: TOOL, sourceUrl: () => bad });
      expect(md).toContain('- **Where:** stacks/a b\\.yaml:7\n');
    }
  });
});
