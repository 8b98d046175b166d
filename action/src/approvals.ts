/**
 * Whether the risky content of a pull request is approved, from its reviews. An approval counts
 * when it comes from a configured approver who is not the PR's author, is that reviewer's latest
 * decision (a later "changes requested" or a dismissal withdraws it), and was given on a commit
 * whose approval fingerprint equals the current one (what they reviewed is what is there now).
 */
export interface Review {
  user: { login: string } | null;
  state: string;
  commit_id: string | null;
  submitted_at?: string | null;
}

export interface ApprovalContext {
  author: string;
  /** Whether a login is a configured approver (team membership already resolved). */
  isApprover: (login: string) => boolean;
  /** The fingerprint Pillarguard computed for a commit of this PR, when it has seen it. */
  fingerprintAt: (sha: string) => string | undefined;
  current: string;
}

export interface ApprovalState {
  approved: boolean;
  /** Approvers whose approval covers the current content. */
  by: string[];
  /** Approvals that no longer count because the risky content changed since (login and commit). */
  stale: Array<{ login: string; sha: string }>;
}

const DECISIVE = ['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED'];

export function approvalState(reviews: readonly Review[], ctx: ApprovalContext): ApprovalState {
  // Reviews come oldest first from the API; sort anyway (stable) by submission time.
  const ordered = [...reviews].sort((a, b) => (a.submitted_at ?? '').localeCompare(b.submitted_at ?? ''));
  const latest = new Map<string, Review>();
  for (const r of ordered) {
    const login = r.user?.login;
    if (!login || !DECISIVE.includes(r.state.toUpperCase())) continue;
    latest.set(login.toLowerCase(), r);
  }
  const by: string[] = [];
  const stale: ApprovalState['stale'] = [];
  for (const r of latest.values()) {
    const login = r.user!.login;
    if (r.state.toUpperCase() !== 'APPROVED' || login.toLowerCase() === ctx.author.toLowerCase() || !ctx.isApprover(login)) continue;
    const at = r.commit_id ? ctx.fingerprintAt(r.commit_id) : undefined;
    if (at !== undefined && at === ctx.current) by.push(login);
    else stale.push({ login, sha: r.commit_id ?? '' });
  }
  return { approved: by.length > 0, by: by.sort(), stale };
}
