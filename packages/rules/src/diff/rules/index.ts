import type { ChangeRule } from '../types';
import { changeRules as regressions } from './regressions';
import { changeRules as iam, newAccessSummary } from './iam';

/**
 * DESIGN.md's default approval policy for `iam.new-access`: new access that only lists or reads
 * (configurable: `approval.exemptAccessLevels`) named resources that are not red passes without a
 * reviewer; new Read on red data (the exfiltration path), anything on `*` or a wildcard, and any
 * other level need approval. A group the comparison could not complete is never exempt.
 */
const iamWithPolicy: ChangeRule[] = iam.map((rule) =>
  rule.id === 'iam.new-access'
    ? {
        ...rule,
        approvalExempt: (pair, ctx, config) => {
          const groups = newAccessSummary(pair, ctx);
          const levels: readonly string[] = config.approval.exemptAccessLevels;
          const always: readonly string[] = config.approval.services;
          return groups.length > 0 && groups.every((g) => levels.includes(g.accessLevel) && !g.onRed && !g.wildcard && !always.includes(g.service));
        },
      }
    : rule,
);

/** Every change rule (RULES.md, last table). */
export const ALL_CHANGE_RULES: readonly ChangeRule[] = [...iamWithPolicy, ...regressions];
