import {
  BatchGetAggregateResourceConfigCommand,
  BatchGetResourceConfigCommand,
  ConfigServiceClient,
  GetComplianceDetailsByResourceCommand,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
  type BaseConfigurationItem,
  type BatchGetAggregateResourceConfigCommandOutput,
  type BatchGetResourceConfigCommandOutput,
  type GetComplianceDetailsByResourceCommandOutput,
  type SelectAggregateResourceConfigCommandOutput,
  type SelectResourceConfigCommandOutput,
} from '@aws-sdk/client-config-service';
import type { AwsCredentialsManager } from '@backstage/integration-aws-node';
import { identityOf, type ItemIdentity } from '../items';
import type { ConfigItemsProvider, ConfigRuleCompliance, LoadedItems, LoadRequest } from './types';

/** The API maxima: 100 rows per advanced-query page, 100 keys per batch get. */
export const QUERY_PAGE_SIZE = 100;
export const BATCH_SIZE = 100;
/** Rounds of retrying keys a batch get left unprocessed before the load is called incomplete. */
const UNPROCESSED_ROUNDS = 3;

export interface AwsConfigProviderOptions {
  /** Region of the AWS Config queries (and of the aggregator when there is one). */
  region: string;
  /** Account whose credentials run the queries; the `aws:` main account when absent. */
  accountId?: string;
  /** An aggregator: the queries and batch gets then cover every account and region it aggregates. */
  aggregatorName?: string;
  resourceTypes: readonly string[];
  /** Upper bound of API calls in one refresh; reaching it makes the load incomplete (last good scores stay). */
  maxCalls: number;
  /** SDK attempts per call (adaptive retry mode: client-side rate limiting on throttling). */
  maxAttempts: number;
  compliance: { enabled: boolean; maxCalls: number };
  /** Endpoint override (an interface VPC endpoint, a FIPS endpoint); the regional default when absent. */
  endpoint?: string;
}

/** Advanced query rows carry these; tags and relationships are merged into the batch-get item, which has neither. */
interface Row extends ItemIdentity {
  tags?: unknown;
  relationships?: unknown;
}

/** Why a load stopped, in our own words (no SDK error name to prefix). */
class Incomplete extends Error {}

/**
 * Live configuration from AWS Config. A refresh lists every item of the mapped resource types with
 * an advanced query (identity, capture time and tags only: cheap), fetches the full items of those
 * that are new or changed in batch gets of the API's maximum, and asks for AWS Config rule
 * compliance per resource with the credentials of the resource's own account (the compliance API
 * has no aggregator form). Every call is counted and the total is bounded.
 */
export class AwsConfigProvider implements ConfigItemsProvider {
  readonly name = 'aws-config';
  private readonly clients = new Map<string, Promise<ConfigServiceClient>>();

  constructor(
    private readonly options: AwsConfigProviderOptions,
    private readonly credentials: AwsCredentialsManager,
  ) {}

  async load(request: LoadRequest): Promise<LoadedItems> {
    const out: LoadedItems = { complete: true, items: [], compliance: new Map(), calls: {}, problems: [] };
    const send = this.counter(out);
    try {
      const home = await this.client(this.options.accountId, this.options.region);
      const rows = await this.list(home, send);
      const changed = rows.filter((r) => !request.known.has(r.key) || request.known.get(r.key) !== r.captureTime);
      const fetched = await this.fetch(home, changed, send);
      for (const row of rows) {
        const raw = fetched.get(row.key);
        if (raw) out.items.push({ key: row.key, ...(raw.configurationItemCaptureTime ? { captureTime: toIso(raw.configurationItemCaptureTime) } : {}), raw: asDelivered(raw, row) });
        else if (!changed.includes(row)) out.items.push({ key: row.key, ...(row.captureTime ? { captureTime: row.captureTime } : {}) });
        // A changed row the batch get did not return was deleted in between: it is gone.
      }
      if (this.options.compliance.enabled) {
        const wanted = [...changed, ...rows.filter((r) => !changed.includes(r) && !request.complianceKnown?.has(r.key))];
        await this.compliance(wanted.slice(0, this.options.compliance.maxCalls), send, out);
      }
    } catch (e) {
      out.complete = false;
      out.problems.push(e instanceof Incomplete ? e.message : describe(e));
    }
    return out;
  }

  private async list(client: ConfigServiceClient, send: Send): Promise<Row[]> {
    const types = this.options.resourceTypes.map((t) => `'${t.replace(/'/g, '')}'`).join(', ');
    const expression = `SELECT resourceId, resourceType, arn, accountId, awsRegion, configurationItemCaptureTime, tags, relationships WHERE resourceType IN (${types})`;
    const rows: Row[] = [];
    let token: string | undefined;
    do {
      const page = this.options.aggregatorName
        ? await send<SelectAggregateResourceConfigCommandOutput>(client, new SelectAggregateResourceConfigCommand({ Expression: expression, ConfigurationAggregatorName: this.options.aggregatorName, MaxResults: QUERY_PAGE_SIZE, NextToken: token }), 'SelectAggregateResourceConfig')
        : await send<SelectResourceConfigCommandOutput>(client, new SelectResourceConfigCommand({ Expression: expression, Limit: QUERY_PAGE_SIZE, NextToken: token }), 'SelectResourceConfig');
      for (const text of page.Results ?? []) {
        let json: Record<string, unknown>;
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          continue;
        }
        const id = identityOf(json);
        if (id) rows.push({ ...id, ...(json.configurationItemCaptureTime ? { captureTime: toIso(json.configurationItemCaptureTime) } : {}), tags: json.tags, relationships: json.relationships });
      }
      token = page.NextToken || undefined;
    } while (token);
    return rows;
  }

  /** Full items of the given rows, by key; keys left unprocessed are retried, then reported. */
  private async fetch(client: ConfigServiceClient, rows: readonly Row[], send: Send): Promise<Map<string, BaseConfigurationItem>> {
    const found = new Map<string, BaseConfigurationItem>();
    // Batch-get answers name a resource by type and id (and, from an aggregator, account and region).
    const byResource = new Map(rows.map((r) => [resourceKey(r), r]));
    const byTypeAndId = new Map(rows.map((r) => [resourceKey({ resourceType: r.resourceType, resourceId: r.resourceId }), r]));
    const rowOf = (k: { resourceType?: string; resourceId?: string; accountId?: string; region?: string }) =>
      byResource.get(resourceKey(k)) ?? byTypeAndId.get(resourceKey({ resourceType: k.resourceType, resourceId: k.resourceId }));
    let pending = rows.filter((r) => r.resourceType && r.resourceId);
    for (let round = 0; pending.length && round <= UNPROCESSED_ROUNDS; round++) {
      const left: Row[] = [];
      for (let i = 0; i < pending.length; i += BATCH_SIZE) {
        const chunk = pending.slice(i, i + BATCH_SIZE);
        let items: BaseConfigurationItem[];
        let unprocessed: Array<{ resourceType?: string; resourceId?: string; accountId?: string; region?: string }>;
        if (this.options.aggregatorName) {
          const res = await send<BatchGetAggregateResourceConfigCommandOutput>(
            client,
            new BatchGetAggregateResourceConfigCommand({
              ConfigurationAggregatorName: this.options.aggregatorName,
              ResourceIdentifiers: chunk.map((r) => ({ SourceAccountId: r.accountId!, SourceRegion: r.region!, ResourceId: r.resourceId!, ResourceType: r.resourceType! as never })),
            }),
            'BatchGetAggregateResourceConfig',
          );
          items = res.BaseConfigurationItems ?? [];
          unprocessed = (res.UnprocessedResourceIdentifiers ?? []).map((u) => ({ resourceType: u.ResourceType, resourceId: u.ResourceId, accountId: u.SourceAccountId, region: u.SourceRegion }));
        } else {
          const res = await send<BatchGetResourceConfigCommandOutput>(client, new BatchGetResourceConfigCommand({ resourceKeys: chunk.map((r) => ({ resourceType: r.resourceType! as never, resourceId: r.resourceId! })) }), 'BatchGetResourceConfig');
          items = res.baseConfigurationItems ?? [];
          unprocessed = (res.unprocessedResourceKeys ?? []).map((u) => ({ resourceType: u.resourceType, resourceId: u.resourceId }));
        }
        for (const item of items) {
          const row = rowOf({ resourceType: item.resourceType, resourceId: item.resourceId, accountId: item.accountId, region: item.awsRegion });
          if (row) found.set(row.key, item);
        }
        for (const u of unprocessed) {
          const row = rowOf(u);
          if (row) left.push(row);
        }
      }
      pending = left;
    }
    if (pending.length) throw new Incomplete(`${this.options.aggregatorName ? 'BatchGetAggregateResourceConfig' : 'BatchGetResourceConfig'}: ${pending.length} item(s) still unprocessed after ${UNPROCESSED_ROUNDS} retries`);
    return found;
  }

  /** AWS Config rule results per resource, with the resource's own account and region. */
  private async compliance(rows: readonly Row[], send: Send, out: LoadedItems): Promise<void> {
    for (const row of rows) {
      if (!row.resourceType || !row.resourceId) continue;
      try {
        const client = await this.client(row.accountId ?? this.options.accountId, row.region ?? this.options.region);
        const results: ConfigRuleCompliance[] = [];
        let token: string | undefined;
        do {
          const page = await send<GetComplianceDetailsByResourceCommandOutput>(client, new GetComplianceDetailsByResourceCommand({ ResourceType: row.resourceType, ResourceId: row.resourceId, NextToken: token }), 'GetComplianceDetailsByResource');
          for (const r of page.EvaluationResults ?? []) {
            const rule = r.EvaluationResultIdentifier?.EvaluationResultQualifier?.ConfigRuleName;
            if (!rule || !r.ComplianceType) continue;
            results.push({ rule, compliance: r.ComplianceType, ...(r.Annotation ? { annotation: r.Annotation } : {}), ...(r.ResultRecordedTime ? { evaluatedAt: toIso(r.ResultRecordedTime) } : {}) });
          }
          token = page.NextToken || undefined;
        } while (token);
        out.compliance.set(row.key, results.sort((a, b) => a.rule.localeCompare(b.rule)));
      } catch (e) {
        if (e instanceof Incomplete) throw e;
        // Compliance is shown beside our verdicts, not part of them: a failure is reported, the load stays complete.
        out.problems.push(`GetComplianceDetailsByResource ${row.resourceType} ${row.resourceId}: ${describe(e)}`);
      }
    }
  }

  private client(accountId: string | undefined, region: string): Promise<ConfigServiceClient> {
    const key = `${accountId ?? ''}/${region}`;
    let client = this.clients.get(key);
    if (!client) {
      client = this.credentials.getCredentialProvider(accountId ? { accountId } : undefined).then(
        ({ sdkCredentialProvider }) => new ConfigServiceClient({ region, credentials: sdkCredentialProvider, retryMode: 'adaptive', maxAttempts: this.options.maxAttempts, ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}) }),
      );
      // A failed credential lookup is not cached: the next refresh tries again.
      client.catch(() => this.clients.delete(key));
      this.clients.set(key, client);
    }
    return client;
  }

  private counter(out: LoadedItems): Send {
    let total = 0;
    return async (client, command, name) => {
      if (total >= this.options.maxCalls) throw new Incomplete(`stopped after ${total} AWS Config calls (pillarguard.provider.awsConfig.maxCallsPerRefresh); the last good scores stay`);
      total++;
      out.calls[name] = (out.calls[name] ?? 0) + 1;
      return (await client.send(command as never)) as never;
    };
  }
}

/** `client.send`, counted by operation and refused past the call budget. */
type Send = <T>(client: ConfigServiceClient, command: unknown, name: string) => Promise<T>;

function resourceKey(r: { resourceType?: string; resourceId?: string; accountId?: string; region?: string }): string {
  return `${r.resourceType}\u0000${r.resourceId}\u0000${r.accountId ?? ''}\u0000${r.region ?? ''}`;
}

/** The item as AWS Config's JSON has it (the SDK's Dates back to ISO strings), with the query's tags and relationships. */
function asDelivered(item: BaseConfigurationItem, row: Row): Record<string, unknown> {
  const json = JSON.parse(JSON.stringify(item)) as Record<string, unknown>;
  if (row.tags !== undefined) json.tags = row.tags;
  if (row.relationships !== undefined) json.relationships = row.relationships;
  return json;
}

function toIso(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString();
}

/** An SDK error as a line: its name and message, never its request metadata or credentials. */
function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}
