import type { LoggerService } from '@backstage/backend-plugin-api';
import { entityRef, scoreEntities, type EntityLike, type Evaluated } from './entity-scores';
import { evaluateItems } from './evaluate';
import { changedSince, sha256, summaryOf } from './history';
import type { DatabaseStore } from './persistence/DatabaseStore';
import type { ConfigItemsProvider, ConfigRuleCompliance } from './providers/types';
import { recordOf } from './records';
import type { EntityRecord, RefreshReport } from './types';

export interface RefreshServiceOptions {
  provider: ConfigItemsProvider;
  store: DatabaseStore;
  /** The catalog entities that may name AWS resources (Resources, Components, Systems). */
  entities: () => Promise<EntityLike[]>;
  logger: LoggerService;
  /** History rows older than this are pruned (each entity keeps its latest). */
  historyRetentionDays: number;
  now?: () => Date;
}

interface HeldItem {
  captureTime?: string;
  /** The item as JSON text: one string per item keeps 15,000 items cheap for the garbage collector. */
  raw: string;
}

/**
 * One refresh: read the catalog, load configuration items (only new or changed ones are fetched
 * in full), evaluate them with the shared rules when any changed, score every entity, and store
 * what changed with a history row. A failure anywhere before the store keeps the last good scores
 * (marked stale by their age): nothing is deleted because a call failed. Concurrent callers (the
 * schedule and a user's refresh button) share the refresh in flight.
 */
export class RefreshService {
  private items = new Map<string, HeldItem>();
  private compliance = new Map<string, ConfigRuleCompliance[]>();
  private evaluated?: Evaluated & { problems: string[]; at: string };
  /** What the last stored scoring was computed from; the same again (no item, entity or compliance change) needs no scoring. */
  private lastScored?: { entities: string; count: number };
  private running?: Promise<RefreshReport>;
  private readonly now: () => Date;

  constructor(private readonly options: RefreshServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  refresh(): Promise<RefreshReport> {
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async run(): Promise<RefreshReport> {
    const { provider, store, logger } = this.options;
    const started = this.now();
    const report: RefreshReport = {
      provider: provider.name,
      startedAt: started.toISOString(),
      finishedAt: '',
      ok: false,
      items: 0,
      changedItems: 0,
      evaluated: false,
      entities: 0,
      changedEntities: 0,
      calls: {},
      problems: [],
      durationMs: 0,
    };
    const finish = async (ok: boolean) => {
      report.ok = ok;
      const end = this.now();
      report.finishedAt = end.toISOString();
      report.durationMs = end.getTime() - started.getTime();
      await store.recordRefresh(report);
      const calls = Object.entries(report.calls).map(([k, v]) => `${k}=${v}`).join(' ') || 'none';
      const line = `pillarguard refresh (${provider.name}): ${report.items} items, ${report.changedItems} changed, evaluated=${report.evaluated}, ${report.entities} entities, ${report.changedEntities} changed; AWS calls: ${calls}; ${report.durationMs} ms`;
      if (ok) logger.info(line);
      else logger.warn(`${line}; kept the last good scores: ${report.problems.join('; ')}`);
      return report;
    };

    let entities: EntityLike[];
    try {
      entities = await this.options.entities();
    } catch (e) {
      report.problems.push(`catalog: ${e instanceof Error ? e.message : String(e)}`);
      return finish(false);
    }

    const loaded = await provider.load({ known: new Map([...this.items].map(([k, v]) => [k, v.captureTime])), complianceKnown: new Set(this.compliance.keys()) });
    report.calls = loaded.calls;
    report.problems.push(...loaded.problems);
    if (!loaded.complete) return finish(false);

    const next = new Map<string, HeldItem>();
    for (const item of loaded.items) {
      const held = this.items.get(item.key);
      if (item.raw !== undefined) {
        if (!held || held.captureTime !== item.captureTime) report.changedItems++;
        next.set(item.key, { ...(item.captureTime ? { captureTime: item.captureTime } : {}), raw: typeof item.raw === 'string' ? item.raw : JSON.stringify(item.raw) });
      } else if (held) {
        next.set(item.key, held);
      } else {
        report.problems.push(`${provider.name}: ${item.key} was reported unchanged but is not held; refetching next time`);
      }
    }
    const removed = [...this.items.keys()].filter((k) => !next.has(k)).length;
    report.changedItems += removed;
    report.items = next.size;
    this.items = next;
    for (const [k, v] of loaded.compliance) this.compliance.set(k, v);
    for (const k of [...this.compliance.keys()]) if (!next.has(k)) this.compliance.delete(k);

    // Unchanged items (same capture time) are not evaluated again: the last evaluation holds.
    if (!this.evaluated || report.changedItems > 0) {
      this.evaluated = { ...evaluateItems([...next.values()].map((i) => i.raw), report.startedAt), at: report.startedAt };
      report.evaluated = true;
    }
    report.problems.push(...this.evaluated.problems);

    await store.pruneHistory(new Date(started.getTime() - this.options.historyRetentionDays * 86_400_000).toISOString());
    const entitiesKey = sha256(JSON.stringify(entities));
    if (!report.evaluated && loaded.compliance.size === 0 && this.lastScored?.entities === entitiesKey) {
      report.entities = this.lastScored.count;
      return finish(true);
    }

    const byRef = new Map(entities.map((e) => [entityRef(e), e]));
    const scored = scoreEntities(entities, this.evaluated);
    const stored = await store.summaries();
    const upsert: EntityRecord[] = [];
    const history = new Set<string>();
    for (const score of scored) {
      const before = stored.get(score.ref);
      const record = recordOf(byRef.get(score.ref)!, score, this.compliance, this.evaluated.at);
      const changed = changedSince(before ? summaryOf(before) : undefined, summaryOf(record));
      if (changed) history.add(record.ref);
      // Same scores from a later evaluation: keep the stored evaluation time unless anything else moved.
      if (!changed && before) record.evaluatedAt = before.evaluatedAt;
      if (!before || changed || before.contentHash !== record.contentHash) upsert.push(record);
    }
    const current = new Set(scored.map((s) => s.ref));
    const remove = [...stored.keys()].filter((ref) => !current.has(ref));
    await store.save({ upsert, history, remove });
    report.entities = scored.length;
    report.changedEntities = history.size;
    this.lastScored = { entities: entitiesKey, count: scored.length };
    return finish(true);
  }
}
