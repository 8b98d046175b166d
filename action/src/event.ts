/**
 * What a run is about, from the workflow event. The action never checks out or runs code of the
 * pull request: it reads file contents as data, so `pull_request_target` is as safe as
 * `pull_request` (and works for forks, with a token that can comment).
 */
export type Target =
  | {
      kind: 'pull-request';
      number: number;
      baseSha: string;
      headSha: string;
      /** Login of the PR's author: never counts as an approver. */
      author: string;
      /** Set for `pull_request_review`: re-evaluate the approval, the content may be unchanged. */
      review?: { action: string };
      /** The head is in another repository (a fork): the token may be read-only. */
      fork: boolean;
    }
  | { kind: 'merge-group'; baseSha: string; headSha: string }
  | { kind: 'unsupported'; reason: string };

interface PullPayload {
  action?: string;
  pull_request?: {
    number?: number;
    user?: { login?: string };
    base?: { sha?: string; repo?: { full_name?: string } };
    head?: { sha?: string; repo?: { full_name?: string } | null };
  };
  merge_group?: { base_sha?: string; head_sha?: string };
}

const PULL_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review'];
const REVIEW_ACTIONS = ['submitted', 'dismissed', 'edited'];
const SHA = /^[0-9a-f]{40}$/;

export function targetOf(eventName: string, payload: unknown): Target {
  const p = (payload ?? {}) as PullPayload;
  if (eventName === 'merge_group') {
    const base = p.merge_group?.base_sha;
    const head = p.merge_group?.head_sha;
    if (!base || !head || !SHA.test(base) || !SHA.test(head)) return { kind: 'unsupported', reason: 'the merge_group event has no base_sha/head_sha' };
    return { kind: 'merge-group', baseSha: base, headSha: head };
  }
  if (!PULL_EVENTS.includes(eventName)) {
    return { kind: 'unsupported', reason: `Pillarguard runs on pull_request, pull_request_target, pull_request_review and merge_group events; this run is a ${eventName} event, so there is nothing to compare` };
  }
  if (eventName === 'pull_request_review' && p.action && !REVIEW_ACTIONS.includes(p.action)) return { kind: 'unsupported', reason: `a review was ${p.action}: nothing to re-evaluate` };
  const pr = p.pull_request;
  const number = pr?.number;
  const baseSha = pr?.base?.sha;
  const headSha = pr?.head?.sha;
  const author = pr?.user?.login;
  if (!number || !baseSha || !headSha || !author || !SHA.test(baseSha) || !SHA.test(headSha)) return { kind: 'unsupported', reason: `the ${eventName} event payload has no pull request with base and head commits` };
  const fork = !!pr?.head?.repo?.full_name && pr.head.repo.full_name !== pr?.base?.repo?.full_name;
  return { kind: 'pull-request', number, baseSha, headSha, author, fork, ...(eventName === 'pull_request_review' ? { review: { action: p.action ?? 'submitted' } } : {}) };
}
