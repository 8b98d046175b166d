import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { run, tempDir } from './run';

const table = (extra: string) => `Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      DeletionProtectionEnabled: true
      Tags: [{ Key: data_classification, Value: orange }, { Key: owner, Value: team }]
${extra}`;
const PITR = '      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }\n';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

describe('pillarguard diff', () => {
  it('compares two directories: a new high finding needs approval (exit 1)', async () => {
    const dir = await tempDir({ 'base/infra/t.yaml': table(PITR), 'head/infra/t.yaml': table('') });
    const r = await run(['diff', '--base', 'base', '--head', 'head', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.requiresApproval).toBe(true);
    const pitr = report.findings.find((f: { ruleId: string }) => f.ruleId === 'dynamodb.pitr');
    expect(pitr).toMatchObject({ status: 'introduced', resource: { file: 'infra/t.yaml', id: 'Orders' } });
    expect(report.approvalReasons.find((r: { ruleId?: string }) => r.ruleId === 'dynamodb.pitr').findingIds).toEqual([pitr.id]);
    expect(report.approvalReasons.map((r: { ruleId?: string }) => r.ruleId)).toContain('exposure.increased'); // PITR lost
    expect(report.changes).toMatchObject({ modified: 1 });
  });

  it('exits 0 when nothing risky changed, and shows resolved findings', async () => {
    const dir = await tempDir({ 'base/t.yaml': table(''), 'head/t.yaml': table(PITR) });
    const r = await run(['diff', '--base', 'base', '--head', 'head'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No approval needed\./);
  });

  it('reads both versions from git objects without touching the working tree', async () => {
    const dir = await tempDir({ 'infra/t.yaml': table(PITR) });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    await fs.writeFile(path.join(dir, 'infra/t.yaml'), table(''));
    git(dir, 'commit', '-q', '-am', 'drop PITR');
    await fs.writeFile(path.join(dir, 'infra/t.yaml'), table(PITR)); // working tree differs from both commits
    const status = git(dir, 'status', '--porcelain');
    const r = await run(['diff', '--base-ref', 'HEAD~1', '--head-ref', 'HEAD', '--format', 'markdown'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/dynamodb\.pitr/);
    expect(git(dir, 'status', '--porcelain')).toBe(status);
    // Without --head-ref the working tree is the head: PITR is back, nothing to approve.
    expect((await run(['diff', '--base-ref', 'HEAD~1'], dir)).code).toBe(0);
    // From a subdirectory, paths stay relative to it in both versions.
    const sub = await run(['diff', '--base-ref', 'HEAD~1', '--head-ref', 'HEAD', '--format', 'json'], path.join(dir, 'infra'));
    expect(JSON.parse(sub.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'dynamodb.pitr').resource.file).toBe('t.yaml');
  });

  it('exits 2 with one line on bad usage or an unknown revision', async () => {
    const dir = await tempDir({ 't.yaml': table('') });
    const both = await run(['diff', '--base', 'a', '--base-ref', 'main'], dir);
    expect(both.code).toBe(2);
    expect(both.stderr.split('\n')[0]).toMatch(/^pillarguard: use either --base\/--head/);
    git(dir, 'init', '-q');
    const bad = await run(['diff', '--base-ref', 'no-such-rev'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^no-such-rev: not a commit in this repository\n$/);
  });
});
