import type { Resource } from '../model';
import { rules } from './cloudtrail';
import { ctxOf, expectCompleteMetadata, res, ruleById, run, scopeRuleById, U, verdictOf } from './__testing__/builders-meta';

const enabled = scopeRuleById(rules, 'cloudtrail.enabled');
const dataEvents = ruleById(rules, 'cloudtrail.data-events');

const goodTrail = (extra: object = {}) => res('Trail', 'AWS::CloudTrail::Trail', { facets: { trail: { isLogging: true, multiRegion: true, logFileValidation: true, kmsKey: '${TrailKey.Arn}', ...extra } } });
const checkInput = (resources: Resource[]) => enabled.checkInput(resources, ctxOf(resources));

describe('cloudtrail rules metadata', () => {
  it('is complete', () => {
    expectCompleteMetadata(rules, ['cloudtrail.enabled', 'cloudtrail.data-events']);
  });
});

describe('cloudtrail.enabled', () => {
  it('passes a multi-region, validated, KMS-encrypted trail', () => {
    const t = goodTrail();
    const [r] = checkInput([t]);
    expect(r.verdict).toBe('pass');
    expect(r.resource).toBe(t);
  });

  it('fails each missing property, listing all, and defaults to the API defaults', () => {
    const [r] = checkInput([goodTrail({ multiRegion: false, kmsKey: null })]);
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('not multi-region');
    expect(r.message).toContain('not encrypted with a KMS key');
    expect(r.path).toBe('trail.multiRegion');
    const [bare] = checkInput([res('T', 'AWS::CloudTrail::Trail', { facets: { trail: {} } })]);
    expect(bare.verdict).toBe('fail');
    expect(bare.message).toContain('no log-file validation');
    expect(checkInput([goodTrail({ isLogging: false })])[0].message).toContain('not logging');
  });

  it('is unknown for unresolved properties', () => {
    const [r] = checkInput([goodTrail({ kmsKey: U('param TrailKeyArn') })]);
    expect(r.verdict).toBe('unknown');
    expect(r.message).toContain('param TrailKeyArn');
  });

  it('reports one unknown for an input with data but no trail, and nothing for an input without data', () => {
    const results = checkInput([res('T', 'AWS::DynamoDB::Table'), res('B', 'AWS::S3::Bucket')]);
    expect(results).toHaveLength(1);
    expect(results[0].verdict).toBe('unknown');
    expect(results[0].resource).toBeUndefined();
    expect(results[0].message).toContain('no CloudTrail trail');
    expect(checkInput([res('R', 'AWS::IAM::Role')])).toEqual([]);
  });
});

describe('cloudtrail.data-events', () => {
  const red = { data_classification: 'red' };
  const table = res('OrdersTable', 'AWS::DynamoDB::Table', { name: 'orders', tags: red, facets: { dynamodb: { tableName: 'orders' } } });
  const bucket = res('RawBucket', 'AWS::S3::Bucket', { name: 'raw-bucket', tags: red });
  const trail = (dataEvents: unknown[], extra: object = {}) => goodTrail({ dataEvents, ...extra });

  it('passes a table covered by a reference, an exact ARN or the all-tables value', () => {
    expect(verdictOf(dataEvents, table, [table, trail([{ type: 'AWS::DynamoDB::Table', values: ['${OrdersTable.Arn}'] }])])).toBe('pass');
    expect(verdictOf(dataEvents, table, [table, trail([{ type: 'AWS::DynamoDB::Table', values: ['arn:aws:dynamodb:eu-west-1:111122223333:table/orders'] }])])).toBe('pass');
    expect(verdictOf(dataEvents, table, [table, trail([{ type: 'AWS::DynamoDB::Table', values: ['arn:aws:dynamodb'] }])])).toBe('pass');
    expect(verdictOf(dataEvents, table, [table, trail([{ type: 'AWS::DynamoDB::Table', values: [] }])])).toBe('pass');
  });

  it('passes a bucket covered by its ARN prefix, a reference with "/" or all buckets', () => {
    const [r] = run(dataEvents, bucket, [bucket, trail([{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::raw-bucket/'] }])]);
    expect(r.verdict).toBe('pass');
    expect(r.related).toEqual(['Trail']);
    expect(verdictOf(dataEvents, bucket, [bucket, trail([{ type: 'AWS::S3::Object', values: ['${RawBucket.Arn}/'] }])])).toBe('pass');
    expect(verdictOf(dataEvents, bucket, [bucket, trail([{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }])])).toBe('pass');
  });

  it('fails when only another resource, another type, a sub-prefix or a stopped trail covers it', () => {
    expect(verdictOf(dataEvents, table, [table, trail([{ type: 'AWS::DynamoDB::Table', values: ['arn:aws:dynamodb:eu-west-1:1:table/orders-archive'] }])])).toBe('fail');
    expect(verdictOf(dataEvents, table, [table, trail([{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }])])).toBe('fail');
    const [r] = run(dataEvents, bucket, [bucket, trail([{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::raw-bucket/logs/'] }])]);
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('only objects under');
    expect(verdictOf(dataEvents, table, [table, trail([{ type: 'AWS::DynamoDB::Table', values: [] }], { isLogging: false })])).toBe('fail');
    expect(verdictOf(dataEvents, table, [table, trail([])])).toBe('fail');
  });

  it('is unknown without a trail, or with unresolved selector values', () => {
    const [r] = run(dataEvents, table, [table]);
    expect(r.verdict).toBe('unknown');
    expect(r.message).toContain('no CloudTrail trail');
    expect(verdictOf(dataEvents, table, [table, trail([{ type: 'AWS::DynamoDB::Table', values: [U('var.arns')] }])])).toBe('unknown');
    expect(verdictOf(dataEvents, table, [table, trail([{ type: U('var.type'), values: ['x'] }])])).toBe('unknown');
  });

  it('does not apply to tables that are not red', () => {
    const green = res('T', 'AWS::DynamoDB::Table', { tags: { data_classification: 'green' } });
    expect(verdictOf(dataEvents, green, [green, trail([])])).toBe('not-applicable');
    expect(verdictOf(dataEvents, res('K', 'AWS::KMS::Key'))).toBe('not-applicable');
  });
});

describe('cloudtrail rules in the engine', () => {
  it('evaluates per trail with source paths, and once for an input without trail', async () => {
    const { evaluateRules } = await import('../engine/evaluate');
    const t = res('Trail', 'AWS::CloudTrail::Trail', { facets: { trail: { multiRegion: false, logFileValidation: true, kmsKey: 'k' } }, facetPaths: { 'trail.multiRegion': 'IsMultiRegionTrail' } });
    const withTrail = evaluateRules(rules, [t], ctxOf([t]));
    expect(withTrail).toEqual([expect.objectContaining({ ruleId: 'cloudtrail.enabled', verdict: 'fail', path: 'IsMultiRegionTrail' })]);
    const table = res('T', 'AWS::DynamoDB::Table', { tags: { data_classification: 'red' } });
    const noTrail = evaluateRules(rules, [table], ctxOf([table]));
    expect(noTrail.map((e) => [e.ruleId, e.verdict, e.resource.id])).toEqual([
      ['cloudtrail.enabled', 'unknown', '(input)'],
      ['cloudtrail.data-events', 'unknown', 'T'],
    ]);
  });
});
