'use strict';
/**
 * Generates the benchmark inputs: a `terraform show -json` plan with N resources and a
 * CloudFormation template with M resources, in a realistic mix for a data platform (tables,
 * clusters, roles with policies, keys, buckets, security groups, Glue jobs, secrets), with
 * references between them and values "known after apply" as a real plan has them.
 */

const MIX = ['table', 'table', 'bucket', 'bucket', 'role', 'role', 'key', 'cluster', 'sg', 'job', 'secret', 'policy'];

function tfResource(kind, i) {
  const keyAddr = `aws_kms_key.k${Math.floor(i / MIX.length) * MIX.length + 6}`;
  switch (kind) {
    case 'table':
      return {
        type: 'aws_dynamodb_table', name: `t${i}`,
        values: { name: `orders-${i}`, billing_mode: 'PAY_PER_REQUEST', hash_key: 'pk', attribute: [{ name: 'pk', type: 'S' }], deletion_protection_enabled: i % 3 === 0, point_in_time_recovery: [{ enabled: i % 2 === 0 }], server_side_encryption: [{ enabled: true, kms_key_arn: null }], tags: { data_classification: ['red', 'orange', 'green'][i % 3], owner: 'team-orders' }, tags_all: { data_classification: ['red', 'orange', 'green'][i % 3], owner: 'team-orders' } },
        unknown: { arn: true, id: true, server_side_encryption: [{ kms_key_arn: true }] },
        refs: { 'server_side_encryption.kms_key_arn': [`${keyAddr}.arn`, keyAddr] },
      };
    case 'bucket':
      return {
        type: 'aws_s3_bucket', name: `b${i}`,
        values: { bucket: `data-${i}`, force_destroy: false, tags: { pii: i % 2 ? 'high' : 'none' }, tags_all: { pii: i % 2 ? 'high' : 'none' } },
        unknown: { arn: true, id: true },
      };
    case 'role':
      return {
        type: 'aws_iam_role', name: `r${i}`,
        values: {
          name: `etl-${i}`,
          assume_role_policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
          inline_policy: [{ name: 'data', policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: i % 4 === 0 ? ['dynamodb:*'] : ['dynamodb:GetItem', 'dynamodb:Query', 's3:GetObject'], Resource: i % 4 === 0 ? '*' : [`arn:aws:dynamodb:eu-west-1:111122223333:table/orders-${i}`] }] }) }],
          managed_policy_arns: i % 10 === 0 ? ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] : [],
          tags: {},
        },
        unknown: { arn: true, id: true },
      };
    case 'key':
      return { type: 'aws_kms_key', name: `k${i}`, values: { description: `key ${i}`, enable_key_rotation: i % 5 !== 0, deletion_window_in_days: 30, key_usage: 'ENCRYPT_DECRYPT', customer_master_key_spec: 'SYMMETRIC_DEFAULT', is_enabled: true, tags: {} }, unknown: { arn: true, id: true, key_id: true, policy: true } };
    case 'cluster':
      return {
        type: i % 2 ? 'aws_rds_cluster' : 'aws_redshift_cluster', name: `c${i}`,
        values: i % 2
          ? { cluster_identifier: `db-${i}`, engine: 'aurora-postgresql', storage_encrypted: true, backup_retention_period: i % 4 === 1 ? 1 : 14, deletion_protection: true, iam_database_authentication_enabled: true, manage_master_user_password: true, enabled_cloudwatch_logs_exports: ['postgresql'], tags: { data_classification: 'red' } }
          : { cluster_identifier: `dw-${i}`, node_type: 'ra3.xlplus', encrypted: true, publicly_accessible: false, enhanced_vpc_routing: true, automated_snapshot_retention_period: 7, master_password: i % 6 === 0 ? 'hunter2hunter2' : null, manage_master_password: i % 6 !== 0, tags: { data_classification: 'orange' } },
        unknown: { arn: true, id: true, kms_key_id: true },
      };
    case 'sg':
      return { type: 'aws_security_group', name: `sg${i}`, values: { name: `db-${i}`, ingress: [{ from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: [i % 7 === 0 ? '0.0.0.0/0' : '10.0.0.0/16'], ipv6_cidr_blocks: [], security_groups: [], self: false, prefix_list_ids: [], description: '' }], egress: [], tags: {} }, unknown: { arn: true, id: true, vpc_id: true } };
    case 'job':
      return { type: 'aws_glue_job', name: `j${i}`, values: { name: `etl-${i}`, role_arn: `arn:aws:iam::111122223333:role/etl-${i}`, glue_version: '4.0', command: [{ name: 'glueetl', script_location: `s3://scripts/etl-${i}.py`, python_version: '3' }], default_arguments: { '--enable-continuous-cloudwatch-log': i % 2 ? 'true' : 'false' }, security_configuration: i % 3 ? 'etl-sse-kms' : null, connections: [], tags: {} }, unknown: { arn: true, id: true } };
    case 'secret':
      return { type: 'aws_secretsmanager_secret', name: `s${i}`, values: { name: `db/${i}`, kms_key_id: null, recovery_window_in_days: 30, tags: {} }, unknown: { arn: true, id: true } };
    default:
      return { type: 'aws_iam_policy', name: `p${i}`, values: { name: `read-${i}`, policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:PassRole', 'glue:CreateJob', 'glue:StartJobRun'], Resource: '*' }] }), tags: {} }, unknown: { arn: true, id: true, policy_id: true } };
  }
}

function generatePlan(n) {
  const resources = [];
  const changes = [];
  const config = [];
  for (let i = 0; i < n; i++) {
    const r = tfResource(MIX[i % MIX.length], i);
    const address = `${r.type}.${r.name}`;
    resources.push({ address, mode: 'managed', type: r.type, name: r.name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: r.values, sensitive_values: {} });
    changes.push({ address, mode: 'managed', type: r.type, name: r.name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: r.values, after_unknown: r.unknown, before_sensitive: false, after_sensitive: {} } });
    const expressions = {};
    for (const [attr, refs] of Object.entries(r.refs ?? {})) {
      const parts = attr.split('.');
      if (parts.length === 2) expressions[parts[0]] = [{ [parts[1]]: { references: refs } }];
      else expressions[attr] = { references: refs };
    }
    config.push({ address, mode: 'managed', type: r.type, name: r.name, provider_config_key: 'aws', expressions, schema_version: 0 });
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    configuration: { provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws' } }, root_module: { resources: config } },
  };
}

function cfnResource(kind, i) {
  const key = `Key${Math.floor(i / MIX.length) * MIX.length + 6}`;
  switch (kind) {
    case 'table':
      return { Type: 'AWS::DynamoDB::Table', Properties: { TableName: `orders-${i}`, BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: i % 2 === 0 }, DeletionProtectionEnabled: i % 3 === 0, SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { Ref: key } }, Tags: [{ Key: 'data_classification', Value: ['red', 'orange', 'green'][i % 3] }] } };
    case 'bucket':
      return { Type: 'AWS::S3::Bucket', Properties: { BucketName: `data-${i}`, VersioningConfiguration: { Status: 'Enabled' }, Tags: [{ Key: 'pii', Value: i % 2 ? 'high' : 'none' }] } };
    case 'role':
      return { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, Policies: [{ PolicyName: 'data', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: i % 4 === 0 ? 'dynamodb:*' : ['dynamodb:GetItem', 'dynamodb:Query'], Resource: i % 4 === 0 ? '*' : { 'Fn::GetAtt': [`Table${i - 4 >= 0 ? i - 4 : 0}`, 'Arn'] } }] } }] } };
    case 'key':
      return { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: i % 5 !== 0, KeyPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } }, Action: 'kms:*', Resource: '*' }] } } };
    case 'cluster':
      return { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql', StorageEncrypted: true, KmsKeyId: { Ref: key }, BackupRetentionPeriod: 14, DeletionProtection: true, EnableIAMDatabaseAuthentication: true, ManageMasterUserPassword: true, MasterUsername: 'admin', Tags: [{ Key: 'data_classification', Value: 'red' }] } };
    case 'sg':
      return { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'db', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: i % 7 === 0 ? '0.0.0.0/0' : '10.0.0.0/16' }] } };
    case 'job':
      return { Type: 'AWS::Glue::Job', Properties: { Role: 'etl', Command: { Name: 'glueetl', ScriptLocation: 's3://scripts/etl.py' }, DefaultArguments: { '--enable-continuous-cloudwatch-log': 'true' }, SecurityConfiguration: i % 3 ? 'etl-sse-kms' : { Ref: 'AWS::NoValue' } } };
    case 'secret':
      return { Type: 'AWS::SecretsManager::Secret', Properties: { Name: `db/${i}`, GenerateSecretString: { PasswordLength: 32 } } };
    default:
      return { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:PassRole', 'glue:CreateJob', 'glue:StartJobRun'], Resource: '*' }] } } };
  }
}

function generateTemplate(m) {
  const Resources = {};
  const names = { table: 'Table', bucket: 'Bucket', role: 'Role', key: 'Key', cluster: 'Cluster', sg: 'Sg', job: 'Job', secret: 'Secret', policy: 'Policy' };
  for (let i = 0; i < m; i++) {
    const kind = MIX[i % MIX.length];
    Resources[`${names[kind]}${i}`] = cfnResource(kind, i);
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Description: 'Pillarguard benchmark template', Resources };
}

module.exports = { generatePlan, generateTemplate };
