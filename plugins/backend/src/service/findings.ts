import type { Finding } from '@pillarguard/rules';

/**
 * A finding as stored and served: with at most RELATED_KEPT related resources (a rule over every
 * trail of an organisation can name hundreds) and their total in `relatedCount`.
 */
export type StoredFinding = Finding & { relatedCount?: number };

export const RELATED_KEPT = 20;

export function capRelated(f: Finding): StoredFinding {
  if (!f.related || f.related.length <= RELATED_KEPT) return f;
  return { ...f, related: f.related.slice(0, RELATED_KEPT), relatedCount: f.related.length };
}
