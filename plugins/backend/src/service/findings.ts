import { ALL_RULES, SUPPRESSION_EXPIRED, type Finding, type RuleMeta } from '@pillarguard/rules';

/**
 * A finding as stored: without the rule's title and remediation snippets (the same text on every
 * finding of a rule: they are added back from the rule catalog when served), and with at most
 * RELATED_KEPT related resources (a rule over every trail of an organisation can name hundreds).
 */
export type StoredFinding = Omit<Finding, 'title' | 'remediation'> & { relatedCount?: number };

export const RELATED_KEPT = 20;

const META = new Map<string, RuleMeta>([...ALL_RULES, SUPPRESSION_EXPIRED].map((r) => [r.id, r]));

export function slim(f: Finding): StoredFinding {
  const { title: _title, remediation: _remediation, ...rest } = f;
  if (!rest.related || rest.related.length <= RELATED_KEPT) return rest;
  return { ...rest, related: rest.related.slice(0, RELATED_KEPT), relatedCount: rest.related.length };
}

export function hydrate(f: StoredFinding): Finding & { relatedCount?: number } {
  const rule = META.get(f.ruleId);
  return { ...f, title: rule?.title ?? f.ruleId, remediation: rule?.remediation ?? { cloudformation: '', terraform: '' } };
}
