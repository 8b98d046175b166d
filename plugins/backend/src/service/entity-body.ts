import type { EntityDetail, EntityRecord } from './types';

/**
 * The entity route's body, without the freshness fields added per request. Stored as it is
 * served, so a read is one row and a string: no parsing, no rebuilding (OpenAPI: EntityScores).
 */
export function entityBody(record: EntityRecord) {
  return {
    entityRef: record.ref,
    title: record.title ?? null,
    owner: record.owner ?? null,
    type: record.type ?? null,
    system: record.system ?? null,
    level: record.level,
    overall: record.overall,
    pillars: record.detail.scores.pillars,
    findings: record.detail.findings,
    compliance: record.detail.compliance,
    resources: record.detail.resources,
    rolledUp: record.detail.rolledUp,
    problems: record.detail.problems,
    evaluatedAt: record.evaluatedAt,
  };
}

export type EntityBody = ReturnType<typeof entityBody>;

/** The detail back from a stored body. */
export function detailOf(body: EntityBody): EntityDetail {
  return {
    scores: { pillars: body.pillars, level: body.level },
    findings: body.findings,
    compliance: body.compliance,
    resources: body.resources,
    rolledUp: body.rolledUp,
    problems: body.problems,
  };
}
