import { targetOf } from './event';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const pr = (extra: object = {}) => ({ action: 'synchronize', pull_request: { number: 7, user: { login: 'dev' }, base: { sha: A, repo: { full_name: 'acme/infra' } }, head: { sha: B, repo: { full_name: 'acme/infra' } }, ...extra } });

describe('targetOf', () => {
  it('a pull request, from pull_request and pull_request_target', () => {
    for (const e of ['pull_request', 'pull_request_target']) expect(targetOf(e, pr())).toEqual({ kind: 'pull-request', number: 7, baseSha: A, headSha: B, author: 'dev', fork: false });
  });
  it('a fork', () => {
    expect(targetOf('pull_request_target', pr({ head: { sha: B, repo: { full_name: 'someone/infra' } } }))).toMatchObject({ fork: true });
  });
  it('a review submitted, dismissed or edited re-evaluates; other review actions do not', () => {
    expect(targetOf('pull_request_review', { ...pr(), action: 'dismissed' })).toMatchObject({ kind: 'pull-request', review: { action: 'dismissed' } });
    expect(targetOf('pull_request_review', { ...pr(), action: 'requested' })).toMatchObject({ kind: 'unsupported' });
  });
  it('a merge group', () => {
    expect(targetOf('merge_group', { merge_group: { base_sha: A, head_sha: B } })).toEqual({ kind: 'merge-group', baseSha: A, headSha: B });
  });
  it('any other event, or a payload without commits, is unsupported with a reason', () => {
    expect(targetOf('push', {})).toMatchObject({ kind: 'unsupported', reason: expect.stringContaining('push event') });
    expect(targetOf('pull_request', { pull_request: { number: 1 } })).toMatchObject({ kind: 'unsupported' });
    expect(targetOf('pull_request', pr({ head: { sha: 'not-a-sha' } }))).toMatchObject({ kind: 'unsupported' });
  });
});
