import type { ParityCase } from '../harness';

export const cases: ParityCase[] = [];
