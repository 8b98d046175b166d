import type { Severity } from '../rules/types';

/**
 * How much one evaluation of each severity counts in a pillar score (DESIGN.md, "Pillars and
 * scores"). `info` weighs nothing on purpose: informational checks are shown but never move a score.
 */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 5,
  medium: 3,
  low: 1,
  info: 0,
};
