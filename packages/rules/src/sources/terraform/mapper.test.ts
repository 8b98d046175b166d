import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unknown } from '../../model';
import { mapTerraformResources, TERRAFORM_TO_CFN_TYPE } from './index';
import { mapOne, tf } from './test-support';

const KEY = '${aws_kms_key.k.arn}';

describe('common mapping', () => {
  it('uses the address as id, the physical name, tags_all over tags, the ARN when known', () => {
    const r = mapOne(
      'aws_dynamodb_table.t',
      tf('aws_dynamodb_table.t', { name: 'orders', arn: 'arn:aws:dynamodb:eu-west-1:1:table/orders', tags: { a: '1' }, tags_all: { a: '1', owner: 'x' } }),
    );
    expect(r).toMatchObject({ id: 'aws_dynamodb_table.t', type: 'AWS::DynamoDB::Table', sourceType: 'aws_dynamodb_table', name: 'orders', arn: 'arn:aws:dynamodb:eu-west-1:1:table/orders', tags: { a: '1', owner: 'x' } });
  });

  it('falls back to tags when tags_all is unknown, and reports an unknown tag set', () => {
    expect(mapOne('aws_s3_bucket.b', tf('aws_s3_bucket.b', { tags: { a: '1' }, tags_all: unknown('known after apply') })).tags).toEqual({ a: '1' });
    const r = mapOne('aws_s3_bucket.b', tf('aws_s3_bucket.b', { tags: unknown('var.tags has no default') }));
    expect(r.tagsUnknown).toBe('var.tags has no default');
  });

  it('passes property lines through', () => {
    const input = { ...tf('aws_kms_key.k', { enable_key_rotation: false }), propertyLines: { enable_key_rotation: 7 } };
    expect(mapOne('aws_kms_key.k', input).propertyLines).toEqual({ enable_key_rotation: 7 });
  });

  it('keeps unknown provider types with empty facets and drops unused data sources', () => {
    const { resources } = mapTerraformResources([tf('aws_lambda_function.f', { function_name: 'f' }), tf('data.aws_caller_identity.me', {}, 'data'), tf('random_password.p', { length: 32 })]);
    expect(resources.map((r) => [r.id, r.type, r.facets])).toEqual([
      ['aws_lambda_function.f', 'Terraform::aws_lambda_function', {}],
      ['random_password.p', 'Terraform::random_password', {}],
    ]);
  });

  it('maps every MAPPING.md Terraform type to a canonical type', () => {
    for (const [tfType, cfn] of Object.entries(TERRAFORM_TO_CFN_TYPE)) {
      expect(cfn).toMatch(/^(AWS|Pillarguard)::/);
      expect(tfType).toMatch(/^aws_/);
    }
    expect(TERRAFORM_TO_CFN_TYPE.aws_lakeformation_permissions).toBe('AWS::LakeFormation::PrincipalPermissions');
    // Every type the registry maps is documented in MAPPING.md.
    const mapping = readFileSync(join(__dirname, '../MAPPING.md'), 'utf8');
    expect(Object.keys(TERRAFORM_TO_CFN_TYPE).filter((t) => !new RegExp(`\\b${t}\\b`).test(mapping))).toEqual([]);
    expect(Object.keys(TERRAFORM_TO_CFN_TYPE)).toHaveLength(60);
  });

  it('never throws on odd shapes', () => {
    const odd = [null, 1, 'x', [], [1, 'a'], { a: [null] }, unknown('u')];
    for (const type of Object.keys(TERRAFORM_TO_CFN_TYPE)) {
      for (const v of odd) {
        const values = Object.fromEntries(['name', 'bucket', 'policy', 'ingress', 'statement', 'server_side_encryption', 'rule', 'table', 'lf_tag', 'event_selector', 'parameter', 'tags', 'secret_string', 'connection_properties', 'replica', 'inline_policy', 'advanced_event_selector', 'table_data'].map((k) => [k, v as never]));
        expect(() => mapTerraformResources([tf(`${type}.x`, values)])).not.toThrow();
      }
    }
  });
});

describe('DynamoDB', () => {
  it.each([
    [{}, 'aws-owned', undefined],
    [{ server_side_encryption: [{ enabled: false }] }, 'aws-owned', undefined],
    [{ server_side_encryption: [{ enabled: true }] }, 'aws-managed', undefined],
    [{ server_side_encryption: [{ enabled: true, kms_key_arn: 'alias/aws/dynamodb' }] }, 'aws-managed', 'alias/aws/dynamodb'],
    [{ server_side_encryption: [{ enabled: true, kms_key_arn: KEY }] }, 'cmk', KEY],
  ])('encryption %j → %s', (values, atRest, keyRef) => {
    const e = mapOne('aws_dynamodb_table.t', tf('aws_dynamodb_table.t', values)).facets.encryption!;
    expect(e.atRest).toBe(atRest);
    expect(e.keyRef).toBe(keyRef);
  });

  it('unknown key ⇒ unknown encryption', () => {
    const e = mapOne('aws_dynamodb_table.t', tf('aws_dynamodb_table.t', { server_side_encryption: [{ enabled: true, kms_key_arn: unknown('known after apply') }] })).facets.encryption!;
    expect(e.atRest).toMatchObject({ kind: 'unknown' });
  });

  it('pitr, deletion protection and stream: defaults and set values', () => {
    const off = mapOne('aws_dynamodb_table.t', tf('aws_dynamodb_table.t', { name: 'x' }));
    expect(off.facets.backup).toEqual({ pitr: false, deletionProtection: false });
    expect(off.facets.dynamodb).toEqual({ tableName: 'x', stream: false });
    const on = mapOne('aws_dynamodb_table.t', tf('aws_dynamodb_table.t', { name: 'x', point_in_time_recovery: [{ enabled: true }], deletion_protection_enabled: true, stream_enabled: true }));
    expect(on.facets.backup).toEqual({ pitr: true, deletionProtection: true });
    expect(on.facets.dynamodb?.stream).toBe(true);
    expect(on.facetPaths).toMatchObject({ 'backup.pitr': 'point_in_time_recovery.enabled', 'backup.deletionProtection': 'deletion_protection_enabled' });
    expect(mapOne('aws_dynamodb_table.t', tf('aws_dynamodb_table.t', { point_in_time_recovery: [{ enabled: unknown('var.pitr has no default') }] })).facets.backup?.pitr).toEqual(unknown('var.pitr has no default'));
  });

  it('a table with replicas is a global table; a replica without PITR fails PITR', () => {
    const ok = mapOne('aws_dynamodb_table.t', tf('aws_dynamodb_table.t', { point_in_time_recovery: [{ enabled: true }], replica: [{ region_name: 'eu-central-1', point_in_time_recovery: true }] }));
    expect(ok.type).toBe('AWS::DynamoDB::GlobalTable');
    expect(ok.facets.backup?.pitr).toBe(true);
    const bad = mapOne('aws_dynamodb_table.t', tf('aws_dynamodb_table.t', { point_in_time_recovery: [{ enabled: true }], replica: [{ region_name: 'eu-central-1' }] }));
    expect(bad.facets.backup?.pitr).toBe(false);
    expect(bad.facetPaths?.['backup.pitr']).toBe('replica[0].point_in_time_recovery');
  });
});

describe('Redshift', () => {
  it('secure cluster', () => {
    const c = mapOne(
      'aws_redshift_cluster.c',
      tf('aws_redshift_cluster.c', { cluster_identifier: 'dw', publicly_accessible: false, enhanced_vpc_routing: true, encrypted: true, kms_key_id: KEY, automated_snapshot_retention_period: 14, cluster_parameter_group_name: '${aws_redshift_parameter_group.p.name}', manage_master_password: true, iam_roles: ['${aws_iam_role.r.arn}'], vpc_security_group_ids: ['${aws_security_group.s.id}'] }),
    );
    expect(c.facets).toMatchObject({
      publicAccess: { publiclyAccessible: false },
      network: { enhancedVpcRouting: true, securityGroups: ['${aws_security_group.s.id}'] },
      encryption: { atRest: 'cmk', keyRef: KEY },
      backup: { snapshotRetentionDays: 14 },
      logging: { auditLogging: false },
      database: { parameterGroup: '${aws_redshift_parameter_group.p.name}' },
      credentials: { plaintextPassword: false, managedMasterPassword: true, iamRoles: ['${aws_iam_role.r.arn}'] },
    });
  });

  it('insecure cluster and provider defaults', () => {
    const c = mapOne('aws_redshift_cluster.c', tf('aws_redshift_cluster.c', { master_password: 'Mustbe8characters' }));
    expect(c.facets).toMatchObject({ publicAccess: { publiclyAccessible: true }, encryption: { atRest: 'none' }, backup: { snapshotRetentionDays: 1 }, credentials: { plaintextPassword: true, passwordPath: 'master_password' } });
    expect(mapOne('aws_redshift_cluster.c', tf('aws_redshift_cluster.c', { encrypted: true })).facets.encryption?.atRest).toBe('aws-managed');
    expect(mapOne('aws_redshift_cluster.c', tf('aws_redshift_cluster.c', { logging: [{ enable: true }] })).facets.logging?.auditLogging).toBe(true);
  });

  it('parameter group, serverless workgroup and namespace', () => {
    const pg = mapOne('aws_redshift_parameter_group.p', tf('aws_redshift_parameter_group.p', { name: 'p', family: 'redshift-1.0', parameter: [{ name: 'require_ssl', value: 'true' }] }));
    expect(pg.facets.database).toEqual({ family: 'redshift-1.0', parameters: { require_ssl: 'true' } });
    const wg = mapOne('aws_redshiftserverless_workgroup.w', tf('aws_redshiftserverless_workgroup.w', { workgroup_name: 'w', publicly_accessible: true, config_parameter: [{ parameter_key: 'require_ssl', parameter_value: 'false' }] }));
    expect(wg.facets).toMatchObject({ publicAccess: { publiclyAccessible: true }, network: { enhancedVpcRouting: false }, database: { parameters: { require_ssl: 'false' } } });
    expect(wg.name).toBe('w');
    const ns = mapOne('aws_redshiftserverless_namespace.n', tf('aws_redshiftserverless_namespace.n', { namespace_name: 'n', admin_user_password: 'literal-Passw0rd', log_exports: ['userlog', 'useractivitylog'] }));
    expect(ns.facets).toMatchObject({ encryption: { atRest: 'aws-owned' }, credentials: { plaintextPassword: true, managedMasterPassword: false }, logging: { logExports: ['userlog', 'useractivitylog'] } });
    const ns2 = mapOne('aws_redshiftserverless_namespace.n', tf('aws_redshiftserverless_namespace.n', { kms_key_id: KEY, manage_admin_password: true }));
    expect(ns2.facets).toMatchObject({ encryption: { atRest: 'cmk' }, credentials: { plaintextPassword: false, managedMasterPassword: true } });
  });

  it('folds aws_redshift_logging by address and by identifier', () => {
    const byRef = mapOne('aws_redshift_cluster.c', tf('aws_redshift_cluster.c', { cluster_identifier: 'dw' }), tf('aws_redshift_logging.l', { cluster_identifier: '${aws_redshift_cluster.c.id}' }));
    expect(byRef.facets.logging?.auditLogging).toBe(true);
    const byName = mapTerraformResources([tf('aws_redshift_cluster.c', { cluster_identifier: 'dw' }), tf('aws_redshift_logging.l', { cluster_identifier: 'dw' })]);
    expect(byName.resources).toHaveLength(1);
    expect(byName.resources[0].facets.logging?.auditLogging).toBe(true);
  });
});

describe('RDS / Aurora', () => {
  it('secure Aurora cluster', () => {
    const c = mapOne(
      'aws_rds_cluster.c',
      tf('aws_rds_cluster.c', { cluster_identifier: 'db', engine: 'aurora-postgresql', storage_encrypted: true, kms_key_id: KEY, backup_retention_period: 14, deletion_protection: true, manage_master_user_password: true, iam_database_authentication_enabled: true, enabled_cloudwatch_logs_exports: ['postgresql'], db_cluster_parameter_group_name: 'pg' }),
    );
    expect(c.facets).toMatchObject({
      database: { engine: 'aurora-postgresql', parameterGroup: 'pg' },
      encryption: { atRest: 'cmk', keyRef: KEY },
      backup: { retentionDays: 14, deletionProtection: true },
      credentials: { plaintextPassword: false, managedMasterPassword: true, iamAuth: true },
      logging: { logExports: ['postgresql'] },
    });
    expect(c.facets.publicAccess).toBeUndefined();
  });

  it('insecure cluster: literal password, no encryption, defaults', () => {
    const c = mapOne('aws_rds_cluster.c', tf('aws_rds_cluster.c', { engine: 'Aurora-MySQL', master_password: 'hunter2hunter2' }));
    expect(c.facets).toMatchObject({ database: { engine: 'aurora-mysql' }, encryption: { atRest: 'none' }, backup: { retentionDays: 1, deletionProtection: false }, credentials: { plaintextPassword: true, passwordPath: 'master_password', iamAuth: false }, logging: { logExports: [] } });
    expect(mapOne('aws_rds_cluster.c', tf('aws_rds_cluster.c', { engine_mode: 'serverless' })).facets.encryption?.atRest).toBe('aws-managed');
  });

  it.each([
    ['${aws_secretsmanager_secret_version.s.secret_string}', false],
    ['${var.db_password}', false],
    [unknown('var.db_password has no default'), unknown('var.db_password has no default')],
    ['prefix-${var.x}', { kind: 'unknown' }],
    ['Literal-Passw0rd', true],
  ])('password %j ⇒ plaintextPassword %j', (password, expected) => {
    const actual = mapOne('aws_db_instance.d', tf('aws_db_instance.d', { password })).facets.credentials?.plaintextPassword;
    if (typeof expected === 'boolean') expect(actual).toBe(expected);
    else expect(actual).toMatchObject(expected);
  });

  it('standalone instance and Aurora instance', () => {
    const d = mapOne('aws_db_instance.d', tf('aws_db_instance.d', { identifier: 'rep', engine: 'mysql', publicly_accessible: true, storage_encrypted: false, parameter_group_name: 'mysql8', vpc_security_group_ids: ['sg-1'] }));
    expect(d.facets).toMatchObject({ publicAccess: { publiclyAccessible: true }, encryption: { atRest: 'none' }, database: { engine: 'mysql', instanceParameterGroup: 'mysql8' }, network: { securityGroups: ['sg-1'] } });
    const i = mapOne('aws_rds_cluster_instance.i[0]', tf('aws_rds_cluster_instance.i[0]', { identifier: 'i1', cluster_identifier: '${aws_rds_cluster.c.id}', engine: 'aurora-postgresql', db_parameter_group_name: 'ipg' }));
    expect(i.type).toBe('AWS::RDS::DBInstance');
    expect(i.facets).toEqual({ database: { engine: 'aurora-postgresql', cluster: '${aws_rds_cluster.c.id}', instanceParameterGroup: 'ipg' }, publicAccess: { publiclyAccessible: false } });
  });

  it('parameter groups', () => {
    const p = mapOne('aws_rds_cluster_parameter_group.p', tf('aws_rds_cluster_parameter_group.p', { family: 'aurora-postgresql16', parameter: [{ name: 'rds.force_ssl', value: '1' }, { name: 'pgaudit.log', value: unknown('var.x') }] }));
    expect(p.type).toBe('AWS::RDS::DBClusterParameterGroup');
    expect(p.facets.database).toEqual({ family: 'aurora-postgresql16', parameters: { 'rds.force_ssl': '1', 'pgaudit.log': unknown('var.x') } });
    expect(mapOne('aws_db_parameter_group.p', tf('aws_db_parameter_group.p', { family: 'mysql8.0' })).type).toBe('AWS::RDS::DBParameterGroup');
  });
});

describe('network', () => {
  it('security group ingress rules, open and closed', () => {
    const sg = mapOne(
      'aws_security_group.s',
      tf('aws_security_group.s', {
        vpc_id: '${aws_vpc.v.id}',
        ingress: [
          { protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [] },
          { protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: [], ipv6_cidr_blocks: ['::/0'] },
          { protocol: '6', from_port: 3306, to_port: 3306, security_groups: ['sg-1'] },
        ],
      }),
    );
    expect(sg.facets.network).toEqual({
      vpc: '${aws_vpc.v.id}',
      ingress: [
        { protocol: 'tcp', fromPort: 5432, toPort: 5432, cidrs: ['0.0.0.0/0'], path: 'ingress[0]' },
        { protocol: '-1', fromPort: -1, toPort: -1, cidrs: ['::/0'], path: 'ingress[1]' },
        { protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrs: [], path: 'ingress[2]' },
      ],
    });
  });

  it('separate ingress rule resources point at their group; egress carries nothing', () => {
    const rule = mapOne('aws_security_group_rule.r', tf('aws_security_group_rule.r', { type: 'ingress', protocol: 'tcp', from_port: 5439, to_port: 5439, cidr_blocks: ['0.0.0.0/0'], security_group_id: '${aws_security_group.s.id}' }));
    expect(rule.type).toBe('AWS::EC2::SecurityGroupIngress');
    expect(rule.facets.network).toMatchObject({ ingress: [{ protocol: 'tcp', fromPort: 5439, toPort: 5439, cidrs: ['0.0.0.0/0'] }], securityGroups: ['${aws_security_group.s.id}'] });
    expect(mapOne('aws_security_group_rule.e', tf('aws_security_group_rule.e', { type: 'egress' })).type).toBe('AWS::EC2::SecurityGroupEgress');
    const v = mapOne('aws_vpc_security_group_ingress_rule.r', tf('aws_vpc_security_group_ingress_rule.r', { security_group_id: 'sg-1', ip_protocol: 'tcp', from_port: 3306, to_port: 3306, cidr_ipv4: '10.0.0.0/8' }));
    expect(v.facets.network).toMatchObject({ ingress: [{ protocol: 'tcp', fromPort: 3306, toPort: 3306, cidrs: ['10.0.0.0/8'] }], securityGroups: ['sg-1'] });
  });

  it('VPC endpoint defaults to Gateway', () => {
    const e = mapOne('aws_vpc_endpoint.e', tf('aws_vpc_endpoint.e', { service_name: 'com.amazonaws.eu-west-1.dynamodb', vpc_id: '${aws_vpc.v.id}' }));
    expect(e.facets.network).toEqual({ endpointService: 'com.amazonaws.eu-west-1.dynamodb', endpointType: 'Gateway', vpc: '${aws_vpc.v.id}' });
    expect(mapOne('aws_vpc_endpoint.e', tf('aws_vpc_endpoint.e', { vpc_endpoint_type: 'Interface' })).facets.network?.endpointType).toBe('Interface');
    expect(mapOne('aws_vpc.v', tf('aws_vpc.v', {})).type).toBe('AWS::EC2::VPC');
  });
});
