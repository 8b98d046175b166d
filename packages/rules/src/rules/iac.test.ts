import { rules } from './iac';
import { ctxOf, expectCompleteMetadata, res, ruleById, run, U, verdictOf } from './__testing__/builders-meta';

const managed = ruleById(rules, 'iac.managed');
const owner = ruleById(rules, 'iac.owner');
const parseable = ruleById(rules, 'iac.parseable');

const live = (tags: Record<string, unknown>, extra: object = {}) =>
  res('arn:aws:s3:::raw', 'AWS::S3::Bucket', { tags: tags as never, location: { file: 'config.json', format: 'aws-config' }, ...extra });

describe('iac rules metadata', () => {
  it('is complete', () => {
    expectCompleteMetadata(rules, ['iac.managed', 'iac.owner', 'iac.parseable']);
    expect(managed.formats).toEqual(['aws-config']);
    expect(parseable.appliesTo).toEqual([]);
  });
});

describe('iac.managed', () => {
  it('passes a resource of a CloudFormation stack or with a configured IaC tag', () => {
    const [r] = run(managed, live({ 'aws:cloudformation:stack-name': 'data' }));
    expect(r.verdict).toBe('pass');
    expect(r.path).toBe('tags.aws:cloudformation:stack-name');
    expect(verdictOf(managed, live({ 'Managed-By': 'terraform' }))).toBe('pass');
    expect(verdictOf(managed, live({ iac: 'pulumi' }), undefined, { iacTags: { iac: 'pulumi' } })).toBe('pass');
  });

  it('fails a resource without, or with a wrong value of, the IaC tags', () => {
    const [r] = run(managed, live({ owner: 'team-a' }));
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('aws:cloudformation:stack-name, managed-by');
    expect(verdictOf(managed, live({ iac: 'clickops' }), undefined, { iacTags: { iac: 'terraform' } })).toBe('fail');
  });

  it('is unknown when the tags cannot be read', () => {
    expect(verdictOf(managed, live({}, { tagsUnknown: 'tags not recorded' }))).toBe('unknown');
    expect(verdictOf(managed, live({ 'managed-by': U('x') }), undefined, { iacTags: { 'managed-by': 'terraform' } })).toBe('unknown');
  });

  it('does not apply to types it does not know', () => {
    expect(verdictOf(managed, res('X', 'AWS::EC2::VPCEndpoint'))).toBe('not-applicable');
  });
});

describe('iac.owner', () => {
  const table = (tags: Record<string, unknown>, extra: object = {}) => res('T', 'AWS::DynamoDB::Table', { tags: tags as never, ...extra });

  it('passes an owner tag (any value without catalog groups)', () => {
    const [r] = run(owner, table({ Team: 'orders' }));
    expect(r.verdict).toBe('pass');
    expect(r.path).toBe('tags.Team');
  });

  it('matches owner values against catalog groups, by full ref or by name', () => {
    const cfg = { ownerGroups: ['group:default/team-orders', 'platform'] };
    expect(verdictOf(owner, table({ owner: 'team-orders' }), undefined, cfg)).toBe('pass');
    expect(verdictOf(owner, table({ owner: 'Group:default/Platform' }), undefined, cfg)).toBe('pass');
    const [r] = run(owner, table({ owner: 'someone' }), undefined, cfg);
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('"someone"');
  });

  it('fails a missing or empty owner tag', () => {
    expect(run(owner, table({}))[0].message).toContain('owner, team');
    expect(verdictOf(owner, table({ owner: ' ' }))).toBe('fail');
  });

  it('is unknown for unresolved tags', () => {
    expect(verdictOf(owner, table({ owner: U('var.owner') }))).toBe('unknown');
    expect(verdictOf(owner, table({}, { tagsUnknown: 'var.tags' }))).toBe('unknown');
  });

  it('does not apply to Glue tables (untaggable in CloudFormation)', () => {
    expect(verdictOf(owner, res('G', 'AWS::Glue::Table'))).toBe('not-applicable');
  });
});

describe('iac.parseable', () => {
  it('applies to no resource: the engine decides it from parse errors', () => {
    expect(verdictOf(parseable, res('T', 'AWS::DynamoDB::Table'))).toBe('not-applicable');
  });
});

describe('iac rules in the engine', () => {
  it('runs iac.managed on AWS Config items only, iac.owner everywhere, iac.parseable on no resource', async () => {
    const { evaluateRules } = await import('../engine/evaluate');
    const fromTemplate = res('T', 'AWS::DynamoDB::Table', { tags: { owner: 'a' } });
    const fromConfig = res('arn:aws:dynamodb:eu-west-1:1:table/t', 'AWS::DynamoDB::Table', { tags: { owner: 'a' }, location: { file: 'snap.json', format: 'aws-config' } });
    const all = [fromTemplate, fromConfig];
    const summary = evaluateRules(rules, all, ctxOf(all)).map((e) => [e.ruleId, e.verdict, e.resource.id]);
    expect(summary).toEqual([
      ['iac.managed', 'fail', 'arn:aws:dynamodb:eu-west-1:1:table/t'],
      ['iac.owner', 'pass', 'T'],
      ['iac.owner', 'pass', 'arn:aws:dynamodb:eu-west-1:1:table/t'],
    ]);
  });
});
