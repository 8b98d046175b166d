import type { Resource, V } from '../model';
import { isUnknown } from '../model';
import { DATA_RESOURCE_TYPES, strictest, type Level } from '../classify/classify';
import type { AnyRule, CheckResult, Rule, RuleContext } from './types';
import { display, fail, pass, unknownResult } from './support';

/**
 * Pillar 2 (data classification): every data resource says what it holds, with a value the
 * configured mapping knows. Glue catalog resources cannot carry AWS tags in CloudFormation, so for
 * them the article's own mechanisms count too: table parameters and Lake Formation LF-tags
 * (`pii=high` assigned to a database or table).
 */

/** One classification fact found on a resource: which key, its value, and the facet path that holds it. */
export interface ClassificationEntry {
  source: 'tag' | 'parameter' | 'lf-tag';
  key: string;
  value: V<string>;
  path: string;
}

/** Keys of the classification mapping, lower-case → as configured. */
function mappingKeys(ctx: RuleContext): Map<string, string> {
  return new Map(Object.keys(ctx.config.classification).map((k) => [k.toLowerCase(), k]));
}

/** Every classification key/value a resource carries, from tags, Glue parameters and LF-tags. */
export function classificationEntries(resource: Resource, ctx: RuleContext): ClassificationEntry[] {
  const keys = mappingKeys(ctx);
  const out: ClassificationEntry[] = [];
  for (const [key, value] of Object.entries(resource.tags)) {
    if (keys.has(key.toLowerCase())) out.push({ source: 'tag', key, value, path: `tags.${key}` });
  }
  for (const [key, value] of Object.entries(resource.facets.glue?.tableParameters ?? {})) {
    if (keys.has(key.toLowerCase())) out.push({ source: 'parameter', key, value, path: `glue.tableParameters.${key}` });
  }
  (resource.facets.lakeformation?.assignedTags ?? []).forEach((tag, i) => {
    if (isUnknown(tag.key) || !keys.has(tag.key.toLowerCase())) return;
    for (const value of tag.values) out.push({ source: 'lf-tag', key: tag.key, value, path: `lakeformation.assignedTags[${i}]` });
  });
  return out;
}

/** Level of one entry under the mapping: a level, `invalid`, or unknown. */
export function entryLevel(entry: ClassificationEntry, ctx: RuleContext): Level | 'invalid' | 'unknown' {
  if (isUnknown(entry.value)) return 'unknown';
  const mapKey = mappingKeys(ctx).get(entry.key.toLowerCase());
  if (mapKey === undefined) return 'unknown';
  return ctx.config.classification[mapKey][entry.value.trim().toLowerCase()] ?? 'invalid';
}

/** The Glue database a catalog table belongs to, when the input defines it. */
export function glueDatabaseOf(table: Resource, ctx: RuleContext): Resource | undefined {
  if (table.type !== 'AWS::Glue::Table') return undefined;
  return ctx.index.resolve(table.facets.glue?.database, ['AWS::Glue::Database']);
}

/**
 * Classification level as the Glue / Lake Formation rules need it: the engine's level (tags, owning
 * cluster or database) made stricter by Glue parameters and LF-tags on the resource and, for a
 * table, on its database (Lake Formation tables inherit their database's LF-tags).
 */
export function dataLevel(resource: Resource, ctx: RuleContext): Level | undefined {
  let level = ctx.level(resource);
  const sources = [resource, glueDatabaseOf(resource, ctx)].filter((r): r is Resource => r !== undefined);
  for (const r of sources) {
    for (const e of classificationEntries(r, ctx)) {
      const l = entryLevel(e, ctx);
      if (l !== 'invalid' && l !== 'unknown') level = strictest(level, l);
    }
  }
  return level;
}

function describeEntry(e: ClassificationEntry): string {
  const what = e.source === 'tag' ? 'tag' : e.source === 'parameter' ? 'table parameter' : 'LF-tag';
  return `${what} ${e.key}=${isUnknown(e.value) ? `(unknown: ${e.value.reason})` : JSON.stringify(e.value)}`;
}

function expectedKeys(ctx: RuleContext): string {
  return Object.keys(ctx.config.classification).join(', ') || '(no classification keys configured)';
}

const tagged: Rule = {
  id: 'classification.tagged',
  pillar: 'classification',
  severity: 'medium',
  title: 'Data resources carry a classification tag',
  rationale:
    'Pillar 2 of the article: data must be classified before any other control can be sized to it — encryption, TLS and logging requirements all follow from the red/orange/green level. An unclassified data resource gets none of the stricter controls by default.',
  remediation: {
    cloudformation: 'OrdersTable:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    Tags:\n      - Key: data_classification\n        Value: red',
    terraform: 'resource "aws_dynamodb_table" "orders" {\n  # ...\n  tags = {\n    data_classification = "red"\n  }\n}',
  },
  appliesTo: DATA_RESOURCE_TYPES,
  references: [
    'https://docs.aws.amazon.com/whitepapers/latest/data-classification/data-classification.html',
    'https://docs.aws.amazon.com/whitepapers/latest/tagging-best-practices/tagging-best-practices.html',
    'https://docs.aws.amazon.com/lake-formation/latest/dg/tag-based-access-control.html',
  ],
  check(resource, ctx) {
    // An Aurora/RDS instance in a cluster holds the cluster's data: the cluster is the one judged.
    if (resource.type === 'AWS::RDS::DBInstance' && resource.facets.database?.cluster !== undefined) return undefined;
    const entries = classificationEntries(resource, ctx);
    if (entries.length > 0) {
      const e = entries[0];
      return pass(`classified by ${describeEntry(e)}.`, e.path);
    }
    const db = glueDatabaseOf(resource, ctx);
    const inherited = db ? classificationEntries(db, ctx) : [];
    if (db && inherited.length > 0) return pass(`not classified itself; inherits ${describeEntry(inherited[0])} from its database ${display(db)}.`, undefined, [db.id]);
    const unreadLfTag = (resource.facets.lakeformation?.assignedTags ?? []).find((t) => isUnknown(t.key));
    if (unreadLfTag && isUnknown(unreadLfTag.key)) return unknownResult(`cannot tell whether ${display(resource)} is classified: an LF-tag key is unknown (${unreadLfTag.key.reason}).`, 'lakeformation.assignedTags');
    if (resource.tagsUnknown) return unknownResult(`cannot tell whether ${display(resource)} is classified: its tags cannot be read (${resource.tagsUnknown}).`, 'tags');
    return fail(`${display(resource)} carries no classification tag (expected one of: ${expectedKeys(ctx)}).`, 'tags');
  },
};

const validValue: Rule = {
  id: 'classification.valid-value',
  pillar: 'classification',
  severity: 'low',
  title: 'Classification tags use a configured value',
  rationale:
    'A classification value the mapping does not know (`pii=yes`, `data_classification=secret`) maps to no level, so the resource silently gets no classification-driven controls (pillar 2).',
  remediation: {
    cloudformation: 'Tags:\n  - Key: data_classification\n    Value: orange   # one of red | orange | green',
    terraform: 'tags = {\n  data_classification = "orange" # one of red | orange | green\n}',
  },
  appliesTo: DATA_RESOURCE_TYPES,
  references: ['https://docs.aws.amazon.com/whitepapers/latest/data-classification/data-classification.html'],
  check(resource, ctx) {
    const entries = classificationEntries(resource, ctx);
    if (entries.length === 0) return undefined; // classification.tagged reports the missing tag
    const results: CheckResult[] = [];
    for (const e of entries) {
      const level = entryLevel(e, ctx);
      if (level === 'invalid') {
        const mapKey = mappingKeys(ctx).get(e.key.toLowerCase()) ?? e.key;
        const allowed = Object.keys(ctx.config.classification[mapKey] ?? {}).join(', ');
        results.push(fail(`${describeEntry(e)} is not a configured value (allowed: ${allowed}).`, e.path));
      } else if (level === 'unknown') {
        results.push(unknownResult(`cannot tell whether ${describeEntry(e)} is a configured value.`, e.path));
      }
    }
    const failed = results.filter((r) => r.verdict === 'fail');
    if (failed.length > 0) return fail(failed.map((r) => r.message).join(' '), failed[0].path);
    if (results.length > 0) return results[0];
    return pass(`classification values are valid: ${entries.map(describeEntry).join(', ')}.`, entries[0].path);
  },
};

export const rules: AnyRule[] = [tagged, validValue];
