import type { ScoreLevel } from '../engine/types';
import type { Severity } from '../rules/types';

/** What the level needs to know about the failures that count (suppressed ones already removed). */
export interface CountedFailures {
  /** Failing evaluations by severity, including unknowns that configuration counts as failures. */
  bySeverity: Readonly<Record<Severity, number>>;
}

/**
 * Scorecard tier: gold when nothing that counts fails (unknowns are allowed unless configuration
 * counts them as failures), silver with no critical or high failure, bronze with no critical
 * failure, otherwise none. An `info` failure keeps a service out of gold — it is still a failing
 * check — even though it never moves a score.
 */
export function scoreLevel(failures: CountedFailures): ScoreLevel {
  const f = failures.bySeverity;
  const total = f.critical + f.high + f.medium + f.low + f.info;
  if (total === 0) return 'gold';
  if (f.critical === 0 && f.high === 0) return 'silver';
  if (f.critical === 0) return 'bronze';
  return 'none';
}
