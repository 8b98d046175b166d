export { scoreEvaluations, type ScoreOptions } from './score';
export { scoreLevel, type CountedFailures } from './level';
export { percentScore } from './round';
export { SEVERITY_WEIGHTS } from './weights';
