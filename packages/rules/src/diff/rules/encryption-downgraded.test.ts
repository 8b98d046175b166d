import { resource } from '../../rules/__testing__/builders';
import { cfn, report, tf, verdicts } from './__testing__/sides';
import { encryptionDowngraded } from './encryption-downgraded';

/** How one version encrypts the table, the bucket and the trail. */
type Sse = 'key' | 'other-key' | 'aws-managed' | 'aws-alias' | 'default' | 'unresolved';
interface Version {
  table?: Sse;
  bucket?: 'key' | 'aes';
  trail?: 'key' | 'none';
}

function cfnStack(v: Version): string {
  const out = ['Parameters:', '  KeyArn: { Type: String }', 'Resources:', '  OrdersKey: { Type: AWS::KMS::Key, Properties: { EnableKeyRotation: true } }', '  OtherKey: { Type: AWS::KMS::Key, Properties: { EnableKeyRotation: true } }'];
  const sse: Record<Sse, string> = {
    key: '{ SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !GetAtt OrdersKey.Arn }',
    'other-key': '{ SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !GetAtt OtherKey.Arn }',
    'aws-managed': '{ SSEEnabled: true, SSEType: KMS }',
    'aws-alias': '{ SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: alias/aws/dynamodb }',
    default: '{ SSEEnabled: false }',
    unresolved: '{ SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref KeyArn }',
  };
  if (v.table) out.push('  OrdersTable:', '    Type: AWS::DynamoDB::Table', '    Properties:', '      KeySchema: [{ AttributeName: id, KeyType: HASH }]', '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]', `      SSESpecification: ${sse[v.table]}`);
  if (v.bucket) {
    const rule = v.bucket === 'key' ? '{ SSEAlgorithm: aws:kms, KMSMasterKeyID: !GetAtt OrdersKey.Arn }' : '{ SSEAlgorithm: AES256 }';
    out.push('  RawBucket:', '    Type: AWS::S3::Bucket', '    Properties:', `      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: ${rule} }] }`);
  }
  if (v.trail) out.push('  AuditTrail:', '    Type: AWS::CloudTrail::Trail', `    Properties: { IsLogging: true, S3BucketName: audit${v.trail === 'key' ? ', KMSKeyId: !Ref OrdersKey' : ''} }`);
  return out.join('\n') + '\n';
}

function tfModule(v: Version): string {
  const out = ['variable "key_arn" {}', 'resource "aws_kms_key" "orders" {\n  enable_key_rotation = true\n}', 'resource "aws_kms_key" "other" {\n  enable_key_rotation = true\n}'];
  const sse: Record<Sse, string> = {
    key: 'server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.orders.arn\n  }',
    'other-key': 'server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.other.arn\n  }',
    'aws-managed': 'server_side_encryption {\n    enabled = true\n  }',
    'aws-alias': 'server_side_encryption {\n    enabled     = true\n    kms_key_arn = "alias/aws/dynamodb"\n  }',
    default: '',
    unresolved: 'server_side_encryption {\n    enabled     = true\n    kms_key_arn = var.key_arn\n  }',
  };
  if (v.table) out.push(`resource "aws_dynamodb_table" "orders" {\n  name     = "orders"\n  hash_key = "id"\n  ${sse[v.table]}\n}`);
  if (v.bucket) {
    const rule = v.bucket === 'key' ? 'sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.orders.arn' : 'sse_algorithm = "AES256"';
    out.push('resource "aws_s3_bucket" "raw" {\n  bucket = "raw"\n}');
    out.push(`resource "aws_s3_bucket_server_side_encryption_configuration" "raw" {\n  bucket = aws_s3_bucket.raw.id\n  rule {\n    apply_server_side_encryption_by_default {\n      ${rule}\n    }\n  }\n}`);
  }
  if (v.trail) out.push(`resource "aws_cloudtrail" "audit" {\n  name           = "audit"\n  s3_bucket_name = "audit"\n${v.trail === 'key' ? '  kms_key_id     = aws_kms_key.orders.arn\n' : ''}}`);
  return out.join('\n') + '\n';
}

const formats = [
  { name: 'CloudFormation', key: 'OrdersKey', table: 'OrdersTable', bucket: 'RawBucket', trail: 'AuditTrail', build: async (v: Version) => cfn(cfnStack(v)) },
  { name: 'Terraform', key: 'aws_kms_key.orders', table: 'aws_dynamodb_table.orders', bucket: 'aws_s3_bucket.raw', trail: 'aws_cloudtrail.audit', build: async (v: Version) => tf(tfModule(v)) },
];

describe.each(formats)('encryption.downgraded ($name)', ({ key, table, bucket, trail, build }) => {
  const run = async (base: Version, head: Version) => report(encryptionDowngraded, await build(base), await build(head));

  it('fails a table moved from its customer-managed key to the AWS-managed key, with before → after', async () => {
    const [r] = await run({ table: 'key' }, { table: 'aws-managed' });
    expect(r).toMatchObject({ verdict: 'fail', resource: table, path: 'encryption.atRest', related: [key] });
    expect(r.message).toBe(`customer-managed key encryption removed: encrypted with a customer-managed key (${key}) → encrypted with an AWS-managed key.`);
  });
  it('fails a move to an alias/aws/* key, to the AWS-owned default, and a bucket moved to SSE-S3', async () => {
    expect((await run({ table: 'key' }, { table: 'aws-alias' }))[0].message).toContain('→ encrypted with an AWS-managed key (alias/aws/dynamodb)');
    expect((await run({ table: 'key' }, { table: 'default' }))[0].message).toContain('→ encrypted with an AWS-owned key');
    expect(verdicts(await run({ bucket: 'key' }, { bucket: 'aes' }))).toEqual([`fail ${bucket}`]);
  });
  it('fails a trail whose logs lose their KMS key', async () => {
    const [r] = await run({ trail: 'key' }, { trail: 'none' });
    expect(r).toMatchObject({ verdict: 'fail', resource: trail, path: 'trail.kmsKey' });
    expect(r.message).toBe(`customer-managed key encryption removed: logs encrypted with a customer-managed key (${key}) → logs encrypted by S3 (no KMS key).`);
  });
  it('says nothing when the key stays, changes to another customer-managed key, or encryption improves', async () => {
    expect(await run({ table: 'key', bucket: 'key', trail: 'key' }, { table: 'key', bucket: 'key', trail: 'key' })).toEqual([]);
    expect(await run({ table: 'key' }, { table: 'other-key' })).toEqual([]);
    expect(await run({ table: 'aws-managed', bucket: 'aes', trail: 'none' }, { table: 'key', bucket: 'key', trail: 'key' })).toEqual([]);
    expect(await run({ table: 'default' }, { table: 'aws-managed' })).toEqual([]);
  });
  it('is unknown when head names a key that cannot be read, or base could not be read and head is not customer-managed', async () => {
    const [r] = await run({ table: 'key' }, { table: 'unresolved' });
    expect(r).toMatchObject({ verdict: 'unknown', resource: table });
    expect(r.message).toMatch(/^customer-managed key encryption may have been removed, cannot tell: encrypted with a customer-managed key \(.+\) → unknown \(.+\)\.$/);
    expect(verdicts(await run({ table: 'unresolved' }, { table: 'aws-managed' }))).toEqual([`unknown ${table}`]);
    expect(await run({ table: 'unresolved' }, { table: 'key' })).toEqual([]);
    expect(await run({ table: 'unresolved' }, { table: 'unresolved' })).toEqual([]);
  });
  it('says nothing about a store added or removed', async () => {
    expect(await run({}, { table: 'aws-managed' })).toEqual([]);
    expect(await run({ table: 'key' }, {})).toEqual([]);
  });
});

describe('encryption.downgraded: keys AWS manages, known from AWS Config', () => {
  it('fails when head points the table at a key that Config records as AWS-managed', () => {
    const config = { file: 'config.json', format: 'aws-config' as const };
    const cmk = resource('arn:aws:kms:eu-west-1:1:key/cmk', 'AWS::KMS::Key', { kms: { keyManager: 'CUSTOMER' } }, { arn: 'arn:aws:kms:eu-west-1:1:key/cmk', location: config });
    const managed = resource('arn:aws:kms:eu-west-1:1:key/managed', 'AWS::KMS::Key', { kms: { keyManager: 'AWS' } }, { arn: 'arn:aws:kms:eu-west-1:1:key/managed', location: config });
    const table = (keyRef: string) => resource('arn:aws:dynamodb:eu-west-1:1:table/orders', 'AWS::DynamoDB::Table', { encryption: { atRest: 'cmk', keyRef } }, { location: config });
    const [r] = report(encryptionDowngraded, [cmk, managed, table(cmk.id)], [cmk, managed, table(managed.id)]);
    expect(r).toMatchObject({ verdict: 'fail', related: [cmk.id, managed.id] });
    expect(r.message).toContain(`→ encrypted with an AWS-managed key (${managed.id})`);
  });
});

describe('encryption.downgraded: Glue security configurations, jobs and the Data Catalog', () => {
  /** S3, CloudWatch and bookmark modes of the `Etl` configuration; the job names `config` (or none). */
  interface Glue {
    s3?: string;
    cw?: string;
    bookmarks?: string;
    /** The security configuration the job uses: `etl`, `other` (all DISABLED), `none`, or `unresolved`. */
    job?: 'etl' | 'other' | 'none' | 'unresolved';
    catalog?: string;
    passwords?: string;
  }
  const KMS: Glue = { s3: 'SSE-KMS', cw: 'SSE-KMS', bookmarks: 'CSE-KMS', job: 'etl', catalog: 'SSE-KMS', passwords: 'true' };

  function cfnGlue(v: Glue): string {
    const modes = [
      v.s3 ? `        S3Encryptions: [{ S3EncryptionMode: ${v.s3}, KmsKeyArn: !GetAtt EtlKey.Arn }]` : '',
      v.cw ? `        CloudWatchEncryption: { CloudWatchEncryptionMode: ${v.cw}, KmsKeyArn: !GetAtt EtlKey.Arn }` : '',
      v.bookmarks ? `        JobBookmarksEncryption: { JobBookmarksEncryptionMode: ${v.bookmarks}, KmsKeyArn: !GetAtt EtlKey.Arn }` : '',
    ].filter(Boolean);
    const job = { etl: '      SecurityConfiguration: !Ref EtlSecurity\n', other: '      SecurityConfiguration: !Ref OtherSecurity\n', none: '', unresolved: '      SecurityConfiguration: !Ref ConfigName\n' }[v.job ?? 'none'];
    return `Parameters:
  ConfigName: { Type: String }
Resources:
  EtlKey: { Type: AWS::KMS::Key, Properties: { EnableKeyRotation: true } }
  EtlSecurity:
    Type: AWS::Glue::SecurityConfiguration
    Properties:
      Name: etl-kms
      EncryptionConfiguration:
${modes.length ? modes.join('\n') : '        {}'}
  OtherSecurity:
    Type: AWS::Glue::SecurityConfiguration
    Properties:
      Name: other
      EncryptionConfiguration: {}
  EtlJob:
    Type: AWS::Glue::Job
    Properties:
      Role: etl
      Command: { Name: glueetl, ScriptLocation: s3://scripts/etl.py }
${job}  CatalogSettings:
    Type: AWS::Glue::DataCatalogEncryptionSettings
    Properties:
      CatalogId: "111122223333"
      DataCatalogEncryptionSettings:
        EncryptionAtRest: { CatalogEncryptionMode: ${v.catalog ?? 'DISABLED'}, SseAwsKmsKeyId: !GetAtt EtlKey.Arn }
        ConnectionPasswordEncryption: { ReturnConnectionPasswordEncrypted: ${v.passwords ?? 'false'}, KmsKeyId: !GetAtt EtlKey.Arn }
`;
  }

  function tfGlue(v: Glue): string {
    const block = (name: string, attr: string, mode: string | undefined) => (mode ? `    ${name} {\n      ${attr} = "${mode}"\n      kms_key_arn = aws_kms_key.etl.arn\n    }\n` : '');
    const job = { etl: '  security_configuration = aws_glue_security_configuration.etl.name\n', other: '  security_configuration = aws_glue_security_configuration.other.name\n', none: '', unresolved: '  security_configuration = var.config_name\n' }[v.job ?? 'none'];
    return `variable "config_name" {}
resource "aws_kms_key" "etl" {
  enable_key_rotation = true
}
resource "aws_glue_security_configuration" "etl" {
  name = "etl-kms"
  encryption_configuration {
${block('cloudwatch_encryption', 'cloudwatch_encryption_mode', v.cw)}${block('job_bookmarks_encryption', 'job_bookmarks_encryption_mode', v.bookmarks)}${block('s3_encryption', 's3_encryption_mode', v.s3)}  }
}
resource "aws_glue_security_configuration" "other" {
  name = "other"
  encryption_configuration {
  }
}
resource "aws_glue_job" "etl" {
  name     = "etl"
  role_arn = "arn:aws:iam::111122223333:role/etl"
  command {
    script_location = "s3://scripts/etl.py"
  }
${job}}
resource "aws_glue_data_catalog_encryption_settings" "catalog" {
  data_catalog_encryption_settings {
    encryption_at_rest {
      catalog_encryption_mode = "${v.catalog ?? 'DISABLED'}"
      sse_aws_kms_key_id      = aws_kms_key.etl.arn
    }
    connection_password_encryption {
      return_connection_password_encrypted = ${v.passwords ?? 'false'}
      aws_kms_key_id                       = aws_kms_key.etl.arn
    }
  }
}
`;
  }

  describe.each([
    { name: 'CloudFormation', config: 'EtlSecurity', job: 'EtlJob', catalog: 'CatalogSettings', build: async (v: Glue) => cfn(cfnGlue(v)) },
    { name: 'Terraform', config: 'aws_glue_security_configuration.etl', job: 'aws_glue_job.etl', catalog: 'aws_glue_data_catalog_encryption_settings.catalog', build: async (v: Glue) => tf(tfGlue(v)) },
  ])('$name', ({ config, job, catalog, build }) => {
    const run = async (base: Glue, head: Glue) => report(encryptionDowngraded, await build(base), await build(head));
    it('says nothing while everything stays on KMS, or when a mode moves onto KMS', async () => {
      expect(await run(KMS, KMS)).toEqual([]);
      expect(await run({ ...KMS, s3: 'SSE-S3' }, KMS)).toEqual([]);
    });
    it('a configuration mode leaving KMS: on the configuration, and on the job that uses it, with before → after', async () => {
      const results = await run(KMS, { ...KMS, s3: 'SSE-S3' });
      expect(verdicts(results).sort()).toEqual([`fail ${config}`, `fail ${job}`].sort());
      expect(results.find((r) => r.resource === config)?.message).toBe('Glue S3 encryption with KMS removed: SSE-KMS → SSE-S3.');
      expect(results.find((r) => r.resource === job)?.related).toEqual([config]);
    });
    it('a mode left out is DISABLED', async () => {
      const results = await run(KMS, { ...KMS, bookmarks: undefined });
      expect(results.find((r) => r.resource === config)?.message).toBe('Glue job bookmark encryption with KMS removed: CSE-KMS → DISABLED.');
    });
    it('a job that drops its configuration, or swaps it for a weaker one, loses all three', async () => {
      expect(verdicts(await run(KMS, { ...KMS, job: 'none' }))).toEqual([`fail ${job}`, `fail ${job}`, `fail ${job}`]);
      const swapped = await run(KMS, { ...KMS, job: 'other' });
      expect(swapped).toHaveLength(3);
      expect(swapped[0].message).toMatch(/→ DISABLED \(security configuration \S+\)\.$/);
    });
    it('a job whose head configuration cannot be resolved: unknown', async () => {
      expect(verdicts(await run(KMS, { ...KMS, job: 'unresolved' }))).toEqual([`unknown ${job}`, `unknown ${job}`, `unknown ${job}`]);
    });
    it('the Data Catalog: encryption at rest and connection password encryption turned off', async () => {
      const results = await run(KMS, { ...KMS, catalog: 'DISABLED', passwords: 'false' });
      expect(results.map((r) => [r.verdict, r.resource, r.message])).toEqual([
        ['fail', catalog, 'Data Catalog encryption at rest removed: SSE-KMS → DISABLED.'],
        ['fail', catalog, 'Data Catalog connection password encryption removed: encrypted → not encrypted.'],
      ]);
    });
  });
});
