import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AWS_CONFIG_RESOURCE_TYPES } from '@pillarguard/rules';
import { AwsConfigProvider } from './aws-config';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * The SDK's own retry path, not a mock of `send`: a local server speaking AWS Config's JSON 1.1
 * protocol answers the first calls with ThrottlingException, as AWS does under load. The provider
 * must get through on the SDK's adaptive retries, and give up (incomplete, nothing dropped) when
 * the throttling outlasts them.
 */
describe('AwsConfigProvider against a throttling endpoint', () => {
  let server: Server;
  let throttleFirst = 0;
  const calls: string[] = [];
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const target = String(req.headers['x-amz-target'] ?? '').split('.').pop()!;
        calls.push(target);
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        if (calls.length <= throttleFirst) {
          res.statusCode = 400;
          res.end(JSON.stringify({ __type: 'com.amazonaws.starling#ThrottlingException', message: 'Rate exceeded' }));
          return;
        }
        if (target === 'SelectResourceConfig') {
          const row = { resourceId: 'orders', resourceType: 'AWS::DynamoDB::Table', arn: 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders', accountId: '111122223333', awsRegion: 'eu-west-1', configurationItemCaptureTime: '2026-11-28T10:00:00.000Z' };
          res.end(JSON.stringify({ Results: [JSON.stringify(row)] }));
        } else if (target === 'BatchGetResourceConfig') {
          const input = JSON.parse(body);
          res.end(JSON.stringify({ baseConfigurationItems: input.resourceKeys.map((k: { resourceId: string }) => ({ resourceId: k.resourceId, resourceType: 'AWS::DynamoDB::Table', arn: 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders', accountId: '111122223333', awsRegion: 'eu-west-1', configurationItemCaptureTime: 1795860000, configuration: '{"tableName":"orders"}' })), unprocessedResourceKeys: [] }));
        } else {
          res.statusCode = 400;
          res.end(JSON.stringify({ __type: 'ValidationException', message: `unexpected ${target}` }));
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => (calls.length = 0));

  const provider = (maxAttempts: number) =>
    new AwsConfigProvider(
      { region: 'eu-west-1', endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, resourceTypes: AWS_CONFIG_RESOURCE_TYPES, maxCalls: 100, maxAttempts, compliance: { enabled: false, maxCalls: 0 } },
      { getCredentialProvider: async () => ({ sdkCredentialProvider: async () => ({ accessKeyId: 'test', secretAccessKey: 'test' }) }) },
    );

  it('gets through throttling on the SDK retries (one counted call, several attempts)', async () => {
    throttleFirst = 2;
    const loaded = await provider(5).load({ known: new Map() });
    expect(loaded.problems).toEqual([]);
    expect(loaded.complete).toBe(true);
    expect(calls).toEqual(['SelectResourceConfig', 'SelectResourceConfig', 'SelectResourceConfig', 'BatchGetResourceConfig']);
    // Calls are counted as the provider makes them; the SDK's retries are its own.
    expect(loaded.calls).toEqual({ SelectResourceConfig: 1, BatchGetResourceConfig: 1 });
    expect(loaded.items.map((i) => [i.key, i.captureTime])).toEqual([['arn:aws:dynamodb:eu-west-1:111122223333:table/orders', '2026-11-28T10:00:00.000Z']]);
  }, 30000);

  it('throttled past the retries: incomplete, with the reason', async () => {
    throttleFirst = 100;
    const loaded = await provider(2).load({ known: new Map() });
    expect(loaded.complete).toBe(false);
    expect(loaded.problems).toEqual(['ThrottlingException: Rate exceeded']);
    expect(calls).toEqual(['SelectResourceConfig', 'SelectResourceConfig']);
  }, 30000);
});
