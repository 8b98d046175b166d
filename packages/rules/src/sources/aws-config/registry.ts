import { trail } from './services/cloudtrail';
import { dynamodbTable } from './services/dynamodb';
import { glueJob } from './services/glue';
import { iamGroup, iamPolicy, iamRole, iamUser } from './services/iam';
import { kmsAlias, kmsKey } from './services/kms';
import { kinesisStream, logGroup } from './services/logs';
import { securityGroup, vpc, vpcEndpoint } from './services/network';
import { rdsCluster, rdsInstance } from './services/rds';
import { redshiftCluster, redshiftParameterGroup } from './services/redshift';
import { s3Bucket } from './services/s3';
import { secret } from './services/secrets';
import type { ItemMapper } from './services/types';

/**
 * Config resource type → mapper, for the MAPPING.md rows AWS Config records. Config's type names
 * are the CloudFormation names, so the canonical type is the item's own. Not here because Config
 * does not record them (checked against the AWS Config resource schema): RDS parameter groups,
 * Redshift Serverless, Glue crawlers / security configurations / catalog encryption / connections /
 * databases / tables, Lake Formation, S3 bucket policies and IAM access keys as resources of their own.
 * Their items, should any appear, are kept with no facets like every other type.
 */
export const MAPPERS: Readonly<Record<string, ItemMapper>> = {
  'AWS::DynamoDB::Table': dynamodbTable,
  'AWS::S3::Bucket': s3Bucket,
  'AWS::IAM::Role': iamRole,
  'AWS::IAM::User': iamUser,
  'AWS::IAM::Group': iamGroup,
  'AWS::IAM::Policy': iamPolicy,
  'AWS::KMS::Key': kmsKey,
  'AWS::KMS::Alias': kmsAlias,
  'AWS::RDS::DBCluster': rdsCluster,
  'AWS::RDS::DBInstance': rdsInstance,
  'AWS::Redshift::Cluster': redshiftCluster,
  'AWS::Redshift::ClusterParameterGroup': redshiftParameterGroup,
  'AWS::EC2::SecurityGroup': securityGroup,
  'AWS::EC2::VPCEndpoint': vpcEndpoint,
  'AWS::EC2::VPC': vpc,
  'AWS::Glue::Job': glueJob,
  'AWS::SecretsManager::Secret': secret,
  'AWS::CloudTrail::Trail': trail,
  'AWS::Logs::LogGroup': logGroup,
  'AWS::Kinesis::Stream': kinesisStream,
};

/** The resource types the adapter maps, which the live provider asks AWS Config for. */
export const AWS_CONFIG_RESOURCE_TYPES: readonly string[] = Object.keys(MAPPERS);
