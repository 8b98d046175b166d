/** The backend's API types (shared with the backend), and what the views add to them. */
import type { Pillar } from '@pillarguard/backstage-plugin-common';

export { LEVELS, PILLARS } from '@pillarguard/backstage-plugin-common';
export type {
  ConfigRuleCompliance,
  EntityScores,
  Finding,
  Freshness,
  HistoryPoint,
  Level,
  Overview,
  OverviewQuery,
  OverviewRow,
  Pillar,
  PillarScore,
  RefreshResult,
} from '@pillarguard/backstage-plugin-common';

export const PILLAR_TITLES: Record<Pillar, string> = {
  identity: 'Identity',
  classification: 'Classification',
  network: 'Network',
  encryption: 'Encryption',
  secrets: 'Secrets',
  monitoring: 'Monitoring & audit',
  'policy-as-code': 'Policy as code',
  recovery: 'Backup & recovery',
};
