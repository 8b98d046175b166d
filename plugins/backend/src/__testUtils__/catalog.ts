import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { parseAllDocuments } from 'yaml';

export const EXAMPLES = join(__dirname, '../../../../examples');
export const SNAPSHOT = join(EXAMPLES, 'aws-config/snapshot.json');

/**
 * The example catalog (examples/backstage/catalog-info.yaml) with the relations the catalog's
 * built-in processor adds (ownedBy, dependsOn/dependencyOf, partOf/hasPart): the in-memory catalog
 * of the tests serves entities as given, and the plugin reads relations, as it does from the real one.
 */
export function exampleEntities(): Entity[] {
  const docs = parseAllDocuments(readFileSync(join(EXAMPLES, 'backstage/catalog-info.yaml'), 'utf8')).map((d) => d.toJS() as Entity);
  return withRelations(docs);
}

export function withRelations(entities: Entity[]): Entity[] {
  const ref = (e: Entity) => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();
  const full = (v: string, kind: string) => {
    const withKind = v.includes(':') ? v : `${kind}:${v}`;
    const [k, rest] = [withKind.slice(0, withKind.indexOf(':')), withKind.slice(withKind.indexOf(':') + 1)];
    return `${k}:${rest.includes('/') ? rest : `default/${rest}`}`.toLowerCase();
  };
  const out = entities.map((e) => ({ ...e, relations: [] as Array<{ type: string; targetRef: string }> }));
  const byRef = new Map(out.map((e) => [ref(e), e]));
  const relate = (from: string, type: string, to: string, reverse: string) => {
    byRef.get(from)?.relations.push({ type, targetRef: to });
    byRef.get(to)?.relations.push({ type: reverse, targetRef: from });
  };
  for (const e of out) {
    const spec = (e.spec ?? {}) as { owner?: string; system?: string; dependsOn?: string[] };
    if (spec.owner) relate(ref(e), 'ownedBy', full(spec.owner, 'group'), 'ownerOf');
    if (spec.system) relate(ref(e), 'partOf', full(spec.system, 'system'), 'hasPart');
    for (const d of spec.dependsOn ?? []) relate(ref(e), 'dependsOn', full(d, 'component'), 'dependencyOf');
  }
  return out;
}
