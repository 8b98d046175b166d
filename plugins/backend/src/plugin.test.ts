import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, mockServices, startTestBackend, TestDatabases, type TestDatabaseId } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { exampleEntities, SNAPSHOT } from './__testUtils__/catalog';
import { expectConforms } from './__testUtils__/openapi';
import { pillarguardPlugin } from './plugin';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'], disableDocker: true });

// CI starts a real PostgreSQL and names it; a run there without it would quietly test SQLite only.
if (process.env.CI && !databases.supports('POSTGRES_15')) {
  throw new Error('CI is set but BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not: .ci/run starts PostgreSQL for these tests');
}

const API = '/api/pillarguard/v1';
const MANUAL = { frequency: { trigger: 'manual' }, timeout: { minutes: 5 } };

// Snapshot items are untyped JSON edited in place by the tests.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Items = any[];

async function snapshotCopy(edit?: (items: Items) => void): Promise<{ dir: string; write: (edit: (items: Items) => void) => Promise<void> }> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'pillarguard-backend-'));
  const original = JSON.parse(await fs.readFile(SNAPSHOT, 'utf8'));
  const write = async (e: (items: Items) => void) => {
    const copy = structuredClone(original);
    e(copy.configurationItems);
    await fs.writeFile(join(dir, 'snapshot.json'), JSON.stringify(copy));
  };
  await write(edit ?? (() => {}));
  return { dir, write };
}

async function start(databaseId: TestDatabaseId, options: { paths: string[]; pillarguard?: Record<string, unknown>; permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY; actions?: ReturnType<typeof actionsRegistryServiceMock> }) {
  const knex = await databases.init(databaseId);
  const features = [
    pillarguardPlugin,
    mockServices.database.factory({ knex }),
    mockServices.rootConfig.factory({ data: { pillarguard: { provider: { type: 'snapshot', snapshot: { paths: options.paths } }, schedule: MANUAL, ...options.pillarguard } } }),
    catalogServiceMock.factory({ entities: exampleEntities() }),
    ...(options.permission ? [mockServices.permissions.factory({ result: options.permission })] : []),
    ...(options.actions ? [createServiceFactory({ service: actionsRegistryServiceRef, deps: {}, factory: () => options.actions! })] : []),
  ];
  const backend = await startTestBackend({ features });
  return { backend, server: backend.server, knex };
}

const refresh = (server: unknown, ref = 'resource/default/orders-table') => request(server as never).post(`${API}/entities/${ref}/refresh`);

describe.each(databases.eachSupportedId())('pillarguard backend on %s', (databaseId) => {
  let stop: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const s of stop) await s();
    stop = [];
  });
  const launch = async (...args: Parameters<typeof start> extends [unknown, ...infer R] ? R : never) => {
    const started = await start(databaseId, ...args);
    stop.push(() => started.backend.stop());
    return started;
  };

  it('before the first refresh: 404 naming the annotations, health "starting"; then scores for resources and roll-ups', async () => {
    const { dir } = await snapshotCopy();
    const { server } = await launch({ paths: [dir] });
    const missing = await request(server).get(`${API}/entities/resource/default/orders-table`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ name: 'NotFoundError', message: expect.stringContaining('aws.amazon.com/arn') });
    expectConforms('get', '/v1/entities/{kind}/{namespace}/{name}', missing);
    const starting = await request(server).get(`${API}/health`);
    expect(starting.body.status).toBe('starting');
    expectConforms('get', '/v1/health', starting);

    const refreshed = await refresh(server);
    expect(refreshed.status).toBe(200);
    expectConforms('post', '/v1/entities/{kind}/{namespace}/{name}/refresh', refreshed);
    expect(refreshed.body.refresh).toMatchObject({ ok: true, provider: 'snapshot', items: 28, changedItems: 28, evaluated: true, problems: [] });
    expect(refreshed.body.refresh.entities).toBeGreaterThanOrEqual(13 + 4 + 4);

    const table = await request(server).get(`${API}/entities/resource/default/orders-table`);
    expect(table.status).toBe(200);
    expectConforms('get', '/v1/entities/{kind}/{namespace}/{name}', table);
    // A client polling with the ETag gets a 304 while nothing changed (within the same second of freshness).
    const again = await request(server).get(`${API}/entities/resource/default/orders-table`).set('If-None-Match', table.headers.etag);
    expect([200, 304]).toContain(again.status);
    if (again.status === 200) expect(again.headers.etag).not.toBe(table.headers.etag);
    expect(table.body).toMatchObject({
      entityRef: 'resource:default/orders-table',
      owner: 'group:default/team-orders',
      type: 'dynamodb-table',
      system: 'system:default/orders',
      resources: ['arn:aws:dynamodb:eu-west-1:111122223333:table/orders'],
      stale: false,
    });
    expect(['none', 'bronze', 'silver', 'gold']).toContain(table.body.level);
    expect(Object.keys(table.body.pillars).sort()).toEqual(['classification', 'encryption', 'identity', 'monitoring', 'network', 'policy-as-code', 'recovery', 'secrets']);
    expect(table.body.findings.length).toBeGreaterThan(0);
    expect(table.body.findings.every((f: { resource: { id: string } }) => f.resource.id === 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders')).toBe(true);

    // A Component rolls up the Resources it depends on; one claiming by tag gets every tagged resource.
    const service = (await request(server).get(`${API}/entities/component/default/orders-service`)).body;
    expect(service.rolledUp).toEqual(['resource:default/customer-profiles-table', 'resource:default/orders-db', 'resource:default/orders-table']);
    expect(service.resources).toHaveLength(3);
    const tagged = (await request(server).get(`${API}/entities/component/default/team-orders-data`)).body;
    expect(tagged.resources).toEqual(['arn:aws:dynamodb:eu-west-1:111122223333:table/orders', 'arn:aws:rds:eu-west-1:111122223333:cluster:orders-db']);
    // A System rolls up its parts (and their parts).
    const system = (await request(server).get(`${API}/entities/system/default/orders`)).body;
    expect(system.resources).toEqual(expect.arrayContaining(service.resources));
    expect(system.findings.length).toBeGreaterThanOrEqual(service.findings.length);

    const healthRes = await request(server).get(`${API}/health`);
    expectConforms('get', '/v1/health', healthRes);
    const health = healthRes.body;
    expect(health).toMatchObject({ status: 'ok', stale: false, lastRefresh: { ok: true, items: 28 } });
  });

  it('the overview filters, sorts, pages and rolls up a Group; bad input is a 400 in Backstage error format', async () => {
    const { dir } = await snapshotCopy();
    const { server } = await launch({ paths: [dir] });
    await refresh(server).expect(200);

    const allRes = await request(server).get(`${API}/overview?pageSize=500`);
    expectConforms('get', '/v1/overview', allRes);
    const all = allRes.body;
    expect(all.total).toBe(all.items.length);
    expect(all.summary.entities).toBe(all.total);
    const overall = all.items.map((i: { overall: number | null }) => i.overall).filter((x: number | null) => x !== null);
    expect(overall).toEqual([...overall].sort((a, b) => a - b));

    const team = (await request(server).get(`${API}/overview?owner=team-orders&pageSize=500`)).body;
    expect(team.items.map((i: { ref: string }) => i.ref).sort()).toEqual([
      'component:default/orders-service',
      'component:default/team-orders-data',
      'resource:default/customer-profiles-table',
      'resource:default/orders-db',
      'resource:default/orders-table',
      'system:default/orders',
    ]);
    expect(team.summary.levels.none + team.summary.levels.bronze + team.summary.levels.silver + team.summary.levels.gold).toBe(6);
    expect(team.summary.findings).toBe(team.items.reduce((n: number, i: { findingCount: number }) => n + i.findingCount, 0));
    expect((await request(server).get(`${API}/overview?owner=group:default/team-orders`)).body.total).toBe(6);

    const recovery = (await request(server).get(`${API}/overview?pillar=recovery&below=100&sort=recovery&order=asc&pageSize=500`)).body;
    expect(recovery.items.length).toBeGreaterThan(0);
    expect(recovery.items.every((i: { pillars: { recovery: number } }) => i.pillars.recovery < 100)).toBe(true);
    const scores = recovery.items.map((i: { pillars: { recovery: number } }) => i.pillars.recovery);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));

    const page1 = (await request(server).get(`${API}/overview?sort=name&pageSize=5&page=1`)).body;
    const page2 = (await request(server).get(`${API}/overview?sort=name&pageSize=5&page=2`)).body;
    expect(page1.items).toHaveLength(5);
    expect(page1.total).toBe(all.total);
    expect(page1.items[4].name <= page2.items[0].name).toBe(true);
    expect((await request(server).get(`${API}/overview?search=WAREHOUSE`)).body.items.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(['orders-warehouse', 'warehouse-reporting']));
    expect((await request(server).get(`${API}/overview?kind=resource&type=s3-bucket`)).body.total).toBe(3);
    const levels = (await request(server).get(`${API}/overview?level=none,bronze`)).body;
    expect(levels.items.every((i: { level: string }) => ['none', 'bronze'].includes(i.level))).toBe(true);

    for (const bad of ['pillar=speed', 'below=101', 'page=0', 'pageSize=501', 'sort=color', 'level=platinum', 'unknown=1', 'owner=a&owner=b']) {
      const res = await request(server).get(`${API}/overview?${bad}`);
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(res.body.error.name).toBe('InputError');
      expectConforms('get', '/v1/overview', res);
    }
    expect((await request(server).get(`${API}/entities/resource/default/${encodeURIComponent('orders table')}`)).status).toBe(400);
  });

  it('a refresh that turns PITR off: the recovery score falls, a history row appears, and the API returns both', async () => {
    const { dir, write } = await snapshotCopy();
    const { server } = await launch({ paths: [dir] });
    await refresh(server).expect(200);
    const before = (await request(server).get(`${API}/entities/resource/default/orders-table`)).body;
    const history1 = (await request(server).get(`${API}/entities/resource/default/orders-table/history`)).body;
    expect(history1.points).toHaveLength(1);

    // The same items again: nothing evaluated, nothing stored, no history row.
    const same = (await refresh(server).expect(200)).body.refresh;
    expect(same).toMatchObject({ ok: true, changedItems: 0, evaluated: false, changedEntities: 0 });

    await write((items) => {
      const table = items.find((i) => i.ARN === 'arn:aws:dynamodb:eu-west-1:111122223333:table/orders');
      table.supplementaryConfiguration.ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus = 'DISABLED';
      table.configurationItemCaptureTime = '2026-11-29T03:00:00.000Z';
    });
    const changed = (await refresh(server).expect(200)).body;
    expect(changed.refresh).toMatchObject({ ok: true, changedItems: 1, evaluated: true });
    // The table, and every entity rolling it up, changed.
    expect(changed.refresh.changedEntities).toBeGreaterThanOrEqual(4);
    const after = changed.entity;
    expect(after.pillars.recovery.score).toBeLessThan(before.pillars.recovery.score);
    expect(after.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('dynamodb.pitr');
    expect(before.findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('dynamodb.pitr');
    const history2Res = await request(server).get(`${API}/entities/resource/default/orders-table/history`);
    expectConforms('get', '/v1/entities/{kind}/{namespace}/{name}/history', history2Res);
    const history2 = history2Res.body;
    expect(history2.points).toHaveLength(2);
    expect(history2.points[1].pillars.recovery).toBe(after.pillars.recovery.score);
    expect(history2.points[0].pillars.recovery).toBe(before.pillars.recovery.score);
    expect(history2.points[1].findingCount).toBe(history2.points[0].findingCount + 1);
    // An unrelated entity got no history row.
    expect((await request(server).get(`${API}/entities/resource/default/sessions-table/history`)).body.points).toHaveLength(1);
    expect((await request(server).get(`${API}/entities/resource/default/orders-table/history?days=0`)).status).toBe(400);
  });

  it('when the source fails, the last good scores stay, marked stale with their age, and health says failing', async () => {
    const { dir } = await snapshotCopy();
    const { server } = await launch({ paths: [dir], pillarguard: { staleAfter: { seconds: 1 } } });
    await refresh(server).expect(200);
    const good = (await request(server).get(`${API}/entities/resource/default/orders-table`)).body;
    await fs.rm(join(dir, 'snapshot.json'));
    await new Promise((r) => setTimeout(r, 1100));
    const failed = await refresh(server);
    expect(failed.status).toBe(200);
    expect(failed.body.refresh).toMatchObject({ ok: false, problems: [`${dir}: no .json snapshot files in the directory`] });
    const kept = failed.body.entity;
    expect(kept.pillars).toEqual(good.pillars);
    expect(kept.findings).toEqual(good.findings);
    expect(kept.stale).toBe(true);
    expect(kept.ageSeconds).toBeGreaterThanOrEqual(1);
    expect((await request(server).get(`${API}/overview`)).body.total).toBeGreaterThan(0);
    expect((await request(server).get(`${API}/health`)).body).toMatchObject({ status: 'failing', stale: true, lastRefresh: { ok: false } });
  });

  it('auth on every route; permissions decide reads and refreshes', async () => {
    const { dir } = await snapshotCopy();
    const { server } = await launch({ paths: [dir], permission: AuthorizeResult.DENY });
    for (const [method, path] of [
      ['get', '/entities/resource/default/orders-table'],
      ['get', '/entities/resource/default/orders-table/history'],
      ['get', '/overview'],
      ['get', '/health'],
      ['post', '/entities/resource/default/orders-table/refresh'],
    ] as const) {
      const res = await request(server)[method](`${API}${path}`).set('Authorization', mockCredentials.none.header());
      expect([path, res.status]).toEqual([path, 401]);
      expectConforms(method, path.startsWith('/entities') ? `/v1/entities/{kind}/{namespace}/{name}${path.endsWith('/history') ? '/history' : path.endsWith('/refresh') ? '/refresh' : ''}` : `/v1${path}`, res);
    }
    const denied = await refresh(server);
    expect(denied.status).toBe(403);
    expectConforms('post', '/v1/entities/{kind}/{namespace}/{name}/refresh', denied);
    expect(denied.body.error).toMatchObject({ name: 'NotAllowedError', message: 'not allowed: pillarguard.refresh on resource:default/orders-table' });
    expect((await request(server).get(`${API}/entities/resource/default/orders-table`)).status).toBe(403);
    expect((await request(server).get(`${API}/overview`)).status).toBe(403);
  });

  it('registers its permissions and its actions for AI agents', async () => {
    const { dir } = await snapshotCopy();
    const actions = actionsRegistryServiceMock();
    const { server } = await launch({ paths: [dir], actions });
    const metadata = await request(server).get('/api/pillarguard/.well-known/backstage/permissions/metadata');
    expect(metadata.body.permissions.map((p: { name: string }) => p.name).sort()).toEqual(['pillarguard.findings.read', 'pillarguard.refresh']);

    await refresh(server).expect(200);
    const scores = await actions.invoke({ id: 'test:get-pillar-scores', input: { entityRef: 'resource:default/orders-table' }, credentials: mockCredentials.user() });
    const api = (await request(server).get(`${API}/entities/resource/default/orders-table`)).body;
    expect(scores.output).toMatchObject({ entityRef: 'resource:default/orders-table', level: api.level, overall: api.overall });
    expect((scores.output as { findings: unknown[] }).findings).toHaveLength(api.findings.filter((f: { suppressed?: unknown }) => !f.suppressed).length);
    const failing = await actions.invoke({ id: 'test:list-failing-entities', input: { pillar: 'recovery', below: 100 }, credentials: mockCredentials.user() });
    const out = failing.output as { total: number; entities: Array<{ score: number }> };
    expect(out.total).toBe((await request(server).get(`${API}/overview?pillar=recovery&below=100`)).body.total);
    expect(out.entities.every((e) => e.score < 100)).toBe(true);
  });
});

describe('startup', () => {
  it('a bad configuration stops the backend, naming the key', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(
      startTestBackend({
        features: [
          pillarguardPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({ data: { pillarguard: { provider: { type: 'aws-config', awsConfig: { region: 'mars-1' } } } } }),
          catalogServiceMock.factory({ entities: [] }),
        ],
      }),
    ).rejects.toThrow(`Invalid configuration at 'pillarguard.provider.awsConfig.region': "mars-1" is not an AWS region such as eu-west-1`);
  });

  it('runs on the scheduler (here: at startup) without a request', async () => {
    const { dir } = await snapshotCopy();
    const knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        pillarguardPlugin,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({ data: { pillarguard: { provider: { type: 'snapshot', snapshot: { paths: [dir] } }, schedule: MANUAL } } }),
        mockServices.scheduler.factory({ includeManualTasksOnStartup: true }),
        catalogServiceMock.factory({ entities: exampleEntities() }),
      ],
    });
    try {
      let status = 'starting';
      for (let i = 0; i < 100 && status === 'starting'; i++) {
        status = (await request(backend.server).get(`${API}/health`)).body.status;
        if (status === 'starting') await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe('ok');
      expect((await request(backend.server).get(`${API}/entities/resource/default/orders-table`)).status).toBe(200);
    } finally {
      await backend.stop();
    }
  });
});
