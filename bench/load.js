'use strict';
/**
 * One autocannon run in a process of its own, so the load generator's event loop carries nothing
 * but the load (the benchmark process holds 15,000 generated items and the AWS SDK). Prints one
 * JSON line: requests, non-200s, requests/s and p50/p95/p99 from every response's own latency.
 *
 *   node bench/load.js <json: {url, token, connections, durationS, paths?: [{template, max}]}>
 */
const autocannon = require('autocannon');

const spec = JSON.parse(process.argv[2]);
const latencies = [];
let errors = 0;
// `{n}` in a path template becomes a random integer from `min` (default 0) below `max`: a spread of pages or entities.
const requests = spec.paths?.map((p) => ({ method: 'GET', setupRequest: (req) => ({ ...req, path: p.template.replace('{n}', String((p.min ?? 0) + Math.floor(Math.random() * (p.max - (p.min ?? 0))))) }) }));
const instance = autocannon(
  { url: spec.url, connections: spec.connections, duration: spec.durationS, headers: { authorization: `Bearer ${spec.token}` }, ...(requests ? { requests } : {}) },
  (err) => {
    if (err) throw err;
    latencies.sort((a, b) => a - b);
    const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    console.log(JSON.stringify({ requests: latencies.length, errors, rps: Math.round(latencies.length / spec.durationS), p50: at(50), p95: at(95), p99: at(99) }));
  },
);
instance.on('response', (_client, status, _bytes, ms) => {
  if (status !== 200) errors++;
  latencies.push(ms);
});
