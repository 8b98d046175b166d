import { createApiRef } from '@backstage/core-plugin-api';
import type { EntityScores, HistoryPoint, Overview, OverviewQuery, RefreshResult } from './types';

/** An entity as the routes name it. */
export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

/** The pillarguard backend, as the frontend uses it. */
export interface PillarguardApi {
  /** Scores of one entity; undefined when it has none (no AWS annotations, or not evaluated yet). */
  getEntityScores(entity: EntityName): Promise<EntityScores | undefined>;
  getHistory(entity: EntityName, options?: { days?: number }): Promise<HistoryPoint[]>;
  refresh(entity: EntityName): Promise<RefreshResult>;
  getOverview(query: OverviewQuery): Promise<Overview>;
}

export const pillarguardApiRef = createApiRef<PillarguardApi>({ id: 'plugin.pillarguard.service' });
