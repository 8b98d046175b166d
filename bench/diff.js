'use strict';
/**
 * The diff benchmark (issue 3, §7): two CloudFormation templates of 2,000 resources, 500 of them
 * IAM policies, that differ in 50 places (half broadening, half equivalent rewrites). Each
 * measurement runs in a fresh process (so its peak RSS is its own), alternating ours and
 * @aws-cdk/cloudformation-diff's, ROUNDS times each:
 *   - ours:   `scan()` of base and head (parse, link, all rules) + `diffScans()` with ALL_CHANGE_RULES
 *   - theirs: `JSON.parse` of both + `fullDiff()`
 * In each process the first run (module loading, catalogs, cdk's spec database) is reported
 * apart; WARMUP more runs are discarded (the JIT is still optimising: both tools get the same), then
 * RUNS more give a median; the figure is the median over the processes.
 * Budget: ours ≤ 1.5× theirs (warm medians), peak RSS < 500 MB. Reported, never asserted in tests.
 *
 *   node bench/diff.js                         the whole comparison (also part of `npm run bench`)
 *   node bench/diff.js measure ours|cdk <dir>  one measurement, one JSON line (used by the above)
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const RUNS = Number(process.env.BENCH_RUNS || 5);
const WARMUP = Number(process.env.BENCH_WARMUP || 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const BUDGET = { ratio: 1.5, rssMb: 500 };
const ACCOUNT = '111122223333';
const KINDS = ['table', 'bucket', 'role', 'key', 'sg', 'secret'];

// ---------------------------------------------------------------------------------------------
// The pair

function kindAt(k) {
  return KINDS[k % KINDS.length];
}

/** The three statements every IAM policy starts from (base). */
function policyStatements(table, bucket) {
  return [
    { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: { 'Fn::GetAtt': [table, 'Arn'] } },
    { Effect: 'Allow', Action: 's3:Get*', Resource: `arn:aws:s3:::data-${bucket}/*`, Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } } },
    { Effect: 'Deny', Action: ['dynamodb:DeleteTable', 'dynamodb:DeleteBackup'], Resource: '*' },
  ];
}

/**
 * The 50 changes: policy j (every 10th) gets change (j / 10) % 10. Five broaden (new action,
 * `s3:Get*` → `s3:*`, resource widened, condition removed, Deny removed), five do not
 * (statements reordered, split, actions reordered, condition added, wildcard to a subset).
 */
const CHANGES = [
  { name: 'new action', broadening: true, apply: (s) => [{ ...s[0], Action: [...s[0].Action, 'dynamodb:PutItem'] }, s[1], s[2]] },
  { name: 's3:Get* → s3:*', broadening: true, apply: (s) => [s[0], { ...s[1], Action: 's3:*' }, s[2]] },
  { name: 'resource widened', broadening: true, apply: (s) => [{ ...s[0], Resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/*` }, s[1], s[2]] },
  { name: 'condition removed', broadening: true, apply: (s) => [s[0], { Effect: 'Allow', Action: s[1].Action, Resource: s[1].Resource }, s[2]] },
  { name: 'Deny removed', broadening: true, apply: (s) => [s[0], s[1]] },
  { name: 'statements reordered', broadening: false, apply: (s) => [s[2], s[1], s[0]] },
  { name: 'statement split', broadening: false, apply: (s) => [{ ...s[0], Action: 'dynamodb:GetItem' }, { ...s[0], Action: 'dynamodb:Query' }, s[1], s[2]] },
  { name: 'actions reordered', broadening: false, apply: (s) => [{ ...s[0], Action: [...s[0].Action].reverse() }, s[1], s[2]] },
  { name: 'condition added', broadening: false, apply: (s) => [{ ...s[0], Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } } }, s[1], s[2]] },
  { name: 'wildcard to a subset', broadening: false, apply: (s) => [s[0], { ...s[1], Action: ['s3:GetObject', 's3:GetObjectVersion'] }, s[2]] },
];

function otherResource(kind, k, ids) {
  const tag = (v) => [{ Key: 'data_classification', Value: v }, { Key: 'owner', Value: 'data-platform' }];
  switch (kind) {
    case 'table':
      return { Type: 'AWS::DynamoDB::Table', Properties: { TableName: `orders-${k}`, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: k % 2 === 0 }, DeletionProtectionEnabled: true, SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { Ref: ids.key[k % ids.key.length] } }, Tags: tag(['red', 'orange', 'green'][k % 3]) } };
    case 'bucket':
      return { Type: 'AWS::S3::Bucket', Properties: { BucketName: `data-${k}`, VersioningConfiguration: { Status: 'Enabled' }, BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [ids.key[k % ids.key.length], 'Arn'] } } }] }, Tags: tag(k % 2 ? 'orange' : 'green') } };
    case 'role':
      return {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: `etl-${k}`,
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          Policies: [{ PolicyName: 'logs', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:/aws-glue/*` }] } }],
        },
      };
    case 'key':
      return {
        Type: 'AWS::KMS::Key',
        Properties: {
          EnableKeyRotation: true,
          KeyPolicy: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: 'kms:*', Resource: '*' },
              { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/etl-${k}` }, Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: '*' },
            ],
          },
        },
      };
    case 'sg':
      return { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'db', VpcId: 'vpc-0a1b2c3d', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: '10.0.0.0/16' }] } };
    default:
      return { Type: 'AWS::SecretsManager::Secret', Properties: { Name: `db/${k}`, KmsKeyId: { Ref: ids.key[k % ids.key.length] }, GenerateSecretString: { PasswordLength: 32 } } };
  }
}

/**
 * Base and head: 1,500 data-platform resources (tables, buckets, roles, keys, security groups,
 * secrets) and 500 IAM policies (400 AWS::IAM::Policy, 100 AWS::IAM::ManagedPolicy), each
 * attached to one of the 250 roles and pointing at a table and a bucket of the template.
 */
function generateDiffPair(total = 2000, policies = 500, changes = 50) {
  const others = total - policies;
  const ids = { table: [], bucket: [], role: [], key: [], sg: [], secret: [] };
  const names = { table: 'Table', bucket: 'Bucket', role: 'Role', key: 'Key', sg: 'Sg', secret: 'Secret' };
  for (let k = 0; k < others; k++) ids[kindAt(k)].push(`${names[kindAt(k)]}${k}`);
  const common = {};
  for (let k = 0; k < others; k++) common[`${names[kindAt(k)]}${k}`] = otherResource(kindAt(k), k, ids);
  const every = Math.floor(policies / changes);
  const summary = new Map();
  const build = (side) => {
    const Resources = { ...common };
    for (let p = 0; p < policies; p++) {
      const table = ids.table[p % ids.table.length];
      const bucket = Number(ids.bucket[(p * 7) % ids.bucket.length].slice('Bucket'.length));
      let statements = policyStatements(table, bucket);
      if (side === 'head' && p % every === 0 && p / every < changes) {
        const change = CHANGES[(p / every) % CHANGES.length];
        statements = change.apply(statements);
        summary.set(change.name, (summary.get(change.name) || 0) + 1);
      }
      const managed = p % 5 === 4;
      const Properties = { PolicyDocument: { Version: '2012-10-17', Statement: statements }, Roles: [{ Ref: ids.role[p % ids.role.length] }] };
      if (!managed) Properties.PolicyName = `data-${p}`;
      Resources[`Policy${p}`] = { Type: managed ? 'AWS::IAM::ManagedPolicy' : 'AWS::IAM::Policy', Properties };
    }
    return { AWSTemplateFormatVersion: '2010-09-09', Description: `Pillarguard diff benchmark (${side})`, Resources };
  };
  const base = build('base');
  const head = build('head');
  return { base, head, changes: [...summary].map(([name, count]) => ({ name, count, broadening: CHANGES.find((c) => c.name === name).broadening })) };
}

// ---------------------------------------------------------------------------------------------
// One measurement (a fresh process)

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function measure(tool, dir) {
  const baseText = fs.readFileSync(path.join(dir, 'base.json'), 'utf8');
  const headText = fs.readFileSync(path.join(dir, 'head.json'), 'utf8');
  let once;
  if (tool === 'ours') {
    const { scan, diffScans, DEFAULT_CONFIG, ALL_CHANGE_RULES } = require('../packages/rules/dist');
    const file = 'template.json';
    once = async () => {
      const base = await scan([{ path: file, content: baseText }], { now: '2026-11-28T00:00:00Z' });
      const head = await scan([{ path: file, content: headText }], { now: '2026-11-28T00:00:00Z' });
      if (base.errors.length || head.errors.length) throw new Error(`benchmark input did not parse: ${[...base.errors, ...head.errors][0].message}`);
      const d = diffScans(base, head, { config: DEFAULT_CONFIG, changeRules: ALL_CHANGE_RULES, changedFiles: [file], headFiles: [file] });
      const changeIds = new Set(ALL_CHANGE_RULES.map((r) => r.id));
      const change = d.findings.filter((f) => changeIds.has(f.ruleId));
      return { changeFindings: change.length, iamChangeFindings: change.filter((f) => f.ruleId.startsWith('iam.')).length, approval: d.approval.required, modified: d.changes.modified };
    };
  } else if (tool === 'cdk') {
    const { fullDiff } = require('@aws-cdk/cloudformation-diff');
    once = async () => {
      const d = fullDiff(JSON.parse(baseText), JSON.parse(headText));
      return { changes: d.differenceCount, broadened: d.permissionsBroadened, statementAdditions: d.iamChanges.statements.additions.length, statementRemovals: d.iamChanges.statements.removals.length };
    };
  } else {
    throw new Error(`unknown tool ${tool}`);
  }
  let t = process.hrtime.bigint();
  const result = await once();
  const firstMs = Number(process.hrtime.bigint() - t) / 1e6;
  for (let i = 0; i < WARMUP; i++) await once();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    t = process.hrtime.bigint();
    await once();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { tool, firstMs, medianMs: median(times), peakRssMb: process.resourceUsage().maxRSS / 1024, result };
}

// ---------------------------------------------------------------------------------------------
// The comparison

function benchDiff(outDir = path.join(__dirname, 'out')) {
  const dir = path.join(outDir, 'diff-2000');
  fs.mkdirSync(dir, { recursive: true });
  const { base, head, changes } = generateDiffPair();
  fs.writeFileSync(path.join(dir, 'base.json'), JSON.stringify(base, null, 1));
  fs.writeFileSync(path.join(dir, 'head.json'), JSON.stringify(head, null, 1));
  const runs = { ours: [], cdk: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const tool of round % 2 ? ['cdk', 'ours'] : ['ours', 'cdk']) {
      const line = execFileSync(process.execPath, [path.join(__dirname, 'diff.js'), 'measure', tool, dir], { encoding: 'utf8', env: { ...process.env }, maxBuffer: 1 << 24 });
      runs[tool].push(JSON.parse(line.trim().split('\n').pop()));
    }
  }
  const agg = (xs) => ({
    firstMs: median(xs.map((x) => x.firstMs)),
    medianMs: median(xs.map((x) => x.medianMs)),
    peakRssMb: Math.max(...xs.map((x) => x.peakRssMb)),
    result: xs[0].result,
  });
  const ours = agg(runs.ours);
  const cdk = agg(runs.cdk);
  const row = {
    resources: Object.keys(base.Resources).length,
    policies: Object.values(base.Resources).filter((r) => r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy').length,
    changes,
    bytes: fs.statSync(path.join(dir, 'base.json')).size,
    ours,
    cdk,
    ratio: ours.medianMs / cdk.medianMs,
    firstRatio: ours.firstMs / cdk.firstMs,
    runs,
  };
  const fmt = (n, d = 0) => n.toFixed(d);
  console.log('');
  console.log(`diff: ${row.resources} resources (${row.policies} IAM policies), ${changes.reduce((n, c) => n + c.count, 0)} changes (${changes.filter((c) => c.broadening).reduce((n, c) => n + c.count, 0)} broadening); ${ROUNDS} processes each, alternating; in each: the first run, ${WARMUP} warm-up runs discarded, the median of ${RUNS}`);
  console.log('tool                          first     median   peak RSS  result');
  console.log(`pillarguard scan×2 + diff  ${fmt(ours.firstMs).padStart(6)}ms  ${fmt(ours.medianMs).padStart(6)}ms  ${fmt(ours.peakRssMb).padStart(5)} MB  ${JSON.stringify(ours.result)}`);
  console.log(`cloudformation-diff        ${fmt(cdk.firstMs).padStart(6)}ms  ${fmt(cdk.medianMs).padStart(6)}ms  ${fmt(cdk.peakRssMb).padStart(5)} MB  ${JSON.stringify(cdk.result)}`);
  console.log(`ratio ours/theirs: ${fmt(row.ratio, 2)} (median), ${fmt(row.firstRatio, 2)} (first run)`);
  const verdicts = [
    [`ours ${fmt(ours.medianMs)} ms ≤ ${BUDGET.ratio}× theirs (${fmt(cdk.medianMs)} ms): ratio ${fmt(row.ratio, 2)}`, row.ratio <= BUDGET.ratio],
    [`peak RSS ${fmt(ours.peakRssMb)} MB < ${BUDGET.rssMb} MB`, ours.peakRssMb < BUDGET.rssMb],
  ];
  let ok = true;
  for (const [text, pass] of verdicts) {
    console.log(`${pass ? 'within budget' : 'OVER BUDGET '}  diff: ${text}`);
    ok = ok && pass;
  }
  return { ok, row };
}

module.exports = { generateDiffPair, benchDiff, CHANGES };

if (require.main === module) {
  if (process.argv[2] === 'measure') {
    measure(process.argv[3], process.argv[4])
      .then((out) => process.stdout.write(JSON.stringify(out) + '\n'))
      .catch((e) => {
        process.stderr.write(`${e.stack || e}\n`);
        process.exit(1);
      });
  } else {
    const { ok, row } = benchDiff();
    const out = path.join(__dirname, 'out');
    fs.writeFileSync(path.join(out, 'diff-results.json'), JSON.stringify({ node: process.version, row }, null, 2));
    process.exitCode = ok ? 0 : 1;
  }
}
