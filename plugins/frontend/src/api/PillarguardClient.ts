import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { EntityName, PillarguardApi } from './PillarguardApi';
import type { EntityScores, HistoryPoint, Overview, OverviewQuery, RefreshResult } from './types';

/** Talks to /api/pillarguard/v1 through Backstage's discovery and (authenticated) fetch. */
export class PillarguardClient implements PillarguardApi {
  constructor(private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {}

  async getEntityScores(entity: EntityName): Promise<EntityScores | undefined> {
    const res = await this.request(this.entityPath(entity));
    if (res.status === 404) return undefined;
    return this.json(res);
  }

  async getHistory(entity: EntityName, options: { days?: number } = {}): Promise<HistoryPoint[]> {
    const query = options.days ? `?days=${options.days}` : '';
    const body = await this.json<{ points: HistoryPoint[] }>(await this.request(`${this.entityPath(entity)}/history${query}`));
    return body.points;
  }

  async refresh(entity: EntityName): Promise<RefreshResult> {
    return this.json(await this.request(`${this.entityPath(entity)}/refresh`, { method: 'POST' }));
  }

  async getOverview(query: OverviewQuery): Promise<Overview> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      params.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
    const qs = params.toString();
    return this.json(await this.request(`/overview${qs ? `?${qs}` : ''}`));
  }

  private entityPath(e: EntityName): string {
    return `/entities/${encodeURIComponent(e.kind)}/${encodeURIComponent(e.namespace)}/${encodeURIComponent(e.name)}`;
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.deps.discoveryApi.getBaseUrl('pillarguard');
    return this.deps.fetchApi.fetch(`${base}/v1${path}`, init);
  }

  private async json<T>(res: Response): Promise<T> {
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return (await res.json()) as T;
  }
}
