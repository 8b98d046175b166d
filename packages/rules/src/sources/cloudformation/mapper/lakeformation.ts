import type { LfGrantTarget, LfTagExpression, Tri, V } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import type { CfnValue } from '../types';
import { isMapValue, type CfnMap } from '../values';
import { anyTrue } from './logic';
import { mapItems, toItems, toStr, toStrList } from './props';
import type { TypeMapper } from './types';

const s = (v: CfnValue | undefined, path: string): V<string> => toStr(v, path) ?? unknown(`${path} is not set`);
const list = (v: CfnValue | undefined, path: string): V<string>[] => toItems(v, path) ?? [];

function tagExpressions(v: CfnValue | undefined, path: string): LfTagExpression[] {
  if (isUnknown(v)) return [{ key: v, values: [v] }];
  return mapItems(v).map((e, i) => ({ key: s(e.TagKey, `${path}[${i}].TagKey`), values: list(e.TagValues, `${path}[${i}].TagValues`) }));
}

function tableOrColumns(t: CfnMap, path: string, columnsKey: 'ColumnNames'): LfGrantTarget {
  const database = s(t.DatabaseName, `${path}.DatabaseName`);
  if (isMapValue(t.ColumnWildcard)) return { kind: 'columns', database, table: s(t.Name, `${path}.Name`), columns: list(t.ColumnWildcard.ExcludedColumnNames, `${path}.ColumnWildcard.ExcludedColumnNames`), excluded: true };
  if (t[columnsKey] !== undefined) return { kind: 'columns', database, table: s(t.Name, `${path}.Name`), columns: list(t[columnsKey], `${path}.${columnsKey}`), excluded: false };
  const wildcard = t.TableWildcard !== undefined || t.Name === undefined;
  return { kind: 'table', database, name: wildcard ? '*' : s(t.Name, `${path}.Name`), wildcard };
}

/**
 * The Data Catalog resource of a grant or tag assignment. `AWS::LakeFormation::Permissions` uses
 * `DatabaseResource`/`TableResource`/`TableWithColumnsResource`/`DataLocationResource`;
 * `PrincipalPermissions` and `TagAssociation` use `Catalog`/`Database`/`Table`/`TableWithColumns`/
 * `DataLocation`/`DataCellsFilter`/`LFTag`/`LFTagPolicy`.
 */
export function grantTarget(r: CfnValue | undefined, path: string): LfGrantTarget {
  if (isUnknown(r)) return { kind: 'unknown', reason: r.reason };
  if (!isMapValue(r)) return { kind: 'unknown', reason: `${path} is not set` };
  const pick = (...keys: string[]) => keys.find((k) => r[k] !== undefined && r[k] !== null);
  const key = pick('Catalog', 'DatabaseResource', 'Database', 'TableWithColumnsResource', 'TableWithColumns', 'TableResource', 'Table', 'DataLocationResource', 'DataLocation', 'DataCellsFilter', 'LFTag', 'LFTagPolicy');
  if (!key) return { kind: 'unknown', reason: `${path} names no catalog resource` };
  const v = r[key];
  const at = `${path}.${key}`;
  if (isUnknown(v)) return { kind: 'unknown', reason: v.reason };
  if (key === 'Catalog') return { kind: 'catalog' };
  if (!isMapValue(v)) return { kind: 'unknown', reason: `${at} is not a map` };
  switch (key) {
    case 'DatabaseResource':
    case 'Database':
      return { kind: 'database', name: s(v.Name, `${at}.Name`) };
    case 'TableResource':
    case 'Table':
    case 'TableWithColumnsResource':
    case 'TableWithColumns':
      return tableOrColumns(v, at, 'ColumnNames');
    case 'DataLocationResource':
      return { kind: 'data-location', arn: s(v.S3Resource, `${at}.S3Resource`) };
    case 'DataLocation':
      return { kind: 'data-location', arn: s(v.ResourceArn, `${at}.ResourceArn`) };
    case 'DataCellsFilter':
      return { kind: 'data-cells-filter', database: s(v.DatabaseName, `${at}.DatabaseName`), table: s(v.TableName, `${at}.TableName`), name: s(v.Name, `${at}.Name`) };
    case 'LFTag':
      return { kind: 'lf-tag', key: s(v.TagKey, `${at}.TagKey`), values: list(v.TagValues, `${at}.TagValues`) };
    default: {
      const type = s(v.ResourceType, `${at}.ResourceType`);
      const resourceType = isUnknown(type) ? type : type === 'DATABASE' || type === 'TABLE' ? type : unknown(`${at}.ResourceType ${type} is not DATABASE or TABLE`);
      return { kind: 'lf-tag-policy', resourceType, expression: tagExpressions(v.Expression, `${at}.Expression`) };
    }
  }
}

function grant(principalPath: string): TypeMapper {
  return (p) => {
    p.track('lakeformation.grant', 'Resource');
    return {
      facets: {
        lakeformation: {
          grant: {
            principal: s(p.get(principalPath), principalPath),
            permissions: list(p.get('Permissions'), 'Permissions'),
            grantable: list(p.get('PermissionsWithGrantOption'), 'PermissionsWithGrantOption'),
            target: grantTarget(p.get('Resource'), 'Resource'),
          },
        },
      },
    };
  };
}

const tag: TypeMapper = (p) => {
  p.track('lakeformation.tag', 'TagKey');
  return { facets: { lakeformation: { tag: { key: s(p.get('TagKey'), 'TagKey'), values: list(p.get('TagValues'), 'TagValues') } } } };
};

const tagAssociation: TypeMapper = (p) => {
  p.track('lakeformation.assignment', 'LFTags');
  return { facets: { lakeformation: { assignment: { target: grantTarget(p.get('Resource'), 'Resource'), tags: tagExpressions(p.get('LFTags'), 'LFTags') } } } };
};

/** Row filter: `FilterExpression`, or `null` for all rows (`AllRowsWildcard` or no filter). */
const dataCellsFilter: TypeMapper = (p) => {
  p.track('lakeformation.dataCellsFilter', 'RowFilter');
  const expr = p.get('RowFilter.FilterExpression');
  const rowFilter = expr === undefined || expr === null ? (isUnknown(p.get('RowFilter')) ? (p.get('RowFilter') as V<string>) : null) : s(expr, 'RowFilter.FilterExpression');
  const wildcard = p.get('ColumnWildcard');
  const names = p.get('ColumnNames');
  return {
    name: p.text('Name'),
    facets: {
      lakeformation: {
        dataCellsFilter: {
          database: s(p.get('DatabaseName'), 'DatabaseName'),
          table: s(p.get('TableName'), 'TableName'),
          rowFilter,
          columns: names !== undefined && wildcard === undefined ? (toStrList(names, 'ColumnNames') ?? []) : null,
          excludedColumns: wildcard !== undefined ? (toStrList(p.get('ColumnWildcard.ExcludedColumnNames'), 'ColumnWildcard.ExcludedColumnNames') ?? []) : null,
        },
      },
    },
  };
};

/**
 * Default permissions for new databases/tables: absent means the AWS default, which grants ALL to
 * `IAM_ALLOWED_PRINCIPALS` (Lake Formation not enforced); an explicit list does so only if it names it.
 */
/**
 * Whether default permissions grant IAM_ALLOWED_PRINCIPALS. Absent means Lake Formation permissions
 * apply: the API documents "a null value indicates access control by Lake Formation permissions".
 */
function grantsIamAllowed(v: CfnValue | undefined): Tri {
  if (v === undefined || v === null) return false;
  if (isUnknown(v)) return v;
  return mapItems(v).some((e) => isMapValue(e.Principal) && e.Principal.DataLakePrincipalIdentifier === 'IAM_ALLOWED_PRINCIPALS');
}

const dataLakeSettings: TypeMapper = (p) => {
  p.track('lakeformation.settings', 'Admins');
  const admins = p.get('Admins');
  return {
    facets: {
      lakeformation: {
        settings: {
          admins: isUnknown(admins) ? [admins] : mapItems(admins).map((a, i) => s(a.DataLakePrincipalIdentifier, `Admins[${i}].DataLakePrincipalIdentifier`)),
          iamAllowedPrincipalsDefault: anyTrue([grantsIamAllowed(p.get('CreateDatabaseDefaultPermissions')), grantsIamAllowed(p.get('CreateTableDefaultPermissions'))]),
        },
      },
    },
  };
};

export const LAKEFORMATION_MAPPERS: Record<string, TypeMapper> = {
  'AWS::LakeFormation::Permissions': grant('DataLakePrincipal.DataLakePrincipalIdentifier'),
  'AWS::LakeFormation::PrincipalPermissions': grant('Principal.DataLakePrincipalIdentifier'),
  'AWS::LakeFormation::Tag': tag,
  'AWS::LakeFormation::TagAssociation': tagAssociation,
  'AWS::LakeFormation::DataCellsFilter': dataCellsFilter,
  'AWS::LakeFormation::DataLakeSettings': dataLakeSettings,
};
