/**
 * The pillarguard backend's API as the frontend reads it, as its OpenAPI document
 * (plugins/backend/openapi.yaml) describes it. Shared so the two cannot drift: the backend checks
 * at compile time that what it serves is assignable to these (plugins/backend/src/service/wire.ts).
 */
export const PILLARS = ['identity', 'classification', 'network', 'encryption', 'secrets', 'monitoring', 'policy-as-code', 'recovery'] as const;
export type Pillar = (typeof PILLARS)[number];
export type Level = 'none' | 'bronze' | 'silver' | 'gold';
export const LEVELS: readonly Level[] = ['none', 'bronze', 'silver', 'gold'];

export interface PillarScore {
  pillar: Pillar;
  score: number | null;
  passed: number;
  failed: number;
  unknown: number;
}

export interface Finding {
  id: string;
  ruleId: string;
  pillar: Pillar;
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  title: string;
  verdict: 'fail' | 'unknown';
  message: string;
  path?: string;
  level?: string;
  resource: { id: string; type: string };
  remediation: { cloudformation: string; terraform: string };
  rationale?: string;
  related?: string[];
  relatedCount?: number;
  suppressed?: { reason: string; expires?: string };
}

export interface ConfigRuleCompliance {
  rule: string;
  compliance: string;
  annotation?: string;
  evaluatedAt?: string;
}

export interface Freshness {
  checkedAt: string | null;
  stale: boolean;
  ageSeconds: number | null;
}

export interface EntityScores extends Freshness {
  entityRef: string;
  title: string | null;
  owner: string | null;
  type: string | null;
  system: string | null;
  level: Level;
  overall: number | null;
  pillars: Record<Pillar, PillarScore>;
  findings: Finding[];
  compliance: Record<string, ConfigRuleCompliance[]>;
  resources: string[];
  rolledUp: string[];
  problems: string[];
  evaluatedAt: string;
}

export interface HistoryPoint {
  evaluatedAt: string;
  level: Level;
  overall: number | null;
  pillars: Record<Pillar, number | null>;
  findingCount: number;
}

export interface OverviewRow {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  owner?: string;
  type?: string;
  system?: string;
  level: Level;
  overall: number | null;
  pillars: Record<Pillar, number | null>;
  findingCount: number;
  criticalCount: number;
  highCount: number;
  resourceCount: number;
  evaluatedAt: string;
}

export interface OverviewQuery {
  owner?: string;
  kind?: string;
  type?: string;
  system?: string;
  level?: Level[];
  pillar?: Pillar;
  below?: number;
  above?: number;
  search?: string;
  sort?: 'name' | 'overall' | 'level' | 'findings' | 'evaluatedAt' | Pillar;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface Overview extends Freshness {
  items: OverviewRow[];
  page: number;
  pageSize: number;
  total: number;
  summary: {
    entities: number;
    levels: Record<Level, number>;
    pillars: Record<Pillar, number | null>;
    overall: number | null;
    findings: number;
  };
}

export interface RefreshResult {
  refresh: { ok: boolean; problems: string[]; finishedAt: string };
  entity: EntityScores;
}
