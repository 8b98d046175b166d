import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { exampleEntities, SNAPSHOT } from '../__testUtils__/catalog';
import { DatabaseStore } from './persistence/DatabaseStore';
import { SnapshotProvider } from './providers/snapshot';
import type { ConfigItemsProvider } from './providers/types';
import { RefreshService } from './refresh';

const databases = TestDatabases.create({ ids: ['SQLITE_3'], disableDocker: true });

describe('RefreshService', () => {
  async function setup(provider: ConfigItemsProvider = new SnapshotProvider([SNAPSHOT])) {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseStore.create({ getClient: async () => knex });
    let entities = exampleEntities();
    const service = new RefreshService({ provider, store, entities: async () => entities, logger: mockServices.logger.mock(), historyRetentionDays: 30 });
    return { store, service, setEntities: (e: typeof entities) => (entities = e) };
  }

  it('re-scores when the catalog changes even though no item did, and removes entities that left', async () => {
    const { store, service, setEntities } = await setup();
    const first = await service.refresh();
    expect(first).toMatchObject({ ok: true, evaluated: true });
    const all = exampleEntities();

    // Nothing changed: no evaluation, no scoring, nothing written.
    expect(await service.refresh()).toMatchObject({ ok: true, evaluated: false, changedEntities: 0, entities: first.entities });

    // A new entity claiming a resource: scored from the evaluation already held.
    setEntities([...all, { apiVersion: 'backstage.io/v1alpha1', kind: 'Resource', metadata: { name: 'exports-copy', annotations: { 'aws.amazon.com/arn': 'arn:aws:s3:::orders-exports-111122223333' } }, spec: { type: 's3-bucket', owner: 'team-data' } }]);
    const added = await service.refresh();
    expect(added).toMatchObject({ ok: true, evaluated: false, changedEntities: 1, entities: first.entities + 1 });
    const copy = await store.get('resource:default/exports-copy');
    const original = await store.get('resource:default/orders-exports-bucket');
    expect(copy?.pillars).toEqual(original?.pillars);
    expect(copy?.owner).toBe('group:default/team-data');

    // The entity leaves the catalog: its scores and history go with it.
    setEntities(all);
    expect(await service.refresh()).toMatchObject({ ok: true, entities: first.entities });
    expect(await store.get('resource:default/exports-copy')).toBeUndefined();
    expect(await store.history('resource:default/exports-copy', { limit: 10 })).toEqual([]);
  });

  it('a failed load stores nothing and keeps the last good scores; concurrent callers share one refresh', async () => {
    let fail = false;
    let loads = 0;
    const snapshot = new SnapshotProvider([SNAPSHOT]);
    const provider: ConfigItemsProvider = {
      name: 'flaky',
      load: async (req) => {
        loads++;
        return fail ? { complete: false, items: [], compliance: new Map(), calls: { SelectResourceConfig: 1 }, problems: ['ThrottlingException: Rate exceeded'] } : snapshot.load(req);
      },
    };
    const { store, service } = await setup(provider);
    const [a, b] = await Promise.all([service.refresh(), service.refresh()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    const before = await store.get('resource:default/orders-table');
    fail = true;
    const failed = await service.refresh();
    expect(failed).toMatchObject({ ok: false, problems: ['ThrottlingException: Rate exceeded'], calls: { SelectResourceConfig: 1 } });
    expect(await store.get('resource:default/orders-table')).toEqual(before);
    expect((await store.refreshState())?.succeededAt).toBe(a.startedAt);
  });

  it('a catalog failure is a failed refresh, not an empty catalog', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await DatabaseStore.create({ getClient: async () => knex });
    let down = false;
    const service = new RefreshService({
      provider: new SnapshotProvider([SNAPSHOT]),
      store,
      entities: async () => {
        if (down) throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
        return exampleEntities();
      },
      logger: mockServices.logger.mock(),
      historyRetentionDays: 30,
    });
    await service.refresh();
    const count = (await store.summaries()).size;
    down = true;
    expect(await service.refresh()).toMatchObject({ ok: false, problems: ['catalog: connect ECONNREFUSED 127.0.0.1:7007'] });
    expect((await store.summaries()).size).toBe(count);
  });
});
