import { cfn, report, tf, verdicts } from './__testing__/sides';
import { exposureIncreased } from './exposure';

/** One version: the database's PubliclyAccessible, the bucket's block settings, and the database security group's ingress CIDR. */
interface Version {
  /** Source text of PubliclyAccessible (undefined: left out). */
  public?: string;
  /** Source text of each block setting (undefined: the whole block left out). */
  block?: [string, string, string, string];
  /** Source text of the ingress CIDR on port 5432. */
  cidr?: string;
}

function cfnStack(v: Version): string {
  const out = ['Parameters:', '  Flag: { Type: String }', '  Cidr: { Type: String }', 'Resources:'];
  out.push('  AppDb:', '    Type: AWS::RDS::DBInstance', '    Properties:', '      Engine: postgres', '      DBInstanceClass: db.t4g.micro');
  if (v.public !== undefined) out.push(`      PubliclyAccessible: ${v.public}`);
  out.push('  RawBucket:', '    Type: AWS::S3::Bucket', '    Properties:', '      BucketName: raw');
  if (v.block) {
    const [a, b, c, d] = v.block;
    out.push(`      PublicAccessBlockConfiguration: { BlockPublicAcls: ${a}, IgnorePublicAcls: ${b}, BlockPublicPolicy: ${c}, RestrictPublicBuckets: ${d} }`);
  }
  out.push('  DbSg:', '    Type: AWS::EC2::SecurityGroup', '    Properties:', '      GroupDescription: db', `      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: ${v.cidr ?? '10.0.0.0/8'} }]`);
  return out.join('\n') + '\n';
}

function tfModule(v: Version): string {
  const out = ['variable "flag" {}', 'variable "cidr" {}'];
  out.push(`resource "aws_db_instance" "app" {\n  engine         = "postgres"\n  instance_class = "db.t4g.micro"\n${v.public === undefined ? '' : `  publicly_accessible = ${v.public}\n`}}`);
  out.push('resource "aws_s3_bucket" "raw" {\n  bucket = "raw"\n}');
  if (v.block) {
    const [a, b, c, d] = v.block;
    out.push(`resource "aws_s3_bucket_public_access_block" "raw" {\n  bucket                  = aws_s3_bucket.raw.id\n  block_public_acls       = ${a}\n  ignore_public_acls      = ${b}\n  block_public_policy     = ${c}\n  restrict_public_buckets = ${d}\n}`);
  }
  out.push(`resource "aws_security_group" "db" {\n  ingress {\n    protocol    = "tcp"\n    from_port   = 5432\n    to_port     = 5432\n    cidr_blocks = [${v.cidr ?? '"10.0.0.0/8"'}]\n  }\n}`);
  return out.join('\n') + '\n';
}

const ON: [string, string, string, string] = ['true', 'true', 'true', 'true'];

const formats = [
  { name: 'CloudFormation', db: 'AppDb', bucket: 'RawBucket', sg: 'DbSg', flag: '!Ref Flag', cidr: '!Ref Cidr', world: '0.0.0.0/0', build: async (v: Version) => cfn(cfnStack(v)) },
  { name: 'Terraform', db: 'aws_db_instance.app', bucket: 'aws_s3_bucket.raw', sg: 'aws_security_group.db', flag: 'var.flag', cidr: 'var.cidr', world: '"0.0.0.0/0"', build: async (v: Version) => tf(tfModule(v)) },
];

describe.each(formats)('exposure.increased: became public ($name)', ({ name, db, bucket, sg, flag, cidr, world, build }) => {
  const run = async (base: Version, head: Version) => report(exposureIncreased, await build(base), await build(head));

  describe('publicly accessible endpoint', () => {
    it('fails false → true; from the default, fails where the default is private', async () => {
      const [r] = await run({ public: 'false' }, { public: 'true' });
      expect(r).toMatchObject({ verdict: 'fail', resource: db, path: 'publicAccess.publiclyAccessible' });
      expect(r.message).toBe('private endpoint lost: not publicly accessible → publicly accessible.');
      // CloudFormation leaves an unset PubliclyAccessible to the VPC's internet gateway (unknown); Terraform sends false.
      expect(verdicts(await run({}, { public: 'true' }))).toEqual([name === 'CloudFormation' ? `unknown ${db}` : `fail ${db}`]);
    });
    it('says nothing when it stays private or becomes private', async () => {
      expect(await run({ public: 'false' }, { public: 'false' })).toEqual([]);
      expect(await run({ public: 'true' }, { public: 'false' })).toEqual([]);
    });
    it('is unknown when head cannot be read', async () => {
      const [r] = await run({ public: 'false' }, { public: flag });
      expect(r).toMatchObject({ verdict: 'unknown', resource: db });
      expect(r.message).toMatch(/^private endpoint may have been lost, cannot tell: not publicly accessible → unknown \(.+\)\.$/);
    });
  });

  describe('S3 public access block', () => {
    it('fails each setting turned off, one finding per setting', async () => {
      const [r] = await run({ block: ON }, { block: ['true', 'true', 'false', 'true'] });
      expect(r).toMatchObject({ verdict: 'fail', resource: bucket, path: 'publicAccess.blockPublicPolicy', message: 'S3 public access block setting BlockPublicPolicy turned off: BlockPublicPolicy true → BlockPublicPolicy false.' });
      expect(verdicts(await run({ block: ON }, {}))).toEqual(Array(4).fill(`fail ${bucket}`));
    });
    it('says nothing when the block stays on or is turned on', async () => {
      expect(await run({ block: ON }, { block: ON })).toEqual([]);
      expect(await run({}, { block: ON })).toEqual([]);
    });
    it('is unknown when a setting cannot be read in head', async () => {
      const results = await run({ block: ON }, { block: ['true', flag, 'true', 'true'] });
      expect(results).toEqual([expect.objectContaining({ verdict: 'unknown', resource: bucket, path: 'publicAccess.ignorePublicAcls' })]);
    });
  });

  describe('database port open to the internet', () => {
    it('fails ingress widened to 0.0.0.0/0 on the PostgreSQL port', async () => {
      const [r] = await run({}, { cidr: world });
      expect(r).toMatchObject({ verdict: 'fail', resource: sg });
      expect(r.message).toBe('internet ingress on a database port added: no internet ingress on database ports → ingress from 0.0.0.0/0 on tcp 5432 (PostgreSQL).');
    });
    it('says nothing when the exposure was already there, or is closed', async () => {
      expect(await run({ cidr: world }, { cidr: world })).toEqual([]);
      expect(await run({ cidr: world }, {})).toEqual([]);
    });
    it('is unknown when the CIDR of head cannot be read, and when base could not be read but head is open', async () => {
      const [r] = await run({}, { cidr });
      expect(r).toMatchObject({ verdict: 'unknown', resource: sg });
      expect(r.message).toMatch(/^internet ingress on a database port may have been added, cannot tell: no internet ingress on database ports → cannot tell whether/);
      expect(verdicts(await run({ cidr }, { cidr: world }))).toEqual([`unknown ${sg}`]);
      expect(await run({ cidr }, { cidr })).toEqual([]);
    });
  });
});
