import { ConfigReader } from '@backstage/config';
import { readPillarguardConfig } from './config';

const read = (pillarguard: unknown) => readPillarguardConfig(new ConfigReader({ pillarguard } as never), { snapshotPaths: ['/examples'] });

describe('readPillarguardConfig', () => {
  it('defaults: the snapshot provider on the embedded example, hourly, stale after two intervals, a year of history', () => {
    expect(readPillarguardConfig(new ConfigReader({}), { snapshotPaths: ['/examples'] })).toMatchObject({
      provider: { type: 'snapshot', paths: ['/examples'] },
      schedule: { frequency: { hours: 1 } },
      staleAfterMs: 2 * 3600_000,
      historyRetentionDays: 365,
      allowUnauthenticatedReads: false,
    });
  });

  it('reads the live provider with its bounds', () => {
    expect(read({ provider: { type: 'aws-config', awsConfig: { region: 'eu-west-1', aggregatorName: 'org', accountId: '111122223333', compliance: { maxCallsPerRefresh: 50 } } }, schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } }, staleAfter: '3h' })).toMatchObject({
      provider: { type: 'aws-config', region: 'eu-west-1', aggregatorName: 'org', accountId: '111122223333', maxCalls: 5000, maxAttempts: 5, compliance: { enabled: true, maxCalls: 50 }, resourceTypes: expect.arrayContaining(['AWS::DynamoDB::Table', 'AWS::Redshift::Cluster']) },
      schedule: { frequency: { minutes: 30 } },
      staleAfterMs: 3 * 3600_000,
    });
  });

  it.each([
    [{ provider: { type: 'ftp' } }, `'pillarguard.provider.type': "ftp" is not a provider; use snapshot or aws-config`],
    [{ provider: { type: 'aws-config' } }, `'pillarguard.provider.awsConfig.region': required when provider.type is aws-config`],
    [{ provider: { type: 'aws-config', awsConfig: { region: 'europe' } } }, `'pillarguard.provider.awsConfig.region': "europe" is not an AWS region`],
    [{ provider: { type: 'aws-config', awsConfig: { region: 'eu-west-1', accountId: '42' } } }, `'pillarguard.provider.awsConfig.accountId': "42" is not a 12-digit AWS account id`],
    [{ provider: { type: 'aws-config', awsConfig: { region: 'eu-west-1', resourceTypes: ['dynamodb'] } } }, `'pillarguard.provider.awsConfig.resourceTypes': "dynamodb" is not an AWS resource type`],
    [{ provider: { type: 'aws-config', awsConfig: { region: 'eu-west-1', maxCallsPerRefresh: 0 } } }, `'pillarguard.provider.awsConfig.maxCallsPerRefresh': 0 is not a positive whole number`],
    [{ provider: { type: 'aws-config', awsConfig: { region: 'eu-west-1', endpoint: 'http://config.local' } } }, `'pillarguard.provider.awsConfig.endpoint': "http://config.local" is not an https:// URL`],
    [{ provider: { snapshot: { paths: [] } } }, `'pillarguard.provider.snapshot.paths': name at least one`],
    [{ schedule: { frequency: { hours: 1 } } }, `'pillarguard.schedule'`],
    [{ staleAfter: 'soon' }, `'pillarguard.staleAfter'`],
    [{ history: { retentionDays: 1.5 } }, `'pillarguard.history.retentionDays': 1.5 is not a positive whole number`],
  ])('%j fails naming the key', (pillarguard, message) => {
    expect(() => read(pillarguard)).toThrow(message);
  });

  it("Backstage's own type errors name the key too", () => {
    expect(() => read({ provider: { type: 42 } })).toThrow(/pillarguard\.provider\.type/);
  });
});
