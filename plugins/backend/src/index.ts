/**
 * Pillarguard backend plugin for Backstage: pillar scores of AWS data services per catalog entity.
 *
 * @packageDocumentation
 */
export { pillarguardPlugin as default, REFRESH_TASK_ID } from './plugin';
export { pillarguardFindingsReadPermission, pillarguardRefreshPermission, pillarguardPermissions } from './permissions';
export { ANNOTATION_ARN, ANNOTATION_RESOURCE_TYPE, ANNOTATION_TAGS } from './annotations';
export type { ConfigItemsProvider, ConfigRuleCompliance, LoadedItems, LoadRequest } from './service/providers/types';
export type { EntityRecord, HistoryPoint, OverviewPage, OverviewQuery, RefreshReport } from './service/types';
