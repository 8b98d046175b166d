/**
 * 100 × passed / applicable as an integer, rounded half up with integer arithmetic only, so the
 * result never depends on floating-point quirks (the browser and Node must agree to the unit).
 *
 * Two guards keep the number honest: a pillar with any failing weight never shows 100 (99.6 would
 * otherwise round to a perfect score), and a pillar with any passing weight never shows 0.
 * Weights are small integers, so the products stay far below 2^53.
 */
export function percentScore(weightPassed: number, weightApplicable: number): number {
  if (weightApplicable <= 0) throw new RangeError('percentScore needs a positive applicable weight');
  const rounded = Math.floor((200 * weightPassed + weightApplicable) / (2 * weightApplicable));
  if (weightPassed < weightApplicable && rounded === 100) return 99;
  if (weightPassed > 0 && rounded === 0) return 1;
  return rounded;
}
