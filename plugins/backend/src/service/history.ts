import { createHash } from 'node:crypto';
import type { EntityRecord } from './types';

/**
 * What a history row records of an evaluation, and when a new evaluation is worth a row: the
 * history keeps one row per evaluation that changed something (a pillar score, the level, or the
 * set of findings), so trends show changes, not the refresh schedule.
 */
export interface ScoreSummary {
  pillars: Record<string, number | null>;
  level: string;
  /** Hash of the open finding ids (see `findingsHash`). */
  findingsHash: string;
}

export function summaryOf(r: Pick<EntityRecord, 'pillars' | 'level' | 'findingsHash'>): ScoreSummary {
  return { pillars: { ...r.pillars }, level: r.level, findingsHash: r.findingsHash };
}

/** The set of open findings as one value: their ids, sorted, hashed. */
export function findingsHash(ids: readonly string[]): string {
  return sha256([...ids].sort().join('\n'));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function changedSince(previous: ScoreSummary | undefined, next: ScoreSummary): boolean {
  if (!previous) return true;
  if (previous.level !== next.level) return true;
  const keys = new Set([...Object.keys(previous.pillars), ...Object.keys(next.pillars)]);
  for (const k of keys) if ((previous.pillars[k] ?? null) !== (next.pillars[k] ?? null)) return true;
  return previous.findingsHash !== next.findingsHash;
}

/**
 * Scores are stale when the last good evaluation is older than two refresh intervals (a refresh
 * failed or was skipped): they stay shown, marked with their age — nothing is deleted because AWS
 * could not be reached.
 */
export function staleness(evaluatedAt: string, now: Date, refreshIntervalMs: number): { stale: boolean; ageSeconds: number | null } {
  const age = now.getTime() - Date.parse(evaluatedAt);
  if (!Number.isFinite(age)) return { stale: true, ageSeconds: null };
  return { stale: age > 2 * refreshIntervalMs, ageSeconds: Math.max(0, Math.round(age / 1000)) };
}
