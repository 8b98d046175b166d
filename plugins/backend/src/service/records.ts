import { PILLARS, percentScore, type Pillar } from '@pillarguard/rules';
import { completeRef, type EntityLike, type EntityScore } from './entity-scores';
import { served } from './findings';
import { findingsHash, sha256 } from './history';
import type { ConfigRuleCompliance } from './providers/types';
import type { EntityRecord } from './types';

/**
 * The stored record of an entity's scores: catalog fields the overview filters on (owner, system,
 * type — as the catalog's relations name them), the scores as columns, and the detail the entity
 * page shows.
 */
export function recordOf(entity: EntityLike, score: EntityScore, compliance: ReadonlyMap<string, ConfigRuleCompliance[]>, evaluatedAt: string): EntityRecord {
  const record = build(entity, score, compliance, evaluatedAt);
  // Everything but the evaluation time: a later evaluation with the same result is not a change.
  const { evaluatedAt: _at, findingsHash: _f, contentHash: _c, ...content } = record;
  record.contentHash = sha256(JSON.stringify(content));
  return record;
}

function build(entity: EntityLike, score: EntityScore, compliance: ReadonlyMap<string, ConfigRuleCompliance[]>, evaluatedAt: string): EntityRecord {
  const pillars = Object.fromEntries(PILLARS.map((p) => [p, score.scores.pillars[p]?.score ?? null])) as Record<Pillar, number | null>;
  let passed = 0;
  let applicable = 0;
  for (const p of PILLARS) {
    passed += score.scores.pillars[p]?.weightPassed ?? 0;
    applicable += score.scores.pillars[p]?.weightApplicable ?? 0;
  }
  const open = score.findings.filter((f) => !f.suppressed);
  const owner = relation(entity, 'ownedBy') ?? refOf(entity.spec?.owner, 'group', entity.metadata.namespace);
  const system = relation(entity, 'partOf', 'system:') ?? refOf(entity.spec?.system, 'system', entity.metadata.namespace);
  const [kind, rest] = [score.ref.slice(0, score.ref.indexOf(':')), score.ref.slice(score.ref.indexOf(':') + 1)];
  return {
    ref: score.ref,
    kind,
    namespace: rest.slice(0, rest.indexOf('/')),
    name: rest.slice(rest.indexOf('/') + 1),
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    ...(owner ? { owner } : {}),
    ...(typeof entity.spec?.type === 'string' ? { type: entity.spec.type } : {}),
    ...(system ? { system } : {}),
    level: score.scores.level,
    overall: applicable > 0 ? percentScore(passed, applicable) : null,
    pillars,
    findingCount: open.length,
    criticalCount: open.filter((f) => f.severity === 'critical').length,
    highCount: open.filter((f) => f.severity === 'high').length,
    resourceCount: score.resources.length,
    detail: {
      scores: score.scores,
      findings: score.findings.map(served),
      compliance: Object.fromEntries(score.resources.filter((r) => compliance.has(r)).map((r) => [r, compliance.get(r)!])),
      resources: score.resources,
      rolledUp: score.rolledUp,
      problems: score.problems,
    },
    evaluatedAt,
    findingsHash: findingsHash(open.map((f) => f.id)),
    contentHash: '',
  };
}

function relation(entity: EntityLike, type: string, prefix?: string): string | undefined {
  return entity.relations?.find((r) => r.type === type && (!prefix || r.targetRef.toLowerCase().startsWith(prefix)))?.targetRef.toLowerCase();
}

function refOf(v: unknown, defaultKind: string, namespace?: string): string | undefined {
  return typeof v === 'string' && v ? completeRef(v, defaultKind, namespace) : undefined;
}
