import { unknown } from '../model';
import { rules } from './dynamodb';
import { classified, findRule, metadataProblems, resource, resultOf, runRule, verdictOf } from './__testing__/builders';

const TABLE = 'AWS::DynamoDB::Table';
const u = (reason: string) => unknown(reason);

describe('dynamodb rules metadata', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s has complete metadata', (_id, rule) => {
    expect(metadataProblems(rule)).toEqual([]);
  });
});

describe('dynamodb.cmk', () => {
  const rule = findRule(rules, 'dynamodb.cmk');
  const key = resource('OrdersKey', 'AWS::KMS::Key', { kms: { rotation: true } });
  const awsKey = resource('arn:aws:kms:eu-west-1:111122223333:key/aws-1', 'AWS::KMS::Key', { kms: { keyManager: 'AWS' } }, { arn: 'arn:aws:kms:eu-west-1:111122223333:key/aws-1' });

  it('passes a red table whose key reference resolves to a customer-managed key', () => {
    const table = resource('Orders', TABLE, { encryption: { atRest: 'cmk', keyRef: '${OrdersKey.Arn}' } }, { tags: classified('red') });
    const r = resultOf(rule, table, [key]);
    expect(r.verdict).toBe('pass');
    expect(r.related).toEqual(['OrdersKey']);
    expect(r.path).toBe('encryption.atRest');
  });

  it('fails a red table on the AWS-owned default key, saying so', () => {
    const table = resource('Orders', TABLE, { encryption: { atRest: 'aws-owned' } }, { tags: classified('red') });
    const r = resultOf(rule, table);
    expect(r.verdict).toBe('fail');
    expect(r.message).toMatch(/AWS-owned key/);
  });

  it('fails a red table whose "cmk" is an AWS-managed key found through the index', () => {
    const table = resource('Orders', TABLE, { encryption: { atRest: 'cmk', keyRef: awsKey.arn } }, { tags: classified('red') });
    expect(verdictOf(rule, table, [awsKey])).toBe('fail');
  });

  it('fails a red table keyed with alias/aws/dynamodb', () => {
    const table = resource('Orders', TABLE, { encryption: { atRest: 'cmk', keyRef: 'alias/aws/dynamodb' } }, { tags: classified('red') });
    expect(verdictOf(rule, table)).toBe('fail');
  });

  it('treats a table without an encryption facet as AWS-owned', () => {
    expect(verdictOf(rule, resource('Orders', TABLE, {}, { tags: classified('red') }))).toBe('fail');
  });

  it('is unknown when the encryption setting is unresolved', () => {
    const table = resource('Orders', TABLE, { encryption: { atRest: u('parameter KeyMode has no default') } }, { tags: classified('red') });
    const r = resultOf(rule, table);
    expect(r.verdict).toBe('unknown');
    expect(r.message).toMatch(/KeyMode/);
  });

  it('does not apply to orange, green or unclassified tables', () => {
    for (const tags of [classified('orange'), classified('green'), {}]) {
      expect(verdictOf(rule, resource('Orders', TABLE, { encryption: { atRest: 'aws-owned' } }, { tags }))).toBe('not-applicable');
    }
  });

  it('is unknown when the classification tag cannot be read and the key is not a CMK', () => {
    const table = resource('Orders', TABLE, { encryption: { atRest: 'aws-owned' } }, { tags: { data_classification: u('var.level has no default') } });
    const r = resultOf(rule, table);
    expect(r.verdict).toBe('unknown');
    expect(r.message).toMatch(/var\.level/);
  });

  it('passes a table with an unreadable classification when it already uses a CMK', () => {
    const table = resource('Orders', TABLE, { encryption: { atRest: 'cmk', keyRef: 'OrdersKey' } }, { tags: { pii: u('x') } });
    expect(verdictOf(rule, table, [key])).toBe('pass');
  });

  it('follows pii=high as red', () => {
    expect(verdictOf(rule, resource('Orders', TABLE, { encryption: { atRest: 'aws-managed' } }, { tags: { pii: 'high' } }))).toBe('fail');
  });
});

describe('dynamodb.pitr', () => {
  const rule = findRule(rules, 'dynamodb.pitr');
  it('passes when on', () => expect(verdictOf(rule, resource('T', TABLE, { backup: { pitr: true } }))).toBe('pass'));
  it('fails when off, with the facet path', () => {
    const r = resultOf(rule, resource('T', TABLE, { backup: { pitr: false } }));
    expect(r).toMatchObject({ verdict: 'fail', path: 'backup.pitr', message: 'point-in-time recovery is off.' });
  });
  it('fails by default (PITR is off unless enabled)', () => expect(verdictOf(rule, resource('T', TABLE))).toBe('fail'));
  it('is unknown when unresolved', () => expect(verdictOf(rule, resource('T', TABLE, { backup: { pitr: u('known after apply') } }))).toBe('unknown'));
  it('applies to global tables and not to buckets', () => {
    expect(verdictOf(rule, resource('G', 'AWS::DynamoDB::GlobalTable', { backup: { pitr: true } }))).toBe('pass');
    expect(verdictOf(rule, resource('B', 'AWS::S3::Bucket'))).toBe('not-applicable');
  });
  it('applies to green tables too (recovery does not depend on classification)', () => {
    expect(verdictOf(rule, resource('T', TABLE, { backup: { pitr: false } }, { tags: classified('green') }))).toBe('fail');
  });
});

describe('dynamodb.deletion-protection', () => {
  const rule = findRule(rules, 'dynamodb.deletion-protection');
  it('passes when on', () => expect(verdictOf(rule, resource('T', TABLE, { backup: { deletionProtection: true } }))).toBe('pass'));
  it('fails when off', () => {
    expect(resultOf(rule, resource('T', TABLE, { backup: { deletionProtection: false } }))).toMatchObject({ verdict: 'fail', path: 'backup.deletionProtection' });
  });
  it('is unknown when unresolved', () => expect(verdictOf(rule, resource('T', TABLE, { backup: { deletionProtection: u('var.dp') } }))).toBe('unknown'));
  it('does not apply to other types', () => expect(verdictOf(rule, resource('C', 'AWS::RDS::DBCluster'))).toBe('not-applicable'));
});

describe('dynamodb.vpc-endpoint', () => {
  const rule = findRule(rules, 'dynamodb.vpc-endpoint');
  const vpc = resource('Vpc', 'AWS::EC2::VPC');
  const other = resource('OtherVpc', 'AWS::EC2::VPC');
  const endpoint = (id: string, network: NonNullable<Parameters<typeof resource>[2]>['network']) => resource(id, 'AWS::EC2::VPCEndpoint', { network });

  it('passes with a gateway endpoint for DynamoDB in the VPC (type defaults to Gateway)', () => {
    const ep = endpoint('DdbEndpoint', { vpc: '${Vpc}', endpointService: 'com.amazonaws.eu-west-1.dynamodb' });
    const r = resultOf(rule, vpc, [ep]);
    expect(r.verdict).toBe('pass');
    expect(r.related).toEqual(['DdbEndpoint']);
  });

  it('fails when the only DynamoDB endpoint is in another VPC', () => {
    const ep = endpoint('DdbEndpoint', { vpc: 'OtherVpc', endpointService: 'com.amazonaws.eu-west-1.dynamodb', endpointType: 'Gateway' });
    expect(verdictOf(rule, vpc, [other, ep])).toBe('fail');
    expect(verdictOf(rule, other, [vpc, ep])).toBe('pass');
  });

  it('fails when the VPC only has an S3 endpoint', () => {
    const ep = endpoint('S3Endpoint', { vpc: 'Vpc', endpointService: 'com.amazonaws.eu-west-1.s3' });
    expect(resultOf(rule, vpc, [ep]).message).toBe('no gateway VPC endpoint for DynamoDB in this VPC.');
  });

  it('fails with an interface endpoint only, naming it', () => {
    const ep = endpoint('DdbInterface', { vpc: 'Vpc', endpointService: 'com.amazonaws.eu-west-1.dynamodb', endpointType: 'Interface' });
    const r = resultOf(rule, vpc, [ep]);
    expect(r.verdict).toBe('fail');
    expect(r.message).toMatch(/interface endpoint.*DdbInterface/);
  });

  it('is unknown when a DynamoDB endpoint has an unresolved VPC', () => {
    const ep = endpoint('DdbEndpoint', { vpc: u('var.vpc_id has no default'), endpointService: 'com.amazonaws.eu-west-1.dynamodb' });
    const r = resultOf(rule, vpc, [ep]);
    expect(r.verdict).toBe('unknown');
    expect(r.message).toMatch(/var\.vpc_id/);
  });

  it('is unknown when an endpoint of this VPC has an unresolved service name', () => {
    const ep = endpoint('Ep', { vpc: 'Vpc', endpointService: u('known after apply') });
    expect(verdictOf(rule, vpc, [ep])).toBe('unknown');
  });

  it('does not apply to anything but VPCs', () => {
    expect(verdictOf(rule, resource('T', TABLE))).toBe('not-applicable');
    expect(runRule(rule, endpoint('Ep', {}))).toEqual([]);
  });
});
