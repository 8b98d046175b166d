import type { ParityCase } from '../harness';

/** Every parity case, collected from one file per rule group. */
export const CASES: ParityCase[] = [];
