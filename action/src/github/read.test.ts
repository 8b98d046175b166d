import { GitHubDouble } from '../../../test/github-double/server';
import { createClient } from './client';
import { GitHubError } from './errors';
import { changedFiles, commitTree, readFiles } from './read';

let gh: GitHubDouble;
let url: string;
beforeEach(async () => {
  gh = new GitHubDouble();
  url = await gh.start();
});
afterEach(() => gh.stop());

const repo = { owner: 'acme', repo: 'infra' };
const client = () => createClient('test-token', { warn: () => undefined, baseUrl: url, retryUnitMs: 5 });

describe('reading a pull request through the REST API', () => {
  it('lists changed files across pages, renames giving both names', async () => {
    const files = Array.from({ length: 250 }, (_, i) => ({ filename: `stacks/s${String(i).padStart(3, '0')}.yaml`, status: 'modified' }));
    files.push({ filename: 'stacks/new.yaml', status: 'renamed', previous_filename: 'stacks/old.yaml' } as (typeof files)[number]);
    gh.pull(7, { files });
    const r = await changedFiles(client(), repo, 7);
    expect(r.paths).toHaveLength(252);
    expect(r.paths).toEqual(expect.arrayContaining(['stacks/new.yaml', 'stacks/old.yaml']));
    expect(r.truncated).toBe(false);
    expect(gh.calls().filter((c) => c.endsWith('/pulls/7/files'))).toHaveLength(3);
  });
  it('says when GitHub cannot list every file (3,000 or more)', async () => {
    gh.pull(8, { files: Array.from({ length: 3000 }, (_, i) => ({ filename: `f${i}.yaml`, status: 'added' })) });
    expect((await changedFiles(client(), repo, 8)).truncated).toBe(true);
    gh.pull(9, { files: [{ filename: 'a.yaml', status: 'added' }] });
    expect((await changedFiles(client(), repo, 9, 5000)).truncated).toBe(true);
  });
  it('reads a commit tree and the blobs of chosen paths, each blob once, binaries and large files skipped', async () => {
    const sha = gh.commit([
      { path: 'stacks/a.yaml', content: 'Resources: {}\n' },
      { path: 'stacks/b.yaml', content: 'Resources: {}\n' },
      { path: 'stacks/bin.json', content: Buffer.from([0x7b, 0x00, 0x7d]) },
      { path: 'stacks/big.yaml', content: 'x'.repeat(5000) },
    ]);
    const c = client();
    const tree = await commitTree(c, repo, sha);
    expect(tree.map((t) => t.path).sort()).toEqual(['stacks/a.yaml', 'stacks/b.yaml', 'stacks/big.yaml', 'stacks/bin.json']);
    const cache = new Map<string, Promise<Buffer>>();
    const r = await readFiles(c, repo, tree, ['stacks/a.yaml', 'stacks/b.yaml', 'stacks/bin.json', 'stacks/big.yaml', 'stacks/missing.yaml'], 4096, cache);
    expect(r.files).toEqual([
      { path: 'stacks/a.yaml', content: 'Resources: {}\n' },
      { path: 'stacks/b.yaml', content: 'Resources: {}\n' },
    ]);
    expect(r.skipped).toEqual([
      { path: 'stacks/bin.json', reason: 'binary content' },
      { path: 'stacks/big.yaml', reason: 'larger than 4096 bytes (5000)' },
    ]);
    // a.yaml and b.yaml have the same content: one blob request.
    expect(gh.calls().filter((x) => x.includes('/git/blobs/'))).toHaveLength(2);
  });
  it('retries server errors, then answers', async () => {
    const sha = gh.commit([{ path: 'a.yaml', content: 'x' }]);
    gh.faults.push({ match: /git\/trees/, status: 502, times: 2 });
    expect(await commitTree(client(), repo, sha)).toHaveLength(1);
    expect(gh.calls().filter((x) => x.includes('/git/trees/'))).toHaveLength(3);
  });
  it('maps errors to a sentence naming the step and the likely fix, without the token', async () => {
    gh.faults.push({ match: /git\/trees/, status: 403, body: { message: 'Resource not accessible by integration' } });
    let err: unknown;
    try {
      await commitTree(client(), repo, 'c'.repeat(40));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GitHubError);
    expect((err as Error).message).toMatch(/^reading the file tree of commit cccccccccccc: HTTP 403 \(Resource not accessible by integration.*\) — the token lacks a permission/);
    expect((err as Error).message).not.toContain('test-token');
  });
});
