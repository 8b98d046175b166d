import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { run, tempDir } from './run';

const BAD_TABLE = `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      Tags: [{ Key: data_classification, Value: red }]
`;

describe('pillarguard scan', () => {
  it('reports findings and exits 1 when one reaches --fail-on', async () => {
    const dir = await tempDir({ 'template.yaml': BAD_TABLE });
    const r = await run(['scan', '.', '--format', 'json', '--fail-on', 'high'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.schemaVersion).toBe(1);
    const ids = report.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toEqual(expect.arrayContaining(['dynamodb.pitr', 'dynamodb.cmk']));
    const pitr = report.findings.find((f: { ruleId: string }) => f.ruleId === 'dynamodb.pitr');
    expect(pitr.resource).toMatchObject({ id: 'Orders', file: 'template.yaml', line: 2 });
  });

  it('exits 0 when nothing reaches the threshold', async () => {
    const dir = await tempDir({ 'template.yaml': BAD_TABLE });
    expect((await run(['scan', '.', '--fail-on', 'critical'], dir)).code).toBe(0);
    expect((await run(['scan', '.', '--fail-on', 'none'], dir)).code).toBe(0);
  });

  it('honours suppressions from pillarguard.yml and rejects one without a reason', async () => {
    const ok = await tempDir({
      'template.yaml': BAD_TABLE,
      'pillarguard.yml': 'suppressions:\n  - rule: dynamodb.pitr\n    resource: Orders\n    reason: rebuilt nightly from S3\n    expires: 2099-01-01\n',
    });
    const r = await run(['scan', 'template.yaml', '--format', 'json', '--fail-on', 'none'], ok);
    const pitr = JSON.parse(r.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'dynamodb.pitr');
    expect(pitr.suppressed).toEqual({ reason: 'rebuilt nightly from S3', expires: '2099-01-01' });

    const bad = await tempDir({ 'template.yaml': BAD_TABLE, '.github/pillarguard.yml': 'suppressions:\n  - rule: dynamodb.pitr\n    resource: Orders\n' });
    const r2 = await run(['scan', 'template.yaml'], bad);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toBe('.github/pillarguard.yml:2:5: suppression: a reason is required — say why the risk is accepted\n');
  });

  it('reports an expired suppression as a finding of its own', async () => {
    const dir = await tempDir({
      'template.yaml': BAD_TABLE,
      'pillarguard.yml': 'suppressions:\n  - rule: dynamodb.pitr\n    resource: Orders\n    reason: rebuilt nightly from S3\n    expires: 2020-01-01\n',
    });
    const report = JSON.parse((await run(['scan', 'template.yaml', '--format', 'json', '--fail-on', 'none'], dir)).stdout);
    const ids = report.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toContain('config.suppression-expired');
    expect(report.findings.find((f: { ruleId: string }) => f.ruleId === 'dynamodb.pitr').suppressed).toBeUndefined();
  });

  it('prints malformed input as file:line:col and exits 2 (fail closed)', async () => {
    const dir = await tempDir({ 'broken.yaml': 'Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties: {a: [1, 2\n' });
    const r = await run(['scan', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^broken\.yaml:\d+:\d+: .+/m);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says so and exits 0 on a directory without infrastructure code', async () => {
    const dir = await tempDir({ 'README.md': '# hello\n', 'package.json': '{"name":"x"}' });
    const r = await run(['scan', '.'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no infrastructure code found/);
  });

  it('skips binary and oversized files with a message', async () => {
    const dir = await tempDir({ 'blob.json': Buffer.from([0x7b, 0x00, 0x01, 0x02]), 'big.yaml': BAD_TABLE + '#'.repeat(5000) });
    const r = await run(['scan', '.', '--max-file-size', '2KB'], dir);
    expect(r.stderr).toMatch(/blob\.json: skipped: binary file/);
    expect(r.stderr).toMatch(/big\.yaml: skipped: larger than the 2 KB limit/);
    // Fail closed: files that look like infrastructure code and were not read are input errors.
    expect(r.stderr).toMatch(/^big\.yaml: not read: larger than the 2 KB limit/m);
    expect(r.code).toBe(2);
    // A skipped picture is not.
    const pic = await tempDir({ 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 't.yaml': BAD_TABLE });
    expect((await run(['scan', '.', '--fail-on', 'none'], pic)).code).toBe(0);
  });

  it('counts unknown verdicts toward --fail-on when unknownAsFail says so', async () => {
    const template = 'Parameters:\n  Pitr: { Type: String }\nResources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: orders\n      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: { Ref: Pitr } }\n      DeletionProtectionEnabled: true\n      Tags: [{ Key: data_classification, Value: green }, { Key: owner, Value: t }]\n';
    const lenient = await tempDir({ 't.yaml': template });
    expect((await run(['scan', '.', '--fail-on', 'high'], lenient)).code).toBe(0);
    const strict = await tempDir({ 't.yaml': template, 'pillarguard.yml': 'unknownAsFail: [recovery]\n' });
    expect((await run(['scan', 't.yaml', '--fail-on', 'high'], strict)).code).toBe(1);
  });

  it('does not follow symbolic links to directories while walking (no loop blow-up), says so, and still scans the rest', async () => {
    const dir = await tempDir({ 'infra/template.yaml': BAD_TABLE });
    await fs.symlink('..', path.join(dir, 'infra', 'up1'));
    await fs.symlink('..', path.join(dir, 'infra', 'up2'));
    const r = await run(['scan', 'infra', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/infra\/up1: skipped: symbolic link to a directory, not followed/);
    expect(JSON.parse(r.stdout).findings.some((f: { resource: { file: string } }) => f.resource.file === 'infra/template.yaml')).toBe(true);
  }, 20_000);

  it('skips FIFOs while walking and rejects a named one, without blocking on them', async () => {
    const dir = await tempDir({ 'template.yaml': BAD_TABLE });
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    const walked = await run(['scan', '.', '--fail-on', 'none'], dir);
    expect(walked.stderr).toMatch(/pipe\.yaml: skipped: not a regular file/);
    // A .yaml that could not be read fails closed, whatever the reason.
    expect(walked.code).toBe(2);
    execFileSync('mv', [path.join(dir, 'pipe.yaml'), path.join(dir, 'pipe')]);
    expect((await run(['scan', '.', '--fail-on', 'none'], dir)).code).toBe(0);
    execFileSync('mv', [path.join(dir, 'pipe'), path.join(dir, 'pipe.yaml')]);
    const named = await run(['scan', 'pipe.yaml'], dir);
    expect(named.code).toBe(2);
    expect(named.stderr).toBe('pipe.yaml: not a regular file or directory\n');
  }, 20_000);

  it('exits 2 on unreadable paths and bad usage, with one line and no stack', async () => {
    const dir = await tempDir({});
    const missing = await run(['scan', 'nope/'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('nope: no such file or directory\n');
    const usage = await run(['scan', '--format', 'pdf'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr.split('\n')[0]).toBe('pillarguard: --format must be one of text, json, markdown, sarif');
    expect((await run(['scan', '--frobnicate'], dir)).code).toBe(2);
    expect((await run(['launch'], dir)).code).toBe(2);
  });

  it('colours text output only on a terminal', async () => {
    const dir = await tempDir({ 'template.yaml': BAD_TABLE });
    const plain = await run(['scan', '.', '--fail-on', 'none'], dir);
    expect(plain.stdout.includes("\u001b[")).toBe(false);
    const tty = await run(['scan', '.', '--fail-on', 'none'], dir, { isTTY: true });
    expect(tty.stdout.includes("\u001b[")).toBe(true);
  });

  it('writes SARIF and Markdown to --output', async () => {
    const dir = await tempDir({ 'template.yaml': BAD_TABLE });
    await run(['scan', '.', '--format', 'sarif', '--output', 'out.sarif', '--fail-on', 'none'], dir);
    const sarif = JSON.parse(await fs.readFile(path.join(dir, 'out.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    await run(['scan', '.', '--format', 'markdown', '--output', 'out.md', '--fail-on', 'none'], dir);
    expect(await fs.readFile(path.join(dir, 'out.md'), 'utf8')).toMatch(/dynamodb\.pitr/);
  });
});

describe('pillarguard rules', () => {
  it('prints the catalog as markdown and json', async () => {
    const dir = await tempDir({});
    const md = await run(['rules', '--format', 'markdown'], dir);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Rule catalog/);
    expect(md.stdout).toMatch(/### dynamodb\.pitr/);
    const json = JSON.parse((await run(['rules', '--format', 'json'], dir)).stdout);
    expect(json.rules.length).toBeGreaterThan(50);
    expect(json.rules.filter((r: { kind: string }) => r.kind === 'change').map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['iam.new-access', 'iam.new-privilege-escalation', 'iam.trust-broadened', 'iam.deny-weakened', 'kms.policy-broadened', 'kms.rotation-disabled', 'kms.key-deletion', 'encryption.downgraded', 'exposure.increased']));
    expect(md.stdout).toMatch(/## Change rules/);
    for (const r of json.rules) {
      expect(r.remediation.cloudformation.length).toBeGreaterThan(0);
      expect(r.remediation.terraform.length).toBeGreaterThan(0);
    }
  });
});
