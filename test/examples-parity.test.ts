import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The example platform is written once per format (examples/README.md). Scanning each with the
 * built CLI must give every logical resource the same verdicts — the parity promise, checked on a
 * realistic platform rather than on one-resource cases:
 * - CloudFormation, its CDK synthesis and Terraform HCL agree exactly on failures;
 * - a Terraform plan may answer `unknown` where HCL knows (values "known after apply", e.g. a
 *   policy that interpolates an ARN), never `pass`, and never fails where HCL passes;
 * - AWS Config records a subset of types and fields: on what it records it may answer `unknown`,
 *   never `pass`, where the IaC fails, and fails only where the IaC fails (plus iac.managed, which
 *   only exists on live resources).
 */
const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'packages/cli/dist/bin.js');

/**
 * Rules Config cannot judge: those whose catalog entry excludes the format (key policies and Lake
 * Formation grants are not recorded), and what is only visible in code (a literal password).
 */
const IAC_ONLY = new Set([
  'secrets.plaintext-password',
  ...(JSON.parse(execFileSync(process.execPath, [BIN, 'rules', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' })) as { rules: Array<{ id: string; formats: string[] }> }).rules
    .filter((r) => !r.formats.includes('aws-config'))
    .map((r) => r.id),
]);

interface Finding {
  ruleId: string;
  verdict: 'fail' | 'unknown';
  resource: { id: string; constructPath?: string };
}

function scan(dir: string): Finding[] {
  try {
    const out = execFileSync(process.execPath, [BIN, 'scan', dir, '--format', 'json', '--fail-on', 'none'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
    return (JSON.parse(out) as { findings: Finding[] }).findings;
  } catch (e) {
    throw new Error(`scan ${dir} failed: ${(e as { stderr?: string }).stderr}`, { cause: e });
  }
}

/** CloudFormation logical id → Terraform address (HCL and plan). */
const CFN_TO_TF: Record<string, string> = {
  DataVpc: 'aws_vpc.data',
  DynamoDbEndpoint: 'aws_vpc_endpoint.dynamodb',
  WarehouseSecurityGroup: 'aws_security_group.warehouse',
  ReportingSecurityGroup: 'aws_security_group.reporting',
  DataKey: 'aws_kms_key.data',
  DataKeyAlias: 'aws_kms_alias.data',
  LegacyKey: 'aws_kms_key.legacy',
  OrdersTable: 'aws_dynamodb_table.orders',
  SessionsTable: 'aws_dynamodb_table.sessions',
  CustomerProfilesTable: 'aws_dynamodb_table.customer_profiles',
  RawBucket: 'aws_s3_bucket.raw',
  AccessLogsBucket: 'aws_s3_bucket.access_logs',
  ExportsBucket: 'aws_s3_bucket.exports',
  CuratedDatabase: 'aws_glue_catalog_database.curated',
  CuratedOrdersTable: 'aws_glue_catalog_table.curated_orders',
  EtlSecurityConfiguration: 'aws_glue_security_configuration.etl',
  CatalogEncryption: 'aws_glue_data_catalog_encryption_settings.catalog',
  WarehouseConnection: 'aws_glue_connection.warehouse',
  LegacyReportingConnection: 'aws_glue_connection.legacy_reporting',
  EtlJob: 'aws_glue_job.etl',
  AdhocExportJob: 'aws_glue_job.adhoc_export',
  DataLakeSettings: 'aws_lakeformation_data_lake_settings.this',
  PiiTag: 'aws_lakeformation_lf_tag.pii',
  CuratedDatabaseTags: 'aws_lakeformation_resource_lf_tags.curated',
  AnalystsReadLowPii: 'aws_lakeformation_permissions.analysts_read_low_pii',
  AdhocTableGrant: 'aws_lakeformation_permissions.adhoc_table',
  WarehouseParameterGroup: 'aws_redshift_parameter_group.warehouse',
  Warehouse: 'aws_redshift_cluster.warehouse',
  OrdersDbParameterGroup: 'aws_rds_cluster_parameter_group.orders',
  OrdersDb: 'aws_rds_cluster.orders',
  OrdersDbInstance1: 'aws_rds_cluster_instance.orders[0]',
  ReportingDb: 'aws_db_instance.reporting',
  WarehouseAdminSecret: 'aws_secretsmanager_secret.warehouse_admin',
  WarehouseAdminSecretRotation: 'aws_secretsmanager_secret_rotation.warehouse_admin',
  PartnerApiSecret: 'aws_secretsmanager_secret.partner_api',
  EtlRole: 'aws_iam_role.etl',
  WarehouseCopyRole: 'aws_iam_role.warehouse_copy',
  DataLakeAdminRole: 'aws_iam_role.data_lake_admin',
  AnalystRole: 'aws_iam_role.analyst',
  DeployUser: 'aws_iam_user.deployer',
  DeployUserKey: 'aws_iam_access_key.deployer',
  AuditTrail: 'aws_cloudtrail.audit',
  GlueJobLogs: 'aws_cloudwatch_log_group.glue_etl',
  AdhocJobLogs: 'aws_cloudwatch_log_group.adhoc_export',
};

/**
 * Terraform writes some statements and rules in separate resources that CloudFormation keeps
 * inside the role, user or group; findings land where the statement is written.
 */
const TF_WRITTEN_IN: Record<string, string> = {
  'aws_iam_role_policy.analyst': 'aws_iam_role.analyst',
  'aws_iam_role_policy.etl': 'aws_iam_role.etl',
  'aws_iam_user_policy_attachment.deployer_admin': 'aws_iam_user.deployer',
  'aws_vpc_security_group_ingress_rule.reporting_mysql': 'aws_security_group.reporting',
};

/** AWS Config resource (by the ARN's last part) → CloudFormation logical id. */
const CONFIG_TO_CFN: Array<[RegExp, string]> = [
  [/:table\/orders$/, 'OrdersTable'],
  [/:table\/sessions$/, 'SessionsTable'],
  [/:table\/customer-profiles$/, 'CustomerProfilesTable'],
  [/:::orders-raw-/, 'RawBucket'],
  [/:::orders-access-logs-/, 'AccessLogsBucket'],
  [/:::orders-exports-/, 'ExportsBucket'],
  [/:trail\/org-audit$/, 'AuditTrail'],
  [/:job\/curate-orders$/, 'EtlJob'],
  [/:job\/adhoc-export$/, 'AdhocExportJob'],
  [/:role\/orders-analyst$/, 'AnalystRole'],
  [/:role\/orders-etl$/, 'EtlRole'],
  [/:role\/OrdersPlatformStack-DataLakeAdminRole-/, 'DataLakeAdminRole'],
  [/:role\/OrdersPlatformStack-WarehouseCopyRole-/, 'WarehouseCopyRole'],
  [/:user\/legacy-deployer$/, 'DeployUser'],
  [/:db:reporting$/, 'ReportingDb'],
  [/:db:orders-db-ordersdbinstance1-/, 'OrdersDbInstance1'],
  [/:cluster:orders-db$/, 'OrdersDb'],
  [/:cluster:orders-warehouse$/, 'Warehouse'],
  [/:secret:orders\/partner-api-/, 'PartnerApiSecret'],
  [/:secret:orders\/warehouse\/etl-/, 'WarehouseAdminSecret'],
  // Ids AWS generated when the example was deployed (examples/aws-config/snapshot.json).
  [/:security-group\/sg-07d2b5e8a1c49f3e6$/, 'ReportingSecurityGroup'],
  [/:security-group\/sg-0a61f3e9c2d84b7a1$/, 'WarehouseSecurityGroup'],
  [/:key\/0b9d6e27-41c3-4f58-8a2e-9e7f1d3c5a60$/, 'LegacyKey'],
  [/:key\/3f8a1c52-7d4e-4b9a-a1e6-5c2d9b0e7f41$/, 'DataKey'],
];

type Verdicts = Map<string, Map<string, 'fail' | 'unknown'>>;

/** logical resource → rule → worst verdict. */
function byLogical(findings: Finding[], logical: (f: Finding) => string | undefined): Verdicts {
  const out: Verdicts = new Map();
  for (const f of findings) {
    if (f.ruleId === 'iac.parseable') continue;
    const id = logical(f) ?? `(unmapped ${f.resource.id})`;
    const rules = out.get(id) ?? new Map();
    if (rules.get(f.ruleId) !== 'fail') rules.set(f.ruleId, f.verdict);
    out.set(id, rules);
  }
  return out;
}

function failures(v: Verdicts): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [id, rules] of v) {
    const failed = [...rules].filter(([, verdict]) => verdict === 'fail').map(([r]) => r).sort();
    if (failed.length) out[id] = failed;
  }
  return out;
}

const cfnFindings = scan('examples/cloudformation');
const cfn = byLogical(cfnFindings, (f) => f.resource.id);
const tfToCfn = new Map(Object.entries(CFN_TO_TF).map(([c, t]) => [t, c]));
const fromTf = (f: Finding) => tfToCfn.get(TF_WRITTEN_IN[f.resource.id] ?? f.resource.id);

describe('the example platform gives the same verdicts in every format', () => {
  it('finds what the example marks non-compliant (CloudFormation)', () => {
    const fails = failures(cfn);
    const has = (logical: string, rule: string) => expect([logical, fails[logical] ?? []]).toEqual([logical, expect.arrayContaining([rule])]);
    has('ReportingSecurityGroup', 'network.db-port-open');
    has('LegacyKey', 'kms.rotation');
    has('LegacyKey', 'kms.policy-public');
    has('SessionsTable', 'dynamodb.pitr');
    has('CustomerProfilesTable', 'dynamodb.cmk');
    has('ExportsBucket', 's3.block-public-access');
    has('LegacyReportingConnection', 'secrets.plaintext-password');
    has('LegacyReportingConnection', 'tls.glue-connection-ssl');
    has('AdhocExportJob', 'glue.security-configuration');
    has('AdhocTableGrant', 'lakeformation.tag-based-grants');
    has('ReportingDb', 'rds.not-public');
    has('ReportingDb', 'secrets.plaintext-password');
    has('PartnerApiSecret', 'secrets.rotation');
    has('AnalystRole', 'iam.trust-too-broad');
    has('AnalystRole', 'iam.service-wildcard');
    has('AnalystRole', 'iam.privilege-escalation');
    has('DeployUser', 'iam.admin-wildcard');
    has('DeployUserKey', 'secrets.access-keys');
    has('AdhocJobLogs', 'logs.retention');
    // The compliant core fails nothing but the owner tag some of them lack.
    for (const compliant of ['OrdersTable', 'DataKey', 'Warehouse', 'OrdersDb', 'AuditTrail', 'RawBucket']) {
      expect([compliant, (fails[compliant] ?? []).filter((r) => r !== 'iac.owner')]).toEqual([compliant, []]);
    }
  });

  it('CDK (the same platform synthesised) agrees with CloudFormation', () => {
    const cdk = byLogical(scan('examples/cdk'), (f) => f.resource.constructPath?.split('/')[1] ?? f.resource.id);
    expect(failures(cdk)).toEqual(failures(cfn));
  });

  const tf = byLogical(scan('examples/terraform'), fromTf);

  it('Terraform HCL agrees with CloudFormation', () => {
    expect(failures(tf)).toEqual(failures(cfn));
  });

  it('a Terraform plan agrees with HCL, answering unknown only where values are known after apply', () => {
    const plan = byLogical(scan('examples/terraform-plan'), fromTf);
    const problems: string[] = [];
    for (const [id, rules] of tf) {
      for (const [rule, verdict] of rules) {
        const p = plan.get(id)?.get(rule);
        if (verdict === 'fail' && p !== 'fail' && p !== 'unknown') problems.push(`${id} ${rule}: HCL fails, plan ${p ?? 'passes'}`);
      }
    }
    for (const [id, rules] of plan) {
      for (const [rule, verdict] of rules) if (verdict === 'fail' && tf.get(id)?.get(rule) !== 'fail') problems.push(`${id} ${rule}: plan fails, HCL does not`);
    }
    expect(problems).toEqual([]);
  });

  it('AWS Config agrees with CloudFormation on the resources and fields it records', () => {
    const config = byLogical(scan('examples/aws-config'), (f) => CONFIG_TO_CFN.find(([re]) => re.test(f.resource.id))?.[1]);
    const recorded = new Set(config.keys());
    const problems: string[] = [];
    for (const [id, rules] of config) {
      for (const [rule, verdict] of rules) {
        if (verdict === 'fail' && rule !== 'iac.managed' && cfn.get(id)?.get(rule) !== 'fail') problems.push(`${id} ${rule}: Config fails, CloudFormation does not`);
      }
    }
    for (const [id, rules] of cfn) {
      if (!recorded.has(id)) continue;
      for (const [rule, verdict] of rules) {
        const c = config.get(id)?.get(rule);
        if (verdict === 'fail' && c === undefined && !IAC_ONLY.has(rule)) problems.push(`${id} ${rule}: CloudFormation fails, Config passes`);
      }
    }
    expect(problems).toEqual([]);
    // The hand-made key is the one resource no stack manages.
    expect(failures(config).LegacyKey).toContain('iac.managed');
  });
});

