import { isUnknown } from '../../model';
import { literalSecret } from './reader';
import { mapOne, tf } from './test-support';

describe('Lake Formation data lake settings', () => {
  it('omitted default-permission blocks send none to PutDataLakeSettings: Lake Formation permissions, not IAM_ALLOWED_PRINCIPALS', () => {
    const s = mapOne('aws_lakeformation_data_lake_settings.s', tf('aws_lakeformation_data_lake_settings.s', { admins: ['arn:aws:iam::111122223333:role/admin'] }));
    expect(s.facets.lakeformation?.settings?.iamAllowedPrincipalsDefault).toBe(false);
  });

  it('a block granting IAM_ALLOWED_PRINCIPALS keeps IAM-only access control', () => {
    const s = mapOne('aws_lakeformation_data_lake_settings.s', tf('aws_lakeformation_data_lake_settings.s', { create_database_default_permissions: [{ principal: 'IAM_ALLOWED_PRINCIPALS', permissions: ['ALL'] }] }));
    expect(s.facets.lakeformation?.settings?.iamAllowedPrincipalsDefault).toBe(true);
  });
});

describe('Lake Formation data cells filter', () => {
  it('takes its name from table_data.name, so grants naming the filter find it', () => {
    const f = mapOne('aws_lakeformation_data_cells_filter.f', tf('aws_lakeformation_data_cells_filter.f', { table_data: [{ database_name: 'sales', table_name: 'customers', table_catalog_id: '111122223333', name: 'eu_only', row_filter: [{ filter_expression: "country = 'DE'" }] }] }));
    expect(f.name).toBe('eu_only');
  });
});

describe('literalSecret on jsonencode() output', () => {
  it('a password field from a reference is not a literal, whatever the other fields hold', () => {
    expect(literalSecret('{"password":"${random_password.p.result}","username":"etl"}', 'secret_string')).toBe(false);
  });

  it('a literal password field is a literal, even next to references', () => {
    expect(literalSecret('{"host":"${aws_rds_cluster.c.endpoint}","password":"hunter2"}', 'secret_string')).toBe(true);
  });

  it('a password field mixing text and a reference, or no password field at all, stays unknown', () => {
    expect(isUnknown(literalSecret('{"password":"pre-${random_password.p.result}"}', 'secret_string'))).toBe(true);
    expect(isUnknown(literalSecret('{"host":"${aws_rds_cluster.c.endpoint}"}', 'secret_string'))).toBe(true);
    expect(isUnknown(literalSecret('user:${random_password.p.result}', 'secret_string'))).toBe(true);
  });
});
