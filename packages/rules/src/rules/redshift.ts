import type { Resource, Unknown } from '../model';
import { isUnknown } from '../model';
import type { AnyRule, CheckResult, Rule, RuleContext } from './types';
import { describeAtRest, fail, pass, requireFalse, requireTrue, unknownResult } from './support';
import { allOf, atRestOf, demandOf, keyRelated, underUnknownDemand } from './demand';
import { describeSetting, isOn, parameterSourceOf, settingOf, type Setting } from './parameters';

const CLUSTER = 'AWS::Redshift::Cluster';
const WORKGROUP = 'AWS::RedshiftServerless::Workgroup';
const NAMESPACE = 'AWS::RedshiftServerless::Namespace';
const PARAMETER_GROUP = ['AWS::Redshift::ClusterParameterGroup'] as const;

/**
 * A Redshift setting: a cluster reads it from its parameter group (none = the default group,
 * where `require_ssl` and `enable_user_activity_logging` are false); a serverless workgroup from
 * its config parameters, where an unset parameter is treated as false too — the IaC does not
 * enforce it.
 */
export function redshiftSetting(resource: Resource, name: string, ctx: RuleContext): { setting: Setting | Unknown; path: string } {
  if (resource.type === WORKGROUP) {
    const value = resource.facets.database?.parameters?.[name];
    const setting: Setting = value === undefined ? { value: 'false', where: 'the workgroup config parameters', explicit: false } : { value, where: 'the workgroup config parameters', explicit: true };
    return { setting, path: `database.parameters.${name}` };
  }
  const source = parameterSourceOf(resource.facets.database?.parameterGroup, PARAMETER_GROUP, ctx);
  return { setting: settingOf(source, name, 'false'), path: 'database.parameterGroup' };
}

/** "name must be true" on a Redshift setting, with the current value in the message. */
function requireSetting(resource: Resource, name: string, ctx: RuleContext, ok: string, bad: string): CheckResult {
  const { setting, path } = redshiftSetting(resource, name, ctx);
  if (isUnknown(setting)) return unknownResult(`cannot read ${name}: ${setting.reason}.`, path);
  if (isUnknown(setting.value)) return unknownResult(`${name} in ${setting.where} is unknown (${setting.value.reason}).`, path, setting.related);
  if (isOn(setting.value)) return pass(`${ok} (${name} is ${setting.value} in ${setting.where}).`, path, setting.related);
  return fail(`${bad}: ${describeSetting(name, setting)}.`, path, setting.related);
}

const notPublic: Rule = {
  id: 'redshift.not-public',
  pillar: 'network',
  severity: 'critical',
  title: 'Redshift clusters and serverless workgroups are not publicly accessible',
  rationale:
    'A publicly accessible warehouse gets a public endpoint, so only its security group stands between the data and the internet. The article (pillar 3; Redshift example) asks to place clusters and workgroups in private subnets with no public endpoints.',
  remediation: {
    cloudformation: 'Warehouse:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    PubliclyAccessible: false\n# AWS::RedshiftServerless::Workgroup: PubliclyAccessible: false',
    terraform: 'resource "aws_redshift_cluster" "warehouse" {\n  publicly_accessible = false\n}\n# aws_redshiftserverless_workgroup: publicly_accessible = false',
  },
  appliesTo: [CLUSTER, WORKGROUP],
  references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/rs-vpc-public-accessible.html', 'https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-connecting.html'],
  check(resource) {
    return requireFalse(resource.facets.publicAccess?.publiclyAccessible, 'publicAccess.publiclyAccessible', 'not publicly accessible.', 'publicly accessible: true.');
  },
};

const enhancedVpcRouting: Rule = {
  id: 'redshift.enhanced-vpc-routing',
  pillar: 'network',
  severity: 'medium',
  title: 'Redshift uses enhanced VPC routing',
  rationale:
    'Without enhanced VPC routing, COPY and UNLOAD traffic to S3 goes over the internet path, outside VPC endpoints, endpoint policies and flow logs. The article (Redshift example) asks for enhanced VPC routing so data only moves through VPC endpoints.',
  remediation: {
    cloudformation: 'Warehouse:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    EnhancedVpcRouting: true\n# AWS::RedshiftServerless::Workgroup: EnhancedVpcRouting: true',
    terraform: 'resource "aws_redshift_cluster" "warehouse" {\n  enhanced_vpc_routing = true\n}\n# aws_redshiftserverless_workgroup: enhanced_vpc_routing = true',
  },
  appliesTo: [CLUSTER, WORKGROUP],
  references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html'],
  check(resource) {
    return requireTrue(resource.facets.network?.enhancedVpcRouting, 'network.enhancedVpcRouting', 'enhanced VPC routing is on.', 'enhanced VPC routing is off.');
  },
};

const encrypted: Rule = {
  id: 'redshift.encrypted',
  pillar: 'encryption',
  severity: 'high',
  title: 'Redshift data is encrypted; red data with a customer-managed key',
  rationale:
    'An unencrypted cluster leaves data and snapshots readable to anyone who gets at the storage. The article (pillar 4; Redshift example) asks for encryption at rest with a customer-managed KMS key for sensitive data; green data needs none.',
  remediation: {
    cloudformation: 'Warehouse:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    Encrypted: true\n    KmsKeyId: !Ref WarehouseKey\n# AWS::RedshiftServerless::Namespace: KmsKeyId: !Ref WarehouseKey',
    terraform: 'resource "aws_redshift_cluster" "warehouse" {\n  encrypted  = true\n  kms_key_id = aws_kms_key.warehouse.arn\n}\n# aws_redshiftserverless_namespace: kms_key_id = aws_kms_key.warehouse.arn',
  },
  appliesTo: [CLUSTER, NAMESPACE],
  references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html', 'https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-security.html'],
  check(resource, ctx) {
    const demand = demandOf(resource, ctx);
    if (demand === 'none') return undefined;
    if (isUnknown(demand)) return underUnknownDemand(encryptionVerdict(resource, ctx, true), demand);
    return encryptionVerdict(resource, ctx, demand === 'red');
  },
};

function encryptionVerdict(resource: Resource, ctx: RuleContext, red: boolean): CheckResult {
  const path = 'encryption.atRest';
  // A cluster's `Encrypted` defaults to false in CloudFormation; a namespace without a key uses an AWS-owned key.
  const atRest = atRestOf(resource, ctx, resource.type === NAMESPACE ? 'aws-owned' : 'none');
  const related = keyRelated(resource, ctx);
  if (isUnknown(atRest)) return unknownResult(`cannot tell how the data is encrypted (${atRest.reason}).`, path, related);
  if (atRest === 'none') return fail('not encrypted at rest (Encrypted is false).', path, related);
  if (red && atRest !== 'cmk') return fail(`red data ${describeAtRest(atRest)}; red data needs a customer-managed KMS key.`, path, related);
  return pass(`${describeAtRest(atRest)}.`, path, related);
}

const requireSsl: Rule = {
  id: 'tls.redshift-require-ssl',
  pillar: 'encryption',
  severity: 'high',
  title: 'Redshift requires SSL connections',
  rationale:
    'Redshift accepts unencrypted client connections unless `require_ssl` is true, so credentials and results can cross the network in clear text. The article (Redshift example) asks to force SSL and reject non-TLS connections.',
  remediation: {
    cloudformation:
      'WarehouseParams:\n  Type: AWS::Redshift::ClusterParameterGroup\n  Properties:\n    Description: TLS only\n    ParameterGroupFamily: redshift-1.0\n    Parameters:\n      - ParameterName: require_ssl\n        ParameterValue: "true"\nWarehouse:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    ClusterParameterGroupName: !Ref WarehouseParams\n# AWS::RedshiftServerless::Workgroup: ConfigParameters: [{ParameterKey: require_ssl, ParameterValue: "true"}]',
    terraform:
      'resource "aws_redshift_parameter_group" "warehouse" {\n  family = "redshift-1.0"\n  parameter {\n    name  = "require_ssl"\n    value = "true"\n  }\n}\n\nresource "aws_redshift_cluster" "warehouse" {\n  cluster_parameter_group_name = aws_redshift_parameter_group.warehouse.name\n}\n# aws_redshiftserverless_workgroup: config_parameter { parameter_key = "require_ssl"  parameter_value = "true" }',
  },
  appliesTo: [CLUSTER, WORKGROUP],
  references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html', 'https://docs.aws.amazon.com/config/latest/developerguide/redshift-require-tls-ssl.html'],
  check(resource, ctx) {
    return requireSetting(resource, 'require_ssl', ctx, 'SSL is required', 'clients may connect without SSL');
  },
};

const auditLogging: Rule = {
  id: 'redshift.audit-logging',
  pillar: 'monitoring',
  severity: 'medium',
  title: 'Redshift audit logging is on, with user activity logging',
  rationale:
    'Audit logs record who connected and, with `enable_user_activity_logging`, every query run; without them an incident cannot be traced. The article (pillar 6; Redshift example) asks for database audit logging to S3 or CloudWatch and the user activity log.',
  remediation: {
    cloudformation:
      'Warehouse:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    LoggingProperties:\n      LogDestinationType: cloudwatch\n      LogExports: [connectionlog, userlog, useractivitylog]\n    ClusterParameterGroupName: !Ref WarehouseParams   # with enable_user_activity_logging: "true"\n# Serverless: Namespace LogExports: [connectionlog, userlog, useractivitylog];\n# Workgroup ConfigParameters: [{ParameterKey: enable_user_activity_logging, ParameterValue: "true"}]',
    terraform:
      'resource "aws_redshift_logging" "warehouse" {\n  cluster_identifier   = aws_redshift_cluster.warehouse.id\n  log_destination_type = "cloudwatch"\n  log_exports          = ["connectionlog", "userlog", "useractivitylog"]\n}\n# parameter group: parameter { name = "enable_user_activity_logging"  value = "true" }\n# serverless: namespace log_exports = [...]; workgroup config_parameter enable_user_activity_logging = "true"',
  },
  appliesTo: [CLUSTER, WORKGROUP, NAMESPACE],
  references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html', 'https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-audit-logging.html'],
  check(resource, ctx) {
    // Serverless splits the two halves: the namespace exports the logs, the workgroup holds the parameter.
    if (resource.type === NAMESPACE) return namespaceLogExports(resource);
    const activity = requireSetting(resource, 'enable_user_activity_logging', ctx, 'user activity logging is on', 'user activity logging is off');
    if (resource.type === WORKGROUP) return activity;
    const logging = requireTrue(resource.facets.logging?.auditLogging, 'logging.auditLogging', 'audit logging is on.', 'audit logging is off.');
    return allOf([logging, activity], 'audit logging and user activity logging are on.');
  },
};

/** The audit log types a serverless namespace must export (all three Redshift audit logs). */
const NAMESPACE_LOGS = ['connectionlog', 'userlog', 'useractivitylog'] as const;

function namespaceLogExports(namespace: Resource): CheckResult {
  const path = 'logging.logExports';
  const exports = namespace.facets.logging?.logExports ?? [];
  if (isUnknown(exports)) return unknownResult(`log exports are unknown (${exports.reason}).`, path);
  const list = exports.map((e) => e.toLowerCase());
  const missing = NAMESPACE_LOGS.filter((l) => !list.includes(l));
  if (missing.length === 0) return pass('connection, user and user activity logs are exported.', path);
  return fail(`audit logs not exported: ${missing.join(', ')} (exports: ${list.length ? list.join(', ') : 'none'}).`, path);
}

const snapshotRetention: Rule = {
  id: 'redshift.snapshot-retention',
  pillar: 'recovery',
  severity: 'medium',
  title: 'Redshift clusters keep automated snapshots',
  rationale:
    'With an automated snapshot retention of 0 the cluster takes no automated snapshots, so a dropped table or a corrupted load cannot be restored. The article lists snapshots as the Redshift backup/recovery control.',
  remediation: {
    cloudformation: 'Warehouse:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    AutomatedSnapshotRetentionPeriod: 7',
    terraform: 'resource "aws_redshift_cluster" "warehouse" {\n  automated_snapshot_retention_period = 7\n}',
  },
  appliesTo: [CLUSTER],
  references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html'],
  check(cluster) {
    const path = 'backup.snapshotRetentionDays';
    const days = cluster.facets.backup?.snapshotRetentionDays ?? 1; // API and CloudFormation default: 1 day
    if (isUnknown(days)) return unknownResult(`automated snapshot retention is unknown (${days.reason}).`, path);
    if (days > 0) return pass(`automated snapshots are kept ${days} day${days === 1 ? '' : 's'}.`, path);
    return fail('automated snapshots are disabled (retention 0 days).', path);
  },
};

const iamRoles: Rule = {
  id: 'redshift.iam-roles',
  pillar: 'secrets',
  severity: 'low',
  title: 'Redshift clusters have IAM roles for COPY/UNLOAD',
  rationale:
    'A cluster without an IAM role can only reach S3 for COPY/UNLOAD with access keys written into SQL, which are long-lived and end up in query logs. The article (pillar 5; Redshift example) asks to avoid static keys and use roles for COPY/UNLOAD.',
  remediation: {
    cloudformation: 'Warehouse:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    IamRoles:\n      - !GetAtt WarehouseCopyRole.Arn',
    terraform: 'resource "aws_redshift_cluster" "warehouse" {\n  iam_roles = [aws_iam_role.warehouse_copy.arn]\n}',
  },
  appliesTo: [CLUSTER],
  references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/authorizing-redshift-service.html', 'https://docs.aws.amazon.com/redshift/latest/dg/copy-usage_notes-access-permissions.html'],
  check(cluster) {
    const path = 'credentials.iamRoles';
    const roles = cluster.facets.credentials?.iamRoles ?? [];
    if (isUnknown(roles)) return unknownResult(`IAM roles are unknown (${roles.reason}).`, path);
    if (roles.length > 0) return pass(`${roles.length} IAM role${roles.length === 1 ? '' : 's'} attached.`, path);
    return fail('no IAM role attached: COPY/UNLOAD would need access keys.', path);
  },
};

export const rules: AnyRule[] = [notPublic, enhancedVpcRouting, encrypted, requireSsl, auditLogging, snapshotRetention, iamRoles];
