import { cfn, report, tf, verdicts } from './__testing__/sides';
import { exposureIncreased } from './exposure';

/** One version of the logging settings; each field is source text, `undefined` leaves the property out. */
interface Version {
  /** Redshift audit logging: on, off (left out), or a destination that cannot be read. */
  audit?: 'on' | 'unresolved';
  /** RDS CloudWatch log exports, as a list of names (`undefined`: none). */
  exports?: string[] | 'unresolved';
  trailLogging?: string;
  multiRegion?: string;
  /** Glue job --enable-continuous-cloudwatch-log. */
  continuous?: string;
  /** CloudTrail log-file validation. */
  validation?: string;
  /** Redshift enable_user_activity_logging in the cluster's parameter group (`undefined`: no group, the default). */
  activity?: string;
}

function cfnStack(v: Version): string {
  const out = ['Parameters:', '  Value: { Type: String }', '  Exports: { Type: CommaDelimitedList }', 'Resources:'];
  out.push('  Warehouse:', '    Type: AWS::Redshift::Cluster', '    Properties:', '      ClusterType: single-node', '      NodeType: ra3.xlplus', '      DBName: dw');
  if (v.audit === 'on') out.push('      LoggingProperties: { LogDestinationType: cloudwatch, LogExports: [connectionlog, userlog, useractivitylog] }');
  if (v.audit === 'unresolved') out.push('      LoggingProperties: { BucketName: !Ref Value }');
  if (v.activity !== undefined) {
    out.push('      ClusterParameterGroupName: !Ref WarehouseParams');
    out.push('  WarehouseParams:', '    Type: AWS::Redshift::ClusterParameterGroup', '    Properties:', '      Description: warehouse', '      ParameterGroupFamily: redshift-1.0');
    out.push(`      Parameters: [{ ParameterName: enable_user_activity_logging, ParameterValue: ${v.activity} }]`);
  }
  out.push('  AppDb:', '    Type: AWS::RDS::DBInstance', '    Properties:', '      Engine: postgres', '      DBInstanceClass: db.t4g.micro');
  if (v.exports === 'unresolved') out.push('      EnableCloudwatchLogsExports: !Ref Exports');
  else if (v.exports) out.push(`      EnableCloudwatchLogsExports: [${v.exports.join(', ')}]`);
  out.push('  AuditTrail:', '    Type: AWS::CloudTrail::Trail', '    Properties:', '      S3BucketName: audit');
  out.push(`      IsLogging: ${v.trailLogging ?? 'true'}`);
  if (v.multiRegion !== undefined) out.push(`      IsMultiRegionTrail: ${v.multiRegion}`);
  if (v.validation !== undefined) out.push(`      EnableLogFileValidation: ${v.validation}`);
  out.push('  EtlJob:', '    Type: AWS::Glue::Job', '    Properties:', '      Role: etl', '      Command: { Name: glueetl, ScriptLocation: s3://scripts/etl.py }');
  if (v.continuous !== undefined) out.push(`      DefaultArguments: { "--enable-continuous-cloudwatch-log": ${v.continuous} }`);
  return out.join('\n') + '\n';
}

function tfModule(v: Version): string {
  const out = ['variable "value" {}', 'variable "exports" {}'];
  const audit = v.audit === 'on' ? '  logging {\n    enable               = true\n    log_destination_type = "cloudwatch"\n    log_exports          = ["connectionlog", "userlog", "useractivitylog"]\n  }\n' : v.audit === 'unresolved' ? '  logging {\n    enable = var.value\n  }\n' : '';
  const group = v.activity === undefined ? '' : '  cluster_parameter_group_name = aws_redshift_parameter_group.warehouse.name\n';
  out.push(`resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier = "warehouse"\n  node_type          = "ra3.xlplus"\n${group}${audit}}`);
  if (v.activity !== undefined) {
    const value = v.activity.startsWith('!Ref') ? 'var.value' : v.activity;
    out.push(`resource "aws_redshift_parameter_group" "warehouse" {\n  name   = "warehouse"\n  family = "redshift-1.0"\n  parameter {\n    name  = "enable_user_activity_logging"\n    value = ${value}\n  }\n}`);
  }
  const exports = v.exports === 'unresolved' ? '  enabled_cloudwatch_logs_exports = var.exports\n' : v.exports ? `  enabled_cloudwatch_logs_exports = [${v.exports.map((e) => `"${e}"`).join(', ')}]\n` : '';
  out.push(`resource "aws_db_instance" "app" {\n  engine         = "postgres"\n  instance_class = "db.t4g.micro"\n${exports}}`);
  out.push(`resource "aws_cloudtrail" "audit" {\n  name           = "audit"\n  s3_bucket_name = "audit"\n  enable_logging = ${v.trailLogging ?? 'true'}\n${v.multiRegion === undefined ? '' : `  is_multi_region_trail = ${v.multiRegion}\n`}${v.validation === undefined ? '' : `  enable_log_file_validation = ${v.validation}\n`}}`);
  const continuous = v.continuous === undefined ? '' : `  default_arguments = {\n    "--enable-continuous-cloudwatch-log" = ${v.continuous}\n  }\n`;
  out.push(`resource "aws_glue_job" "etl" {\n  name     = "etl"\n  role_arn = "arn:aws:iam::111122223333:role/etl"\n  command {\n    script_location = "s3://scripts/etl.py"\n  }\n${continuous}}`);
  return out.join('\n') + '\n';
}

const formats = [
  { name: 'CloudFormation', warehouse: 'Warehouse', db: 'AppDb', trail: 'AuditTrail', job: 'EtlJob', value: '!Ref Value', build: async (v: Version) => cfn(cfnStack(v)) },
  { name: 'Terraform', warehouse: 'aws_redshift_cluster.warehouse', db: 'aws_db_instance.app', trail: 'aws_cloudtrail.audit', job: 'aws_glue_job.etl', value: 'var.value', build: async (v: Version) => tf(tfModule(v)) },
];

const LOGGING: Version = { audit: 'on', exports: ['postgresql', 'upgrade'], trailLogging: 'true', multiRegion: 'true', continuous: '"true"', validation: 'true', activity: '"true"' };

describe.each(formats)('exposure.increased: lost logging ($name)', ({ warehouse, db, trail, job, value, build }) => {
  const run = async (base: Version, head: Version) => report(exposureIncreased, await build(base), await build(head));

  it('says nothing while logging stays on', async () => {
    expect(await run(LOGGING, LOGGING)).toEqual([]);
  });
  it('says nothing when logging is turned on', async () => {
    expect(await run({ trailLogging: 'false' }, LOGGING)).toEqual([]);
  });

  describe('Redshift audit logging', () => {
    it('fails when audit logging is removed', async () => {
      const [r] = await run(LOGGING, { ...LOGGING, audit: undefined });
      expect(r).toMatchObject({ verdict: 'fail', resource: warehouse, path: 'logging.auditLogging', message: 'Redshift audit logging turned off: audit logging on → audit logging off.' });
    });
    it('is unknown when head audit logging cannot be read', async () => {
      expect(verdicts(await run(LOGGING, { ...LOGGING, audit: 'unresolved' }))).toEqual([`unknown ${warehouse}`]);
    });
  });

  describe('RDS CloudWatch log exports', () => {
    it('fails when a log type stops being exported, naming it', async () => {
      const [r] = await run(LOGGING, { ...LOGGING, exports: ['upgrade'] });
      expect(r).toMatchObject({ verdict: 'fail', resource: db, path: 'logging.logExports', message: 'log export of postgresql removed: postgresql, upgrade → upgrade.' });
      expect((await run(LOGGING, { ...LOGGING, exports: undefined }))[0].message).toBe('log export of postgresql, upgrade removed: postgresql, upgrade → none.');
    });
    it('says nothing when exports are added', async () => {
      expect(await run({ ...LOGGING, exports: ['upgrade'] }, LOGGING)).toEqual([]);
    });
    it('is unknown when head exports cannot be read', async () => {
      const [r] = await run(LOGGING, { ...LOGGING, exports: 'unresolved' });
      expect(r).toMatchObject({ verdict: 'unknown', resource: db });
      expect(r.message).toMatch(/^log exports may have been removed, cannot tell: postgresql, upgrade → unknown \(.+\)\.$/);
    });
  });

  describe('CloudTrail', () => {
    it('fails a trail that stops logging, and one that becomes single-region — one finding each', async () => {
      const results = await run(LOGGING, { ...LOGGING, trailLogging: 'false', multiRegion: undefined });
      expect(results.map((r) => [r.verdict, r.resource, r.message])).toEqual([
        ['fail', trail, 'CloudTrail logging turned off: logging → not logging.'],
        ['fail', trail, 'CloudTrail multi-region coverage removed: multi-region → single region.'],
      ]);
    });
    it('is unknown when head cannot be read', async () => {
      expect(verdicts(await run(LOGGING, { ...LOGGING, multiRegion: value }))).toEqual([`unknown ${trail}`]);
    });
  });

  describe('CloudTrail log-file validation', () => {
    it('fails when validation is turned off or left out (default off)', async () => {
      const [r] = await run(LOGGING, { ...LOGGING, validation: 'false' });
      expect(r).toMatchObject({ verdict: 'fail', resource: trail, path: 'trail.logFileValidation', message: 'CloudTrail log-file validation turned off: validated → not validated.' });
      expect(verdicts(await run(LOGGING, { ...LOGGING, validation: undefined }))).toEqual([`fail ${trail}`]);
    });
    it('is unknown when head validation cannot be read', async () => {
      expect(verdicts(await run(LOGGING, { ...LOGGING, validation: value }))).toEqual([`unknown ${trail}`]);
    });
  });

  describe('Redshift user activity logging', () => {
    it('fails when the parameter group turns it off, naming the group', async () => {
      const [r] = await run(LOGGING, { ...LOGGING, activity: '"false"' });
      expect(r).toMatchObject({ verdict: 'fail', resource: warehouse });
      expect(r.message).toMatch(/^Redshift user activity logging turned off: enable_user_activity_logging is true in parameter group \S+ → enable_user_activity_logging is false in parameter group \S+\.$/);
      expect(r.related?.length).toBe(1);
    });
    it('fails when the cluster drops its parameter group for the default (off)', async () => {
      const [r] = await run(LOGGING, { ...LOGGING, activity: undefined });
      expect(r.message).toContain('→ enable_user_activity_logging is false in the default parameter group (not set: engine default)');
    });
    it('is unknown when the head value cannot be read; says nothing when turned on', async () => {
      expect(verdicts(await run(LOGGING, { ...LOGGING, activity: value }))).toEqual([`unknown ${warehouse}`]);
      expect(await run({ ...LOGGING, activity: '"false"' }, LOGGING)).toEqual([]);
    });
  });

  describe('Glue continuous logging', () => {
    it('fails when the argument is set to false or removed', async () => {
      const [r] = await run(LOGGING, { ...LOGGING, continuous: '"false"' });
      expect(r).toMatchObject({ verdict: 'fail', resource: job, message: 'Glue continuous logging turned off: --enable-continuous-cloudwatch-log = "true" → --enable-continuous-cloudwatch-log = "false".' });
      expect(verdicts(await run(LOGGING, { ...LOGGING, continuous: undefined }))).toEqual([`fail ${job}`]);
    });
    it('is unknown when head cannot be read', async () => {
      expect(verdicts(await run(LOGGING, { ...LOGGING, continuous: value }))).toEqual([`unknown ${job}`]);
    });
  });
});
