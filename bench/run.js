'use strict';
/**
 * `npm run bench`: generates a 10,000-resource Terraform plan and a 2,000-resource CloudFormation
 * template, scans each in its own process, and prints scan time, peak RSS and the ratio of scan
 * time to a bare JSON.parse of the same input — measured side by side in one run. Budgets (2-core
 * machine): plan < 2 s, peak RSS < 600 MB, ratio < 8. Then the diff benchmark (bench/diff.js): our
 * diff of two 2,000-resource templates against @aws-cdk/cloudformation-diff's, ours ≤ 1.5× theirs,
 * peak RSS < 500 MB. Then the action (bench/action.js), the Backstage backend (bench/backstage.js)
 * and the overview page in Chromium (bench/portal.js).
 * Budgets are reported, never asserted in tests.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { generatePlan, generateTemplate } = require('./generate');
const { benchDiff } = require('./diff');
const { benchAction } = require('./action');

const out = path.join(__dirname, 'out');
fs.mkdirSync(out, { recursive: true });
const planFile = path.join(out, 'plan-10000.json');
const cfnFile = path.join(out, 'template-2000.json');
fs.writeFileSync(planFile, JSON.stringify(generatePlan(10000)));
fs.writeFileSync(cfnFile, JSON.stringify(generateTemplate(2000), null, 1));

const budgets = { [path.basename(planFile)]: { ms: 2000, rssMb: 600, ratio: 8 } };
const rows = [];
for (const file of [planFile, cfnFile]) {
  const line = execFileSync(process.execPath, [path.join(__dirname, 'measure.js'), file], { encoding: 'utf8', env: { ...process.env } });
  rows.push(JSON.parse(line.trim().split('\n').pop()));
}

const fmt = (n, d = 0) => n.toFixed(d);
console.log('input                 bytes      resources  findings  JSON.parse  scan(first)  scan(median)  ratio  peak RSS');
for (const r of rows) {
  console.log(
    `${r.file.padEnd(20)}  ${String(r.bytes).padStart(9)}  ${String(r.resources).padStart(9)}  ${String(r.findings).padStart(8)}  ${fmt(r.jsonParseMs, 1).padStart(8)}ms  ${fmt(r.scanFirstMs).padStart(9)}ms  ${fmt(r.scanMedianMs).padStart(10)}ms  ${fmt(r.ratio, 1).padStart(5)}  ${fmt(r.peakRssMb).padStart(5)} MB`,
  );
}
let ok = true;
for (const r of rows) {
  const b = budgets[r.file];
  if (!b) continue;
  const verdicts = [
    [`scan ${fmt(r.scanMedianMs)} ms < ${b.ms} ms`, r.scanMedianMs < b.ms],
    [`peak RSS ${fmt(r.peakRssMb)} MB < ${b.rssMb} MB`, r.peakRssMb < b.rssMb],
    [`ratio ${fmt(r.ratio, 1)} < ${b.ratio}`, r.ratio < b.ratio],
  ];
  for (const [text, pass] of verdicts) {
    console.log(`${pass ? 'within budget' : 'OVER BUDGET '}  ${r.file}: ${text}`);
    ok = ok && pass;
  }
}
// The diff of two 2,000-resource templates against @aws-cdk/cloudformation-diff (bench/diff.js).
const diff = benchDiff(out);
ok = ok && diff.ok;
// The action bundle on a 200-file pull request against the GitHub API double (bench/action.js).
// The Backstage backend: 5,000 entities / 15,000 items, refresh, AWS calls, API latency (bench/backstage.js).
(async () => {
  const action = await benchAction();
  // A process of its own: nothing the benchmarks above left in this one competes with the load.
  const { spawnSync } = require('node:child_process');
  const backstage = spawnSync(process.execPath, [path.join(__dirname, 'backstage.js')], { stdio: 'inherit' });
  // The overview page in Chromium on the same 5,000 entities (bench/portal.js), also in its own process.
  const portalFile = path.join(out, 'portal.json');
  fs.rmSync(portalFile, { force: true });
  const portal = spawnSync(process.execPath, [path.join(__dirname, 'portal.js')], { stdio: 'inherit' });
  ok = ok && action.ok && backstage.status === 0 && portal.status === 0;
  const backstageRow = JSON.parse(fs.readFileSync(path.join(out, 'backstage.json'), 'utf8'));
  const portalRow = fs.existsSync(portalFile) ? JSON.parse(fs.readFileSync(portalFile, 'utf8')) : null;
  fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify({ node: process.version, rows, diff: diff.row, action: action.row, backstage: backstageRow, portal: portalRow }, null, 2));
  process.exitCode = ok ? 0 : 1;
})().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
