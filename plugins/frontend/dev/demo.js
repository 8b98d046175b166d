'use strict';
// The portal demo: the pillarguard backend (plugins/backend/dev/start.js: snapshot provider,
// SQLite, the example catalog, guest sign-in) on :7007 and this plugin's dev app on :3000. Waits
// until both answer, prints the URLs, and stops both on Ctrl-C or when either exits.
//
//   npm start      (or node plugins/frontend/dev/demo.js after `npm run build`)
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.join(__dirname, '../../..');
const FRONTEND = path.join(__dirname, '..');
const BACKEND_URL = 'http://localhost:7007';
const APP_URL = 'http://localhost:3000';
const TIMEOUT_MS = 5 * 60 * 1000;

const children = [];
function start(name, command, args, cwd, env = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk) => chunk.toString().split('\n').filter(Boolean).map((l) => `[${name}] ${l}`).join('\n');
  child.stdout.on('data', (d) => process.env.PILLARGUARD_DEMO_VERBOSE && console.log(prefix(d)));
  child.stderr.on('data', (d) => console.error(prefix(d)));
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`[${name}] exited with ${code}; stopping the demo`);
      stop(code || 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  process.exitCode = code;
  for (const c of children) if (c.exitCode === null) c.kill('SIGINT');
  setTimeout(() => process.exit(code), 2000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url, ok) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url);
      if (await ok(res)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${TIMEOUT_MS / 1000} s`);
}

// Something already on 3000 or 7007 (an earlier demo, another Backstage) would answer our readiness
// checks and we would print URLs to the wrong servers: refuse instead.
function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port }, () => probe.close(() => resolve(true)));
  });
}

(async () => {
  for (const port of [7007, 3000]) {
    if (!(await portFree(port))) throw new Error(`port ${port} is in use: stop what listens there (an earlier demo?) and run again`);
  }
  // A development run whatever the caller's NODE_ENV (jest sets 'test'): the guest sign-in requires it.
  start('backend', process.execPath, [path.join(ROOT, 'plugins/backend/dev/start.js')], ROOT, { NODE_ENV: 'development' });
  start('frontend', process.execPath, [require.resolve('@backstage/cli/bin/backstage-cli'), 'package', 'start', '--config', path.join(__dirname, 'app-config.yaml')], FRONTEND, { BROWSER: 'none' });
  // Ready when the catalog has ingested the example entities and the refreshes (every 15 s, the
  // demo config; anonymous reads allowed) have scored them: the same non-zero total across more
  // than one refresh period, so nothing still arriving changes the numbers under a user or a test.
  let seen = { total: 0, since: 0 };
  await waitFor(`${BACKEND_URL}/api/pillarguard/v1/overview?pageSize=1`, async (res) => {
    if (res.status !== 200) return false;
    const { total } = await res.json();
    if (total !== seen.total) seen = { total, since: Date.now() };
    return total > 0 && Date.now() - seen.since > 16_000;
  });
  await waitFor(APP_URL, (res) => res.status === 200);
  console.log(`Pillarguard demo ready:
  overview     ${APP_URL}/pillarguard
  entity page  ${APP_URL}/catalog/default/resource/orders-table
  API          ${BACKEND_URL}/api/pillarguard/v1/entities/resource/default/orders-table
Sign in as guest. Ctrl-C stops both.`);
})().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  stop(1);
});
