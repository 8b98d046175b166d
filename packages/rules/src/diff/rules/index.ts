import type { ChangeRule } from '../types';

/**
 * Every change rule (RULES.md, last table). The IAM/KMS-policy rules (iam.ts) and the KMS and
 * data-service regressions (regressions.ts) register here as they land.
 */
export const ALL_CHANGE_RULES: readonly ChangeRule[] = [];
