import { ALL_RULES, SUPPRESSION_EXPIRED, type Finding } from '@pillarguard/rules';

/**
 * A finding as stored and served: with the rule's rationale (why it matters, for the entity
 * page), and at most RELATED_KEPT related resources (a rule over every trail of an organisation
 * can name hundreds) with their total in `relatedCount`.
 */
export type StoredFinding = Finding & { rationale?: string; relatedCount?: number };

export const RELATED_KEPT = 20;

const RATIONALE = new Map<string, string>([...ALL_RULES, SUPPRESSION_EXPIRED].map((r) => [r.id, r.rationale]));

export function served(f: Finding): StoredFinding {
  const out: StoredFinding = { ...f };
  const rationale = RATIONALE.get(f.ruleId);
  if (rationale) out.rationale = rationale;
  if (f.related && f.related.length > RELATED_KEPT) {
    out.related = f.related.slice(0, RELATED_KEPT);
    out.relatedCount = f.related.length;
  }
  return out;
}
