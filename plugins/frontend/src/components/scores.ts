import type { Level } from '../api/types';

/** Score bands of the heat map and the bars: the same thresholds everywhere. */
export function scoreBand(score: number | null | undefined): 'good' | 'fair' | 'poor' | 'none' {
  if (score === null || score === undefined) return 'none';
  if (score >= 90) return 'good';
  if (score >= 70) return 'fair';
  return 'poor';
}

/** Colours with at least 4.5:1 contrast against white text (WCAG AA), and a neutral for "no rule applies". */
export const BAND_COLOURS = { good: '#1b5e20', fair: '#8a4b00', poor: '#b71c1c', none: '#616161' } as const;

export const LEVEL_LABELS: Record<Level, string> = { none: 'No level', bronze: 'Bronze', silver: 'Silver', gold: 'Gold' };

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? 'n/a' : String(Math.round(score));
}

/** "3 hours ago" from seconds, for the stale mark and the last evaluation. */
export function formatAge(seconds: number | null): string {
  if (seconds === null) return 'unknown age';
  if (seconds < 90) return `${seconds} s ago`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86400)} days ago`;
}
