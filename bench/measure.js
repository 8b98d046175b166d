'use strict';
/**
 * Measures one input in a fresh process (so peak RSS belongs to this input alone): the time of a
 * bare JSON.parse of the file, and the time of a full `scan()` (parse → link → rules → score) of
 * the same text, side by side in the same process. Prints one JSON line.
 */
const fs = require('node:fs');
const path = require('node:path');
const { scan } = require('../packages/rules/dist');

const RUNS = Number(process.env.BENCH_RUNS || 5);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main() {
  const file = process.argv[2];
  const content = fs.readFileSync(file, 'utf8');
  const source = [{ path: path.basename(file), content }];
  const parseTimes = [];
  const scanTimes = [];
  let resources = 0;
  let findings = 0;
  // Interleave the two measurements so machine noise hits both alike.
  for (let i = 0; i < RUNS; i++) {
    let t = process.hrtime.bigint();
    JSON.parse(content);
    parseTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    const result = await scan(source, { now: '2026-11-28T00:00:00Z' });
    scanTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
    resources = result.resources.length;
    findings = result.findings.length;
    if (result.errors.length) throw new Error(`benchmark input did not parse: ${result.errors[0].toString()}`);
  }
  const out = {
    file: path.basename(file),
    bytes: Buffer.byteLength(content),
    resources,
    findings,
    jsonParseMs: median(parseTimes),
    scanFirstMs: scanTimes[0],
    scanMedianMs: median(scanTimes),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  out.ratio = out.scanMedianMs / out.jsonParseMs;
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
