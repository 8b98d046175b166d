import type { LfGrantTarget, LfTagExpression, Resource, SourceFormat, V } from '../model';
import { isUnknown } from '../model';
import { glueTargetOf } from '../engine/link';
import type { AnyRule, CheckResult, Rule, RuleContext } from './types';
import { display, fail, pass, unknownResult } from './support';
import { dataLevel, glueDatabaseOf } from './classification';

/**
 * AWS Lake Formation: "the guardrail that makes sure only the right people and systems can see the
 * right parts of that data" (Example #1). These rules read grants, LF-tag assignments, data cells
 * filters and data lake settings. AWS Config records none of them, so every rule here is limited
 * to the IaC formats; LF-tag keys and values are stored lower-case by Lake Formation, so they are
 * compared case-insensitively.
 */

const PERMISSIONS_TYPES = ['AWS::LakeFormation::Permissions', 'AWS::LakeFormation::PrincipalPermissions'];
const SETTINGS_TYPE = 'AWS::LakeFormation::DataLakeSettings';
const IAC_FORMATS: readonly SourceFormat[] = ['cloudformation', 'cdk', 'terraform', 'terraform-plan'];
const IAM_ALLOWED_PRINCIPALS = 'IAM_ALLOWED_PRINCIPALS';

type Grant = NonNullable<NonNullable<Resource['facets']['lakeformation']>['grant']>;

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const known = <T>(vs: readonly V<T>[]): T[] => vs.filter((v): v is T => !isUnknown(v));
const firstUnknown = <T>(vs: readonly V<T>[]) => vs.find(isUnknown);

function upper(vs: readonly V<string>[]): Set<string> {
  return new Set(known(vs).map((v) => v.toUpperCase()));
}

function describeTarget(t: LfGrantTarget): string {
  const s = (v: V<string>) => (isUnknown(v) ? '(unknown)' : v);
  switch (t.kind) {
    case 'catalog':
      return 'the Data Catalog';
    case 'database':
      return `database ${s(t.name)}`;
    case 'table':
      return t.wildcard ? `all tables of database ${s(t.database)}` : `table ${s(t.database)}.${s(t.name)}`;
    case 'columns':
      return `${t.excluded ? 'all columns except' : 'columns'} ${t.columns.map(s).join(', ')} of ${s(t.database)}.${s(t.table)}`;
    case 'data-location':
      return `data location ${s(t.arn)}`;
    case 'data-cells-filter':
      return `data cells filter ${s(t.name)} on ${s(t.database)}.${s(t.table)}`;
    case 'lf-tag':
      return `LF-tag ${s(t.key)}`;
    case 'lf-tag-policy':
      return `${isUnknown(t.resourceType) ? 'resources' : t.resourceType.toLowerCase() + 's'} matching ${describeExpression(t.expression)}`;
    case 'unknown':
      return `an unknown resource (${t.reason})`;
  }
}

function describeExpression(expr: readonly LfTagExpression[]): string {
  const s = (v: V<string>) => (isUnknown(v) ? '(unknown)' : v);
  return expr.map((e) => `${s(e.key)} in {${e.values.map(s).join(', ')}}`).join(' and ') || '(empty expression)';
}

/** Two principal strings denote the same principal: equal, or resolving to the same resource. */
function samePrincipal(a: string, b: string, ctx: RuleContext): boolean {
  if (a === b) return true;
  const ra = ctx.index.resolve(a);
  return ra !== undefined && ra === ctx.index.resolve(b);
}

/** Data lake administrators declared by DataLakeSettings resources of the input. */
function isAdmin(principal: string, ctx: RuleContext): boolean {
  return ctx.index.ofType(SETTINGS_TYPE).some((s) => known(s.facets.lakeformation?.settings?.admins ?? []).some((a) => samePrincipal(principal, a, ctx)));
}

function isCompliance(principal: string, ctx: RuleContext): boolean {
  return ctx.config.lakeFormation.compliancePrincipals.some((p) => samePrincipal(principal, p, ctx));
}

function grantOf(r: Resource): Grant | undefined {
  return r.facets.lakeformation?.grant;
}

/** The LF-tags in effect on a Glue database or table: its own, plus its database's that it does not override. */
function effectiveLfTags(glue: Resource, ctx: RuleContext): LfTagExpression[] {
  const own = glue.facets.lakeformation?.assignedTags ?? [];
  const db = glueDatabaseOf(glue, ctx.index);
  const inherited = (db?.facets.lakeformation?.assignedTags ?? []).filter((t) => isUnknown(t.key) || !own.some((o) => !isUnknown(o.key) && eq(o.key, t.key as string)));
  return [...own, ...inherited];
}

/** Whether a resource with `tags` matches an LF-tag expression: true, false, or unknown. */
function matchesExpression(tags: readonly LfTagExpression[], expr: readonly LfTagExpression[]): boolean | 'unknown' {
  let result: boolean | 'unknown' = true;
  for (const term of expr) {
    if (isUnknown(term.key)) return 'unknown';
    const tag = tags.find((t) => !isUnknown(t.key) && eq(t.key, term.key as string));
    if (!tag) return false;
    const values = known(tag.values);
    const wanted = known(term.values);
    if (wanted.includes('*') || values.some((v) => wanted.some((w) => eq(v, w)))) continue;
    if (firstUnknown(tag.values) || firstUnknown(term.values)) result = 'unknown';
    else return false;
  }
  return result;
}

/** Which configured sensitive tag values a set of LF-tags carries. */
function sensitiveValuesIn(tags: readonly LfTagExpression[], ctx: RuleContext): string[] {
  const out: string[] = [];
  for (const s of ctx.config.lakeFormation.sensitiveTags) {
    for (const t of tags) {
      if (isUnknown(t.key) || !eq(t.key, s.key)) continue;
      for (const v of known(t.values)) if (s.values.some((sv) => eq(sv, v))) out.push(`${s.key}=${v}`);
    }
  }
  return out;
}

const PERMISSIONS_REF = 'https://docs.aws.amazon.com/lake-formation/latest/dg/lf-permissions-reference.html';

// ---------------------------------------------------------------- lakeformation.tag-based-grants

const tagBasedGrants: Rule = {
  id: 'lakeformation.tag-based-grants',
  pillar: 'identity',
  severity: 'low',
  title: 'Lake Formation grants use LF-tag expressions instead of named resources',
  rationale:
    'Grants on named databases, tables and columns multiply with every new table and drift from the classification; LF-tag expressions (`pii in {none, low}`) apply the classification to every resource that carries it, new ones included (pillars 1 and 2, "tag-based access control").',
  remediation: {
    cloudformation:
      'AnalystsNonPii:\n  Type: AWS::LakeFormation::PrincipalPermissions\n  Properties:\n    Principal:\n      DataLakePrincipalIdentifier: !GetAtt AnalystRole.Arn\n    Resource:\n      LFTagPolicy:\n        CatalogId: !Ref AWS::AccountId\n        ResourceType: TABLE\n        Expression:\n          - TagKey: pii\n            TagValues: [none, low]\n    Permissions: [SELECT, DESCRIBE]\n    PermissionsWithGrantOption: []',
    terraform:
      'resource "aws_lakeformation_permissions" "analysts_non_pii" {\n  principal   = aws_iam_role.analyst.arn\n  permissions = ["SELECT", "DESCRIBE"]\n  lf_tag_policy {\n    resource_type = "TABLE"\n    expression {\n      key    = "pii"\n      values = ["none", "low"]\n    }\n  }\n}',
  },
  appliesTo: PERMISSIONS_TYPES,
  formats: IAC_FORMATS,
  references: ['https://docs.aws.amazon.com/lake-formation/latest/dg/tag-based-access-control.html', 'https://docs.aws.amazon.com/lake-formation/latest/dg/granting-catalog-perms-TBAC.html'],
  check(resource) {
    const grant = grantOf(resource);
    if (!grant) return undefined;
    const t = grant.target;
    const path = 'lakeformation.grant.target';
    switch (t.kind) {
      case 'lf-tag-policy':
        return pass(`grants on ${describeTarget(t)}.`, path);
      case 'database':
      case 'table':
      case 'columns':
        return fail(`grants on named ${describeTarget(t)} instead of an LF-tag expression.`, path);
      case 'unknown':
        return unknownResult(`cannot tell what the grant targets (${t.reason}).`, path);
      default:
        // Catalog, data-location, LF-tag and data-cells-filter grants have no LF-tag equivalent.
        return undefined;
    }
  },
};

// ---------------------------------------------------------------- lakeformation.sensitive-tag-grant

/** Permissions that expose nothing of the data itself. */
const METADATA_ONLY = new Set(['DESCRIBE', 'CREATE_TABLE']);

const sensitiveTagGrant: Rule = {
  id: 'lakeformation.sensitive-tag-grant',
  pillar: 'identity',
  severity: 'high',
  title: 'Sensitive LF-tag values are granted only to compliance principals',
  rationale:
    'A grant whose LF-tag expression can match `pii=high` (or includes all values of `pii`) hands the most sensitive data to whoever holds it. The article\'s model: analysts get `pii!=high`, ops `pii in {none, low}`, and only the compliance role sees everything (Example #1, step 2).',
  remediation: {
    cloudformation:
      '# grant only the non-sensitive values; keep pii=high for the compliance role\nResource:\n  LFTagPolicy:\n    CatalogId: !Ref AWS::AccountId\n    ResourceType: TABLE\n    Expression:\n      - TagKey: pii\n        TagValues: [none, low]',
    terraform: 'lf_tag_policy {\n  resource_type = "TABLE"\n  expression {\n    key    = "pii"\n    values = ["none", "low"] # never "high" or "*" outside the compliance set\n  }\n}',
  },
  appliesTo: PERMISSIONS_TYPES,
  formats: IAC_FORMATS,
  references: ['https://docs.aws.amazon.com/lake-formation/latest/dg/TBAC-granting-tags.html', 'https://docs.aws.amazon.com/lake-formation/latest/dg/tag-based-access-control.html'],
  check(resource, ctx) {
    const grant = grantOf(resource);
    if (!grant) return undefined;
    const t = grant.target;
    if (t.kind !== 'lf-tag-policy' && t.kind !== 'database' && t.kind !== 'table' && t.kind !== 'columns' && t.kind !== 'unknown') return undefined;
    const perms = [...grant.permissions, ...grant.grantable];
    const exposing = known(perms).filter((p) => !METADATA_ONLY.has(p.toUpperCase()));
    if (exposing.length === 0 && !firstUnknown(perms)) return pass(`grants only ${known(perms).join(', ') || 'no permissions'} (metadata, no data).`, 'lakeformation.grant.permissions');
    if (isUnknown(grant.principal)) return unknownResult(`cannot tell who receives ${describeTarget(t)} (${grant.principal.reason}).`, 'lakeformation.grant.principal');
    const principal = grant.principal;
    if (isCompliance(principal, ctx)) return pass(`${principal} is a compliance principal.`, 'lakeformation.grant.principal');
    if (t.kind === 'unknown') return unknownResult(`cannot tell what the grant to ${principal} targets (${t.reason}).`, 'lakeformation.grant.target');
    const verdict = t.kind === 'lf-tag-policy' ? expressionExposure(t.expression, t.resourceType, ctx) : namedExposure(t, ctx);
    if (verdict === undefined) return undefined;
    if (verdict.verdict === 'fail') return fail(`grants ${exposing.join(', ') || 'permissions'} on ${describeTarget(t)} to ${principal}, who is not a compliance principal: ${verdict.message}`, 'lakeformation.grant.target', verdict.related);
    if (verdict.verdict === 'unknown') return unknownResult(`grant to ${principal} on ${describeTarget(t)}: ${verdict.message}`, 'lakeformation.grant.target', verdict.related);
    return pass(`grant to ${principal} on ${describeTarget(t)}: ${verdict.message}`, 'lakeformation.grant.target', verdict.related);
  },
};

/** Can an LF-tag expression match sensitive data? */
function expressionExposure(expr: readonly LfTagExpression[], resourceType: V<'DATABASE' | 'TABLE'>, ctx: RuleContext): CheckResult {
  const unclear: string[] = [];
  for (const s of ctx.config.lakeFormation.sensitiveTags) {
    const term = expr.find((e) => !isUnknown(e.key) && eq(e.key, s.key));
    if (!term) continue;
    const values = known(term.values);
    if (values.includes('*')) return fail(`its expression admits every value of ${s.key} (including ${s.values.join(', ')}).`);
    const hit = values.find((v) => s.values.some((sv) => eq(sv, v)));
    if (hit) return fail(`its expression admits ${s.key}=${hit}.`);
    const u = firstUnknown(term.values);
    if (u) unclear.push(`a value of ${s.key} is unknown (${u.reason})`);
  }
  const unknownKey = expr.find((e) => isUnknown(e.key));
  if (unknownKey && isUnknown(unknownKey.key)) unclear.push(`a key of the expression is unknown (${unknownKey.key.reason})`);
  // An expression that does not mention a sensitive key still matches sensitive resources that
  // carry its other tags: check the Glue resources of the input.
  const types = isUnknown(resourceType) ? ['AWS::Glue::Database', 'AWS::Glue::Table'] : [resourceType === 'DATABASE' ? 'AWS::Glue::Database' : 'AWS::Glue::Table'];
  const related: string[] = [];
  for (const r of ctx.index.ofType(...types)) {
    const tags = effectiveLfTags(r, ctx);
    const sensitive = sensitiveValuesIn(tags, ctx);
    if (sensitive.length === 0) continue;
    const m = matchesExpression(tags, expr);
    if (m === true) return fail(`its expression matches ${display(r)}, tagged ${sensitive.join(', ')}.`, undefined, [r.id]);
    if (m === 'unknown') {
      unclear.push(`it may match ${display(r)}, tagged ${sensitive.join(', ')}`);
      related.push(r.id);
    }
  }
  if (unclear.length > 0) return unknownResult(`${unclear.join('; ')}.`, undefined, related);
  const keys = ctx.config.lakeFormation.sensitiveTags.map((s) => s.key).join(', ');
  return pass(`its expression admits no sensitive value of ${keys} and matches no sensitive resource in the input.`);
}

/** Does a grant on a named database/table reach a resource tagged with a sensitive LF-tag? */
function namedExposure(t: LfGrantTarget, ctx: RuleContext): CheckResult | undefined {
  if (t.kind === 'table' && t.wildcard) {
    const tables = ctx.index.ofType('AWS::Glue::Table').filter((tb) => {
      const db = glueDatabaseOf(tb, ctx.index);
      const name = db ? (db.facets.glue?.catalogName ?? db.name) : tb.facets.glue?.database;
      return typeof name === 'string' && !isUnknown(t.database) && eq(name, t.database);
    });
    const hit = tables.find((tb) => sensitiveValuesIn(effectiveLfTags(tb, ctx), ctx).length > 0);
    if (hit) return fail(`it covers ${display(hit)}, tagged ${sensitiveValuesIn(effectiveLfTags(hit, ctx), ctx).join(', ')}.`, undefined, [hit.id]);
  }
  const target = glueTargetOf(t, ctx.index);
  // A named target outside the input: its LF-tags are unknown, and this rule is about LF-tags.
  if (!target) return undefined;
  const sensitive = sensitiveValuesIn(effectiveLfTags(target, ctx), ctx);
  if (sensitive.length > 0) return fail(`${display(target)} is tagged ${sensitive.join(', ')}.`, undefined, [target.id]);
  return pass(`${display(target)} carries no sensitive LF-tag.`, undefined, [target.id]);
}

// ---------------------------------------------------------------- lakeformation.lf-tags-assigned

const lfTagsAssigned: Rule = {
  id: 'lakeformation.lf-tags-assigned',
  pillar: 'classification',
  severity: 'low',
  title: 'Glue databases and tables carry LF-tags',
  rationale:
    'LF-tag grants only reach resources that carry LF-tags: an untagged database or table is governed by named grants alone, or by none. Tagging the catalog is step 1 of the article\'s Glue + Lake Formation example (pillar 2).',
  remediation: {
    cloudformation:
      'SalesDbTags:\n  Type: AWS::LakeFormation::TagAssociation\n  Properties:\n    Resource:\n      Database:\n        CatalogId: !Ref AWS::AccountId\n        Name: sales\n    LFTags:\n      - CatalogId: !Ref AWS::AccountId\n        TagKey: pii\n        TagValues: [low]',
    terraform:
      'resource "aws_lakeformation_resource_lf_tags" "sales" {\n  database {\n    name = aws_glue_catalog_database.sales.name\n  }\n  lf_tag {\n    key   = aws_lakeformation_lf_tag.pii.key\n    value = "low"\n  }\n}',
  },
  appliesTo: ['AWS::Glue::Database', 'AWS::Glue::Table'],
  formats: IAC_FORMATS,
  references: ['https://docs.aws.amazon.com/lake-formation/latest/dg/TBAC-assigning-tags.html'],
  check(resource, ctx) {
    const own = resource.facets.lakeformation?.assignedTags ?? [];
    if (own.length > 0) return pass(`carries LF-tags ${describeExpression(own)}.`, 'lakeformation.assignedTags');
    const db = glueDatabaseOf(resource, ctx.index);
    const inherited = db?.facets.lakeformation?.assignedTags ?? [];
    if (db && inherited.length > 0) return pass(`inherits LF-tags ${describeExpression(inherited)} from its database ${display(db)}.`, 'lakeformation.assignedTags', [db.id]);
    // An assignment whose target we could not resolve may be the one for this resource.
    const unresolved = ctx.index.all().find((r) => {
      const a = r.facets.lakeformation?.assignment;
      return a !== undefined && (a.target.kind === 'unknown' || targetNameUnknown(a.target));
    });
    if (unresolved) return unknownResult(`${display(resource)} has no LF-tags, but LF-tag assignment ${unresolved.id} has an unresolved target that may be it.`, 'lakeformation.assignedTags', [unresolved.id]);
    return fail(`${display(resource)} has no LF-tags${db ? ` and neither has its database ${display(db)}` : ''}.`, 'lakeformation.assignedTags');
  },
};

function targetNameUnknown(t: LfGrantTarget): boolean {
  if (t.kind === 'database') return isUnknown(t.name);
  if (t.kind === 'table') return isUnknown(t.name) || isUnknown(t.database);
  if (t.kind === 'columns') return isUnknown(t.table) || isUnknown(t.database);
  return false;
}

// ---------------------------------------------------------------- lakeformation.iam-allowed-principals

const iamAllowedPrincipals: Rule = {
  id: 'lakeformation.iam-allowed-principals',
  pillar: 'identity',
  severity: 'high',
  title: 'Lake Formation permissions are enforced (no IAM_ALLOWED_PRINCIPALS)',
  rationale:
    'While new databases and tables default to `IAM_ALLOWED_PRINCIPALS`, or a grant gives it access, any IAM principal with Glue/S3 permissions reads the data and every LF-tag, column or row restriction is bypassed. High: it silently disables all fine-grained controls (pillar 1).',
  remediation: {
    cloudformation:
      'DataLakeSettings:\n  Type: AWS::LakeFormation::DataLakeSettings\n  Properties:\n    Admins:\n      - DataLakePrincipalIdentifier: !GetAtt DataLakeAdminRole.Arn\n    CreateDatabaseDefaultPermissions: []\n    CreateTableDefaultPermissions: []',
    terraform:
      'resource "aws_lakeformation_data_lake_settings" "this" {\n  admins = [aws_iam_role.data_lake_admin.arn]\n  # no create_database_default_permissions / create_table_default_permissions\n  # blocks granting IAM_ALLOWED_PRINCIPALS: Lake Formation permissions apply\n}',
  },
  appliesTo: [SETTINGS_TYPE, ...PERMISSIONS_TYPES],
  formats: IAC_FORMATS,
  references: ['https://docs.aws.amazon.com/lake-formation/latest/dg/change-settings.html', 'https://docs.aws.amazon.com/lake-formation/latest/dg/upgrade-glue-lake-formation.html'],
  check(resource) {
    const lf = resource.facets.lakeformation;
    if (lf?.settings) {
      const v = lf.settings.iamAllowedPrincipalsDefault;
      const path = 'lakeformation.settings.iamAllowedPrincipalsDefault';
      if (isUnknown(v)) return unknownResult(`cannot tell whether new databases/tables default to ${IAM_ALLOWED_PRINCIPALS} (${v.reason}).`, path);
      return v
        ? fail(`new databases and tables default to ${IAM_ALLOWED_PRINCIPALS}: Lake Formation permissions are not enforced on them.`, path)
        : pass(`new databases and tables do not default to ${IAM_ALLOWED_PRINCIPALS}.`, path);
    }
    const grant = lf?.grant;
    if (!grant) return undefined;
    if (isUnknown(grant.principal)) return unknownResult(`cannot tell whether the grant goes to ${IAM_ALLOWED_PRINCIPALS} (${grant.principal.reason}).`, 'lakeformation.grant.principal');
    if (eq(grant.principal, IAM_ALLOWED_PRINCIPALS)) return fail(`grants ${known(grant.permissions).join(', ')} on ${describeTarget(grant.target)} to ${IAM_ALLOWED_PRINCIPALS}: IAM policies alone decide access to it.`, 'lakeformation.grant.principal');
    return undefined;
  },
};

// ---------------------------------------------------------------- lakeformation.grant-all

const BROAD = new Set(['ALL', 'SUPER']);
const STRUCTURAL = new Set(['DROP', 'ALTER']);
const DATA_READ = new Set(['SELECT', 'ALL', 'SUPER']);

const grantAll: Rule = {
  id: 'lakeformation.grant-all',
  pillar: 'identity',
  severity: 'medium',
  title: 'No ALL, DROP/ALTER or all-tables grants to principals that are not data lake admins',
  rationale:
    'ALL (Super) and DROP/ALTER let a principal destroy or reshape data and tags, and a table wildcard extends a grant to every table created later in the database; least privilege reserves them for data lake administrators (pillar 1).',
  remediation: {
    cloudformation:
      'AnalystOrders:\n  Type: AWS::LakeFormation::PrincipalPermissions\n  Properties:\n    Principal:\n      DataLakePrincipalIdentifier: !GetAtt AnalystRole.Arn\n    Resource:\n      Table:\n        CatalogId: !Ref AWS::AccountId\n        DatabaseName: sales\n        Name: orders   # not TableWildcard\n    Permissions: [SELECT, DESCRIBE]   # not ALL / DROP / ALTER\n    PermissionsWithGrantOption: []',
    terraform:
      'resource "aws_lakeformation_permissions" "analyst_orders" {\n  principal   = aws_iam_role.analyst.arn\n  permissions = ["SELECT", "DESCRIBE"] # not ALL / DROP / ALTER\n  table {\n    database_name = "sales"\n    name          = "orders" # not wildcard = true\n  }\n}',
  },
  appliesTo: PERMISSIONS_TYPES,
  formats: IAC_FORMATS,
  references: [PERMISSIONS_REF, 'https://docs.aws.amazon.com/lake-formation/latest/dg/granting-table-permissions.html'],
  check(resource, ctx) {
    const grant = grantOf(resource);
    if (!grant) return undefined;
    if (isUnknown(grant.principal)) return unknownResult(`cannot tell who receives the grant (${grant.principal.reason}).`, 'lakeformation.grant.principal');
    const principal = grant.principal;
    if (eq(principal, IAM_ALLOWED_PRINCIPALS)) return undefined; // lakeformation.iam-allowed-principals reports it
    if (isAdmin(principal, ctx)) return pass(`${principal} is a data lake administrator.`, 'lakeformation.grant.principal');
    const perms = upper([...grant.permissions, ...grant.grantable]);
    const problems: string[] = [];
    const broad = [...perms].filter((p) => BROAD.has(p));
    if (broad.length > 0) problems.push(`grants ${broad.join('/')}`);
    const structural = [...perms].filter((p) => STRUCTURAL.has(p));
    if (structural.length > 0 && broad.length === 0) problems.push(`grants ${structural.join(' and ')}`);
    const t = grant.target;
    if (t.kind === 'table' && t.wildcard && [...perms].some((p) => p !== 'DESCRIBE')) problems.push('covers every table of the database, present and future (table wildcard)');
    if (problems.length > 0) return fail(`${problems.join('; ')} on ${describeTarget(t)} to ${principal}, who is not a data lake administrator in the input.`, 'lakeformation.grant.permissions');
    const u = firstUnknown([...grant.permissions, ...grant.grantable]);
    if (u) return unknownResult(`cannot tell every permission granted to ${principal} (${u.reason}).`, 'lakeformation.grant.permissions');
    return pass(`grants ${[...perms].join(', ') || 'nothing'} on ${describeTarget(t)}.`, 'lakeformation.grant.permissions');
  },
};

// ---------------------------------------------------------------- lakeformation.grant-option

const grantOption: Rule = {
  id: 'lakeformation.grant-option',
  pillar: 'identity',
  severity: 'medium',
  title: 'No Lake Formation permissions with grant option to principals that are not data lake admins',
  rationale:
    'A permission with grant option lets its holder pass access on to anyone, outside any review: access to the data is then decided by the holder, not by policy as code (pillars 1 and 7).',
  remediation: {
    cloudformation: 'Permissions: [SELECT, DESCRIBE]\nPermissionsWithGrantOption: []',
    terraform: 'permissions                   = ["SELECT", "DESCRIBE"]\npermissions_with_grant_option = []',
  },
  appliesTo: PERMISSIONS_TYPES,
  formats: IAC_FORMATS,
  references: [PERMISSIONS_REF, 'https://docs.aws.amazon.com/lake-formation/latest/APIReference/API_GrantPermissions.html'],
  check(resource, ctx) {
    const grant = grantOf(resource);
    if (!grant) return undefined;
    const path = 'lakeformation.grant.grantable';
    const grantable = known(grant.grantable);
    const u = firstUnknown(grant.grantable);
    if (grantable.length === 0 && !u) return pass('no permission is grantable.', path);
    if (isUnknown(grant.principal)) return unknownResult(`cannot tell who receives grantable permissions (${grant.principal.reason}).`, 'lakeformation.grant.principal');
    const principal = grant.principal;
    if (isAdmin(principal, ctx)) return pass(`${principal} is a data lake administrator.`, path);
    if (grantable.length > 0) return fail(`${principal} may grant ${grantable.join(', ')} on ${describeTarget(grant.target)} to others, and is not a data lake administrator in the input.`, path);
    return unknownResult(`cannot tell which permissions ${principal} may grant on (${u?.reason}).`, path);
  },
};

// ---------------------------------------------------------------- lakeformation.red-data-cells-filter

const redDataCellsFilter: Rule = {
  id: 'lakeformation.red-data-cells-filter',
  pillar: 'identity',
  severity: 'medium',
  title: 'Grants on red tables go through a data cells filter or column restriction',
  rationale:
    'A SELECT on a whole red table hands over every sensitive column and row. Example #1, step 3: "Apply row-level filters and column masking" — grant red data through data cells filters or column lists, keeping full access for the compliance role (pillar 1).',
  remediation: {
    cloudformation:
      'CustomersEu:\n  Type: AWS::LakeFormation::DataCellsFilter\n  Properties:\n    TableCatalogId: !Ref AWS::AccountId\n    DatabaseName: sales\n    TableName: customers\n    Name: customers_eu_no_pii\n    RowFilter:\n      FilterExpression: "region = \'eu\'"\n    ColumnWildcard:\n      ExcludedColumnNames: [email, date_of_birth]\n# then grant SELECT on Resource.DataCellsFilter instead of Resource.Table',
    terraform:
      'resource "aws_lakeformation_data_cells_filter" "customers_eu" {\n  table_data {\n    database_name    = "sales"\n    table_name       = "customers"\n    table_catalog_id = data.aws_caller_identity.current.account_id\n    name             = "customers_eu_no_pii"\n    row_filter {\n      filter_expression = "region = \'eu\'"\n    }\n    column_wildcard {\n      excluded_column_names = ["email", "date_of_birth"]\n    }\n  }\n}\n# then grant SELECT with data_cells_filter { ... } instead of table { ... }',
  },
  appliesTo: PERMISSIONS_TYPES,
  formats: IAC_FORMATS,
  references: ['https://docs.aws.amazon.com/lake-formation/latest/dg/data-filtering.html', 'https://docs.aws.amazon.com/lake-formation/latest/dg/data-filters-about.html'],
  check(resource, ctx) {
    const grant = grantOf(resource);
    if (!grant) return undefined;
    const t = grant.target;
    if (t.kind !== 'table' && t.kind !== 'columns' && t.kind !== 'data-cells-filter') return undefined;
    const perms = [...grant.permissions, ...grant.grantable];
    const reads = known(perms).some((p) => DATA_READ.has(p.toUpperCase()));
    const u = firstUnknown(perms);
    if (!reads && !u) return undefined; // no data read: nothing to filter
    const path = 'lakeformation.grant.target';
    if (t.kind === 'table' && t.wildcard) return wildcardExposure(t, ctx, path);
    const tableTarget: LfGrantTarget = t.kind === 'data-cells-filter' ? { kind: 'table', database: t.database, name: t.table, wildcard: false } : t;
    const table = glueTargetOf(tableTarget, ctx.index);
    if (!table) return unknownResult(`the table of ${describeTarget(t)} is not in the scanned input: cannot tell whether it holds red data.`, path);
    if (dataLevel(table, ctx) !== 'red') return undefined;
    const related = [table.id];
    if (!isUnknown(grant.principal) && (isCompliance(grant.principal, ctx) || isAdmin(grant.principal, ctx))) return pass(`${grant.principal} is a compliance principal or data lake administrator: full access to red table ${display(table)} is intended.`, 'lakeformation.grant.principal', related);
    if (!reads) return unknownResult(`cannot tell whether the grant on red table ${display(table)} reads data (${u?.reason}).`, 'lakeformation.grant.permissions', related);
    if (t.kind === 'table') return fail(`grants ${known(perms).join(', ')} on every column and row of red table ${display(table)}; use a data cells filter or a column list.`, path, related);
    if (t.kind === 'columns') return columnsExposure(t, table, path, related);
    return filterExposure(t, table, ctx, path, related);
  },
};

function wildcardExposure(t: Extract<LfGrantTarget, { kind: 'table' }>, ctx: RuleContext, path: string): CheckResult | undefined {
  if (isUnknown(t.database)) return unknownResult(`cannot tell which database the all-tables grant covers (${t.database.reason}).`, path);
  const dbName = t.database;
  const db = glueTargetOf({ kind: 'database', name: dbName }, ctx.index);
  const tables = ctx.index.ofType('AWS::Glue::Table').filter((tb) => {
    const owner = glueDatabaseOf(tb, ctx.index);
    const name = owner ? (owner.facets.glue?.catalogName ?? owner.name) : tb.facets.glue?.database;
    return typeof name === 'string' && eq(name, dbName);
  });
  const red = tables.filter((tb) => dataLevel(tb, ctx) === 'red');
  if (db && dataLevel(db, ctx) === 'red') red.unshift(db);
  if (red.length > 0) return fail(`grants every column and row of all tables of database ${dbName}, which holds red data (${red.map(display).join(', ')}).`, path, red.map((r) => r.id));
  if (!db && tables.length === 0) return unknownResult(`database ${dbName} is not in the scanned input: cannot tell whether it holds red tables.`, path);
  return undefined;
}

function columnsExposure(t: Extract<LfGrantTarget, { kind: 'columns' }>, table: Resource, path: string, related: string[]): CheckResult {
  const listed = known(t.columns).map((c) => c.toLowerCase());
  if (t.excluded) {
    if (t.columns.length === 0) return fail(`grants all columns (empty exclusion list) of red table ${display(table)}.`, path, related);
    return pass(`excludes ${t.columns.length} column(s) of red table ${display(table)}.`, path, related);
  }
  const all = (table.facets.glue?.columns ?? []).map((c) => c.name);
  if (firstUnknown(t.columns)) return unknownResult(`a granted column name of red table ${display(table)} is unknown.`, path, related);
  const allKnown = all.length > 0 && !firstUnknown(all);
  if (allKnown && known(all).every((c) => listed.includes(c.toLowerCase()))) return fail(`lists every column of red table ${display(table)}: the column restriction hides nothing.`, path, related);
  return pass(`limited to columns ${listed.join(', ')} of red table ${display(table)}.`, path, related);
}

function filterExposure(t: Extract<LfGrantTarget, { kind: 'data-cells-filter' }>, table: Resource, ctx: RuleContext, path: string, related: string[]): CheckResult {
  const filter = ctx.index.ofType('AWS::LakeFormation::DataCellsFilter').find((f) => {
    const d = f.facets.lakeformation?.dataCellsFilter;
    const name = f.name;
    return d !== undefined && typeof name === 'string' && !isUnknown(t.name) && eq(name, t.name) && !isUnknown(d.table) && !isUnknown(t.table) && eq(d.table, t.table);
  });
  const d = filter?.facets.lakeformation?.dataCellsFilter;
  if (!filter || !d) return pass(`goes through data cells filter ${isUnknown(t.name) ? '(unknown)' : t.name} on red table ${display(table)}.`, path, related);
  const allRows = d.rowFilter === null;
  const allColumns = d.columns === null && (d.excludedColumns === null || (!isUnknown(d.excludedColumns) && d.excludedColumns.length === 0));
  if (allRows && allColumns) return fail(`data cells filter ${display(filter)} on red table ${display(table)} keeps every row and column: it filters nothing.`, path, [...related, filter.id]);
  return pass(`goes through data cells filter ${display(filter)} on red table ${display(table)}.`, path, [...related, filter.id]);
}

export const rules: AnyRule[] = [tagBasedGrants, sensitiveTagGrant, lfTagsAssigned, iamAllowedPrincipals, grantAll, grantOption, redDataCellsFilter];
