import type { Resource, Unknown, V } from '../model';
import { isUnknown, unknown } from '../model';
import type { AnyRule, CheckResult, Rule, RuleContext } from './types';
import { describeAtRest, fail, pass, requireFalse, requireTrue, unknownResult } from './support';
import { allOf, atRestOf, demandOf, keyRelated, underUnknownDemand } from './demand';
import { describeSetting, isOn, parameterSourceOf, settingOf, type ParameterSource, type Setting } from './parameters';

const CLUSTER = 'AWS::RDS::DBCluster';
const INSTANCE = 'AWS::RDS::DBInstance';
const CLUSTER_PARAMS = ['AWS::RDS::DBClusterParameterGroup'] as const;
const INSTANCE_PARAMS = ['AWS::RDS::DBParameterGroup'] as const;

type EngineFamily = 'postgres' | 'mysql' | 'sqlserver' | 'oracle' | 'other';

function engineFamily(resource: Resource): V<EngineFamily> {
  const engine = resource.facets.database?.engine;
  if (engine === undefined) return unknown('the engine is not given');
  if (isUnknown(engine)) return unknown(`the engine is unknown (${engine.reason})`);
  const e = engine.trim().toLowerCase();
  if (e === 'postgres' || e === 'aurora-postgresql') return 'postgres';
  // `aurora` is the engine name of Aurora MySQL 5.6 clusters.
  if (e === 'mysql' || e === 'mariadb' || e === 'aurora' || e === 'aurora-mysql') return 'mysql';
  if (e.startsWith('sqlserver')) return 'sqlserver';
  if (e.startsWith('oracle')) return 'oracle';
  return 'other';
}

/**
 * An instance of an Aurora (or Multi-AZ DB) cluster: storage, backups, credentials, logging and
 * cluster-level parameters belong to its cluster, which is checked instead — reporting them on
 * every instance too would count one problem several times.
 */
function isClusterMember(resource: Resource): boolean {
  if (resource.type !== INSTANCE) return false;
  const db = resource.facets.database;
  if (db?.cluster !== undefined) return true;
  return typeof db?.engine === 'string' && db.engine.toLowerCase().startsWith('aurora');
}

/** Where a cluster or standalone instance takes its (cluster-level) parameters from. */
function parametersOf(resource: Resource, ctx: RuleContext): ParameterSource {
  const db = resource.facets.database;
  if (resource.type === CLUSTER) return parameterSourceOf(db?.parameterGroup, CLUSTER_PARAMS, ctx);
  return parameterSourceOf(db?.instanceParameterGroup ?? db?.parameterGroup, INSTANCE_PARAMS, ctx);
}

/** Facet path of the property naming the parameter group, for findings. */
function parameterGroupPath(resource: Resource): string {
  return resource.type === INSTANCE && resource.facets.database?.instanceParameterGroup !== undefined ? 'database.instanceParameterGroup' : 'database.parameterGroup';
}

/**
 * `rds.force_ssl` defaults to 1 from RDS for PostgreSQL 15 on, and to 0 before it and on Aurora
 * PostgreSQL. The version is read from the group's family (`postgres16`), a default group's name
 * (`default.postgres16`), or — when no group is named, so the engine's default group applies —
 * the instance's engine version (`16.4`); without any of them we assume 0.
 */
function forceSslDefault(source: ParameterSource, resource: Resource): string {
  const family = source.kind === 'group' ? source.group.facets.database?.family : source.kind === 'default' ? source.name?.replace(/^default\./, '') : undefined;
  const m = typeof family === 'string' ? /^postgres(\d+)/.exec(family) : null;
  if (m) return Number(m[1]) >= 15 ? '1' : '0';
  const db = resource.facets.database;
  if (source.kind === 'default' && source.name === undefined && db?.engine === 'postgres' && typeof db.engineVersion === 'string') {
    const major = Number(/^(\d+)/.exec(db.engineVersion)?.[1]);
    return major >= 15 ? '1' : '0';
  }
  return '0';
}

const BOTH = [CLUSTER, INSTANCE] as const;

const notPublic: Rule = {
  id: 'rds.not-public',
  pillar: 'network',
  severity: 'critical',
  title: 'RDS and Aurora DB instances are not publicly accessible',
  rationale:
    'A publicly accessible instance gets a public DNS name and IP address, so only its security group stands between the database and the internet. The article (pillar 3, network; Aurora example) asks databases to live in private subnets with no public endpoints.',
  remediation: {
    cloudformation: 'AppDbInstance:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    PubliclyAccessible: false',
    terraform: 'resource "aws_db_instance" "app" {\n  publicly_accessible = false\n}',
  },
  appliesTo: [INSTANCE],
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding'],
  check(instance) {
    return requireFalse(instance.facets.publicAccess?.publiclyAccessible, 'publicAccess.publiclyAccessible', 'not publicly accessible.', 'publicly accessible: true.');
  },
};

const storageEncrypted: Rule = {
  id: 'rds.storage-encrypted',
  pillar: 'encryption',
  severity: 'high',
  title: 'RDS/Aurora storage is encrypted; red data with a customer-managed key',
  rationale:
    'Unencrypted storage exposes data, snapshots and replicas to anyone who gets at the volumes or a shared snapshot, and encryption can only be chosen at creation. The article (pillar 4; Aurora example) asks for KMS CMK encryption at cluster creation for sensitive data; green data needs none.',
  remediation: {
    cloudformation: 'AppCluster:\n  Type: AWS::RDS::DBCluster\n  Properties:\n    StorageEncrypted: true\n    KmsKeyId: !GetAtt AppKey.Arn',
    terraform: 'resource "aws_rds_cluster" "app" {\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.app.arn\n}',
  },
  appliesTo: BOTH,
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html', 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html'],
  check(resource, ctx) {
    if (isClusterMember(resource)) return undefined;
    const demand = demandOf(resource, ctx);
    if (demand === 'none') return undefined;
    if (isUnknown(demand)) return underUnknownDemand(storageVerdict(resource, ctx, true), demand);
    return storageVerdict(resource, ctx, demand === 'red');
  },
};

function storageVerdict(resource: Resource, ctx: RuleContext, red: boolean): CheckResult {
  const path = 'encryption.atRest';
  const atRest = atRestOf(resource, ctx, 'none'); // StorageEncrypted defaults to false
  const related = keyRelated(resource, ctx);
  if (isUnknown(atRest)) return unknownResult(`cannot tell whether storage is encrypted (${atRest.reason}).`, path, related);
  if (atRest === 'none') return fail('storage is not encrypted (StorageEncrypted is false).', path, related);
  if (red && atRest !== 'cmk') return fail(`red data: storage is ${describeAtRest(atRest)}; red data needs a customer-managed KMS key.`, path, related);
  return pass(`storage is ${describeAtRest(atRest)}.`, path, related);
}

const forceSsl: Rule = {
  id: 'tls.rds-force-ssl',
  pillar: 'encryption',
  severity: 'high',
  title: 'RDS/Aurora parameter groups force TLS connections',
  rationale:
    'PostgreSQL and MySQL accept unencrypted connections unless the server refuses them, so credentials and query results can cross the network in clear text. The article (Aurora example) asks to enforce TLS with `rds.force_ssl=1`; MySQL engines use `require_secure_transport=ON`.',
  remediation: {
    cloudformation:
      'AppClusterParams:\n  Type: AWS::RDS::DBClusterParameterGroup\n  Properties:\n    Family: aurora-postgresql16\n    Description: TLS only\n    Parameters:\n      rds.force_ssl: "1"            # aurora-mysql: require_secure_transport: "ON"\nAppCluster:\n  Type: AWS::RDS::DBCluster\n  Properties:\n    DBClusterParameterGroupName: !Ref AppClusterParams',
    terraform:
      'resource "aws_rds_cluster_parameter_group" "app" {\n  family = "aurora-postgresql16"\n  parameter {\n    name  = "rds.force_ssl" # aurora-mysql: require_secure_transport = "ON"\n    value = "1"\n  }\n}\n\nresource "aws_rds_cluster" "app" {\n  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.app.name\n}',
  },
  appliesTo: BOTH,
  references: [
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Security.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Security.html',
  ],
  check(resource, ctx) {
    // Aurora instances: TLS enforcement is a cluster-level parameter, checked on the cluster.
    if (isClusterMember(resource)) return undefined;
    const family = engineFamily(resource);
    const path = parameterGroupPath(resource);
    if (isUnknown(family)) return unknownResult(`cannot tell which TLS parameter applies: ${family.reason}.`, 'database.engine');
    if (family === 'oracle' || family === 'other') return unknownResult(`TLS enforcement for engine ${String(resource.facets.database?.engine)} is configured outside parameter groups (option groups); not checked.`, 'database.engine');
    const source = parametersOf(resource, ctx);
    const name = family === 'mysql' ? 'require_secure_transport' : 'rds.force_ssl';
    const engineDefault = family === 'postgres' ? forceSslDefault(source, resource) : family === 'mysql' ? 'OFF' : '0';
    const setting = settingOf(source, name, engineDefault);
    if (isUnknown(setting)) return unknownResult(`cannot tell whether TLS is enforced: ${setting.reason}.`, path);
    if (isUnknown(setting.value)) return unknownResult(`${name} in ${setting.where} is unknown (${setting.value.reason}).`, path, setting.related);
    if (isOn(setting.value)) return pass(`TLS is enforced: ${describeSetting(name, setting)}.`, path, setting.related);
    return fail(`clients may connect without TLS: ${describeSetting(name, setting)}.`, path, setting.related);
  },
};

const iamAuth: Rule = {
  id: 'rds.iam-auth',
  pillar: 'secrets',
  severity: 'medium',
  title: 'RDS/Aurora IAM database authentication is enabled',
  rationale:
    'With IAM database authentication, applications log in with short-lived tokens tied to IAM roles instead of long-lived database passwords. The article (pillar 5, secrets; Aurora example) recommends it so no permanent credential has to be stored.',
  remediation: {
    cloudformation: 'AppCluster:\n  Type: AWS::RDS::DBCluster\n  Properties:\n    EnableIAMDatabaseAuthentication: true',
    terraform: 'resource "aws_rds_cluster" "app" {\n  iam_database_authentication_enabled = true\n}',
  },
  appliesTo: BOTH,
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html', 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/UsingWithRDS.IAMDBAuth.html'],
  check(resource) {
    if (isClusterMember(resource)) return undefined;
    const family = engineFamily(resource);
    // IAM database authentication exists for MySQL, MariaDB and PostgreSQL engines only.
    if (!isUnknown(family) && family !== 'postgres' && family !== 'mysql') return undefined;
    const result = requireTrue(resource.facets.credentials?.iamAuth, 'credentials.iamAuth', 'IAM database authentication is enabled.', 'IAM database authentication is disabled.');
    if (isUnknown(family) && result.verdict === 'fail') return unknownResult(`IAM database authentication is disabled, and ${family.reason}, so it may not be supported.`, 'database.engine');
    return result;
  },
};

const logExports: Rule = {
  id: 'rds.log-exports',
  pillar: 'monitoring',
  severity: 'medium',
  title: 'RDS/Aurora export their audit logs to CloudWatch Logs',
  rationale:
    'Database logs that stay on the instance are rotated away and are invisible to central monitoring. The article (pillar 6; Aurora example) asks to stream Aurora/PostgreSQL logs to CloudWatch Logs, so who did what can be traced afterwards: `postgresql` for PostgreSQL engines, `audit` for MySQL-compatible and Oracle engines.',
  remediation: {
    cloudformation: 'AppCluster:\n  Type: AWS::RDS::DBCluster\n  Properties:\n    EnableCloudwatchLogsExports:\n      - postgresql      # MySQL-compatible engines: audit',
    terraform: 'resource "aws_rds_cluster" "app" {\n  enabled_cloudwatch_logs_exports = ["postgresql"] # MySQL-compatible engines: ["audit"]\n}',
  },
  appliesTo: BOTH,
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html', 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/publishing_cloudwatchlogs.html'],
  check(resource) {
    if (isClusterMember(resource)) return undefined;
    const family = engineFamily(resource);
    const path = 'logging.logExports';
    if (isUnknown(family)) return unknownResult(`cannot tell which log type to require: ${family.reason}.`, 'database.engine');
    const required = family === 'postgres' ? 'postgresql' : family === 'mysql' || family === 'oracle' ? 'audit' : undefined;
    // SQL Server and other engines have no audit log type to export.
    if (required === undefined) return undefined;
    const exports = resource.facets.logging?.logExports ?? [];
    if (isUnknown(exports)) return unknownResult(`log exports are unknown (${exports.reason}).`, path);
    const list = exports.map((e) => e.toLowerCase());
    if (list.includes(required)) return pass(`the ${required} log is exported to CloudWatch Logs.`, path);
    return fail(`the ${required} log is not exported to CloudWatch Logs (exports: ${list.length ? list.join(', ') : 'none'}).`, path);
  },
};

const pgaudit: Rule = {
  id: 'rds.pgaudit',
  pillar: 'monitoring',
  severity: 'medium',
  title: 'PostgreSQL engines load pgaudit and log with it',
  rationale:
    'The standard PostgreSQL log does not record who read or changed which objects; pgaudit does. The article (Aurora example) asks to enable pgaudit for SELECT, DDL and DML as needed: the library must be preloaded and `pgaudit.log` set to something other than `none`.',
  remediation: {
    cloudformation:
      'AppClusterParams:\n  Type: AWS::RDS::DBClusterParameterGroup\n  Properties:\n    Family: aurora-postgresql16\n    Description: pgaudit\n    Parameters:\n      shared_preload_libraries: pg_stat_statements,pgaudit\n      pgaudit.log: "ddl,write,role"',
    terraform:
      'resource "aws_rds_cluster_parameter_group" "app" {\n  family = "aurora-postgresql16"\n  parameter {\n    name         = "shared_preload_libraries"\n    value        = "pg_stat_statements,pgaudit"\n    apply_method = "pending-reboot"\n  }\n  parameter {\n    name  = "pgaudit.log"\n    value = "ddl,write,role"\n  }\n}',
  },
  appliesTo: BOTH,
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Appendix.PostgreSQL.CommonDBATasks.pgaudit.html', 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Appendix.PostgreSQL.CommonDBATasks.pgaudit.html'],
  check(resource, ctx) {
    if (isClusterMember(resource)) return undefined;
    const family = engineFamily(resource);
    if (isUnknown(family)) return unknownResult(`cannot tell whether pgaudit applies: ${family.reason}.`, 'database.engine');
    if (family !== 'postgres') return undefined;
    const path = parameterGroupPath(resource);
    const source = parametersOf(resource, ctx);
    const libraries = settingOf(source, 'shared_preload_libraries', 'pg_stat_statements');
    const log = settingOf(source, 'pgaudit.log', 'none');
    const parts = [preloadVerdict(libraries, path), auditLogVerdict(log, path)];
    return allOf(parts, 'pgaudit is preloaded and pgaudit.log is set.', path);
  },
};

function preloadVerdict(s: Setting | Unknown, path: string): CheckResult {
  const name = 'shared_preload_libraries';
  if (isUnknown(s)) return unknownResult(`cannot read ${name}: ${s.reason}`, path);
  if (isUnknown(s.value)) return unknownResult(`${name} in ${s.where} is unknown (${s.value.reason})`, path, s.related);
  const libs = s.value.split(',').map((l) => l.trim().toLowerCase());
  if (libs.includes('pgaudit')) return pass(`${name} includes pgaudit`, path, s.related);
  return fail(`pgaudit is not preloaded: ${describeSetting(name, s)}`, path, s.related);
}

function auditLogVerdict(s: Setting | Unknown, path: string): CheckResult {
  const name = 'pgaudit.log';
  if (isUnknown(s)) return unknownResult(`cannot read ${name}: ${s.reason}`, path);
  if (isUnknown(s.value)) return unknownResult(`${name} in ${s.where} is unknown (${s.value.reason})`, path, s.related);
  const value = s.value.trim().toLowerCase();
  if (value !== '' && value !== 'none') return pass(`${name} is ${s.value}`, path, s.related);
  return fail(`pgaudit logs nothing: ${describeSetting(name, s)}`, path, s.related);
}

const backupRetention: Rule = {
  id: 'rds.backup-retention',
  pillar: 'recovery',
  severity: 'medium',
  title: 'RDS/Aurora keep automated backups long enough',
  rationale:
    'Automated backups bound how far back point-in-time recovery can go; the default of one day often expires before a problem is noticed. The article (Aurora example) asks for automated backups and PITR with tested restores; the minimum days are configurable (`minBackupRetentionDays`, default 7).',
  remediation: {
    cloudformation: 'AppCluster:\n  Type: AWS::RDS::DBCluster\n  Properties:\n    BackupRetentionPeriod: 7',
    terraform: 'resource "aws_rds_cluster" "app" {\n  backup_retention_period = 7\n}',
  },
  appliesTo: BOTH,
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html', 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Managing.Backups.html'],
  check(resource, ctx) {
    if (isClusterMember(resource)) return undefined;
    const path = 'backup.retentionDays';
    const min = ctx.config.minBackupRetentionDays;
    const days = resource.facets.backup?.retentionDays ?? 1; // CloudFormation and API default: 1 day
    if (isUnknown(days)) return unknownResult(`backup retention is unknown (${days.reason}).`, path);
    if (days >= min) return pass(`backup retention is ${days} days (minimum ${min}).`, path);
    return fail(`backup retention is ${days} day${days === 1 ? '' : 's'}; at least ${min} required.`, path);
  },
};

const deletionProtection: Rule = {
  id: 'rds.deletion-protection',
  pillar: 'recovery',
  severity: 'medium',
  title: 'RDS/Aurora deletion protection is on',
  rationale:
    'Without deletion protection one API call or one mistaken IaC change deletes the database (and, unless retained, its automated backups). Deletion protection turns deletion into a deliberate change (backup/recovery row of the article).',
  remediation: {
    cloudformation: 'AppCluster:\n  Type: AWS::RDS::DBCluster\n  Properties:\n    DeletionProtection: true',
    terraform: 'resource "aws_rds_cluster" "app" {\n  deletion_protection = true\n}',
  },
  appliesTo: BOTH,
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection'],
  check(resource) {
    if (isClusterMember(resource)) return undefined;
    return requireTrue(resource.facets.backup?.deletionProtection, 'backup.deletionProtection', 'deletion protection is on.', 'deletion protection is off.');
  },
};

export const rules: AnyRule[] = [notPublic, storageEncrypted, forceSsl, iamAuth, logExports, pgaudit, backupRetention, deletionProtection];
