import type { Resource } from '../model';
import { linkResources } from './link';

function res(id: string, type: string, facets: Resource['facets'], name?: string): Resource {
  return { id, type, sourceType: type, tags: {}, location: { file: 't.yaml', format: 'cloudformation' }, facets, ...(name ? { name } : {}) };
}

const db = res('SalesDatabase', 'AWS::Glue::Database', { glue: { catalogName: 'sales' } }, 'sales');
const table = res('CustomersTable', 'AWS::Glue::Table', { glue: { catalogName: 'customers', database: '${SalesDatabase}', columns: [] } }, 'customers');
const tag = res('PiiTag', 'AWS::LakeFormation::Tag', { lakeformation: { tag: { key: 'pii', values: ['low', 'high'] } } });

describe('linker: Lake Formation references', () => {
  it('resolves an LF-tag key written as a reference to the LF-tag resource, on the assignment and on the tagged table', () => {
    const assoc = res('EmailPii', 'AWS::LakeFormation::TagAssociation', {
      lakeformation: { assignment: { target: { kind: 'columns', database: '${SalesDatabase}', table: 'customers', columns: ['email'], excluded: false }, tags: [{ key: '${PiiTag}', values: ['high'] }] } },
    });
    const out = linkResources([db, table, tag, assoc]);
    expect(out.find((r) => r.id === 'CustomersTable')?.facets.lakeformation?.assignedTags).toEqual([{ key: 'pii', values: ['high'] }]);
    expect(out.find((r) => r.id === 'EmailPii')?.facets.lakeformation?.assignment?.tags[0].key).toBe('pii');
    // The adapter's output is left as it was.
    expect(assoc.facets.lakeformation?.assignment?.tags[0].key).toBe('${PiiTag}');
  });

  it('resolves LF-tag keys of a grant expression (Terraform attribute reference)', () => {
    const tfTag = res('aws_lakeformation_lf_tag.pii', 'AWS::LakeFormation::Tag', { lakeformation: { tag: { key: 'pii', values: ['high'] } } }, 'pii');
    const grant = res('aws_lakeformation_permissions.a', 'AWS::LakeFormation::PrincipalPermissions', {
      lakeformation: { grant: { principal: 'arn:aws:iam::111122223333:role/a', permissions: ['SELECT'], grantable: [], target: { kind: 'lf-tag-policy', resourceType: 'TABLE', expression: [{ key: '${aws_lakeformation_lf_tag.pii.key}', values: ['high'] }] } } },
    });
    const out = linkResources([tfTag, grant]);
    const target = out.find((r) => r.id === grant.id)?.facets.lakeformation?.grant?.target;
    expect(target?.kind === 'lf-tag-policy' && target.expression[0].key).toBe('pii');
  });

  it('matches a table whose assignment names its database by reference', () => {
    const other = res('OtherTable', 'AWS::Glue::Table', { glue: { catalogName: 'customers', database: 'archive', columns: [] } }, 'customers');
    const assoc = res('CustomersTags', 'AWS::LakeFormation::TagAssociation', {
      lakeformation: { assignment: { target: { kind: 'table', database: '${SalesDatabase}', name: 'customers', wildcard: false }, tags: [{ key: 'pii', values: ['low'] }] } },
    });
    const out = linkResources([db, other, table, assoc]);
    expect(out.find((r) => r.id === 'CustomersTable')?.facets.lakeformation?.assignedTags).toEqual([{ key: 'pii', values: ['low'] }]);
    expect(out.find((r) => r.id === 'OtherTable')?.facets.lakeformation?.assignedTags).toBeUndefined();
  });
});
