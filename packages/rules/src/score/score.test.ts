import type { Evaluation } from '../engine/types';
import type { Pillar, Severity, Verdict } from '../rules/types';
import { PILLARS } from '../rules/types';
import { scoreEvaluations } from './score';

let seq = 0;
function ev(pillar: Pillar, severity: Severity, verdict: Verdict, extra: Partial<Evaluation> = {}): Evaluation {
  seq += 1;
  return {
    ruleId: `test.rule-${seq}`,
    pillar,
    severity,
    verdict,
    message: `${verdict} ${seq}`,
    resource: { id: `R${seq}`, type: 'AWS::S3::Bucket', file: 'a.yaml', format: 'cloudformation', line: seq },
    ...extra,
  };
}

const noUnknownFail = { unknownAsFail: false as const };

describe('scoreEvaluations', () => {
  it('returns every pillar, null where nothing applies, and gold for an empty scan', () => {
    const s = scoreEvaluations([], noUnknownFail);
    expect(Object.keys(s.pillars).sort()).toEqual([...PILLARS].sort());
    for (const p of PILLARS) expect(s.pillars[p]).toEqual({ pillar: p, score: null, passed: 0, failed: 0, unknown: 0, weightPassed: 0, weightApplicable: 0 });
    expect(s.level).toBe('gold');
  });

  it('weights by severity: critical 10, high 5, medium 3, low 1', () => {
    // passed: high (5) + low (1) = 6; applicable: 6 + critical (10) + medium (3) = 19 → 31.58 → 32
    const s = scoreEvaluations([ev('encryption', 'high', 'pass'), ev('encryption', 'low', 'pass'), ev('encryption', 'critical', 'fail'), ev('encryption', 'medium', 'fail')], noUnknownFail);
    expect(s.pillars.encryption).toMatchObject({ score: 32, passed: 2, failed: 2, unknown: 0, weightPassed: 6, weightApplicable: 19 });
    expect(s.pillars.identity.score).toBeNull();
  });

  it('rounds half up with integer arithmetic', () => {
    // 1 of 8 low checks: 12.5 → 13; 3 of 8: 37.5 → 38
    const one = [ev('network', 'low', 'pass'), ...Array.from({ length: 7 }, () => ev('network', 'low', 'fail'))];
    expect(scoreEvaluations(one, noUnknownFail).pillars.network.score).toBe(13);
    const three = [...Array.from({ length: 3 }, () => ev('network', 'low', 'pass')), ...Array.from({ length: 5 }, () => ev('network', 'low', 'fail'))];
    expect(scoreEvaluations(three, noUnknownFail).pillars.network.score).toBe(38);
  });

  it('never shows 100 while something fails, nor 0 while something passes', () => {
    const nearlyAll = [...Array.from({ length: 300 }, () => ev('monitoring', 'low', 'pass')), ev('monitoring', 'low', 'fail')];
    expect(scoreEvaluations(nearlyAll, noUnknownFail).pillars.monitoring.score).toBe(99);
    const nearlyNone = [ev('monitoring', 'low', 'pass'), ...Array.from({ length: 300 }, () => ev('monitoring', 'low', 'fail'))];
    expect(scoreEvaluations(nearlyNone, noUnknownFail).pillars.monitoring.score).toBe(1);
  });

  it('info never moves a score, and a pillar with only info checks has no score', () => {
    const s = scoreEvaluations([ev('secrets', 'medium', 'pass'), ev('secrets', 'info', 'fail'), ev('recovery', 'info', 'pass')], noUnknownFail);
    expect(s.pillars.secrets).toMatchObject({ score: 100, passed: 1, failed: 1 });
    expect(s.pillars.recovery).toMatchObject({ score: null, passed: 1 });
  });

  it('leaves unknowns out of the ratio by default but counts them', () => {
    const s = scoreEvaluations([ev('identity', 'high', 'pass'), ev('identity', 'critical', 'unknown')], noUnknownFail);
    expect(s.pillars.identity).toMatchObject({ score: 100, passed: 1, unknown: 1, weightApplicable: 5 });
    expect(s.level).toBe('gold');
  });

  it('counts unknowns as failures everywhere with unknownAsFail: true', () => {
    const s = scoreEvaluations([ev('identity', 'high', 'pass'), ev('identity', 'critical', 'unknown')], { unknownAsFail: true });
    expect(s.pillars.identity).toMatchObject({ score: 33, passed: 1, failed: 0, unknown: 1, weightApplicable: 15 });
    expect(s.level).toBe('none');
  });

  it('counts unknowns as failures only in the listed pillars', () => {
    const evals = [ev('identity', 'medium', 'unknown'), ev('identity', 'medium', 'pass'), ev('network', 'high', 'unknown'), ev('network', 'medium', 'pass')];
    const s = scoreEvaluations(evals, { unknownAsFail: ['identity'] });
    expect(s.pillars.identity.score).toBe(50);
    expect(s.pillars.network.score).toBe(100);
    expect(s.level).toBe('silver'); // the medium unknown counts, the high one does not
  });

  it('treats suppressed failures and unknowns as not applicable', () => {
    const reason = { reason: 'accepted until the migration', expires: '2099-01-01' };
    const s = scoreEvaluations([ev('recovery', 'medium', 'pass'), ev('recovery', 'critical', 'fail', { suppressed: reason }), ev('recovery', 'high', 'unknown', { suppressed: reason })], { unknownAsFail: true });
    expect(s.pillars.recovery).toEqual({ pillar: 'recovery', score: 100, passed: 1, failed: 0, unknown: 0, weightPassed: 3, weightApplicable: 3 });
    expect(s.level).toBe('gold');
  });

  it('still counts a pass that happens to carry a suppression', () => {
    const s = scoreEvaluations([ev('recovery', 'low', 'pass', { suppressed: { reason: 'stale' } })], noUnknownFail);
    expect(s.pillars.recovery).toMatchObject({ passed: 1, score: 100 });
  });

  it.each<[Severity[], string]>([
    [[], 'gold'],
    [['info'], 'silver'],
    [['low', 'medium'], 'silver'],
    [['high'], 'bronze'],
    [['medium', 'high'], 'bronze'],
    [['critical'], 'none'],
  ])('failures %j give level %s', (failing, level) => {
    const evals = [ev('network', 'critical', 'pass'), ...failing.map((sev) => ev('network', sev, 'fail'))];
    expect(scoreEvaluations(evals, noUnknownFail).level).toBe(level);
  });

  it('does not depend on the order of evaluations', () => {
    const evals = [ev('identity', 'high', 'pass'), ev('identity', 'low', 'fail'), ev('network', 'critical', 'fail'), ev('secrets', 'medium', 'unknown')];
    expect(scoreEvaluations([...evals].reverse(), { unknownAsFail: true })).toEqual(scoreEvaluations(evals, { unknownAsFail: true }));
  });
});
