import type { LfGrantTarget, LfTagExpression, V } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import type { TfReader } from '../reader';
import { blocks, toBool, toStr, toStrItems, toStrList, type TfObject } from '../values';
import type { TypeMapping } from './types';

function items(v: V<V<string>[]> | undefined): V<string>[] {
  if (v === undefined) return [];
  return isUnknown(v) ? [v] : v;
}

function str(b: TfObject, key: string, path: string): V<string> {
  return toStr(b[key], `${path}.${key}`) ?? unknown(`${path}.${key} is not set`);
}

function nonEmpty(v: V<string[]> | undefined): V<string[]> | undefined {
  if (v === undefined) return undefined;
  return isUnknown(v) || v.length > 0 ? v : undefined;
}

/**
 * The resource a grant or tag assignment names: exactly one of `catalog_resource`, `database`,
 * `table`, `table_with_columns`, `data_location`, `data_cells_filter`, `lf_tag`, `lf_tag_policy`.
 */
export function lfTarget(r: TfReader): LfGrantTarget {
  if (toBool(r.raw('catalog_resource'), 'catalog_resource') === true) return { kind: 'catalog' };
  const db = r.blocks('database')[0];
  if (db) return { kind: 'database', name: str(db, 'name', 'database') };
  const twc = r.blocks('table_with_columns')[0];
  if (twc) {
    const names = nonEmpty(toStrList(twc.column_names, 'table_with_columns.column_names'));
    const excluded = toStrItems(twc.excluded_column_names, 'table_with_columns.excluded_column_names');
    const base = { kind: 'columns' as const, database: str(twc, 'database_name', 'table_with_columns'), table: str(twc, 'name', 'table_with_columns') };
    if (names !== undefined) return { ...base, columns: isUnknown(names) ? [names] : names, excluded: false };
    return { ...base, columns: items(excluded), excluded: true };
  }
  const table = r.blocks('table')[0];
  if (table) {
    const wildcard = toBool(table.wildcard, 'table.wildcard') === true;
    const name = toStr(table.name, 'table.name');
    return { kind: 'table', database: str(table, 'database_name', 'table'), name: name === undefined || name === '' ? '*' : name, wildcard: wildcard || name === undefined || name === '' };
  }
  const loc = r.blocks('data_location')[0];
  if (loc) return { kind: 'data-location', arn: str(loc, 'arn', 'data_location') };
  const filter = r.blocks('data_cells_filter')[0];
  if (filter) return { kind: 'data-cells-filter', database: str(filter, 'database_name', 'data_cells_filter'), table: str(filter, 'table_name', 'data_cells_filter'), name: str(filter, 'name', 'data_cells_filter') };
  const tag = r.blocks('lf_tag')[0];
  if (tag && r.type === 'aws_lakeformation_permissions') return { kind: 'lf-tag', key: str(tag, 'key', 'lf_tag'), values: items(toStrItems(tag.values, 'lf_tag.values')) };
  const policy = r.blocks('lf_tag_policy')[0];
  if (policy) {
    const rt = toStr(policy.resource_type, 'lf_tag_policy.resource_type');
    return {
      kind: 'lf-tag-policy',
      resourceType: rt === 'DATABASE' || rt === 'TABLE' ? rt : unknown(`lf_tag_policy.resource_type is ${JSON.stringify(rt ?? null)}`),
      expression: blocks(policy.expression).map((e, i) => ({ key: str(e, 'key', `lf_tag_policy.expression[${i}]`), values: items(toStrItems(e.values, `lf_tag_policy.expression[${i}].values`)) })),
    };
  }
  return { kind: 'unknown', reason: `${r.address} names no resource this engine reads` };
}

export const lakeFormationPermissions: TypeMapping = {
  cfnType: 'AWS::LakeFormation::PrincipalPermissions',
  map(r) {
    r.mark('lakeformation.grant', 'permissions');
    return {
      facets: {
        lakeformation: {
          grant: {
            principal: r.str(undefined, 'principal') ?? unknown('the grant has no principal'),
            permissions: r.items(undefined, 'permissions'),
            grantable: r.items(undefined, 'permissions_with_grant_option'),
            target: lfTarget(r),
          },
        },
      },
    };
  },
};

export const lakeFormationTag: TypeMapping = {
  cfnType: 'AWS::LakeFormation::Tag',
  nameAttr: 'key',
  map(r) {
    r.mark('lakeformation.tag', 'values');
    return { facets: { lakeformation: { tag: { key: r.str(undefined, 'key') ?? unknown('the LF-tag has no key'), values: r.items(undefined, 'values') } } } };
  },
};

/** aws_lakeformation_resource_lf_tags: `lf_tag { key, value }` blocks, one value each. */
export const lakeFormationResourceTags: TypeMapping = {
  cfnType: 'AWS::LakeFormation::TagAssociation',
  map(r) {
    r.mark('lakeformation.assignment', 'lf_tag');
    const tags: LfTagExpression[] = r.blocks('lf_tag').map((t, i) => ({ key: str(t, 'key', `lf_tag[${i}]`), values: [str(t, 'value', `lf_tag[${i}]`)] }));
    return { facets: { lakeformation: { assignment: { target: lfTarget(r), tags } } } };
  },
};

/** aws_lakeformation_data_cells_filter: everything lives in one `table_data` block. */
export const lakeFormationDataCellsFilter: TypeMapping = {
  cfnType: 'AWS::LakeFormation::DataCellsFilter',
  nameAttr: 'table_data.name',
  map(r) {
    r.mark('lakeformation.dataCellsFilter', 'table_data');
    const td = r.blocks('table_data')[0] ?? {};
    const row = blocks(td.row_filter)[0];
    let rowFilter: V<string | null> = null;
    if (row && blocks(row.all_rows_wildcard).length === 0) {
      const expr = toStr(row.filter_expression, 'table_data.row_filter.filter_expression');
      rowFilter = expr === undefined || expr === '' ? null : expr;
    }
    const wildcard = blocks(td.column_wildcard)[0];
    return {
      facets: {
        lakeformation: {
          dataCellsFilter: {
            database: str(td, 'database_name', 'table_data'),
            table: str(td, 'table_name', 'table_data'),
            rowFilter,
            columns: nonEmpty(toStrList(td.column_names, 'table_data.column_names')) ?? null,
            excludedColumns: wildcard ? (toStrList(wildcard.excluded_column_names, 'table_data.column_wildcard.excluded_column_names') ?? []) : null,
          },
        },
      },
    };
  },
};

/**
 * aws_lakeformation_data_lake_settings. New databases/tables default to IAM_ALLOWED_PRINCIPALS
 * ("use only IAM access control") only when a default-permission block grants it. The provider
 * replaces the whole settings with PutDataLakeSettings and sends no default permissions for an
 * omitted block, which the API reads as "access controlled by Lake Formation permissions".
 */
export const lakeFormationSettings: TypeMapping = {
  cfnType: 'AWS::LakeFormation::DataLakeSettings',
  map(r) {
    r.mark('lakeformation.settings', 'create_database_default_permissions');
    const raw = [r.raw('create_database_default_permissions'), r.raw('create_table_default_permissions')];
    const unknownBlock = raw.find(isUnknown);
    const defaults = [...r.blocks('create_database_default_permissions'), ...r.blocks('create_table_default_permissions')];
    let iamAllowed: V<boolean>;
    if (unknownBlock) iamAllowed = unknownBlock;
    else iamAllowed = defaults.some((d) => d.principal === 'IAM_ALLOWED_PRINCIPALS');
    return { facets: { lakeformation: { settings: { admins: r.items(undefined, 'admins'), iamAllowedPrincipalsDefault: iamAllowed } } } };
  },
};
