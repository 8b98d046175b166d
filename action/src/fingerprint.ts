import { createHash } from 'node:crypto';
import type { ApprovalDecision } from '@pillarguard/rules';

/**
 * What a reviewer approves: the approval reasons (rule, resource and what it says was granted or
 * lost), not the commit. A push that leaves them as they are keeps the approval; one that changes
 * what is risky lapses it — finer than GitHub's "dismiss stale approvals", which drops every
 * approval on any push. Lines are left out (reasons carry them apart from the message, and moving
 * code is not a new risk); for reasons that are
 * about a file as a whole (a path that always needs approval, a file that cannot be read) the
 * file's content (its git blob id) is part of it.
 */
export function approvalFingerprint(decision: ApprovalDecision, blobOf: (file: string) => string | undefined = () => undefined): string {
  if (!decision.required) return 'none';
  const parts = decision.reasons
    .map((r) => JSON.stringify([r.ruleId ?? '', r.resource ?? '', r.message, r.file && !r.ruleId ? (blobOf(r.file) ?? '?') : '']))
    .sort();
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}
