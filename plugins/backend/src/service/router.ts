import type { HttpAuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult, type ResourcePermission } from '@backstage/plugin-permission-common';
import { PILLARS, type Pillar } from '@pillarguard/rules';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ANNOTATION_ARN, ANNOTATION_TAGS } from '../annotations';
import { pillarguardFindingsReadPermission, pillarguardRefreshPermission } from '../permissions';
import { etagOf, fieldsSuffix, ResponseCache, withFields } from './cache';
import { completeRef } from './entity-scores';
import { staleness } from './history';
import type { DatabaseStore } from './persistence/DatabaseStore';
import type { RefreshService } from './refresh';
import { SORT_KEYS, type OverviewQuery } from './types';

/** A cached body ready to send: its open bytes, the suffix closing it, its ETag. */
interface Cached {
  open: Buffer;
  suffix: Buffer;
  etag: string;
}

export interface RouterOptions {
  store: DatabaseStore;
  refresh: RefreshService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  staleAfterMs: number;
  /** Demo only (see config.d.ts): reads without a Backstage token are allowed by the auth policy, and skip permission checks. */
  allowUnauthenticatedReads?: boolean;
  now?: () => Date;
}

const LEVEL = z.enum(['none', 'bronze', 'silver', 'gold']);
const PILLAR = z.enum(PILLARS as [Pillar, ...Pillar[]]);
const SCORE = z.coerce.number().min(0).max(100);

/** Entity refs name kind, namespace and name as the catalog allows: letters, digits, `-_.`. */
const NAME_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/;

const OVERVIEW = z
  .object({
    owner: z.string().min(1).max(255).optional(),
    kind: z.string().regex(NAME_PART).optional(),
    type: z.string().min(1).max(255).optional(),
    system: z.string().min(1).max(255).optional(),
    level: z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()))
      .pipe(z.array(LEVEL))
      .optional(),
    pillar: PILLAR.optional(),
    below: SCORE.optional(),
    above: SCORE.optional(),
    search: z.string().max(200).optional(),
    sort: z.enum([...SORT_KEYS, ...PILLARS] as [string, ...string[]]).default('overall'),
    order: z.enum(['asc', 'desc']).default('asc'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

const HISTORY = z
  .object({
    since: z.string().datetime({ offset: true }).optional(),
    days: z.coerce.number().int().min(1).max(3650).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
  })
  .strict();

/** Query strings as zod sees them: repeated parameters are refused, not silently merged. */
function parse<S extends z.ZodTypeAny>(schema: S, query: unknown): z.output<S> {
  for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
    if (typeof v !== 'string') throw new InputError(`query parameter '${k}' must be given once, as a string`);
  }
  const result = schema.safeParse(query);
  if (!result.success) {
    throw new InputError(result.error.issues.map((i) => (i.path.length ? `'${i.path.join('.')}': ${i.message}` : i.message)).join('; '));
  }
  return result.data;
}

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { store, refresh, httpAuth, permissions, staleAfterMs } = options;
  const now = options.now ?? (() => new Date());
  const router = Router();
  const cache = new ResponseCache();
  const entityKey = (ref: string) => `entity\u0000${ref}`;

  /**
   * After a refresh (here or on another instance), load the entity bodies in pages of 500 in the
   * background, up to half the cache, so entity pages are served from memory rather than one
   * query each. Requests meanwhile fall back to a single-row read.
   */
  let warming: string | undefined;
  const warm = (version: string) => {
    if (warming === version) return;
    warming = version;
    void (async () => {
      let after = '';
      while (warming === version && cache.size < cache.max / 2) {
        const page = await store.bodies(after, 500);
        if (page.length === 0) break;
        for (const { ref, body } of page) cache.put(version, entityKey(ref), body);
        after = page[page.length - 1].ref;
        await new Promise((r) => setImmediate(r));
      }
    })().catch(() => {
      // Warming is an optimisation: a failed page leaves requests to read their row themselves.
    });
  };
  // No route takes a body: no body parser (it would inspect every request's content type).

  const entityRefOf = (params: Record<string, string>) => {
    for (const k of ['kind', 'namespace', 'name']) {
      if (!NAME_PART.test(params[k] ?? '')) throw new InputError(`'${k}' is not a valid entity ${k}: ${JSON.stringify(params[k]).slice(0, 80)}`);
    }
    return `${params.kind}:${params.namespace}/${params.name}`.toLowerCase();
  };

  /** The caller's credentials, or none when the demo setting lets anonymous reads through. */
  const authorizeEntity = async (req: express.Request, permission: ResourcePermission<'catalog-entity'>, ref: string, read: boolean) => {
    const credentials = await httpAuth.credentials(req, { allow: read && options.allowUnauthenticatedReads ? ['user', 'service', 'none'] : ['user', 'service'] });
    if (credentials.principal.type === 'none') return;
    const [decision] = await permissions.authorize([{ permission, resourceRef: ref }], { credentials });
    if (decision.result !== AuthorizeResult.ALLOW) throw new NotAllowedError(`not allowed: ${permission.name} on ${ref}`);
  };

  const freshness = async () => {
    const state = await store.refreshState();
    const checkedAt = state?.succeededAt;
    const s = checkedAt ? staleness(checkedAt, now(), staleAfterMs / 2) : { stale: true, ageSeconds: null };
    return { version: state?.attemptedAt ?? 'none', fields: { checkedAt: checkedAt ?? null, stale: s.stale, ageSeconds: s.ageSeconds }, lastRefresh: state?.report ?? null };
  };

  /** The entity's data (cached per refresh), the freshness of this moment to close it, and its ETag. */
  const entityJson = async (ref: string): Promise<Cached | undefined> => {
    const f = await freshness();
    warm(f.version);
    const open = await cache.get(f.version, entityKey(ref), () => store.body(ref));
    return open === undefined ? undefined : { open, suffix: fieldsSuffix(open, f.fields), etag: etagOf(f.version, entityKey(ref), f.fields) };
  };

  /**
   * A cached body sent as it is held: its bytes, then the per-request fields. No string is
   * rebuilt or copied per request; a matching If-None-Match gets a 304 (after authorisation).
   */
  const sendCached = (req: express.Request, res: express.Response, body: Cached) => {
    res.setHeader('ETag', body.etag);
    res.type('application/json');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Length', body.open.length + body.suffix.length);
    res.write(body.open);
    res.end(body.suffix);
  };

  const sendJson = (res: express.Response, body: string) => res.type('application/json').send(body);

  const notFound = (ref: string) =>
    new NotFoundError(`no Pillarguard scores for ${ref}: the entity names no AWS resources (annotate it with ${ANNOTATION_ARN} or ${ANNOTATION_TAGS}), or it has not been evaluated yet`);

  router.get('/v1/entities/:kind/:namespace/:name', async (req, res) => {
    const ref = entityRefOf(req.params);
    await authorizeEntity(req, pillarguardFindingsReadPermission, ref, true);
    const entity = await entityJson(ref);
    if (entity === undefined) throw notFound(ref);
    sendCached(req, res, entity);
  });

  router.get('/v1/entities/:kind/:namespace/:name/history', async (req, res) => {
    const ref = entityRefOf(req.params);
    const q = parse(HISTORY, req.query);
    await authorizeEntity(req, pillarguardFindingsReadPermission, ref, true);
    if (!(await store.get(ref))) throw notFound(ref);
    const since = q.since ? new Date(q.since).toISOString() : q.days ? new Date(now().getTime() - q.days * 86_400_000).toISOString() : undefined;
    res.json({ entityRef: ref, points: await store.history(ref, { ...(since ? { since } : {}), limit: q.limit }) });
  });

  router.post('/v1/entities/:kind/:namespace/:name/refresh', async (req, res) => {
    const ref = entityRefOf(req.params);
    await authorizeEntity(req, pillarguardRefreshPermission, ref, false);
    const report = await refresh.refresh();
    const entity = await entityJson(ref);
    if (entity === undefined) throw notFound(ref);
    sendJson(res, `{"refresh":${JSON.stringify(report)},"entity":${entity.open.toString()}${entity.suffix.toString()}}`);
  });

  router.get('/v1/overview', async (req, res) => {
    const q = parse(OVERVIEW, req.query);
    const credentials = await httpAuth.credentials(req, { allow: options.allowUnauthenticatedReads ? ['user', 'service', 'none'] : ['user', 'service'] });
    const query: OverviewQuery = {
      ...q,
      ...(q.owner ? { owner: completeRef(q.owner, 'group') } : {}),
      ...(q.system ? { system: completeRef(q.system, 'system') } : {}),
      ...(q.kind ? { kind: q.kind.toLowerCase() } : {}),
      sort: q.sort as OverviewQuery['sort'],
    };
    if (credentials.principal.type !== 'none') {
      const [decision] = await permissions.authorizeConditional([{ permission: pillarguardFindingsReadPermission }], { credentials });
      if (decision.result === AuthorizeResult.DENY) throw new NotAllowedError(`not allowed: ${pillarguardFindingsReadPermission.name}`);
      if (decision.result === AuthorizeResult.CONDITIONAL) {
        // The policy's conditions are the catalog's rules: ask per entity (one batched request).
        const refs = await store.refs(query);
        const decisions = refs.length ? await permissions.authorize(refs.map((resourceRef) => ({ permission: pillarguardFindingsReadPermission, resourceRef })), { credentials }) : [];
        query.refs = refs.filter((_, i) => decisions[i]?.result === AuthorizeResult.ALLOW);
      }
    }
    const f = await freshness();
    // Pages restricted by a conditional decision are per user: built, never cached.
    const key = `overview\u0000${JSON.stringify(query)}`;
    if (query.refs) sendJson(res, withFields(JSON.stringify(await store.overview(query)), f.fields));
    else {
      const open = (await cache.get(f.version, key, () => store.overview(query)))!;
      sendCached(req, res, { open, suffix: fieldsSuffix(open, f.fields), etag: etagOf(f.version, key, f.fields) });
    }
  });

  router.get('/v1/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: options.allowUnauthenticatedReads ? ['user', 'service', 'none'] : ['user', 'service'] });
    const f = await freshness();
    const status = !f.lastRefresh ? 'starting' : !f.lastRefresh.ok ? 'failing' : f.fields.stale ? 'stale' : 'ok';
    res.json({ status, ...f.fields, lastRefresh: f.lastRefresh });
  });

  return router;
}
