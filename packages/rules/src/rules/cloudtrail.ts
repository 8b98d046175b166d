import type { Resource, V } from '../model';
import { isUnknown } from '../model';
import { DATA_RESOURCE_TYPES } from '../classify/classify';
import type { AnyRule, CheckResult, Rule, RuleContext, ScopeRule } from './types';
import { display, fail, pass, unknownResult } from './support';
import { dataLevel } from './classification';

/**
 * CloudTrail: pillar 6, "you should always know who touched what, when, and why". Trails are
 * account-wide, so both rules look across the whole input: a trail defined in another file of the
 * same scan covers a table defined here.
 */

const TRAIL = 'AWS::CloudTrail::Trail';
const TRAIL_REFS = ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html'];

// ---------------------------------------------------------------- cloudtrail.enabled

/** The problems of one trail, each with its facet path; unknowns separately. */
function trailProblems(trail: Resource): { wrong: Array<[string, string]>; unclear: Array<[string, string]> } {
  const t = trail.facets.trail ?? {};
  const wrong: Array<[string, string]> = [];
  const unclear: Array<[string, string]> = [];
  // Defaults follow the CloudFormation/API defaults: single-region, no validation, no KMS key.
  const flag = (v: V<boolean> | undefined, dflt: boolean, path: string, bad: string) => {
    const x = v ?? dflt;
    if (isUnknown(x)) unclear.push([`${bad.replace(/^not /, '')} is unknown (${x.reason})`, path]);
    else if (!x) wrong.push([bad, path]);
  };
  flag(t.isLogging, true, 'trail.isLogging', 'not logging');
  flag(t.multiRegion, false, 'trail.multiRegion', 'not multi-region');
  flag(t.logFileValidation, false, 'trail.logFileValidation', 'no log-file validation');
  const key = t.kmsKey ?? null;
  if (isUnknown(key)) unclear.push([`KMS key is unknown (${key.reason})`, 'trail.kmsKey']);
  else if (key === null) wrong.push(['logs not encrypted with a KMS key', 'trail.kmsKey']);
  return { wrong, unclear };
}

function checkTrail(trail: Resource): CheckResult {
  const { wrong, unclear } = trailProblems(trail);
  if (wrong.length > 0) return fail(`trail ${display(trail)}: ${wrong.map((w) => w[0]).join('; ')}.`, wrong[0][1]);
  if (unclear.length > 0) return unknownResult(`trail ${display(trail)}: ${unclear.map((u) => u[0]).join('; ')}.`, unclear[0][1]);
  return pass(`trail ${display(trail)} is multi-region, validates log files and encrypts them with KMS.`, 'trail.multiRegion');
}

/**
 * One verdict per trail. With no trail at all the input cannot show that API activity on its data is
 * recorded — the trail usually lives in a separate account-baseline stack — so the rule reports one
 * `unknown` for the input rather than a failure, and says nothing when the input holds no data.
 */
const enabled: ScopeRule = {
  id: 'cloudtrail.enabled',
  scope: 'input',
  pillar: 'monitoring',
  severity: 'medium',
  title: 'CloudTrail trails are multi-region, validated and KMS-encrypted',
  rationale:
    'CloudTrail is the record of who touched what (pillar 6). A single-region trail misses activity elsewhere, logs without validation can be altered unnoticed, and logs without a KMS key are readable by anyone who can read the bucket.',
  remediation: {
    cloudformation: 'OrgTrail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    IsLogging: true\n    IsMultiRegionTrail: true\n    EnableLogFileValidation: true\n    KMSKeyId: !GetAtt TrailKey.Arn\n    S3BucketName: !Ref TrailBucket',
    terraform: 'resource "aws_cloudtrail" "main" {\n  name                       = "main"\n  s3_bucket_name             = aws_s3_bucket.trail.id\n  is_multi_region_trail      = true\n  enable_log_file_validation = true\n  kms_key_id                 = aws_kms_key.trail.arn\n}',
  },
  appliesTo: [TRAIL],
  references: [
    ...TRAIL_REFS,
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
  ],
  checkInput(resources) {
    const trails = resources.filter((r) => r.type === TRAIL);
    if (trails.length > 0) return trails.map((trail) => ({ ...checkTrail(trail), resource: trail }));
    const data = resources.filter((r) => DATA_RESOURCE_TYPES.includes(r.type));
    if (data.length === 0) return [];
    return [{ verdict: 'unknown', message: `no CloudTrail trail in the scanned input (${data.length} data resource(s)); cannot verify that their activity is recorded.` }];
  },
};

// ---------------------------------------------------------------- cloudtrail.data-events

/** Data-event resource type that covers each data resource type. */
const EVENT_TYPE: Record<string, string> = {
  'AWS::S3::Bucket': 'AWS::S3::Object',
  'AWS::DynamoDB::Table': 'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable': 'AWS::DynamoDB::Table',
};

type Coverage = { covers: true } | { covers: false; note?: string } | { covers: 'unknown'; reason: string };

/** Does one selector value (ARN, ARN prefix, or reference) cover all of `target`'s data events? */
function valueCovers(value: string, target: Resource, ctx: RuleContext): Coverage {
  // References to the resource itself (`${Bucket.Arn}/`, `${aws_dynamodb_table.t.arn}`).
  const self = [...value.matchAll(/\$\{([^}]+)\}/g)].find((m) => ctx.index.resolve(`\${${m[1]}}`) === target);
  if (self) {
    const rest = value.slice((self.index ?? 0) + self[0].length);
    if (rest === '' || rest === '/' || rest === '/*') return { covers: true };
    return { covers: false, note: `only ${value}` };
  }
  // Other references (`${AWS::Region}`, another table) fall through to ARN matching.
  if (!value.startsWith('arn:')) return { covers: ctx.index.resolve(value) === target };
  const v = value.replace(/\*$/, '');
  const partition = /^arn:([^:]+):/.exec(v)?.[1] ?? 'aws';
  if (target.type === 'AWS::S3::Bucket') {
    const arn = target.arn ?? (typeof target.name === 'string' ? `arn:${partition}:s3:::${target.name}` : undefined);
    if (!arn) return { covers: 'unknown', reason: `${display(target)} has no known name or ARN to match ${value}` };
    // S3 selectors are prefixes of object ARNs: covering the whole bucket means being a prefix of "<bucket ARN>/".
    if (`${arn}/`.startsWith(v)) return { covers: true };
    if (v.startsWith(`${arn}/`)) return { covers: false, note: `only objects under ${value}` };
    return { covers: false };
  }
  const arn = target.arn;
  if (arn) return { covers: arn === v || (value.endsWith('*') || !v.includes(':table/') ? arn.startsWith(v) : false) };
  const name = target.facets.dynamodb?.tableName ?? target.name;
  if (!v.includes(':table/')) {
    // `arn:aws:dynamodb` or a region/account prefix: all tables (of that account/region, which the IaC does not state).
    return /^arn:[^:]+:dynamodb(:|$)/.test(v) ? { covers: true } : { covers: false };
  }
  if (name === undefined || isUnknown(name)) return { covers: 'unknown', reason: `the table name of ${display(target)} is unknown` };
  const tableName = v.slice(v.indexOf(':table/') + ':table/'.length);
  return { covers: value.endsWith('*') ? name.startsWith(tableName) : name === tableName };
}

const dataEvents: Rule = {
  id: 'cloudtrail.data-events',
  pillar: 'monitoring',
  severity: 'low',
  title: 'Red DynamoDB tables and S3 buckets are covered by CloudTrail data events',
  rationale:
    'Management events do not record who read or wrote which item or object; data events do. The article asks for them on sensitive tables ("Enable CloudTrail data events for sensitive tables", Example #3) — worth their cost for red data (pillar 6).',
  remediation: {
    cloudformation: 'Trail:\n  Type: AWS::CloudTrail::Trail\n  Properties:\n    EventSelectors:\n      - ReadWriteType: All\n        IncludeManagementEvents: true\n        DataResources:\n          - Type: AWS::DynamoDB::Table\n            Values: [!GetAtt OrdersTable.Arn]\n          - Type: AWS::S3::Object\n            Values: [!Sub "${RawBucket.Arn}/"]',
    terraform: 'resource "aws_cloudtrail" "main" {\n  # ...\n  event_selector {\n    read_write_type           = "All"\n    include_management_events = true\n    data_resource {\n      type   = "AWS::DynamoDB::Table"\n      values = [aws_dynamodb_table.orders.arn]\n    }\n    data_resource {\n      type   = "AWS::S3::Object"\n      values = ["${aws_s3_bucket.raw.arn}/"]\n    }\n  }\n}',
  },
  appliesTo: Object.keys(EVENT_TYPE),
  references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html', 'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DataResource.html'],
  check(target, ctx) {
    if (dataLevel(target, ctx) !== 'red') return undefined;
    const trails = ctx.index.ofType(TRAIL);
    if (trails.length === 0) return unknownResult(`no CloudTrail trail in the scanned input: cannot tell whether data events of red ${display(target)} are recorded.`);
    const wanted = EVENT_TYPE[target.type];
    const unclear: string[] = [];
    const notes: string[] = [];
    for (const trail of trails) {
      const t = trail.facets.trail ?? {};
      if (t.isLogging === false) continue; // a stopped trail records nothing
      for (const sel of t.dataEvents ?? []) {
        if (isUnknown(sel.type)) {
          unclear.push(`a selector type of trail ${display(trail)} is unknown (${sel.type.reason})`);
          continue;
        }
        if (sel.type !== wanted) continue;
        // A selector of the right type with no ARN condition logs every resource of that type.
        if (sel.values.length === 0) return pass(`trail ${display(trail)} logs data events of every ${wanted}.`, undefined, [trail.id]);
        for (const value of sel.values) {
          if (isUnknown(value)) {
            unclear.push(`a selector value of trail ${display(trail)} is unknown (${value.reason})`);
            continue;
          }
          const c = valueCovers(value, target, ctx);
          if (c.covers === true) return pass(`trail ${display(trail)} logs data events of ${display(target)} (${value}).`, undefined, [trail.id]);
          if (c.covers === 'unknown') unclear.push(c.reason);
          else if (c.note) notes.push(`trail ${display(trail)} covers ${c.note}`);
        }
      }
    }
    const related = trails.map((t) => t.id);
    if (unclear.length > 0) return unknownResult(`cannot tell whether red ${display(target)} is covered by data events: ${unclear.join('; ')}.`, undefined, related);
    return fail(`no trail logs data events of red ${display(target)}${notes.length ? ` (${notes.join('; ')})` : ''}; checked ${related.join(', ')}.`, undefined, related);
  },
};

export const rules: AnyRule[] = [enabled, dataEvents];
