import { scoreEvaluations, type EngineConfig, type Finding, type ScanResult, type Scores } from '@pillarguard/rules';
import { selectorOf, selects } from '../annotations';

/** The parts of a catalog entity the scoring needs. */
export interface EntityLike {
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
}

export interface EntityScore {
  /** `kind:namespace/name`, lower-cased as Backstage compares entity references. */
  ref: string;
  /** ARNs (or ids) of the configuration items that belong to the entity. */
  resources: string[];
  scores: Scores;
  findings: Finding[];
  /** Annotation problems, each naming the annotation. */
  problems: string[];
}

export function entityRef(e: EntityLike): string {
  return `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();
}

/**
 * Scores per entity from one evaluation of all configuration items (the scan of the snapshot or
 * of what AWS Config returned): an entity's pillar scores are computed from the evaluations of the
 * resources it claims (by ARN or tag selector), so a Component that claims several resources gets
 * the scores of all of them together — not an average of averages. Entities without Pillarguard
 * annotations are skipped.
 */
export function scoreEntities(entities: readonly EntityLike[], scan: ScanResult, options: { unknownAsFail?: EngineConfig['unknownAsFail'] } = {}): EntityScore[] {
  const out: EntityScore[] = [];
  for (const entity of entities) {
    const selector = selectorOf(entity.metadata.annotations);
    if (!selector) continue;
    const mine = scan.resources.filter((r) => selects(selector, { ...(r.arn ? { arn: r.arn } : {}), type: r.type, tags: r.tags }));
    const ids = new Set(mine.map((r) => r.id));
    const evaluations = scan.evaluations.filter((e) => ids.has(e.resource.id));
    out.push({
      ref: entityRef(entity),
      resources: mine.map((r) => r.arn ?? r.id).sort(),
      scores: scoreEvaluations(evaluations, { unknownAsFail: options.unknownAsFail ?? false }),
      findings: scan.findings.filter((f) => ids.has(f.resource.id)),
      problems: selector.problems,
    });
  }
  return out;
}
