import { resourceOf, single, unknownValue } from './helpers';

const map = (type: string, props: string, extra = '') => resourceOf(single(type, props, extra), 'R');

describe('DynamoDB', () => {
  test('table with CMK, PITR, deletion protection, stream', () => {
    const r = map('AWS::DynamoDB::Table', 'TableName: orders\nSSESpecification: { SSEEnabled: true, KMSMasterKeyId: arn:aws:kms:eu-west-1:111122223333:key/abc }\nPointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }\nDeletionProtectionEnabled: "true"\nStreamSpecification: { StreamViewType: NEW_IMAGE }\nTags: [{ Key: data_classification, Value: red }]');
    expect(r.facets).toEqual({
      encryption: { atRest: 'cmk', keyRef: 'arn:aws:kms:eu-west-1:111122223333:key/abc', path: 'SSESpecification' },
      backup: { pitr: true, deletionProtection: true },
      dynamodb: { tableName: 'orders', stream: true },
    });
    expect(r.name).toBe('orders');
    expect(r.tags).toEqual({ data_classification: 'red' });
    expect(r.facetPaths).toMatchObject({ 'backup.pitr': 'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled', 'encryption.keyRef': 'SSESpecification.KMSMasterKeyId' });
    expect(r.propertyLines!['SSESpecification']).toBe(6);
  });

  test('table with defaults: AWS-owned key, no PITR, no deletion protection', () => {
    const r = map('AWS::DynamoDB::Table', 'BillingMode: PAY_PER_REQUEST');
    expect(r.facets.encryption).toMatchObject({ atRest: 'aws-owned' });
    expect(r.facets.backup).toEqual({ pitr: false, deletionProtection: false });
    expect(r.facets.dynamodb!.stream).toBe(false);
    expect(r.facetPaths!['backup.pitr']).toBe('PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled');
  });

  test('SSE enabled without a key is AWS-managed; alias/aws/dynamodb too; unresolved key is unknown', () => {
    expect(map('AWS::DynamoDB::Table', 'SSESpecification: { SSEEnabled: true }').facets.encryption!.atRest).toBe('aws-managed');
    expect(map('AWS::DynamoDB::Table', 'SSESpecification: { SSEEnabled: true, KMSMasterKeyId: alias/aws/dynamodb }').facets.encryption!.atRest).toBe('aws-managed');
    expect(map('AWS::DynamoDB::Table', 'SSESpecification: { SSEEnabled: false, KMSMasterKeyId: k }').facets.encryption!.atRest).toBe('aws-owned');
    const u = map('AWS::DynamoDB::Table', 'SSESpecification: { SSEEnabled: true, KMSMasterKeyId: !Ref K }', 'Parameters:\n  K: { Type: String }\n');
    expect(u.facets.encryption).toMatchObject({ atRest: unknownValue, keyRef: unknownValue });
  });

  test('global table: the weakest replica decides', () => {
    const good = map('AWS::DynamoDB::GlobalTable', 'TableName: g\nSSESpecification: { SSEEnabled: true, SSEType: KMS }\nReplicas:\n  - Region: eu-west-1\n    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }\n    SSESpecification: { KMSMasterKeyId: k1 }\n    DeletionProtectionEnabled: true\n    Tags: [{ Key: data_classification, Value: red }]\n  - Region: us-east-1\n    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }\n    SSESpecification: { KMSMasterKeyId: k2 }\n    DeletionProtectionEnabled: true');
    expect(good.facets.backup).toEqual({ pitr: true, deletionProtection: true });
    expect(good.facets.encryption).toMatchObject({ atRest: 'cmk', keyRef: 'k1' });
    expect(good.tags).toEqual({ data_classification: 'red' });
    const bad = map('AWS::DynamoDB::GlobalTable', 'Replicas:\n  - Region: eu-west-1\n    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }\n  - Region: us-east-1');
    expect(bad.facets.backup!.pitr).toBe(false);
    expect(bad.facetPaths!['backup.pitr']).toBe('Replicas[1].PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled');
    expect(bad.facets.encryption!.atRest).toBe('aws-owned');
  });
});

describe('S3', () => {
  test('bucket with SSE-KMS CMK, full public access block, versioning, access logs', () => {
    const r = map('AWS::S3::Bucket', 'BucketName: raw\nBucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms, KMSMasterKeyID: arn:aws:kms:eu-west-1:111122223333:alias/data }\nPublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }\nVersioningConfiguration: { Status: Enabled }\nLoggingConfiguration: { DestinationBucketName: logs }');
    expect(r.facets.encryption).toMatchObject({ atRest: 'cmk' });
    expect(r.facets.s3).toEqual({ sseAlgorithm: 'aws:kms', accessLogging: true });
    expect(r.facets.publicAccess).toEqual({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true });
    expect(r.facets.backup).toEqual({ versioning: true });
  });

  test('bare bucket: SSE-S3, no public access block, no versioning, no logging', () => {
    const r = map('AWS::S3::Bucket', 'BucketName: bare');
    expect(r.facets.encryption).toMatchObject({ atRest: 'aws-owned' });
    expect(r.facets.s3).toEqual({ sseAlgorithm: 'AES256', accessLogging: false });
    expect(r.facets.publicAccess).toEqual({ blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false });
    expect(r.facets.backup).toEqual({ versioning: false });
    expect(r.facetPaths!['publicAccess.blockPublicAcls']).toBe('PublicAccessBlockConfiguration.BlockPublicAcls');
  });

  test('aws:kms without a key is AWS-managed', () => {
    const r = map('AWS::S3::Bucket', 'BucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault: { SSEAlgorithm: aws:kms }');
    expect(r.facets.encryption!.atRest).toBe('aws-managed');
  });

  test('bucket policy: target bucket and normalised document with statement paths', () => {
    const r = map('AWS::S3::BucketPolicy', 'Bucket: my-bucket\nPolicyDocument:\n  Statement:\n    - Effect: Deny\n      Principal: "*"\n      Action: s3:*\n      Resource: "*"\n      Condition: { Bool: { aws:SecureTransport: "false" } }');
    expect(r.facets.s3!.policyBucket).toBe('my-bucket');
    expect(r.facets.s3!.bucketPolicy!.statements[0]).toMatchObject({ effect: 'Deny', path: 'PolicyDocument.Statement[0]', conditions: { Bool: { 'aws:SecureTransport': ['false'] } } });
  });
});

describe('Kinesis and CloudWatch Logs', () => {
  test('stream encryption: none by default, KMS with key = cmk, KMS with alias/aws/kinesis = aws-managed', () => {
    expect(map('AWS::Kinesis::Stream', 'ShardCount: 1').facets.encryption!.atRest).toBe('none');
    expect(map('AWS::Kinesis::Stream', 'StreamEncryption: { EncryptionType: KMS, KeyId: my-key }').facets.encryption).toMatchObject({ atRest: 'cmk', keyRef: 'my-key' });
    expect(map('AWS::Kinesis::Stream', 'StreamEncryption: { EncryptionType: KMS, KeyId: alias/aws/kinesis }').facets.encryption!.atRest).toBe('aws-managed');
  });

  test('log group: retention and key', () => {
    const good = map('AWS::Logs::LogGroup', 'LogGroupName: /x\nRetentionInDays: 365\nKmsKeyId: arn:aws:kms:eu-west-1:1:key/k');
    expect(good.facets).toMatchObject({ logging: { retentionDays: 365 }, encryption: { atRest: 'cmk' } });
    const bad = map('AWS::Logs::LogGroup', 'LogGroupName: /y');
    expect(bad.facets).toMatchObject({ logging: { retentionDays: null }, encryption: { atRest: 'aws-owned' } });
  });
});
