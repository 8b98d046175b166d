import { readSchedulerServiceTaskScheduleDefinitionFromConfig, type SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { readDurationFromConfig, type Config } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { AWS_CONFIG_RESOURCE_TYPES } from '@pillarguard/rules';
import type { AwsConfigProviderOptions } from './service/providers/aws-config';

/** The plugin's settings, read once at startup from `pillarguard:` in app-config (see config.d.ts). */
export interface PillarguardConfig {
  provider: { type: 'snapshot'; paths: string[] } | ({ type: 'aws-config' } & AwsConfigProviderOptions);
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Scores whose last good refresh is older than this are served with `stale: true`. */
  staleAfterMs: number;
  historyRetentionDays: number;
  /** Demo only: lets unauthenticated requests read scores (the portal demo's curl examples). */
  allowUnauthenticatedReads: boolean;
}

/** A configuration mistake, naming the key; the backend refuses to start with it. */
export class PillarguardConfigError extends Error {
  constructor(key: string, reason: string) {
    super(`Invalid configuration at 'pillarguard.${key}': ${reason}`);
    this.name = 'PillarguardConfigError';
  }
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = { frequency: { hours: 1 }, timeout: { minutes: 15 }, initialDelay: { seconds: 10 } };

/**
 * Reads and checks `pillarguard:`. Backstage's own getters already name the key on a wrong type;
 * what they cannot know (allowed values, ranges, combinations) is checked here, with the key.
 */
export function readPillarguardConfig(root: Config, defaults: { snapshotPaths: string[] }): PillarguardConfig {
  const c = root.getOptionalConfig('pillarguard');
  const type = c?.getOptionalString('provider.type') ?? 'snapshot';
  let provider: PillarguardConfig['provider'];
  if (type === 'snapshot') {
    const paths = c?.getOptionalStringArray('provider.snapshot.paths') ?? defaults.snapshotPaths;
    if (paths.length === 0) throw new PillarguardConfigError('provider.snapshot.paths', 'name at least one AWS Config snapshot file or directory');
    provider = { type, paths };
  } else if (type === 'aws-config') {
    const a = c!.getOptionalConfig('provider.awsConfig');
    const region = a?.getOptionalString('region');
    if (!region) throw new PillarguardConfigError('provider.awsConfig.region', 'required when provider.type is aws-config (the region of the AWS Config queries or aggregator)');
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new PillarguardConfigError('provider.awsConfig.region', `"${region}" is not an AWS region such as eu-west-1`);
    const accountId = a?.getOptionalString('accountId');
    if (accountId !== undefined && !/^\d{12}$/.test(accountId)) throw new PillarguardConfigError('provider.awsConfig.accountId', `"${accountId}" is not a 12-digit AWS account id`);
    const resourceTypes = a?.getOptionalStringArray('resourceTypes') ?? [...AWS_CONFIG_RESOURCE_TYPES];
    for (const t of resourceTypes) if (!/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(t)) throw new PillarguardConfigError('provider.awsConfig.resourceTypes', `"${t}" is not an AWS resource type such as AWS::DynamoDB::Table`);
    const aggregatorName = a?.getOptionalString('aggregatorName');
    const endpoint = a?.getOptionalString('endpoint');
    if (endpoint !== undefined && !/^https:\/\/[^\s/]+/.test(endpoint)) throw new PillarguardConfigError('provider.awsConfig.endpoint', `"${endpoint}" is not an https:// URL`);
    provider = {
      type,
      region,
      ...(accountId ? { accountId } : {}),
      ...(aggregatorName ? { aggregatorName } : {}),
      ...(endpoint ? { endpoint } : {}),
      resourceTypes,
      maxCalls: positive(a?.getOptionalNumber('maxCallsPerRefresh') ?? 5000, 'provider.awsConfig.maxCallsPerRefresh'),
      maxAttempts: positive(a?.getOptionalNumber('maxAttempts') ?? 5, 'provider.awsConfig.maxAttempts'),
      compliance: {
        enabled: a?.getOptionalBoolean('compliance.enabled') ?? true,
        maxCalls: positive(a?.getOptionalNumber('compliance.maxCallsPerRefresh') ?? 500, 'provider.awsConfig.compliance.maxCallsPerRefresh'),
      },
    };
  } else {
    throw new PillarguardConfigError('provider.type', `"${type}" is not a provider; use snapshot or aws-config`);
  }

  let schedule = DEFAULT_SCHEDULE;
  if (c?.has('schedule')) {
    try {
      schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(c.getConfig('schedule'));
    } catch (e) {
      throw new PillarguardConfigError('schedule', (e as Error).message);
    }
  }
  let staleAfterMs: number;
  if (c?.has('staleAfter')) {
    try {
      staleAfterMs = durationToMilliseconds(readDurationFromConfig(c, { key: 'staleAfter' }));
    } catch (e) {
      throw new PillarguardConfigError('staleAfter', (e as Error).message);
    }
  } else {
    // Two missed refreshes: the default frequency's double, or a day for cron schedules.
    const f = schedule.frequency as object;
    const ms = 'toMillis' in f && typeof f.toMillis === 'function' ? (f.toMillis() as number) : 'cron' in f || 'trigger' in f ? undefined : durationToMilliseconds(f as never);
    staleAfterMs = ms ? 2 * ms : 86_400_000;
  }
  return {
    provider,
    schedule,
    staleAfterMs,
    historyRetentionDays: positive(c?.getOptionalNumber('history.retentionDays') ?? 365, 'history.retentionDays'),
    allowUnauthenticatedReads: c?.getOptionalBoolean('demo.allowUnauthenticatedReads') ?? false,
  };
}

function positive(n: number, key: string): number {
  if (!Number.isInteger(n) || n < 1) throw new PillarguardConfigError(key, `${n} is not a positive whole number`);
  return n;
}
