export * from './types';
export { matchKey, matchResources, type Move } from './match';
export { diffScans, type DiffOptions, type DiffResult } from './engine';
export { decideApproval } from './approval';
export { globMatchesPath } from './glob';
export { ALL_CHANGE_RULES } from './rules';
