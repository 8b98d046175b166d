import type { Client } from './client';
import { step } from './errors';
import type { Repo } from './read';
import { MARKER } from '../metadata';

export interface StickyComment {
  id: number;
  body: string;
}

interface ListedComment {
  id: number;
  body?: string | null;
  user?: { type?: string } | null;
}

/**
 * Ours: starts with the marker and was written by a bot (the workflow token writes as
 * `github-actions[bot]`). A comment a person wrote with the marker in it is not trusted: its hidden
 * metadata decides which approvals count.
 */
function isSticky(c: ListedComment): boolean {
  return typeof c.body === 'string' && c.body.startsWith(MARKER) && c.user?.type === 'Bot';
}

async function stickies(client: Client, repo: Repo, issue: number): Promise<StickyComment[]> {
  const found: StickyComment[] = [];
  await step(`listing the comments of #${issue}`, () =>
    client.paginate(client.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 }, (response) => {
      for (const c of response.data as ListedComment[]) if (isSticky(c)) found.push({ id: c.id, body: c.body! });
      return [];
    }),
  );
  return found.sort((a, b) => a.id - b.id);
}

/** The pull request's Pillarguard comment (the oldest, if a race left two). */
export async function findSticky(client: Client, repo: Repo, issue: number): Promise<StickyComment | undefined> {
  return (await stickies(client, repo, issue))[0];
}

/**
 * Writes the one Pillarguard comment: updates it in place, or creates it. Two runs racing may both
 * create one; each then keeps the oldest, writes its body there and deletes the others, so the PR
 * ends with exactly one.
 */
export async function upsertSticky(client: Client, repo: Repo, issue: number, body: string, existing?: StickyComment): Promise<number> {
  let id: number;
  if (existing) {
    await step('updating the Pillarguard comment', () => client.rest.issues.updateComment({ ...repo, comment_id: existing.id, body }));
    id = existing.id;
  } else {
    const { data } = await step('creating the Pillarguard comment', () => client.rest.issues.createComment({ ...repo, issue_number: issue, body }));
    id = data.id;
  }
  if (existing) return id;
  const all = await stickies(client, repo, issue);
  if (all.length <= 1) return id;
  const keep = all[0];
  if (keep.id !== id) await step('updating the Pillarguard comment', () => client.rest.issues.updateComment({ ...repo, comment_id: keep.id, body }));
  for (const extra of all.slice(1)) {
    await step('removing a duplicate Pillarguard comment', async () => {
      try {
        await client.rest.issues.deleteComment({ ...repo, comment_id: extra.id });
      } catch (e) {
        // Another run removed it first.
        if ((e as { status?: number }).status !== 404) throw e;
      }
    });
  }
  return keep.id;
}
