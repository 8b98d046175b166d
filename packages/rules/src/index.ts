/**
 * @pillarguard/rules — the pure engine: parse → model → rules → score → report. No I/O: strings
 * and objects in, plain data out (it also runs in the browser).
 */
export * from './model';
export * from './rules/types';
export { ALL_RULES } from './rules';
export { SUPPRESSION_EXPIRED } from './rules/config';
export { ResourceIndex } from './engine/resource-index';
export { linkResources } from './engine/link';
export { scan, evaluateResources, type ScanOptions, type EvaluateOptions } from './engine/scan';
export * from './engine/types';
export * from './classify/classify';
export * from './config/types';
export { loadConfig, type LoadedConfig } from './config/load';
export { parseSources, type ParsedInput, type ParsedSources, type SourceOptions } from './sources';
// The Backstage backend holds AWS Config items from the API (or a snapshot) and maps them itself.
export { mapConfigurationItems, configurationItemsIn } from './sources/aws-config';
export { AWS_CONFIG_RESOURCE_TYPES } from './sources/aws-config/registry';
export { normalizePolicy } from './iam/normalize';
export * from './score';
export * from './report';
export * as iam from './iam';
export * from './diff';
