import { cfn, tf } from './__testing__/sides';
const T = `
Parameters:
  Pitr: { Type: String }
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties: { EnableKeyRotation: true, PendingWindowInDays: 7 }
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      KeySchema: [{AttributeName: id, KeyType: HASH}]
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: true
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: !Ref Pitr }
      SSESpecification: { SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !GetAtt Key.Arn }
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: Enabled }
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true }
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 0.0.0.0/0 }
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties: { IsLogging: true, IsMultiRegionTrail: true, S3BucketName: b, KMSKeyId: !Ref Key }
  Job:
    Type: AWS::Glue::Job
    Properties:
      Role: r
      Command: { Name: glueetl }
      DefaultArguments: { "--enable-continuous-cloudwatch-log": "true" }
`;
const H = `
variable "pitr" {}
resource "aws_kms_key" "k" {
  enable_key_rotation = true
}
resource "aws_dynamodb_table" "t" {
  name = "t"
  hash_key = "id"
  deletion_protection_enabled = true
  point_in_time_recovery { enabled = var.pitr }
  server_side_encryption {
    enabled = true
    kms_key_arn = aws_kms_key.k.arn
  }
}
resource "aws_s3_bucket" "b" { bucket = "b" }
resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_public_access_block" "b" {
  bucket = aws_s3_bucket.b.id
  block_public_acls = true
}
`;
it('prints', async () => {
  for (const r of cfn(T)) console.log(r.id, r.type, JSON.stringify(r.facets), JSON.stringify(r.facetPaths));
  for (const r of await tf(H)) console.log(r.id, r.type, JSON.stringify(r.facets), JSON.stringify(r.facetPaths));
});
