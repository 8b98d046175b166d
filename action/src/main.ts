import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as core from '@actions/core';
import * as github from '@actions/github';
import type { DiffResult, EngineConfig, SourceFile } from '@pillarguard/rules';
import { approvalState, type ApprovalState } from './approvals';
import { targetOf, type Target } from './event';
import { approvalFingerprint } from './fingerprint';
import { createClient, type Client } from './github/client';
import { publishGate, type GateResult } from './github/checks';
import { findSticky, upsertSticky, type StickyComment } from './github/comments';
import { GitHubError, step } from './github/errors';
import { changedFiles, commitTree, readFiles, type Repo } from './github/read';
import { listReviews, requestReviews, resolveApprovers, setLabel } from './github/reviews';
import { readInputs, type Inputs } from './inputs';
import { decodeMeta, encodeMeta, MARKER, nextMeta, type CommentMeta } from './metadata';
import type { Verdict } from './render';
import type { TreeFile } from './selection';

/** The engine, loaded after the first API call (see engine.ts). */
const engine = () => import('./engine');

/** Same limit as the CLI's default: larger files are skipped, which fails closed. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const VERSION = '0.1.0';

interface Versions {
  base: { files: SourceFile[]; skipped: Array<{ path: string; reason: string }> };
  head: { files: SourceFile[]; skipped: Array<{ path: string; reason: string }> };
  /** Considered files that differ between the versions. */
  changed: string[];
  /** Blob ids of head files (for fingerprints of file-level reasons). */
  headBlobs: Map<string, string>;
  config: { text: string; path: string } | undefined;
  problems: string[];
}

/**
 * The action: reads the two versions, runs the diff, publishes the verdict (sticky comment, check
 * run or status, label and review requests, job summary, SARIF) and sets the outputs. Any error
 * fails the step with its message (never a stack trace), and the gate fails closed.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name));
    const target = targetOf(github.context.eventName, github.context.payload);
    if (target.kind === 'unsupported') {
      core.info(target.reason);
      setOutputs({ requiresApproval: false, approved: false, introduced: 0 });
      return;
    }
    await gate(inputs, target, github.context.repo);
  } catch (e) {
    core.setFailed(e instanceof Error ? e.message : String(e));
  }
}

async function gate(inputs: Inputs, target: Exclude<Target, { kind: 'unsupported' }>, repo: Repo): Promise<void> {
  // Tokens come from secrets, which the runner masks already; they are never printed here.
  const client = createClient(inputs.token, { warn: (m) => core.warning(m), baseUrl: process.env.GITHUB_API_URL });
  try {
    await check(client, inputs, target, repo);
  } catch (e) {
    // Fail closed, visibly: the pillarguard check says why the change could not be checked.
    const why = e instanceof Error ? e.message : String(e);
    await publishGate(client, repo, target.headSha, { success: false, title: 'Could not check this pull request (fails closed)', summary: `**⛔ Pillarguard could not check this pull request — the gate fails closed.**\n\n${'```'}\n${why.replace(/`/g, "'")}\n${'```'}`, annotations: [] }).catch(() => undefined);
    throw e;
  }
}

async function check(client: Client, inputs: Inputs, target: Exclude<Target, { kind: 'unsupported' }>, repo: Repo): Promise<void> {
  const existing = target.kind === 'pull-request' ? await findSticky(client, repo, target.number) : undefined;
  const previous = existing ? decodeMeta(existing.body) : undefined;
  if (target.kind === 'pull-request' && target.review && previous && (await reviewOnly(client, repo, target, inputs, existing!, previous))) return;
  const { ALL_CHANGE_RULES, ALL_RULES, DEFAULT_CONFIG, diffScans, loadConfig, scan, SEVERITIES, commentBody, gatePasses, gateResult } = await engine();

  const versions = inputs.basePath && inputs.headPath ? await localVersions(inputs) : await apiVersions(client, repo, target, inputs);
  const problems = [...versions.problems];
  let config: EngineConfig = DEFAULT_CONFIG;
  if (versions.config) {
    const loaded = loadConfig(versions.config.text, versions.config.path, [...ALL_RULES, ...ALL_CHANGE_RULES].map((r) => r.id));
    if (loaded.errors.length) problems.push(...loaded.errors.map((e) => `${e.toString()} (the configuration is read from the base commit)`));
    else config = loaded.config;
  }
  const now = new Date().toISOString();
  const baseScan = await scan(versions.base.files, { config, now, skipped: versions.base.skipped, ...(versions.config ? { configFile: versions.config.path } : {}) });
  const headScan = await scan(versions.head.files, { config, now, skipped: versions.head.skipped, ...(versions.config ? { configFile: versions.config.path } : {}) });
  const result = diffScans(baseScan, headScan, { config, changeRules: ALL_CHANGE_RULES, changedFiles: versions.changed, headFiles: versions.head.files.map((f) => f.path) });
  const fingerprint = approvalFingerprint(result.approval, (f) => versions.headBlobs.get(f));

  const rank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
  const blocking = inputs.failOn === 'none' ? 0 : result.findings.filter((f) => f.status === 'introduced' && !f.suppressed && rank(f.severity) <= rank(inputs.failOn)).length;
  const verdict: Verdict = { requiresApproval: result.approval.required, approved: false, blocking, problems, resolved: !result.approval.required && previous?.requiresApproval === true };
  const meta = nextMeta(previous, target.headSha, fingerprint, result.approval.required);
  meta.verdict = { blocking, problems: problems.length, reasons: result.approval.reasons.length, introduced: result.findings.filter((f) => f.status === 'introduced').length };

  let state: ApprovalState | undefined;
  if (target.kind === 'pull-request' && result.approval.required) {
    state = await approvals(client, repo, target, inputs, meta, fingerprint);
    verdict.approved = state.approved;
  }
  const sourceUrl = (file: string, line?: number) => `${github.context.serverUrl}/${repo.owner}/${repo.repo}/blob/${target.headSha}/${file.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`;
  // The job summary first: it is written even when the token may write nothing to the PR.
  await core.summary.addRaw(commentBody(result, verdict, state, inputs.approvers, meta, sourceUrl, VERSION, inputs.configPath)).write().catch(() => undefined);
  const published = await publish(client, repo, target.headSha, gateResult(result, verdict, state, inputs.approvers), previous?.headSha === target.headSha ? previous.checkRunId : undefined);
  if (published.via === 'check-run') meta.checkRunId = published.id;

  if (target.kind === 'pull-request') {
    const body = commentBody(result, verdict, state, inputs.approvers, meta, sourceUrl, VERSION, inputs.configPath);
    const worthSaying = result.approval.required || result.findings.some((f) => f.status !== 'persisting') || problems.length > 0;
    if (inputs.comment === 'always' || (inputs.comment === 'on-change' && (worthSaying || existing))) await tolerate('writing the comment', () => upsertSticky(client, repo, target.number, body, existing));
    await followUp(client, repo, target, inputs, result.approval.required, verdict.approved, problems.length === 0);
  }

  await writeReports(inputs, result);
  setOutputs({ requiresApproval: result.approval.required, approved: verdict.approved, introduced: result.findings.filter((f) => f.status === 'introduced').length });
  core.info(`Pillarguard: ${gatePasses(verdict) ? 'passed' : 'failed'} (${published.via === 'check-run' ? 'check run' : 'commit status'} "pillarguard" on ${target.headSha.slice(0, 12)}).`);
  if (problems.length) core.setFailed(`Pillarguard could not check this pull request: ${problems.join('; ')}`);
}

type PullTarget = Extract<Target, { kind: 'pull-request' }>;

/** Which approvals cover the current risky content (fingerprints of earlier commits from the comment's metadata). */
async function approvals(client: Client, repo: Repo, target: PullTarget, inputs: Inputs, meta: CommentMeta, fingerprint: string): Promise<ApprovalState> {
  const reviews = await listReviews(client, repo, target.number);
  const logins = [...new Set(reviews.map((r) => r.user?.login).filter((l): l is string => !!l))];
  const teamClient = inputs.approverToken ? createClient(inputs.approverToken, { warn: (m) => core.warning(m), baseUrl: process.env.GITHUB_API_URL }) : undefined;
  const resolved = await resolveApprovers(logins, inputs.approvers, teamClient);
  for (const p of resolved.problems) core.warning(p);
  const seen = new Map(meta.seen);
  return approvalState(reviews, { author: target.author, isApprover: (l) => resolved.approvers.has(l), fingerprintAt: (sha) => seen.get(sha), current: fingerprint });
}

async function publish(client: Client, repo: Repo, sha: string, result: GateResult, checkRunId: number | undefined) {
  return publishGate(client, repo, sha, result, checkRunId).catch((e: unknown) => {
    // Neither a check run nor a status could be written (a read-only token): the step fails instead.
    throw new GitHubError(`${(e as Error).message} The gate could not publish its verdict, so this step fails.`);
  });
}

/** Review requests and the label follow the verdict. */
async function followUp(client: Client, repo: Repo, target: PullTarget, inputs: Inputs, required: boolean, approved: boolean, decided: boolean): Promise<void> {
  if (required && !approved && decided) await tolerate('requesting reviews', () => requestReviews(client, repo, target.number, inputs.approvers, target.author));
  await tolerate('updating the label', () => setLabel(client, repo, target.number, inputs.label, required && !approved));
}

/**
 * A review on a commit already evaluated: the diff cannot have changed, so only the approvals are
 * decided again — from the comment's metadata, without reading the files. The verdict lines of the
 * comment are rewritten; the report below them stays. Returns false when the metadata does not
 * allow it (another commit, an older comment format): the caller runs the whole check.
 */
async function reviewOnly(client: Client, repo: Repo, target: PullTarget, inputs: Inputs, existing: StickyComment, meta: CommentMeta): Promise<boolean> {
  const { gatePasses, gateTitle, REPORT_TITLE, verdictLines } = await engine();
  const at = existing.body.indexOf(REPORT_TITLE);
  // Only a verdict that needed approval is re-decided from the metadata: metadata saying "no
  // approval needed" is never taken on trust (any workflow of the repository writes as the same
  // bot), so that case runs the whole check again.
  if (meta.headSha !== target.headSha || !meta.verdict || !meta.requiresApproval || at < 0 || inputs.basePath) return false;
  const verdict: Verdict = { requiresApproval: meta.requiresApproval, approved: false, blocking: meta.verdict.blocking, problems: meta.verdict.problems ? ['see the earlier run of this commit'] : [] };
  const state = meta.requiresApproval ? await approvals(client, repo, target, inputs, meta, meta.fingerprint) : undefined;
  verdict.approved = state?.approved ?? false;
  const summary = `${verdictLines(verdict, state, inputs.approvers).join('\n')}\n\nThe full report is in the pull request's Pillarguard comment.`;
  const published = await publish(client, repo, target.headSha, { success: gatePasses(verdict), title: gateTitle(verdict, meta.verdict.reasons), summary, annotations: [] }, meta.checkRunId);
  const next: CommentMeta = { ...meta, ...(published.via === 'check-run' ? { checkRunId: published.id } : {}) };
  const body = [MARKER, ...verdictLines(verdict, state, inputs.approvers), '', existing.body.slice(at).replace(/<!-- pillarguard:meta [A-Za-z0-9+/=]+ -->/, encodeMeta(next))].join('\n');
  if (inputs.comment !== 'never') await tolerate('updating the comment', () => upsertSticky(client, repo, target.number, body, existing));
  await followUp(client, repo, target, inputs, meta.requiresApproval, verdict.approved, true);
  setOutputs({ requiresApproval: meta.requiresApproval, approved: verdict.approved, introduced: meta.verdict.introduced });
  core.info(`Pillarguard: review re-evaluated without reading the files again: ${gatePasses(verdict) ? 'passed' : 'failed'}.`);
  return true;
}

/** A write whose failure must not hide the verdict (a fork PR's token cannot comment): a warning, the gate still decides. */
async function tolerate(doing: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (e) {
    core.warning(`${doing}: ${(e as Error).message}`);
  }
}

async function apiVersions(client: Client, repo: Repo, target: Exclude<Target, { kind: 'unsupported' }>, inputs: Inputs): Promise<Versions> {
  const problems: string[] = [];
  let paths: string[];
  if (target.kind === 'pull-request') {
    const listed = await changedFiles(client, repo, target.number);
    if (listed.truncated) problems.push('this pull request changes more files than GitHub lists (3,000): the files beyond cannot be checked');
    paths = listed.paths;
  } else {
    const { data } = await step('comparing the merge group with its base', () => client.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${target.baseSha}...${target.headSha}`, per_page: 100 }));
    paths = (data.files ?? []).flatMap((f) => [f.filename, ...(f.previous_filename ? [f.previous_filename] : [])]);
    if ((data.files ?? []).length >= 300) problems.push('the merge group changes 300 files or more, more than the compare API lists: the rest cannot be checked');
  }
  const baseTree = await commitTree(client, repo, target.baseSha);
  const headTree = await commitTree(client, repo, target.headSha);
  const { filesToRead } = await engine();
  const { read, changed } = filesToRead(paths, baseTree, headTree, inputs.paths);
  const cache = new Map<string, Promise<Buffer>>();
  const base = await readFiles(client, repo, baseTree, read, MAX_FILE_BYTES, cache);
  const head = await readFiles(client, repo, headTree, read, MAX_FILE_BYTES, cache);
  const config = await configFrom(client, repo, baseTree, inputs.configPath, cache);
  return { base, head, changed, headBlobs: new Map(headTree.map((f: TreeFile) => [f.path, f.sha])), config, problems };
}

/** The gate's configuration comes from the base commit: a pull request cannot loosen its own gate. */
async function configFrom(client: Client, repo: Repo, tree: readonly TreeFile[], file: string, cache: Map<string, Promise<Buffer>>): Promise<Versions['config']> {
  const candidates = file === '.github/pillarguard.yml' ? ['.github/pillarguard.yml', 'pillarguard.yml'] : [file];
  for (const candidate of candidates) {
    const got = await readFiles(client, repo, tree, [candidate], 1024 * 1024, cache);
    if (got.files.length) return { text: got.files[0].content, path: candidate };
  }
  return undefined;
}

/** base-path/head-path: directories (or plan files) that earlier steps produced, e.g. `cdk synth` or `terraform show -json` of each commit. */
async function localVersions(inputs: Inputs): Promise<Versions> {
  const { collectFiles, considered } = await engine();
  const side = async (p: string) => {
    const abs = path.resolve(p);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) throw new Error(`${p}: no such file or directory (base-path/head-path must name what an earlier step produced)`);
    return stat.isDirectory() ? collectFiles(['.'], { cwd: abs, maxFileBytes: MAX_FILE_BYTES }) : collectFiles([path.basename(abs)], { cwd: path.dirname(abs), maxFileBytes: MAX_FILE_BYTES });
  };
  const base = await side(inputs.basePath!);
  const head = await side(inputs.headPath!);
  const before = new Map(base.files.map((f) => [f.path, f.content]));
  const after = new Map(head.files.map((f) => [f.path, f.content]));
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p) && considered(p, inputs.paths)).sort();
  const configText = await fs.readFile(path.resolve(inputs.configPath), 'utf8').catch(() => undefined);
  return { base, head, changed, headBlobs: new Map(), config: configText === undefined ? undefined : { text: configText, path: inputs.configPath }, problems: [] };
}

async function writeReports(inputs: Inputs, result: DiffResult): Promise<void> {
  const { ALL_CHANGE_RULES, ALL_RULES, toJsonReport, toSarif } = await engine();
  const tool = { name: 'pillarguard', version: VERSION };
  const dir = process.env.RUNNER_TEMP ?? process.cwd();
  const json = path.join(dir, 'pillarguard-report.json');
  await fs.writeFile(json, JSON.stringify({ ...toJsonReport(result, { tool, approval: result.approval }), base: { scores: result.base.scores.pillars, level: result.base.scores.level }, changes: result.changes }, null, 2));
  core.setOutput('report-json', json);
  if (inputs.sarifFile) {
    const open = { ...result, findings: result.findings.filter((f) => f.status !== 'resolved' && f.status !== 'persisting') };
    await fs.writeFile(inputs.sarifFile, JSON.stringify(toSarif(open, { tool, rules: [...ALL_RULES, ...ALL_CHANGE_RULES] }), null, 2));
    core.setOutput('sarif-file', inputs.sarifFile);
  }
}

function setOutputs(o: { requiresApproval: boolean; approved: boolean; introduced: number }): void {
  core.setOutput('requires-approval', String(o.requiresApproval));
  core.setOutput('approved', String(o.approved));
  core.setOutput('findings-introduced', String(o.introduced));
}
