import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BatchGetAggregateResourceConfigCommand,
  BatchGetResourceConfigCommand,
  ConfigServiceClient,
  GetComplianceDetailsByResourceCommand,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
  type BaseConfigurationItem,
} from '@aws-sdk/client-config-service';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { AWS_CONFIG_RESOURCE_TYPES } from '@pillarguard/rules';
import { mockClient } from 'aws-sdk-client-mock';
import { evaluateItems } from '../evaluate';
import { AwsConfigProvider, type AwsConfigProviderOptions } from './aws-config';
import { SnapshotProvider } from './snapshot';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const SNAPSHOT_PATH = join(__dirname, '../../../../../examples/aws-config/snapshot.json');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw snapshot JSON
type Item = Record<string, any>;
const ITEMS: Item[] = JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')).configurationItems;

/** An advanced-query row as AWS Config returns it: a JSON string of the selected fields. */
const row = (i: Item) =>
  JSON.stringify({
    resourceId: i.resourceId,
    resourceType: i.resourceType,
    arn: i.ARN,
    accountId: i.awsAccountId,
    awsRegion: i.awsRegion,
    configurationItemCaptureTime: i.configurationItemCaptureTime,
    tags: Object.entries(i.tags ?? {}).map(([key, value]) => ({ key, value })),
    relationships: i.relationships,
  });
/** A batch-get item as the SDK returns it: configuration and supplementary values as JSON strings, times as Dates, no tags. */
const base = (i: Item): BaseConfigurationItem => ({
  version: '1.3',
  accountId: i.awsAccountId,
  configurationItemCaptureTime: new Date(i.configurationItemCaptureTime),
  configurationItemStatus: 'OK',
  arn: i.ARN,
  resourceType: i.resourceType,
  resourceId: i.resourceId,
  resourceName: i.resourceName,
  awsRegion: i.awsRegion,
  configuration: JSON.stringify(i.configuration),
  supplementaryConfiguration: Object.fromEntries(Object.entries(i.supplementaryConfiguration ?? {}).map(([k, v]) => [k, JSON.stringify(v)])),
});
const byKey = new Map(ITEMS.map((i) => [`${i.resourceType}/${i.resourceId}`, i]));

/** Fake credentials for the SDK's signer; records which accounts were asked for. */
function credentials(): AwsCredentialsManager & { accounts: Array<string | undefined> } {
  const accounts: Array<string | undefined> = [];
  return {
    accounts,
    async getCredentialProvider(opts) {
      accounts.push(opts?.accountId);
      return { accountId: opts?.accountId ?? '111122223333', sdkCredentialProvider: async () => ({ accessKeyId: 'test', secretAccessKey: 'test' }) };
    },
  };
}

const OPTIONS: AwsConfigProviderOptions = {
  region: 'eu-west-1',
  resourceTypes: AWS_CONFIG_RESOURCE_TYPES,
  maxCalls: 1000,
  maxAttempts: 3,
  compliance: { enabled: false, maxCalls: 100 },
};

const mock = mockClient(ConfigServiceClient);
beforeEach(() => mock.reset());

/** Pages of 10 rows chained by NextToken, as the API pages (the provider asks for 100, the service may send fewer). */
function pagedQuery(rows: string[]) {
  mock.on(SelectResourceConfigCommand).callsFake((input: { NextToken?: string }) => {
    const start = input.NextToken ? Number(input.NextToken.slice(5)) : 0;
    const next = start + 10;
    return { Results: rows.slice(start, next), ...(next < rows.length ? { NextToken: `page-${next}` } : {}) };
  });
}

/** Batch gets that answer from the snapshot, leaving the first `unprocessed` keys of the first call unprocessed. */
function batches(unprocessed = 0) {
  let first = true;
  mock.on(BatchGetResourceConfigCommand).callsFake((input: { resourceKeys: Array<{ resourceType: string; resourceId: string }> }) => {
    const keys = input.resourceKeys;
    expect(keys.length).toBeLessThanOrEqual(100);
    const skip = first ? unprocessed : 0;
    first = false;
    return { baseConfigurationItems: keys.slice(skip).map((k) => base(byKey.get(`${k.resourceType}/${k.resourceId}`)!)), unprocessedResourceKeys: keys.slice(0, skip) };
  });
}

const summary = (raws: unknown[]) =>
  [...evaluateItems(raws, '2026-11-28T00:00:00Z').findingsOf.values()]
    .flat()
    .map((f) => `${f.resource.id} ${f.ruleId} ${f.verdict}`)
    .sort();

describe('AwsConfigProvider', () => {
  it('pages the advanced query, batch-gets every new item, retries unprocessed keys, and evaluates as the snapshot does', async () => {
    pagedQuery(ITEMS.map(row));
    batches(3);
    const provider = new AwsConfigProvider(OPTIONS, credentials());
    const loaded = await provider.load({ known: new Map() });
    expect(loaded.problems).toEqual([]);
    expect(loaded.complete).toBe(true);
    expect(loaded.items).toHaveLength(ITEMS.length);
    // 28 rows: 3 query pages; 1 batch of 28 with 3 left unprocessed, then 1 batch of those 3.
    expect(loaded.calls).toEqual({ SelectResourceConfig: 3, BatchGetResourceConfig: 2 });
    const query = mock.commandCalls(SelectResourceConfigCommand)[0].args[0].input;
    expect(query.Limit).toBe(100);
    expect(query.Expression).toContain("resourceType IN ('AWS::DynamoDB::Table'");
    // The items rebuilt from the API evaluate exactly as the snapshot file does.
    const snapshot = await new SnapshotProvider([SNAPSHOT_PATH]).load();
    expect(summary(loaded.items.map((i) => i.raw))).toEqual(summary(snapshot.items.map((i) => i.raw)));
  });

  it('fetches nothing again for items whose capture time did not move', async () => {
    pagedQuery(ITEMS.map(row));
    batches();
    const provider = new AwsConfigProvider(OPTIONS, credentials());
    const first = await provider.load({ known: new Map() });
    const known = new Map(first.items.map((i) => [i.key, i.captureTime]));
    mock.resetHistory();
    const changed = ITEMS.map((i) => (i.resourceType === 'AWS::DynamoDB::Table' && i.resourceName === 'orders' ? { ...i, configurationItemCaptureTime: '2026-11-29T01:00:00.000Z' } : i));
    byKey.set('AWS::DynamoDB::Table/orders', changed.find((i) => i.resourceName === 'orders' && i.resourceType === 'AWS::DynamoDB::Table')!);
    pagedQuery(changed.map(row));
    const second = await provider.load({ known });
    expect(second.calls).toEqual({ SelectResourceConfig: 3, BatchGetResourceConfig: 1 });
    expect(mock.commandCalls(BatchGetResourceConfigCommand)[0].args[0].input.resourceKeys).toEqual([{ resourceType: 'AWS::DynamoDB::Table', resourceId: 'orders' }]);
    expect(second.items.filter((i) => i.raw !== undefined).map((i) => i.key)).toEqual(['arn:aws:dynamodb:eu-west-1:111122223333:table/orders']);
    expect(second.items).toHaveLength(ITEMS.length);
    byKey.set('AWS::DynamoDB::Table/orders', ITEMS.find((i) => i.resourceName === 'orders' && i.resourceType === 'AWS::DynamoDB::Table')!);
  });

  it('throttled past the SDK retries: the load is incomplete and says why (nothing is dropped)', async () => {
    mock.on(SelectResourceConfigCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400, attempts: 3 } }));
    const loaded = await new AwsConfigProvider(OPTIONS, credentials()).load({ known: new Map() });
    expect(loaded.complete).toBe(false);
    expect(loaded.problems).toEqual(['ThrottlingException: Rate exceeded']);
  });

  it('keys a batch get never processes make the load incomplete', async () => {
    pagedQuery(ITEMS.slice(0, 5).map(row));
    mock.on(BatchGetResourceConfigCommand).callsFake((input: { resourceKeys: unknown[] }) => ({ baseConfigurationItems: [], unprocessedResourceKeys: input.resourceKeys }));
    const loaded = await new AwsConfigProvider(OPTIONS, credentials()).load({ known: new Map() });
    expect(loaded.complete).toBe(false);
    expect(loaded.problems).toEqual(['BatchGetResourceConfig: 5 item(s) still unprocessed after 3 retries']);
    expect(loaded.calls.BatchGetResourceConfig).toBe(4);
  });

  it('stops at the call budget', async () => {
    pagedQuery(ITEMS.map(row));
    const loaded = await new AwsConfigProvider({ ...OPTIONS, maxCalls: 2 }, credentials()).load({ known: new Map() });
    expect(loaded.complete).toBe(false);
    expect(loaded.problems[0]).toMatch(/^stopped after 2 AWS Config calls \(pillarguard\.provider\.awsConfig\.maxCallsPerRefresh\)/);
  });

  it('with an aggregator: aggregate query and batch get name each source account and region', async () => {
    const rows: Item[] = ITEMS.slice(0, 4).map((i, n) => ({ ...i, awsAccountId: n % 2 ? '444455556666' : '111122223333', ARN: `${i.ARN}-${n}` }));
    mock.on(SelectAggregateResourceConfigCommand).resolves({ Results: rows.map(row) });
    mock.on(BatchGetAggregateResourceConfigCommand).callsFake((input: { ResourceIdentifiers: Array<{ SourceAccountId: string; ResourceId: string; ResourceType: string }> }) => ({
      BaseConfigurationItems: input.ResourceIdentifiers.map((r) => ({ ...base(rows.find((i) => i.resourceId === r.ResourceId && i.awsAccountId === r.SourceAccountId)!), accountId: r.SourceAccountId })),
    }));
    const loaded = await new AwsConfigProvider({ ...OPTIONS, aggregatorName: 'org' }, credentials()).load({ known: new Map() });
    expect(loaded.problems).toEqual([]);
    expect(loaded.calls).toEqual({ SelectAggregateResourceConfig: 1, BatchGetAggregateResourceConfig: 1 });
    const ids = mock.commandCalls(BatchGetAggregateResourceConfigCommand)[0].args[0].input.ResourceIdentifiers!;
    expect(ids.map((i) => i.SourceAccountId)).toEqual(['111122223333', '444455556666', '111122223333', '444455556666']);
    expect(ids.every((i) => i.SourceRegion === 'eu-west-1')).toBe(true);
    expect(mock.commandCalls(SelectAggregateResourceConfigCommand)[0].args[0].input).toMatchObject({ ConfigurationAggregatorName: 'org', MaxResults: 100 });
    expect(loaded.items.map((i) => (i.raw as Item).accountId)).toEqual(['111122223333', '444455556666', '111122223333', '444455556666']);
  });

  it("asks for AWS Config rule compliance with each resource's own account, bounded per refresh", async () => {
    const rows: Item[] = ITEMS.filter((i) => i.resourceType === 'AWS::DynamoDB::Table').map((i, n) => ({ ...i, awsAccountId: n ? '444455556666' : '111122223333' }));
    mock.on(SelectAggregateResourceConfigCommand).resolves({ Results: rows.map(row) });
    mock.on(BatchGetAggregateResourceConfigCommand).callsFake((input: { ResourceIdentifiers: Array<{ ResourceId: string }> }) => ({
      BaseConfigurationItems: input.ResourceIdentifiers.map((r) => base(rows.find((i) => i.resourceId === r.ResourceId)!)),
    }));
    mock
      .on(GetComplianceDetailsByResourceCommand)
      .resolvesOnce({
        EvaluationResults: [{ EvaluationResultIdentifier: { EvaluationResultQualifier: { ConfigRuleName: 'dynamodb-pitr-enabled' } }, ComplianceType: 'NON_COMPLIANT', Annotation: 'PITR off', ResultRecordedTime: new Date('2026-11-28T10:00:00Z') }],
        NextToken: 'more',
      })
      .resolves({ EvaluationResults: [{ EvaluationResultIdentifier: { EvaluationResultQualifier: { ConfigRuleName: 'dynamodb-table-encrypted-kms' } }, ComplianceType: 'COMPLIANT' }] });
    const creds = credentials();
    const loaded = await new AwsConfigProvider({ ...OPTIONS, aggregatorName: 'org', compliance: { enabled: true, maxCalls: 2 } }, creds).load({ known: new Map() });
    expect(loaded.problems).toEqual([]);
    expect(rows.length).toBeGreaterThan(2);
    // Two resources (the bound), the first answered in two pages.
    expect(loaded.calls.GetComplianceDetailsByResource).toBe(3);
    expect(loaded.compliance.size).toBe(2);
    const first = loaded.compliance.get(identity(rows[0]))!;
    expect(first).toEqual([
      { rule: 'dynamodb-pitr-enabled', compliance: 'NON_COMPLIANT', annotation: 'PITR off', evaluatedAt: '2026-11-28T10:00:00.000Z' },
      { rule: 'dynamodb-table-encrypted-kms', compliance: 'COMPLIANT' },
    ]);
    // The queries ran as the main account; compliance as each resource's account.
    expect(creds.accounts).toEqual([undefined, '111122223333', '444455556666']);
  });
});

const identity = (i: Item) => i.ARN as string;
