import { resolvePackagePath, type DatabaseService } from '@backstage/backend-plugin-api';
import { PILLARS, type Pillar, type ScoreLevel } from '@pillarguard/rules';
import type { Knex } from 'knex';
import { detailOf, entityBody } from '../entity-body';
import type { EntityRecord, HistoryPoint, OverviewPage, OverviewQuery, OverviewRow, RefreshReport, StoredSummary } from '../types';

const SCORES = 'pillarguard_entity_scores';
const HISTORY = 'pillarguard_history';
const REFRESH = 'pillarguard_refresh';
/** Rows per statement: stays under SQLite's bound-variable limit with ~25 columns a row. */
const CHUNK = 30;
const LEVELS: ScoreLevel[] = ['none', 'bronze', 'silver', 'gold'];
/** `policy-as-code` → `score_policy_as_code`. */
export const pillarColumn = (p: Pillar) => `score_${p.replace(/-/g, '_')}`;
/** Every column but the body JSON: what the overview lists. */
const LIST_COLUMNS = ['entity_ref', 'kind', 'namespace', 'name', 'title', 'owner', 'type', 'system', 'level', 'overall', ...PILLARS.map(pillarColumn), 'finding_count', 'critical_count', 'high_count', 'resource_count', 'evaluated_at'];

/** What a refresh hands to the store. */
export interface SaveRequest {
  /** Records new or different from the stored ones. */
  upsert: EntityRecord[];
  /** Refs whose scores, level or findings changed since the stored row: one history row each. */
  history: ReadonlySet<string>;
  /** Entities no longer in the catalog (or no longer naming AWS resources): removed with their history. */
  remove: readonly string[];
}

/**
 * Scores, history and refresh state in the plugin's own database (SQLite by default, PostgreSQL in
 * production), through the `database` core service and knex migrations.
 */
export interface RefreshState {
  attemptedAt?: string;
  succeededAt?: string;
  report?: RefreshReport;
}

const STATE_TTL_MS = 1000;

export class DatabaseStore {
  private state?: { at: number; value: Promise<RefreshState | undefined> };

  private constructor(private readonly db: Knex) {}

  static async create(database: DatabaseService): Promise<DatabaseStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip) {
      await client.migrate.latest({ directory: resolvePackagePath('@pillarguard/backstage-plugin-backend', 'migrations'), tableName: 'pillarguard_knex_migrations' });
    }
    return new DatabaseStore(client);
  }

  /** The entity route's body as stored (see entity-body.ts): one column, no parsing. */
  async body(ref: string): Promise<string | undefined> {
    const row = await this.db(SCORES).where({ entity_ref: ref }).first('body');
    return row ? String(row.body) : undefined;
  }

  /** Stored bodies in entity-ref order, a page after `after` (keyset paging: no offset scans). */
  async bodies(after: string, limit: number): Promise<Array<{ ref: string; body: string }>> {
    const rows = await this.db(SCORES).where('entity_ref', '>', after).orderBy('entity_ref').limit(limit).select('entity_ref', 'body');
    return rows.map((r: { entity_ref: string; body: string }) => ({ ref: r.entity_ref, body: String(r.body) }));
  }

  async get(ref: string): Promise<EntityRecord | undefined> {
    const row = await this.db(SCORES).where({ entity_ref: ref }).first();
    return row ? toRecord(row) : undefined;
  }

  /** What a refresh compares a new evaluation with: scores and hashes, never the body JSON. */
  async summaries(): Promise<Map<string, StoredSummary>> {
    const rows = await this.db(SCORES).select(['entity_ref', 'level', ...PILLARS.map(pillarColumn), 'evaluated_at', 'findings_hash', 'content_hash']);
    return new Map(
      rows.map((r: Record<string, unknown>) => [
        String(r.entity_ref),
        {
          ref: String(r.entity_ref),
          level: r.level as ScoreLevel,
          pillars: Object.fromEntries(PILLARS.map((p) => [p, num(r[pillarColumn(p)])])) as Record<Pillar, number | null>,
          evaluatedAt: String(r.evaluated_at),
          findingsHash: String(r.findings_hash),
          contentHash: String(r.content_hash),
        },
      ]),
    );
  }

  async save(request: SaveRequest): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = request.upsert.map(toRow);
      for (let i = 0; i < rows.length; i += CHUNK) {
        await tx(SCORES).insert(rows.slice(i, i + CHUNK)).onConflict('entity_ref').merge();
      }
      const history = request.upsert.filter((r) => request.history.has(r.ref)).map(toHistoryRow);
      for (let i = 0; i < history.length; i += CHUNK * 3) await tx(HISTORY).insert(history.slice(i, i + CHUNK * 3));
      for (let i = 0; i < request.remove.length; i += 500) {
        await tx(SCORES).whereIn('entity_ref', request.remove.slice(i, i + 500)).delete();
        await tx(HISTORY).whereIn('entity_ref', request.remove.slice(i, i + 500)).delete();
      }
    });
  }

  async history(ref: string, options: { since?: string; limit: number }): Promise<HistoryPoint[]> {
    let q = this.db(HISTORY).where({ entity_ref: ref });
    if (options.since) q = q.andWhere('evaluated_at', '>=', options.since);
    const rows = await q.orderBy('evaluated_at', 'desc').orderBy('id', 'desc').limit(options.limit);
    return rows.reverse().map((r: Record<string, unknown>) => ({
      evaluatedAt: String(r.evaluated_at),
      level: r.level as ScoreLevel,
      overall: num(r.overall),
      pillars: JSON.parse(String(r.pillars)),
      findingCount: (JSON.parse(String(r.finding_ids)) as string[]).length,
    }));
  }

  /** Deletes history older than the retention, keeping each entity's latest row (its trend's starting point). */
  async pruneHistory(before: string): Promise<number> {
    const latest = this.db(HISTORY).max('id').groupBy('entity_ref');
    return this.db(HISTORY).where('evaluated_at', '<', before).whereNotIn('id', latest).delete();
  }

  private filter(q: OverviewQuery): Knex.QueryBuilder {
    let b = this.db(SCORES);
    if (q.refs) b = b.whereIn('entity_ref', q.refs);
    if (q.owner) b = b.where('owner', q.owner);
    if (q.kind) b = b.where('kind', q.kind.toLowerCase());
    if (q.type) b = b.where('type', q.type);
    if (q.system) b = b.where('system', q.system);
    if (q.level?.length) b = b.whereIn('level', q.level);
    const col = q.pillar ? pillarColumn(q.pillar) : 'overall';
    if (q.below !== undefined) b = b.where(col, '<', q.below);
    if (q.above !== undefined) b = b.where(col, '>', q.above);
    if (q.search) {
      const like = `%${q.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      b = b.where((w) => w.whereRaw(`lower(name) like ? escape '\\'`, [like]).orWhereRaw(`lower(coalesce(title, '')) like ? escape '\\'`, [like]));
    }
    return b;
  }

  /** Refs of every entity the filters match (for per-entity permission decisions). */
  async refs(q: OverviewQuery): Promise<string[]> {
    return (await this.filter({ ...q, refs: undefined }).select('entity_ref')).map((r: { entity_ref: string }) => r.entity_ref);
  }

  async overview(q: OverviewQuery): Promise<OverviewPage> {
    const filtered = () => this.filter(q);
    const pillarAvgs = PILLARS.map((p) => this.db.raw(`avg(${pillarColumn(p)}) as ${pillarColumn(p)}`));
    const [totals] = await filtered().select(this.db.raw('count(*) as entities'), this.db.raw('avg(overall) as overall'), this.db.raw('coalesce(sum(finding_count), 0) as findings'), ...pillarAvgs);
    const levels = await filtered().select('level').count({ n: '*' }).groupBy('level');

    const order = q.order;
    let rows = filtered().select(LIST_COLUMNS);
    if (q.sort === 'name') rows = rows.orderBy('name', order);
    else if (q.sort === 'level') rows = rows.orderByRaw(`case level ${LEVELS.map((l, i) => `when '${l}' then ${i}`).join(' ')} end ${order}`);
    else if (q.sort === 'findings') rows = rows.orderBy('finding_count', order);
    else if (q.sort === 'evaluatedAt') rows = rows.orderBy('evaluated_at', order);
    else {
      // Entities where the pillar does not apply sort last either way.
      const col = q.sort === 'overall' ? 'overall' : pillarColumn(q.sort);
      rows = rows.orderByRaw(`case when ${col} is null then 1 else 0 end`).orderBy(col, order);
    }
    const page = await rows.orderBy('entity_ref').offset((q.page - 1) * q.pageSize).limit(q.pageSize);
    const t = totals as Record<string, unknown>;
    return {
      items: page.map((r: Record<string, unknown>) => {
        const { detail: _detail, findingsHash: _f, contentHash: _c, ...rest } = toRecord(r);
        return rest as OverviewRow;
      }),
      page: q.page,
      pageSize: q.pageSize,
      total: Number(t.entities),
      summary: {
        entities: Number(t.entities),
        levels: Object.fromEntries(LEVELS.map((l) => [l, Number((levels as Array<{ level: string; n: unknown }>).find((x) => x.level === l)?.n ?? 0)])) as Record<ScoreLevel, number>,
        pillars: Object.fromEntries(PILLARS.map((p) => [p, round(num(t[pillarColumn(p)]))])) as Record<Pillar, number | null>,
        overall: round(num(t.overall)),
        findings: Number(t.findings),
      },
    };
  }

  /**
   * The last refresh, read at most once a second: every request needs it (staleness, the cache
   * version) and a refresh on another instance sharing the database shows within that second.
   */
  async refreshState(): Promise<RefreshState | undefined> {
    const now = Date.now();
    if (!this.state || now - this.state.at > STATE_TTL_MS) this.state = { at: now, value: this.readRefreshState() };
    return this.state.value;
  }

  private async readRefreshState(): Promise<RefreshState | undefined> {
    const row = await this.db(REFRESH).where({ id: 1 }).first();
    if (!row) return undefined;
    return { ...(row.attempted_at ? { attemptedAt: row.attempted_at } : {}), ...(row.succeeded_at ? { succeededAt: row.succeeded_at } : {}), report: JSON.parse(row.report) };
  }

  async recordRefresh(report: RefreshReport): Promise<void> {
    const row: Record<string, unknown> = { id: 1, provider: report.provider, attempted_at: report.startedAt, report: JSON.stringify(report) };
    // A failed attempt keeps the time of the last good one: that is what "stale" is measured from.
    if (report.ok) row.succeeded_at = report.startedAt;
    await this.db(REFRESH).insert(row).onConflict('id').merge();
    this.state = undefined;
  }
}

function toRow(r: EntityRecord): Record<string, unknown> {
  const row: Record<string, unknown> = {
    entity_ref: r.ref,
    kind: r.kind,
    namespace: r.namespace,
    name: r.name,
    title: r.title ?? null,
    owner: r.owner ?? null,
    type: r.type ?? null,
    system: r.system ?? null,
    level: r.level,
    overall: r.overall,
    finding_count: r.findingCount,
    critical_count: r.criticalCount,
    high_count: r.highCount,
    resource_count: r.resourceCount,
    evaluated_at: r.evaluatedAt,
    findings_hash: r.findingsHash,
    content_hash: r.contentHash,
    body: JSON.stringify(entityBody(r)),
  };
  for (const p of PILLARS) row[pillarColumn(p)] = r.pillars[p] ?? null;
  return row;
}

function toRecord(row: Record<string, unknown>): EntityRecord {
  const opt = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
  return {
    ref: String(row.entity_ref),
    kind: String(row.kind),
    namespace: String(row.namespace),
    name: String(row.name),
    ...(opt(row.title) ? { title: opt(row.title) } : {}),
    ...(opt(row.owner) ? { owner: opt(row.owner) } : {}),
    ...(opt(row.type) ? { type: opt(row.type) } : {}),
    ...(opt(row.system) ? { system: opt(row.system) } : {}),
    level: row.level as ScoreLevel,
    overall: num(row.overall),
    pillars: Object.fromEntries(PILLARS.map((p) => [p, num(row[pillarColumn(p)])])) as Record<Pillar, number | null>,
    findingCount: Number(row.finding_count),
    criticalCount: Number(row.critical_count),
    highCount: Number(row.high_count),
    resourceCount: Number(row.resource_count),
    detail: row.body === undefined ? (undefined as never) : detailOf(JSON.parse(String(row.body))),
    evaluatedAt: String(row.evaluated_at),
    findingsHash: String(row.findings_hash ?? ''),
    contentHash: String(row.content_hash ?? ''),
  };
}

function toHistoryRow(r: EntityRecord): Record<string, unknown> {
  return {
    entity_ref: r.ref,
    evaluated_at: r.evaluatedAt,
    level: r.level,
    overall: r.overall,
    pillars: JSON.stringify(r.pillars),
    finding_ids: JSON.stringify(r.detail.findings.filter((f) => !f.suppressed).map((f) => f.id).sort()),
  };
}

/** PostgreSQL returns averages as strings and SQLite as numbers. */
function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10) / 10;
}
