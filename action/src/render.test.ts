import { ALL_CHANGE_RULES, DEFAULT_CONFIG, diffScans, scan } from '@pillarguard/rules';
import { nextMeta } from './metadata';
import { commentBody, gatePasses, suppressionHint, verdictLines } from './render';

const NOW = '2026-11-28T00:00:00Z';
const approvers = { users: ['lead'], teams: [{ org: 'acme', slug: 'data-platform' }] };

async function diff(base: string, head: string) {
  const b = await scan([{ path: 'stack.yaml', content: base }], { now: NOW });
  const h = await scan([{ path: 'stack.yaml', content: head }], { now: NOW });
  return diffScans(b, h, { config: DEFAULT_CONFIG, changeRules: ALL_CHANGE_RULES, changedFiles: ['stack.yaml'], headFiles: ['stack.yaml'] });
}

const table = (name: string, pitr: boolean) => `  ${name}:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: "${name.toLowerCase()}"
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: ${pitr} }
      Tags: [{ Key: data_classification, Value: green }, { Key: owner, Value: team }]
`;

describe('the PR comment', () => {
  it('leads with the verdict, links nothing it should not, ends with the metadata, and suggests a suppression in a code block', async () => {
    const r = await diff(`Resources:\n${table('Orders', true)}`, `Resources:\n${table('Orders', false)}`);
    const v = { requiresApproval: r.approval.required, approved: false, blocking: 0, problems: [] };
    const body = commentBody(r, v, undefined, approvers, nextMeta(undefined, 'a'.repeat(40), 'f', true), (f, l) => `https://github.com/acme/infra/blob/${'a'.repeat(40)}/${f}#L${l}`, '0.1.0');
    expect(body.split('\n')[1]).toBe('**⛔ Approval required** from `lead`, `acme/data-platform` before this can merge.');
    expect(body).toMatch(/<!-- pillarguard:meta [A-Za-z0-9+/=]+ -->\n$/);
    expect(body).toContain('```yaml\nsuppressions:\n  - rule: dynamodb.pitr\n    resource: "Orders"');
    expect(gatePasses(v)).toBe(false);
  });
  it('stays under GitHub\'s limit however many findings there are', async () => {
    const many = Array.from({ length: 400 }, (_, i) => table(`Table${i}`, false)).join('');
    const r = await diff('Resources:\n  X: { Type: AWS::SNS::Topic }\n', `Resources:\n${many}`);
    const body = commentBody(r, { requiresApproval: r.approval.required, approved: false, blocking: 0, problems: [] }, undefined, approvers, nextMeta(undefined, 'a'.repeat(40), 'f', true), () => 'https://x/y', '0.1.0');
    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body).toContain('Report truncated');
  });
  it('no suggestion when nothing was introduced; verdict lines for each state', async () => {
    const r = await diff(`Resources:\n${table('Orders', true)}`, `Resources:\n${table('Orders', true)}`);
    expect(suppressionHint(r, '.github/pillarguard.yml')).toBe('');
    expect(verdictLines({ requiresApproval: false, approved: false, blocking: 0, problems: [] }, undefined, approvers)).toEqual(['**✅ No approval needed.**']);
    expect(verdictLines({ requiresApproval: true, approved: true, blocking: 0, problems: [] }, { approved: true, by: ['lead'], stale: [] }, approvers)[0]).toContain('**✅ Approved** by `lead`');
    expect(verdictLines({ requiresApproval: false, approved: false, blocking: 0, problems: ['cannot read <x>'] }, undefined, approvers).join('\n')).toContain('cannot read &lt;x&gt;');
  });
});

it('says when approval is no longer needed', () => {
  expect(verdictLines({ requiresApproval: false, approved: false, blocking: 0, problems: [], resolved: true }, undefined, approvers)[0]).toMatch(/^\*\*✅ Resolved — no approval needed any more\*\*/);
});
