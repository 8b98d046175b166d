import type { LfGrantTarget, ParameterMap, Resource, V } from '../model';
import { isUnknown } from '../model';
import { glueTargetOf } from '../engine/link';
import type { AnyRule, Rule, RuleContext } from './types';
import { display, fail, pass, unknownResult } from './support';
import { dataLevel } from './classification';

/**
 * AWS Glue: the article's Example #1 ("Secure your Glue jobs" and "catalog and ETL hygiene").
 * Jobs and crawlers are checked through what they reference (security configuration, connections),
 * followed through the resource index; catalog settings, connections and tables on their own facets.
 */

const SECURITY_CONFIGURATION = 'AWS::Glue::SecurityConfiguration';
const CONNECTION = 'AWS::Glue::Connection';

/** Case-insensitive look-up of a parameter (Glue keys are case-sensitive, but IaC authors vary the case of `JDBC_ENFORCE_SSL`). */
function param(map: ParameterMap | undefined, name: string): { key: string; value: V<string> } | undefined {
  if (!map) return undefined;
  const key = Object.keys(map).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : { key, value: map[key] };
}

function show(v: V<string> | undefined): string {
  if (v === undefined) return 'not set';
  return isUnknown(v) ? `unknown (${v.reason})` : JSON.stringify(v);
}

// ---------------------------------------------------------------- glue.job-in-vpc

/** Values that show a job talks to a database over the network rather than to S3 / the catalog. */
const DATA_STORE_ENDPOINT = [/\bjdbc:/i, /mongodb(\+srv)?:\/\//i, /\.(rds|redshift|redshift-serverless|docdb)\.amazonaws\.com/i];
/** Argument names whose unresolved value could be such an endpoint. */
const ENDPOINT_ARGUMENT = /(jdbc|url|host|endpoint|connection|database|db)/i;

const jobInVpc: Rule = {
  id: 'glue.job-in-vpc',
  pillar: 'network',
  severity: 'low',
  title: 'Glue jobs that reach data stores run in a VPC through a connection',
  rationale:
    'Pillar 3 (network): a Glue job that reads a database without a connection leaves AWS through public endpoints. A Glue connection places the job in a private subnet, behind security groups and VPC endpoints ("Run Glue jobs inside a VPC", Example #1).',
  remediation: {
    cloudformation:
      'VpcConnection:\n  Type: AWS::Glue::Connection\n  Properties:\n    CatalogId: !Ref AWS::AccountId\n    ConnectionInput:\n      ConnectionType: NETWORK\n      PhysicalConnectionRequirements:\n        SubnetId: !Ref PrivateSubnet\n        SecurityGroupIdList: [!Ref GlueSecurityGroup]\n        AvailabilityZone: eu-west-1a\nEtlJob:\n  Type: AWS::Glue::Job\n  Properties:\n    Connections:\n      Connections: [!Ref VpcConnection]',
    terraform:
      'resource "aws_glue_connection" "vpc" {\n  name            = "etl-vpc"\n  connection_type = "NETWORK"\n  physical_connection_requirements {\n    subnet_id              = aws_subnet.private.id\n    security_group_id_list = [aws_security_group.glue.id]\n    availability_zone      = aws_subnet.private.availability_zone\n  }\n}\n\nresource "aws_glue_job" "etl" {\n  # ...\n  connections = [aws_glue_connection.vpc.name]\n}',
  },
  appliesTo: ['AWS::Glue::Job'],
  references: [
    'https://docs.aws.amazon.com/glue/latest/dg/glue-connections.html',
    'https://docs.aws.amazon.com/glue/latest/dg/vpc-endpoint.html',
  ],
  check(job, ctx) {
    const connections = job.facets.network?.connections;
    if (isUnknown(connections)) return unknownResult(`cannot tell which connections ${display(job)} uses (${connections.reason}).`, 'network.connections');
    if (connections && connections.length > 0) {
      const named = connections.map((c) => describeConnection(c, ctx));
      const related = connections.map((c) => ctx.index.resolve(c, [CONNECTION])?.id).filter((id): id is string => id !== undefined);
      return pass(`runs through connection(s) ${named.join(', ')}, so Glue places it in the connection's subnet and security groups.`, 'network.connections', related);
    }
    // No connection: the job only needs one if it reaches a data store. The script itself is not
    // part of the input, so the default arguments are the only evidence we have.
    const args = job.facets.glue?.defaultArguments ?? {};
    for (const [key, value] of Object.entries(args)) {
      if (isUnknown(value)) continue;
      if (DATA_STORE_ENDPOINT.some((re) => re.test(value))) {
        return fail(`${display(job)} has no connection, yet its argument ${key} = ${JSON.stringify(value)} points at a data store: the job reaches it outside a VPC.`, `glue.defaultArguments.${key}`);
      }
    }
    const hidden = Object.entries(args).find(([key, value]) => isUnknown(value) && ENDPOINT_ARGUMENT.test(key));
    if (hidden && isUnknown(hidden[1])) {
      return unknownResult(`${display(job)} has no connection and its argument ${hidden[0]} is unknown (${hidden[1].reason}): cannot tell whether it reaches a data store.`, `glue.defaultArguments.${hidden[0]}`);
    }
    return pass(`${display(job)} has no connection and nothing in its default arguments points at a data store (S3 / Data Catalog only, as far as the input shows).`, 'network.connections');
  },
};

function describeConnection(ref: V<string>, ctx: RuleContext): string {
  const conn = ctx.index.resolve(ref, [CONNECTION]);
  if (!conn) return isUnknown(ref) ? '(unknown)' : ref;
  const type = conn.facets.glue?.connectionType;
  return `${display(conn)}${typeof type === 'string' ? ` (${type})` : ''}`;
}

// ---------------------------------------------------------------- glue.security-configuration

export interface ModeRequirement {
  field: 's3EncryptionMode' | 'cloudWatchEncryptionMode' | 'jobBookmarksEncryptionMode';
  label: string;
  expected: string;
}

export const GLUE_ENCRYPTION_MODES: readonly ModeRequirement[] = [
  { field: 's3EncryptionMode', label: 'S3 encryption', expected: 'SSE-KMS' },
  { field: 'cloudWatchEncryptionMode', label: 'CloudWatch Logs encryption', expected: 'SSE-KMS' },
  { field: 'jobBookmarksEncryptionMode', label: 'job bookmark encryption', expected: 'CSE-KMS' },
];

const securityConfiguration: Rule = {
  id: 'glue.security-configuration',
  pillar: 'encryption',
  severity: 'high',
  title: 'Glue jobs and crawlers use a security configuration with KMS for S3, CloudWatch and bookmarks',
  rationale:
    'Without a security configuration, what a Glue job writes to S3, its CloudWatch logs and its job bookmarks are not encrypted with a KMS key you control. Example #1 of the article: "Turn on encryption for S3, CloudWatch, and job bookmarks with KMS CMKs" (pillar 4).',
  remediation: {
    cloudformation:
      'GlueSecurity:\n  Type: AWS::Glue::SecurityConfiguration\n  Properties:\n    Name: etl-kms\n    EncryptionConfiguration:\n      S3Encryptions:\n        - S3EncryptionMode: SSE-KMS\n          KmsKeyArn: !GetAtt EtlKey.Arn\n      CloudWatchEncryption:\n        CloudWatchEncryptionMode: SSE-KMS\n        KmsKeyArn: !GetAtt EtlKey.Arn\n      JobBookmarksEncryption:\n        JobBookmarksEncryptionMode: CSE-KMS\n        KmsKeyArn: !GetAtt EtlKey.Arn\nEtlJob:\n  Type: AWS::Glue::Job\n  Properties:\n    SecurityConfiguration: !Ref GlueSecurity',
    terraform:
      'resource "aws_glue_security_configuration" "etl" {\n  name = "etl-kms"\n  encryption_configuration {\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = "SSE-KMS"\n      kms_key_arn                = aws_kms_key.etl.arn\n    }\n    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = "CSE-KMS"\n      kms_key_arn                   = aws_kms_key.etl.arn\n    }\n    s3_encryption {\n      s3_encryption_mode = "SSE-KMS"\n      kms_key_arn        = aws_kms_key.etl.arn\n    }\n  }\n}\n\nresource "aws_glue_job" "etl" {\n  # ...\n  security_configuration = aws_glue_security_configuration.etl.name\n}',
  },
  appliesTo: ['AWS::Glue::Job', 'AWS::Glue::Crawler'],
  references: [
    'https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html',
    'https://docs.aws.amazon.com/glue/latest/dg/console-security-configurations.html',
  ],
  check(resource, ctx) {
    const ref = resource.facets.glue?.securityConfiguration;
    const path = 'glue.securityConfiguration';
    if (ref === undefined || ref === null) return fail(`${display(resource)} uses no security configuration: its S3 output, logs and bookmarks are not encrypted with KMS.`, path);
    if (isUnknown(ref)) return unknownResult(`cannot tell which security configuration ${display(resource)} uses (${ref.reason}).`, path);
    const config = ctx.index.resolve(ref, [SECURITY_CONFIGURATION]);
    if (!config) return unknownResult(`security configuration ${JSON.stringify(ref)} is not defined in the scanned input: cannot check its encryption modes.`, path);
    // Crawlers have no job bookmarks; only the settings they use are required of them.
    const modes = resource.type === 'AWS::Glue::Crawler' ? GLUE_ENCRYPTION_MODES.filter((m) => m.field !== 'jobBookmarksEncryptionMode') : GLUE_ENCRYPTION_MODES;
    const wrong: string[] = [];
    const unclear: string[] = [];
    for (const m of modes) {
      // A mode the configuration does not set is DISABLED (the Glue API default).
      const v = config.facets.glue?.[m.field] ?? 'DISABLED';
      if (isUnknown(v)) unclear.push(`${m.label} is unknown (${v.reason})`);
      else if (v.toUpperCase() !== m.expected) wrong.push(`${m.label} is ${v} (expected ${m.expected})`);
    }
    const related = [config.id];
    if (wrong.length > 0) return fail(`security configuration ${display(config)}: ${wrong.join('; ')}.`, path, related);
    if (unclear.length > 0) return unknownResult(`security configuration ${display(config)}: ${unclear.join('; ')}.`, path, related);
    return pass(`security configuration ${display(config)} encrypts ${modes.map((m) => m.label).join(', ')} with KMS.`, path, related);
  },
};

// ---------------------------------------------------------------- glue.catalog-encryption

const CATALOG_KMS_MODES = ['SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'];

const catalogEncryption: Rule = {
  id: 'glue.catalog-encryption',
  pillar: 'encryption',
  severity: 'high',
  title: 'Data Catalog metadata and connection passwords are encrypted with KMS',
  rationale:
    'The Data Catalog holds table schemas, locations and connection passwords; the article\'s cheatsheet asks for "KMS on catalog". Without connection-password encryption, anyone who can call GetConnection reads database passwords in clear (pillars 4 and 5).',
  remediation: {
    cloudformation:
      'CatalogEncryption:\n  Type: AWS::Glue::DataCatalogEncryptionSettings\n  Properties:\n    CatalogId: !Ref AWS::AccountId\n    DataCatalogEncryptionSettings:\n      EncryptionAtRest:\n        CatalogEncryptionMode: SSE-KMS\n        SseAwsKmsKeyId: !Ref CatalogKey\n      ConnectionPasswordEncryption:\n        ReturnConnectionPasswordEncrypted: true\n        KmsKeyId: !Ref CatalogKey',
    terraform:
      'resource "aws_glue_data_catalog_encryption_settings" "this" {\n  data_catalog_encryption_settings {\n    encryption_at_rest {\n      catalog_encryption_mode = "SSE-KMS"\n      sse_aws_kms_key_id      = aws_kms_key.catalog.arn\n    }\n    connection_password_encryption {\n      return_connection_password_encrypted = true\n      aws_kms_key_id                       = aws_kms_key.catalog.arn\n    }\n  }\n}',
  },
  appliesTo: ['AWS::Glue::DataCatalogEncryptionSettings'],
  references: [
    'https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html',
    'https://docs.aws.amazon.com/glue/latest/dg/encrypt-connection-passwords.html',
  ],
  check(resource) {
    const glue = resource.facets.glue ?? {};
    const problems: Array<{ text: string; path: string }> = [];
    const unclear: Array<{ text: string; path: string }> = [];
    const mode = glue.catalogEncryptionMode ?? 'DISABLED';
    if (isUnknown(mode)) unclear.push({ text: `catalog encryption mode is unknown (${mode.reason})`, path: 'glue.catalogEncryptionMode' });
    else if (!CATALOG_KMS_MODES.includes(mode.toUpperCase())) problems.push({ text: `catalog encryption at rest is ${mode} (expected SSE-KMS)`, path: 'glue.catalogEncryptionMode' });
    const pwd = glue.connectionPasswordEncryption ?? false;
    if (isUnknown(pwd)) unclear.push({ text: `connection-password encryption is unknown (${pwd.reason})`, path: 'glue.connectionPasswordEncryption' });
    else if (!pwd) problems.push({ text: 'connection passwords are not encrypted (ReturnConnectionPasswordEncrypted is false)', path: 'glue.connectionPasswordEncryption' });
    if (problems.length > 0) return fail(`${problems.map((p) => p.text).join('; ')}.`, problems[0].path);
    if (unclear.length > 0) return unknownResult(`${unclear.map((p) => p.text).join('; ')}.`, unclear[0].path);
    return pass(`catalog encrypted with ${String(mode)} and connection passwords encrypted.`, 'glue.catalogEncryptionMode');
  },
};

// ---------------------------------------------------------------- tls.glue-connection-ssl

const connectionSsl: Rule = {
  id: 'tls.glue-connection-ssl',
  pillar: 'encryption',
  severity: 'medium',
  title: 'Glue JDBC connections enforce SSL',
  rationale:
    'Without `JDBC_ENFORCE_SSL=true` Glue falls back to an unencrypted connection when the database allows it, and does not validate the server certificate; data in transit must be encrypted (pillar 4, and "all data leaving the system is encrypted", pillar 3).',
  remediation: {
    cloudformation:
      'OrdersJdbc:\n  Type: AWS::Glue::Connection\n  Properties:\n    CatalogId: !Ref AWS::AccountId\n    ConnectionInput:\n      ConnectionType: JDBC\n      ConnectionProperties:\n        JDBC_CONNECTION_URL: jdbc:postgresql://orders.cluster-abc.eu-west-1.rds.amazonaws.com:5432/orders\n        JDBC_ENFORCE_SSL: "true"\n        SECRET_ID: !Ref OrdersDbSecret',
    terraform:
      'resource "aws_glue_connection" "orders" {\n  name            = "orders-jdbc"\n  connection_type = "JDBC"\n  connection_properties = {\n    JDBC_CONNECTION_URL = "jdbc:postgresql://${aws_rds_cluster.orders.endpoint}:5432/orders"\n    JDBC_ENFORCE_SSL    = "true"\n    SECRET_ID           = aws_secretsmanager_secret.orders_db.name\n  }\n}',
  },
  appliesTo: [CONNECTION],
  references: [
    'https://docs.aws.amazon.com/glue/latest/dg/connection-properties.html',
    'https://docs.aws.amazon.com/glue/latest/dg/encryption-in-transit.html',
  ],
  check(conn) {
    const glue = conn.facets.glue ?? {};
    const type = glue.connectionType;
    if (isUnknown(type)) return unknownResult(`cannot tell the connection type of ${display(conn)} (${type.reason}).`, 'glue.connectionType');
    const isJdbc = type !== undefined ? type.toUpperCase() === 'JDBC' : param(glue.connectionProperties, 'JDBC_CONNECTION_URL') !== undefined;
    if (!isJdbc) return undefined; // SSL enforcement is a JDBC property
    const ssl = param(glue.connectionProperties, 'JDBC_ENFORCE_SSL');
    const path = `glue.connectionProperties.${ssl?.key ?? 'JDBC_ENFORCE_SSL'}`;
    if (ssl === undefined) return fail(`JDBC connection ${display(conn)} does not set JDBC_ENFORCE_SSL (default false: SSL not enforced).`, path);
    if (isUnknown(ssl.value)) return unknownResult(`cannot tell whether ${display(conn)} enforces SSL: JDBC_ENFORCE_SSL is unknown (${ssl.value.reason}).`, path);
    if (ssl.value.trim().toLowerCase() !== 'true') return fail(`JDBC connection ${display(conn)} has JDBC_ENFORCE_SSL = ${show(ssl.value)} (expected "true").`, path);
    return pass(`JDBC connection ${display(conn)} enforces SSL.`, path);
  },
};

// ---------------------------------------------------------------- glue.continuous-logging

const CONTINUOUS_LOG_ARG = '--enable-continuous-cloudwatch-log';

const continuousLogging: Rule = {
  id: 'glue.continuous-logging',
  pillar: 'monitoring',
  severity: 'low',
  title: 'Glue jobs log continuously to CloudWatch',
  rationale:
    'Continuous logging streams driver and executor logs to CloudWatch while the job runs, so an audit or an incident can be traced (pillar 6; Example #1: "Enable continuous logging of Glue jobs into CloudWatch").',
  remediation: {
    cloudformation: 'EtlJob:\n  Type: AWS::Glue::Job\n  Properties:\n    DefaultArguments:\n      "--enable-continuous-cloudwatch-log": "true"',
    terraform: 'resource "aws_glue_job" "etl" {\n  # ...\n  default_arguments = {\n    "--enable-continuous-cloudwatch-log" = "true"\n  }\n}',
  },
  appliesTo: ['AWS::Glue::Job'],
  references: [
    'https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging-enable.html',
    'https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html',
  ],
  check(job) {
    const arg = param(job.facets.glue?.defaultArguments, CONTINUOUS_LOG_ARG);
    const path = `glue.defaultArguments.${arg?.key ?? CONTINUOUS_LOG_ARG}`;
    if (arg === undefined) return fail(`${display(job)} does not set ${CONTINUOUS_LOG_ARG} (continuous logging off).`, path);
    if (isUnknown(arg.value)) return unknownResult(`cannot tell whether ${display(job)} logs continuously: ${CONTINUOUS_LOG_ARG} is unknown (${arg.value.reason}).`, path);
    if (arg.value.trim().toLowerCase() !== 'true') return fail(`${display(job)} has ${CONTINUOUS_LOG_ARG} = ${show(arg.value)} (expected "true").`, path);
    return pass(`${display(job)} logs continuously to CloudWatch.`, path);
  },
};

// ---------------------------------------------------------------- glue.column-classification

/** Column names of `table` that an LF-tag assignment in the input tags with a classification key. */
function columnsTaggedByLakeFormation(table: Resource, ctx: RuleContext, keys: Set<string>): { names: Set<string>; unclear?: string } {
  const names = new Set<string>();
  let unclear: string | undefined;
  for (const r of ctx.index.all()) {
    const a = r.facets.lakeformation?.assignment;
    if (!a || a.target.kind !== 'columns') continue;
    if (glueTargetOf(a.target, ctx.index) !== table) continue;
    const classifying = a.tags.some((t) => isUnknown(t.key) || keys.has(t.key.toLowerCase()));
    if (!classifying) continue;
    const target = a.target as Extract<LfGrantTarget, { kind: 'columns' }>;
    if (target.excluded) {
      unclear = `LF-tag assignment ${r.id} names excluded columns`;
      continue;
    }
    for (const c of target.columns) {
      if (isUnknown(c)) unclear = `LF-tag assignment ${r.id} has an unknown column name (${c.reason})`;
      else names.add(c.toLowerCase());
    }
  }
  return { names, unclear };
}

const columnClassification: Rule = {
  id: 'glue.column-classification',
  pillar: 'classification',
  severity: 'low',
  title: 'Glue tables holding red/orange data classify each column',
  rationale:
    'Table-level tags say a table is sensitive, not which columns are: column-level classification is what lets Lake Formation hide or mask `email` or `date_of_birth` while sharing the rest (pillar 2: "maintaining column-level metadata … in the Glue Data Catalog").',
  remediation: {
    cloudformation:
      '# CloudFormation Glue columns have no Parameters: classify columns with LF-tags\nEmailPii:\n  Type: AWS::LakeFormation::TagAssociation\n  Properties:\n    Resource:\n      TableWithColumns:\n        CatalogId: !Ref AWS::AccountId\n        DatabaseName: sales\n        Name: customers\n        ColumnNames: [email, date_of_birth]\n    LFTags:\n      - CatalogId: !Ref AWS::AccountId\n        TagKey: pii\n        TagValues: [high]',
    terraform:
      'resource "aws_glue_catalog_table" "customers" {\n  # ...\n  storage_descriptor {\n    columns {\n      name       = "email"\n      type       = "string"\n      parameters = { pii = "high" }\n    }\n  }\n}',
  },
  appliesTo: ['AWS::Glue::Table'],
  references: [
    'https://docs.aws.amazon.com/glue/latest/webapi/API_Column.html',
    'https://docs.aws.amazon.com/lake-formation/latest/dg/TBAC-assigning-tags.html',
  ],
  check(table, ctx) {
    const level = dataLevel(table, ctx);
    if (level !== 'red' && level !== 'orange') return undefined;
    const columns = table.facets.glue?.columns ?? [];
    if (columns.length === 0) return unknownResult(`${level} table ${display(table)} defines no columns in the input (schema left to a crawler?): cannot check column classification.`, 'glue.columns');
    const keys = new Set(Object.keys(ctx.config.classification).map((k) => k.toLowerCase()));
    const lf = columnsTaggedByLakeFormation(table, ctx, keys);
    const missing: Array<{ name: string; index: number }> = [];
    const unclear: string[] = [];
    columns.forEach((col, index) => {
      if (Object.keys(col.parameters).some((k) => keys.has(k.toLowerCase()))) return;
      if (isUnknown(col.name)) {
        unclear.push(`column ${index} has an unknown name (${col.name.reason})`);
        return;
      }
      if (lf.names.has(col.name.toLowerCase())) return;
      missing.push({ name: col.name, index });
    });
    const wanted = [...Object.keys(ctx.config.classification)].join(' / ');
    if (missing.length > 0 && lf.unclear) {
      return unknownResult(`${level} table ${display(table)}: column(s) ${missing.map((m) => m.name).join(', ')} carry no classification parameter and ${lf.unclear}, which may cover them.`, `glue.columns[${missing[0].index}].parameters`);
    }
    if (missing.length > 0) {
      return fail(`${level} table ${display(table)}: ${missing.length} of ${columns.length} column(s) carry no classification parameter (${wanted}): ${missing.map((m) => m.name).join(', ')}.`, `glue.columns[${missing[0].index}].parameters`);
    }
    if (unclear.length > 0 || lf.unclear) return unknownResult(`${level} table ${display(table)}: ${[...unclear, lf.unclear].filter(Boolean).join('; ')}.`, 'glue.columns');
    return pass(`every column of ${level} table ${display(table)} is classified.`, 'glue.columns');
  },
};

export const rules: AnyRule[] = [jobInVpc, securityConfiguration, catalogEncryption, connectionSsl, continuousLogging, columnClassification];
