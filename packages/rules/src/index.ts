export * from './model';
export * from './rules/types';
export { ALL_RULES } from './rules';
export { ResourceIndex } from './engine/resource-index';
export * from './classify/classify';
export * from './config/types';
