'use strict';
/**
 * The action benchmark (issue 4, §6): the committed bundle (`action/dist/index.js`) run once, in a
 * fresh process as a runner starts it, on a 200-file pull request served by the local GitHub API
 * double (test/github-double). Reports wall time, API calls (budget: at most 2 per changed file
 * plus a constant), the bundle's size, and its cold start — from spawning `node` to its first API
 * request (budget: under 300 ms). Reported, never asserted in tests.
 *
 *   node bench/action.js        (also part of `npm run bench`)
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..');
const FILES = 200;
const RUNS = 3;
const BUDGET = { callsPerFile: 2, constant: 20, coldStartMs: 300 };

/** The double is TypeScript (the tests use it as it is); compile it once for this script. */
function loadDouble(outDir) {
  const out = path.join(outDir, 'github-double.js');
  esbuild.buildSync({ entryPoints: [path.join(ROOT, 'test/github-double/server.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  return require(out).GitHubDouble;
}

/** One small stack per file: a role whose policy the head version widens, and a table. */
function stack(i, widened) {
  const actions = widened ? '[dynamodb:GetItem, dynamodb:PutItem]' : '[dynamodb:GetItem]';
  return `Resources:
  Table${i}:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders-${i}
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
      Tags: [{ Key: data_classification, Value: orange }, { Key: owner, Value: data-platform }]
  Role${i}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
      Policies:
        - PolicyName: app
          PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: ${actions}, Resource: { "Fn::GetAtt": [Table${i}, Arn] } }] }
`;
}

function runBundle(url, work) {
  return new Promise((resolve) => {
    const event = path.join(work, 'event.json');
    const env = {
      PATH: process.env.PATH,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_API_URL: url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_OUTPUT: path.join(work, 'output'),
      GITHUB_STEP_SUMMARY: path.join(work, 'summary.md'),
      RUNNER_TEMP: work,
      'INPUT_GITHUB-TOKEN': 'ghs_bench',
      INPUT_APPROVERS: 'lead',
      INPUT_COMMENT: 'always',
      'INPUT_FAIL-ON': 'none',
      INPUT_CONFIG: '.github/pillarguard.yml',
      INPUT_LABEL: 'pillarguard: approval required',
    };
    fs.writeFileSync(env.GITHUB_OUTPUT, '');
    fs.writeFileSync(env.GITHUB_STEP_SUMMARY, '');
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'action/dist/index.js')], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, started, ms: Date.now() - started, out }));
  });
}

async function benchAction() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pillarguard-bench-action-'));
  const GitHubDouble = loadDouble(work);
  const gh = new GitHubDouble();
  const url = await gh.start();
  const stamps = [];
  const log = gh.log;
  // Time of each request as it arrives (the double logs in order).
  const push = log.push.bind(log);
  log.push = (...items) => {
    for (let i = 0; i < items.length; i++) stamps.push(Date.now());
    return push(...items);
  };
  const files = (widened) => Array.from({ length: FILES }, (_, i) => ({ path: `stacks/s${String(i).padStart(3, '0')}.yaml`, content: stack(i, widened) }));
  const base = gh.commit(files(false));
  const head = gh.commit(files(true));
  gh.pull(7, { files: files(true).map((f) => ({ filename: f.path, status: 'modified' })) });
  fs.writeFileSync(path.join(work, 'event.json'), JSON.stringify({ action: 'synchronize', pull_request: { number: 7, user: { login: 'dev' }, base: { sha: base, repo: { full_name: 'acme/infra' } }, head: { sha: head, repo: { full_name: 'acme/infra' } } } }));

  // Three runs of the same pull request (each a fresh process, the double reset in between apart
  // from its commits); the figures are the median run's, by cold start.
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    gh.log.length = 0;
    stamps.length = 0;
    gh.checkRuns.length = 0;
    gh.pulls.get(7).comments.length = 0;
    gh.pulls.get(7).labels.length = 0;
    gh.pulls.get(7).requestedReviewers = { users: [], teams: [] };
    const r = await runBundle(url, work);
    runs.push({ r, calls: gh.calls(), coldStartMs: stamps.length ? stamps[0] - r.started : NaN, conclusion: gh.checkRuns.at(-1)?.conclusion });
  }
  await gh.stop();
  runs.sort((a, b) => a.coldStartMs - b.coldStartMs);
  const { r, calls, coldStartMs, conclusion } = runs[Math.floor(runs.length / 2)];
  const byKind = {};
  for (const c of calls) {
    const k = c.replace(/[0-9a-f]{40}/g, '{sha}').replace(/\/\d+(\/|$)/g, '/{n}$1');
    byKind[k] = (byKind[k] || 0) + 1;
  }
  const size = (f) => fs.statSync(path.join(ROOT, 'action/dist', f)).size;
  const bundleBytes = size('index.js') + size('engine.js');
  const limit = BUDGET.callsPerFile * FILES + BUDGET.constant;
  const row = { files: FILES, exitCode: r.code, wallMs: r.ms, apiCalls: calls.length, callsByEndpoint: byKind, coldStartMs, bundleBytes, checkConclusion: conclusion, coldStartsMs: runs.map((x) => x.coldStartMs) };
  console.log(`\naction: ${FILES}-file pull request against the GitHub API double (action/dist/index.js, ${RUNS} runs, each a fresh process; the median run by cold start)`);
  console.log(`wall ${r.ms} ms · ${calls.length} API calls · cold start to first API call ${coldStartMs} ms (runs: ${runs.map((x) => x.coldStartMs).join(', ')} ms) · bundle ${(bundleBytes / 1024 / 1024).toFixed(2)} MB (index.js ${(size('index.js') / 1024 / 1024).toFixed(2)} MB, engine.js loaded after the first call ${(size('engine.js') / 1024 / 1024).toFixed(2)} MB) · check ${row.checkConclusion} · exit ${r.code}`);
  for (const [k, n] of Object.entries(byKind).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
  if (r.code !== 0) console.log(r.out);
  const verdicts = [
    [`API calls ${calls.length} ≤ ${BUDGET.callsPerFile} per file + ${BUDGET.constant} (${limit})`, calls.length <= limit],
    [`cold start ${coldStartMs} ms < ${BUDGET.coldStartMs} ms`, coldStartMs < BUDGET.coldStartMs],
  ];
  for (const [text, pass] of verdicts) console.log(`${pass ? 'within budget' : 'OVER BUDGET '}  action: ${text}`);
  return { ok: verdicts.every(([, pass]) => pass) && r.code === 0, row };
}

module.exports = { benchAction };

if (require.main === module) {
  benchAction().then(
    (r) => (process.exitCode = r.ok ? 0 : 1),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
