import type { Resource } from '../model';
import { isUnknown } from '../model';
import { DATA_RESOURCE_TYPES, type Level } from '../classify/classify';
import { classificationEntries, entryLevel, glueDatabaseOf, mappingKeys, type ClassificationEntry } from '../classify/entries';

export { classificationEntries, entryLevel, glueDatabaseOf, type ClassificationEntry };

/** Kept for the rule files that import it: the engine's level already includes Glue parameters and LF-tags. */
export function dataLevel(resource: Resource, ctx: RuleContext): Level | undefined {
  return ctx.level(resource);
}
import type { AnyRule, CheckResult, Rule, RuleContext } from './types';
import { display, fail, pass, unknownResult } from './support';

/**
 * Pillar 2 (data classification): every data resource says what it holds, with a value the
 * configured mapping knows. Glue catalog resources cannot carry AWS tags in CloudFormation, so for
 * them the article's own mechanisms count too: table parameters and Lake Formation LF-tags
 * (`pii=high` assigned to a database or table).
 */

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
    const entries = classificationEntries(resource, ctx.config.classification);
    if (entries.length > 0) {
      const e = entries[0];
      return pass(`classified by ${describeEntry(e)}.`, e.path);
    }
    const db = glueDatabaseOf(resource, ctx.index);
    const inherited = db ? classificationEntries(db, ctx.config.classification) : [];
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
    const entries = classificationEntries(resource, ctx.config.classification);
    if (entries.length === 0) return undefined; // classification.tagged reports the missing tag
    const results: CheckResult[] = [];
    for (const e of entries) {
      const level = entryLevel(e, ctx.config.classification);
      if (level === 'invalid') {
        const mapKey = mappingKeys(ctx.config.classification).get(e.key.toLowerCase()) ?? e.key;
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
