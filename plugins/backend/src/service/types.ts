import type { Overview } from '@pillarguard/backstage-plugin-common';
import type { Pillar, ScoreLevel, Scores } from '@pillarguard/rules';
import type { StoredFinding } from './findings';
import type { ConfigRuleCompliance } from './providers/types';

/** What is stored and served for one catalog entity. */
export interface EntityRecord {
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** Owner entity ref (`group:default/team-orders`), as the catalog's ownedBy relation names it. */
  owner?: string;
  /** `spec.type`: `dynamodb-table`, `service`, … */
  type?: string;
  /** System entity ref the entity belongs to. */
  system?: string;
  level: ScoreLevel;
  /** Score over all pillars (weights summed, not an average of pillar scores); null when no rule applied. */
  overall: number | null;
  pillars: Record<Pillar, number | null>;
  findingCount: number;
  criticalCount: number;
  highCount: number;
  resourceCount: number;
  detail: EntityDetail;
  /** ISO time of the evaluation that produced these scores. */
  evaluatedAt: string;
  /** Hash of the open finding ids (a change is a history row). */
  findingsHash: string;
  /** Hash of everything else stored (an unchanged entity is not written again). */
  contentHash: string;
}

/** What a refresh compares a new evaluation with. */
export type StoredSummary = Pick<EntityRecord, 'ref' | 'level' | 'pillars' | 'findingsHash' | 'contentHash' | 'evaluatedAt'>;

export interface EntityDetail {
  scores: Scores;
  /** Open and suppressed findings of the entity's resources (suppressed ones carry `suppressed`). */
  findings: StoredFinding[];
  /** AWS Config rule results per resource ARN, beside our own verdicts. */
  compliance: Record<string, ConfigRuleCompliance[]>;
  resources: string[];
  rolledUp: string[];
  problems: string[];
}

/** One point of an entity's history: the served shape, shared with the frontend. */
export type { HistoryPoint } from '@pillarguard/backstage-plugin-common';

export const SORT_KEYS = ['name', 'overall', 'level', 'findings', 'evaluatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number] | Pillar;

export interface OverviewQuery {
  owner?: string;
  kind?: string;
  type?: string;
  system?: string;
  level?: ScoreLevel[];
  /** The pillar `below` / `above` apply to; the overall score when absent. */
  pillar?: Pillar;
  below?: number;
  above?: number;
  /** Case-insensitive match on name or title. */
  search?: string;
  sort: SortKey;
  order: 'asc' | 'desc';
  /** Only these entities (what a conditional permission decision allows). */
  refs?: string[];
  page: number;
  pageSize: number;
}

export type OverviewRow = Omit<EntityRecord, 'detail' | 'findingsHash' | 'contentHash'>;

export interface OverviewPage {
  items: OverviewRow[];
  page: number;
  pageSize: number;
  total: number;
  /** Over every entity the filters match, not only this page: what a Group's overview rolls up. */
  summary: Overview['summary'];
}

/** What the last refresh did: kept with the scores and served by /health. */
export interface RefreshReport {
  provider: string;
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  items: number;
  /** Items new or with a new capture time since the last good refresh. */
  changedItems: number;
  /** Whether the rules ran (false when no item changed: the last evaluation still holds). */
  evaluated: boolean;
  entities: number;
  /** Entities whose scores, level or findings changed (one history row each). */
  changedEntities: number;
  calls: Record<string, number>;
  problems: string[];
  durationMs: number;
}
