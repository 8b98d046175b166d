import { cfn, report, tf, verdicts } from './__testing__/sides';
import { exposureIncreased } from './exposure';

/** One version of the recovery settings, as source text; `undefined` leaves the property out. */
interface Version {
  pitr?: string;
  tableProtection?: string;
  versioning?: 'Enabled' | 'Suspended';
  dbProtection?: string;
  backupDays?: string;
  snapshotDays?: string;
}

function cfnStack(v: Version): string {
  const out = ['Parameters:', '  Value: { Type: String }', 'Resources:'];
  out.push('  OrdersTable:', '    Type: AWS::DynamoDB::Table', '    Properties:', '      KeySchema: [{ AttributeName: id, KeyType: HASH }]', '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]');
  if (v.pitr !== undefined) out.push(`      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: ${v.pitr} }`);
  if (v.tableProtection !== undefined) out.push(`      DeletionProtectionEnabled: ${v.tableProtection}`);
  out.push('  RawBucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: raw');
  if (v.versioning) out.push(`      VersioningConfiguration: { Status: ${v.versioning} }`);
  out.push('  AppCluster:', '    Type: AWS::RDS::DBCluster', '    Properties:', '      Engine: aurora-postgresql');
  if (v.dbProtection !== undefined) out.push(`      DeletionProtection: ${v.dbProtection}`);
  if (v.backupDays !== undefined) out.push(`      BackupRetentionPeriod: ${v.backupDays}`);
  out.push('  Warehouse:', '    Type: AWS::Redshift::Cluster', '    Properties:', '      ClusterType: single-node', '      NodeType: ra3.xlplus', '      DBName: dw');
  if (v.snapshotDays !== undefined) out.push(`      AutomatedSnapshotRetentionPeriod: ${v.snapshotDays}`);
  return out.join('\n') + '\n';
}

function tfModule(v: Version): string {
  const out = ['variable "value" {}'];
  const pitr = v.pitr === undefined ? '' : `  point_in_time_recovery {\n    enabled = ${v.pitr}\n  }\n`;
  const protection = v.tableProtection === undefined ? '' : `  deletion_protection_enabled = ${v.tableProtection}\n`;
  out.push(`resource "aws_dynamodb_table" "orders" {\n  name     = "orders"\n  hash_key = "id"\n${pitr}${protection}}`);
  out.push('resource "aws_s3_bucket" "raw" {\n  bucket = "raw"\n}');
  if (v.versioning) out.push(`resource "aws_s3_bucket_versioning" "raw" {\n  bucket = aws_s3_bucket.raw.id\n  versioning_configuration {\n    status = "${v.versioning}"\n  }\n}`);
  const db = [v.dbProtection === undefined ? '' : `  deletion_protection = ${v.dbProtection}\n`, v.backupDays === undefined ? '' : `  backup_retention_period = ${v.backupDays}\n`].join('');
  out.push(`resource "aws_rds_cluster" "app" {\n  engine = "aurora-postgresql"\n${db}}`);
  out.push(`resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier = "warehouse"\n  node_type          = "ra3.xlplus"\n${v.snapshotDays === undefined ? '' : `  automated_snapshot_retention_period = ${v.snapshotDays}\n`}}`);
  return out.join('\n') + '\n';
}

const formats = [
  { name: 'CloudFormation', table: 'OrdersTable', bucket: 'RawBucket', cluster: 'AppCluster', warehouse: 'Warehouse', value: '!Ref Value', build: async (v: Version) => cfn(cfnStack(v)) },
  { name: 'Terraform', table: 'aws_dynamodb_table.orders', bucket: 'aws_s3_bucket.raw', cluster: 'aws_rds_cluster.app', warehouse: 'aws_redshift_cluster.warehouse', value: 'var.value', build: async (v: Version) => tf(tfModule(v)) },
];

const PROTECTED: Version = { pitr: 'true', tableProtection: 'true', versioning: 'Enabled', dbProtection: 'true', backupDays: '7', snapshotDays: '7' };

describe.each(formats)('exposure.increased: lost recovery ($name)', ({ table, bucket, cluster, warehouse, value, build }) => {
  const run = async (base: Version, head: Version) => report(exposureIncreased, await build(base), await build(head));

  it('says nothing while every protection stays, or when they are turned on', async () => {
    expect(await run(PROTECTED, PROTECTED)).toEqual([]);
    expect(await run({}, PROTECTED)).toEqual([]);
    expect(await run({ ...PROTECTED, backupDays: '1' }, { ...PROTECTED, backupDays: '3' })).toEqual([]);
  });

  it('fails PITR and deletion protection turned off on a table, one finding each, with before → after', async () => {
    const results = await run(PROTECTED, { ...PROTECTED, pitr: 'false', tableProtection: undefined });
    expect(results.map((r) => [r.verdict, r.resource, r.path, r.message])).toEqual([
      ['fail', table, 'backup.pitr', 'point-in-time recovery turned off: on → off.'],
      ['fail', table, 'backup.deletionProtection', 'deletion protection turned off: on → off.'],
    ]);
  });
  it('fails versioning suspended on a bucket', async () => {
    expect(verdicts(await run(PROTECTED, { ...PROTECTED, versioning: 'Suspended' }))).toEqual([`fail ${bucket}`]);
  });
  it('fails deletion protection and automated backups turned off on a cluster, and Redshift snapshots turned off', async () => {
    const results = await run(PROTECTED, { ...PROTECTED, dbProtection: 'false', backupDays: '0', snapshotDays: '0' });
    expect(results.map((r) => [r.resource, r.message])).toEqual([
      [cluster, 'deletion protection turned off: on → off.'],
      [cluster, 'automated backups (point-in-time recovery) removed: backups kept 7 days → backups kept 0 days.'],
      [warehouse, 'automated snapshots removed: snapshots kept 7 days → snapshots kept 0 days.'],
    ]);
  });
  it('is unknown when head cannot be read, one result per unreadable protection', async () => {
    const results = await run(PROTECTED, { ...PROTECTED, pitr: value, dbProtection: value, snapshotDays: value });
    expect(verdicts(results)).toEqual([`unknown ${cluster}`, `unknown ${table}`, `unknown ${warehouse}`].sort());
    expect(results.find((r) => r.resource === table)?.message).toMatch(/^point-in-time recovery may have been turned off, cannot tell: on → unknown \(.+\)\.$/);
  });
  it('says nothing when base could not be read and head protects', async () => {
    expect(await run({ ...PROTECTED, pitr: value }, PROTECTED)).toEqual([]);
  });
});
