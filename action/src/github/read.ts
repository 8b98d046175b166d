import type { SourceFile } from '@pillarguard/rules';
import type { Client } from './client';
import { GitHubError, step } from './errors';
import type { TreeFile } from '../selection';

export interface Repo {
  owner: string;
  repo: string;
}

/** GitHub lists at most 3,000 files of a pull request; a larger one cannot be seen whole. */
export const MAX_PR_FILES = 3000;

export interface ChangedFiles {
  /** Paths changed (for a rename, both the old and the new path). */
  paths: string[];
  /** The PR changes more files than GitHub lists: what is beyond cannot be checked. */
  truncated: boolean;
}

/** The files a pull request changes, page by page (100 per page, GitHub's limit of 3,000 files). */
export async function changedFiles(client: Client, repo: Repo, pull: number, changedCount?: number): Promise<ChangedFiles> {
  const paths = new Set<string>();
  let listed = 0;
  await step(`listing the files of pull request #${pull}`, () =>
    client.paginate(client.rest.pulls.listFiles, { ...repo, pull_number: pull, per_page: 100 }, (response) => {
      for (const f of response.data) {
        listed++;
        paths.add(f.filename);
        if (f.previous_filename) paths.add(f.previous_filename);
      }
      return [];
    }),
  );
  return { paths: [...paths].sort(), truncated: listed >= MAX_PR_FILES || (changedCount !== undefined && changedCount > listed) };
}

/** Every file of a commit, from one recursive tree request. */
export async function commitTree(client: Client, repo: Repo, sha: string): Promise<TreeFile[]> {
  const { data } = await step(`reading the file tree of commit ${sha.slice(0, 12)}`, () => client.rest.git.getTree({ ...repo, tree_sha: sha, recursive: 'true' }));
  if (data.truncated) throw new GitHubError(`the file tree of commit ${sha.slice(0, 12)} is larger than GitHub returns in one request (truncated), so the changed files cannot all be read`);
  return data.tree.filter((e) => e.type === 'blob' && typeof e.path === 'string' && typeof e.sha === 'string').map((e) => ({ path: e.path!, sha: e.sha!, ...(typeof e.size === 'number' ? { size: e.size } : {}) }));
}

export interface ReadFiles {
  files: SourceFile[];
  /** Files not read, with the reason (too large, binary): the engine treats unread IaC as an error (fail closed). */
  skipped: Array<{ path: string; reason: string }>;
}

/**
 * The contents of `paths` in one commit, through the blob API (base64, any size the API serves),
 * in the order asked. Identical blobs are fetched once even across both sides (`cache`).
 */
export async function readFiles(client: Client, repo: Repo, tree: readonly TreeFile[], paths: readonly string[], maxBytes: number, cache: Map<string, Promise<Buffer>>): Promise<ReadFiles> {
  const bySha = new Map(tree.map((f) => [f.path, f]));
  const wanted = paths.map((path) => ({ path, entry: bySha.get(path) })).filter((w): w is { path: string; entry: TreeFile } => w.entry !== undefined); // absent: added or deleted on the other side
  const fetch = (path: string, sha: string): Promise<Buffer> => {
    let hit = cache.get(sha);
    if (!hit) {
      hit = step(`reading ${path} at blob ${sha.slice(0, 12)}`, () => client.rest.git.getBlob({ ...repo, file_sha: sha })).then(({ data }) => Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8'));
      cache.set(sha, hit);
    }
    return hit;
  };
  // A few requests in flight at once (the throttling plugin keeps within GitHub's limits).
  const contents = new Map<string, Buffer>();
  const queue = wanted.filter((w) => w.entry.size === undefined || w.entry.size <= maxBytes);
  const workers = Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) contents.set(next.path, await fetch(next.path, next.entry.sha));
  });
  await Promise.all(workers);
  const out: ReadFiles = { files: [], skipped: [] };
  for (const { path, entry } of wanted) {
    const buf = contents.get(path);
    if (!buf) out.skipped.push({ path, reason: `larger than ${maxBytes} bytes (${entry.size})` });
    else if (buf.subarray(0, 8000).includes(0)) out.skipped.push({ path, reason: 'binary content' });
    else out.files.push({ path, content: buf.toString('utf8') });
  }
  return out;
}

/** Blob requests in flight at once. */
const CONCURRENCY = 8;
