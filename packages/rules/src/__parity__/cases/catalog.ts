import type { ParityCase, PlanResource } from '../harness';

/**
 * Parity cases for the catalog group: Glue, Lake Formation, secrets, CloudTrail, CloudWatch Logs,
 * classification and IaC governance. Each case writes one resource as CloudFormation (long-form
 * intrinsics, so the harness derives the CDK variant), Terraform, a Terraform plan (values as the
 * AWS provider plans them: computed attributes in `unknown`, references in `references`) and AWS
 * Config items (as Config records the type), or says why a format cannot express it.
 */

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/glue-etl`;
const ANALYST = `arn:aws:iam::${ACCOUNT}:role/analyst`;
const LF_ADMIN = `arn:aws:iam::${ACCOUNT}:role/data-lake-admin`;
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/1f2e3d4c-5b6a-4789-8abc-0d1e2f3a4b5c`;
const RDS_URL = 'jdbc:postgresql://orders.cluster-c1a2b3d4e5f6.eu-west-1.rds.amazonaws.com:5432/orders';

const NOT_RECORDED = (what: string) => `AWS Config does not record ${what}`;
const NO_VARIABLES_IN_PLAN = 'a plan holds the value of every variable, so nothing the case leaves open can be unknown there';
const NO_VARIABLES_IN_CONFIG = 'AWS Config records the deployed value, never an unresolved one';

/** A CloudFormation template from indented `Resources:` (and optional `Parameters:`) bodies. */
function cfn(resources: string, parameters?: string): string {
  return `AWSTemplateFormatVersion: "2010-09-09"\n${parameters ? `Parameters:\n${parameters}` : ''}Resources:\n${resources}`;
}

/** Tags as the AWS provider plans them: `tags` as written, `tags_all` with provider default tags (none here). */
function tfTags(tags?: Record<string, string>): Record<string, unknown> {
  return { tags: tags ?? null, tags_all: tags ?? {} };
}

/** One AWS Config configuration item (the harness adds version, capture time, account and region). */
function item(resourceType: string, resourceId: string, resourceName: string, arn: string | undefined, configuration: Record<string, unknown>, rest: { tags?: Record<string, string>; supplementaryConfiguration?: Record<string, unknown> } = {}): Record<string, unknown> {
  return {
    resourceType,
    resourceId,
    resourceName,
    ...(arn ? { ARN: arn } : {}),
    availabilityZone: 'Not Applicable',
    resourceCreationTime: '2026-10-01T09:00:00.000Z',
    configuration,
    supplementaryConfiguration: rest.supplementaryConfiguration ?? {},
    tags: rest.tags ?? {},
  };
}

// ------------------------------------------------------------------------------------------ Glue jobs

interface JobSpec {
  name: string;
  /** Default arguments: literal values, or `{ param: name }` for a value from a parameter/variable without default. */
  args?: Record<string, string | { param: string }>;
  connections?: Array<{ cfn: string; tf: string; plan: string; ref: string }>;
  securityConfiguration?: { cfn: string; tf: string; plan: string; ref?: string } | { param: string };
  tags?: Record<string, string>;
}

const jobArn = (name: string) => `arn:aws:glue:${REGION}:${ACCOUNT}:job/${name}`;
const GLUE_JOB_CFN = 'OrdersExportJob';
const GLUE_JOB_TF = 'aws_glue_job.orders_export';

function jobCfn(s: JobSpec): string {
  const lines = [
    `  ${GLUE_JOB_CFN}:`,
    '    Type: AWS::Glue::Job',
    '    Properties:',
    `      Name: ${s.name}`,
    `      Role: ${ROLE}`,
    '      GlueVersion: "4.0"',
    '      WorkerType: G.1X',
    '      NumberOfWorkers: 2',
    '      Command:',
    '        Name: glueetl',
    `        ScriptLocation: s3://etl-scripts-${ACCOUNT}/${s.name}.py`,
    '        PythonVersion: "3"',
  ];
  const args = Object.entries(s.args ?? {});
  if (args.length > 0) {
    lines.push('      DefaultArguments:');
    for (const [k, v] of args) lines.push(typeof v === 'string' ? `        "${k}": "${v}"` : `        "${k}":\n          Ref: ${v.param}`);
  }
  if (s.connections) {
    lines.push('      Connections:', '        Connections:');
    for (const c of s.connections) lines.push(`          - ${c.cfn}`);
  }
  const sc = s.securityConfiguration;
  if (sc) lines.push('param' in sc ? `      SecurityConfiguration:\n        Ref: ${sc.param}` : `      SecurityConfiguration:\n        ${sc.cfn}`);
  if (s.tags) {
    // AWS::Glue::Job Tags is a JSON object, not a list of {Key, Value}.
    lines.push('      Tags:');
    for (const [k, v] of Object.entries(s.tags)) lines.push(`        ${k}: ${v}`);
  }
  return lines.join('\n') + '\n';
}

function jobTf(s: JobSpec): string {
  const lines = [
    'resource "aws_glue_job" "orders_export" {',
    `  name              = "${s.name}"`,
    `  role_arn          = "${ROLE}"`,
    '  glue_version      = "4.0"',
    '  worker_type       = "G.1X"',
    '  number_of_workers = 2',
    '',
    '  command {',
    '    name            = "glueetl"',
    `    script_location = "s3://etl-scripts-${ACCOUNT}/${s.name}.py"`,
    '    python_version  = "3"',
    '  }',
  ];
  const args = Object.entries(s.args ?? {});
  if (args.length > 0) {
    lines.push('', '  default_arguments = {');
    for (const [k, v] of args) lines.push(`    "${k}" = ${typeof v === 'string' ? `"${v}"` : `var.${v.param}`}`);
    lines.push('  }');
  }
  if (s.connections) lines.push(`  connections = [${s.connections.map((c) => c.tf).join(', ')}]`);
  const sc = s.securityConfiguration;
  if (sc) lines.push(`  security_configuration = ${'param' in sc ? `var.${sc.param}` : sc.tf}`);
  if (s.tags) {
    lines.push('  tags = {');
    for (const [k, v] of Object.entries(s.tags)) lines.push(`    ${k} = "${v}"`);
    lines.push('  }');
  }
  lines.push('}');
  const vars = [...args.flatMap(([, v]) => (typeof v === 'string' ? [] : [v.param])), ...(sc && 'param' in sc ? [sc.param] : [])];
  return [...vars.map((v) => `variable "${v}" {\n  type = string\n}\n`), lines.join('\n')].join('\n') + '\n';
}

function jobPlan(s: JobSpec): PlanResource {
  const sc = s.securityConfiguration;
  const references: Record<string, string[]> = {};
  if (s.connections) references.connections = s.connections.flatMap((c) => [c.ref, c.ref.replace(/\.name$/, '')]);
  if (sc && !('param' in sc) && sc.ref) references.security_configuration = [sc.ref, sc.ref.replace(/\.name$/, '')];
  return {
    address: GLUE_JOB_TF,
    type: 'aws_glue_job',
    values: {
      name: s.name,
      role_arn: ROLE,
      glue_version: '4.0',
      worker_type: 'G.1X',
      number_of_workers: 2,
      command: [{ name: 'glueetl', script_location: `s3://etl-scripts-${ACCOUNT}/${s.name}.py`, python_version: '3', runtime: null }],
      default_arguments: s.args ? Object.fromEntries(Object.entries(s.args).map(([k, v]) => [k, typeof v === 'string' ? v : ''])) : null,
      non_overridable_arguments: null,
      connections: s.connections ? s.connections.map((c) => c.plan) : null,
      security_configuration: sc && !('param' in sc) ? sc.plan : null,
      description: null,
      max_retries: 0,
      timeout: 2880,
      execution_class: null,
      maintenance_window: null,
      source_control_details: [],
      ...tfTags(s.tags),
    },
    unknown: { arn: true, id: true, max_capacity: true, execution_property: true, notification_property: true, job_mode: true },
    ...(Object.keys(references).length > 0 ? { references } : {}),
  };
}

/** A Glue job as AWS Config records it (through the CloudFormation registry: CloudFormation casing). */
function jobItem(s: JobSpec): Record<string, unknown> {
  const sc = s.securityConfiguration;
  return item(
    'AWS::Glue::Job',
    s.name,
    s.name,
    jobArn(s.name),
    {
      Name: s.name,
      Role: ROLE,
      GlueVersion: '4.0',
      WorkerType: 'G.1X',
      NumberOfWorkers: 2,
      MaxRetries: 0,
      Timeout: 2880,
      ExecutionProperty: { MaxConcurrentRuns: 1 },
      Command: { Name: 'glueetl', ScriptLocation: `s3://etl-scripts-${ACCOUNT}/${s.name}.py`, PythonVersion: '3' },
      ...(s.args ? { DefaultArguments: s.args } : {}),
      ...(s.connections ? { Connections: { Connections: s.connections.map((c) => c.plan) } } : {}),
      ...(sc && !('param' in sc) ? { SecurityConfiguration: sc.plan } : {}),
    },
    { tags: s.tags ?? {} },
  );
}

/** A Glue job case in all four formats (variables/parameters only in CloudFormation and Terraform). */
function jobCase(name: string, rule: string, expect: ParityCase['expect'], s: JobSpec, extra: { cfn?: string; tf?: string; plan?: PlanResource[]; parameters?: string; omit?: ParityCase['omit'] } = {}): ParityCase {
  const open = Object.values(s.args ?? {}).some((v) => typeof v !== 'string') || (s.securityConfiguration !== undefined && 'param' in s.securityConfiguration);
  const omitPlan = extra.omit?.plan ?? (open ? NO_VARIABLES_IN_PLAN : undefined);
  const omitConfig = extra.omit?.config ?? (open ? NO_VARIABLES_IN_CONFIG : undefined);
  const params = [
    ...Object.values(s.args ?? {}).flatMap((v) => (typeof v === 'string' ? [] : [v.param])),
    ...(s.securityConfiguration && 'param' in s.securityConfiguration ? [s.securityConfiguration.param] : []),
  ];
  const parameters = (extra.parameters ?? '') + params.map((p) => `  ${p}:\n    Type: String\n`).join('');
  return {
    name,
    rule,
    expect,
    target: { cloudformation: GLUE_JOB_CFN, terraform: GLUE_JOB_TF, config: jobArn(s.name) },
    cloudformation: cfn(jobCfn(s) + (extra.cfn ?? ''), parameters || undefined),
    terraform: jobTf(s) + (extra.tf ?? ''),
    ...(omitPlan ? {} : { plan: [jobPlan(s), ...(extra.plan ?? [])] }),
    ...(omitConfig ? {} : { config: [jobItem(s)] }),
    ...(omitPlan || omitConfig ? { omit: { ...(omitPlan ? { plan: omitPlan } : {}), ...(omitConfig ? { config: omitConfig } : {}) } } : {}),
  };
}

// A NETWORK connection that places a job in a private subnet.
const VPC_CONNECTION = {
  cfn: `  OrdersVpcConnection:
    Type: AWS::Glue::Connection
    Properties:
      CatalogId:
        Ref: AWS::AccountId
      ConnectionInput:
        Name: orders-vpc
        ConnectionType: NETWORK
        PhysicalConnectionRequirements:
          AvailabilityZone: eu-west-1a
          SubnetId: subnet-0a1b2c3d4e5f60718
          SecurityGroupIdList:
            - sg-0123456789abcdef0
`,
  tf: `
resource "aws_glue_connection" "orders_vpc" {
  name            = "orders-vpc"
  connection_type = "NETWORK"

  physical_connection_requirements {
    availability_zone      = "eu-west-1a"
    subnet_id              = "subnet-0a1b2c3d4e5f60718"
    security_group_id_list = ["sg-0123456789abcdef0"]
  }
}
`,
  plan: {
    address: 'aws_glue_connection.orders_vpc',
    type: 'aws_glue_connection',
    values: {
      name: 'orders-vpc',
      connection_type: 'NETWORK',
      connection_properties: null,
      description: null,
      match_criteria: null,
      physical_connection_requirements: [{ availability_zone: 'eu-west-1a', subnet_id: 'subnet-0a1b2c3d4e5f60718', security_group_id_list: ['sg-0123456789abcdef0'] }],
      ...tfTags(),
    },
    unknown: { arn: true, id: true, catalog_id: true },
  } satisfies PlanResource,
};

const jobCases: ParityCase[] = [
  jobCase('job reading an RDS database over JDBC without a connection', 'glue.job-in-vpc', 'fail', {
    name: 'orders-export',
    args: { '--job-language': 'python', '--source_jdbc_url': RDS_URL },
  }),
  jobCase(
    'job running through a NETWORK connection',
    'glue.job-in-vpc',
    'pass',
    {
      name: 'orders-export',
      args: { '--job-language': 'python', '--source_jdbc_url': RDS_URL },
      connections: [{ cfn: 'Ref: OrdersVpcConnection', tf: 'aws_glue_connection.orders_vpc.name', plan: 'orders-vpc', ref: 'aws_glue_connection.orders_vpc.name' }],
    },
    { cfn: VPC_CONNECTION.cfn, tf: VPC_CONNECTION.tf, plan: [VPC_CONNECTION.plan] },
  ),
  jobCase('job without a connection whose JDBC URL comes from a parameter without default', 'glue.job-in-vpc', 'unknown', {
    name: 'orders-export',
    args: { '--job-language': 'python', '--source_jdbc_url': { param: 'SourceJdbcUrl' } },
  }),
  jobCase('job without continuous logging', 'glue.continuous-logging', 'fail', {
    name: 'orders-export',
    args: { '--job-language': 'python', '--enable-metrics': 'true' },
  }),
  jobCase('job with continuous logging on', 'glue.continuous-logging', 'pass', {
    name: 'orders-export',
    args: { '--job-language': 'python', '--enable-continuous-cloudwatch-log': 'true', '--continuous-log-logGroup': '/aws-glue/jobs/orders-export' },
  }),
  jobCase('job with continuous logging explicitly off', 'glue.continuous-logging', 'fail', {
    name: 'orders-export',
    args: { '--enable-continuous-cloudwatch-log': 'false' },
  }),
  jobCase('job whose continuous-logging switch comes from a parameter without default', 'glue.continuous-logging', 'unknown', {
    name: 'orders-export',
    args: { '--enable-continuous-cloudwatch-log': { param: 'ContinuousLogging' } },
  }),
  jobCase('job without a security configuration', 'glue.security-configuration', 'fail', { name: 'orders-export' }),
];

// ------------------------------------------------------------------------- Glue security configuration

interface Modes {
  s3: string;
  cloudWatch: string;
  bookmarks: string;
}

function securityConfigurationCfn(id: string, name: string, m: Modes): string {
  const key = (mode: string) => (mode.endsWith('KMS') ? `\n          KmsKeyArn: ${KEY_ARN}` : '');
  return `  ${id}:
    Type: AWS::Glue::SecurityConfiguration
    Properties:
      Name: ${name}
      EncryptionConfiguration:
        S3Encryptions:
          - S3EncryptionMode: ${m.s3}${m.s3.endsWith('KMS') ? `\n            KmsKeyArn: ${KEY_ARN}` : ''}
        CloudWatchEncryption:
          CloudWatchEncryptionMode: ${m.cloudWatch}${key(m.cloudWatch)}
        JobBookmarksEncryption:
          JobBookmarksEncryptionMode: ${m.bookmarks}${key(m.bookmarks)}
`;
}

function securityConfigurationTf(label: string, name: string, m: Modes): string {
  const key = (mode: string, indent: string) => (mode.endsWith('KMS') ? `\n${indent}kms_key_arn = "${KEY_ARN}"` : '');
  return `
resource "aws_glue_security_configuration" "${label}" {
  name = "${name}"

  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "${m.cloudWatch}"${key(m.cloudWatch, '      ')}
    }

    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "${m.bookmarks}"${key(m.bookmarks, '      ')}
    }

    s3_encryption {
      s3_encryption_mode = "${m.s3}"${key(m.s3, '      ')}
    }
  }
}
`;
}

function securityConfigurationPlan(label: string, name: string, m: Modes): PlanResource {
  const key = (mode: string) => (mode.endsWith('KMS') ? KEY_ARN : null);
  return {
    address: `aws_glue_security_configuration.${label}`,
    type: 'aws_glue_security_configuration',
    values: {
      name,
      encryption_configuration: [
        {
          cloudwatch_encryption: [{ cloudwatch_encryption_mode: m.cloudWatch, kms_key_arn: key(m.cloudWatch) }],
          job_bookmarks_encryption: [{ job_bookmarks_encryption_mode: m.bookmarks, kms_key_arn: key(m.bookmarks) }],
          s3_encryption: [{ s3_encryption_mode: m.s3, kms_key_arn: key(m.s3) }],
        },
      ],
    },
    unknown: { id: true },
  };
}

const ALL_KMS: Modes = { s3: 'SSE-KMS', cloudWatch: 'SSE-KMS', bookmarks: 'CSE-KMS' };
const SC_REF = { cfn: 'Ref: EtlSecurity', tf: 'aws_glue_security_configuration.etl.name', plan: 'etl-kms', ref: 'aws_glue_security_configuration.etl.name' };

const CRAWLER_CFN = 'RawCrawler';
const CRAWLER_TF = 'aws_glue_crawler.raw';

function crawlerCase(name: string, expect: ParityCase['expect'], m: Modes): ParityCase {
  return {
    name,
    rule: 'glue.security-configuration',
    expect,
    target: { cloudformation: CRAWLER_CFN, terraform: CRAWLER_TF },
    cloudformation: cfn(`  ${CRAWLER_CFN}:
    Type: AWS::Glue::Crawler
    Properties:
      Name: raw-orders
      Role: ${ROLE}
      DatabaseName: raw
      Targets:
        S3Targets:
          - Path: s3://raw-${ACCOUNT}/orders/
      CrawlerSecurityConfiguration:
        Ref: CrawlerSecurity
${securityConfigurationCfn('CrawlerSecurity', 'crawler-sec', m)}`),
    terraform: `resource "aws_glue_crawler" "raw" {
  name                   = "raw-orders"
  role                   = "${ROLE}"
  database_name          = "raw"
  security_configuration = aws_glue_security_configuration.crawler.name

  s3_target {
    path = "s3://raw-${ACCOUNT}/orders/"
  }
}
${securityConfigurationTf('crawler', 'crawler-sec', m)}`,
    plan: [
      {
        address: CRAWLER_TF,
        type: 'aws_glue_crawler',
        values: {
          name: 'raw-orders',
          role: ROLE,
          database_name: 'raw',
          security_configuration: 'crawler-sec',
          s3_target: [{ path: `s3://raw-${ACCOUNT}/orders/`, connection_name: null, dlq_event_queue_arn: null, event_queue_arn: null, exclusions: null, sample_size: null }],
          classifiers: null,
          configuration: null,
          description: null,
          schedule: null,
          table_prefix: null,
          ...tfTags(),
        },
        unknown: { arn: true, id: true, schema_change_policy: true, recrawl_policy: true, lineage_configuration: true },
        references: { security_configuration: ['aws_glue_security_configuration.crawler.name', 'aws_glue_security_configuration.crawler'] },
      },
      securityConfigurationPlan('crawler', 'crawler-sec', m),
    ],
    omit: { config: NOT_RECORDED('Glue crawlers (AWS::Glue::Crawler is not a recorded resource type)') },
  };
}

const securityConfigurationCases: ParityCase[] = [
  jobCase(
    'job with a security configuration encrypting S3, CloudWatch and bookmarks with KMS',
    'glue.security-configuration',
    'pass',
    { name: 'orders-export', securityConfiguration: SC_REF },
    {
      cfn: securityConfigurationCfn('EtlSecurity', 'etl-kms', ALL_KMS),
      tf: securityConfigurationTf('etl', 'etl-kms', ALL_KMS),
      plan: [securityConfigurationPlan('etl', 'etl-kms', ALL_KMS)],
      omit: { config: `${NOT_RECORDED('Glue security configurations')}: from Config alone the job's configuration cannot be checked (unknown, not pass)` },
    },
  ),
  jobCase(
    'job whose security configuration leaves job bookmarks unencrypted',
    'glue.security-configuration',
    'fail',
    { name: 'orders-export', securityConfiguration: SC_REF },
    {
      cfn: securityConfigurationCfn('EtlSecurity', 'etl-kms', { ...ALL_KMS, bookmarks: 'DISABLED' }),
      tf: securityConfigurationTf('etl', 'etl-kms', { ...ALL_KMS, bookmarks: 'DISABLED' }),
      plan: [securityConfigurationPlan('etl', 'etl-kms', { ...ALL_KMS, bookmarks: 'DISABLED' })],
      omit: { config: NOT_RECORDED('Glue security configurations, so their encryption modes are not in the input') },
    },
  ),
  jobCase('job whose security configuration name comes from a parameter without default', 'glue.security-configuration', 'unknown', {
    name: 'orders-export',
    securityConfiguration: { param: 'SecurityConfigurationName' },
  }),
  jobCase(
    'job naming a security configuration that is not in the input',
    'glue.security-configuration',
    'unknown',
    { name: 'orders-export', securityConfiguration: { cfn: 'shared-etl-kms', tf: '"shared-etl-kms"', plan: 'shared-etl-kms' } },
  ),
  crawlerCase('crawler whose security configuration uses SSE-S3 and no CloudWatch encryption', 'fail', { s3: 'SSE-S3', cloudWatch: 'DISABLED', bookmarks: 'DISABLED' }),
  crawlerCase('crawler with KMS for S3 and CloudWatch (crawlers have no bookmarks)', 'pass', { s3: 'SSE-KMS', cloudWatch: 'SSE-KMS', bookmarks: 'DISABLED' }),
];

// ------------------------------------------------------------------------- Data Catalog encryption

function catalogEncryptionCase(name: string, expect: ParityCase['expect'], encrypted: boolean): ParityCase {
  const mode = encrypted ? 'SSE-KMS' : 'DISABLED';
  return {
    name,
    rule: 'glue.catalog-encryption',
    expect,
    target: { cloudformation: 'CatalogEncryption', terraform: 'aws_glue_data_catalog_encryption_settings.this' },
    cloudformation: cfn(`  CatalogEncryption:
    Type: AWS::Glue::DataCatalogEncryptionSettings
    Properties:
      CatalogId:
        Ref: AWS::AccountId
      DataCatalogEncryptionSettings:
        EncryptionAtRest:
          CatalogEncryptionMode: ${mode}${encrypted ? `\n          SseAwsKmsKeyId: ${KEY_ARN}` : ''}
        ConnectionPasswordEncryption:
          ReturnConnectionPasswordEncrypted: ${encrypted}${encrypted ? `\n          KmsKeyId: ${KEY_ARN}` : ''}
`),
    terraform: `resource "aws_glue_data_catalog_encryption_settings" "this" {
  data_catalog_encryption_settings {
    connection_password_encryption {
      return_connection_password_encrypted = ${encrypted}${encrypted ? `\n      aws_kms_key_id                       = "${KEY_ARN}"` : ''}
    }

    encryption_at_rest {
      catalog_encryption_mode = "${mode}"${encrypted ? `\n      sse_aws_kms_key_id      = "${KEY_ARN}"` : ''}
    }
  }
}
`,
    plan: [
      {
        address: 'aws_glue_data_catalog_encryption_settings.this',
        type: 'aws_glue_data_catalog_encryption_settings',
        values: {
          data_catalog_encryption_settings: [
            {
              connection_password_encryption: [{ return_connection_password_encrypted: encrypted, aws_kms_key_id: encrypted ? KEY_ARN : null }],
              encryption_at_rest: [{ catalog_encryption_mode: mode, catalog_encryption_service_role: null, sse_aws_kms_key_id: encrypted ? KEY_ARN : null }],
            },
          ],
        },
        unknown: { id: true, catalog_id: true },
      },
    ],
    omit: { config: NOT_RECORDED('the Data Catalog encryption settings (no configuration item for AWS::Glue::DataCatalogEncryptionSettings)') },
  };
}

// ------------------------------------------------------------------------------- Glue connections

function jdbcConnectionCase(name: string, rule: string, expect: ParityCase['expect'], props: Record<string, string | { param: string }>): ParityCase {
  const open = Object.values(props).filter((v): v is { param: string } => typeof v !== 'string');
  const cfnProps = Object.entries(props)
    .map(([k, v]) => (typeof v === 'string' ? `          ${k}: "${v}"` : `          ${k}:\n            Ref: ${v.param}`))
    .join('\n');
  const tfProps = Object.entries(props)
    .map(([k, v]) => `    ${k.padEnd(19)} = ${typeof v === 'string' ? `"${v}"` : `var.${v.param}`}`)
    .join('\n');
  return {
    name,
    rule,
    expect,
    target: { cloudformation: 'OrdersJdbc', terraform: 'aws_glue_connection.orders_jdbc' },
    cloudformation: cfn(
      `  OrdersJdbc:
    Type: AWS::Glue::Connection
    Properties:
      CatalogId:
        Ref: AWS::AccountId
      ConnectionInput:
        Name: orders-jdbc
        ConnectionType: JDBC
        ConnectionProperties:
${cfnProps}
        PhysicalConnectionRequirements:
          AvailabilityZone: eu-west-1a
          SubnetId: subnet-0a1b2c3d4e5f60718
          SecurityGroupIdList:
            - sg-0123456789abcdef0
`,
      open.length > 0 ? open.map((p) => `  ${p.param}:\n    Type: String\n    NoEcho: true\n`).join('') : undefined,
    ),
    terraform: `${open.map((p) => `variable "${p.param}" {\n  type      = string\n  sensitive = true\n}\n\n`).join('')}resource "aws_glue_connection" "orders_jdbc" {
  name            = "orders-jdbc"
  connection_type = "JDBC"

  connection_properties = {
${tfProps}
  }

  physical_connection_requirements {
    availability_zone      = "eu-west-1a"
    subnet_id              = "subnet-0a1b2c3d4e5f60718"
    security_group_id_list = ["sg-0123456789abcdef0"]
  }
}
`,
    ...(open.length > 0
      ? {}
      : {
          plan: [
            {
              address: 'aws_glue_connection.orders_jdbc',
              type: 'aws_glue_connection',
              values: {
                name: 'orders-jdbc',
                connection_type: 'JDBC',
                connection_properties: props,
                description: null,
                match_criteria: null,
                physical_connection_requirements: [{ availability_zone: 'eu-west-1a', subnet_id: 'subnet-0a1b2c3d4e5f60718', security_group_id_list: ['sg-0123456789abcdef0'] }],
                ...tfTags(),
              },
              unknown: { arn: true, id: true, catalog_id: true },
            },
          ],
        }),
    omit: { config: NOT_RECORDED('Glue connections (AWS::Glue::Connection is not a recorded resource type)'), ...(open.length > 0 ? { plan: NO_VARIABLES_IN_PLAN } : {}) },
  };
}

// --------------------------------------------------------------------------- Glue catalog tables

const DB_CFN = `  SalesDatabase:
    Type: AWS::Glue::Database
    Properties:
      CatalogId:
        Ref: AWS::AccountId
      DatabaseInput:
        Name: sales
`;
const DB_TF = `resource "aws_glue_catalog_database" "sales" {
  name = "sales"
}
`;
const DB_PLAN: PlanResource = {
  address: 'aws_glue_catalog_database.sales',
  type: 'aws_glue_catalog_database',
  values: { name: 'sales', description: null, location_uri: null, parameters: null, create_table_default_permission: [], federated_database: [], target_database: [], ...tfTags() },
  unknown: { arn: true, id: true, catalog_id: true, create_table_default_permission: true },
};

interface TableSpec {
  /** Table parameters (`data_classification = red`). */
  parameters?: Record<string, string>;
  /** Column names; `null` = no columns in the input (left to a crawler). */
  columns: string[] | null;
  /** Terraform only: column parameters. */
  columnParameters?: Record<string, Record<string, string>>;
}

function tableCfn(t: TableSpec): string {
  const params = Object.entries(t.parameters ?? {})
    .map(([k, v]) => `          ${k}: ${v}`)
    .join('\n');
  const cols = t.columns === null ? '' : `\n          Columns:\n${t.columns.map((c) => `            - Name: ${c}\n              Type: string`).join('\n')}`;
  return `  CustomersTable:
    Type: AWS::Glue::Table
    Properties:
      CatalogId:
        Ref: AWS::AccountId
      DatabaseName:
        Ref: SalesDatabase
      TableInput:
        Name: customers
        TableType: EXTERNAL_TABLE
        Parameters:
          classification: parquet
${params}
        StorageDescriptor:
          Location: s3://sales-lake-${ACCOUNT}/customers/
          InputFormat: org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat
          OutputFormat: org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat
          SerdeInfo:
            SerializationLibrary: org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe${cols}
`;
}

function tableTf(t: TableSpec): string {
  const params = Object.entries({ classification: 'parquet', ...t.parameters })
    .map(([k, v]) => `    ${k} = "${v}"`)
    .join('\n');
  const cols = (t.columns ?? [])
    .map((c) => {
      const p = t.columnParameters?.[c];
      const ps = p ? `\n      parameters = { ${Object.entries(p).map(([k, v]) => `${k} = "${v}"`).join(', ')} }` : '';
      return `\n    columns {\n      name = "${c}"\n      type = "string"${ps}\n    }`;
    })
    .join('\n');
  return `resource "aws_glue_catalog_table" "customers" {
  name          = "customers"
  database_name = aws_glue_catalog_database.sales.name
  table_type    = "EXTERNAL_TABLE"

  parameters = {
${params}
  }

  storage_descriptor {
    location      = "s3://sales-lake-${ACCOUNT}/customers/"
    input_format  = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat"
    output_format = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat"

    ser_de_info {
      serialization_library = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
    }
${cols}
  }
}
`;
}

function tablePlan(t: TableSpec): PlanResource {
  return {
    address: 'aws_glue_catalog_table.customers',
    type: 'aws_glue_catalog_table',
    values: {
      name: 'customers',
      database_name: 'sales',
      table_type: 'EXTERNAL_TABLE',
      description: null,
      owner: null,
      retention: null,
      view_original_text: null,
      view_expanded_text: null,
      parameters: { classification: 'parquet', ...t.parameters },
      partition_keys: [],
      partition_index: [],
      open_table_format_input: [],
      target_table: [],
      storage_descriptor: [
        {
          location: `s3://sales-lake-${ACCOUNT}/customers/`,
          input_format: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
          output_format: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
          ser_de_info: [{ name: null, parameters: null, serialization_library: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' }],
          columns: (t.columns ?? []).map((c) => ({ name: c, type: 'string', comment: null, parameters: t.columnParameters?.[c] ?? null })),
          bucket_columns: null,
          compressed: null,
          number_of_buckets: null,
          parameters: null,
          schema_reference: [],
          skewed_info: [],
          sort_columns: [],
          stored_as_sub_directories: null,
        },
      ],
    },
    unknown: { arn: true, id: true, catalog_id: true },
    references: { database_name: ['aws_glue_catalog_database.sales.name', 'aws_glue_catalog_database.sales'] },
  };
}

const LF_PII_TAG = {
  cfn: `  PiiTag:
    Type: AWS::LakeFormation::Tag
    Properties:
      CatalogId:
        Ref: AWS::AccountId
      TagKey: pii
      TagValues:
        - none
        - low
        - high
`,
  tf: `
resource "aws_lakeformation_lf_tag" "pii" {
  key    = "pii"
  values = ["none", "low", "high"]
}
`,
  plan: { address: 'aws_lakeformation_lf_tag.pii', type: 'aws_lakeformation_lf_tag', values: { key: 'pii', values: ['high', 'low', 'none'] }, unknown: { id: true, catalog_id: true } } satisfies PlanResource,
};

/** LF-tag assignments to columns of sales.customers, one per column: `[column, value]`. */
function columnTags(assignments: Array<[string, string]>): { cfn: string; tf: string; plan: PlanResource[] } {
  return {
    cfn: assignments
      .map(
        ([col, value]) => `  ${col[0].toUpperCase()}${col.slice(1).replace(/_(.)/g, (_m, c: string) => c.toUpperCase())}Pii:
    Type: AWS::LakeFormation::TagAssociation
    Properties:
      Resource:
        TableWithColumns:
          CatalogId:
            Ref: AWS::AccountId
          DatabaseName:
            Ref: SalesDatabase
          Name: customers
          ColumnNames:
            - ${col}
      LFTags:
        - CatalogId:
            Ref: AWS::AccountId
          TagKey:
            Ref: PiiTag
          TagValues:
            - ${value}
`,
      )
      .join(''),
    tf: assignments
      .map(
        ([col, value]) => `
resource "aws_lakeformation_resource_lf_tags" "${col}" {
  table_with_columns {
    database_name = aws_glue_catalog_table.customers.database_name
    name          = aws_glue_catalog_table.customers.name
    column_names  = ["${col}"]
  }

  lf_tag {
    key   = aws_lakeformation_lf_tag.pii.key
    value = "${value}"
  }
}
`,
      )
      .join(''),
    plan: assignments.map(([col, value]) => ({
      address: `aws_lakeformation_resource_lf_tags.${col}`,
      type: 'aws_lakeformation_resource_lf_tags',
      values: {
        database: [],
        table: [],
        table_with_columns: [{ database_name: 'sales', name: 'customers', column_names: [col], excluded_column_names: null, wildcard: false }],
        lf_tag: [{ key: 'pii', value }],
        timeouts: null,
      },
      unknown: { id: true, catalog_id: true, table_with_columns: [{ catalog_id: true }], lf_tag: [{ catalog_id: true }] },
      references: { 'table_with_columns.database_name': ['aws_glue_catalog_table.customers.database_name', 'aws_glue_catalog_table.customers'], 'lf_tag.key': ['aws_lakeformation_lf_tag.pii.key', 'aws_lakeformation_lf_tag.pii'] },
    })),
  };
}

function tableCase(name: string, rule: string, expect: ParityCase['expect'], t: TableSpec, extra: { cfn?: string; tf?: string; plan?: PlanResource[]; omit?: ParityCase['omit']; config?: 'glue' } = {}): ParityCase {
  return {
    name,
    rule,
    expect,
    target: { cloudformation: 'CustomersTable', terraform: 'aws_glue_catalog_table.customers' },
    ...(extra.omit?.cloudformation ? {} : { cloudformation: cfn(DB_CFN + tableCfn(t) + (extra.cfn ?? '')) }),
    terraform: DB_TF + '\n' + tableTf(t) + (extra.tf ?? ''),
    plan: [DB_PLAN, tablePlan(t), ...(extra.plan ?? [])],
    omit: { ...(rule.startsWith('lakeformation.') ? {} : { config: NOT_RECORDED('Glue Data Catalog databases and tables') }), ...extra.omit },
  };
}

const RED = { data_classification: 'red' };

const tableCases: ParityCase[] = [
  tableCase('red table whose columns carry no classification', 'glue.column-classification', 'fail', { parameters: RED, columns: ['customer_id', 'email', 'country'] }),
  (() => {
    const lf = columnTags([
      ['customer_id', 'low'],
      ['email', 'high'],
      ['country', 'none'],
    ]);
    return tableCase('red table with every column classified by an LF-tag', 'glue.column-classification', 'pass', { parameters: RED, columns: ['customer_id', 'email', 'country'] }, { cfn: LF_PII_TAG.cfn + lf.cfn, tf: LF_PII_TAG.tf + lf.tf, plan: [LF_PII_TAG.plan, ...lf.plan] });
  })(),
  (() => {
    const lf = columnTags([['email', 'high']]);
    return tableCase('red table with only one of three columns classified', 'glue.column-classification', 'fail', { parameters: RED, columns: ['customer_id', 'email', 'country'] }, { cfn: LF_PII_TAG.cfn + lf.cfn, tf: LF_PII_TAG.tf + lf.tf, plan: [LF_PII_TAG.plan, ...lf.plan] });
  })(),
  tableCase(
    'red table with column parameters on every column',
    'glue.column-classification',
    'pass',
    { parameters: RED, columns: ['customer_id', 'email'], columnParameters: { customer_id: { pii: 'low' }, email: { pii: 'high' } } },
    { omit: { cloudformation: 'AWS::Glue::Table columns (Column: Name, Type, Comment) have no Parameters in CloudFormation; the LF-tag case covers it' } },
  ),
  tableCase('red table without columns (schema left to a crawler)', 'glue.column-classification', 'unknown', { parameters: RED, columns: null }),
];

// ----------------------------------------------------------------------------------- Lake Formation

interface GrantSpec {
  principal?: string;
  permissions: string[];
  grantable?: string[];
  /** CloudFormation `Resource` body (indented 8), Terraform block, plan block(s). */
  target: { cfn: string; tf: string; plan: Record<string, unknown> };
  /** Use the older AWS::LakeFormation::Permissions type in CloudFormation. */
  legacy?: { cfn: string };
}

const EMPTY_LF_BLOCKS = { catalog_resource: false, database: [], table: [], table_with_columns: [], data_location: [], data_cells_filter: [], lf_tag: [], lf_tag_policy: [] };

function grantResources(g: GrantSpec): { cfn: string; tf: string; plan: PlanResource } {
  const principal = g.principal ?? ANALYST;
  const list = (xs: string[]) => (xs.length === 0 ? ' []' : '\n' + xs.map((x) => `        - ${x}`).join('\n'));
  const cfnText = g.legacy
    ? `  AnalystGrant:
    Type: AWS::LakeFormation::Permissions
    Properties:
      DataLakePrincipal:
        DataLakePrincipalIdentifier: ${principal}
      Resource:
${g.legacy.cfn}
      Permissions:${list(g.permissions)}
      PermissionsWithGrantOption:${list(g.grantable ?? [])}
`
    : `  AnalystGrant:
    Type: AWS::LakeFormation::PrincipalPermissions
    Properties:
      Principal:
        DataLakePrincipalIdentifier: ${principal}
      Resource:
${g.target.cfn}
      Permissions:${list(g.permissions)}
      PermissionsWithGrantOption:${list(g.grantable ?? [])}
`;
  const q = (xs: string[]) => `[${xs.map((x) => `"${x}"`).join(', ')}]`;
  return {
    cfn: cfnText,
    tf: `
resource "aws_lakeformation_permissions" "analyst" {
  principal   = "${principal}"
  permissions = ${q(g.permissions)}${g.grantable ? `\n  permissions_with_grant_option = ${q(g.grantable)}` : ''}

${g.target.tf}
}
`,
    plan: {
      address: 'aws_lakeformation_permissions.analyst',
      type: 'aws_lakeformation_permissions',
      values: { principal, permissions: g.permissions, ...(g.grantable ? { permissions_with_grant_option: g.grantable } : {}), catalog_id: null, ...EMPTY_LF_BLOCKS, ...g.target.plan },
      unknown: { id: true, ...(g.grantable ? {} : { permissions_with_grant_option: true }) },
    },
  };
}

const TABLE_ORDERS = {
  cfn: `        Table:
          CatalogId:
            Ref: AWS::AccountId
          DatabaseName: sales
          Name: customers`,
  tf: `  table {
    database_name = "sales"
    name          = "customers"
  }`,
  plan: { table: [{ database_name: 'sales', name: 'customers', wildcard: false, catalog_id: null }] },
};
const LEGACY_TABLE = `        TableResource:
          CatalogId:
            Ref: AWS::AccountId
          DatabaseName: sales
          Name: customers`;

function tagPolicy(values: string[], key = 'pii') {
  return {
    cfn: `        LFTagPolicy:
          CatalogId:
            Ref: AWS::AccountId
          ResourceType: TABLE
          Expression:
            - TagKey: ${key}
              TagValues:
${values.map((v) => `                - ${v}`).join('\n')}`,
    tf: `  lf_tag_policy {
    resource_type = "TABLE"

    expression {
      key    = "${key}"
      values = [${values.map((v) => `"${v}"`).join(', ')}]
    }
  }`,
    plan: { lf_tag_policy: [{ resource_type: 'TABLE', catalog_id: null, expression: [{ key, values: [...values].sort() }] }] },
  };
}

const DATA_CELLS_FILTER = {
  cfn: `        DataCellsFilter:
          TableCatalogId:
            Ref: AWS::AccountId
          DatabaseName: sales
          TableName: customers
          Name: customers_eu_no_pii`,
  tf: `  data_cells_filter {
    database_name    = "sales"
    table_name       = "customers"
    table_catalog_id = "${ACCOUNT}"
    name             = "customers_eu_no_pii"
  }`,
  plan: { data_cells_filter: [{ database_name: 'sales', table_name: 'customers', table_catalog_id: ACCOUNT, name: 'customers_eu_no_pii' }] },
};

function filterResources(rowFilter: string | null, excluded: string[]): { cfn: string; tf: string; plan: PlanResource } {
  return {
    cfn: `  CustomersEuNoPii:
    Type: AWS::LakeFormation::DataCellsFilter
    Properties:
      TableCatalogId:
        Ref: AWS::AccountId
      DatabaseName: sales
      TableName: customers
      Name: customers_eu_no_pii
      RowFilter:
${rowFilter === null ? '        AllRowsWildcard: {}' : `        FilterExpression: "${rowFilter}"`}
      ColumnWildcard:
        ExcludedColumnNames:${excluded.length === 0 ? ' []' : '\n' + excluded.map((c) => `          - ${c}`).join('\n')}
`,
    tf: `
resource "aws_lakeformation_data_cells_filter" "customers_eu" {
  table_data {
    database_name    = "sales"
    table_name       = "customers"
    table_catalog_id = "${ACCOUNT}"
    name             = "customers_eu_no_pii"

    row_filter {
${rowFilter === null ? '      all_rows_wildcard {}' : `      filter_expression = "${rowFilter}"`}
    }

    column_wildcard {
      excluded_column_names = [${excluded.map((c) => `"${c}"`).join(', ')}]
    }
  }
}
`,
    plan: {
      address: 'aws_lakeformation_data_cells_filter.customers_eu',
      type: 'aws_lakeformation_data_cells_filter',
      values: {
        table_data: [
          {
            database_name: 'sales',
            table_name: 'customers',
            table_catalog_id: ACCOUNT,
            name: 'customers_eu_no_pii',
            column_names: null,
            row_filter: [rowFilter === null ? { all_rows_wildcard: [{}], filter_expression: null } : { all_rows_wildcard: [], filter_expression: rowFilter }],
            column_wildcard: [{ excluded_column_names: excluded }],
          },
        ],
        timeouts: null,
      },
      unknown: { id: true, table_data: [{ version_id: true }] },
    },
  };
}

function lfCase(name: string, rule: string, expect: ParityCase['expect'], g: GrantSpec, extra: { table?: TableSpec; cfn?: string; tf?: string; plan?: PlanResource[]; engineConfig?: ParityCase['engineConfig'] } = {}): ParityCase {
  const grant = grantResources(g);
  const table = extra.table;
  return {
    name,
    rule,
    expect,
    target: { cloudformation: 'AnalystGrant', terraform: 'aws_lakeformation_permissions.analyst' },
    cloudformation: cfn((table ? DB_CFN + tableCfn(table) : '') + grant.cfn + (extra.cfn ?? '')),
    terraform: (table ? DB_TF + '\n' + tableTf(table) : '') + grant.tf + (extra.tf ?? ''),
    plan: [...(table ? [DB_PLAN, tablePlan(table)] : []), grant.plan, ...(extra.plan ?? [])],
    ...(extra.engineConfig ? { engineConfig: extra.engineConfig } : {}),
  };
}

function settingsCase(name: string, expect: ParityCase['expect'], iamAllowed: boolean): ParityCase {
  const defaults = iamAllowed
    ? `
      CreateDatabaseDefaultPermissions:
        - Principal:
            DataLakePrincipalIdentifier: IAM_ALLOWED_PRINCIPALS
          Permissions:
            - ALL
      CreateTableDefaultPermissions:
        - Principal:
            DataLakePrincipalIdentifier: IAM_ALLOWED_PRINCIPALS
          Permissions:
            - ALL`
    : `
      CreateDatabaseDefaultPermissions: []
      CreateTableDefaultPermissions: []`;
  const block = (b: string) => `\n  ${b} {\n    permissions = ["ALL"]\n    principal   = "IAM_ALLOWED_PRINCIPALS"\n  }\n`;
  return {
    name,
    rule: 'lakeformation.iam-allowed-principals',
    expect,
    target: { cloudformation: 'DataLakeSettings', terraform: 'aws_lakeformation_data_lake_settings.this' },
    cloudformation: cfn(`  DataLakeSettings:
    Type: AWS::LakeFormation::DataLakeSettings
    Properties:
      Admins:
        - DataLakePrincipalIdentifier: ${LF_ADMIN}${defaults}
`),
    // Terraform cannot write an empty list of blocks: leaving the blocks out sends no default
    // permissions to PutDataLakeSettings, which the API reads as "Lake Formation permissions".
    terraform: `resource "aws_lakeformation_data_lake_settings" "this" {
  admins = ["${LF_ADMIN}"]
${iamAllowed ? block('create_database_default_permissions') + block('create_table_default_permissions') : ''}}
`,
    plan: [
      {
        address: 'aws_lakeformation_data_lake_settings.this',
        type: 'aws_lakeformation_data_lake_settings',
        values: {
          admins: [LF_ADMIN],
          catalog_id: null,
          external_data_filtering_allow_list: [],
          trusted_resource_owners: [],
          ...(iamAllowed
            ? {
                create_database_default_permissions: [{ permissions: ['ALL'], principal: 'IAM_ALLOWED_PRINCIPALS' }],
                create_table_default_permissions: [{ permissions: ['ALL'], principal: 'IAM_ALLOWED_PRINCIPALS' }],
              }
            : {}),
        },
        unknown: {
          id: true,
          allow_external_data_filtering: true,
          allow_full_table_external_data_access: true,
          authorized_session_tag_value_list: true,
          parameters: true,
          read_only_admins: true,
          ...(iamAllowed ? {} : { create_database_default_permissions: true, create_table_default_permissions: true }),
        },
      },
    ],
  };
}

function databaseTagsCase(name: string, expect: ParityCase['expect'], tagged: boolean): ParityCase {
  return {
    name,
    rule: 'lakeformation.lf-tags-assigned',
    expect,
    target: { cloudformation: 'SalesDatabase', terraform: 'aws_glue_catalog_database.sales' },
    cloudformation: cfn(
      DB_CFN +
        (tagged
          ? `  SalesDatabaseTags:
    Type: AWS::LakeFormation::TagAssociation
    Properties:
      Resource:
        Database:
          CatalogId:
            Ref: AWS::AccountId
          Name:
            Ref: SalesDatabase
      LFTags:
        - CatalogId:
            Ref: AWS::AccountId
          TagKey: domain
          TagValues:
            - sales
`
          : ''),
    ),
    terraform:
      DB_TF +
      (tagged
        ? `
resource "aws_lakeformation_resource_lf_tags" "sales" {
  database {
    name = aws_glue_catalog_database.sales.name
  }

  lf_tag {
    key   = "domain"
    value = "sales"
  }
}
`
        : ''),
    plan: [
      DB_PLAN,
      ...(tagged
        ? [
            {
              address: 'aws_lakeformation_resource_lf_tags.sales',
              type: 'aws_lakeformation_resource_lf_tags',
              values: { database: [{ name: 'sales' }], table: [], table_with_columns: [], lf_tag: [{ key: 'domain', value: 'sales' }], timeouts: null },
              unknown: { id: true, catalog_id: true, database: [{ catalog_id: true }], lf_tag: [{ catalog_id: true }] },
              references: { 'database.name': ['aws_glue_catalog_database.sales.name', 'aws_glue_catalog_database.sales'] },
            } satisfies PlanResource,
          ]
        : []),
    ],
  };
}

const lakeFormationCases: ParityCase[] = [
  lfCase('grant on a named table', 'lakeformation.tag-based-grants', 'fail', { permissions: ['SELECT', 'DESCRIBE'], target: TABLE_ORDERS }),
  lfCase('grant on a named table (AWS::LakeFormation::Permissions)', 'lakeformation.tag-based-grants', 'fail', { permissions: ['SELECT'], target: TABLE_ORDERS, legacy: { cfn: LEGACY_TABLE } }),
  lfCase('grant on an LF-tag expression', 'lakeformation.tag-based-grants', 'pass', { permissions: ['SELECT', 'DESCRIBE'], target: tagPolicy(['none', 'low']) }),
  lfCase('LF-tag grant admitting pii=high to an analyst', 'lakeformation.sensitive-tag-grant', 'fail', { permissions: ['SELECT', 'DESCRIBE'], target: tagPolicy(['low', 'high']) }),
  lfCase('LF-tag grant limited to pii in {none, low}', 'lakeformation.sensitive-tag-grant', 'pass', { permissions: ['SELECT', 'DESCRIBE'], target: tagPolicy(['none', 'low']) }),
  lfCase('LF-tag grant admitting pii=high to a compliance principal', 'lakeformation.sensitive-tag-grant', 'pass', { permissions: ['SELECT'], target: tagPolicy(['high']) }, { engineConfig: { lakeFormation: { sensitiveTags: [{ key: 'pii', values: ['high'] }], compliancePrincipals: [ANALYST] } } }),
  lfCase('grant of ALL on a table to an analyst', 'lakeformation.grant-all', 'fail', { permissions: ['ALL'], target: TABLE_ORDERS }),
  lfCase('grant of SELECT and DESCRIBE on a table', 'lakeformation.grant-all', 'pass', { permissions: ['SELECT', 'DESCRIBE'], target: TABLE_ORDERS }),
  lfCase('grant of ALL on a table to a data lake administrator', 'lakeformation.grant-all', 'pass', { principal: LF_ADMIN, permissions: ['ALL'], target: TABLE_ORDERS }, { cfn: settingsCase('', 'pass', false).cloudformation!.split('Resources:\n')[1], tf: '\n' + settingsCase('', 'pass', false).terraform!, plan: settingsCase('', 'pass', false).plan }),
  lfCase('grant of SELECT with grant option to an analyst', 'lakeformation.grant-option', 'fail', { permissions: ['SELECT'], grantable: ['SELECT'], target: TABLE_ORDERS }),
  lfCase('grant without grant option', 'lakeformation.grant-option', 'pass', { permissions: ['SELECT'], grantable: [], target: TABLE_ORDERS }),
  lfCase('grant of SELECT on every column and row of a red table', 'lakeformation.red-data-cells-filter', 'fail', { permissions: ['SELECT'], target: TABLE_ORDERS }, { table: { parameters: RED, columns: ['customer_id', 'email', 'country'] } }),
  (() => {
    const f = filterResources("country = 'DE'", ['email']);
    return lfCase('grant of SELECT on a red table through a data cells filter', 'lakeformation.red-data-cells-filter', 'pass', { permissions: ['SELECT'], target: DATA_CELLS_FILTER }, { table: { parameters: RED, columns: ['customer_id', 'email', 'country'] }, cfn: f.cfn, tf: f.tf, plan: [f.plan] });
  })(),
  (() => {
    const f = filterResources(null, []);
    return lfCase('grant through a data cells filter that keeps every row and column', 'lakeformation.red-data-cells-filter', 'fail', { permissions: ['SELECT'], target: DATA_CELLS_FILTER }, { table: { parameters: RED, columns: ['customer_id', 'email', 'country'] }, cfn: f.cfn, tf: f.tf, plan: [f.plan] });
  })(),
  settingsCase('new databases and tables default to IAM_ALLOWED_PRINCIPALS', 'fail', true),
  settingsCase('no IAM_ALLOWED_PRINCIPALS default permissions', 'pass', false),
  lfCase('grant to IAM_ALLOWED_PRINCIPALS', 'lakeformation.iam-allowed-principals', 'fail', { principal: 'IAM_ALLOWED_PRINCIPALS', permissions: ['ALL'], target: TABLE_ORDERS }),
  databaseTagsCase('Glue database without LF-tags', 'fail', false),
  databaseTagsCase('Glue database with an LF-tag assigned', 'pass', true),
];

// ------------------------------------------------------------------------------------------ Secrets

const SECRET_CFN = 'OrdersDbSecret';
const SECRET_TF = 'aws_secretsmanager_secret.orders_db';
const SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:orders-db-a1B2c3`;

interface SecretSpec {
  tags?: Record<string, string | { param: string }>;
  /** KMS key: a key resource of the input, or a parameter/variable without default. */
  key?: 'resource' | { param: string };
  rotation?: boolean;
  /** `literal`: the secret value is written in the code; `generated`: generated by the service / a random provider. */
  value?: 'literal' | 'generated';
}

const SECRET_JSON = '{"username":"etl","password":"Tr0ub4dor&3"}';

function secretCase(name: string, rule: string, expect: ParityCase['expect'], s: SecretSpec, omit: ParityCase['omit'] = {}): ParityCase {
  const tagEntries = Object.entries(s.tags ?? {});
  const params = [...tagEntries.flatMap(([, v]) => (typeof v === 'string' ? [] : [v.param])), ...(s.key && s.key !== 'resource' ? [s.key.param] : [])];
  const open = params.length > 0;
  const cfnTags = tagEntries.length === 0 ? '' : '\n      Tags:\n' + tagEntries.map(([k, v]) => `        - Key: ${k}\n          Value:${typeof v === 'string' ? ` ${v}` : `\n            Ref: ${v.param}`}`).join('\n');
  const cfnKey = s.key === 'resource' ? '\n      KmsKeyId:\n        Fn::GetAtt:\n          - SecretsKey\n          - Arn' : s.key ? `\n      KmsKeyId:\n        Ref: ${s.key.param}` : '';
  const cfnValue = s.value === 'literal' ? `\n      SecretString: '${SECRET_JSON}'` : s.value === 'generated' ? '\n      GenerateSecretString:\n        SecretStringTemplate: \'{"username":"etl"}\'\n        GenerateStringKey: password\n        PasswordLength: 32\n        ExcludeCharacters: \'"@/\\\'' : '';
  const keyCfn = s.key === 'resource' ? `  SecretsKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n      KeyPolicy:\n        Version: "2012-10-17"\n        Statement:\n          - Sid: AccountAdmin\n            Effect: Allow\n            Principal:\n              AWS: arn:aws:iam::${ACCOUNT}:root\n            Action: kms:*\n            Resource: "*"\n` : '';
  const rotationCfn = s.rotation ? `  OrdersDbRotation:\n    Type: AWS::SecretsManager::RotationSchedule\n    Properties:\n      SecretId:\n        Ref: ${SECRET_CFN}\n      RotationLambdaARN: arn:aws:lambda:${REGION}:${ACCOUNT}:function:secrets-rotation-postgres\n      RotationRules:\n        ScheduleExpression: rate(30 days)\n` : '';
  const cloudformation = cfn(
    `  ${SECRET_CFN}:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n      Name: orders-db\n      Description: Orders database credentials${cfnKey}${cfnValue}${cfnTags}\n${keyCfn}${rotationCfn}`,
    open ? params.map((p) => `  ${p}:\n    Type: String\n`).join('') : undefined,
  );

  const tfTagsText = tagEntries.length === 0 ? '' : '\n  tags = {\n' + tagEntries.map(([k, v]) => `    ${k} = ${typeof v === 'string' ? `"${v}"` : `var.${v.param}`}`).join('\n') + '\n  }';
  const tfKey = s.key === 'resource' ? '\n  kms_key_id  = aws_kms_key.secrets.arn' : s.key ? `\n  kms_key_id  = var.${s.key.param}` : '';
  const terraform = [
    ...params.map((p) => `variable "${p}" {\n  type = string\n}\n`),
    `resource "aws_secretsmanager_secret" "orders_db" {\n  name        = "orders-db"\n  description = "Orders database credentials"${tfKey}${tfTagsText}\n}\n`,
    s.key === 'resource' ? `resource "aws_kms_key" "secrets" {\n  description         = "Secrets Manager"\n  enable_key_rotation = true\n}\n` : '',
    s.value === 'literal' ? `resource "aws_secretsmanager_secret_version" "orders_db" {\n  secret_id = aws_secretsmanager_secret.orders_db.id\n  secret_string = jsonencode({\n    username = "etl"\n    password = "Tr0ub4dor&3"\n  })\n}\n` : '',
    s.value === 'generated' ? `resource "random_password" "orders_db" {\n  length           = 32\n  override_special = "!#$%&*()-_=+[]{}<>:?"\n}\n\nresource "aws_secretsmanager_secret_version" "orders_db" {\n  secret_id = aws_secretsmanager_secret.orders_db.id\n  secret_string = jsonencode({\n    username = "etl"\n    password = random_password.orders_db.result\n  })\n}\n` : '',
    s.rotation ? `resource "aws_secretsmanager_secret_rotation" "orders_db" {\n  secret_id           = aws_secretsmanager_secret.orders_db.id\n  rotation_lambda_arn = "arn:aws:lambda:${REGION}:${ACCOUNT}:function:secrets-rotation-postgres"\n\n  rotation_rules {\n    schedule_expression = "rate(30 days)"\n  }\n}\n` : '',
  ]
    .filter(Boolean)
    .join('\n');

  const literalTags = Object.fromEntries(tagEntries.filter((e): e is [string, string] => typeof e[1] === 'string'));
  const plan: PlanResource[] = [
    {
      address: SECRET_TF,
      type: 'aws_secretsmanager_secret',
      values: { name: 'orders-db', description: 'Orders database credentials', ...(s.key === 'resource' ? {} : { kms_key_id: null }), recovery_window_in_days: 30, force_overwrite_replica_secret: false, replica: [], ...tfTags(tagEntries.length ? literalTags : undefined) },
      unknown: { arn: true, id: true, name_prefix: true, policy: true, ...(s.key === 'resource' ? { kms_key_id: true } : {}) },
      ...(s.key === 'resource' ? { references: { kms_key_id: ['aws_kms_key.secrets.arn', 'aws_kms_key.secrets'] } } : {}),
    },
  ];
  if (s.key === 'resource') {
    plan.push({
      address: 'aws_kms_key.secrets',
      type: 'aws_kms_key',
      values: { description: 'Secrets Manager', enable_key_rotation: true, is_enabled: true, key_usage: 'ENCRYPT_DECRYPT', customer_master_key_spec: 'SYMMETRIC_DEFAULT', deletion_window_in_days: null, bypass_policy_lockout_safety_check: false, custom_key_store_id: null, xks_key_id: null, ...tfTags() },
      unknown: { arn: true, id: true, key_id: true, policy: true, multi_region: true, rotation_period_in_days: true },
    });
  }
  if (s.value === 'literal') {
    plan.push({
      address: 'aws_secretsmanager_secret_version.orders_db',
      type: 'aws_secretsmanager_secret_version',
      values: { secret_string: '{"password":"Tr0ub4dor\u00263","username":"etl"}', secret_binary: null },
      unknown: { arn: true, id: true, secret_id: true, version_id: true, version_stages: true },
      references: { secret_id: ['aws_secretsmanager_secret.orders_db.id', 'aws_secretsmanager_secret.orders_db'] },
    });
  }
  if (s.value === 'generated') {
    plan.push(
      { address: 'random_password.orders_db', type: 'random_password', values: { length: 32, override_special: '!#$%&*()-_=+[]{}<>:?', special: true, upper: true, lower: true, numeric: true, keepers: null }, unknown: { bcrypt_hash: true, id: true, result: true, min_lower: true } },
      {
        address: 'aws_secretsmanager_secret_version.orders_db',
        type: 'aws_secretsmanager_secret_version',
        values: { secret_binary: null },
        unknown: { arn: true, id: true, secret_id: true, secret_string: true, version_id: true, version_stages: true },
        references: { secret_id: ['aws_secretsmanager_secret.orders_db.id', 'aws_secretsmanager_secret.orders_db'], secret_string: ['random_password.orders_db.result', 'random_password.orders_db'] },
      },
    );
  }
  if (s.rotation) {
    plan.push({
      address: 'aws_secretsmanager_secret_rotation.orders_db',
      type: 'aws_secretsmanager_secret_rotation',
      values: { rotation_lambda_arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:secrets-rotation-postgres`, rotate_immediately: true, rotation_rules: [{ automatically_after_days: null, duration: null, schedule_expression: 'rate(30 days)' }] },
      unknown: { id: true, secret_id: true, rotation_enabled: true },
      references: { secret_id: ['aws_secretsmanager_secret.orders_db.id', 'aws_secretsmanager_secret.orders_db'] },
    });
  }

  const config = [
    item(
      'AWS::SecretsManager::Secret',
      SECRET_ARN,
      'orders-db',
      SECRET_ARN,
      {
        ARN: SECRET_ARN,
        Name: 'orders-db',
        Description: 'Orders database credentials',
        ...(s.key === 'resource' ? { KMSKeyId: KEY_ARN } : {}),
        RotationEnabled: s.rotation === true,
        ...(s.rotation
          ? { RotationLambdaARN: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:secrets-rotation-postgres`, RotationRules: { AutomaticallyAfterDays: 30, ScheduleExpression: 'rate(30 days)' }, RotationOccurringAsScheduled: true }
          : {}),
        Deleted: false,
        Tags: Object.entries(literalTags).map(([Key, Value]) => ({ Key, Value })),
      },
      { tags: literalTags },
    ),
  ];
  return {
    name,
    rule,
    expect,
    target: { cloudformation: SECRET_CFN, terraform: SECRET_TF, config: SECRET_ARN },
    cloudformation,
    terraform,
    ...(open || omit.plan ? {} : { plan }),
    ...(open || omit.config ? {} : { config }),
    omit: { ...(open ? { plan: NO_VARIABLES_IN_PLAN, config: NO_VARIABLES_IN_CONFIG } : {}), ...omit },
  };
}

const NO_SECRET_VALUE = 'AWS Config never records a secret value, so a literal in the code is invisible to it';

const secretCases: ParityCase[] = [
  secretCase('secret whose value is written in the code', 'secrets.plaintext-password', 'fail', { value: 'literal' }, { config: NO_SECRET_VALUE }),
  secretCase('secret whose value is generated', 'secrets.plaintext-password', 'pass', { value: 'generated' }),
  jdbcConnectionCase('JDBC connection with a literal PASSWORD', 'secrets.plaintext-password', 'fail', { JDBC_CONNECTION_URL: RDS_URL, JDBC_ENFORCE_SSL: 'true', USERNAME: 'etl', PASSWORD: 'Tr0ub4dor&3' }),
  jdbcConnectionCase('JDBC connection reading its credentials from Secrets Manager', 'secrets.plaintext-password', 'pass', { JDBC_CONNECTION_URL: RDS_URL, JDBC_ENFORCE_SSL: 'true', SECRET_ID: 'orders-db' }),
  secretCase('secret without a rotation schedule', 'secrets.rotation', 'fail', {}),
  secretCase('secret with a rotation schedule', 'secrets.rotation', 'pass', { rotation: true }),
  secretCase('red secret encrypted with the AWS-managed key', 'secrets.cmk', 'fail', { tags: RED }),
  secretCase('red secret encrypted with a customer-managed key', 'secrets.cmk', 'pass', { tags: RED, key: 'resource' }),
  secretCase('red secret whose key comes from a parameter without default', 'secrets.cmk', 'unknown', { tags: RED, key: { param: 'SecretsKeyArn' } }),
  {
    name: 'access key for an IAM user',
    rule: 'secrets.access-keys',
    expect: 'fail',
    target: { cloudformation: 'LoaderKey', terraform: 'aws_iam_access_key.loader' },
    cloudformation: cfn(`  LoaderUser:
    Type: AWS::IAM::User
    Properties:
      UserName: etl-loader
  LoaderKey:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName:
        Ref: LoaderUser
      Status: Active
`),
    terraform: `resource "aws_iam_user" "loader" {
  name = "etl-loader"
}

resource "aws_iam_access_key" "loader" {
  user = aws_iam_user.loader.name
}
`,
    plan: [
      { address: 'aws_iam_user.loader', type: 'aws_iam_user', values: { name: 'etl-loader', path: '/', force_destroy: false, permissions_boundary: null, ...tfTags() }, unknown: { arn: true, id: true, unique_id: true } },
      {
        address: 'aws_iam_access_key.loader',
        type: 'aws_iam_access_key',
        values: { user: 'etl-loader', status: 'Active', pgp_key: null },
        unknown: { id: true, create_date: true, encrypted_secret: true, encrypted_ses_smtp_password_v4: true, key_fingerprint: true, secret: true, ses_smtp_password_v4: true },
        references: { user: ['aws_iam_user.loader.name', 'aws_iam_user.loader'] },
      },
    ],
    omit: { config: NOT_RECORDED('IAM access keys (AWS::IAM::AccessKey is not a recorded resource type)') },
  },
];

// ---------------------------------------------------------------------------------------- CloudTrail

interface TrailSpec {
  multiRegion: boolean;
  validation: boolean;
  key?: 'resource' | { param: string };
  /** Basic data-event selector values for S3 objects. */
  s3DataEvents?: string[];
}

const TRAIL_ARN = `arn:aws:cloudtrail:${REGION}:${ACCOUNT}:trail/org-trail`;
const RAW_BUCKET = `pg-raw-${ACCOUNT}`;

function trailCase(name: string, rule: string, expect: ParityCase['expect'], t: TrailSpec, target: 'trail' | 'bucket' = 'trail'): ParityCase {
  const open = t.key !== undefined && t.key !== 'resource';
  const param = t.key !== undefined && t.key !== 'resource' ? t.key.param : undefined;
  const bucketCfn = `  RawBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: ${RAW_BUCKET}
      Tags:
        - Key: data_classification
          Value: red
`;
  const selectorsCfn = t.s3DataEvents
    ? `
      EventSelectors:
        - ReadWriteType: All
          IncludeManagementEvents: true
          DataResources:
            - Type: AWS::S3::Object
              Values:
${t.s3DataEvents.map((v) => `                - ${v}`).join('\n')}`
    : '';
  const keyCfn = t.key === 'resource' ? '\n      KMSKeyId:\n        Fn::GetAtt:\n          - TrailKey\n          - Arn' : param ? `\n      KMSKeyId:\n        Ref: ${param}` : '';
  const cloudformation = cfn(
    `  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      TrailName: org-trail
      S3BucketName: org-trail-logs-${ACCOUNT}
      IsLogging: true
      IncludeGlobalServiceEvents: true
      IsMultiRegionTrail: ${t.multiRegion}
      EnableLogFileValidation: ${t.validation}${keyCfn}${selectorsCfn}
${t.key === 'resource' ? '  TrailKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n' : ''}${target === 'bucket' ? bucketCfn : ''}`,
    param ? `  ${param}:\n    Type: String\n` : undefined,
  );
  const terraform = [
    param ? `variable "${param}" {\n  type = string\n}\n` : '',
    `resource "aws_cloudtrail" "main" {
  name                          = "org-trail"
  s3_bucket_name                = "org-trail-logs-${ACCOUNT}"
  include_global_service_events = true
  is_multi_region_trail         = ${t.multiRegion}
  enable_log_file_validation    = ${t.validation}${t.key === 'resource' ? '\n  kms_key_id                    = aws_kms_key.trail.arn' : param ? `\n  kms_key_id                    = var.${param}` : ''}${
    t.s3DataEvents
      ? `

  event_selector {
    read_write_type           = "All"
    include_management_events = true

    data_resource {
      type   = "AWS::S3::Object"
      values = [${t.s3DataEvents.map((v) => `"${v}"`).join(', ')}]
    }
  }`
      : ''
  }
}
`,
    t.key === 'resource' ? 'resource "aws_kms_key" "trail" {\n  enable_key_rotation = true\n}\n' : '',
    target === 'bucket' ? `resource "aws_s3_bucket" "raw" {\n  bucket = "${RAW_BUCKET}"\n\n  tags = {\n    data_classification = "red"\n  }\n}\n` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const plan: PlanResource[] = [
    {
      address: 'aws_cloudtrail.main',
      type: 'aws_cloudtrail',
      values: {
        name: 'org-trail',
        s3_bucket_name: `org-trail-logs-${ACCOUNT}`,
        s3_key_prefix: null,
        include_global_service_events: true,
        is_multi_region_trail: t.multiRegion,
        is_organization_trail: false,
        enable_log_file_validation: t.validation,
        enable_logging: true,
        cloud_watch_logs_group_arn: null,
        cloud_watch_logs_role_arn: null,
        sns_topic_name: null,
        ...(t.key === 'resource' ? {} : { kms_key_id: null }),
        advanced_event_selector: [],
        insight_selector: [],
        event_selector: t.s3DataEvents ? [{ read_write_type: 'All', include_management_events: true, exclude_management_event_sources: null, data_resource: [{ type: 'AWS::S3::Object', values: t.s3DataEvents }] }] : [],
        ...tfTags(),
      },
      unknown: { arn: true, id: true, home_region: true, sns_topic_arn: true, ...(t.key === 'resource' ? { kms_key_id: true } : {}) },
      ...(t.key === 'resource' ? { references: { kms_key_id: ['aws_kms_key.trail.arn', 'aws_kms_key.trail'] } } : {}),
    },
  ];
  if (t.key === 'resource') {
    plan.push({
      address: 'aws_kms_key.trail',
      type: 'aws_kms_key',
      values: { enable_key_rotation: true, is_enabled: true, key_usage: 'ENCRYPT_DECRYPT', customer_master_key_spec: 'SYMMETRIC_DEFAULT', bypass_policy_lockout_safety_check: false, description: null, ...tfTags() },
      unknown: { arn: true, id: true, key_id: true, policy: true, multi_region: true, rotation_period_in_days: true },
    });
  }
  if (target === 'bucket') {
    plan.push({
      address: 'aws_s3_bucket.raw',
      type: 'aws_s3_bucket',
      values: { bucket: RAW_BUCKET, force_destroy: false, object_lock_enabled: false, ...tfTags(RED) },
      unknown: { arn: true, id: true, bucket_domain_name: true, bucket_prefix: true, bucket_regional_domain_name: true, hosted_zone_id: true, region: true, acl: true, policy: true, versioning: true, server_side_encryption_configuration: true, grant: true, lifecycle_rule: true, logging: true, object_lock_configuration: true, replication_configuration: true, request_payer: true, website: true, website_domain: true, website_endpoint: true, acceleration_status: true, cors_rule: true },
    });
  }
  const config = [
    item(
      'AWS::CloudTrail::Trail',
      'org-trail',
      'org-trail',
      TRAIL_ARN,
      {
        name: 'org-trail',
        s3BucketName: `org-trail-logs-${ACCOUNT}`,
        includeGlobalServiceEvents: true,
        isMultiRegionTrail: t.multiRegion,
        homeRegion: REGION,
        trailARN: TRAIL_ARN,
        logFileValidationEnabled: t.validation,
        ...(t.key === 'resource' ? { kmsKeyId: KEY_ARN } : {}),
        hasCustomEventSelectors: t.s3DataEvents !== undefined,
        hasInsightSelectors: false,
        isOrganizationTrail: false,
      },
    ),
  ];
  const omit: ParityCase['omit'] = {};
  if (open) Object.assign(omit, { plan: NO_VARIABLES_IN_PLAN, config: NO_VARIABLES_IN_CONFIG });
  if (rule === 'cloudtrail.data-events') omit.config = 'the AWS Config item of a trail records hasCustomEventSelectors, not the event selectors themselves';
  // DescribeTrails has no logging status (that is GetTrailStatus): from Config a trail is never known to be logging.
  if (rule === 'cloudtrail.enabled' && expect === 'pass') omit.config = 'the AWS Config item of a trail does not record whether it is logging (GetTrailStatus), so Config cannot show a passing trail';
  return {
    name,
    rule,
    expect,
    target: target === 'trail' ? { cloudformation: 'Trail', terraform: 'aws_cloudtrail.main', config: TRAIL_ARN } : { cloudformation: 'RawBucket', terraform: 'aws_s3_bucket.raw' },
    cloudformation,
    terraform,
    ...(omit.plan ? {} : { plan }),
    ...(omit.config ? {} : { config }),
    ...(Object.keys(omit).length > 0 ? { omit } : {}),
  };
}

const trailCases: ParityCase[] = [
  trailCase('single-region trail without validation or KMS', 'cloudtrail.enabled', 'fail', { multiRegion: false, validation: false }),
  trailCase('multi-region trail with validation but no KMS key', 'cloudtrail.enabled', 'fail', { multiRegion: true, validation: true }),
  trailCase('multi-region, validated, KMS-encrypted trail', 'cloudtrail.enabled', 'pass', { multiRegion: true, validation: true, key: 'resource' }),
  trailCase('trail whose KMS key comes from a parameter without default', 'cloudtrail.enabled', 'unknown', { multiRegion: true, validation: true, key: { param: 'TrailKeyArn' } }),
  trailCase('red bucket and a trail with management events only', 'cloudtrail.data-events', 'fail', { multiRegion: true, validation: true }, 'bucket'),
  trailCase('red bucket covered by an S3 data-event selector', 'cloudtrail.data-events', 'pass', { multiRegion: true, validation: true, s3DataEvents: [`arn:aws:s3:::${RAW_BUCKET}/`] }, 'bucket'),
  trailCase('trail logging data events of another bucket only', 'cloudtrail.data-events', 'fail', { multiRegion: true, validation: true, s3DataEvents: [`arn:aws:s3:::pg-curated-${ACCOUNT}/`] }, 'bucket'),
];

// ------------------------------------------------------------------------------------- Log groups

interface LogGroupSpec {
  retention?: number | { param: string };
  red?: boolean;
  key?: boolean;
}

function logGroupCase(name: string, expect: ParityCase['expect'], g: LogGroupSpec): ParityCase {
  const param = typeof g.retention === 'object' ? g.retention.param : undefined;
  const retentionCfn = g.retention === undefined ? '' : typeof g.retention === 'number' ? `\n      RetentionInDays: ${g.retention}` : `\n      RetentionInDays:\n        Ref: ${g.retention.param}`;
  const keyCfn = g.key ? '\n      KmsKeyId:\n        Fn::GetAtt:\n          - LogsKey\n          - Arn' : '';
  const tags = g.red ? RED : undefined;
  return {
    name,
    rule: 'logs.retention',
    expect,
    target: { cloudformation: 'AuditLogs', terraform: 'aws_cloudwatch_log_group.audit' },
    cloudformation: cfn(
      `  AuditLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: /aws/rds/cluster/orders/postgresql${retentionCfn}${keyCfn}${tags ? '\n      Tags:\n        - Key: data_classification\n          Value: red' : ''}
${g.key ? '  LogsKey:\n    Type: AWS::KMS::Key\n    Properties:\n      EnableKeyRotation: true\n' : ''}`,
      param ? `  ${param}:\n    Type: Number\n` : undefined,
    ),
    terraform: `${param ? `variable "${param}" {\n  type = number\n}\n\n` : ''}resource "aws_cloudwatch_log_group" "audit" {
  name = "/aws/rds/cluster/orders/postgresql"${g.retention === undefined ? '' : typeof g.retention === 'number' ? `\n  retention_in_days = ${g.retention}` : `\n  retention_in_days = var.${param}`}${g.key ? '\n  kms_key_id        = aws_kms_key.logs.arn' : ''}${tags ? '\n\n  tags = {\n    data_classification = "red"\n  }' : ''}
}
${g.key ? '\nresource "aws_kms_key" "logs" {\n  enable_key_rotation = true\n}\n' : ''}`,
    ...(param
      ? {}
      : {
          plan: [
            {
              address: 'aws_cloudwatch_log_group.audit',
              type: 'aws_cloudwatch_log_group',
              values: { name: '/aws/rds/cluster/orders/postgresql', retention_in_days: typeof g.retention === 'number' ? g.retention : 0, skip_destroy: false, log_group_class: 'STANDARD', ...(g.key ? {} : { kms_key_id: null }), ...tfTags(tags) },
              unknown: { arn: true, id: true, name_prefix: true, ...(g.key ? { kms_key_id: true } : {}) },
              ...(g.key ? { references: { kms_key_id: ['aws_kms_key.logs.arn', 'aws_kms_key.logs'] } } : {}),
            },
            ...(g.key
              ? [
                  {
                    address: 'aws_kms_key.logs',
                    type: 'aws_kms_key',
                    values: { enable_key_rotation: true, is_enabled: true, key_usage: 'ENCRYPT_DECRYPT', customer_master_key_spec: 'SYMMETRIC_DEFAULT', bypass_policy_lockout_safety_check: false, description: null, ...tfTags() },
                    unknown: { arn: true, id: true, key_id: true, policy: true, multi_region: true, rotation_period_in_days: true },
                  },
                ]
              : []),
          ],
        }),
    omit: {
      config: NOT_RECORDED('CloudWatch Logs log groups (no AWS::Logs::LogGroup configuration items; the managed rule cw-loggroup-retention-period-check is periodic for that reason)'),
      ...(param ? { plan: NO_VARIABLES_IN_PLAN } : {}),
    },
  };
}

const logCases: ParityCase[] = [
  logGroupCase('log group that never expires', 'fail', {}),
  logGroupCase('log group with a one-year retention', 'pass', { retention: 365 }),
  logGroupCase('red log group with retention but no customer-managed key', 'fail', { retention: 365, red: true }),
  logGroupCase('red log group with retention and a customer-managed key', 'pass', { retention: 365, red: true, key: true }),
  logGroupCase('log group whose retention comes from a parameter without default', 'unknown', { retention: { param: 'RetentionDays' } }),
];

// ---------------------------------------------------------------------------------- Classification

const classificationCases: ParityCase[] = [
  secretCase('secret without a classification tag', 'classification.tagged', 'fail', { tags: { owner: 'team-orders' } }),
  secretCase('secret tagged data_classification=orange', 'classification.tagged', 'pass', { tags: { data_classification: 'orange' } }),
  tableCase('Glue table classified by a table parameter', 'classification.tagged', 'pass', { parameters: { data_classification: 'orange' }, columns: ['order_id'] }),
  tableCase('Glue table without any classification', 'classification.tagged', 'fail', { columns: ['order_id'] }),
  secretCase('secret tagged with a value the mapping does not know', 'classification.valid-value', 'fail', { tags: { data_classification: 'secret' } }),
  secretCase('secret tagged pii=high', 'classification.valid-value', 'pass', { tags: { pii: 'high' } }),
  secretCase('secret whose classification value comes from a parameter without default', 'classification.valid-value', 'unknown', { tags: { data_classification: { param: 'Classification' } } }),
];

// ---------------------------------------------------------------------------------------- IaC rules

const IAC_ONLY_CONFIG = 'iac.managed runs on live resources only (AWS Config)';

function managedCase(name: string, expect: ParityCase['expect'], tags: Record<string, string>): ParityCase {
  const c = secretCase(name, 'iac.managed', expect, { tags });
  return { name, rule: 'iac.managed', expect, target: { config: SECRET_ARN }, config: c.config, omit: { cloudformation: IAC_ONLY_CONFIG, terraform: IAC_ONLY_CONFIG, plan: IAC_ONLY_CONFIG } };
}

const iacCases: ParityCase[] = [
  managedCase('secret created by hand (no stack, no IaC tag)', 'fail', { owner: 'team-orders' }),
  managedCase('secret belonging to a CloudFormation stack', 'pass', { 'aws:cloudformation:stack-name': 'orders-data', 'aws:cloudformation:logical-id': SECRET_CFN, 'aws:cloudformation:stack-id': `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/orders-data/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b` }),
  managedCase('secret tagged managed-by=terraform', 'pass', { 'managed-by': 'terraform' }),
  secretCase('secret without an owner tag', 'iac.owner', 'fail', { tags: { data_classification: 'orange' } }),
  secretCase('secret with an owner tag', 'iac.owner', 'pass', { tags: { owner: 'team-orders' } }),
  secretCase('secret whose owner tag comes from a parameter without default', 'iac.owner', 'unknown', { tags: { owner: { param: 'OwnerTeam' } } }),
  jobCase('Glue job with a team tag (a JSON map in CloudFormation)', 'iac.owner', 'pass', { name: 'orders-export', tags: { team: 'team-orders', cost_center: 'cc-1234' } }),
  jobCase('Glue job without an owner tag', 'iac.owner', 'fail', { name: 'orders-export', tags: { cost_center: 'cc-1234' } }),
];

export const cases: ParityCase[] = [
  ...jobCases,
  ...securityConfigurationCases,
  catalogEncryptionCase('Data Catalog without encryption', 'fail', false),
  catalogEncryptionCase('Data Catalog encrypted with KMS, connection passwords encrypted', 'pass', true),
  jdbcConnectionCase('JDBC connection without JDBC_ENFORCE_SSL', 'tls.glue-connection-ssl', 'fail', { JDBC_CONNECTION_URL: RDS_URL, SECRET_ID: 'orders-db' }),
  jdbcConnectionCase('JDBC connection enforcing SSL', 'tls.glue-connection-ssl', 'pass', { JDBC_CONNECTION_URL: RDS_URL, JDBC_ENFORCE_SSL: 'true', SECRET_ID: 'orders-db' }),
  jdbcConnectionCase('JDBC connection whose JDBC_ENFORCE_SSL comes from a parameter without default', 'tls.glue-connection-ssl', 'unknown', { JDBC_CONNECTION_URL: RDS_URL, JDBC_ENFORCE_SSL: { param: 'EnforceSsl' }, SECRET_ID: 'orders-db' }),
  ...tableCases,
  ...lakeFormationCases,
  ...secretCases,
  ...trailCases,
  ...logCases,
  ...classificationCases,
  ...iacCases,
];
