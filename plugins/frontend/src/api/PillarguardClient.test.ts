import { PillarguardClient } from './PillarguardClient';

function client(responses: Record<string, { status: number; body: unknown }>) {
  const calls: Array<{ url: string; method: string }> = [];
  const fetchApi = {
    fetch: async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method ?? 'GET' });
      const key = url.replace('http://backend/api/pillarguard/v1', '');
      const r = responses[key] ?? { status: 500, body: { error: { name: 'Error', message: `no double for ${key}` } } };
      return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'content-type': 'application/json' } });
    },
  };
  const discoveryApi = { getBaseUrl: async (id: string) => `http://backend/api/${id}` };
  return { api: new PillarguardClient({ discoveryApi, fetchApi: fetchApi as never }), calls };
}

describe('PillarguardClient', () => {
  const e = { kind: 'Resource', namespace: 'default', name: 'orders table' };

  it('asks the routes of /api/pillarguard/v1 through discovery, names encoded', async () => {
    const { api, calls } = client({
      '/entities/Resource/default/orders%20table': { status: 200, body: { entityRef: 'resource:default/orders table' } },
      '/entities/Resource/default/orders%20table/history?days=30': { status: 200, body: { points: [{ overall: 50 }] } },
      '/entities/Resource/default/orders%20table/refresh': { status: 200, body: { refresh: { ok: true } } },
      '/overview?owner=team-orders&level=none%2Cbronze&below=80&page=2': { status: 200, body: { items: [], total: 0 } },
    });
    expect(await api.getEntityScores(e)).toEqual({ entityRef: 'resource:default/orders table' });
    expect(await api.getHistory(e, { days: 30 })).toEqual([{ overall: 50 }]);
    expect((await api.refresh(e)).refresh.ok).toBe(true);
    expect((await api.getOverview({ owner: 'team-orders', level: ['none', 'bronze'], below: 80, page: 2, search: '' })).total).toBe(0);
    expect(calls.map((c) => c.method)).toEqual(['GET', 'GET', 'POST', 'GET']);
  });

  it('no scores is undefined (an empty state), any other failure an error with the backend message', async () => {
    const { api } = client({
      '/entities/Resource/default/orders%20table': { status: 404, body: { error: { name: 'NotFoundError', message: 'no Pillarguard scores' } } },
      '/overview': { status: 403, body: { error: { name: 'NotAllowedError', message: 'not allowed: pillarguard.findings.read' }, response: { statusCode: 403 } } },
    });
    expect(await api.getEntityScores(e)).toBeUndefined();
    // Backstage's ResponseError: the status, and the backend's own error as the cause.
    await expect(api.getOverview({})).rejects.toMatchObject({ name: 'ResponseError', statusCode: 403, cause: { name: 'NotAllowedError', message: 'not allowed: pillarguard.findings.read' } });
  });
});
