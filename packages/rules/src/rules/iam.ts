import type { AnyRule } from './types';

export const rules: AnyRule[] = [];
