import { readFileSync } from 'fs';
import { join } from 'path';
import { isUnknown, ParseError } from '../../model';
import { looksLikeAwsConfig, mapConfigurationItems, parseAwsConfig } from './index';
import { byId } from './test-support';

const fixture = (name: string): string => readFileSync(join(__dirname, '__fixtures__', name), 'utf8');

const parse = (name: string) => parseAwsConfig({ path: `config/${name}`, content: fixture(name) });

describe('looksLikeAwsConfig', () => {
  it('recognises every supported shape', () => {
    for (const name of ['snapshot.json', 'batch-get.json', 'select.json', 'history.json', 'item.json']) {
      expect(looksLikeAwsConfig(JSON.parse(fixture(name)))).toBe(true);
    }
    expect(looksLikeAwsConfig({ configurationItem: JSON.parse(fixture('item.json')) })).toBe(true);
    expect(looksLikeAwsConfig([JSON.parse(fixture('item.json'))])).toBe(true);
  });

  it('rejects other JSON', () => {
    for (const v of [null, 1, 'x', [], {}, { Resources: {} }, { format_version: '1.2', planned_values: {} }, { Results: [1, 2] }, [{ a: 1 }], { resourceType: 'AWS::S3::Bucket' }]) {
      expect(looksLikeAwsConfig(v)).toBe(false);
    }
  });
});

describe('snapshot file', () => {
  const result = parse('snapshot.json');

  it('maps every live item and skips the deleted one with a note', () => {
    expect(result.errors).toEqual([]);
    expect(result.resources).toHaveLength(18);
    expect(result.resources.some((r) => r.id === 'arn:aws:s3:::pg-old')).toBe(false);
    expect(result.notes.some((n) => n.message.includes('pg-old') && n.message.includes('ResourceDeleted'))).toBe(true);
  });

  it('carries id, name, arn, tags, live metadata and the line of each item', () => {
    const table = byId(result, 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders');
    expect(table).toMatchObject({
      type: 'AWS::DynamoDB::Table',
      sourceType: 'AWS::DynamoDB::Table',
      name: 'orders',
      arn: 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders',
      tags: { data_classification: 'red', owner: 'team-orders' },
      live: { accountId: '111122223333', region: 'eu-west-1', captureTime: '2026-11-27T10:00:00.000Z', status: 'OK' },
      location: { file: 'config/snapshot.json', format: 'aws-config', line: 5 },
    });
    const lines = fixture('snapshot.json').split('\n');
    for (const r of result.resources) {
      // Each item's line is the `{` that opens it inside configurationItems.
      expect(lines[r.location.line! - 1].trim()).toBe('{');
    }
    expect(new Set(result.resources.map((r) => r.location.line)).size).toBe(result.resources.length);
  });

  it('names KMS keys by key id and items without an ARN by type/resourceId', () => {
    expect(byId(result, 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab').name).toBe('1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(byId(result, 'AWS::Redshift::ClusterParameterGroup/pg-warehouse-params').name).toBe('pg-warehouse-params');
    expect(byId(result, 'AWS::EC2::VPCEndpoint/vpce-0abc').arn).toBeUndefined();
  });

  it('keeps resources of other types with no facets', () => {
    const ec2 = byId(result, 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0');
    expect(ec2.facets).toEqual({});
    expect(ec2.facetPaths).toBeUndefined();
  });
});

describe('BatchGetResourceConfig output', () => {
  const result = parse('batch-get.json');

  it('parses configuration and supplementary values given as JSON strings', () => {
    expect(result.errors).toEqual([]);
    const table = byId(result, 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders');
    expect(table.facets.backup?.pitr).toBe(true);
    expect(table.facets.encryption).toMatchObject({ atRest: 'cmk', keyRef: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' });
    expect(table.live?.accountId).toBe('111122223333');
    const key = byId(result, 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    expect(key.facets.kms?.rotation).toBe(false);
  });

  it('reports unprocessed resource keys as a note', () => {
    expect(result.notes.some((n) => n.message.includes('not processed') && n.message.includes('AWS::S3::Bucket/pg-raw-data'))).toBe(true);
  });
});

describe('advanced query (SelectAggregateResourceConfig) output', () => {
  const result = parse('select.json');

  it('reads each row from its JSON string, tags from the key/value list', () => {
    expect(result.errors).toEqual([]);
    expect(result.resources).toHaveLength(2);
    const cluster = byId(result, 'arn:aws:redshift:eu-west-1:111122223333:cluster:pg-warehouse');
    expect(cluster.tags).toEqual({ data_classification: 'red' });
    expect(cluster.facets.publicAccess?.publiclyAccessible).toBe(true);
    expect(cluster.facets.logging?.auditLogging).toBe(false);
    expect(cluster.location.line).toBe(3);
  });

  it('makes supplementary-based facets unknown when the row lacks supplementaryConfiguration', () => {
    const table = byId(result, 'arn:aws:dynamodb:us-east-1:444455556666:table/pg-replica');
    expect(table.live).toMatchObject({ accountId: '444455556666', region: 'us-east-1', status: 'ResourceDiscovered' });
    expect(isUnknown(table.facets.backup?.pitr)).toBe(true);
    expect(table.facets.encryption?.atRest).toBe('aws-owned');
    expect(result.notes.some((n) => n.message.includes('lack configuration or supplementaryConfiguration'))).toBe(true);
  });
});

describe('GetResourceConfigHistory output', () => {
  it('keeps only the latest item of a resource, whatever the order', () => {
    const result = parse('history.json');
    expect(result.resources).toHaveLength(1);
    expect(result.resources[0].facets.backup?.pitr).toBe(false);
    expect(result.resources[0].live?.captureTime).toBe('2026-11-27T10:00:00.000Z');
    expect(result.notes.some((n) => n.message.includes('2 older configuration item(s) superseded'))).toBe(true);
  });

  it('drops a resource whose latest item is deleted, keeps it when the deletion is older', () => {
    const base = { resourceType: 'AWS::S3::Bucket', resourceId: 'b', ARN: 'arn:aws:s3:::b', configuration: {}, supplementaryConfiguration: {} };
    const gone = mapConfigurationItems([{ ...base, configurationItemCaptureTime: '2026-01-01T00:00:00Z', configurationItemStatus: 'OK' }, { ...base, configurationItemCaptureTime: '2026-02-01T00:00:00Z', configurationItemStatus: 'ResourceDeleted', configuration: null }], 'h.json');
    expect(gone.resources).toEqual([]);
    const back = mapConfigurationItems([{ ...base, configurationItemCaptureTime: '2026-03-01T00:00:00Z', configurationItemStatus: 'ResourceDiscovered' }, { ...base, configurationItemCaptureTime: '2026-02-01T00:00:00Z', configurationItemStatus: 'ResourceDeletedNotRecorded' }], 'h.json');
    expect(back.resources.map((r) => r.id)).toEqual(['arn:aws:s3:::b']);
  });

  it('skips items that are not recorded', () => {
    const r = mapConfigurationItems([{ resourceType: 'AWS::S3::Bucket', resourceId: 'x', configurationItemStatus: 'ResourceNotRecorded' }], 'h.json');
    expect(r.resources).toEqual([]);
    expect(r.notes[0].message).toContain('ResourceNotRecorded');
  });

  it('keeps same-id resources of different accounts apart', () => {
    const item = (accountId: string) => ({ resourceType: 'AWS::DynamoDB::Table', resourceId: 't', accountId, configuration: {}, supplementaryConfiguration: {} });
    expect(mapConfigurationItems([item('1'), item('2')], 'x.json').resources).toHaveLength(2);
  });
});

describe('single item and wrapped item', () => {
  it('reads a single item in API casing, line 1', () => {
    const result = parse('item.json');
    expect(result.errors).toEqual([]);
    const bucket = byId(result, 'arn:aws:s3:::pg-exports');
    expect(bucket.location.line).toBe(1);
    expect(bucket.facets.backup?.versioning).toBe(false);
    expect(bucket.facets.encryption?.atRest).toBe('aws-owned');
  });

  it('reads a change notification / GetAggregateResourceConfig wrapper', () => {
    const content = JSON.stringify({ configurationItemDiff: null, configurationItem: JSON.parse(fixture('item.json')), messageType: 'ConfigurationItemChangeNotification' });
    expect(parseAwsConfig({ path: 'n.json', content }).resources.map((r) => r.id)).toEqual(['arn:aws:s3:::pg-exports']);
  });
});

describe('mapConfigurationItems for the backend', () => {
  it('accepts objects and advanced-query strings, with lines from the caller', () => {
    const row = JSON.stringify({ resourceType: 'AWS::KMS::Key', resourceId: 'k1', arn: 'arn:aws:kms:eu-west-1:1:key/k1', configuration: { keyManager: 'AWS' }, supplementaryConfiguration: {} });
    const result = mapConfigurationItems([row, JSON.parse(fixture('item.json'))], 'aggregator', new Map([[0, 7]]));
    expect(result.errors).toEqual([]);
    expect(result.resources.map((r) => r.location.line)).toEqual([7, undefined]);
    expect(result.resources[0].facets.kms).toMatchObject({ keyManager: 'AWS', rotation: true });
  });

  it('reports a non-list argument as a ParseError', () => {
    const r = mapConfigurationItems({} as unknown as unknown[], 'x');
    expect(r.errors[0]).toBeInstanceOf(ParseError);
  });
});

describe('bad input', () => {
  it('invalid JSON: ParseError with line and column', () => {
    const r = parseAwsConfig({ path: 'bad.json', content: '{\n  "configurationItems": [\n    { "resourceType": "AWS::S3::Bucket", }\n  ]\n}' });
    expect(r.resources).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toBeInstanceOf(ParseError);
    expect(r.errors[0]).toMatchObject({ file: 'bad.json', line: 3, column: 42, format: 'aws-config' });
    expect(r.errors[0].message).toMatch(/^invalid JSON/);
  });

  it('truncated and empty files', () => {
    for (const content of ['', '{"configurationItems": [', '   ']) {
      const r = parseAwsConfig({ path: 't.json', content });
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0].line).toBeGreaterThanOrEqual(1);
    }
  });

  it('valid JSON of another shape', () => {
    const r = parseAwsConfig({ path: 'o.json', content: '{"Resources": {}}' });
    expect(r.errors.map((e) => e.message)).toEqual(['not an AWS Config item, snapshot or query result']);
  });

  it('an item without resourceType: ParseError at its line, other items still mapped', () => {
    const content = '{\n  "configurationItems": [\n    {"resourceType": "AWS::EC2::VPC", "resourceId": "vpc-1"},\n    {"resourceId": "x"},\n    "{not json"\n  ]\n}';
    const r = parseAwsConfig({ path: 's.json', content });
    expect(r.resources.map((x) => x.id)).toEqual(['AWS::EC2::VPC/vpc-1']);
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [4, 'item 1 has no resourceType'],
      [5, expect.stringContaining('item 2 is a string that is not valid JSON')],
    ]);
  });

  it('an item whose configuration string is broken is an error, not a resource with default facets', () => {
    const r = mapConfigurationItems([{ resourceType: 'AWS::DynamoDB::Table', resourceId: 't', configuration: '{"tableName":' }], 'x.json');
    expect(r.resources).toEqual([]);
    expect(r.errors[0].message).toContain('configuration is not valid JSON');
  });

  it('a resource type named like an Object.prototype member maps to no facets', () => {
    const r = mapConfigurationItems([{ resourceType: 'toString', resourceId: 'x', configuration: {} }, { resourceType: '__proto__', resourceId: 'y', configuration: {} }], 'x.json');
    expect(r.errors).toEqual([]);
    expect(r.resources.map((x) => x.facets)).toEqual([{}, {}]);
  });
});
