import type { ParityCase, PlanResource } from '../harness';

/*
 * Parity cases for the data-store rules: DynamoDB, Redshift (provisioned and serverless),
 * RDS/Aurora, security groups and S3. Each resource is written by a small builder that emits it
 * the way each tool writes it — a CloudFormation template (long-form intrinsics), a Terraform
 * `main.tf`, the compact plan resource list (values as the AWS provider v5 plans them,
 * `unknown` for computed attributes, `references` for attributes set from other resources) and
 * AWS Config configuration items (shapes from the AWS Config resource schema) — so one case
 * changes one setting and every format carries the same change.
 */

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const CMK_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const CMK_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${CMK_ID}`;
const AWS_KEY_ID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const AWS_KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${AWS_KEY_ID}`;
const COPY_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/redshift-copy`;
const VPC_ID = 'vpc-0a1b2c3d4e5f60718';
const SG_ID = 'sg-0f1e2d3c4b5a69788';

type Case = Omit<ParityCase, 'name' | 'rule' | 'expect'>;

/** Why a case with an undecided input has no plan / Config variant. */
const UNDECIDED = {
  plan: 'a plan has the value of every variable, so the setting is never undecided there',
  config: 'AWS Config records the deployed value, never an undecided one',
};
const NO_CONFIG_RDS_PARAMS = 'AWS Config does not record RDS parameter groups (AWS::RDS::DBClusterParameterGroup / DBParameterGroup), so their values cannot be read from Config';
/**
 * `server_side_encryption { enabled = true }` plans `kms_key_arn` as known after apply. Terraform
 * lists the literal block in `configuration.expressions` (`constant_value`), which tells the plan
 * adapter the key is provider-computed; the harness writes reference expressions only, so the
 * adapter must assume a `dynamic` block and answers unknown. The real plan shape is covered by
 * src/sources/terraform-plan/blocks.test.ts.
 */
const HARNESS_LITERAL_BLOCKS = 'the harness plan writer emits only reference expressions, not the constant_value expressions Terraform writes for a literal server_side_encryption block, so it cannot express a computed key inside a literal block (see terraform-plan/blocks.test.ts)';
const NO_CONFIG_SERVERLESS = 'AWS Config does not record Redshift Serverless workgroups or namespaces';

function cfn(resources: string[], parameters: string[] = []): string {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"'];
  if (parameters.length) out.push('Parameters:', ...parameters);
  out.push('Resources:', ...resources);
  return out.join('\n') + '\n';
}

/** A CloudFormation parameter without a default: its value is only known at deploy time. */
function cfnParam(name: string, allowed?: string[]): string[] {
  return [`  ${name}:`, '    Type: String', ...(allowed ? [`    AllowedValues: [${allowed.map((a) => JSON.stringify(a)).join(', ')}]`] : [])];
}

function cfnTags(level: string | undefined, indent: string): string[] {
  return level ? [`${indent}Tags:`, `${indent}  - Key: data_classification`, `${indent}    Value: ${level}`] : [];
}

function tfTags(level: string | undefined): string[] {
  return level ? ['  tags = {', `    data_classification = "${level}"`, '  }'] : [];
}

function planTags(level: string | undefined): Record<string, unknown> {
  return level ? { tags: { data_classification: level }, tags_all: { data_classification: level } } : { tags: null, tags_all: {} };
}

function configTags(level: string | undefined): Record<string, string> {
  return level ? { data_classification: level } : {};
}

/** HCL literal or variable reference for a setting. */
function hcl(v: unknown, variable: string): string {
  return v === 'var' ? `var.${variable}` : typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** CloudFormation value or `Ref` to a parameter for a setting. */
function yamlValue(v: unknown, param: string, indent: string): string {
  if (v === 'var') return `\n${indent}  Ref: ${param}`;
  return ` ${typeof v === 'string' ? JSON.stringify(v) : String(v)}`;
}

function tfVariable(name: string, type: string): string {
  return `variable "${name}" {\n  type = ${type}\n}\n`;
}

// ---------------------------------------------------------------------------------------------
// KMS key used by the data stores

const CFN_KEY = ['  DataKey:', '    Type: AWS::KMS::Key', '    Properties:', '      Description: data platform key', '      EnableKeyRotation: true'];
const TF_KEY = 'resource "aws_kms_key" "data" {\n  description         = "data platform key"\n  enable_key_rotation = true\n}\n';
const PLAN_KEY: PlanResource = {
  address: 'aws_kms_key.data',
  type: 'aws_kms_key',
  values: { bypass_policy_lockout_safety_check: false, custom_key_store_id: null, customer_master_key_spec: 'SYMMETRIC_DEFAULT', deletion_window_in_days: null, description: 'data platform key', enable_key_rotation: true, is_enabled: true, key_usage: 'ENCRYPT_DECRYPT', tags: null, xks_key_id: null },
  unknown: { arn: true, id: true, key_id: true, multi_region: true, policy: true, rotation_period_in_days: true, tags_all: true },
};

function configKey(id: string, arn: string, manager: 'CUSTOMER' | 'AWS'): Record<string, unknown> {
  return {
    resourceType: 'AWS::KMS::Key',
    resourceId: id,
    ARN: arn,
    configuration: { awsaccountId: ACCOUNT, keyId: id, arn, creationDate: '2026-01-12T09:30:00.000Z', enabled: true, description: manager === 'AWS' ? 'Default key that protects my data when no other key is defined' : 'data platform key', keyUsage: 'ENCRYPT_DECRYPT', keyState: 'Enabled', origin: 'AWS_KMS', keyManager: manager, customerMasterKeySpec: 'SYMMETRIC_DEFAULT', keySpec: 'SYMMETRIC_DEFAULT', encryptionAlgorithms: ['SYMMETRIC_DEFAULT'], multiRegion: false },
    supplementaryConfiguration: { KeyRotationStatus: true },
  };
}

// ---------------------------------------------------------------------------------------------
// DynamoDB

interface TableOpts {
  level?: string;
  /** `owned`: no SSE specification; `managed`: SSE on without a key; `cmk`: the data key. */
  sse?: 'owned' | 'managed' | 'cmk';
  pitr?: boolean | 'var';
  deletionProtection?: boolean | 'var';
}

function table(o: TableOpts): Case {
  const sse = o.sse ?? 'owned';
  const pitr = o.pitr ?? true;
  const dp = o.deletionProtection ?? true;
  const params = [...(pitr === 'var' ? cfnParam('EnablePitr', ['true', 'false']) : []), ...(dp === 'var' ? cfnParam('ProtectTable', ['true', 'false']) : [])];
  const cfnTable = [
    '  OrdersTable:',
    '    Type: AWS::DynamoDB::Table',
    '    Properties:',
    '      TableName: orders',
    '      BillingMode: PAY_PER_REQUEST',
    '      AttributeDefinitions:',
    '        - AttributeName: pk',
    '          AttributeType: S',
    '      KeySchema:',
    '        - AttributeName: pk',
    '          KeyType: HASH',
    ...(sse === 'owned' ? [] : ['      SSESpecification:', '        SSEEnabled: true', ...(sse === 'cmk' ? ['        SSEType: KMS', '        KMSMasterKeyId:', '          Fn::GetAtt: [DataKey, Arn]'] : [])]),
    '      PointInTimeRecoverySpecification:',
    `        PointInTimeRecoveryEnabled:${yamlValue(pitr, 'EnablePitr', '        ')}`,
    `      DeletionProtectionEnabled:${yamlValue(dp, 'ProtectTable', '      ')}`,
    ...cfnTags(o.level, '      '),
  ];
  const tf = [
    ...(pitr === 'var' ? [tfVariable('enable_pitr', 'bool')] : []),
    ...(dp === 'var' ? [tfVariable('protect_table', 'bool')] : []),
    ...(sse === 'cmk' ? [TF_KEY] : []),
    [
      'resource "aws_dynamodb_table" "orders" {',
      '  name         = "orders"',
      '  billing_mode = "PAY_PER_REQUEST"',
      '  hash_key     = "pk"',
      '',
      '  attribute {',
      '    name = "pk"',
      '    type = "S"',
      '  }',
      ...(sse === 'owned' ? [] : ['', '  server_side_encryption {', '    enabled     = true', ...(sse === 'cmk' ? ['    kms_key_arn = aws_kms_key.data.arn'] : []), '  }']),
      '',
      '  point_in_time_recovery {',
      `    enabled = ${hcl(pitr, 'enable_pitr')}`,
      '  }',
      '',
      `  deletion_protection_enabled = ${hcl(dp, 'protect_table')}`,
      ...tfTags(o.level),
      '}',
    ].join('\n') + '\n',
  ].join('\n');
  const undecided = pitr === 'var' || dp === 'var';
  const planTable: PlanResource = {
    address: 'aws_dynamodb_table.orders',
    type: 'aws_dynamodb_table',
    values: {
      attribute: [{ name: 'pk', type: 'S' }],
      billing_mode: 'PAY_PER_REQUEST',
      deletion_protection_enabled: dp,
      global_secondary_index: [],
      hash_key: 'pk',
      import_table: [],
      local_secondary_index: [],
      name: 'orders',
      on_demand_throughput: [],
      point_in_time_recovery: [{ enabled: pitr }],
      range_key: null,
      replica: [],
      restore_date_time: null,
      restore_source_name: null,
      restore_source_table_arn: null,
      restore_to_latest_time: null,
      server_side_encryption: sse === 'owned' ? [] : [{ enabled: true }],
      stream_enabled: null,
      table_class: 'STANDARD',
      timeouts: null,
      ttl: [],
      ...planTags(o.level),
    },
    unknown: {
      arn: true,
      id: true,
      read_capacity: true,
      stream_arn: true,
      stream_label: true,
      stream_view_type: true,
      write_capacity: true,
      point_in_time_recovery: [{ recovery_period_in_days: true }],
      ...(sse === 'owned' ? {} : { server_side_encryption: [{ kms_key_arn: true }] }),
    },
    ...(sse === 'cmk' ? { references: { 'server_side_encryption.kms_key_arn': ['aws_kms_key.data.arn', 'aws_kms_key.data'] } } : {}),
  };
  const tableArn = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders`;
  const configTable = {
    resourceType: 'AWS::DynamoDB::Table',
    resourceId: 'orders',
    resourceName: 'orders',
    ARN: tableArn,
    configuration: {
      attributeDefinitions: [{ attributeName: 'pk', attributeType: 'S' }],
      tableName: 'orders',
      keySchema: [{ attributeName: 'pk', keyType: 'HASH' }],
      tableStatus: 'ACTIVE',
      creationDateTime: 1768210200000,
      provisionedThroughput: { numberOfDecreasesToday: 0, readCapacityUnits: 0, writeCapacityUnits: 0 },
      tableSizeBytes: 0,
      itemCount: 0,
      tableArn,
      tableId: '4f6e1b7a-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
      billingModeSummary: { billingMode: 'PAY_PER_REQUEST', lastUpdateToPayPerRequestDateTime: 1768210200000 },
      ...(sse === 'owned' ? {} : { ssedescription: { status: 'ENABLED', ssetype: 'KMS', kmsmasterKeyArn: sse === 'cmk' ? CMK_ARN : AWS_KEY_ARN } }),
      deletionProtectionEnabled: dp,
    },
    supplementaryConfiguration: {
      ContinuousBackupsDescription: { continuousBackupsStatus: 'ENABLED', pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: pitr ? 'ENABLED' : 'DISABLED' } },
    },
    tags: configTags(o.level),
  };
  return {
    target: { cloudformation: 'OrdersTable', terraform: 'aws_dynamodb_table.orders', config: tableArn },
    cloudformation: cfn([...(sse === 'cmk' ? CFN_KEY : []), ...cfnTable], params),
    terraform: tf,
    ...(undecided
      ? { omit: UNDECIDED }
      : {
          plan: [...(sse === 'cmk' ? [PLAN_KEY] : []), planTable],
          config: [...(sse === 'cmk' ? [configKey(CMK_ID, CMK_ARN, 'CUSTOMER')] : sse === 'managed' ? [configKey(AWS_KEY_ID, AWS_KEY_ARN, 'AWS')] : []), configTable],
        }),
  };
}

// ---------------------------------------------------------------------------------------------
// VPC and the DynamoDB gateway endpoint

function vpcWithEndpoint(endpoint: 'gateway' | 'interface' | 'none' | 'var'): Case {
  const service = `com.amazonaws.${REGION}.dynamodb`;
  const type = endpoint === 'interface' ? 'Interface' : endpoint === 'var' ? 'var' : 'Gateway';
  const cfnVpc = ['  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: 10.0.0.0/16', '      EnableDnsSupport: true', '      EnableDnsHostnames: true'];
  const cfnRt = ['  PrivateRouteTable:', '    Type: AWS::EC2::RouteTable', '    Properties:', '      VpcId:', '        Ref: Vpc'];
  const cfnEndpoint =
    endpoint === 'none'
      ? []
      : [
          '  DynamoDbEndpoint:',
          '    Type: AWS::EC2::VPCEndpoint',
          '    Properties:',
          '      VpcId:',
          '        Ref: Vpc',
          '      ServiceName:',
          '        Fn::Sub: com.amazonaws.${AWS::Region}.dynamodb',
          `      VpcEndpointType:${yamlValue(type, 'EndpointType', '      ')}`,
          ...(type === 'Gateway' ? ['      RouteTableIds:', '        - Ref: PrivateRouteTable'] : []),
        ];
  const tf = [
    ...(endpoint === 'var' ? [tfVariable('endpoint_type', 'string')] : []),
    'resource "aws_vpc" "main" {\n  cidr_block           = "10.0.0.0/16"\n  enable_dns_support   = true\n  enable_dns_hostnames = true\n}\n',
    'resource "aws_route_table" "private" {\n  vpc_id = aws_vpc.main.id\n}\n',
    ...(endpoint === 'none'
      ? []
      : [
          [
            'resource "aws_vpc_endpoint" "dynamodb" {',
            '  vpc_id            = aws_vpc.main.id',
            `  service_name      = "com.amazonaws.${REGION}.dynamodb"`,
            `  vpc_endpoint_type = ${hcl(type, 'endpoint_type')}`,
            ...(type === 'Gateway' ? ['  route_table_ids   = [aws_route_table.private.id]'] : []),
            '}',
          ].join('\n') + '\n',
        ]),
  ].join('\n');
  const plan: PlanResource[] = [
    {
      address: 'aws_vpc.main',
      type: 'aws_vpc',
      values: { assign_generated_ipv6_cidr_block: null, cidr_block: '10.0.0.0/16', enable_dns_hostnames: true, enable_dns_support: true, instance_tenancy: 'default', ipv4_ipam_pool_id: null, ipv4_netmask_length: null, ipv6_ipam_pool_id: null, ipv6_netmask_length: null, tags: null },
      unknown: { arn: true, default_network_acl_id: true, default_route_table_id: true, default_security_group_id: true, dhcp_options_id: true, id: true, ipv6_association_id: true, ipv6_cidr_block: true, main_route_table_id: true, owner_id: true, tags_all: true },
    },
    {
      address: 'aws_route_table.private',
      type: 'aws_route_table',
      values: { tags: null, timeouts: null },
      unknown: { arn: true, id: true, owner_id: true, propagating_vgws: true, route: true, tags_all: true, vpc_id: true },
      references: { vpc_id: ['aws_vpc.main.id', 'aws_vpc.main'] },
    },
  ];
  if (endpoint !== 'none') {
    plan.push({
      address: 'aws_vpc_endpoint.dynamodb',
      type: 'aws_vpc_endpoint',
      values: { auto_accept: null, ip_address_type: type === 'Gateway' ? null : 'ipv4', private_dns_enabled: false, service_name: service, tags: null, timeouts: null, vpc_endpoint_type: type },
      unknown: { arn: true, cidr_blocks: true, dns_entry: true, dns_options: true, id: true, network_interface_ids: true, owner_id: true, policy: true, prefix_list_id: true, requester_managed: true, route_table_ids: true, security_group_ids: true, state: true, subnet_configuration: true, subnet_ids: true, tags_all: true, vpc_id: true },
      references: { vpc_id: ['aws_vpc.main.id', 'aws_vpc.main'], ...(type === 'Gateway' ? { route_table_ids: ['aws_route_table.private.id', 'aws_route_table.private'] } : {}) },
    });
  }
  const vpcArn = `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/${VPC_ID}`;
  const config: Array<Record<string, unknown>> = [
    {
      resourceType: 'AWS::EC2::VPC',
      resourceId: VPC_ID,
      ARN: vpcArn,
      configuration: { cidrBlock: '10.0.0.0/16', dhcpOptionsId: 'dopt-0a1b2c3d', state: 'available', vpcId: VPC_ID, ownerId: ACCOUNT, instanceTenancy: 'default', ipv6CidrBlockAssociationSet: [], cidrBlockAssociationSet: [{ associationId: 'vpc-cidr-assoc-0a1b2c3d', cidrBlock: '10.0.0.0/16', cidrBlockState: { state: 'associated' } }], isDefault: false, tags: [] },
      supplementaryConfiguration: {},
    },
  ];
  if (endpoint !== 'none') {
    const id = 'vpce-0a1b2c3d4e5f60718';
    config.push({
      resourceType: 'AWS::EC2::VPCEndpoint',
      resourceId: id,
      ARN: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc-endpoint/${id}`,
      configuration: {
        vpcEndpointId: id,
        vpcEndpointType: type,
        vpcId: VPC_ID,
        serviceName: service,
        state: 'available',
        policyDocument: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
        routeTableIds: type === 'Gateway' ? ['rtb-0a1b2c3d4e5f60718'] : [],
        subnetIds: type === 'Gateway' ? [] : ['subnet-0a1b2c3d4e5f60718'],
        groups: type === 'Gateway' ? [] : [{ groupId: SG_ID, groupName: 'endpoints' }],
        privateDnsEnabled: type !== 'Gateway',
        requesterManaged: false,
        networkInterfaceIds: type === 'Gateway' ? [] : ['eni-0a1b2c3d4e5f60718'],
        dnsEntries: [],
        creationTimestamp: '2026-01-12T09:30:00.000Z',
        ownerId: ACCOUNT,
      },
    });
  }
  return {
    target: { cloudformation: 'Vpc', terraform: 'aws_vpc.main', config: vpcArn },
    cloudformation: cfn([...cfnVpc, ...cfnRt, ...cfnEndpoint], endpoint === 'var' ? cfnParam('EndpointType', ['Gateway', 'Interface']) : []),
    terraform: tf,
    ...(endpoint === 'var' ? { omit: UNDECIDED } : { plan, config }),
  };
}

// ---------------------------------------------------------------------------------------------
// Redshift provisioned cluster (+ parameter group, logging)

interface ClusterOpts {
  level?: string;
  public?: boolean | 'var';
  enhancedVpcRouting?: boolean | 'var';
  encryption?: 'none' | 'cmk' | 'var';
  retention?: number | 'var';
  logging?: boolean;
  /** Parameters of the cluster's own parameter group; `default`: the cluster uses `default.redshift-1.0`. */
  params?: Record<string, string> | 'default';
  iamRoles?: boolean;
}

const GOOD_REDSHIFT_PARAMS = { require_ssl: 'true', enable_user_activity_logging: 'true' };

function cluster(o: ClusterOpts): Case {
  const pub = o.public ?? false;
  const evr = o.enhancedVpcRouting ?? true;
  const enc = o.encryption ?? 'cmk';
  const retention = o.retention ?? 7;
  const logging = o.logging ?? true;
  const params = o.params ?? GOOD_REDSHIFT_PARAMS;
  const roles = o.iamRoles ?? true;
  const undecided = pub === 'var' || evr === 'var' || enc === 'var' || retention === 'var';
  const cfnParams = [
    ...(pub === 'var' ? cfnParam('PublicWarehouse', ['true', 'false']) : []),
    ...(evr === 'var' ? cfnParam('EnhancedRouting', ['true', 'false']) : []),
    ...(enc === 'var' ? cfnParam('EncryptWarehouse', ['true', 'false']) : []),
    ...(retention === 'var' ? ['  SnapshotDays:', '    Type: Number'] : []),
  ];
  const cfnResources = [
    ...(enc === 'none' ? [] : CFN_KEY),
    ...(params === 'default'
      ? []
      : [
          '  WarehouseParams:',
          '    Type: AWS::Redshift::ClusterParameterGroup',
          '    Properties:',
          '      ParameterGroupName: warehouse-params',
          '      Description: warehouse settings',
          '      ParameterGroupFamily: redshift-1.0',
          '      Parameters:',
          ...Object.entries(params).flatMap(([k, v]) => [`        - ParameterName: ${k}`, `          ParameterValue: "${v}"`]),
        ]),
    '  Warehouse:',
    '    Type: AWS::Redshift::Cluster',
    '    Properties:',
    '      ClusterIdentifier: warehouse',
    '      ClusterType: single-node',
    '      NodeType: ra3.xlplus',
    '      DBName: analytics',
    '      MasterUsername: warehouse_admin',
    '      ManageMasterPassword: true',
    `      PubliclyAccessible:${yamlValue(pub, 'PublicWarehouse', '      ')}`,
    `      EnhancedVpcRouting:${yamlValue(evr, 'EnhancedRouting', '      ')}`,
    `      Encrypted:${enc === 'var' ? yamlValue('var', 'EncryptWarehouse', '      ') : ` ${enc !== 'none'}`}`,
    ...(enc === 'none' ? [] : ['      KmsKeyId:', '        Ref: DataKey']),
    `      AutomatedSnapshotRetentionPeriod:${yamlValue(retention, 'SnapshotDays', '      ')}`,
    ...(params === 'default' ? [] : ['      ClusterParameterGroupName:', '        Ref: WarehouseParams']),
    ...(logging ? ['      LoggingProperties:', '        LogDestinationType: cloudwatch', '        LogExports:', '          - connectionlog', '          - userlog', '          - useractivitylog'] : []),
    ...(roles ? ['      IamRoles:', `        - ${COPY_ROLE_ARN}`] : []),
    ...cfnTags(o.level, '      '),
  ];
  const tf = [
    ...(pub === 'var' ? [tfVariable('public_warehouse', 'bool')] : []),
    ...(evr === 'var' ? [tfVariable('enhanced_routing', 'bool')] : []),
    ...(enc === 'var' ? [tfVariable('encrypt_warehouse', 'bool')] : []),
    ...(retention === 'var' ? [tfVariable('snapshot_days', 'number')] : []),
    ...(enc === 'none' ? [] : [TF_KEY]),
    ...(params === 'default'
      ? []
      : [
          [
            'resource "aws_redshift_parameter_group" "warehouse" {',
            '  name   = "warehouse-params"',
            '  family = "redshift-1.0"',
            ...Object.entries(params).flatMap(([k, v]) => ['', '  parameter {', `    name  = "${k}"`, `    value = "${v}"`, '  }']),
            '}',
          ].join('\n') + '\n',
        ]),
    [
      'resource "aws_redshift_cluster" "warehouse" {',
      '  cluster_identifier     = "warehouse"',
      '  cluster_type           = "single-node"',
      '  node_type              = "ra3.xlplus"',
      '  database_name          = "analytics"',
      '  master_username        = "warehouse_admin"',
      '  manage_master_password = true',
      `  publicly_accessible    = ${hcl(pub, 'public_warehouse')}`,
      `  enhanced_vpc_routing   = ${hcl(evr, 'enhanced_routing')}`,
      `  encrypted              = ${enc === 'var' ? 'var.encrypt_warehouse' : String(enc !== 'none')}`,
      ...(enc === 'none' ? [] : ['  kms_key_id             = aws_kms_key.data.arn']),
      `  automated_snapshot_retention_period = ${hcl(retention, 'snapshot_days')}`,
      ...(params === 'default' ? [] : ['  cluster_parameter_group_name        = aws_redshift_parameter_group.warehouse.name']),
      ...(roles ? [`  iam_roles = ["${COPY_ROLE_ARN}"]`] : []),
      '  skip_final_snapshot = true',
      ...tfTags(o.level),
      '}',
    ].join('\n') + '\n',
    ...(logging
      ? ['resource "aws_redshift_logging" "warehouse" {\n  cluster_identifier   = aws_redshift_cluster.warehouse.id\n  log_destination_type = "cloudwatch"\n  log_exports          = ["connectionlog", "userlog", "useractivitylog"]\n}\n']
      : []),
  ].join('\n');
  const plan: PlanResource[] = [
    ...(enc === 'none' ? [] : [PLAN_KEY]),
    ...(params === 'default'
      ? []
      : [
          {
            address: 'aws_redshift_parameter_group.warehouse',
            type: 'aws_redshift_parameter_group',
            values: { description: 'Managed by Terraform', family: 'redshift-1.0', name: 'warehouse-params', parameter: Object.entries(params).map(([name, value]) => ({ name, value })), tags: null },
            unknown: { arn: true, id: true, tags_all: true },
          },
        ]),
    {
      address: 'aws_redshift_cluster.warehouse',
      type: 'aws_redshift_cluster',
      values: {
        allow_version_upgrade: true,
        apply_immediately: false,
        automated_snapshot_retention_period: retention,
        cluster_identifier: 'warehouse',
        cluster_parameter_group_name: params === 'default' ? undefined : 'warehouse-params',
        cluster_type: 'single-node',
        cluster_version: '1.0',
        database_name: 'analytics',
        elastic_ip: null,
        encrypted: enc !== 'none',
        enhanced_vpc_routing: evr,
        final_snapshot_identifier: null,
        iam_roles: roles ? [COPY_ROLE_ARN] : null,
        manage_master_password: true,
        manual_snapshot_retention_period: -1,
        master_password: null,
        master_password_wo: null,
        master_username: 'warehouse_admin',
        multi_az: false,
        node_type: 'ra3.xlplus',
        number_of_nodes: 1,
        owner_account: null,
        port: 5439,
        publicly_accessible: pub,
        skip_final_snapshot: true,
        snapshot_arn: null,
        snapshot_cluster_identifier: null,
        snapshot_identifier: null,
        timeouts: null,
        ...planTags(o.level),
      },
      unknown: {
        arn: true,
        availability_zone: true,
        cluster_namespace_arn: true,
        cluster_nodes: true,
        cluster_public_key: true,
        cluster_revision_number: true,
        cluster_subnet_group_name: true,
        default_iam_role_arn: true,
        dns_name: true,
        endpoint: true,
        id: true,
        ...(enc === 'none' ? {} : { kms_key_id: true }),
        ...(params === 'default' ? { cluster_parameter_group_name: true } : {}),
        maintenance_track_name: true,
        master_password_secret_arn: true,
        master_password_secret_kms_key_id: true,
        preferred_maintenance_window: true,
        vpc_security_group_ids: true,
      },
      ...(enc === 'none' ? {} : { references: { kms_key_id: ['aws_kms_key.data.arn', 'aws_kms_key.data'] } }),
    },
    ...(logging
      ? [
          {
            address: 'aws_redshift_logging.warehouse',
            type: 'aws_redshift_logging',
            values: { bucket_name: null, log_destination_type: 'cloudwatch', log_exports: ['connectionlog', 'useractivitylog', 'userlog'], s3_key_prefix: null },
            unknown: { cluster_identifier: true, id: true },
            references: { cluster_identifier: ['aws_redshift_cluster.warehouse.id', 'aws_redshift_cluster.warehouse'] },
          },
        ]
      : []),
  ];
  for (const r of plan) for (const [k, v] of Object.entries(r.values)) if (v === undefined) delete r.values[k];
  const clusterArn = `arn:aws:redshift:${REGION}:${ACCOUNT}:cluster:warehouse`;
  const groupName = params === 'default' ? 'default.redshift-1.0' : 'warehouse-params';
  const config: Array<Record<string, unknown>> = [
    ...(enc === 'none' ? [] : [configKey(CMK_ID, CMK_ARN, 'CUSTOMER')]),
    ...(params === 'default'
      ? []
      : [
          {
            resourceType: 'AWS::Redshift::ClusterParameterGroup',
            resourceId: 'warehouse-params',
            resourceName: 'warehouse-params',
            ARN: `arn:aws:redshift:${REGION}:${ACCOUNT}:parametergroup:warehouse-params`,
            configuration: { parameterGroupName: 'warehouse-params', parameterGroupFamily: 'redshift-1.0', description: 'warehouse settings', tags: [] },
            supplementaryConfiguration: {
              Parameters: [
                { parameterName: 'auto_analyze', parameterValue: 'true', description: 'Use auto analyze', source: 'engine-default', dataType: 'boolean', allowedValues: 'true,false', applyType: 'static', isModifiable: true },
                ...Object.entries(params).map(([parameterName, parameterValue]) => ({ parameterName, parameterValue, source: 'user', dataType: 'boolean', allowedValues: 'true,false', applyType: 'static', isModifiable: true })),
              ],
            },
          },
        ]),
    {
      resourceType: 'AWS::Redshift::Cluster',
      resourceId: 'warehouse',
      resourceName: 'warehouse',
      ARN: clusterArn,
      configuration: {
        clusterIdentifier: 'warehouse',
        nodeType: 'ra3.xlplus',
        clusterStatus: 'available',
        clusterAvailabilityStatus: 'Available',
        masterUsername: 'warehouse_admin',
        dBName: 'analytics',
        endpoint: { address: `warehouse.c0abc1def2gh.${REGION}.redshift.amazonaws.com`, port: 5439 },
        clusterCreateTime: '2026-01-12T09:30:00.000Z',
        automatedSnapshotRetentionPeriod: retention,
        manualSnapshotRetentionPeriod: -1,
        clusterSecurityGroups: [],
        vpcSecurityGroups: [{ vpcSecurityGroupId: SG_ID, status: 'active' }],
        clusterParameterGroups: [{ parameterGroupName: groupName, parameterApplyStatus: 'in-sync' }],
        clusterSubnetGroupName: 'warehouse-subnets',
        vpcId: VPC_ID,
        availabilityZone: `${REGION}a`,
        preferredMaintenanceWindow: 'sun:03:00-sun:03:30',
        pendingModifiedValues: {},
        clusterVersion: '1.0',
        allowVersionUpgrade: true,
        numberOfNodes: 1,
        publiclyAccessible: pub,
        encrypted: enc !== 'none',
        ...(enc === 'none' ? {} : { kmsKeyId: CMK_ARN }),
        enhancedVpcRouting: evr,
        iamRoles: roles ? [{ iamRoleArn: COPY_ROLE_ARN, applyStatus: 'in-sync' }] : [],
        masterPasswordSecretArn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:redshift!warehouse-warehouse_admin-AbCdEf`,
        maintenanceTrackName: 'current',
        multiAZ: 'Disabled',
      },
      supplementaryConfiguration: {
        LoggingStatus: logging ? { loggingEnabled: true, logDestinationType: 'cloudwatch', logExports: ['connectionlog', 'userlog', 'useractivitylog'] } : { loggingEnabled: false },
      },
      tags: configTags(o.level),
    },
  ];
  return {
    target: { cloudformation: 'Warehouse', terraform: 'aws_redshift_cluster.warehouse', config: clusterArn },
    cloudformation: cfn(cfnResources, cfnParams),
    terraform: tf,
    ...(undecided ? { omit: UNDECIDED } : { plan, config }),
  };
}

// ---------------------------------------------------------------------------------------------
// Redshift Serverless (AWS Config does not record it)

interface ServerlessOpts {
  level?: string;
  public?: boolean;
  enhancedVpcRouting?: boolean;
  configParameters?: Record<string, string>;
  logExports?: string[];
  key?: boolean;
}

function serverless(o: ServerlessOpts, target: 'workgroup' | 'namespace'): Case {
  const pub = o.public ?? false;
  const evr = o.enhancedVpcRouting ?? true;
  const cp = o.configParameters ?? {};
  const exportsList = o.logExports ?? ['connectionlog', 'userlog', 'useractivitylog'];
  const key = o.key ?? true;
  const cfnResources = [
    ...(key ? CFN_KEY : []),
    '  Namespace:',
    '    Type: AWS::RedshiftServerless::Namespace',
    '    Properties:',
    '      NamespaceName: analytics',
    '      DbName: analytics',
    '      AdminUsername: analytics_admin',
    '      ManageAdminPassword: true',
    ...(key ? ['      KmsKeyId:', '        Ref: DataKey'] : []),
    ...(exportsList.length ? ['      LogExports:', ...exportsList.map((e) => `        - ${e}`)] : []),
    ...cfnTags(o.level, '      '),
    '  Workgroup:',
    '    Type: AWS::RedshiftServerless::Workgroup',
    '    Properties:',
    '      WorkgroupName: analytics',
    '      NamespaceName:',
    '        Ref: Namespace',
    '      BaseCapacity: 8',
    `      PubliclyAccessible: ${pub}`,
    `      EnhancedVpcRouting: ${evr}`,
    ...(Object.keys(cp).length ? ['      ConfigParameters:', ...Object.entries(cp).flatMap(([k, v]) => [`        - ParameterKey: ${k}`, `          ParameterValue: "${v}"`])] : []),
  ];
  const tf = [
    ...(key ? [TF_KEY] : []),
    [
      'resource "aws_redshiftserverless_namespace" "analytics" {',
      '  namespace_name        = "analytics"',
      '  db_name               = "analytics"',
      '  admin_username        = "analytics_admin"',
      '  manage_admin_password = true',
      ...(key ? ['  kms_key_id            = aws_kms_key.data.arn'] : []),
      ...(exportsList.length ? [`  log_exports           = [${exportsList.map((e) => `"${e}"`).join(', ')}]`] : []),
      ...tfTags(o.level),
      '}',
      '',
      'resource "aws_redshiftserverless_workgroup" "analytics" {',
      '  workgroup_name       = "analytics"',
      '  namespace_name       = aws_redshiftserverless_namespace.analytics.namespace_name',
      '  base_capacity        = 8',
      `  publicly_accessible  = ${pub}`,
      `  enhanced_vpc_routing = ${evr}`,
      ...Object.entries(cp).flatMap(([k, v]) => ['', '  config_parameter {', `    parameter_key   = "${k}"`, `    parameter_value = "${v}"`, '  }']),
      '}',
    ].join('\n') + '\n',
  ].join('\n');
  // The provider plans the workgroup's config_parameter set with every parameter it manages; the
  // ones the code does not set are computed.
  const plan: PlanResource[] = [
    ...(key ? [PLAN_KEY] : []),
    {
      address: 'aws_redshiftserverless_namespace.analytics',
      type: 'aws_redshiftserverless_namespace',
      values: { admin_password_secret_kms_key_id: null, admin_user_password: null, admin_user_password_wo: null, admin_username: 'analytics_admin', db_name: 'analytics', default_iam_role_arn: null, log_exports: exportsList.length ? exportsList : null, manage_admin_password: true, namespace_name: 'analytics', ...planTags(o.level) },
      unknown: { admin_password_secret_arn: true, arn: true, iam_roles: true, id: true, kms_key_id: true, namespace_id: true },
      ...(key ? { references: { kms_key_id: ['aws_kms_key.data.arn', 'aws_kms_key.data'] } } : {}),
    },
    {
      address: 'aws_redshiftserverless_workgroup.analytics',
      type: 'aws_redshiftserverless_workgroup',
      values: { base_capacity: 8, enhanced_vpc_routing: evr, max_capacity: null, namespace_name: 'analytics', publicly_accessible: pub, tags: null, timeouts: null, workgroup_name: 'analytics', config_parameter: Object.entries(cp).map(([parameter_key, parameter_value]) => ({ parameter_key, parameter_value })) },
      unknown: { arn: true, endpoint: true, id: true, port: true, security_group_ids: true, subnet_ids: true, tags_all: true, workgroup_id: true, track_name: true },
    },
  ];
  return {
    target:
      target === 'workgroup'
        ? { cloudformation: 'Workgroup', terraform: 'aws_redshiftserverless_workgroup.analytics' }
        : { cloudformation: 'Namespace', terraform: 'aws_redshiftserverless_namespace.analytics' },
    cloudformation: cfn(cfnResources),
    terraform: tf,
    plan,
    omit: { config: NO_CONFIG_SERVERLESS },
  };
}

// ---------------------------------------------------------------------------------------------
// Aurora PostgreSQL cluster (+ cluster parameter group, one instance)

interface AuroraOpts {
  level?: string;
  encryption?: 'none' | 'cmk' | 'var';
  retention?: number | 'var';
  deletionProtection?: boolean | 'var';
  iamAuth?: boolean | 'var';
  logExports?: string[];
  engine?: 'aurora-postgresql' | 'aurora-mysql';
  /** `default`: the engine's default group by name; `external`: a custom group defined outside this input; else the parameters of a group defined here. */
  params?: Record<string, string> | 'default' | 'external';
  instancePublic?: boolean | 'var';
}

function aurora(o: AuroraOpts, target: 'cluster' | 'instance' = 'cluster'): Case {
  const enc = o.encryption ?? 'cmk';
  const retention = o.retention ?? 7;
  const dp = o.deletionProtection ?? true;
  const iam = o.iamAuth ?? true;
  const engine = o.engine ?? 'aurora-postgresql';
  const pg = engine === 'aurora-postgresql';
  const version = pg ? '16.4' : '8.0.mysql_aurora.3.07.1';
  const family = pg ? 'aurora-postgresql16' : 'aurora-mysql8.0';
  const logs = o.logExports ?? (pg ? ['postgresql'] : ['audit']);
  const params = o.params ?? 'default';
  const pub = o.instancePublic ?? false;
  const groupName = params === 'default' ? `default.${family}` : params === 'external' ? 'shared-aurora-params' : 'app-params';
  const custom = typeof params === 'object';
  const undecided = enc === 'var' || retention === 'var' || dp === 'var' || iam === 'var' || pub === 'var';
  const cfnParams = [
    ...(enc === 'var' ? cfnParam('EncryptStorage', ['true', 'false']) : []),
    ...(retention === 'var' ? ['  BackupDays:', '    Type: Number'] : []),
    ...(dp === 'var' ? cfnParam('ProtectCluster', ['true', 'false']) : []),
    ...(iam === 'var' ? cfnParam('IamAuth', ['true', 'false']) : []),
    ...(pub === 'var' ? cfnParam('PublicInstance', ['true', 'false']) : []),
  ];
  const cfnResources = [
    ...(enc === 'cmk' ? CFN_KEY : []),
    ...(custom
      ? [
          '  AppParams:',
          '    Type: AWS::RDS::DBClusterParameterGroup',
          '    Properties:',
          '      DBClusterParameterGroupName: app-params',
          '      Description: app cluster settings',
          `      Family: ${family}`,
          '      Parameters:',
          ...Object.entries(params).map(([k, v]) => `        ${k}: "${v}"`),
        ]
      : []),
    '  AppCluster:',
    '    Type: AWS::RDS::DBCluster',
    '    Properties:',
    '      DBClusterIdentifier: app',
    `      Engine: ${engine}`,
    `      EngineVersion: "${version}"`,
    '      MasterUsername: app_admin',
    '      ManageMasterUserPassword: true',
    ...(custom ? ['      DBClusterParameterGroupName:', '        Ref: AppParams'] : [`      DBClusterParameterGroupName: ${groupName}`]),
    `      StorageEncrypted:${enc === 'var' ? yamlValue('var', 'EncryptStorage', '      ') : ` ${enc !== 'none'}`}`,
    ...(enc === 'cmk' ? ['      KmsKeyId:', '        Fn::GetAtt: [DataKey, Arn]'] : []),
    `      BackupRetentionPeriod:${yamlValue(retention, 'BackupDays', '      ')}`,
    `      DeletionProtection:${yamlValue(dp, 'ProtectCluster', '      ')}`,
    `      EnableIAMDatabaseAuthentication:${yamlValue(iam, 'IamAuth', '      ')}`,
    ...(logs.length ? ['      EnableCloudwatchLogsExports:', ...logs.map((l) => `        - ${l}`)] : []),
    ...cfnTags(o.level, '      '),
    '  AppInstance1:',
    '    Type: AWS::RDS::DBInstance',
    '    Properties:',
    '      DBInstanceIdentifier: app-1',
    '      DBClusterIdentifier:',
    '        Ref: AppCluster',
    `      Engine: ${engine}`,
    '      DBInstanceClass: db.r6g.large',
    `      PubliclyAccessible:${yamlValue(pub, 'PublicInstance', '      ')}`,
  ];
  const tf = [
    ...(enc === 'var' ? [tfVariable('encrypt_storage', 'bool')] : []),
    ...(retention === 'var' ? [tfVariable('backup_days', 'number')] : []),
    ...(dp === 'var' ? [tfVariable('protect_cluster', 'bool')] : []),
    ...(iam === 'var' ? [tfVariable('iam_auth', 'bool')] : []),
    ...(pub === 'var' ? [tfVariable('public_instance', 'bool')] : []),
    ...(enc === 'cmk' ? [TF_KEY] : []),
    ...(custom
      ? [
          [
            'resource "aws_rds_cluster_parameter_group" "app" {',
            '  name        = "app-params"',
            `  family      = "${family}"`,
            '  description = "app cluster settings"',
            ...Object.entries(params).flatMap(([k, v]) => ['', '  parameter {', `    name         = "${k}"`, `    value        = "${v}"`, ...(k === 'shared_preload_libraries' ? ['    apply_method = "pending-reboot"'] : []), '  }']),
            '}',
          ].join('\n') + '\n',
        ]
      : []),
    [
      'resource "aws_rds_cluster" "app" {',
      '  cluster_identifier              = "app"',
      `  engine                          = "${engine}"`,
      `  engine_version                  = "${version}"`,
      '  master_username                 = "app_admin"',
      '  manage_master_user_password     = true',
      `  db_cluster_parameter_group_name = ${custom ? 'aws_rds_cluster_parameter_group.app.name' : `"${groupName}"`}`,
      `  storage_encrypted               = ${enc === 'var' ? 'var.encrypt_storage' : String(enc !== 'none')}`,
      ...(enc === 'cmk' ? ['  kms_key_id                      = aws_kms_key.data.arn'] : []),
      `  backup_retention_period         = ${hcl(retention, 'backup_days')}`,
      `  deletion_protection             = ${hcl(dp, 'protect_cluster')}`,
      `  iam_database_authentication_enabled = ${hcl(iam, 'iam_auth')}`,
      ...(logs.length ? [`  enabled_cloudwatch_logs_exports = [${logs.map((l) => `"${l}"`).join(', ')}]`] : []),
      '  skip_final_snapshot             = true',
      ...tfTags(o.level),
      '}',
      '',
      'resource "aws_rds_cluster_instance" "app_1" {',
      '  identifier          = "app-1"',
      '  cluster_identifier  = aws_rds_cluster.app.id',
      '  engine              = aws_rds_cluster.app.engine',
      '  instance_class      = "db.r6g.large"',
      `  publicly_accessible = ${hcl(pub, 'public_instance')}`,
      '}',
    ].join('\n') + '\n',
  ].join('\n');
  const plan: PlanResource[] = [
    ...(enc === 'cmk' ? [PLAN_KEY] : []),
    ...(custom
      ? [
          {
            address: 'aws_rds_cluster_parameter_group.app',
            type: 'aws_rds_cluster_parameter_group',
            values: { description: 'app cluster settings', family, name: 'app-params', parameter: Object.entries(params).map(([name, value]) => ({ apply_method: name === 'shared_preload_libraries' ? 'pending-reboot' : 'immediate', name, value })), tags: null },
            unknown: { arn: true, id: true, name_prefix: true, tags_all: true },
          },
        ]
      : []),
    {
      address: 'aws_rds_cluster.app',
      type: 'aws_rds_cluster',
      values: {
        allow_major_version_upgrade: null,
        backup_retention_period: retention,
        cluster_identifier: 'app',
        copy_tags_to_snapshot: false,
        db_cluster_parameter_group_name: groupName,
        delete_automated_backups: true,
        deletion_protection: dp,
        enabled_cloudwatch_logs_exports: logs.length ? logs : null,
        engine,
        engine_mode: 'provisioned',
        engine_version: version,
        global_cluster_identifier: null,
        iam_database_authentication_enabled: iam,
        manage_master_user_password: true,
        master_password: null,
        master_password_wo: null,
        master_username: 'app_admin',
        replication_source_identifier: null,
        skip_final_snapshot: true,
        storage_encrypted: enc !== 'none',
        ...planTags(o.level),
      },
      unknown: {
        apply_immediately: true,
        arn: true,
        availability_zones: true,
        cluster_members: true,
        cluster_resource_id: true,
        database_name: true,
        db_subnet_group_name: true,
        endpoint: true,
        engine_version_actual: true,
        hosted_zone_id: true,
        id: true,
        iam_roles: true,
        kms_key_id: true,
        master_user_secret: true,
        master_user_secret_kms_key_id: true,
        network_type: true,
        port: true,
        preferred_backup_window: true,
        preferred_maintenance_window: true,
        reader_endpoint: true,
        vpc_security_group_ids: true,
      },
      ...(enc === 'cmk' ? { references: { kms_key_id: ['aws_kms_key.data.arn', 'aws_kms_key.data'] } } : {}),
    },
    {
      address: 'aws_rds_cluster_instance.app_1',
      type: 'aws_rds_cluster_instance',
      values: { auto_minor_version_upgrade: true, copy_tags_to_snapshot: false, engine, identifier: 'app-1', instance_class: 'db.r6g.large', promotion_tier: 0, publicly_accessible: pub, tags: null },
      unknown: { apply_immediately: true, arn: true, availability_zone: true, ca_cert_identifier: true, cluster_identifier: true, db_parameter_group_name: true, db_subnet_group_name: true, dbi_resource_id: true, endpoint: true, engine_version: true, engine_version_actual: true, id: true, identifier_prefix: true, kms_key_id: true, network_type: true, performance_insights_enabled: true, port: true, preferred_backup_window: true, preferred_maintenance_window: true, storage_encrypted: true, tags_all: true, writer: true },
      references: { cluster_identifier: ['aws_rds_cluster.app.id', 'aws_rds_cluster.app'] },
    },
  ];
  const clusterArn = `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:app`;
  const instanceArn = `arn:aws:rds:${REGION}:${ACCOUNT}:db:app-1`;
  const config: Array<Record<string, unknown>> = [
    ...(enc === 'cmk' ? [configKey(CMK_ID, CMK_ARN, 'CUSTOMER')] : []),
    {
      resourceType: 'AWS::RDS::DBCluster',
      resourceId: 'cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      resourceName: 'app',
      ARN: clusterArn,
      configuration: {
        allocatedStorage: 1,
        availabilityZones: [`${REGION}a`, `${REGION}b`, `${REGION}c`],
        backupRetentionPeriod: retention,
        dbclusterIdentifier: 'app',
        dbclusterParameterGroup: groupName,
        dbsubnetGroup: 'app-subnets',
        status: 'available',
        endpoint: `app.cluster-c0abc1def2gh.${REGION}.rds.amazonaws.com`,
        readerEndpoint: `app.cluster-ro-c0abc1def2gh.${REGION}.rds.amazonaws.com`,
        multiAZ: false,
        engine,
        engineVersion: version,
        port: pg ? 5432 : 3306,
        masterUsername: 'app_admin',
        preferredBackupWindow: '02:00-02:30',
        preferredMaintenanceWindow: 'sun:03:00-sun:03:30',
        dbclusterMembers: [{ dbinstanceIdentifier: 'app-1', isClusterWriter: true, dbclusterParameterGroupStatus: 'in-sync', promotionTier: 1 }],
        vpcSecurityGroups: [{ vpcSecurityGroupId: SG_ID, status: 'active' }],
        hostedZoneId: 'Z29XKXDKYMONMX',
        storageEncrypted: enc !== 'none',
        ...(enc === 'cmk' ? { kmsKeyId: CMK_ARN } : {}),
        dbClusterResourceId: 'cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        dbclusterArn: clusterArn,
        associatedRoles: [],
        iamdatabaseAuthenticationEnabled: iam,
        clusterCreateTime: '2026-01-12T09:30:00.000Z',
        enabledCloudwatchLogsExports: logs,
        engineMode: 'provisioned',
        deletionProtection: dp,
        httpEndpointEnabled: false,
        copyTagsToSnapshot: false,
        crossAccountClone: false,
        masterUserSecret: { secretArn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:rds!cluster-0a1b2c3d-AbCdEf`, secretStatus: 'active', kmsKeyId: AWS_KEY_ARN },
      },
      supplementaryConfiguration: {},
      tags: configTags(o.level),
    },
    {
      resourceType: 'AWS::RDS::DBInstance',
      resourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY1',
      resourceName: 'app-1',
      ARN: instanceArn,
      configuration: {
        dBInstanceIdentifier: 'app-1',
        dBInstanceClass: 'db.r6g.large',
        engine,
        engineVersion: version,
        dBInstanceStatus: 'available',
        dBClusterIdentifier: 'app',
        dBParameterGroups: [{ dBParameterGroupName: pg ? 'default.aurora-postgresql16' : 'default.aurora-mysql8.0', parameterApplyStatus: 'in-sync' }],
        publiclyAccessible: pub,
        storageEncrypted: enc !== 'none',
        ...(enc === 'cmk' ? { kmsKeyId: CMK_ARN } : {}),
        backupRetentionPeriod: retention,
        iAMDatabaseAuthenticationEnabled: iam,
        deletionProtection: false,
        vpcSecurityGroups: [{ vpcSecurityGroupId: SG_ID, status: 'active' }],
        dBInstanceArn: instanceArn,
        dbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY1',
        promotionTier: 1,
      },
      supplementaryConfiguration: {},
      tags: {},
    },
  ];
  return {
    target: target === 'cluster' ? { cloudformation: 'AppCluster', terraform: 'aws_rds_cluster.app', config: clusterArn } : { cloudformation: 'AppInstance1', terraform: 'aws_rds_cluster_instance.app_1', config: instanceArn },
    cloudformation: cfn(cfnResources, cfnParams),
    terraform: tf,
    ...(undecided ? { omit: UNDECIDED } : { plan, config }),
  };
}

// ---------------------------------------------------------------------------------------------
// Standalone RDS for PostgreSQL instance

interface InstanceOpts {
  level?: string;
  public?: boolean | 'var';
  encryption?: 'none' | 'cmk';
  retention?: number;
  logExports?: string[];
  /** `null`: no group named, so the engine's default group applies (Config then records it by name). */
  parameterGroup?: string | null;
  engineVersion?: string;
}

function instance(o: InstanceOpts): Case {
  const pub = o.public ?? false;
  const enc = o.encryption ?? 'cmk';
  const retention = o.retention ?? 7;
  const logs = o.logExports ?? ['postgresql', 'upgrade'];
  const version = o.engineVersion ?? '16.4';
  const group = o.parameterGroup === null ? null : (o.parameterGroup ?? 'default.postgres16');
  const cfnResources = [
    ...(enc === 'cmk' ? CFN_KEY : []),
    '  Reporting:',
    '    Type: AWS::RDS::DBInstance',
    '    Properties:',
    '      DBInstanceIdentifier: reporting',
    '      Engine: postgres',
    `      EngineVersion: "${version}"`,
    '      DBInstanceClass: db.t4g.medium',
    '      AllocatedStorage: "50"',
    '      MasterUsername: reporting_admin',
    '      ManageMasterUserPassword: true',
    ...(group === null ? [] : [`      DBParameterGroupName: ${group}`]),
    `      StorageEncrypted: ${enc === 'cmk'}`,
    ...(enc === 'cmk' ? ['      KmsKeyId:', '        Fn::GetAtt: [DataKey, Arn]'] : []),
    `      BackupRetentionPeriod: ${retention}`,
    '      DeletionProtection: true',
    '      EnableIAMDatabaseAuthentication: true',
    ...(logs.length ? ['      EnableCloudwatchLogsExports:', ...logs.map((l) => `        - ${l}`)] : []),
    `      PubliclyAccessible:${yamlValue(pub, 'PublicReporting', '      ')}`,
    ...cfnTags(o.level, '      '),
  ];
  const tf = [
    ...(pub === 'var' ? [tfVariable('public_reporting', 'bool')] : []),
    ...(enc === 'cmk' ? [TF_KEY] : []),
    [
      'resource "aws_db_instance" "reporting" {',
      '  identifier                          = "reporting"',
      '  engine                              = "postgres"',
      `  engine_version                      = "${version}"`,
      '  instance_class                      = "db.t4g.medium"',
      '  allocated_storage                   = 50',
      '  username                            = "reporting_admin"',
      '  manage_master_user_password         = true',
      ...(group === null ? [] : [`  parameter_group_name                = "${group}"`]),
      `  storage_encrypted                   = ${enc === 'cmk'}`,
      ...(enc === 'cmk' ? ['  kms_key_id                          = aws_kms_key.data.arn'] : []),
      `  backup_retention_period             = ${retention}`,
      '  deletion_protection                 = true',
      '  iam_database_authentication_enabled = true',
      ...(logs.length ? [`  enabled_cloudwatch_logs_exports     = [${logs.map((l) => `"${l}"`).join(', ')}]`] : []),
      `  publicly_accessible                 = ${hcl(pub, 'public_reporting')}`,
      '  skip_final_snapshot                 = true',
      ...tfTags(o.level),
      '}',
    ].join('\n') + '\n',
  ].join('\n');
  const plan: PlanResource[] = [
    ...(enc === 'cmk' ? [PLAN_KEY] : []),
    {
      address: 'aws_db_instance.reporting',
      type: 'aws_db_instance',
      values: {
        allocated_storage: 50,
        allow_major_version_upgrade: null,
        auto_minor_version_upgrade: true,
        backup_retention_period: retention,
        copy_tags_to_snapshot: false,
        delete_automated_backups: true,
        deletion_protection: true,
        enabled_cloudwatch_logs_exports: logs.length ? logs : null,
        engine: 'postgres',
        engine_version: version,
        iam_database_authentication_enabled: true,
        identifier: 'reporting',
        instance_class: 'db.t4g.medium',
        manage_master_user_password: true,
        max_allocated_storage: null,
        password: null,
        password_wo: null,
        ...(group === null ? {} : { parameter_group_name: group }),
        publicly_accessible: pub,
        skip_final_snapshot: true,
        storage_encrypted: enc === 'cmk',
        username: 'reporting_admin',
        ...planTags(o.level),
      },
      unknown: { address: true, apply_immediately: true, arn: true, availability_zone: true, backup_window: true, ca_cert_identifier: true, character_set_name: true, db_name: true, db_subnet_group_name: true, endpoint: true, engine_version_actual: true, hosted_zone_id: true, id: true, identifier_prefix: true, iops: true, kms_key_id: true, latest_restorable_time: true, license_model: true, listener_endpoint: true, maintenance_window: true, master_user_secret: true, master_user_secret_kms_key_id: true, multi_az: true, network_type: true, option_group_name: true, port: true, replicas: true, resource_id: true, status: true, storage_throughput: true, storage_type: true, timezone: true, vpc_security_group_ids: true, ...(group === null ? { parameter_group_name: true } : {}) },
      ...(enc === 'cmk' ? { references: { kms_key_id: ['aws_kms_key.data.arn', 'aws_kms_key.data'] } } : {}),
    },
  ];
  const arn = `arn:aws:rds:${REGION}:${ACCOUNT}:db:reporting`;
  const config: Array<Record<string, unknown>> = [
    ...(enc === 'cmk' ? [configKey(CMK_ID, CMK_ARN, 'CUSTOMER')] : []),
    {
      resourceType: 'AWS::RDS::DBInstance',
      resourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY2',
      resourceName: 'reporting',
      ARN: arn,
      configuration: {
        dBInstanceIdentifier: 'reporting',
        dBInstanceClass: 'db.t4g.medium',
        engine: 'postgres',
        engineVersion: version,
        dBInstanceStatus: 'available',
        masterUsername: 'reporting_admin',
        endpoint: { address: `reporting.c0abc1def2gh.${REGION}.rds.amazonaws.com`, port: 5432, hostedZoneId: 'Z29XKXDKYMONMX' },
        allocatedStorage: 50,
        instanceCreateTime: '2026-01-12T09:30:00.000Z',
        preferredBackupWindow: '02:00-02:30',
        backupRetentionPeriod: retention,
        dBSecurityGroups: [],
        vpcSecurityGroups: [{ vpcSecurityGroupId: SG_ID, status: 'active' }],
        dBParameterGroups: [{ dBParameterGroupName: group ?? `default.postgres${version.split('.')[0]}`, parameterApplyStatus: 'in-sync' }],
        availabilityZone: `${REGION}a`,
        dBSubnetGroup: { dBSubnetGroupName: 'reporting-subnets', vpcId: VPC_ID, subnetGroupStatus: 'Complete' },
        multiAZ: false,
        autoMinorVersionUpgrade: true,
        publiclyAccessible: pub,
        storageType: 'gp3',
        storageEncrypted: enc === 'cmk',
        ...(enc === 'cmk' ? { kmsKeyId: CMK_ARN } : {}),
        dbiResourceId: 'db-ABCDEFGHIJKLMNOPQRSTUVWXY2',
        dBInstanceArn: arn,
        iAMDatabaseAuthenticationEnabled: true,
        enabledCloudwatchLogsExports: logs,
        deletionProtection: true,
        masterUserSecret: { secretArn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:rds!db-0a1b2c3d-AbCdEf`, secretStatus: 'active', kmsKeyId: AWS_KEY_ARN },
      },
      supplementaryConfiguration: {},
      tags: configTags(o.level),
    },
  ];
  return {
    target: { cloudformation: 'Reporting', terraform: 'aws_db_instance.reporting', config: arn },
    cloudformation: cfn(cfnResources, pub === 'var' ? cfnParam('PublicReporting', ['true', 'false']) : []),
    terraform: tf,
    ...(pub === 'var' ? { omit: UNDECIDED } : { plan, config }),
  };
}

// ---------------------------------------------------------------------------------------------
// Security groups

interface Ingress {
  protocol: string;
  from: number;
  to: number;
  cidr?: string | 'var';
  cidrV6?: string;
}

/** A database security group with inline rules, plus optionally one separate ingress rule resource. */
function securityGroup(inline: Ingress[], separate?: Ingress): Case {
  const undecided = [...inline, ...(separate ? [separate] : [])].some((r) => r.cidr === 'var');
  const cfnRule = (r: Ingress, indent: string, first: string): string[] => [
    `${first}IpProtocol: "${r.protocol}"`,
    ...(r.protocol === '-1' ? [] : [`${indent}FromPort: ${r.from}`, `${indent}ToPort: ${r.to}`]),
    ...(r.cidr === 'var' ? [`${indent}CidrIp:`, `${indent}  Ref: AllowedCidr`] : r.cidr ? [`${indent}CidrIp: ${r.cidr}`] : []),
    ...(r.cidrV6 ? [`${indent}CidrIpv6: "${r.cidrV6}"`] : []),
  ];
  const cfnResources = [
    '  DbSecurityGroup:',
    '    Type: AWS::EC2::SecurityGroup',
    '    Properties:',
    '      GroupName: db',
    '      GroupDescription: database access',
    `      VpcId: ${VPC_ID}`,
    ...(inline.length ? ['      SecurityGroupIngress:', ...inline.flatMap((r) => cfnRule(r, '          ', '        - '))] : []),
    ...(separate ? ['  DbIngress:', '    Type: AWS::EC2::SecurityGroupIngress', '    Properties:', '      GroupId:', '        Fn::GetAtt: [DbSecurityGroup, GroupId]', ...cfnRule(separate, '      ', '      ')] : []),
  ];
  const tfRule = (r: Ingress) => [
    '',
    '  ingress {',
    `    from_port        = ${r.protocol === '-1' ? 0 : r.from}`,
    `    to_port          = ${r.protocol === '-1' ? 0 : r.to}`,
    `    protocol         = "${r.protocol}"`,
    ...(r.cidr === 'var' ? ['    cidr_blocks      = [var.allowed_cidr]'] : r.cidr ? [`    cidr_blocks      = ["${r.cidr}"]`] : []),
    ...(r.cidrV6 ? [`    ipv6_cidr_blocks = ["${r.cidrV6}"]`] : []),
    '  }',
  ];
  const tf = [
    ...(undecided ? [tfVariable('allowed_cidr', 'string')] : []),
    ['resource "aws_security_group" "db" {', '  name        = "db"', '  description = "database access"', `  vpc_id      = "${VPC_ID}"`, ...inline.flatMap(tfRule), '}'].join('\n') + '\n',
    ...(separate
      ? [
          [
            'resource "aws_vpc_security_group_ingress_rule" "db" {',
            '  security_group_id = aws_security_group.db.id',
            `  ip_protocol       = "${separate.protocol}"`,
            ...(separate.protocol === '-1' ? [] : [`  from_port         = ${separate.from}`, `  to_port           = ${separate.to}`]),
            ...(separate.cidrV6 ? [`  cidr_ipv6         = "${separate.cidrV6}"`] : [`  cidr_ipv4         = "${separate.cidr}"`]),
            '}',
          ].join('\n') + '\n',
        ]
      : []),
  ].join('\n');
  const planRule = (r: Ingress) => ({
    cidr_blocks: r.cidr && r.cidr !== 'var' ? [r.cidr] : [],
    description: '',
    from_port: r.protocol === '-1' ? 0 : r.from,
    ipv6_cidr_blocks: r.cidrV6 ? [r.cidrV6] : [],
    prefix_list_ids: [],
    protocol: r.protocol,
    security_groups: [],
    self: false,
    to_port: r.protocol === '-1' ? 0 : r.to,
  });
  const plan: PlanResource[] = [
    {
      address: 'aws_security_group.db',
      type: 'aws_security_group',
      values: { description: 'database access', ingress: inline.map(planRule), name: 'db', revoke_rules_on_delete: false, tags: null, timeouts: null, vpc_id: VPC_ID },
      unknown: { arn: true, egress: true, id: true, name_prefix: true, owner_id: true, tags_all: true },
    },
    ...(separate
      ? [
          {
            address: 'aws_vpc_security_group_ingress_rule.db',
            type: 'aws_vpc_security_group_ingress_rule',
            values: { cidr_ipv4: separate.cidrV6 ? null : separate.cidr, cidr_ipv6: separate.cidrV6 ?? null, description: null, from_port: separate.protocol === '-1' ? null : separate.from, ip_protocol: separate.protocol, prefix_list_id: null, referenced_security_group_id: null, tags: null, to_port: separate.protocol === '-1' ? null : separate.to },
            unknown: { arn: true, id: true, security_group_id: true, security_group_rule_id: true, tags_all: true },
            references: { security_group_id: ['aws_security_group.db.id', 'aws_security_group.db'] },
          },
        ]
      : []),
  ];
  const permission = (r: Ingress) => ({
    ...(r.protocol === '-1' ? {} : { fromPort: r.from, toPort: r.to }),
    ipProtocol: r.protocol,
    ipv6Ranges: r.cidrV6 ? [{ cidrIpv6: r.cidrV6 }] : [],
    prefixListIds: [],
    userIdGroupPairs: [],
    ipv4Ranges: r.cidr ? [{ cidrIp: r.cidr }] : [],
    ipRanges: r.cidr ? [r.cidr] : [],
  });
  const arn = `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${SG_ID}`;
  const config = [
    {
      resourceType: 'AWS::EC2::SecurityGroup',
      resourceId: SG_ID,
      resourceName: 'db',
      ARN: arn,
      configuration: {
        description: 'database access',
        groupName: 'db',
        ipPermissions: [...inline, ...(separate ? [separate] : [])].map(permission),
        ownerId: ACCOUNT,
        groupId: SG_ID,
        ipPermissionsEgress: [{ ipProtocol: '-1', ipv6Ranges: [], prefixListIds: [], userIdGroupPairs: [], ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }], ipRanges: ['0.0.0.0/0'] }],
        vpcId: VPC_ID,
        tags: [],
      },
      supplementaryConfiguration: {},
    },
  ];
  return {
    target: { cloudformation: 'DbSecurityGroup', terraform: 'aws_security_group.db', config: arn },
    cloudformation: cfn(cfnResources, undecided ? ['  AllowedCidr:', '    Type: String'] : []),
    terraform: tf,
    ...(undecided ? { omit: UNDECIDED } : { plan, config }),
  };
}

// ---------------------------------------------------------------------------------------------
// S3

const BUCKET = 'acme-raw-data';
const BUCKET_ARN = `arn:aws:s3:::${BUCKET}`;

interface BucketOpts {
  level?: string;
  /** Public access block: all four on, two off, none configured, or one setting from a parameter. */
  block?: 'all' | 'partial' | 'var';
  /** Default encryption: none configured (SSE-S3), SSE-S3 explicitly, SSE-KMS with the AWS-managed key, SSE-KMS with the platform key. */
  sse?: 'default' | 'AES256' | 'aws-managed' | 'cmk';
  /** Bucket policy: deny without TLS, an allow-only policy, or none. */
  policy?: 'tls' | 'allow' | 'none';
  versioning?: 'Enabled' | 'Suspended' | 'none' | 'var';
}

/** The platform's existing customer-managed key, given by ARN (it is not defined with the bucket). */
const PLATFORM_KEY_ARN = CMK_ARN;

function policyDoc(kind: 'tls' | 'allow'): Record<string, unknown> {
  const reader = { Sid: 'AllowAnalyticsRead', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/analytics` }, Action: ['s3:GetObject', 's3:ListBucket'], Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`] };
  const tls = { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
  return { Version: '2012-10-17', Statement: kind === 'tls' ? [tls, reader] : [reader] };
}

function bucket(o: BucketOpts): Case {
  const block = o.block ?? 'all';
  const sse = o.sse ?? 'cmk';
  const policy = o.policy ?? 'tls';
  const versioning = o.versioning ?? 'Enabled';
  const undecided = block === 'var' || versioning === 'var';
  const flags = block === 'partial' ? { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false } : { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
  const algorithm = sse === 'AES256' || sse === 'default' ? 'AES256' : 'aws:kms';
  const cfnParams = [...(block === 'var' ? cfnParam('RestrictPublic', ['true', 'false']) : []), ...(versioning === 'var' ? cfnParam('VersioningStatus', ['Enabled', 'Suspended']) : [])];
  const cfnResources = [
    '  RawBucket:',
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    `      BucketName: ${BUCKET}`,
    ...(sse === 'default'
      ? []
      : [
          '      BucketEncryption:',
          '        ServerSideEncryptionConfiguration:',
          '          - ServerSideEncryptionByDefault:',
          `              SSEAlgorithm: ${algorithm}`,
          ...(sse === 'cmk' ? [`              KMSMasterKeyID: ${PLATFORM_KEY_ARN}`] : []),
          ...(algorithm === 'aws:kms' ? ['            BucketKeyEnabled: true'] : []),
        ]),
    '      PublicAccessBlockConfiguration:',
    `        BlockPublicAcls: ${flags.BlockPublicAcls}`,
    `        IgnorePublicAcls: ${flags.IgnorePublicAcls}`,
    `        BlockPublicPolicy: ${flags.BlockPublicPolicy}`,
    `        RestrictPublicBuckets:${block === 'var' ? yamlValue('var', 'RestrictPublic', '        ') : ` ${flags.RestrictPublicBuckets}`}`,
    ...(versioning === 'none' ? [] : ['      VersioningConfiguration:', `        Status:${yamlValue(versioning, 'VersioningStatus', '        ')}`]),
    ...cfnTags(o.level, '      '),
    ...(policy === 'none'
      ? []
      : [
          '  RawBucketPolicy:',
          '    Type: AWS::S3::BucketPolicy',
          '    Properties:',
          '      Bucket:',
          '        Ref: RawBucket',
          '      PolicyDocument:',
          '        Version: "2012-10-17"',
          '        Statement:',
          ...(policy === 'tls'
            ? [
                '          - Sid: DenyInsecureTransport',
                '            Effect: Deny',
                '            Principal: "*"',
                '            Action: "s3:*"',
                '            Resource:',
                '              - Fn::GetAtt: [RawBucket, Arn]',
                '              - Fn::Sub: "${RawBucket.Arn}/*"',
                '            Condition:',
                '              Bool:',
                '                aws:SecureTransport: "false"',
              ]
            : []),
          '          - Sid: AllowAnalyticsRead',
          '            Effect: Allow',
          '            Principal:',
          `              AWS: arn:aws:iam::${ACCOUNT}:role/analytics`,
          '            Action:',
          '              - s3:GetObject',
          '              - s3:ListBucket',
          '            Resource:',
          '              - Fn::GetAtt: [RawBucket, Arn]',
          '              - Fn::Sub: "${RawBucket.Arn}/*"',
        ]),
  ];
  const tfPolicy = (kind: 'tls' | 'allow') =>
    [
      '  policy = jsonencode({',
      '    Version = "2012-10-17"',
      '    Statement = [',
      ...(kind === 'tls'
        ? [
            '      {',
            '        Sid       = "DenyInsecureTransport"',
            '        Effect    = "Deny"',
            '        Principal = "*"',
            '        Action    = "s3:*"',
            `        Resource  = ["${BUCKET_ARN}", "${BUCKET_ARN}/*"]`,
            '        Condition = { Bool = { "aws:SecureTransport" = "false" } }',
            '      },',
          ]
        : []),
      '      {',
      '        Sid       = "AllowAnalyticsRead"',
      '        Effect    = "Allow"',
      `        Principal = { AWS = "arn:aws:iam::${ACCOUNT}:role/analytics" }`,
      '        Action    = ["s3:GetObject", "s3:ListBucket"]',
      `        Resource  = ["${BUCKET_ARN}", "${BUCKET_ARN}/*"]`,
      '      },',
      '    ]',
      '  })',
    ].join('\n');
  const tf = [
    ...(block === 'var' ? [tfVariable('restrict_public', 'bool')] : []),
    ...(versioning === 'var' ? [tfVariable('versioning_status', 'string')] : []),
    ['resource "aws_s3_bucket" "raw" {', `  bucket = "${BUCKET}"`, ...tfTags(o.level), '}'].join('\n') + '\n',
    [
      'resource "aws_s3_bucket_public_access_block" "raw" {',
      '  bucket                  = aws_s3_bucket.raw.id',
      `  block_public_acls       = ${flags.BlockPublicAcls}`,
      `  ignore_public_acls      = ${flags.IgnorePublicAcls}`,
      `  block_public_policy     = ${flags.BlockPublicPolicy}`,
      `  restrict_public_buckets = ${block === 'var' ? 'var.restrict_public' : flags.RestrictPublicBuckets}`,
      '}',
    ].join('\n') + '\n',
    ...(sse === 'default'
      ? []
      : [
          [
            'resource "aws_s3_bucket_server_side_encryption_configuration" "raw" {',
            '  bucket = aws_s3_bucket.raw.id',
            '',
            '  rule {',
            '    apply_server_side_encryption_by_default {',
            `      sse_algorithm     = "${algorithm}"`,
            ...(sse === 'cmk' ? [`      kms_master_key_id = "${PLATFORM_KEY_ARN}"`] : []),
            '    }',
            ...(algorithm === 'aws:kms' ? ['    bucket_key_enabled = true'] : []),
            '  }',
            '}',
          ].join('\n') + '\n',
        ]),
    ...(versioning === 'none'
      ? []
      : ['resource "aws_s3_bucket_versioning" "raw" {\n  bucket = aws_s3_bucket.raw.id\n\n  versioning_configuration {\n    status = ' + hcl(versioning, 'versioning_status') + '\n  }\n}\n']),
    ...(policy === 'none' ? [] : [['resource "aws_s3_bucket_policy" "raw" {', '  bucket = aws_s3_bucket.raw.id', tfPolicy(policy), '}'].join('\n') + '\n']),
  ].join('\n');
  const bucketRef = { bucket: ['aws_s3_bucket.raw.id', 'aws_s3_bucket.raw'] };
  const plan: PlanResource[] = [
    {
      address: 'aws_s3_bucket.raw',
      type: 'aws_s3_bucket',
      values: { bucket: BUCKET, force_destroy: false, timeouts: null, ...planTags(o.level) },
      unknown: { acceleration_status: true, acl: true, arn: true, bucket_domain_name: true, bucket_prefix: true, bucket_region: true, bucket_regional_domain_name: true, cors_rule: true, grant: true, hosted_zone_id: true, id: true, lifecycle_rule: true, logging: true, object_lock_configuration: true, object_lock_enabled: true, policy: true, region: true, replication_configuration: true, request_payer: true, server_side_encryption_configuration: true, versioning: true, website: true, website_domain: true, website_endpoint: true },
    },
    {
      address: 'aws_s3_bucket_public_access_block.raw',
      type: 'aws_s3_bucket_public_access_block',
      values: { block_public_acls: flags.BlockPublicAcls, block_public_policy: flags.BlockPublicPolicy, ignore_public_acls: flags.IgnorePublicAcls, restrict_public_buckets: flags.RestrictPublicBuckets, skip_destroy: null },
      unknown: { bucket: true, id: true },
      references: bucketRef,
    },
    ...(sse === 'default'
      ? []
      : [
          {
            address: 'aws_s3_bucket_server_side_encryption_configuration.raw',
            type: 'aws_s3_bucket_server_side_encryption_configuration',
            values: { expected_bucket_owner: null, rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: sse === 'cmk' ? PLATFORM_KEY_ARN : null, sse_algorithm: algorithm }], bucket_key_enabled: algorithm === 'aws:kms' ? true : null }] },
            unknown: { bucket: true, id: true },
            references: bucketRef,
          },
        ]),
    ...(versioning === 'none'
      ? []
      : [
          {
            address: 'aws_s3_bucket_versioning.raw',
            type: 'aws_s3_bucket_versioning',
            values: { expected_bucket_owner: null, mfa: null, versioning_configuration: [{ status: versioning }] },
            unknown: { bucket: true, id: true, versioning_configuration: [{ mfa_delete: true }] },
            references: bucketRef,
          },
        ]),
    ...(policy === 'none'
      ? []
      : [
          {
            address: 'aws_s3_bucket_policy.raw',
            type: 'aws_s3_bucket_policy',
            values: { policy: JSON.stringify(policyDoc(policy)) },
            unknown: { bucket: true, id: true },
            references: bucketRef,
          },
        ]),
  ];
  const config = [
    {
      resourceType: 'AWS::S3::Bucket',
      resourceId: BUCKET,
      resourceName: BUCKET,
      ARN: BUCKET_ARN,
      availabilityZone: 'Regional',
      configuration: { name: BUCKET, owner: { displayName: null, id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90' }, creationDate: '2026-01-12T09:30:00.000Z' },
      supplementaryConfiguration: {
        AccessControlList: '{"grantSet":null,"grantList":[{"grantee":{"id":"a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90","displayName":null},"permission":"FullControl"}],"owner":{"displayName":null,"id":"a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"},"isRequesterCharged":false}',
        BucketAccelerateConfiguration: { status: null },
        BucketLoggingConfiguration: { destinationBucketName: null, logFilePrefix: null },
        BucketNotificationConfiguration: { configurations: {} },
        BucketPolicy: { policyText: policy === 'none' ? null : JSON.stringify(policyDoc(policy)) },
        BucketVersioningConfiguration: { status: versioning === 'none' ? 'Off' : versioning, isMfaDeleteEnabled: null },
        IsRequesterPaysEnabled: false,
        PublicAccessBlockConfiguration: { blockPublicAcls: flags.BlockPublicAcls, ignorePublicAcls: flags.IgnorePublicAcls, blockPublicPolicy: flags.BlockPublicPolicy, restrictPublicBuckets: flags.RestrictPublicBuckets },
        ServerSideEncryptionConfiguration: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: algorithm, kmsMasterKeyID: sse === 'cmk' ? PLATFORM_KEY_ARN : null }, bucketKeyEnabled: algorithm === 'aws:kms' }] },
      },
      tags: configTags(o.level),
    },
  ];
  return {
    target: { cloudformation: 'RawBucket', terraform: 'aws_s3_bucket.raw', config: BUCKET_ARN },
    cloudformation: cfn(cfnResources, cfnParams),
    terraform: tf,
    ...(undecided ? { omit: UNDECIDED } : { plan, config }),
  };
}

// ---------------------------------------------------------------------------------------------

function c(rule: string, expect: ParityCase['expect'], name: string, body: Case): ParityCase {
  return { name, rule, expect, ...body };
}

export const cases: ParityCase[] = [
  // dynamodb.cmk
  c('dynamodb.cmk', 'fail', 'red table with DynamoDB’s AWS-owned key (no SSE specification)', table({ level: 'red', sse: 'owned' })),
  c('dynamodb.cmk', 'fail', 'red table with the AWS-managed aws/dynamodb key', {
    ...table({ level: 'red', sse: 'managed' }),
    plan: undefined,
    omit: { plan: HARNESS_LITERAL_BLOCKS },
  }),
  c('dynamodb.cmk', 'pass', 'red table with a customer-managed key', table({ level: 'red', sse: 'cmk' })),
  c('dynamodb.cmk', 'not-applicable', 'orange table with the AWS-owned key (red-only rule)', table({ level: 'orange', sse: 'owned' })),
  // dynamodb.pitr
  c('dynamodb.pitr', 'fail', 'point-in-time recovery off', table({ pitr: false })),
  c('dynamodb.pitr', 'pass', 'point-in-time recovery on', table({ pitr: true })),
  c('dynamodb.pitr', 'unknown', 'point-in-time recovery from an input without default', table({ pitr: 'var' })),
  // dynamodb.deletion-protection
  c('dynamodb.deletion-protection', 'fail', 'deletion protection off', table({ deletionProtection: false })),
  c('dynamodb.deletion-protection', 'pass', 'deletion protection on', table({ deletionProtection: true })),
  c('dynamodb.deletion-protection', 'unknown', 'deletion protection from an input without default', table({ deletionProtection: 'var' })),
  // dynamodb.vpc-endpoint
  c('dynamodb.vpc-endpoint', 'fail', 'VPC without a DynamoDB endpoint', vpcWithEndpoint('none')),
  c('dynamodb.vpc-endpoint', 'fail', 'VPC with only an interface endpoint for DynamoDB', vpcWithEndpoint('interface')),
  c('dynamodb.vpc-endpoint', 'pass', 'VPC with a DynamoDB gateway endpoint', vpcWithEndpoint('gateway')),
  c('dynamodb.vpc-endpoint', 'unknown', 'endpoint type from an input without default', vpcWithEndpoint('var')),

  // redshift.not-public
  c('redshift.not-public', 'fail', 'publicly accessible cluster', cluster({ public: true })),
  c('redshift.not-public', 'pass', 'private cluster', cluster({ public: false })),
  c('redshift.not-public', 'unknown', 'cluster accessibility from an input without default', cluster({ public: 'var' })),
  c('redshift.not-public', 'fail', 'publicly accessible serverless workgroup', serverless({ public: true }, 'workgroup')),
  c('redshift.not-public', 'pass', 'private serverless workgroup', serverless({ public: false }, 'workgroup')),
  // redshift.enhanced-vpc-routing
  c('redshift.enhanced-vpc-routing', 'fail', 'cluster without enhanced VPC routing', cluster({ enhancedVpcRouting: false })),
  c('redshift.enhanced-vpc-routing', 'pass', 'cluster with enhanced VPC routing', cluster({ enhancedVpcRouting: true })),
  c('redshift.enhanced-vpc-routing', 'unknown', 'enhanced VPC routing from an input without default', cluster({ enhancedVpcRouting: 'var' })),
  c('redshift.enhanced-vpc-routing', 'fail', 'serverless workgroup without enhanced VPC routing', serverless({ enhancedVpcRouting: false }, 'workgroup')),
  // redshift.encrypted
  c('redshift.encrypted', 'fail', 'unencrypted red cluster', cluster({ level: 'red', encryption: 'none' })),
  c('redshift.encrypted', 'pass', 'red cluster encrypted with a customer-managed key', cluster({ level: 'red', encryption: 'cmk' })),
  c('redshift.encrypted', 'unknown', 'encryption from an input without default', cluster({ level: 'red', encryption: 'var' })),
  c('redshift.encrypted', 'fail', 'red serverless namespace with the AWS-owned key', serverless({ level: 'red', key: false }, 'namespace')),
  c('redshift.encrypted', 'pass', 'red serverless namespace with a customer-managed key', serverless({ level: 'red', key: true }, 'namespace')),
  // tls.redshift-require-ssl
  c('tls.redshift-require-ssl', 'fail', 'cluster on the default parameter group', cluster({ params: 'default' })),
  c('tls.redshift-require-ssl', 'fail', 'parameter group with require_ssl false', cluster({ params: { require_ssl: 'false', enable_user_activity_logging: 'true' } })),
  c('tls.redshift-require-ssl', 'pass', 'parameter group with require_ssl true', cluster({ params: GOOD_REDSHIFT_PARAMS })),
  c('tls.redshift-require-ssl', 'fail', 'serverless workgroup without require_ssl', serverless({ configParameters: { enable_user_activity_logging: 'true' } }, 'workgroup')),
  c('tls.redshift-require-ssl', 'pass', 'serverless workgroup with require_ssl true', serverless({ configParameters: { require_ssl: 'true', enable_user_activity_logging: 'true' } }, 'workgroup')),
  // redshift.audit-logging
  c('redshift.audit-logging', 'fail', 'cluster without audit logging', cluster({ logging: false })),
  c('redshift.audit-logging', 'fail', 'audit logging without user activity logging', cluster({ params: { require_ssl: 'true' } })),
  c('redshift.audit-logging', 'pass', 'audit logging and user activity logging on', cluster({})),
  c('redshift.audit-logging', 'fail', 'serverless namespace exporting only the connection log', serverless({ logExports: ['connectionlog'] }, 'namespace')),
  c('redshift.audit-logging', 'pass', 'serverless namespace exporting all audit logs', serverless({}, 'namespace')),
  // redshift.snapshot-retention
  c('redshift.snapshot-retention', 'fail', 'automated snapshots disabled', cluster({ retention: 0 })),
  c('redshift.snapshot-retention', 'pass', 'automated snapshots kept 7 days', cluster({ retention: 7 })),
  c('redshift.snapshot-retention', 'unknown', 'snapshot retention from an input without default', cluster({ retention: 'var' })),
  // redshift.iam-roles
  c('redshift.iam-roles', 'fail', 'cluster without IAM roles', cluster({ iamRoles: false })),
  c('redshift.iam-roles', 'pass', 'cluster with a COPY/UNLOAD role', cluster({ iamRoles: true })),

  // rds.not-public
  c('rds.not-public', 'fail', 'publicly accessible Aurora instance', aurora({ instancePublic: true }, 'instance')),
  c('rds.not-public', 'pass', 'private Aurora instance', aurora({ instancePublic: false }, 'instance')),
  c('rds.not-public', 'unknown', 'instance accessibility from an input without default', aurora({ instancePublic: 'var' }, 'instance')),
  c('rds.not-public', 'fail', 'publicly accessible standalone PostgreSQL instance', instance({ public: true })),
  // rds.storage-encrypted
  c('rds.storage-encrypted', 'fail', 'unencrypted cluster', aurora({ encryption: 'none' })),
  c('rds.storage-encrypted', 'pass', 'red cluster encrypted with a customer-managed key', aurora({ level: 'red', encryption: 'cmk' })),
  c('rds.storage-encrypted', 'unknown', 'storage encryption from an input without default', aurora({ encryption: 'var' })),
  c('rds.storage-encrypted', 'fail', 'unencrypted standalone instance', instance({ encryption: 'none' })),
  c('rds.storage-encrypted', 'not-applicable', 'Aurora instance (checked on its cluster)', aurora({ encryption: 'none' }, 'instance')),
  // tls.rds-force-ssl
  c('tls.rds-force-ssl', 'fail', 'Aurora PostgreSQL on its default cluster parameter group', aurora({ params: 'default' })),
  c('tls.rds-force-ssl', 'fail', 'cluster parameter group with rds.force_ssl 0', { ...aurora({ params: { 'rds.force_ssl': '0' } }), config: undefined, omit: { config: NO_CONFIG_RDS_PARAMS } }),
  c('tls.rds-force-ssl', 'pass', 'cluster parameter group with rds.force_ssl 1', { ...aurora({ params: { 'rds.force_ssl': '1' } }), config: undefined, omit: { config: NO_CONFIG_RDS_PARAMS } }),
  c('tls.rds-force-ssl', 'pass', 'Aurora MySQL cluster parameter group with require_secure_transport ON', { ...aurora({ engine: 'aurora-mysql', params: { require_secure_transport: 'ON' } }), config: undefined, omit: { config: NO_CONFIG_RDS_PARAMS } }),
  c('tls.rds-force-ssl', 'unknown', 'cluster parameter group defined outside the input', aurora({ params: 'external' })),
  c('tls.rds-force-ssl', 'pass', 'PostgreSQL 16 instance on default.postgres16 (force_ssl defaults to 1)', instance({ parameterGroup: 'default.postgres16' })),
  c('tls.rds-force-ssl', 'pass', 'PostgreSQL 16 instance naming no parameter group (its default group forces TLS)', instance({ parameterGroup: null })),
  c('tls.rds-force-ssl', 'fail', 'PostgreSQL 14 instance naming no parameter group (force_ssl defaults to 0)', instance({ parameterGroup: null, engineVersion: '14.12' })),
  // rds.iam-auth
  c('rds.iam-auth', 'fail', 'IAM database authentication off', aurora({ iamAuth: false })),
  c('rds.iam-auth', 'pass', 'IAM database authentication on', aurora({ iamAuth: true })),
  c('rds.iam-auth', 'unknown', 'IAM database authentication from an input without default', aurora({ iamAuth: 'var' })),
  // rds.log-exports
  c('rds.log-exports', 'fail', 'Aurora PostgreSQL exporting no logs', aurora({ logExports: [] })),
  c('rds.log-exports', 'pass', 'Aurora PostgreSQL exporting the postgresql log', aurora({ logExports: ['postgresql'] })),
  c('rds.log-exports', 'fail', 'Aurora MySQL exporting only the error log', aurora({ engine: 'aurora-mysql', logExports: ['error', 'slowquery'] })),
  c('rds.log-exports', 'fail', 'standalone PostgreSQL instance exporting only the upgrade log', instance({ logExports: ['upgrade'] })),
  // rds.pgaudit
  c('rds.pgaudit', 'fail', 'Aurora PostgreSQL on its default cluster parameter group', aurora({ params: 'default' })),
  c('rds.pgaudit', 'fail', 'pgaudit preloaded but pgaudit.log none', { ...aurora({ params: { shared_preload_libraries: 'pg_stat_statements,pgaudit', 'pgaudit.log': 'none' } }), config: undefined, omit: { config: NO_CONFIG_RDS_PARAMS } }),
  c('rds.pgaudit', 'pass', 'pgaudit preloaded and logging', { ...aurora({ params: { shared_preload_libraries: 'pg_stat_statements,pgaudit', 'pgaudit.log': 'ddl,write,role' } }), config: undefined, omit: { config: NO_CONFIG_RDS_PARAMS } }),
  c('rds.pgaudit', 'unknown', 'cluster parameter group defined outside the input', aurora({ params: 'external' })),
  c('rds.pgaudit', 'not-applicable', 'Aurora MySQL cluster', aurora({ engine: 'aurora-mysql' })),
  // rds.backup-retention
  c('rds.backup-retention', 'fail', 'backups kept 1 day', aurora({ retention: 1 })),
  c('rds.backup-retention', 'pass', 'backups kept 14 days', aurora({ retention: 14 })),
  c('rds.backup-retention', 'unknown', 'backup retention from an input without default', aurora({ retention: 'var' })),
  c('rds.backup-retention', 'fail', 'standalone instance keeping backups 3 days', instance({ retention: 3 })),
  // rds.deletion-protection
  c('rds.deletion-protection', 'fail', 'deletion protection off', aurora({ deletionProtection: false })),
  c('rds.deletion-protection', 'pass', 'deletion protection on', aurora({ deletionProtection: true })),
  c('rds.deletion-protection', 'unknown', 'deletion protection from an input without default', aurora({ deletionProtection: 'var' })),

  // network.db-port-open
  c('network.db-port-open', 'fail', 'PostgreSQL port open to 0.0.0.0/0', securityGroup([{ protocol: 'tcp', from: 5432, to: 5432, cidr: '0.0.0.0/0' }])),
  c('network.db-port-open', 'fail', 'all traffic open to the internet', securityGroup([{ protocol: '-1', from: 0, to: 0, cidr: '0.0.0.0/0' }])),
  c('network.db-port-open', 'fail', 'MySQL open to ::/0 by a separate ingress rule', securityGroup([{ protocol: 'tcp', from: 5432, to: 5432, cidr: '10.0.0.0/16' }], { protocol: 'tcp', from: 3306, to: 3306, cidrV6: '::/0' })),
  c('network.db-port-open', 'pass', 'database port from the VPC only, HTTPS from anywhere', securityGroup([{ protocol: 'tcp', from: 5432, to: 5432, cidr: '10.0.0.0/16' }, { protocol: 'tcp', from: 443, to: 443, cidr: '0.0.0.0/0' }])),
  c('network.db-port-open', 'unknown', 'source CIDR from an input without default', securityGroup([{ protocol: 'tcp', from: 5439, to: 5439, cidr: 'var' }])),

  // s3.block-public-access
  c('s3.block-public-access', 'fail', 'public policies not blocked', bucket({ block: 'partial' })),
  c('s3.block-public-access', 'pass', 'all four settings on', bucket({ block: 'all' })),
  c('s3.block-public-access', 'unknown', 'one setting from an input without default', bucket({ block: 'var' })),
  // s3.encryption
  c('s3.encryption', 'fail', 'red bucket with SSE-S3', bucket({ level: 'red', sse: 'AES256' })),
  c('s3.encryption', 'fail', 'red bucket with the AWS-managed aws/s3 key', bucket({ level: 'red', sse: 'aws-managed' })),
  c('s3.encryption', 'pass', 'red bucket with SSE-KMS and a customer-managed key', bucket({ level: 'red', sse: 'cmk' })),
  c('s3.encryption', 'fail', 'orange bucket without a bucket policy', bucket({ level: 'orange', sse: 'default', policy: 'none' })),
  c('s3.encryption', 'pass', 'orange bucket with default encryption and a bucket policy', bucket({ level: 'orange', sse: 'default', policy: 'allow' })),
  c('s3.encryption', 'not-applicable', 'green bucket', bucket({ level: 'green', sse: 'default', policy: 'none' })),
  // tls.s3-secure-transport
  c('tls.s3-secure-transport', 'fail', 'bucket without a policy', bucket({ policy: 'none' })),
  c('tls.s3-secure-transport', 'fail', 'bucket policy without a TLS deny', bucket({ policy: 'allow' })),
  c('tls.s3-secure-transport', 'pass', 'bucket policy denying aws:SecureTransport false', bucket({ policy: 'tls' })),
  // s3.versioning
  c('s3.versioning', 'fail', 'orange bucket that never had versioning', bucket({ level: 'orange', versioning: 'none' })),
  c('s3.versioning', 'fail', 'orange bucket with versioning suspended', bucket({ level: 'orange', versioning: 'Suspended' })),
  c('s3.versioning', 'pass', 'orange bucket with versioning on', bucket({ level: 'orange', versioning: 'Enabled' })),
  c('s3.versioning', 'unknown', 'versioning status from an input without default', bucket({ level: 'orange', versioning: 'var' })),
  c('s3.versioning', 'not-applicable', 'green bucket without versioning', bucket({ level: 'green', versioning: 'none' })),
];
