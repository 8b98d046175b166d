import { approvalState, type Review } from './approvals';

const OLD = '1'.repeat(40);
const NEW = '2'.repeat(40);
const OTHER = '3'.repeat(40);
let t = 0;
const review = (login: string, state: string, sha = NEW): Review => ({ user: { login }, state, commit_id: sha, submitted_at: `2026-11-28T10:00:${String(t++).padStart(2, '0')}Z` });
const ctx = (fingerprints: Record<string, string> = { [OLD]: 'f1', [NEW]: 'f1', [OTHER]: 'f2' }) => ({
  author: 'dev',
  isApprover: (l: string) => ['lead', 'sec', 'dev'].includes(l),
  fingerprintAt: (sha: string) => fingerprints[sha],
  current: 'f1',
});

describe('approvalState', () => {
  it('an approver approving the head counts', () => {
    expect(approvalState([review('lead', 'APPROVED')], ctx())).toEqual({ approved: true, by: ['lead'], stale: [] });
  });
  it('an approval on an older commit with the same risky content still counts', () => {
    expect(approvalState([review('lead', 'APPROVED', OLD)], ctx()).approved).toBe(true);
  });
  it('an approval on a commit whose risky content differs, or that Pillarguard never saw, does not', () => {
    expect(approvalState([review('lead', 'APPROVED', OTHER)], ctx())).toEqual({ approved: false, by: [], stale: [{ login: 'lead', sha: OTHER }] });
    expect(approvalState([review('lead', 'APPROVED', '4'.repeat(40))], ctx()).approved).toBe(false);
  });
  it('the author, and reviewers who are not approvers, never count', () => {
    expect(approvalState([review('dev', 'APPROVED'), review('random', 'APPROVED')], ctx()).approved).toBe(false);
  });
  it("a later 'changes requested' or dismissal by the same approver withdraws it; comments do not", () => {
    expect(approvalState([review('lead', 'APPROVED'), review('lead', 'CHANGES_REQUESTED')], ctx()).approved).toBe(false);
    expect(approvalState([review('lead', 'APPROVED'), review('lead', 'DISMISSED')], ctx()).approved).toBe(false);
    expect(approvalState([review('lead', 'APPROVED'), review('lead', 'COMMENTED')], ctx()).approved).toBe(true);
    expect(approvalState([review('lead', 'CHANGES_REQUESTED'), review('lead', 'APPROVED')], ctx()).approved).toBe(true);
  });
  it("another approver's 'changes requested' does not withdraw an approval", () => {
    expect(approvalState([review('lead', 'APPROVED'), review('sec', 'CHANGES_REQUESTED')], ctx())).toMatchObject({ approved: true, by: ['lead'] });
  });
});
