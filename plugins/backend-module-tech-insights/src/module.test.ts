import type { AddressInfo } from 'node:net';
import { mockServices, startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { techInsightsFactRetrieversExtensionPoint, type FactRetriever, type FactRetrieverContext } from '@backstage-community/plugin-tech-insights-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import pillarguardPlugin from '@pillarguard/backstage-plugin-backend';
import { exampleEntities, SNAPSHOT } from '@pillarguard/backstage-plugin-backend/src/__testUtils__/catalog';
import { factName, pillarguardFactRetriever } from './retriever';
import techInsightsModulePillarguard from './index';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const databases = TestDatabases.create({ ids: ['SQLITE_3'], disableDocker: true });

describe('Tech Insights module', () => {
  it('adds the Pillarguard fact retriever through the extension point', async () => {
    const added: Record<string, FactRetriever> = {};
    const backend = await startTestBackend({
      extensionPoints: [[techInsightsFactRetrieversExtensionPoint, { addFactRetrievers: (r: Record<string, FactRetriever>) => Object.assign(added, r) }]],
      features: [techInsightsModulePillarguard],
    });
    await backend.stop();
    expect(Object.keys(added)).toEqual(['pillarguardFactRetriever']);
    expect(added.pillarguardFactRetriever.id).toBe('pillarguardFactRetriever');
  });

  it('publishes the scores the pillarguard API serves, one fact row per scored entity', async () => {
    const knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        pillarguardPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: { pillarguard: { provider: { type: 'snapshot', snapshot: { paths: [SNAPSHOT] } }, schedule: { frequency: { trigger: 'manual' }, timeout: { minutes: 5 } } } } }),
        catalogServiceMock.factory({ entities: exampleEntities() }),
      ],
    });
    try {
      const base = `http://localhost:${(backend.server.address() as AddressInfo).port}/api/pillarguard`;
      const auth = mockServices.auth();
      const token = (await auth.getPluginRequestToken({ onBehalfOf: await auth.getOwnServiceCredentials(), targetPluginId: 'pillarguard' })).token;
      const refreshed = await fetch(`${base}/v1/entities/resource/default/orders-table/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      expect(refreshed.status).toBe(200);

      const ctx = { discovery: { getBaseUrl: async () => base, getExternalBaseUrl: async () => base }, auth, logger: mockServices.logger.mock(), config: mockServices.rootConfig(), urlReader: mockServices.urlReader.mock() } as unknown as FactRetrieverContext;
      const facts = await pillarguardFactRetriever.handler(ctx);
      const overview = (await (await fetch(`${base}/v1/overview?pageSize=500`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { total: number };
      expect(facts).toHaveLength(overview.total);
      const table = facts.find((f) => f.entity.name === 'orders-table')!;
      const api = (await (await fetch(`${base}/v1/entities/resource/default/orders-table`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { level: string; overall: number; pillars: Record<string, { score: number | null }> };
      expect(table.entity).toEqual({ kind: 'resource', namespace: 'default', name: 'orders-table' });
      expect(table.facts).toMatchObject({ pillarguardLevel: api.level, pillarguardOverall: api.overall, pillarguardStale: false });
      for (const [pillar, s] of Object.entries(api.pillars)) {
        if (s.score === null) expect(table.facts).not.toHaveProperty(factName(pillar));
        else expect([pillar, table.facts[factName(pillar)]]).toEqual([pillar, s.score]);
      }
      // Every fact the rows carry is declared in the schema.
      for (const f of facts) for (const k of Object.keys(f.facts)) expect(pillarguardFactRetriever.schema).toHaveProperty(k);
      expect(factName('policy-as-code')).toBe('pillarguardPolicyAsCode');
    } finally {
      await backend.stop();
    }
  });
});
