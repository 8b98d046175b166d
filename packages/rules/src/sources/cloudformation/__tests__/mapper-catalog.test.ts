import { resourceOf, single } from './helpers';

const map = (type: string, props: string, extra = '') => resourceOf(single(type, props, extra), 'R');

describe('Glue', () => {
  test('job with and without a security configuration', () => {
    const good = resourceOf('Resources:\n  SC: { Type: AWS::Glue::SecurityConfiguration, Properties: { Name: sc, EncryptionConfiguration: {} } }\n  C: { Type: AWS::Glue::Connection, Properties: { ConnectionInput: { Name: c, ConnectionType: NETWORK } } }\n  R:\n    Type: AWS::Glue::Job\n    Properties: { Name: j, Command: { Name: glueetl }, SecurityConfiguration: !Ref SC, Connections: { Connections: [!Ref C] }, DefaultArguments: { --enable-continuous-cloudwatch-log: "true" } }\n', 'R');
    expect(good.facets).toEqual({ glue: { securityConfiguration: '${SC}', defaultArguments: { '--enable-continuous-cloudwatch-log': 'true' } }, network: { connections: ['${C}'] } });
    const bad = map('AWS::Glue::Job', 'Command: { Name: glueetl }');
    expect(bad.facets).toEqual({ glue: { securityConfiguration: null, defaultArguments: {} }, network: { connections: [] } });
  });

  test('crawler', () => {
    expect(map('AWS::Glue::Crawler', 'Role: r\nCrawlerSecurityConfiguration: sc').facets.glue).toEqual({ securityConfiguration: 'sc' });
    expect(map('AWS::Glue::Crawler', 'Role: r').facets.glue).toEqual({ securityConfiguration: null });
  });

  test('security configuration: SSE-KMS everywhere vs disabled by default', () => {
    const good = map('AWS::Glue::SecurityConfiguration', 'Name: sc\nEncryptionConfiguration:\n  S3Encryptions: [{ S3EncryptionMode: SSE-KMS, KmsKeyArn: k }]\n  CloudWatchEncryption: { CloudWatchEncryptionMode: SSE-KMS, KmsKeyArn: k }\n  JobBookmarksEncryption: { JobBookmarksEncryptionMode: CSE-KMS, KmsKeyArn: k }');
    expect(good.facets.glue).toEqual({ s3EncryptionMode: 'SSE-KMS', cloudWatchEncryptionMode: 'SSE-KMS', jobBookmarksEncryptionMode: 'CSE-KMS' });
    expect(good.name).toBe('sc');
    const bad = map('AWS::Glue::SecurityConfiguration', 'Name: sc\nEncryptionConfiguration: {}');
    expect(bad.facets.glue).toEqual({ s3EncryptionMode: 'DISABLED', cloudWatchEncryptionMode: 'DISABLED', jobBookmarksEncryptionMode: 'DISABLED' });
  });

  test('data catalog encryption settings', () => {
    const good = map('AWS::Glue::DataCatalogEncryptionSettings', 'CatalogId: "1"\nDataCatalogEncryptionSettings:\n  EncryptionAtRest: { CatalogEncryptionMode: SSE-KMS }\n  ConnectionPasswordEncryption: { ReturnConnectionPasswordEncrypted: true }');
    expect(good.facets.glue).toEqual({ catalogEncryptionMode: 'SSE-KMS', connectionPasswordEncryption: true });
    expect(map('AWS::Glue::DataCatalogEncryptionSettings', 'CatalogId: "1"\nDataCatalogEncryptionSettings: {}').facets.glue).toEqual({ catalogEncryptionMode: 'DISABLED', connectionPasswordEncryption: false });
  });

  test('connection: literal password vs secret', () => {
    const bad = map('AWS::Glue::Connection', 'CatalogId: "1"\nConnectionInput: { Name: c, ConnectionType: JDBC, ConnectionProperties: { PASSWORD: pw12345678, JDBC_ENFORCE_SSL: "false" } }');
    expect(bad.facets).toMatchObject({ glue: { connectionType: 'JDBC', connectionProperties: { JDBC_ENFORCE_SSL: 'false' } }, credentials: { plaintextPassword: true, passwordPath: 'ConnectionInput.ConnectionProperties.PASSWORD' } });
    const good = map('AWS::Glue::Connection', 'CatalogId: "1"\nConnectionInput: { Name: c, ConnectionType: JDBC, ConnectionProperties: { SECRET_ID: s, JDBC_ENFORCE_SSL: "true" } }');
    expect(good.facets.credentials!.plaintextPassword).toBe(false);
    expect(good.name).toBe('c');
  });

  test('database and table with columns and partition keys', () => {
    expect(map('AWS::Glue::Database', 'CatalogId: "1"\nDatabaseInput: { Name: curated }').facets.glue).toEqual({ catalogName: 'curated' });
    const t = map('AWS::Glue::Table', 'CatalogId: "1"\nDatabaseName: curated\nTableInput:\n  Name: orders\n  Parameters: { data_classification: red }\n  StorageDescriptor: { Columns: [{ Name: email, Type: string, Parameters: { data_classification: red } }] }\n  PartitionKeys: [{ Name: day, Type: string }]');
    expect(t.facets.glue).toEqual({ database: 'curated', catalogName: 'orders', tableParameters: { data_classification: 'red' }, columns: [{ name: 'email', parameters: { data_classification: 'red' } }, { name: 'day', parameters: {} }] });
  });
});

describe('Lake Formation', () => {
  test('Permissions on a named table vs PrincipalPermissions on an LF-tag policy', () => {
    const named = map('AWS::LakeFormation::Permissions', 'DataLakePrincipal: { DataLakePrincipalIdentifier: arn:aws:iam::1:role/a }\nResource: { TableResource: { DatabaseName: curated, Name: orders } }\nPermissions: [SELECT]\nPermissionsWithGrantOption: [SELECT]');
    expect(named.facets.lakeformation!.grant).toEqual({ principal: 'arn:aws:iam::1:role/a', permissions: ['SELECT'], grantable: ['SELECT'], target: { kind: 'table', database: 'curated', name: 'orders', wildcard: false } });
    const tagged = map('AWS::LakeFormation::PrincipalPermissions', 'Principal: { DataLakePrincipalIdentifier: arn:aws:iam::1:role/a }\nResource: { LFTagPolicy: { CatalogId: "1", ResourceType: TABLE, Expression: [{ TagKey: pii, TagValues: [low] }] } }\nPermissions: [SELECT]\nPermissionsWithGrantOption: []');
    expect(tagged.facets.lakeformation!.grant!.target).toEqual({ kind: 'lf-tag-policy', resourceType: 'TABLE', expression: [{ key: 'pii', values: ['low'] }] });
  });

  test('grant targets: database, columns, excluded columns, wildcard table, data location, catalog, LF-tag, cells filter', () => {
    const target = (resource: string, type = 'AWS::LakeFormation::PrincipalPermissions') => map(type, `Principal: { DataLakePrincipalIdentifier: p }\nDataLakePrincipal: { DataLakePrincipalIdentifier: p }\nResource: ${resource}\nPermissions: [ALL]`).facets.lakeformation!.grant!.target;
    expect(target('{ Database: { CatalogId: "1", Name: db } }')).toEqual({ kind: 'database', name: 'db' });
    expect(target('{ TableWithColumns: { CatalogId: "1", DatabaseName: db, Name: t, ColumnNames: [a, b] } }')).toEqual({ kind: 'columns', database: 'db', table: 't', columns: ['a', 'b'], excluded: false });
    expect(target('{ TableWithColumnsResource: { DatabaseName: db, Name: t, ColumnWildcard: { ExcludedColumnNames: [ssn] } } }', 'AWS::LakeFormation::Permissions')).toEqual({ kind: 'columns', database: 'db', table: 't', columns: ['ssn'], excluded: true });
    expect(target('{ Table: { CatalogId: "1", DatabaseName: db, TableWildcard: {} } }')).toEqual({ kind: 'table', database: 'db', name: '*', wildcard: true });
    expect(target('{ DataLocationResource: { S3Resource: arn:aws:s3:::b } }', 'AWS::LakeFormation::Permissions')).toEqual({ kind: 'data-location', arn: 'arn:aws:s3:::b' });
    expect(target('{ Catalog: {} }')).toEqual({ kind: 'catalog' });
    expect(target('{ LFTag: { CatalogId: "1", TagKey: pii, TagValues: [high] } }')).toEqual({ kind: 'lf-tag', key: 'pii', values: ['high'] });
    expect(target('{ DataCellsFilter: { TableCatalogId: "1", DatabaseName: db, TableName: t, Name: f } }')).toEqual({ kind: 'data-cells-filter', database: 'db', table: 't', name: 'f' });
    expect(target('{}').kind).toBe('unknown');
  });

  test('tag, tag association, data cells filter, data lake settings', () => {
    expect(map('AWS::LakeFormation::Tag', 'TagKey: pii\nTagValues: [high, low]').facets.lakeformation).toEqual({ tag: { key: 'pii', values: ['high', 'low'] } });
    expect(map('AWS::LakeFormation::TagAssociation', 'Resource: { Database: { CatalogId: "1", Name: curated } }\nLFTags: [{ CatalogId: "1", TagKey: pii, TagValues: [high] }]').facets.lakeformation).toEqual({ assignment: { target: { kind: 'database', name: 'curated' }, tags: [{ key: 'pii', values: ['high'] }] } });
    const filter = map('AWS::LakeFormation::DataCellsFilter', 'TableCatalogId: "1"\nDatabaseName: db\nTableName: t\nName: f\nRowFilter: { FilterExpression: "country = \'DE\'" }\nColumnWildcard: { ExcludedColumnNames: [ssn] }');
    expect(filter.facets.lakeformation!.dataCellsFilter).toEqual({ database: 'db', table: 't', rowFilter: "country = 'DE'", columns: null, excludedColumns: ['ssn'] });
    const all = map('AWS::LakeFormation::DataCellsFilter', 'TableCatalogId: "1"\nDatabaseName: db\nTableName: t\nName: f\nRowFilter: { AllRowsWildcard: {} }\nColumnNames: [a]');
    expect(all.facets.lakeformation!.dataCellsFilter).toEqual({ database: 'db', table: 't', rowFilter: null, columns: ['a'], excludedColumns: null });
    const strict = map('AWS::LakeFormation::DataLakeSettings', 'Admins: [{ DataLakePrincipalIdentifier: arn:aws:iam::1:role/admin }]\nCreateDatabaseDefaultPermissions: []\nCreateTableDefaultPermissions: []');
    expect(strict.facets.lakeformation!.settings).toEqual({ admins: ['arn:aws:iam::1:role/admin'], iamAllowedPrincipalsDefault: false });
    expect(map('AWS::LakeFormation::DataLakeSettings', 'Admins: []').facets.lakeformation!.settings!.iamAllowedPrincipalsDefault).toBe(false); // absent = Lake Formation permissions (the API's null)
    const explicit = map('AWS::LakeFormation::DataLakeSettings', 'CreateDatabaseDefaultPermissions: []\nCreateTableDefaultPermissions: [{ Principal: { DataLakePrincipalIdentifier: IAM_ALLOWED_PRINCIPALS }, Permissions: [ALL] }]');
    expect(explicit.facets.lakeformation!.settings!.iamAllowedPrincipalsDefault).toBe(true);
  });
});
