import { scoreEvaluations, type EngineConfig, type Evaluation, type Finding, type Resource, type Scores } from '@pillarguard/rules';
import { selectorOf, selects, type ResourceSelector } from '../annotations';

/** The parts of a catalog entity the scoring needs. */
export interface EntityLike {
  kind: string;
  metadata: { name: string; namespace?: string; title?: string; annotations?: Record<string, string> };
  spec?: { owner?: unknown; type?: unknown; system?: unknown };
  relations?: Array<{ type: string; targetRef: string }>;
}

export interface EntityScore {
  /** `kind:namespace/name`, lower-cased as Backstage compares entity references. */
  ref: string;
  /** ARNs (or ids) of the configuration items that belong to the entity, its own and rolled up. */
  resources: string[];
  /** Refs of the entities whose resources were rolled up into this one (a Component's Resources, a System's parts). */
  rolledUp: string[];
  scores: Scores;
  findings: Finding[];
  /** Annotation problems, each naming the annotation. */
  problems: string[];
}

/** The part of a resource the selection reads. */
export type SelectableItem = Pick<Resource, 'id' | 'arn' | 'type' | 'tags'>;

/**
 * What one evaluation of all configuration items produced, in the compact form a refresh keeps
 * between runs (to re-score entities when the catalog changes without evaluating again): per
 * resource, its evaluations as the scoring reads them (pillar, severity, verdict, suppressed —
 * a few hundred distinct values, shared) and its findings.
 */
export interface Evaluated {
  resources: readonly SelectableItem[];
  evaluationsOf: ReadonlyMap<string, readonly Evaluation[]>;
  findingsOf: ReadonlyMap<string, readonly Finding[]>;
}

export function evaluatedFrom(resources: readonly Resource[], evaluations: readonly Evaluation[], findings: readonly Finding[]): Evaluated {
  const shared = new Map<string, Evaluation>();
  const evaluationsOf = new Map<string, Evaluation[]>();
  for (const e of evaluations) {
    const key = `${e.pillar}\u0000${e.severity}\u0000${e.verdict}\u0000${e.suppressed ? 1 : 0}`;
    let one = shared.get(key);
    if (!one) {
      // Only what scoreEvaluations reads; the resource is the map's key.
      one = { pillar: e.pillar, severity: e.severity, verdict: e.verdict, ...(e.suppressed ? { suppressed: e.suppressed } : {}) } as Evaluation;
      shared.set(key, one);
    }
    push(evaluationsOf, e.resource.id, one);
  }
  return {
    resources: resources.map((r) => ({ id: r.id, ...(r.arn ? { arn: r.arn } : {}), type: r.type, tags: r.tags })),
    evaluationsOf,
    findingsOf: groupBy(findings, (f) => f.resource.id),
  };
}

/**
 * A shorthand reference completed as the catalog completes it, lower-cased:
 * `team-orders` → `group:default/team-orders` (with `defaultKind` group).
 */
export function completeRef(v: string, defaultKind: string, namespace = 'default'): string {
  const withKind = v.includes(':') ? v : `${defaultKind}:${v}`;
  const i = withKind.indexOf(':');
  const name = withKind.slice(i + 1);
  return `${withKind.slice(0, i)}:${name.includes('/') ? name : `${namespace}/${name}`}`.toLowerCase();
}

export function entityRef(e: EntityLike): string {
  return `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();
}

/**
 * Resources by ARN and by tag, built once per evaluation so that mapping 5,000 entities onto
 * 15,000 items is a lookup per entity, not a pass over every item.
 */
class SelectionIndex {
  private readonly byArn = new Map<string, SelectableItem[]>();
  private readonly byTag = new Map<string, SelectableItem[]>();

  constructor(resources: readonly SelectableItem[]) {
    for (const r of resources) {
      if (r.arn) push(this.byArn, r.arn, r);
      for (const [k, v] of Object.entries(r.tags)) if (typeof v === 'string') push(this.byTag, `${k}\u0000${v}`, r);
    }
  }

  select(selector: ResourceSelector): SelectableItem[] {
    const found = new Set<SelectableItem>();
    for (const arn of selector.arns) for (const r of this.byArn.get(arn) ?? []) found.add(r);
    if (selector.tags?.length) {
      // Candidates from the rarest tag, then every condition checked by `selects`.
      const lists = selector.tags.map((t) => this.byTag.get(`${t.key}\u0000${t.value}`) ?? []);
      const rarest = lists.reduce((a, b) => (b.length < a.length ? b : a));
      for (const r of rarest) found.add(r);
    }
    return [...found].filter((r) => selects(selector, { ...(r.arn ? { arn: r.arn } : {}), type: r.type, tags: r.tags }));
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Relations along which scores roll up: a Component (or API) `dependsOn` its Resources, a System
 * `hasPart` its Components and Resources. Only these two, and only towards entities that can hold
 * AWS resources, so a roll-up never wanders into Groups or Users.
 */
const ROLLUP_RELATIONS = new Set(['dependsOn', 'hasPart']);
const ROLLUP_TARGETS = /^(resource|component|system):/i;

/**
 * Scores per entity from one evaluation of all configuration items: an entity's pillar scores are
 * computed from the evaluations of the resources it claims (by ARN or tag selector) plus those of
 * the entities it rolls up, so a Component over several resources gets the scores of all of them
 * together — not an average of averages. Entities that neither claim resources nor roll up any
 * are skipped.
 */
export function scoreEntities(entities: readonly EntityLike[], evaluated: Evaluated, options: { unknownAsFail?: EngineConfig['unknownAsFail'] } = {}): EntityScore[] {
  const index = new SelectionIndex(evaluated.resources);
  const { evaluationsOf, findingsOf } = evaluated;
  const byRef = new Map(entities.map((e) => [entityRef(e), e]));
  const own = new Map<string, { selector: ResourceSelector; resources: SelectableItem[] }>();
  for (const [ref, e] of byRef) {
    const selector = selectorOf(e.metadata.annotations);
    if (selector) own.set(ref, { selector, resources: index.select(selector) });
  }

  // Resources of an entity with its roll-up; cycles in the catalog's relations are cut.
  const memo = new Map<string, { resources: Set<SelectableItem>; rolledUp: Set<string> }>();
  const collect = (ref: string, path: Set<string>): { resources: Set<SelectableItem>; rolledUp: Set<string> } => {
    const done = memo.get(ref);
    if (done) return done;
    const out = { resources: new Set(own.get(ref)?.resources ?? []), rolledUp: new Set<string>() };
    path.add(ref);
    for (const rel of byRef.get(ref)?.relations ?? []) {
      const target = rel.targetRef.toLowerCase();
      if (!ROLLUP_RELATIONS.has(rel.type) || !ROLLUP_TARGETS.test(target) || path.has(target) || !byRef.has(target)) continue;
      const sub = collect(target, path);
      if (sub.resources.size === 0) continue;
      out.rolledUp.add(target);
      for (const r of sub.resources) out.resources.add(r);
    }
    path.delete(ref);
    memo.set(ref, out);
    return out;
  };

  const out: EntityScore[] = [];
  for (const ref of byRef.keys()) {
    const { resources, rolledUp } = collect(ref, new Set());
    const mine = own.get(ref);
    if (!mine && rolledUp.size === 0) continue;
    const list = [...resources];
    out.push({
      ref,
      resources: list.map((r) => r.arn ?? r.id).sort(),
      rolledUp: [...rolledUp].sort(),
      scores: scoreEvaluations(
        list.flatMap((r) => evaluationsOf.get(r.id) ?? []),
        { unknownAsFail: options.unknownAsFail ?? false },
      ),
      findings: list.flatMap((r) => findingsOf.get(r.id) ?? []),
      problems: mine?.selector.problems ?? [],
    });
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) push(m, key(t), t);
  return m;
}
