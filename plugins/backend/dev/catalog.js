'use strict';
// The example catalog for running the plugin alone (dev/start.js) and for the tests: entities from
// YAML with the relations Backstage's catalog would add (ownedBy/ownerOf, dependsOn/dependencyOf,
// partOf/hasPart). The in-memory catalog serves entities as given; the plugin reads relations.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parseAllDocuments } = require('yaml');

const EXAMPLES = join(__dirname, '../../../examples');
const SNAPSHOT = join(EXAMPLES, 'aws-config/snapshot.json');
const CATALOG = join(EXAMPLES, 'backstage/catalog-info.yaml');

function exampleEntities(file = CATALOG) {
  const text = readFileSync(file, 'utf8');
  const entities = file.endsWith('.json') ? JSON.parse(text) : parseAllDocuments(text).map((d) => d.toJS());
  return withRelations(entities);
}

function withRelations(entities) {
  const ref = (e) => `${e.kind}:${e.metadata.namespace ?? 'default'}/${e.metadata.name}`.toLowerCase();
  const full = (v, kind) => {
    const withKind = v.includes(':') ? v : `${kind}:${v}`;
    const i = withKind.indexOf(':');
    const rest = withKind.slice(i + 1);
    return `${withKind.slice(0, i)}:${rest.includes('/') ? rest : `default/${rest}`}`.toLowerCase();
  };
  const out = entities.map((e) => ({ ...e, relations: [] }));
  const byRef = new Map(out.map((e) => [ref(e), e]));
  const relate = (from, type, to, reverse) => {
    byRef.get(from)?.relations.push({ type, targetRef: to });
    byRef.get(to)?.relations.push({ type: reverse, targetRef: from });
  };
  for (const e of out) {
    const spec = e.spec ?? {};
    if (spec.owner) relate(ref(e), 'ownedBy', full(spec.owner, 'group'), 'ownerOf');
    if (spec.system) relate(ref(e), 'partOf', full(spec.system, 'system'), 'hasPart');
    for (const d of spec.dependsOn ?? []) relate(ref(e), 'dependsOn', full(d, 'component'), 'dependencyOf');
  }
  return out;
}

module.exports = { EXAMPLES, SNAPSHOT, CATALOG, exampleEntities, withRelations };
