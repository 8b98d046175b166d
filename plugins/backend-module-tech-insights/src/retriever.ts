import type { FactRetriever, FactRetrieverContext, TechInsightFact } from '@backstage-community/plugin-tech-insights-node';
import { ResponseError } from '@backstage/errors';
import { PILLARS } from '@pillarguard/rules';

/** Fact names: `pillarguardLevel`, `pillarguardOverall`, `pillarguardIdentity`, … `pillarguardPolicyAsCode`. */
export const factName = (pillar: string) => `pillarguard${pillar.replace(/(^|-)([a-z])/g, (_, _d: string, c: string) => c.toUpperCase())}`;

const PAGE_SIZE = 500;
/** A catalog of 100,000 scored entities is 200 pages; past that something is wrong, not big. */
const MAX_PAGES = 200;

interface OverviewRow {
  kind: string;
  namespace: string;
  name: string;
  level: string;
  overall: number | null;
  pillars: Record<string, number | null>;
  findingCount: number;
  criticalCount: number;
  highCount: number;
  evaluatedAt: string;
}

/**
 * Publishes Pillarguard's scores as Tech Insights facts, so existing scorecards (and Soundcheck
 * through them) can check them: the level, the overall score, one integer per pillar (absent where
 * no rule applies), open and critical findings, and whether the scores are stale. Reads the
 * pillarguard backend's overview through discovery, as the tech-insights plugin itself.
 */
export const pillarguardFactRetriever: FactRetriever = {
  id: 'pillarguardFactRetriever',
  version: '0.1.0',
  title: 'Pillarguard security pillar scores',
  description: 'Scores (0-100) per security pillar and the bronze/silver/gold level of AWS data services, from Pillarguard.',
  entityFilter: [{ kind: ['Resource', 'Component', 'System'] }],
  schema: {
    pillarguardLevel: { type: 'string', description: 'none, bronze (no critical failure), silver (no critical or high), gold (everything passes)' },
    pillarguardOverall: { type: 'integer', description: 'Score over all pillars, 0-100' },
    ...Object.fromEntries(PILLARS.map((p) => [factName(p), { type: 'integer' as const, description: `Score of the ${p} pillar, 0-100 (absent where no rule applies)` }])),
    pillarguardFindings: { type: 'integer', description: 'Open findings' },
    pillarguardCriticalFindings: { type: 'integer', description: 'Open critical findings' },
    pillarguardHighFindings: { type: 'integer', description: 'Open high-severity findings' },
    pillarguardStale: { type: 'boolean', description: 'The scores are older than the configured staleness (AWS could not be read)' },
  },
  handler: async (ctx: FactRetrieverContext) => {
    const base = await ctx.discovery.getBaseUrl('pillarguard');
    const { token } = await ctx.auth.getPluginRequestToken({ onBehalfOf: await ctx.auth.getOwnServiceCredentials(), targetPluginId: 'pillarguard' });
    const facts: TechInsightFact[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await fetch(`${base}/v1/overview?sort=name&pageSize=${PAGE_SIZE}&page=${page}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!res.ok) throw await ResponseError.fromResponse(res as never);
      const body = (await res.json()) as { items: OverviewRow[]; total: number; stale: boolean };
      for (const row of body.items) facts.push(toFact(row, body.stale));
      if (page * PAGE_SIZE >= body.total || body.items.length === 0) {
        ctx.logger.info(`pillarguard facts for ${facts.length} entities`);
        return facts;
      }
    }
    throw new Error(`pillarguard overview has more than ${MAX_PAGES * PAGE_SIZE} entities; refusing to page further`);
  },
};

function toFact(row: OverviewRow, stale: boolean): TechInsightFact {
  const values: Record<string, string | number | boolean> = {
    pillarguardLevel: row.level,
    pillarguardFindings: row.findingCount,
    pillarguardCriticalFindings: row.criticalCount,
    pillarguardHighFindings: row.highCount,
    pillarguardStale: stale,
  };
  if (row.overall !== null) values.pillarguardOverall = row.overall;
  for (const p of PILLARS) if (row.pillars[p] !== null && row.pillars[p] !== undefined) values[factName(p)] = row.pillars[p]!;
  return { entity: { kind: row.kind, namespace: row.namespace, name: row.name }, facts: values };
}
