'use strict';
/**
 * The Backstage backend benchmark (issue 5, §6): 5,000 catalog entities mapped to 15,000 AWS
 * Config items through the snapshot provider, on a real backend process (plugins/backend/dev/start.js:
 * @backstage/backend-defaults, SQLite on disk, a static service token so every request goes
 * through Backstage auth and the permission check).
 *
 * - full refresh (every item new) and a refresh with nothing changed: wall time, the refresh's own
 *   duration, and the backend's peak RSS;
 * - the AWS calls a live refresh of the same 15,000 items makes, counted through aws-sdk-client-mock
 *   (budget: ceil(items/100) batch calls plus the query pages), and of a refresh with nothing changed;
 * - API latency under 50 concurrent clients (autocannon, in a process of its own: bench/load.js) on
 *   the overview and the entity route: p50/p95/p99 from every response's own latency (budget: p95
 *   < 50 ms), and the same for /v1/health, the framework's floor on this machine.
 *
 *   node bench/backstage.js     (also part of `npm run bench`; needs `npm run build` first)
 */
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawn } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const ENTITIES = 5000;
const ITEMS_PER_ENTITY = 3;
const CONNECTIONS = 50;
const DURATION_S = 10;
const BUDGET = { p95Ms: 50 };
const PORT = 7117;

/** Account-wide resources an estate has a few of, not one per service: kept once, never cloned. */
const SHARED = new Set(['AWS::CloudTrail::Trail', 'AWS::EC2::VPC', 'AWS::EC2::VPCEndpoint']);

/**
 * 15,000 items cloned from the example snapshot's data-service items (unique ids and ARNs), 3 per
 * entity, plus the account's trail, VPC and endpoint once.
 */
function generateEstate(outDir) {
  const all = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/aws-config/snapshot.json'), 'utf8')).configurationItems;
  const base = all.filter((i) => !SHARED.has(i.resourceType));
  const items = all.filter((i) => SHARED.has(i.resourceType));
  const entities = [];
  for (let j = 0; j < ENTITIES; j++) {
    const arns = [];
    for (let m = 0; m < ITEMS_PER_ENTITY; m++) {
      const src = base[(j * ITEMS_PER_ENTITY + m) % base.length];
      const suffix = `-b${j}-${m}`;
      const arn = `${src.ARN}${suffix}`;
      items.push({ ...src, resourceId: `${src.resourceId}${suffix}`, resourceName: src.resourceName ? `${src.resourceName}${suffix}` : undefined, ARN: arn, tags: { ...src.tags, 'bench-app': `app-${j % 500}` } });
      arns.push(arn);
    }
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: `bench-${j}`, annotations: { 'aws.amazon.com/arn': arns.join(',') } },
      spec: { type: 'aws-resource', owner: `group:default/team-${j % 50}`, system: `sys-${j % 100}` },
    });
  }
  const snapshot = path.join(outDir, 'estate-snapshot.json');
  const catalog = path.join(outDir, 'estate-entities.json');
  fs.writeFileSync(snapshot, JSON.stringify({ fileVersion: '1.0', configSnapshotId: 'bench', configurationItems: items }));
  fs.writeFileSync(catalog, JSON.stringify(entities));
  return { snapshot, catalog, items };
}

/** autocannon in a fresh process (bench/load.js), every response's latency recorded, so p95 is exact. */
function load(url, token, paths) {
  const { execFileSync } = require('node:child_process');
  const out = execFileSync(process.execPath, [path.join(__dirname, 'load.js'), JSON.stringify({ url, token, connections: CONNECTIONS, durationS: DURATION_S, paths })], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

function peakRssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

/** `frontendUrl`: a dev app that signs users in (guest) and calls this backend from that origin (bench/portal.js). */
async function startBackend(outDir, estate, token, { port = PORT, frontendUrl } = {}) {
  const dbDir = path.join(outDir, 'backstage-db');
  fs.rmSync(dbDir, { recursive: true, force: true });
  fs.mkdirSync(dbDir, { recursive: true });
  const config = path.join(outDir, 'backstage-bench.yaml');
  fs.writeFileSync(
    config,
    JSON.stringify({
      ...(frontendUrl ? { app: { baseUrl: frontendUrl } } : {}),
      backend: {
        baseUrl: `http://localhost:${port}`,
        listen: { port },
        ...(frontendUrl ? { cors: { origin: frontendUrl, methods: ['GET', 'HEAD', 'POST'], credentials: true } } : {}),
        database: { client: 'better-sqlite3', connection: { directory: dbDir } },
        auth: { externalAccess: [{ type: 'static', options: { token, subject: 'pillarguard-bench' } }] },
      },
      pillarguard: { provider: { type: 'snapshot', snapshot: { paths: [estate.snapshot] } }, schedule: { frequency: { trigger: 'manual' }, timeout: { minutes: 30 } }, demo: { allowUnauthenticatedReads: false } },
    }),
  );
  // BENCH_NODE_ARGS: extra node flags for the backend process (e.g. --cpu-prof to see where a request's time goes).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'plugins/backend/dev/start.js'), '--config', config], {
    env: { ...process.env, PILLARGUARD_DEV_CATALOG: estate.catalog, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://localhost:${port}/api/pillarguard/v1/health`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status === 200) return child;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`backend exited: ${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`backend did not start: ${log.slice(-2000)}`);
}

async function refresh(token, port = PORT) {
  const started = performance.now();
  const res = await fetch(`http://localhost:${port}/api/pillarguard/v1/entities/resource/default/bench-0/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const body = await res.json();
  if (res.status !== 200 || !body.refresh.ok) throw new Error(`refresh failed: ${JSON.stringify(body).slice(0, 500)}`);
  return { wallMs: performance.now() - started, report: body.refresh };
}

/** The live provider on the same items, its AWS side answered by aws-sdk-client-mock. */
async function awsCalls(items) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const { mockClient } = require('aws-sdk-client-mock');
  const sdk = require('@aws-sdk/client-config-service');
  const { AwsConfigProvider } = require(path.join(ROOT, 'plugins/backend/dist/service/providers/aws-config'));
  const { AWS_CONFIG_RESOURCE_TYPES } = require(path.join(ROOT, 'packages/rules/dist'));
  const mock = mockClient(sdk.ConfigServiceClient);
  const rows = items.map((i) => JSON.stringify({ resourceId: i.resourceId, resourceType: i.resourceType, arn: i.ARN, accountId: i.awsAccountId, awsRegion: i.awsRegion, configurationItemCaptureTime: i.configurationItemCaptureTime, tags: Object.entries(i.tags ?? {}).map(([key, value]) => ({ key, value })) }));
  const byKey = new Map(items.map((i) => [`${i.resourceType}/${i.resourceId}`, i]));
  mock.on(sdk.SelectResourceConfigCommand).callsFake((input) => {
    const start = input.NextToken ? Number(input.NextToken) : 0;
    const end = start + input.Limit;
    return { Results: rows.slice(start, end), ...(end < rows.length ? { NextToken: String(end) } : {}) };
  });
  mock.on(sdk.BatchGetResourceConfigCommand).callsFake((input) => ({
    baseConfigurationItems: input.resourceKeys.map((k) => {
      const i = byKey.get(`${k.resourceType}/${k.resourceId}`);
      return { ...i, accountId: i.awsAccountId, arn: i.ARN, configurationItemCaptureTime: new Date(i.configurationItemCaptureTime), configuration: JSON.stringify(i.configuration) };
    }),
  }));
  mock.on(sdk.GetComplianceDetailsByResourceCommand).resolves({ EvaluationResults: [] });
  const credentials = { getCredentialProvider: async () => ({ sdkCredentialProvider: async () => ({ accessKeyId: 'bench', secretAccessKey: 'bench' }) }) };
  const options = { region: 'eu-west-1', resourceTypes: AWS_CONFIG_RESOURCE_TYPES, maxCalls: 100000, maxAttempts: 3, compliance: { enabled: false, maxCalls: 500 } };
  const first = await new AwsConfigProvider(options, credentials).load({ known: new Map() });
  const known = new Map(first.items.map((i) => [i.key, i.captureTime]));
  const unchanged = await new AwsConfigProvider(options, credentials).load({ known });
  const withCompliance = await new AwsConfigProvider({ ...options, compliance: { enabled: true, maxCalls: 500 } }, credentials).load({ known: new Map() });
  mock.restore();
  return { items: first.items.length, complete: first.complete && unchanged.complete, first: first.calls, unchanged: unchanged.calls, withCompliance: withCompliance.calls };
}

async function benchBackstage(outDir = path.join(__dirname, 'out')) {
  fs.mkdirSync(outDir, { recursive: true });
  const estate = generateEstate(outDir);
  const token = crypto.randomBytes(24).toString('hex');
  const calls = await awsCalls(estate.items);
  const child = await startBackend(outDir, estate, token);
  try {
    const full = await refresh(token);
    const rssAfterFull = peakRssMb(child.pid);
    const same = await refresh(token);
    const overview = load(`http://localhost:${PORT}/api/pillarguard/v1/overview`, token, [
      { template: '/api/pillarguard/v1/overview?page={n}&pageSize=50', min: 1, max: 101 },
      { template: '/api/pillarguard/v1/overview?owner=team-{n}&pillar=recovery&below=100&sort=recovery', max: 50 },
    ]);
    const entity = load(`http://localhost:${PORT}/api/pillarguard/v1/entities/resource/default/bench-0`, token, [{ template: '/api/pillarguard/v1/entities/resource/default/bench-{n}', max: ENTITIES }]);
    // The floor in the same run: a route that only authenticates and reads one value held in memory
    // (the framework's own cost on this machine, with autocannon sharing the cores).
    const floor = load(`http://localhost:${PORT}/api/pillarguard/v1/health`, token, undefined);
    const peak = peakRssMb(child.pid);

    const items = estate.items.length;
    const batchBudget = Math.ceil(items / 100);
    const shared = estate.items.filter((i) => SHARED.has(i.resourceType)).length;
    const queries = calls.first.SelectResourceConfig ?? 0;
    const batches = calls.first.BatchGetResourceConfig ?? 0;
    const row = {
      entities: ENTITIES,
      items,
      fullRefresh: { wallMs: Math.round(full.wallMs), durationMs: full.report.durationMs, evaluated: full.report.evaluated, entities: full.report.entities },
      unchangedRefresh: { wallMs: Math.round(same.wallMs), durationMs: same.report.durationMs, evaluated: same.report.evaluated, changedEntities: same.report.changedEntities },
      peakRssMb: { afterFullRefresh: Math.round(rssAfterFull), afterLoad: Math.round(peak) },
      awsCalls: calls,
      latency: { overview, entity, floor },
    };
    const fmt = (l) => `p50 ${l.p50.toFixed(1)} ms  p95 ${l.p95.toFixed(1)} ms  p99 ${l.p99.toFixed(1)} ms  (${l.requests} requests, ${l.rps}/s, ${l.errors} non-200)`;
    console.log(`\nBackstage backend: ${ENTITIES} entities, ${items} configuration items (${items - shared} mapped to entities, ${shared} account-wide) (snapshot provider, SQLite on disk, ${CONNECTIONS} clients × ${DURATION_S} s)`);
    console.log(`  full refresh        ${row.fullRefresh.wallMs} ms wall (refresh ${row.fullRefresh.durationMs} ms), ${row.fullRefresh.entities} entities scored`);
    console.log(`  unchanged refresh   ${row.unchangedRefresh.wallMs} ms wall (refresh ${row.unchangedRefresh.durationMs} ms), evaluated=${row.unchangedRefresh.evaluated}, ${row.unchangedRefresh.changedEntities} entities changed`);
    console.log(`  peak RSS            ${row.peakRssMb.afterFullRefresh} MB after the full refresh, ${row.peakRssMb.afterLoad} MB after the load test`);
    console.log(`  AWS calls (live)    first refresh: ${JSON.stringify(calls.first)}; nothing changed: ${JSON.stringify(calls.unchanged)}; with compliance (bound 500): ${JSON.stringify(calls.withCompliance)}`);
    console.log(`  GET /overview       ${fmt(overview)}`);
    console.log(`  GET /entities/…     ${fmt(entity)}`);
    console.log(`  GET /health (floor) ${fmt(floor)}`);
    console.log(`  p95 / floor p95     overview ${(overview.p95 / floor.p95).toFixed(2)}, entity ${(entity.p95 / floor.p95).toFixed(2)}`);
    const verdicts = [
      [`batch calls ${batches} ≤ ceil(${items}/100) = ${batchBudget} (plus ${queries} query pages)`, batches <= batchBudget && calls.complete],
      [`unchanged refresh: 0 batch calls (${calls.unchanged.BatchGetResourceConfig ?? 0})`, !calls.unchanged.BatchGetResourceConfig],
      [`overview p95 ${overview.p95.toFixed(1)} ms < ${BUDGET.p95Ms} ms`, overview.p95 < BUDGET.p95Ms && overview.errors === 0],
      [`entity p95 ${entity.p95.toFixed(1)} ms < ${BUDGET.p95Ms} ms`, entity.p95 < BUDGET.p95Ms && entity.errors === 0],
      [`unchanged refresh evaluates nothing`, row.unchangedRefresh.evaluated === false],
    ];
    let ok = true;
    for (const [text, pass] of verdicts) {
      console.log(`${pass ? 'within budget' : 'OVER BUDGET '}  backstage: ${text}`);
      ok = ok && pass;
    }
    return { ok, row };
  } finally {
    child.kill();
  }
}

module.exports = { benchBackstage, generateEstate, startBackend, load, refresh };

if (require.main === module) {
  benchBackstage().then(
    (r) => {
      fs.writeFileSync(path.join(__dirname, 'out', 'backstage.json'), JSON.stringify(r.row, null, 2));
      process.exitCode = r.ok ? 0 : 1;
    },
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
