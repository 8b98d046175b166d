import type { Facets, PolicyDocument, PolicyStatement, Resource } from '../model';
import { unknown } from '../model';
import { rules } from './s3';
import { classified, findRule, metadataProblems, resource, resultOf, verdictOf } from './__testing__/builders';

const u = (reason: string) => unknown(reason);
const bucket = (facets: Facets, extra: Partial<Resource> = {}) => resource('DataBucket', 'AWS::S3::Bucket', facets, extra);

/** The canonical "deny plain HTTP" statement; `over` replaces parts of it. */
const denyHttp = (over: Partial<PolicyStatement> = {}): PolicyStatement => ({
  sid: 'DenyInsecureTransport',
  effect: 'Deny',
  principals: [{ type: '*', value: '*' }],
  actions: ['s3:*'],
  resources: ['${DataBucket.Arn}', '${DataBucket.Arn}/*'],
  conditions: { Bool: { 'aws:SecureTransport': ['false'] } },
  ...over,
});
const policy = (...statements: PolicyStatement[]): PolicyDocument => ({ statements });
const readOnly: PolicyStatement = { effect: 'Allow', principals: [{ type: 'AWS', value: 'arn:aws:iam::111122223333:role/reader' }], actions: ['s3:GetObject'], resources: ['${DataBucket.Arn}/*'], conditions: {} };

describe('s3 rules metadata', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s has complete metadata', (_id, rule) => {
    expect(metadataProblems(rule)).toEqual([]);
  });
});

describe('s3.block-public-access', () => {
  const rule = findRule(rules, 's3.block-public-access');
  const all = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
  it('passes with all four on', () => expect(verdictOf(rule, bucket({ publicAccess: all }))).toBe('pass'));
  it('fails naming the settings that are off (absent = off)', () => {
    const r = resultOf(rule, bucket({ publicAccess: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false } }));
    expect(r).toEqual({ verdict: 'fail', message: 'public access block settings off: blockPublicPolicy, restrictPublicBuckets.', path: 'publicAccess.blockPublicPolicy' });
    expect(verdictOf(rule, bucket({}))).toBe('fail');
  });
  it('is unknown when a setting is unresolved and none is off', () => {
    const r = resultOf(rule, bucket({ publicAccess: { ...all, restrictPublicBuckets: u('var.restrict') } }));
    expect(r.verdict).toBe('unknown');
    expect(r.message).toMatch(/restrictPublicBuckets: var\.restrict/);
  });
  it('does not apply to bucket policies', () => expect(verdictOf(rule, resource('P', 'AWS::S3::BucketPolicy'))).toBe('not-applicable'));
});

describe('s3.encryption', () => {
  const rule = findRule(rules, 's3.encryption');
  const key = resource('DataKey', 'AWS::KMS::Key', { kms: { rotation: true } });
  const kms = (keyRef: string): Facets => ({ encryption: { atRest: 'cmk', keyRef }, s3: { sseAlgorithm: 'aws:kms' } });
  const red = { tags: classified('red') };
  const orange = { tags: classified('orange') };

  it('passes a red bucket with SSE-KMS and a customer-managed key found through the index', () => {
    expect(resultOf(rule, bucket(kms('${DataKey.Arn}'), red), [key])).toMatchObject({ verdict: 'pass', related: ['DataKey'] });
  });
  it('fails a red bucket on SSE-S3 or an AWS-managed key', () => {
    expect(resultOf(rule, bucket({ encryption: { atRest: 'aws-owned' }, s3: { sseAlgorithm: 'AES256' } }, red)).message).toMatch(/AES256.*customer-managed key/);
    expect(verdictOf(rule, bucket({ encryption: { atRest: 'cmk', keyRef: 'alias/aws/s3' }, s3: { sseAlgorithm: 'aws:kms' } }, red))).toBe('fail');
    expect(verdictOf(rule, bucket({}, red))).toBe('fail');
  });
  it('passes an orange bucket on SSE-S3 with a bucket policy, fails it without one', () => {
    const sses3: Facets = { encryption: { atRest: 'aws-owned' }, s3: { sseAlgorithm: 'AES256' } };
    expect(verdictOf(rule, bucket({ ...sses3, s3: { ...sses3.s3, bucketPolicy: policy(readOnly) } }, orange))).toBe('pass');
    expect(resultOf(rule, bucket(sses3, orange))).toMatchObject({ verdict: 'fail', path: 's3.bucketPolicy', message: 'orange bucket is encrypted with an AWS-owned key but has no bucket policy.' });
  });
  it('holds unclassified buckets to the orange baseline', () => {
    expect(resultOf(rule, bucket({})).message).toMatch(/unclassified bucket \(held to orange\).*no bucket policy/);
    expect(verdictOf(rule, bucket({ s3: { bucketPolicy: policy(denyHttp()) } }))).toBe('pass');
  });
  it('is unknown when the key, the algorithm or the policy cannot be read', () => {
    expect(verdictOf(rule, bucket({ encryption: { atRest: u('var.key') }, s3: { sseAlgorithm: 'aws:kms' } }, red))).toBe('unknown');
    expect(verdictOf(rule, bucket({ encryption: { atRest: 'cmk', keyRef: 'DataKey' }, s3: { sseAlgorithm: u('var.alg') } }, red), [key])).toBe('unknown');
    expect(verdictOf(rule, bucket({ s3: { bucketPolicy: { statements: [], unknownReason: 'data.aws_iam_policy_document.x not resolved' } } }, orange))).toBe('unknown');
  });
  it('is unknown when the classification cannot be read and the bucket is not red-grade', () => {
    expect(verdictOf(rule, bucket({}, { tags: { data_classification: u('var.level') } }))).toBe('unknown');
    expect(verdictOf(rule, bucket(kms('DataKey'), { tags: { data_classification: u('var.level') } }), [key])).toBe('pass');
  });
  it('does not apply to green buckets', () => expect(verdictOf(rule, bucket({}, { tags: classified('green') }))).toBe('not-applicable'));
});

describe('tls.s3-secure-transport', () => {
  const rule = findRule(rules, 'tls.s3-secure-transport');
  const withPolicy = (...statements: PolicyStatement[]) => bucket({ s3: { bucketPolicy: policy(...statements) } });

  it('passes with the canonical deny statement among others', () => {
    expect(resultOf(rule, withPolicy(readOnly, denyHttp()))).toMatchObject({ verdict: 'pass', path: 's3.bucketPolicy' });
  });
  it('accepts Principal {"AWS": "*"}, Action "*", Resource "*" and BoolIfExists', () => {
    expect(verdictOf(rule, withPolicy(denyHttp({ principals: [{ type: 'AWS', value: '*' }], actions: ['*'], resources: ['*'], conditions: { BoolIfExists: { 'aws:securetransport': ['false'] } } })))).toBe('pass');
  });
  it('fails without a bucket policy', () => expect(resultOf(rule, bucket({})).message).toBe('no bucket policy, so requests without TLS are not denied.'));
  it.each([
    ['an Allow', denyHttp({ effect: 'Allow' })],
    ['one principal only', denyHttp({ principals: [{ type: 'AWS', value: 'arn:aws:iam::111122223333:root' }] })],
    ['only s3:GetObject', denyHttp({ actions: ['s3:GetObject'] })],
    ['only the bucket, not its objects', denyHttp({ resources: ['${DataBucket.Arn}'] })],
    ['SecureTransport true', denyHttp({ conditions: { Bool: { 'aws:SecureTransport': ['true'] } } })],
    ['no condition', denyHttp({ conditions: {} })],
  ])('fails a deny statement with %s', (_what, statement) => {
    expect(verdictOf(rule, withPolicy(statement))).toBe('fail');
  });
  it('is unknown when a deciding part is unresolved or the policy cannot be read', () => {
    expect(resultOf(rule, withPolicy(denyHttp({ resources: [u('var.bucket_arn')] }))).message).toMatch(/var\.bucket_arn/);
    expect(verdictOf(rule, withPolicy(denyHttp({ conditions: u('local.cond') })))).toBe('unknown');
    expect(verdictOf(rule, bucket({ s3: { bucketPolicy: { statements: [], unknownReason: 'policy is not valid JSON' } } }))).toBe('unknown');
  });
  it('does not let an unresolved part matter when the statement fails anyway', () => {
    expect(verdictOf(rule, withPolicy(denyHttp({ effect: 'Allow', resources: [u('var.arn')] })))).toBe('fail');
  });
  it('applies to green buckets too', () => expect(verdictOf(rule, bucket({}, { tags: classified('green') }))).toBe('fail'));
});

describe('s3.versioning', () => {
  const rule = findRule(rules, 's3.versioning');
  it('passes a red bucket with versioning', () => expect(verdictOf(rule, bucket({ backup: { versioning: true } }, { tags: classified('red') }))).toBe('pass'));
  it('fails orange and unclassified buckets without it', () => {
    expect(resultOf(rule, bucket({ backup: { versioning: false } }, { tags: classified('orange') }))).toMatchObject({ verdict: 'fail', message: 'versioning is off.', path: 'backup.versioning' });
    expect(verdictOf(rule, bucket({}))).toBe('fail');
  });
  it('is unknown when versioning or the classification is unresolved', () => {
    expect(verdictOf(rule, bucket({ backup: { versioning: u('var.versioning') } }, { tags: classified('red') }))).toBe('unknown');
    expect(verdictOf(rule, bucket({}, { tags: { pii: u('var.pii') } }))).toBe('unknown');
  });
  it('does not apply to green buckets', () => expect(verdictOf(rule, bucket({}, { tags: classified('green') }))).toBe('not-applicable'));
});
