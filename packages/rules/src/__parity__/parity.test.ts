import { ALL_RULES } from '../rules';
import { runCase, type ParityCase } from './harness';
import { CASES } from './cases';

/**
 * For every case: each format that expresses it gets the expected verdict — hence all formats
 * agree. A failure message lists every format's verdict and messages, so a parity break shows
 * which adapter differs.
 */
describe('parity across formats', () => {
  it.each(CASES.map((c) => [`${c.rule}: ${c.name}`, c] as const))('%s', async (_name, c: ParityCase) => {
    const verdicts = await runCase(c);
    expect(verdicts.length).toBeGreaterThan(0);
    const report = verdicts.map((v) => `${v.format}: ${v.verdict}${v.errors.length ? ` errors=${v.errors.join('; ')}` : ''} ${v.messages.join(' | ')}`).join('\n');
    for (const v of verdicts) {
      expect({ format: v.format, verdict: v.verdict, report }).toEqual({ format: v.format, verdict: c.expect, report });
    }
  });

  it('gives every case every format its rule allows, or a reason for leaving one out', () => {
    const rules = new Map(ALL_RULES.map((r) => [r.id, r]));
    const gaps: string[] = [];
    for (const c of CASES) {
      const rule = rules.get(c.rule);
      if (!rule) {
        gaps.push(`${c.name}: no rule ${c.rule}`);
        continue;
      }
      const allowed = rule.formats ?? ['cloudformation', 'cdk', 'terraform', 'terraform-plan', 'aws-config'];
      const need: Array<['cloudformation' | 'terraform' | 'plan' | 'config', boolean, boolean]> = [
        ['cloudformation', allowed.includes('cloudformation'), c.cloudformation !== undefined],
        ['terraform', allowed.includes('terraform'), c.terraform !== undefined],
        ['plan', allowed.includes('terraform-plan'), c.plan !== undefined],
        ['config', allowed.includes('aws-config'), c.config !== undefined],
      ];
      for (const [fmt, wanted, present] of need) if (wanted && !present && !c.omit?.[fmt]) gaps.push(`${c.rule}: ${c.name}: no ${fmt} variant and no reason`);
    }
    expect(gaps).toEqual([]);
  });

  /** Rules that cannot pass on a resource they apply to, with the reason. */
  const FAIL_ONLY: Record<string, string> = {
    'secrets.access-keys': 'every IAM access key written in IaC is a long-lived credential; the rule has nothing to pass',
  };

  it('covers every rule that runs on resources with a failing and a passing case', () => {
    const byRule = new Map<string, Set<string>>();
    for (const c of CASES) byRule.set(c.rule, new Set([...(byRule.get(c.rule) ?? []), c.expect]));
    const missing = ALL_RULES.filter((r) => r.appliesTo.length > 0)
      .filter((r) => !byRule.get(r.id)?.has('fail') || (!byRule.get(r.id)?.has('pass') && !FAIL_ONLY[r.id]))
      .map((r) => r.id);
    expect(missing).toEqual([]);
  });
});
