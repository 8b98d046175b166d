import type { LfGrantTarget, Resource } from '../model';
import { rules } from './lakeformation';
import { expectCompleteMetadata, res, ruleById, run, U, verdictOf } from './__testing__/builders-meta';

const tagBased = ruleById(rules, 'lakeformation.tag-based-grants');
const sensitive = ruleById(rules, 'lakeformation.sensitive-tag-grant');
const assigned = ruleById(rules, 'lakeformation.lf-tags-assigned');
const iamAllowed = ruleById(rules, 'lakeformation.iam-allowed-principals');
const grantAll = ruleById(rules, 'lakeformation.grant-all');
const grantOption = ruleById(rules, 'lakeformation.grant-option');
const cells = ruleById(rules, 'lakeformation.red-data-cells-filter');

const ANALYST = 'arn:aws:iam::111122223333:role/analyst';
const COMPLIANCE = 'arn:aws:iam::111122223333:role/compliance';

function grant(target: LfGrantTarget, permissions: unknown[] = ['SELECT'], opts: { principal?: unknown; grantable?: unknown[]; id?: string } = {}): Resource {
  return res(opts.id ?? 'Grant', 'AWS::LakeFormation::PrincipalPermissions', {
    facets: { lakeformation: { grant: { principal: (opts.principal ?? ANALYST) as string, permissions: permissions as string[], grantable: (opts.grantable ?? []) as string[], target } } },
  });
}

const tagPolicy = (expression: Array<{ key: unknown; values: unknown[] }>, resourceType: 'TABLE' | 'DATABASE' = 'TABLE'): LfGrantTarget => ({ kind: 'lf-tag-policy', resourceType, expression: expression as never });
const table = (database: unknown, name: unknown, wildcard = false): LfGrantTarget => ({ kind: 'table', database: database as string, name: name as string, wildcard });

const salesDb = res('SalesDb', 'AWS::Glue::Database', { name: 'sales', facets: { glue: { catalogName: 'sales' } } });
const customers = res('Customers', 'AWS::Glue::Table', {
  name: 'customers',
  tags: {},
  facets: {
    glue: { catalogName: 'customers', database: '${SalesDb}', tableParameters: { data_classification: 'red' }, columns: [{ name: 'id', parameters: {} }, { name: 'email', parameters: {} }] },
    lakeformation: { assignedTags: [{ key: 'PII', values: ['High'] }, { key: 'domain', values: ['sales'] }] },
  },
});
const orders = res('Orders', 'AWS::Glue::Table', { name: 'orders', facets: { glue: { catalogName: 'orders', database: '${SalesDb}' }, lakeformation: { assignedTags: [{ key: 'pii', values: ['none'] }] } } });
const settings = (admins: unknown[], iamDefault: unknown = false) =>
  res('Settings', 'AWS::LakeFormation::DataLakeSettings', { facets: { lakeformation: { settings: { admins: admins as string[], iamAllowedPrincipalsDefault: iamDefault as boolean } } } });

describe('lakeformation rules metadata', () => {
  it('is complete and limited to IaC formats (AWS Config does not record Lake Formation)', () => {
    expectCompleteMetadata(rules, [
      'lakeformation.tag-based-grants',
      'lakeformation.sensitive-tag-grant',
      'lakeformation.lf-tags-assigned',
      'lakeformation.iam-allowed-principals',
      'lakeformation.grant-all',
      'lakeformation.grant-option',
      'lakeformation.red-data-cells-filter',
    ]);
    for (const r of rules) expect(r.formats).not.toContain('aws-config');
  });
});

describe('lakeformation.tag-based-grants', () => {
  it('passes LF-tag expression grants', () => {
    expect(verdictOf(tagBased, grant(tagPolicy([{ key: 'pii', values: ['none'] }])))).toBe('pass');
  });

  it('fails grants on named tables, columns and databases', () => {
    const [r] = run(tagBased, grant(table('sales', 'orders')));
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('table sales.orders');
    expect(r.path).toBe('lakeformation.grant.target');
    expect(verdictOf(tagBased, grant({ kind: 'database', name: 'sales' }, ['DESCRIBE']))).toBe('fail');
    expect(verdictOf(tagBased, grant({ kind: 'columns', database: 'sales', table: 'orders', columns: ['id'], excluded: false }))).toBe('fail');
  });

  it('is unknown for an unresolved target', () => {
    expect(verdictOf(tagBased, grant({ kind: 'unknown', reason: 'var.resource' }))).toBe('unknown');
  });

  it('does not apply to data-location grants or to other types', () => {
    expect(verdictOf(tagBased, grant({ kind: 'data-location', arn: 'arn:aws:s3:::lake' }, ['DATA_LOCATION_ACCESS']))).toBe('not-applicable');
    expect(verdictOf(tagBased, salesDb)).toBe('not-applicable');
  });
});

describe('lakeformation.sensitive-tag-grant', () => {
  const compliance = { lakeFormation: { sensitiveTags: [{ key: 'pii', values: ['high'] }], compliancePrincipals: [COMPLIANCE] } };

  it('fails an expression admitting pii=high (case-insensitive) to an analyst', () => {
    const [r] = run(sensitive, grant(tagPolicy([{ key: 'PII', values: ['low', 'HIGH'] }])), undefined, compliance);
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('pii=HIGH');
    expect(r.message).toContain(ANALYST);
  });

  it('fails an expression with all values of the key', () => {
    const [r] = run(sensitive, grant(tagPolicy([{ key: 'pii', values: ['*'] }])), undefined, compliance);
    expect(r.verdict).toBe('fail');
    expect(r.message).toContain('every value of pii');
  });

  it('fails an expression not mentioning pii that matches a pii=high table of the input', () => {
    const g = grant(tagPolicy([{ key: 'domain', values: ['sales'] }]));
    const [r] = run(sensitive, g, [g, salesDb, customers, orders], compliance);
    expect(r.verdict).toBe('fail');
    expect(r.related).toEqual(['Customers']);
  });

  it('passes non-sensitive expressions, compliance principals (also by reference) and metadata-only grants', () => {
    const g = grant(tagPolicy([{ key: 'pii', values: ['none', 'low'] }]));
    expect(verdictOf(sensitive, g, [g, salesDb, customers, orders], compliance)).toBe('pass');
    const role = res('ComplianceRole', 'AWS::IAM::Role', { arn: COMPLIANCE });
    const toCompliance = grant(tagPolicy([{ key: 'pii', values: ['high'] }]), ['SELECT'], { principal: '${ComplianceRole.Arn}' });
    expect(verdictOf(sensitive, toCompliance, [toCompliance, role], compliance)).toBe('pass');
    expect(verdictOf(sensitive, grant(tagPolicy([{ key: 'pii', values: ['high'] }]), ['DESCRIBE']), undefined, compliance)).toBe('pass');
  });

  it('fails a named grant on a table tagged pii=high, resolved by database and name', () => {
    const g = grant(table('sales', 'customers'));
    const [r] = run(sensitive, g, [g, salesDb, customers], compliance);
    expect(r.verdict).toBe('fail');
    expect(r.related).toEqual(['Customers']);
    const onOrders = grant(table('sales', 'orders'));
    expect(verdictOf(sensitive, onOrders, [onOrders, salesDb, orders], compliance)).toBe('pass');
    expect(verdictOf(sensitive, grant(table('finance', 'ledger')), undefined, compliance)).toBe('not-applicable');
  });

  it('is unknown for unknown principals or values', () => {
    expect(verdictOf(sensitive, grant(tagPolicy([{ key: 'pii', values: ['high'] }]), ['SELECT'], { principal: U('var.principal') }), undefined, compliance)).toBe('unknown');
    expect(verdictOf(sensitive, grant(tagPolicy([{ key: 'pii', values: [U('var.level')] }])), undefined, compliance)).toBe('unknown');
  });

  it('does not apply to data-location grants', () => {
    expect(verdictOf(sensitive, grant({ kind: 'data-location', arn: 'arn:aws:s3:::lake' }, ['DATA_LOCATION_ACCESS']))).toBe('not-applicable');
  });
});

describe('lakeformation.lf-tags-assigned', () => {
  it('passes a table with its own LF-tags or inheriting its database\'s', () => {
    expect(verdictOf(assigned, orders)).toBe('pass');
    const db = res('Db', 'AWS::Glue::Database', { name: 'raw', facets: { lakeformation: { assignedTags: [{ key: 'pii', values: ['low'] }] } } });
    const t = res('T', 'AWS::Glue::Table', { facets: { glue: { database: 'raw' } } });
    const [r] = run(assigned, t, [t, db]);
    expect(r.verdict).toBe('pass');
    expect(r.related).toEqual(['Db']);
  });

  it('fails an untagged database', () => {
    const [r] = run(assigned, salesDb);
    expect(r.verdict).toBe('fail');
    expect(r.path).toBe('lakeformation.assignedTags');
  });

  it('is unknown when an assignment of the input has an unresolved target', () => {
    const a = res('Assoc', 'AWS::LakeFormation::TagAssociation', { facets: { lakeformation: { assignment: { target: { kind: 'database', name: U('var.db') }, tags: [{ key: 'pii', values: ['low'] }] } } } });
    expect(verdictOf(assigned, salesDb, [salesDb, a])).toBe('unknown');
  });

  it('does not apply to other types', () => {
    expect(verdictOf(assigned, res('B', 'AWS::S3::Bucket'))).toBe('not-applicable');
  });
});

describe('lakeformation.iam-allowed-principals', () => {
  it('fails settings that default new resources to IAM_ALLOWED_PRINCIPALS', () => {
    const [r] = run(iamAllowed, settings([], true));
    expect(r.verdict).toBe('fail');
    expect(r.path).toBe('lakeformation.settings.iamAllowedPrincipalsDefault');
  });

  it('passes settings that do not', () => {
    expect(verdictOf(iamAllowed, settings([]))).toBe('pass');
  });

  it('is unknown for an unresolved setting', () => {
    expect(verdictOf(iamAllowed, settings([], U('var.iam_default')))).toBe('unknown');
  });

  it('fails a grant to IAM_ALLOWED_PRINCIPALS and ignores grants to others', () => {
    expect(verdictOf(iamAllowed, grant(table('sales', 'orders'), ['ALL'], { principal: 'IAM_ALLOWED_PRINCIPALS' }))).toBe('fail');
    expect(verdictOf(iamAllowed, grant(table('sales', 'orders')))).toBe('not-applicable');
    expect(verdictOf(iamAllowed, grant(table('sales', 'orders'), ['SELECT'], { principal: U('var.p') }))).toBe('unknown');
  });
});

describe('lakeformation.grant-all', () => {
  it('fails ALL, DROP/ALTER and table wildcards to non-admins', () => {
    expect(run(grantAll, grant(table('sales', 'orders'), ['ALL']))[0].message).toContain('grants ALL');
    expect(verdictOf(grantAll, grant(table('sales', 'orders'), ['SELECT', 'DROP']))).toBe('fail');
    const [w] = run(grantAll, grant(table('sales', U('wildcard'), true), ['SELECT']));
    expect(w.verdict).toBe('fail');
    expect(w.message).toContain('table wildcard');
  });

  it('passes narrow grants and any grant to a data lake admin resolved through the settings', () => {
    expect(verdictOf(grantAll, grant(table('sales', 'orders'), ['SELECT', 'DESCRIBE']))).toBe('pass');
    const admin = res('AdminRole', 'AWS::IAM::Role', { arn: 'arn:aws:iam::111122223333:role/admin' });
    const s = settings(['${AdminRole.Arn}']);
    const g = grant(table('sales', 'orders'), ['ALL'], { principal: 'arn:aws:iam::111122223333:role/admin' });
    expect(verdictOf(grantAll, g, [g, s, admin])).toBe('pass');
  });

  it('is unknown for unknown principals or permissions', () => {
    expect(verdictOf(grantAll, grant(table('sales', 'orders'), ['ALL'], { principal: U('var.p') }))).toBe('unknown');
    expect(verdictOf(grantAll, grant(table('sales', 'orders'), [U('var.perms')]))).toBe('unknown');
  });

  it('leaves IAM_ALLOWED_PRINCIPALS to its own rule and does not apply to other types', () => {
    expect(verdictOf(grantAll, grant(table('sales', 'orders'), ['ALL'], { principal: 'IAM_ALLOWED_PRINCIPALS' }))).toBe('not-applicable');
    expect(verdictOf(grantAll, settings([]))).toBe('not-applicable');
  });
});

describe('lakeformation.grant-option', () => {
  it('fails grantable permissions to a non-admin', () => {
    const [r] = run(grantOption, grant(table('sales', 'orders'), ['SELECT'], { grantable: ['SELECT'] }));
    expect(r.verdict).toBe('fail');
    expect(r.path).toBe('lakeformation.grant.grantable');
  });

  it('passes without grant option, or to an admin', () => {
    expect(verdictOf(grantOption, grant(table('sales', 'orders')))).toBe('pass');
    const s = settings([ANALYST]);
    const g = grant(table('sales', 'orders'), ['SELECT'], { grantable: ['SELECT'] });
    expect(verdictOf(grantOption, g, [g, s])).toBe('pass');
  });

  it('is unknown for an unresolved grantable list', () => {
    expect(verdictOf(grantOption, grant(table('sales', 'orders'), ['SELECT'], { grantable: [U('var.g')] }))).toBe('unknown');
  });

  it('does not apply to tables', () => {
    expect(verdictOf(grantOption, customers)).toBe('not-applicable');
  });
});

describe('lakeformation.red-data-cells-filter', () => {
  const all = (g: Resource, ...more: Resource[]) => [g, salesDb, customers, orders, ...more];

  it('fails a SELECT on a whole red table, resolved by database and name', () => {
    const g = grant(table('sales', 'customers'));
    const [r] = run(cells, g, all(g));
    expect(r.verdict).toBe('fail');
    expect(r.related).toEqual(['Customers']);
  });

  it('fails an all-tables grant on a database holding red tables', () => {
    const g = grant(table('sales', U('wildcard'), true));
    expect(verdictOf(cells, g, all(g))).toBe('fail');
  });

  it('fails a column list naming every column, and a filter that keeps everything', () => {
    const g = grant({ kind: 'columns', database: 'sales', table: 'customers', columns: ['id', 'email'], excluded: false });
    expect(verdictOf(cells, g, all(g))).toBe('fail');
    const f = res('Filter', 'AWS::LakeFormation::DataCellsFilter', { name: 'everything', facets: { lakeformation: { dataCellsFilter: { database: 'sales', table: 'customers', rowFilter: null, columns: null, excludedColumns: null } } } });
    const viaFilter = grant({ kind: 'data-cells-filter', database: 'sales', table: 'customers', name: 'everything' });
    expect(verdictOf(cells, viaFilter, all(viaFilter, f))).toBe('fail');
  });

  it('passes column restrictions, real filters and compliance principals', () => {
    const cols = grant({ kind: 'columns', database: 'sales', table: 'customers', columns: ['id'], excluded: false });
    expect(verdictOf(cells, cols, all(cols))).toBe('pass');
    const excl = grant({ kind: 'columns', database: 'sales', table: 'customers', columns: ['email'], excluded: true });
    expect(verdictOf(cells, excl, all(excl))).toBe('pass');
    const f = res('Filter', 'AWS::LakeFormation::DataCellsFilter', { name: 'eu', facets: { lakeformation: { dataCellsFilter: { database: 'sales', table: 'customers', rowFilter: "region='eu'", columns: null, excludedColumns: ['email'] } } } });
    const viaFilter = grant({ kind: 'data-cells-filter', database: 'sales', table: 'customers', name: 'eu' });
    expect(verdictOf(cells, viaFilter, all(viaFilter, f))).toBe('pass');
    const toCompliance = grant(table('sales', 'customers'), ['SELECT'], { principal: COMPLIANCE });
    expect(verdictOf(cells, toCompliance, all(toCompliance), { lakeFormation: { sensitiveTags: [], compliancePrincipals: [COMPLIANCE] } })).toBe('pass');
  });

  it('is unknown when the table is not in the input', () => {
    const g = grant(table('finance', 'ledger'));
    const [r] = run(cells, g, all(g));
    expect(r.verdict).toBe('unknown');
    expect(r.message).toContain('not in the scanned input');
  });

  it('does not apply to non-red tables, metadata-only grants or LF-tag grants', () => {
    const g = grant(table('sales', 'orders'));
    expect(verdictOf(cells, g, all(g))).toBe('not-applicable');
    const d = grant(table('sales', 'customers'), ['DESCRIBE']);
    expect(verdictOf(cells, d, all(d))).toBe('not-applicable');
    expect(verdictOf(cells, grant(tagPolicy([{ key: 'pii', values: ['low'] }])))).toBe('not-applicable');
  });
});
