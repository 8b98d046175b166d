import { rules } from './logs';
import { expectCompleteMetadata, res, ruleById, run, U } from './__testing__/builders-meta';

const retention = ruleById(rules, 'logs.retention');

describe('logs rules metadata', () => {
  it('is complete', () => {
    expectCompleteMetadata(rules, ['logs.retention']);
  });
});

describe('logs.retention', () => {
  const group = (extra: object = {}) => res('Logs', 'AWS::Logs::LogGroup', extra);
  const key = res('LogsKey', 'AWS::KMS::Key');

  it('passes a log group with retention', () => {
    const results = run(retention, group({ facets: { logging: { retentionDays: 365 } } }));
    expect(results.map((r) => r.verdict)).toEqual(['pass']);
    expect(results[0].message).toContain('365 days');
  });

  it('fails a log group that never expires (absent = never)', () => {
    expect(run(retention, group()).map((r) => r.verdict)).toEqual(['fail']);
    const [r] = run(retention, group({ facets: { logging: { retentionDays: null } } }));
    expect(r.message).toContain('never expire');
    expect(r.path).toBe('logging.retentionDays');
  });

  it('is unknown when retention is unresolved', () => {
    expect(run(retention, group({ facets: { logging: { retentionDays: U('var.days') } } })).map((r) => r.verdict)).toEqual(['unknown']);
  });

  it('also requires a customer-managed key for red log groups, following the key reference', () => {
    const ok = group({ tags: { data_classification: 'red' }, facets: { logging: { retentionDays: 30 }, encryption: { atRest: 'cmk', keyRef: '${LogsKey.Arn}' } } });
    expect(run(retention, ok, [ok, key]).map((r) => r.verdict)).toEqual(['pass', 'pass']);
    const noKey = group({ tags: { data_classification: 'red' }, facets: { logging: { retentionDays: 30 }, encryption: { atRest: 'aws-owned' } } });
    const results = run(retention, noKey);
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'fail']);
    expect(results[1].path).toBe('encryption.atRest');
    const unclear = group({ tags: { data_classification: 'red' }, facets: { logging: { retentionDays: 30 }, encryption: { atRest: U('var.key') } } });
    expect(run(retention, unclear).map((r) => r.verdict)).toEqual(['pass', 'unknown']);
  });

  it('does not apply to other types', () => {
    expect(run(retention, res('B', 'AWS::S3::Bucket'))).toEqual([]);
  });
});
