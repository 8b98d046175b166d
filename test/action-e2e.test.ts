import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { GitHubDouble } from './github-double/server';

/*
 * The committed action bundle (action/dist, copied alone to a temporary directory so it cannot
 * lean on the repository's node_modules) run as GitHub runs it — `node dist/index.js` with an
 * event payload file and INPUT_* variables — against the local double of the REST API.
 */

const ROOT = path.resolve(__dirname, '..');
const run = promisify(execFile);
jest.setTimeout(120_000);

const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');
const BASE_FILES = [{ path: 'infra/main.tf', content: read('examples/pr/base/main.tf') }, { path: 'README.md', content: '# infra\n' }];
const HEAD_FILES = [{ path: 'infra/main.tf', content: read('examples/pr/head/main.tf') }, { path: 'README.md', content: '# infra\n' }];

let bundleDir: string;
beforeAll(() => {
  bundleDir = mkdtempSync(path.join(tmpdir(), 'pillarguard-action-'));
  cpSync(path.join(ROOT, 'action/dist'), path.join(bundleDir, 'dist'), { recursive: true });
});

interface Run {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

async function runAction(url: string, event: string, payload: object, inputs: Record<string, string>): Promise<Run> {
  const work = mkdtempSync(path.join(tmpdir(), 'pillarguard-run-'));
  const files = { event: path.join(work, 'event.json'), output: path.join(work, 'output'), summary: path.join(work, 'summary.md') };
  writeFileSync(files.event, JSON.stringify(payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'acme/infra',
    GITHUB_API_URL: url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: work,
    'INPUT_GITHUB-TOKEN': 'ghs_testtoken',
    INPUT_CONFIG: '.github/pillarguard.yml',
    INPUT_COMMENT: 'always',
    'INPUT_FAIL-ON': 'none',
    INPUT_LABEL: 'pillarguard: approval required',
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  let code = 0;
  let stdout: string;
  try {
    stdout = (await run(process.execPath, [path.join(bundleDir, 'dist/index.js')], { cwd: work, env })).stdout;
  } catch (e) {
    const err = e as { code: number; stdout: string };
    code = err.code;
    stdout = err.stdout;
  }
  const outputs: Record<string, string> = {};
  const raw = readFileSync(files.output, 'utf8');
  for (const m of raw.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
  return { code, stdout, outputs, summary: readFileSync(files.summary, 'utf8') };
}

describe('the action bundle, end to end against the GitHub API double', () => {
  let gh: GitHubDouble;
  let url: string;
  let base: string;
  let head: string;
  const payload = () => ({ action: 'synchronize', pull_request: { number: 7, user: { login: 'dev' }, base: { sha: base, repo: { full_name: 'acme/infra' } }, head: { sha: head, repo: { full_name: 'acme/infra' } } } });

  beforeEach(async () => {
    gh = new GitHubDouble();
    url = await gh.start();
    base = gh.commit(BASE_FILES);
    head = gh.commit(HEAD_FILES);
    gh.pull(7, { files: [{ filename: 'infra/main.tf', status: 'modified' }] });
  });
  afterEach(() => gh.stop());

  it('a risky PR: one comment, a failing check, review requested from the approvers, label set, outputs', async () => {
    const r = await runAction(url, 'pull_request', payload(), { approvers: 'lead, dev' });
    expect({ code: r.code, stdout: r.stdout }).toMatchObject({ code: 0 });
    const pr = gh.pulls.get(7)!;
    expect(pr.comments).toHaveLength(1);
    expect(pr.comments[0].body).toMatch(/^<!-- pillarguard:sticky-comment -->\n\*\*⛔ Approval required\*\* from `lead`, `dev`/);
    expect(pr.comments[0].body).toContain(`](https://github.com/acme/infra/blob/${head}/infra/main.tf#L`);
    expect(gh.checkRuns).toHaveLength(1);
    expect(gh.checkRuns[0]).toMatchObject({ name: 'pillarguard', head_sha: head, status: 'completed', conclusion: 'failure' });
    expect(gh.checkRuns[0].output?.annotations?.length).toBeGreaterThan(0);
    // The author is an approver but is not asked to review their own change.
    expect(pr.requestedReviewers.users).toEqual(['lead']);
    expect(pr.labels).toEqual(['pillarguard: approval required']);
    expect(r.outputs).toMatchObject({ 'requires-approval': 'true', approved: 'false' });
    expect(Number(r.outputs['findings-introduced'])).toBeGreaterThan(0);
    expect(r.summary).toContain('Approval required');
    expect(r.stdout).not.toContain('ghs_testtoken');
  });

  it("an approver's approval of the head, then a review event: the check passes, the label goes, the comment is updated in place", async () => {
    await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    gh.review(7, 'lead', 'APPROVED', head);
    const before = gh.log.length;
    const r = await runAction(url, 'pull_request_review', { ...payload(), action: 'submitted' }, { approvers: 'lead' });
    expect(r.code).toBe(0);
    // The commit was evaluated already: no file is read again, the same check run is updated.
    expect(gh.calls().slice(before).filter((c) => /git\/(trees|blobs)|pulls\/7\/files/.test(c))).toEqual([]);
    expect(gh.checkRuns).toHaveLength(1);
    expect(r.outputs['findings-introduced']).toMatch(/^[1-9]\d*$/);
    const pr = gh.pulls.get(7)!;
    expect(pr.comments).toHaveLength(1);
    expect(pr.comments[0].body).toContain('**✅ Approved** by `lead`');
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'success' });
    expect(pr.labels).toEqual([]);
    expect(r.outputs).toMatchObject({ 'requires-approval': 'true', approved: 'true' });
  });

  it('the author approving their own PR does not count', async () => {
    gh.review(7, 'dev', 'APPROVED', head);
    await runAction(url, 'pull_request', payload(), { approvers: 'dev' });
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' });
  });

  it('an event it does not handle: a message and success, nothing written', async () => {
    const r = await runAction(url, 'push', {}, {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('push event');
    expect(gh.log.length).toBe(0);
  });

  it('invalid inputs fail the step with every problem named', async () => {
    const r = await runAction(url, 'pull_request', payload(), { 'fail-on': 'urgent', comment: 'sometimes' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fail-on: "urgent"');
    expect(r.stdout).toContain('comment: "sometimes"');
    expect(r.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  });

  it('an approval stays valid across a push that changes nothing risky, and lapses when the risky content changes', async () => {
    await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    gh.review(7, 'lead', 'APPROVED', head);
    const approvedHead = head;
    // An unrelated push (documentation only): the approval on the older commit still covers it.
    head = gh.commit([...HEAD_FILES.filter((f) => f.path !== 'README.md'), { path: 'README.md', content: '# infra\n\nMore words.\n' }]);
    gh.pulls.get(7)!.files = [{ filename: 'infra/main.tf', status: 'modified' }, { filename: 'README.md', status: 'modified' }];
    let r = await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    expect(gh.checkRuns.at(-1)).toMatchObject({ head_sha: head, conclusion: 'success' });
    expect(r.outputs.approved).toBe('true');
    // A push that grants more: the approval no longer covers it.
    const riskier = HEAD_FILES[0].content.replace('"dynamodb:GetItem"', '"dynamodb:GetItem", "dynamodb:DeleteTable"');
    expect(riskier).not.toBe(HEAD_FILES[0].content);
    head = gh.commit([{ path: 'infra/main.tf', content: riskier }, { path: 'README.md', content: '# infra\n' }]);
    r = await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    expect(gh.checkRuns.at(-1)).toMatchObject({ head_sha: head, conclusion: 'failure' });
    expect(r.outputs.approved).toBe('false');
    expect(gh.pulls.get(7)!.comments[0].body).toContain(`\`lead\` on ${approvedHead.slice(0, 7)}`);
  });

  it('two runs at once leave exactly one comment', async () => {
    await Promise.all([runAction(url, 'pull_request', payload(), { approvers: 'lead' }), runAction(url, 'pull_request', payload(), { approvers: 'lead' })]);
    expect(gh.pulls.get(7)!.comments).toHaveLength(1);
  });

  it('server errors are retried; a rate limit is waited out', async () => {
    gh.faults.push({ match: /\/pulls\/7\/files$/, status: 502, times: 2 });
    gh.faults.push({ match: /\/git\/trees\//, status: 403, times: 1, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1) } });
    const r = await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    expect(r.code).toBe(0);
    expect(gh.calls().filter((c) => c.endsWith('/pulls/7/files'))).toHaveLength(3);
    expect(r.stdout).toMatch(/rate limit/);
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' });
  });

  it('a read-only token (a fork PR): the job summary is written and the step fails with a clear message', async () => {
    gh.readOnly = true;
    const r = await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    expect(r.code).toBe(1);
    expect(r.summary).toContain('Approval required');
    expect(r.stdout).toMatch(/::error::setting the commit status .*HTTP 403.*The gate could not publish its verdict, so this step fails\./);
  });

  it('a pull request beyond the 3,000 files GitHub lists fails closed and says why', async () => {
    gh.pulls.get(7)!.files = [{ filename: 'infra/main.tf', status: 'modified' }, ...Array.from({ length: 3000 }, (_, i) => ({ filename: `docs/page${i}.md`, status: 'added' }))];
    const r = await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    expect(r.code).toBe(1);
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure', output: { title: 'Could not check this pull request (fails closed)' } });
    expect(gh.pulls.get(7)!.comments[0].body).toContain('more files than GitHub lists \\(3,000\\)');
  });

  it('hostile names from the PR are escaped: no HTML, mention, link or image reaches the comment', async () => {
    const hostile = `${HEAD_FILES[0].content}\nresource "aws_s3_bucket" "evil" {\n  bucket = "@octocat <img src=x onerror=alert(1)> [click](https://evil.example) ![i](https://evil.example/i.png) | table |"\n}\n`;
    head = gh.commit([{ path: 'infra/main.tf', content: hostile }, { path: 'README.md', content: '# infra\n' }]);
    await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    const body = gh.pulls.get(7)!.comments[0].body;
    expect(body).toContain('octocat');
    for (const bad of ['<img', '@octocat', '](https://evil.example)', '![i]', 'onerror=alert(1)>']) expect([bad, body.includes(bad)]).toEqual([bad, false]);
  });

  it('a changed file that cannot be parsed requires approval', async () => {
    head = gh.commit([{ path: 'infra/main.tf', content: 'resource "aws_s3_bucket" "x" {\n  bucket = \n' }, { path: 'README.md', content: '# infra\n' }]);
    const r = await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    expect(r.outputs['requires-approval']).toBe('true');
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' });
    expect(gh.pulls.get(7)!.comments[0].body).toContain('infra/main.tf');
  });

  it('a merge group is checked from the compare of its commits (no comment: there is no pull request)', async () => {
    gh.compare = { files: [{ filename: 'infra/main.tf', status: 'modified' }] };
    const r = await runAction(url, 'merge_group', { merge_group: { base_sha: base, head_sha: head } }, { approvers: 'lead' });
    expect(r.code).toBe(0);
    expect(gh.checkRuns.at(-1)).toMatchObject({ head_sha: head, conclusion: 'failure' });
    expect(gh.pulls.get(7)!.comments).toHaveLength(0);
  });

  it('writes the SARIF file it is asked for', async () => {
    const sarif = path.join(mkdtempSync(path.join(tmpdir(), 'pillarguard-sarif-')), 'out.sarif');
    const r = await runAction(url, 'pull_request', payload(), { approvers: 'lead', 'sarif-file': sarif });
    expect(r.outputs['sarif-file']).toBe(sarif);
    const doc = JSON.parse(readFileSync(sarif, 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(doc.version).toBe('2.1.0');
    expect(doc.runs[0].results.length).toBeGreaterThan(0);
  });

  it('a team approver counts when the approver token can read the membership, not without it', async () => {
    gh.teams.set('acme/data-platform', ['carol']);
    gh.review(7, 'carol', 'APPROVED', head);
    let r = await runAction(url, 'pull_request', payload(), { approvers: 'acme/data-platform' });
    expect(r.outputs.approved).toBe('false');
    expect(r.stdout).toContain('no approver-token to read team membership');
    r = await runAction(url, 'pull_request', payload(), { approvers: 'acme/data-platform', 'approver-token': 'ghs_teams' });
    expect(r.outputs.approved).toBe('true');
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'success' });
  });

  it('base-path and head-path: the versions an earlier step produced are read from disk', async () => {
    const r = await runAction(url, 'pull_request', payload(), { approvers: 'lead', 'base-path': path.join(ROOT, 'examples/pr/base'), 'head-path': path.join(ROOT, 'examples/pr/head') });
    expect(r.code).toBe(0);
    expect(r.outputs['requires-approval']).toBe('true');
    expect(gh.calls().filter((c) => /git\/(trees|blobs)|pulls\/7\/files/.test(c))).toEqual([]);
    expect(gh.pulls.get(7)!.comments[0].body).toContain('Approval required');
  });

  it('a push that removes what needed approval: the label goes and the comment says it is resolved', async () => {
    await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    expect(gh.pulls.get(7)!.labels).toEqual(['pillarguard: approval required']);
    head = gh.commit(BASE_FILES);
    const r = await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    expect(r.outputs['requires-approval']).toBe('false');
    expect(gh.pulls.get(7)!.labels).toEqual([]);
    expect(gh.pulls.get(7)!.comments).toHaveLength(1);
    expect(gh.pulls.get(7)!.comments[0].body.split('\n')[1]).toMatch(/^\*\*✅ Resolved — no approval needed any more\*\*/);
    expect(gh.checkRuns.at(-1)).toMatchObject({ head_sha: head, conclusion: 'success' });
  });

  it('a file that cannot be fetched: the check fails and says why, the step fails with the message', async () => {
    gh.faults.push({ match: /\/git\/blobs\//, status: 404, times: 10, body: { message: 'Not Found' } });
    const r = await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::reading infra\/main\.tf at blob [0-9a-f]{12}: HTTP 404/);
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure', output: { title: 'Could not check this pull request (fails closed)' } });
    expect(gh.checkRuns.at(-1)?.output?.summary).toContain('reading infra/main.tf');
  });

  it('a secondary rate limit (429 with Retry-After) is waited out', async () => {
    gh.faults.push({ match: /\/pulls\/7\/reviews$/, status: 429, times: 1, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit' } });
    const r = await runAction(url, 'pull_request', payload(), { approvers: 'lead' });
    expect(r.code).toBe(0);
    expect(gh.calls().filter((c) => c.endsWith('/pulls/7/reviews'))).toHaveLength(2);
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure', output: { title: expect.stringMatching(/^Approval required/) } });
  });

  it("comment: never writes none; on-change writes none while there is nothing to say", async () => {
    await runAction(url, 'pull_request', payload(), { approvers: 'lead', comment: 'never' });
    expect(gh.pulls.get(7)!.comments).toHaveLength(0);
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' });
    head = gh.commit([BASE_FILES[0], { path: 'README.md', content: '# infra, documented\n' }]);
    gh.pulls.get(7)!.files = [{ filename: 'README.md', status: 'modified' }];
    const r = await runAction(url, 'pull_request', payload(), { approvers: 'lead', comment: 'on-change' });
    expect(r.outputs['requires-approval']).toBe('false');
    expect(gh.pulls.get(7)!.comments).toHaveLength(0);
    expect(gh.checkRuns.at(-1)).toMatchObject({ head_sha: head, conclusion: 'success' });
  });

  it('a forged comment saying no approval is needed does not pass the gate on a review', async () => {
    const meta = { version: 1, headSha: head, fingerprint: 'none', requiresApproval: false, seen: [[head, 'none']], verdict: { blocking: 0, problems: 0, reasons: 0, introduced: 0 } };
    const body = `<!-- pillarguard:sticky-comment -->\n**✅ No approval needed.**\n\n# Pillarguard — pull request check\n\n<!-- pillarguard:meta ${Buffer.from(JSON.stringify(meta)).toString('base64')} -->\n`;
    gh.pulls.get(7)!.comments.push({ id: 1, body, user: { login: 'github-actions[bot]', type: 'Bot' }, created_at: '2026-11-28T10:00:00Z', updated_at: '2026-11-28T10:00:00Z' });
    const r = await runAction(url, 'pull_request_review', { ...payload(), action: 'submitted' }, { approvers: 'lead' });
    expect(r.outputs['requires-approval']).toBe('true');
    expect(gh.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' });
    // The whole check ran again: the files were read.
    expect(gh.calls().some((c) => c.includes('/git/blobs/'))).toBe(true);
  });
});
