/**
 * Everything the action takes from the rules engine (and the CLI's file reader), loaded on first
 * use: the engine's modules and hcl2json's WebAssembly initialise only after the first API call,
 * which keeps the action's cold start short.
 */
export { ALL_CHANGE_RULES, ALL_RULES, DEFAULT_CONFIG, diffScans, loadConfig, scan, SEVERITIES, toJsonReport, toSarif } from '@pillarguard/rules';
export { collectFiles } from '@pillarguard/cli';
export { considered, filesToRead } from './selection';
export { commentBody, gatePasses, gateResult, gateTitle, REPORT_TITLE, verdictLines } from './render';
