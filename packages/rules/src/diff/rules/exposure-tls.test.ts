import { cfn, report, tf, verdicts } from './__testing__/sides';
import { exposureIncreased } from './exposure';

/**
 * One version: the bucket policy's aws:SecureTransport value (undefined: no TLS statement), the
 * Aurora cluster parameter group's rds.force_ssl, and the Redshift parameter group's require_ssl
 * (source text; `external` for a group named but not defined in the input).
 */
interface Version {
  secureTransport?: string;
  forceSsl?: string;
  requireSsl?: string;
}

function cfnStack(v: Version): string {
  const out = ['Parameters:', '  Value: { Type: String }', 'Resources:'];
  out.push('  RawBucket:', '    Type: AWS::S3::Bucket', '    Properties: { BucketName: raw }');
  const statements = ['{ Sid: ReadOnly, Effect: Allow, Principal: { AWS: arn:aws:iam::111122223333:root }, Action: s3:GetObject, Resource: arn:aws:s3:::raw/* }'];
  if (v.secureTransport !== undefined) statements.push(`{ Sid: DenyInsecureTransport, Effect: Deny, Principal: "*", Action: "s3:*", Resource: ["arn:aws:s3:::raw", "arn:aws:s3:::raw/*"], Condition: { Bool: { "aws:SecureTransport": ${v.secureTransport} } } }`);
  out.push('  RawBucketPolicy:', '    Type: AWS::S3::BucketPolicy', '    Properties:', '      Bucket: !Ref RawBucket', `      PolicyDocument: { Version: "2012-10-17", Statement: [${statements.join(', ')}] }`);
  const pgGroup = v.forceSsl === 'external' ? 'shared-aurora-params' : '!Ref AppParams';
  out.push('  AppParams:', '    Type: AWS::RDS::DBClusterParameterGroup', '    Properties:', '      Family: aurora-postgresql16', '      Description: app', `      Parameters: { rds.force_ssl: ${v.forceSsl === 'external' ? '"1"' : (v.forceSsl ?? '"1"')} }`);
  out.push('  AppCluster:', '    Type: AWS::RDS::DBCluster', '    Properties:', '      Engine: aurora-postgresql', `      DBClusterParameterGroupName: ${pgGroup}`);
  out.push('  WarehouseParams:', '    Type: AWS::Redshift::ClusterParameterGroup', '    Properties:', '      Description: warehouse', '      ParameterGroupFamily: redshift-1.0', `      Parameters: [{ ParameterName: require_ssl, ParameterValue: ${v.requireSsl ?? '"true"'} }]`);
  out.push('  Warehouse:', '    Type: AWS::Redshift::Cluster', '    Properties:', '      ClusterType: single-node', '      NodeType: ra3.xlplus', '      DBName: dw', '      ClusterParameterGroupName: !Ref WarehouseParams');
  return out.join('\n') + '\n';
}

function tfModule(v: Version): string {
  const out = ['variable "value" {}', 'resource "aws_s3_bucket" "raw" {\n  bucket = "raw"\n}'];
  const statements = ['{ Sid = "ReadOnly", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::raw/*" }'];
  if (v.secureTransport !== undefined) statements.push(`{ Sid = "DenyInsecureTransport", Effect = "Deny", Principal = "*", Action = "s3:*", Resource = ["arn:aws:s3:::raw", "arn:aws:s3:::raw/*"], Condition = { Bool = { "aws:SecureTransport" = ${v.secureTransport} } } }`);
  out.push(`resource "aws_s3_bucket_policy" "raw" {\n  bucket = aws_s3_bucket.raw.id\n  policy = jsonencode({ Version = "2012-10-17", Statement = [${statements.join(', ')}] })\n}`);
  out.push(`resource "aws_rds_cluster_parameter_group" "app" {\n  family = "aurora-postgresql16"\n  parameter {\n    name  = "rds.force_ssl"\n    value = ${v.forceSsl === 'external' ? '"1"' : (v.forceSsl ?? '"1"')}\n  }\n}`);
  const pgGroup = v.forceSsl === 'external' ? '"shared-aurora-params"' : 'aws_rds_cluster_parameter_group.app.name';
  out.push(`resource "aws_rds_cluster" "app" {\n  engine                          = "aurora-postgresql"\n  db_cluster_parameter_group_name = ${pgGroup}\n}`);
  out.push(`resource "aws_redshift_parameter_group" "warehouse" {\n  family = "redshift-1.0"\n  parameter {\n    name  = "require_ssl"\n    value = ${v.requireSsl ?? '"true"'}\n  }\n}`);
  out.push('resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier           = "warehouse"\n  node_type                    = "ra3.xlplus"\n  cluster_parameter_group_name = aws_redshift_parameter_group.warehouse.name\n}');
  return out.join('\n') + '\n';
}

const formats = [
  { name: 'CloudFormation', bucket: 'RawBucket', cluster: 'AppCluster', params: 'AppParams', warehouse: 'Warehouse', value: '!Ref Value', build: async (v: Version) => cfn(cfnStack(v)) },
  { name: 'Terraform', bucket: 'aws_s3_bucket.raw', cluster: 'aws_rds_cluster.app', params: 'aws_rds_cluster_parameter_group.app', warehouse: 'aws_redshift_cluster.warehouse', value: 'var.value', build: async (v: Version) => tf(tfModule(v)) },
];

const ENFORCED: Version = { secureTransport: '"false"', forceSsl: '"1"', requireSsl: '"true"' };

describe.each(formats)('exposure.increased: lost TLS enforcement ($name)', ({ bucket, cluster, params, warehouse, value, build }) => {
  const run = async (base: Version, head: Version) => report(exposureIncreased, await build(base), await build(head));

  it('says nothing while everything keeps enforcing TLS', async () => {
    expect(await run(ENFORCED, ENFORCED)).toEqual([]);
  });

  describe('bucket policy aws:SecureTransport deny', () => {
    it('fails when the deny statement is removed, with before → after', async () => {
      const [r] = await run(ENFORCED, { ...ENFORCED, secureTransport: undefined });
      expect(r).toMatchObject({ verdict: 'fail', resource: bucket, path: 's3.bucketPolicy' });
      expect(r.message).toBe('TLS enforcement removed: the bucket policy denies requests without TLS (DenyInsecureTransport) → the bucket policy does not deny requests without TLS (no Deny of s3:* for everyone when aws:SecureTransport is false).');
    });
    it('says nothing when the deny is added', async () => {
      expect(await run({ ...ENFORCED, secureTransport: undefined }, ENFORCED)).toEqual([]);
    });
    it('is unknown when the condition value of head cannot be read', async () => {
      expect(verdicts(await run(ENFORCED, { ...ENFORCED, secureTransport: value }))).toEqual([`unknown ${bucket}`]);
    });
  });

  describe('rds.force_ssl in the cluster parameter group', () => {
    it('fails on the cluster when its group turns rds.force_ssl off, though the cluster itself is unchanged', async () => {
      const [r] = await run(ENFORCED, { ...ENFORCED, forceSsl: '"0"' });
      expect(r).toMatchObject({ verdict: 'fail', resource: cluster, path: 'database.parameterGroup', related: [params] });
      expect(r.message).toBe(`TLS enforcement removed: TLS is enforced: rds.force_ssl is 1 in parameter group ${params} → clients may connect without TLS: rds.force_ssl is 0 in parameter group ${params}.`);
    });
    it('says nothing when rds.force_ssl is turned on', async () => {
      expect(await run({ ...ENFORCED, forceSsl: '"0"' }, ENFORCED)).toEqual([]);
    });
    it('is unknown when the value cannot be read, or the cluster moves to a group the input does not define', async () => {
      expect(verdicts(await run(ENFORCED, { ...ENFORCED, forceSsl: value }))).toEqual([`unknown ${cluster}`]);
      const [r] = await run(ENFORCED, { ...ENFORCED, forceSsl: 'external' });
      expect(r).toMatchObject({ verdict: 'unknown', resource: cluster });
      expect(r.message).toContain('shared-aurora-params is not defined in this input');
    });
  });

  describe('require_ssl in the Redshift parameter group', () => {
    it('fails when require_ssl is turned off', async () => {
      const [r] = await run(ENFORCED, { ...ENFORCED, requireSsl: '"false"' });
      expect(r).toMatchObject({ verdict: 'fail', resource: warehouse });
      expect(r.message).toMatch(/^TLS enforcement removed: SSL is required \(require_ssl is true in parameter group .+\) → clients may connect without SSL: require_ssl is false in parameter group .+\.$/);
    });
    it('says nothing when require_ssl is turned on, and is unknown when head cannot be read', async () => {
      expect(await run({ ...ENFORCED, requireSsl: '"false"' }, ENFORCED)).toEqual([]);
      expect(verdicts(await run(ENFORCED, { ...ENFORCED, requireSsl: value }))).toEqual([`unknown ${warehouse}`]);
    });
  });
});

/** Aurora MySQL: TLS is `require_secure_transport` (ON/OFF) in the cluster parameter group. */
const mysql = [
  {
    name: 'CloudFormation',
    cluster: 'AppCluster',
    build: async (value: string) =>
      cfn(`Resources:\n  AppParams:\n    Type: AWS::RDS::DBClusterParameterGroup\n    Properties:\n      Family: aurora-mysql8.0\n      Description: app\n      Parameters: { require_secure_transport: "${value}" }\n  AppCluster:\n    Type: AWS::RDS::DBCluster\n    Properties:\n      Engine: aurora-mysql\n      DBClusterParameterGroupName: !Ref AppParams\n`),
  },
  {
    name: 'Terraform',
    cluster: 'aws_rds_cluster.app',
    build: async (value: string) =>
      tf(`resource "aws_rds_cluster_parameter_group" "app" {\n  family = "aurora-mysql8.0"\n  parameter {\n    name  = "require_secure_transport"\n    value = "${value}"\n  }\n}\nresource "aws_rds_cluster" "app" {\n  engine                          = "aurora-mysql"\n  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.app.name\n}\n`),
  },
];

describe.each(mysql)('exposure.increased: require_secure_transport on Aurora MySQL ($name)', ({ cluster, build }) => {
  it('fails ON → OFF and says nothing OFF → ON', async () => {
    const [r] = report(exposureIncreased, await build('ON'), await build('OFF'));
    expect(r).toMatchObject({ verdict: 'fail', resource: cluster });
    expect(r.message).toContain('require_secure_transport is ON');
    expect(r.message).toContain('→ clients may connect without TLS: require_secure_transport is OFF');
    expect(report(exposureIncreased, await build('OFF'), await build('ON'))).toEqual([]);
  });
});
