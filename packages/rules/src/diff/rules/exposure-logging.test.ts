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
}

function cfnStack(v: Version): string {
  const out = ['Parameters:', '  Value: { Type: String }', '  Exports: { Type: CommaDelimitedList }', 'Resources:'];
  out.push('  Warehouse:', '    Type: AWS::Redshift::Cluster', '    Properties:', '      ClusterType: single-node', '      NodeType: ra3.xlplus', '      DBName: dw');
  if (v.audit === 'on') out.push('      LoggingProperties: { LogDestinationType: cloudwatch, LogExports: [connectionlog, userlog, useractivitylog] }');
  if (v.audit === 'unresolved') out.push('      LoggingProperties: { BucketName: !Ref Value }');
  out.push('  AppDb:', '    Type: AWS::RDS::DBInstance', '    Properties:', '      Engine: postgres', '      DBInstanceClass: db.t4g.micro');
  if (v.exports === 'unresolved') out.push('      EnableCloudwatchLogsExports: !Ref Exports');
  else if (v.exports) out.push(`      EnableCloudwatchLogsExports: [${v.exports.join(', ')}]`);
  out.push('  AuditTrail:', '    Type: AWS::CloudTrail::Trail', '    Properties:', '      S3BucketName: audit');
  out.push(`      IsLogging: ${v.trailLogging ?? 'true'}`);
  if (v.multiRegion !== undefined) out.push(`      IsMultiRegionTrail: ${v.multiRegion}`);
  out.push('  EtlJob:', '    Type: AWS::Glue::Job', '    Properties:', '      Role: etl', '      Command: { Name: glueetl, ScriptLocation: s3://scripts/etl.py }');
  if (v.continuous !== undefined) out.push(`      DefaultArguments: { "--enable-continuous-cloudwatch-log": ${v.continuous} }`);
  return out.join('\n') + '\n';
}

function tfModule(v: Version): string {
  const out = ['variable "value" {}', 'variable "exports" {}'];
  const audit = v.audit === 'on' ? '  logging {\n    enable               = true\n    log_destination_type = "cloudwatch"\n    log_exports          = ["connectionlog", "userlog", "useractivitylog"]\n  }\n' : v.audit === 'unresolved' ? '  logging {\n    enable = var.value\n  }\n' : '';
  out.push(`resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier = "warehouse"\n  node_type          = "ra3.xlplus"\n${audit}}`);
  const exports = v.exports === 'unresolved' ? '  enabled_cloudwatch_logs_exports = var.exports\n' : v.exports ? `  enabled_cloudwatch_logs_exports = [${v.exports.map((e) => `"${e}"`).join(', ')}]\n` : '';
  out.push(`resource "aws_db_instance" "app" {\n  engine         = "postgres"\n  instance_class = "db.t4g.micro"\n${exports}}`);
  out.push(`resource "aws_cloudtrail" "audit" {\n  name           = "audit"\n  s3_bucket_name = "audit"\n  enable_logging = ${v.trailLogging ?? 'true'}\n${v.multiRegion === undefined ? '' : `  is_multi_region_trail = ${v.multiRegion}\n`}}`);
  const continuous = v.continuous === undefined ? '' : `  default_arguments = {\n    "--enable-continuous-cloudwatch-log" = ${v.continuous}\n  }\n`;
  out.push(`resource "aws_glue_job" "etl" {\n  name     = "etl"\n  role_arn = "arn:aws:iam::111122223333:role/etl"\n  command {\n    script_location = "s3://scripts/etl.py"\n  }\n${continuous}}`);
  return out.join('\n') + '\n';
}

const formats = [
  { name: 'CloudFormation', warehouse: 'Warehouse', db: 'AppDb', trail: 'AuditTrail', job: 'EtlJob', value: '!Ref Value', build: async (v: Version) => cfn(cfnStack(v)) },
  { name: 'Terraform', warehouse: 'aws_redshift_cluster.warehouse', db: 'aws_db_instance.app', trail: 'aws_cloudtrail.audit', job: 'aws_glue_job.etl', value: 'var.value', build: async (v: Version) => tf(tfModule(v)) },
];

const LOGGING: Version = { audit: 'on', exports: ['postgresql', 'upgrade'], trailLogging: 'true', multiRegion: 'true', continuous: '"true"' };

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
