import { rules, dataLevel } from './classification';
import { ctxOf, expectCompleteMetadata, res, ruleById, run, U, verdictOf } from './__testing__/builders-meta';

const tagged = ruleById(rules, 'classification.tagged');
const valid = ruleById(rules, 'classification.valid-value');

describe('classification rules metadata', () => {
  it('is complete', () => {
    expectCompleteMetadata(rules, ['classification.tagged', 'classification.valid-value']);
  });
});

describe('classification.tagged', () => {
  it('passes a table with a classification tag, matched case-insensitively', () => {
    const [r] = run(tagged, res('T', 'AWS::DynamoDB::Table', { tags: { Data_Classification: 'red' } }));
    expect(r.verdict).toBe('pass');
    expect(r.path).toBe('tags.Data_Classification');
  });

  it('passes a tag with a value outside the mapping (valid-value reports that)', () => {
    expect(verdictOf(tagged, res('B', 'AWS::S3::Bucket', { tags: { pii: 'maybe' } }))).toBe('pass');
  });

  it('fails an untagged bucket, naming the expected keys', () => {
    const [r] = run(tagged, res('B', 'AWS::S3::Bucket', { tags: { owner: 'team-a' } }));
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('data_classification, pii');
  });

  it('uses the configured mapping keys', () => {
    const b = res('B', 'AWS::S3::Bucket', { tags: { sensitivity: 'high' } });
    expect(verdictOf(tagged, b)).toBe('fail');
    expect(verdictOf(tagged, b, [b], { classification: { sensitivity: { high: 'red' } } })).toBe('pass');
  });

  it('is unknown when the tag set cannot be read or an LF-tag key is unknown', () => {
    expect(verdictOf(tagged, res('B', 'AWS::S3::Bucket', { tagsUnknown: 'var.tags has no default' }))).toBe('unknown');
    expect(verdictOf(tagged, res('D', 'AWS::Glue::Database', { facets: { lakeformation: { assignedTags: [{ key: U('var.k'), values: ['high'] }] } } }))).toBe('unknown');
  });

  it('accepts Glue parameters and LF-tags, and a table inheriting from its database', () => {
    expect(verdictOf(tagged, res('T', 'AWS::Glue::Table', { facets: { glue: { tableParameters: { pii: 'low' } } } }))).toBe('pass');
    const db = res('Db', 'AWS::Glue::Database', { name: 'sales', facets: { lakeformation: { assignedTags: [{ key: 'pii', values: ['high'] }] } } });
    expect(verdictOf(tagged, db)).toBe('pass');
    const t = res('T', 'AWS::Glue::Table', { facets: { glue: { database: 'sales' } } });
    const [r] = run(tagged, t, [t, db]);
    expect(r.verdict).toBe('pass');
    expect(r.message).toContain('inherits');
    expect(r.related).toEqual(['Db']);
  });

  it('leaves an Aurora instance of a cluster to its cluster, but checks standalone instances', () => {
    expect(verdictOf(tagged, res('I', 'AWS::RDS::DBInstance', { facets: { database: { cluster: '${Cluster}' } } }))).toBe('not-applicable');
    expect(verdictOf(tagged, res('I', 'AWS::RDS::DBInstance', { facets: { database: { engine: 'postgres' } } }))).toBe('fail');
  });

  it('does not apply to non-data resources', () => {
    expect(verdictOf(tagged, res('K', 'AWS::KMS::Key'))).toBe('not-applicable');
  });
});

describe('classification.valid-value', () => {
  it('passes configured values', () => {
    expect(verdictOf(valid, res('T', 'AWS::DynamoDB::Table', { tags: { pii: ' High ' } }))).toBe('pass');
  });

  it('fails a value outside the mapping, listing the allowed ones', () => {
    const [r] = run(valid, res('T', 'AWS::DynamoDB::Table', { tags: { data_classification: 'red', pii: 'yes' } }));
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('tag pii="yes"');
    expect(r.message).toContain('high, true, low, none, false');
    expect(r.path).toBe('tags.pii');
  });

  it('fails an invalid LF-tag value on a Glue database', () => {
    const [r] = run(valid, res('D', 'AWS::Glue::Database', { facets: { lakeformation: { assignedTags: [{ key: 'pii', values: ['medium'] }] } } }));
    expect(r.verdict).toBe('fail');
    expect(r.path).toBe('lakeformation.assignedTags[0]');
  });

  it('is unknown for an unresolved value', () => {
    expect(verdictOf(valid, res('T', 'AWS::DynamoDB::Table', { tags: { pii: U('var.pii') } }))).toBe('unknown');
  });

  it('does not apply without any classification tag', () => {
    expect(verdictOf(valid, res('T', 'AWS::DynamoDB::Table'))).toBe('not-applicable');
  });
});

describe('dataLevel', () => {
  it('takes the strictest of tags, parameters, LF-tags and the database', () => {
    const db = res('Db', 'AWS::Glue::Database', { name: 'sales', facets: { lakeformation: { assignedTags: [{ key: 'PII', values: ['high'] }] } } });
    const t = res('T', 'AWS::Glue::Table', { tags: { data_classification: 'green' }, facets: { glue: { database: '${Db}', tableParameters: { pii: 'low' } } } });
    expect(dataLevel(t, ctxOf([t, db]))).toBe('red');
    expect(dataLevel(t, ctxOf([t]))).toBe('orange');
  });
});
