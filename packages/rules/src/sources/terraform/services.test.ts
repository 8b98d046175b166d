import { unknown } from '../../model';
import { mapTerraformResources } from './index';
import { mapOne, tf } from './test-support';

const KEY = '${aws_kms_key.k.arn}';

describe('S3 and the folded split resources', () => {
  it('a bare bucket: SSE-S3, no public access block, no versioning, no logging', () => {
    const b = mapOne('aws_s3_bucket.b', tf('aws_s3_bucket.b', { bucket: 'data' }));
    expect(b.name).toBe('data');
    expect(b.facets).toEqual({
      encryption: { atRest: 'aws-owned', path: 'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm' },
      s3: { sseAlgorithm: 'AES256', accessLogging: false },
      backup: { versioning: false },
      publicAccess: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false },
    });
  });

  it('folds versioning, encryption, public access block and logging by reference, and they produce no resource', () => {
    const { resources, notes } = mapTerraformResources([
      tf('aws_s3_bucket.b', { bucket: 'data' }),
      tf('aws_s3_bucket_versioning.b', { bucket: '${aws_s3_bucket.b.id}', versioning_configuration: [{ status: 'Enabled' }] }),
      tf('aws_s3_bucket_server_side_encryption_configuration.b', { bucket: '${aws_s3_bucket.b.bucket}', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: KEY }] }] }),
      tf('aws_s3_bucket_public_access_block.b', { bucket: '${aws_s3_bucket.b.id}', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }),
      tf('aws_s3_bucket_logging.b', { bucket: '${aws_s3_bucket.b.id}', target_bucket: '${aws_s3_bucket.logs.id}' }),
    ]);
    expect(notes).toEqual([]);
    expect(resources).toHaveLength(1);
    const f = resources[0].facets;
    expect(f.backup?.versioning).toBe(true);
    expect(f.encryption).toMatchObject({ atRest: 'cmk', keyRef: KEY });
    expect(f.s3).toMatchObject({ sseAlgorithm: 'aws:kms', accessLogging: true });
    expect(f.publicAccess).toEqual({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true });
    expect(resources[0].facetPaths?.['publicAccess.blockPublicPolicy']).toBe('aws_s3_bucket_public_access_block.b.block_public_policy');
    expect(resources[0].notes).toContain('aws_s3_bucket_versioning.b');
  });

  it('matches by bucket name (plans), folds partial settings, and suspended versioning / AES256 stay failing', () => {
    const { resources } = mapTerraformResources([
      tf('module.m.aws_s3_bucket.b["x"]', { bucket: 'data-x' }),
      tf('aws_s3_bucket_versioning.v', { bucket: 'data-x', versioning_configuration: [{ status: 'Suspended' }] }),
      tf('aws_s3_bucket_server_side_encryption_configuration.e', { bucket: 'data-x', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'AES256' }] }] }),
      tf('aws_s3_bucket_public_access_block.p', { bucket: 'data-x', block_public_acls: true }),
    ]);
    const f = resources[0].facets;
    expect(f.backup?.versioning).toBe(false);
    expect(f.encryption?.atRest).toBe('aws-owned');
    expect(f.publicAccess).toEqual({ blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false });
  });

  it('aws:kms without a key is the AWS-managed key; an unknown status stays unknown', () => {
    const { resources } = mapTerraformResources([
      tf('aws_s3_bucket.b', { bucket: 'd' }),
      tf('aws_s3_bucket_server_side_encryption_configuration.e', { bucket: '${aws_s3_bucket.b.id}', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms' }] }] }),
      tf('aws_s3_bucket_versioning.v', { bucket: '${aws_s3_bucket.b.id}', versioning_configuration: [{ status: unknown('var.status has no default') }] }),
    ]);
    expect(resources[0].facets.encryption?.atRest).toBe('aws-managed');
    expect(resources[0].facets.backup?.versioning).toEqual(unknown('var.status has no default'));
  });

  it('a split resource whose bucket is elsewhere gives a note, not a resource', () => {
    const { resources, notes } = mapTerraformResources([tf('aws_s3_bucket_versioning.v', { bucket: 'not-here', versioning_configuration: [{ status: 'Enabled' }] })]);
    expect(resources).toEqual([]);
    expect(notes[0].message).toMatch(/aws_s3_bucket_versioning.v: bucket not-here is not in this input/);
  });

  it('bucket policy from jsonencode output', () => {
    const p = mapOne('aws_s3_bucket_policy.p', tf('aws_s3_bucket_policy.p', { bucket: '${aws_s3_bucket.b.id}', policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] }) }));
    expect(p.type).toBe('AWS::S3::BucketPolicy');
    expect(p.facets.s3?.policyBucket).toBe('${aws_s3_bucket.b.id}');
    expect(p.facets.s3?.bucketPolicy?.statements[0]).toMatchObject({ effect: 'Deny', conditions: { Bool: { 'aws:SecureTransport': ['false'] } }, path: 'policy.Statement[0]' });
  });
});

describe('KMS', () => {
  it('key: rotation on/off, spec, enabled, policy', () => {
    const good = mapOne('aws_kms_key.k', tf('aws_kms_key.k', { enable_key_rotation: true, policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::1:root' }, Action: 'kms:*', Resource: '*' }] }) }));
    expect(good.facets.kms).toMatchObject({ rotation: true, keySpec: 'SYMMETRIC_DEFAULT', enabled: true, keyManager: 'CUSTOMER' });
    expect(good.facets.kms?.policy?.statements[0].principals).toEqual([{ type: 'AWS', value: 'arn:aws:iam::1:root' }]);
    const bad = mapOne('aws_kms_key.k', tf('aws_kms_key.k', { is_enabled: false, customer_master_key_spec: 'RSA_2048', deletion_window_in_days: 7, policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }] }) }));
    expect(bad.facets.kms).toMatchObject({ rotation: false, keySpec: 'RSA_2048', enabled: false, pendingWindowInDays: 7 });
    expect(bad.facets.kms?.policy?.statements[0].principals).toEqual([{ type: '*', value: '*' }]);
  });

  it('alias', () => {
    const a = mapOne('aws_kms_alias.a', tf('aws_kms_alias.a', { name: 'alias/data', target_key_id: '${aws_kms_key.k.key_id}' }));
    expect(a).toMatchObject({ type: 'AWS::KMS::Alias', name: 'alias/data', facets: { kms: { aliasName: 'alias/data', targetKey: '${aws_kms_key.k.key_id}' } } });
  });
});

describe('IAM and policy documents', () => {
  const doc = tf(
    'data.aws_iam_policy_document.assume',
    {
      statement: [
        { effect: 'Allow', actions: ['sts:AssumeRoleWithWebIdentity'], principals: [{ type: 'Federated', identifiers: ['arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com'] }], condition: [{ test: 'StringLike', variable: 'token.actions.githubusercontent.com:sub', values: ['repo:org/repo:*'] }, { test: 'StringLike', variable: 'token.actions.githubusercontent.com:sub', values: ['repo:org/other:*'] }] },
        { sid: 'DenyAllElse', effect: 'Deny', not_actions: ['sts:*'], not_resources: ['arn:aws:s3:::x'], principals: [{ type: '*', identifiers: ['*'] }] },
      ],
    },
    'data',
  );

  it('role: trust policy from aws_iam_policy_document statements, inline and managed policies', () => {
    const role = mapOne(
      'aws_iam_role.r',
      tf('aws_iam_role.r', {
        name: 'deploy',
        assume_role_policy: '${data.aws_iam_policy_document.assume.json}',
        inline_policy: [{ name: 'all', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }, { name: '', policy: '' }],
        managed_policy_arns: ['arn:aws:iam::aws:policy/AdministratorAccess', '${aws_iam_policy.p.arn}'],
        permissions_boundary: 'arn:aws:iam::1:policy/boundary',
      }),
      doc,
    );
    const iam = role.facets.iam!;
    expect(iam.principalKind).toBe('role');
    expect(iam.trustPolicy?.statements).toHaveLength(2);
    expect(iam.trustPolicy?.statements[0]).toMatchObject({
      effect: 'Allow',
      actions: ['sts:AssumeRoleWithWebIdentity'],
      principals: [{ type: 'Federated', value: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com' }],
      conditions: { StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:org/repo:*', 'repo:org/other:*'] } },
    });
    expect(iam.trustPolicy?.statements[1]).toMatchObject({ sid: 'DenyAllElse', effect: 'Deny', notActions: ['sts:*'], notResources: ['arn:aws:s3:::x'], principals: [{ type: '*', value: '*' }] });
    expect(iam.trustPolicy?.statements[1].actions).toBeUndefined();
    expect(iam.inlinePolicies).toHaveLength(1);
    expect(iam.inlinePolicies?.[0]).toMatchObject({ name: 'all', path: 'inline_policy[0].policy', document: { statements: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }] } });
    expect(iam.managedPolicies).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess', '${aws_iam_policy.p.arn}']);
    expect(iam.permissionsBoundary).toBe('arn:aws:iam::1:policy/boundary');
  });

  it('a data source that is not in the input, or a policy built from an unknown, is an unknown document', () => {
    const r = mapOne('aws_iam_role.r', tf('aws_iam_role.r', { assume_role_policy: '${data.aws_iam_policy_document.missing.json}' }));
    expect(r.facets.iam?.trustPolicy?.unknownReason).toMatch(/not in this input/);
    const u = mapOne('aws_iam_policy.p', tf('aws_iam_policy.p', { policy: unknown('known after apply') }));
    expect(u.facets.iam?.document).toEqual({ statements: [], unknownReason: 'known after apply' });
  });

  it('data source json (plans) wins; source and override documents merge by Sid', () => {
    const base = tf('data.aws_iam_policy_document.base', { json: JSON.stringify({ Statement: [{ Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }, { Sid: 'B', Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] }) }, 'data');
    const merged = tf(
      'data.aws_iam_policy_document.merged',
      { source_policy_documents: ['${data.aws_iam_policy_document.base.json}'], override_policy_documents: [JSON.stringify({ Statement: [{ Sid: 'B', Effect: 'Deny', Action: 's3:ListBucket', Resource: '*' }] })], statement: [{ sid: 'C', actions: ['s3:PutObject'], resources: ['*'] }] },
      'data',
    );
    const p = mapOne('aws_iam_policy.p', tf('aws_iam_policy.p', { policy: '${data.aws_iam_policy_document.merged.json}' }), base, merged);
    expect(p.facets.iam?.document?.statements.map((s) => [s.sid, s.effect])).toEqual([
      ['A', 'Allow'],
      ['B', 'Deny'],
      ['C', 'Allow'],
    ]);
  });

  it('inline policy resources, attachments, users, groups and access keys', () => {
    const rp = mapOne('aws_iam_role_policy.p', tf('aws_iam_role_policy.p', { name: 'p', role: '${aws_iam_role.r.id}', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }] }) }));
    expect(rp).toMatchObject({ type: 'AWS::IAM::RolePolicy', name: 'p', facets: { iam: { inline: true, attachedTo: ['${aws_iam_role.r.id}'], document: { statements: [{ notActions: ['iam:*'] }] } } } });
    expect(mapOne('aws_iam_user_policy.p', tf('aws_iam_user_policy.p', { user: 'u', policy: '{}' })).facets.iam).toMatchObject({ inline: true, attachedTo: ['u'] });
    expect(mapOne('aws_iam_group_policy.p', tf('aws_iam_group_policy.p', { group: 'g', policy: '{}' })).type).toBe('AWS::IAM::GroupPolicy');
    const att = mapOne('aws_iam_user_policy_attachment.a', tf('aws_iam_user_policy_attachment.a', { user: '${aws_iam_user.u.name}', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    expect(att).toMatchObject({ type: 'Pillarguard::IAM::PolicyAttachment', facets: { iam: { attachedTo: ['${aws_iam_user.u.name}'], managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] } } });
    const multi = mapOne('aws_iam_policy_attachment.a', tf('aws_iam_policy_attachment.a', { name: 'a', roles: ['r1'], users: ['u1'], groups: [], policy_arn: '${aws_iam_policy.p.arn}' }));
    expect(multi.facets.iam?.attachedTo).toEqual(['r1', 'u1']);
    expect(mapOne('aws_iam_user.u', tf('aws_iam_user.u', { name: 'legacy' })).facets.iam).toMatchObject({ principalKind: 'user' });
    expect(mapOne('aws_iam_group.g', tf('aws_iam_group.g', { name: 'g' })).facets.iam?.principalKind).toBe('group');
    expect(mapOne('aws_iam_access_key.k', tf('aws_iam_access_key.k', { user: '${aws_iam_user.u.name}' })).facets.secret).toEqual({ accessKeyUser: '${aws_iam_user.u.name}' });
    const mp = mapOne('aws_iam_policy.p', tf('aws_iam_policy.p', { name: 'p', policy: JSON.stringify({ Statement: { Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' } }) }));
    expect(mp).toMatchObject({ type: 'AWS::IAM::ManagedPolicy', facets: { iam: { attachedTo: [], document: { statements: [{ actions: ['dynamodb:*'] }] } } } });
  });
});

describe('Secrets Manager', () => {
  it('secret encryption and rotation defaults', () => {
    expect(mapOne('aws_secretsmanager_secret.s', tf('aws_secretsmanager_secret.s', { name: 's' })).facets).toMatchObject({ encryption: { atRest: 'aws-managed' }, secret: { rotation: false }, credentials: { plaintextPassword: false } });
    expect(mapOne('aws_secretsmanager_secret.s', tf('aws_secretsmanager_secret.s', { kms_key_id: KEY })).facets.encryption).toMatchObject({ atRest: 'cmk', keyRef: KEY });
    expect(mapOne('aws_secretsmanager_secret_rotation.r', tf('aws_secretsmanager_secret_rotation.r', { secret_id: '${aws_secretsmanager_secret.s.id}' })).facets.secret).toEqual({ rotates: '${aws_secretsmanager_secret.s.id}' });
  });

  it('a literal secret version marks its secret; a reference does not; the version is no resource', () => {
    const lit = mapTerraformResources([tf('aws_secretsmanager_secret.s', { name: 's' }), tf('aws_secretsmanager_secret_version.v', { secret_id: '${aws_secretsmanager_secret.s.id}', secret_string: '{"password":"x"}' })]);
    expect(lit.resources).toHaveLength(1);
    expect(lit.resources[0].facets.credentials).toEqual({ plaintextPassword: true, passwordPath: 'aws_secretsmanager_secret_version.v.secret_string' });
    const ref = mapTerraformResources([tf('aws_secretsmanager_secret.s', { name: 's' }), tf('aws_secretsmanager_secret_version.v', { secret_id: 's', secret_string: '${random_password.p.result}' })]);
    expect(ref.resources[0].facets.credentials?.plaintextPassword).toBe(false);
  });

  it('a literal secret version whose secret is elsewhere is kept so the literal is still reported', () => {
    const { resources } = mapTerraformResources([tf('aws_secretsmanager_secret_version.v', { secret_id: 'arn:aws:secretsmanager:eu-west-1:1:secret:x', secret_string: 'hunter2' })]);
    expect(resources[0]).toMatchObject({ type: 'Terraform::aws_secretsmanager_secret_version', facets: { credentials: { plaintextPassword: true } } });
  });
});

describe('Glue', () => {
  it('jobs and crawlers with and without a security configuration', () => {
    const j = mapOne('aws_glue_job.j', tf('aws_glue_job.j', { name: 'j', security_configuration: '${aws_glue_security_configuration.s.name}', default_arguments: { '--enable-continuous-cloudwatch-log': 'true' }, connections: ['${aws_glue_connection.c.name}'] }));
    expect(j.facets).toEqual({ glue: { securityConfiguration: '${aws_glue_security_configuration.s.name}', defaultArguments: { '--enable-continuous-cloudwatch-log': 'true' } }, network: { connections: ['${aws_glue_connection.c.name}'] } });
    expect(mapOne('aws_glue_job.j', tf('aws_glue_job.j', { name: 'j' })).facets).toEqual({ glue: { securityConfiguration: null, defaultArguments: {} }, network: { connections: [] } });
    expect(mapOne('aws_glue_crawler.c', tf('aws_glue_crawler.c', {})).facets.glue?.securityConfiguration).toBeNull();
  });

  it('security configuration and catalog encryption: on and default off', () => {
    const on = mapOne('aws_glue_security_configuration.s', tf('aws_glue_security_configuration.s', { name: 'etl', encryption_configuration: [{ s3_encryption: [{ s3_encryption_mode: 'SSE-KMS' }], cloudwatch_encryption: [{ cloudwatch_encryption_mode: 'SSE-KMS' }], job_bookmarks_encryption: [{ job_bookmarks_encryption_mode: 'CSE-KMS' }] }] }));
    expect(on.facets.glue).toEqual({ s3EncryptionMode: 'SSE-KMS', cloudWatchEncryptionMode: 'SSE-KMS', jobBookmarksEncryptionMode: 'CSE-KMS' });
    expect(on.name).toBe('etl');
    const off = mapOne('aws_glue_security_configuration.s', tf('aws_glue_security_configuration.s', { encryption_configuration: [{ s3_encryption: [{ s3_encryption_mode: 'SSE-S3' }] }] }));
    expect(off.facets.glue).toEqual({ s3EncryptionMode: 'SSE-S3', cloudWatchEncryptionMode: 'DISABLED', jobBookmarksEncryptionMode: 'DISABLED' });
    const cat = mapOne('aws_glue_data_catalog_encryption_settings.c', tf('aws_glue_data_catalog_encryption_settings.c', { data_catalog_encryption_settings: [{ encryption_at_rest: [{ catalog_encryption_mode: 'SSE-KMS' }], connection_password_encryption: [{ return_connection_password_encrypted: true }] }] }));
    expect(cat.facets.glue).toEqual({ catalogEncryptionMode: 'SSE-KMS', connectionPasswordEncryption: true });
    expect(mapOne('aws_glue_data_catalog_encryption_settings.c', tf('aws_glue_data_catalog_encryption_settings.c', {})).facets.glue).toEqual({ catalogEncryptionMode: 'DISABLED', connectionPasswordEncryption: false });
  });

  it('connections: literal PASSWORD vs secret reference', () => {
    const bad = mapOne('aws_glue_connection.c', tf('aws_glue_connection.c', { name: 'c', connection_properties: { JDBC_CONNECTION_URL: 'jdbc:mysql://h:3306/d', PASSWORD: 'Sup3rS3cret!' } }));
    expect(bad.facets).toMatchObject({ glue: { connectionType: 'JDBC', connectionProperties: { PASSWORD: 'Sup3rS3cret!' } }, credentials: { plaintextPassword: true, passwordPath: 'connection_properties.PASSWORD' } });
    const good = mapOne('aws_glue_connection.c', tf('aws_glue_connection.c', { connection_type: 'JDBC', connection_properties: { SECRET_ID: '${aws_secretsmanager_secret.s.name}', JDBC_ENFORCE_SSL: 'true' } }));
    expect(good.facets.credentials?.plaintextPassword).toBe(false);
    expect(good.facets.glue?.connectionProperties).toEqual({ SECRET_ID: '${aws_secretsmanager_secret.s.name}', JDBC_ENFORCE_SSL: 'true' });
  });

  it('catalog database and table with column parameters and partition keys', () => {
    expect(mapOne('aws_glue_catalog_database.d', tf('aws_glue_catalog_database.d', { name: 'curated' })).facets.glue).toEqual({ catalogName: 'curated' });
    const t = mapOne(
      'aws_glue_catalog_table.t',
      tf('aws_glue_catalog_table.t', { name: 'orders', database_name: '${aws_glue_catalog_database.d.name}', parameters: { data_classification: 'red' }, storage_descriptor: [{ columns: [{ name: 'email', type: 'string', parameters: { data_classification: 'red' } }, { name: 'id', type: 'string' }] }], partition_keys: [{ name: 'dt', type: 'string' }] }),
    );
    expect(t.facets.glue).toEqual({
      database: '${aws_glue_catalog_database.d.name}',
      catalogName: 'orders',
      tableParameters: { data_classification: 'red' },
      columns: [
        { name: 'email', parameters: { data_classification: 'red' } },
        { name: 'id', parameters: {} },
        { name: 'dt', parameters: {} },
      ],
    });
  });
});

describe('Lake Formation', () => {
  it('grants on each kind of target', () => {
    const grant = (values: object) => mapOne('aws_lakeformation_permissions.p', tf('aws_lakeformation_permissions.p', { principal: 'arn:aws:iam::1:role/a', permissions: ['SELECT'], permissions_with_grant_option: [], ...values })).facets.lakeformation!.grant!;
    expect(grant({ table: [{ database_name: 'curated', name: 'orders' }] })).toEqual({ principal: 'arn:aws:iam::1:role/a', permissions: ['SELECT'], grantable: [], target: { kind: 'table', database: 'curated', name: 'orders', wildcard: false } });
    expect(grant({ table: [{ database_name: 'curated', wildcard: true }] }).target).toEqual({ kind: 'table', database: 'curated', name: '*', wildcard: true });
    expect(grant({ table_with_columns: [{ database_name: 'c', name: 't', column_names: ['a', 'b'] }] }).target).toEqual({ kind: 'columns', database: 'c', table: 't', columns: ['a', 'b'], excluded: false });
    expect(grant({ table_with_columns: [{ database_name: 'c', name: 't', wildcard: true, excluded_column_names: ['email'] }] }).target).toEqual({ kind: 'columns', database: 'c', table: 't', columns: ['email'], excluded: true });
    expect(grant({ database: [{ name: 'c' }] }).target).toEqual({ kind: 'database', name: 'c' });
    expect(grant({ catalog_resource: true }).target).toEqual({ kind: 'catalog' });
    expect(grant({ data_location: [{ arn: 'arn:aws:s3:::b' }] }).target).toEqual({ kind: 'data-location', arn: 'arn:aws:s3:::b' });
    expect(grant({ data_cells_filter: [{ database_name: 'c', table_name: 't', name: 'f' }] }).target).toEqual({ kind: 'data-cells-filter', database: 'c', table: 't', name: 'f' });
    expect(grant({ lf_tag: [{ key: 'pii', values: ['high'] }] }).target).toEqual({ kind: 'lf-tag', key: 'pii', values: ['high'] });
    expect(grant({ lf_tag_policy: [{ resource_type: 'TABLE', expression: [{ key: 'pii', values: ['low', 'none'] }] }] }).target).toEqual({ kind: 'lf-tag-policy', resourceType: 'TABLE', expression: [{ key: 'pii', values: ['low', 'none'] }] });
    expect(grant({}).target.kind).toBe('unknown');
  });

  it('tags, tag assignments, data cells filters, settings', () => {
    expect(mapOne('aws_lakeformation_lf_tag.t', tf('aws_lakeformation_lf_tag.t', { key: 'pii', values: ['high', 'low'] })).facets.lakeformation).toEqual({ tag: { key: 'pii', values: ['high', 'low'] } });
    const a = mapOne('aws_lakeformation_resource_lf_tags.a', tf('aws_lakeformation_resource_lf_tags.a', { database: [{ name: '${aws_glue_catalog_database.d.name}' }], lf_tag: [{ key: 'pii', value: 'high' }] }));
    expect(a.facets.lakeformation?.assignment).toEqual({ target: { kind: 'database', name: '${aws_glue_catalog_database.d.name}' }, tags: [{ key: 'pii', values: ['high'] }] });
    const f = mapOne('aws_lakeformation_data_cells_filter.f', tf('aws_lakeformation_data_cells_filter.f', { table_data: [{ database_name: 'c', table_name: 't', name: 'eu', row_filter: [{ filter_expression: "region='eu'" }], column_wildcard: [{ excluded_column_names: ['email'] }] }] }));
    expect(f.facets.lakeformation?.dataCellsFilter).toEqual({ database: 'c', table: 't', rowFilter: "region='eu'", columns: null, excludedColumns: ['email'] });
    const all = mapOne('aws_lakeformation_data_cells_filter.f', tf('aws_lakeformation_data_cells_filter.f', { table_data: [{ database_name: 'c', table_name: 't', name: 'all', row_filter: [{ all_rows_wildcard: [{}] }], column_names: ['id'] }] }));
    expect(all.facets.lakeformation?.dataCellsFilter).toMatchObject({ rowFilter: null, columns: ['id'], excludedColumns: null });
    const enforced = mapOne('aws_lakeformation_data_lake_settings.s', tf('aws_lakeformation_data_lake_settings.s', { admins: ['arn:aws:iam::1:role/admin'], create_database_default_permissions: [{ principal: 'arn:aws:iam::1:role/admin', permissions: ['ALL'] }] }));
    expect(enforced.facets.lakeformation?.settings).toEqual({ admins: ['arn:aws:iam::1:role/admin'], iamAllowedPrincipalsDefault: false });
    // No default-permission blocks: the provider sends none, which the API reads as Lake Formation permissions.
    expect(mapOne('aws_lakeformation_data_lake_settings.s', tf('aws_lakeformation_data_lake_settings.s', { admins: [] })).facets.lakeformation?.settings?.iamAllowedPrincipalsDefault).toBe(false);
    expect(mapOne('aws_lakeformation_data_lake_settings.s', tf('aws_lakeformation_data_lake_settings.s', { create_table_default_permissions: [{ principal: 'IAM_ALLOWED_PRINCIPALS', permissions: ['ALL'] }] })).facets.lakeformation?.settings?.iamAllowedPrincipalsDefault).toBe(true);
  });
});

describe('CloudTrail, log groups, Kinesis', () => {
  it('a complete trail with classic and advanced selectors', () => {
    const t = mapOne(
      'aws_cloudtrail.t',
      tf('aws_cloudtrail.t', {
        name: 'audit',
        is_multi_region_trail: true,
        enable_log_file_validation: true,
        kms_key_id: KEY,
        event_selector: [{ data_resource: [{ type: 'AWS::DynamoDB::Table', values: ['${aws_dynamodb_table.t.arn}'] }] }],
        advanced_event_selector: [
          { field_selector: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::S3::Object'] }] },
          { field_selector: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::DynamoDB::Table'] }, { field: 'resources.ARN', starts_with: ['arn:aws:dynamodb:eu-west-1:1:table/orders'] }] },
          { field_selector: [{ field: 'eventCategory', equals: ['Management'] }] },
        ],
      }),
    );
    expect(t.facets.trail).toEqual({
      multiRegion: true,
      logFileValidation: true,
      kmsKey: KEY,
      isLogging: true,
      dataEvents: [
        { type: 'AWS::DynamoDB::Table', values: ['${aws_dynamodb_table.t.arn}'] },
        { type: 'AWS::S3::Object', values: ['arn:aws:s3'] },
        { type: 'AWS::DynamoDB::Table', values: ['arn:aws:dynamodb:eu-west-1:1:table/orders'] },
      ],
    });
  });

  it('a bare trail fails every setting', () => {
    expect(mapOne('aws_cloudtrail.t', tf('aws_cloudtrail.t', { enable_logging: false })).facets.trail).toEqual({ multiRegion: false, logFileValidation: false, kmsKey: null, isLogging: false, dataEvents: [] });
  });

  it('log group retention and key; Kinesis encryption', () => {
    expect(mapOne('aws_cloudwatch_log_group.l', tf('aws_cloudwatch_log_group.l', { name: '/x' })).facets).toEqual({ logging: { retentionDays: null }, encryption: { atRest: 'aws-owned', path: 'kms_key_id' } });
    expect(mapOne('aws_cloudwatch_log_group.l', tf('aws_cloudwatch_log_group.l', { retention_in_days: 365, kms_key_id: KEY })).facets).toMatchObject({ logging: { retentionDays: 365 }, encryption: { atRest: 'cmk', keyRef: KEY } });
    expect(mapOne('aws_kinesis_stream.s', tf('aws_kinesis_stream.s', {})).facets.encryption?.atRest).toBe('none');
    expect(mapOne('aws_kinesis_stream.s', tf('aws_kinesis_stream.s', { encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' })).facets.encryption?.atRest).toBe('aws-managed');
    expect(mapOne('aws_kinesis_stream.s', tf('aws_kinesis_stream.s', { encryption_type: 'KMS', kms_key_id: KEY })).facets.encryption?.atRest).toBe('cmk');
  });
});
