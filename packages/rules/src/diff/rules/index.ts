import type { ChangeRule } from '../types';
import { changeRules as regressions } from './regressions';

/**
 * Every change rule (RULES.md, last table): the KMS and data-service regressions here, the IAM
 * and key-policy comparisons in iam.ts.
 */
export const ALL_CHANGE_RULES: readonly ChangeRule[] = [...regressions];
