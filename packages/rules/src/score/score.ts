import type { Evaluation, PillarScore, Scores } from '../engine/types';
import { PILLARS, type Pillar, type Severity } from '../rules/types';
import { scoreLevel } from './level';
import { percentScore } from './round';
import { SEVERITY_WEIGHTS } from './weights';

export interface ScoreOptions {
  /** Count unknown verdicts as failures: everywhere (`true`), nowhere (`false`) or in the listed pillars. */
  unknownAsFail: boolean | readonly Pillar[];
}

function unknownCountsAsFail(option: ScoreOptions['unknownAsFail'], pillar: Pillar): boolean {
  return typeof option === 'boolean' ? option : option.includes(pillar);
}

function emptyPillar(pillar: Pillar): PillarScore {
  return { pillar, score: null, passed: 0, failed: 0, unknown: 0, weightPassed: 0, weightApplicable: 0 };
}

/**
 * Per-pillar scores and the overall level from every evaluation of a scan.
 *
 * - score = 100 × Σ weight(passed) / Σ weight(applicable), an integer (see `percentScore`);
 *   `null` when no weighted evaluation applies to the pillar.
 * - An unknown verdict is counted (`unknown`) but left out of the applicable weight, unless
 *   `unknownAsFail` covers its pillar: then its weight is applicable and not passed, and it counts
 *   as a failure of its severity for the level.
 * - A suppressed evaluation (a failure or unknown the configuration accepts as a known risk, with a
 *   reason and an expiry) is treated as not applicable: it is on neither side of the ratio, not in
 *   the counts and not in the level. Reports list it separately as suppressed, so it stays visible
 *   without a reviewed, time-boxed exception dragging the score down until it expires.
 */
export function scoreEvaluations(evaluations: readonly Evaluation[], options: ScoreOptions): Scores {
  const pillars = Object.fromEntries(PILLARS.map((p) => [p, emptyPillar(p)])) as Record<Pillar, PillarScore>;
  const failuresBySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

  for (const e of evaluations) {
    if (e.suppressed && e.verdict !== 'pass') continue;
    const p = pillars[e.pillar];
    if (!p) continue; // a pillar outside the catalog cannot be scored; the engine never produces one
    const weight = SEVERITY_WEIGHTS[e.severity];
    if (e.verdict === 'pass') {
      p.passed += 1;
      p.weightPassed += weight;
      p.weightApplicable += weight;
    } else if (e.verdict === 'fail') {
      p.failed += 1;
      p.weightApplicable += weight;
      failuresBySeverity[e.severity] += 1;
    } else {
      p.unknown += 1;
      if (unknownCountsAsFail(options.unknownAsFail, e.pillar)) {
        p.weightApplicable += weight;
        failuresBySeverity[e.severity] += 1;
      }
    }
  }

  for (const p of Object.values(pillars)) {
    p.score = p.weightApplicable > 0 ? percentScore(p.weightPassed, p.weightApplicable) : null;
  }
  return { pillars, level: scoreLevel({ bySeverity: failuresBySeverity }) };
}
