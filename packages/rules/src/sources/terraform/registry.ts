import { cloudtrail } from './services/cloudtrail';
import { dynamodbTable } from './services/dynamodb';
import { glueCatalogDatabase, glueCatalogEncryption, glueCatalogTable, glueConnection, glueCrawler, glueJob, glueResourcePolicy, glueSecurityConfiguration } from './services/glue';
import * as iam from './services/iam';
import { kmsAlias, kmsKey } from './services/kms';
import { lakeFormationDataCellsFilter, lakeFormationPermissions, lakeFormationResourceTags, lakeFormationSettings, lakeFormationTag } from './services/lakeformation';
import { kinesisStream, logGroup } from './services/logs';
import { securityGroup, securityGroupRule, vpc, vpcEndpoint, vpcSecurityGroupEgressRule, vpcSecurityGroupIngressRule } from './services/network';
import { dbInstance, dbParameterGroup, rdsCluster, rdsClusterInstance, rdsClusterParameterGroup } from './services/rds';
import { redshiftCluster, redshiftParameterGroup, redshiftServerlessNamespace, redshiftServerlessWorkgroup } from './services/redshift';
import { s3Bucket, s3BucketPolicy } from './services/s3';
import { secret, secretPolicy, secretRotation } from './services/secrets';
import type { TypeMapping } from './services/types';

/** Every Terraform AWS resource type that becomes a resource of its own (MAPPING.md's table). */
export const TYPE_MAPPINGS: Readonly<Record<string, TypeMapping>> = {
  aws_dynamodb_table: dynamodbTable,
  aws_redshift_cluster: redshiftCluster,
  aws_redshift_parameter_group: redshiftParameterGroup,
  aws_redshiftserverless_workgroup: redshiftServerlessWorkgroup,
  aws_redshiftserverless_namespace: redshiftServerlessNamespace,
  aws_rds_cluster: rdsCluster,
  aws_db_instance: dbInstance,
  aws_rds_cluster_instance: rdsClusterInstance,
  aws_rds_cluster_parameter_group: rdsClusterParameterGroup,
  aws_db_parameter_group: dbParameterGroup,
  aws_security_group: securityGroup,
  aws_security_group_rule: securityGroupRule,
  aws_vpc_security_group_ingress_rule: vpcSecurityGroupIngressRule,
  aws_vpc_security_group_egress_rule: vpcSecurityGroupEgressRule,
  aws_vpc: vpc,
  aws_vpc_endpoint: vpcEndpoint,
  aws_s3_bucket: s3Bucket,
  aws_s3_bucket_policy: s3BucketPolicy,
  aws_kms_key: kmsKey,
  aws_kms_alias: kmsAlias,
  aws_iam_role: iam.iamRole,
  aws_iam_user: iam.iamUser,
  aws_iam_group: iam.iamGroup,
  aws_iam_role_policy: iam.iamRolePolicy,
  aws_iam_user_policy: iam.iamUserPolicy,
  aws_iam_group_policy: iam.iamGroupPolicy,
  aws_iam_policy: iam.iamPolicy,
  aws_iam_role_policy_attachment: iam.iamRolePolicyAttachment,
  aws_iam_user_policy_attachment: iam.iamUserPolicyAttachment,
  aws_iam_group_policy_attachment: iam.iamGroupPolicyAttachment,
  aws_iam_policy_attachment: iam.iamPolicyAttachment,
  aws_iam_access_key: iam.iamAccessKey,
  aws_secretsmanager_secret: secret,
  aws_secretsmanager_secret_rotation: secretRotation,
  aws_secretsmanager_secret_policy: secretPolicy,
  aws_glue_job: glueJob,
  aws_glue_crawler: glueCrawler,
  aws_glue_security_configuration: glueSecurityConfiguration,
  aws_glue_data_catalog_encryption_settings: glueCatalogEncryption,
  aws_glue_connection: glueConnection,
  aws_glue_catalog_database: glueCatalogDatabase,
  aws_glue_catalog_table: glueCatalogTable,
  aws_glue_resource_policy: glueResourcePolicy,
  aws_lakeformation_permissions: lakeFormationPermissions,
  aws_lakeformation_lf_tag: lakeFormationTag,
  aws_lakeformation_resource_lf_tags: lakeFormationResourceTags,
  aws_lakeformation_data_cells_filter: lakeFormationDataCellsFilter,
  aws_lakeformation_data_lake_settings: lakeFormationSettings,
  aws_cloudtrail: cloudtrail,
  aws_cloudwatch_log_group: logGroup,
  aws_kinesis_stream: kinesisStream,
};

/**
 * Terraform types that only modify another resource: the mapper folds them into it and they
 * produce no resource of their own. The value is the canonical type they configure.
 */
export const FOLDED_TYPES: Readonly<Record<string, string>> = {
  aws_s3_bucket_versioning: 'AWS::S3::Bucket',
  aws_s3_bucket_server_side_encryption_configuration: 'AWS::S3::Bucket',
  aws_s3_bucket_public_access_block: 'AWS::S3::Bucket',
  aws_s3_bucket_logging: 'AWS::S3::Bucket',
  aws_redshift_logging: 'AWS::Redshift::Cluster',
  aws_secretsmanager_secret_version: 'AWS::SecretsManager::Secret',
  aws_kms_key_policy: 'AWS::KMS::Key',
  aws_iam_user_group_membership: 'AWS::IAM::User',
  aws_iam_group_membership: 'AWS::IAM::User',
};

/**
 * Terraform type → canonical CloudFormation type. Types whose canonical type depends on their
 * attributes map to the usual one (a `aws_dynamodb_table` with `replica` becomes a GlobalTable,
 * an egress `aws_security_group_rule` a SecurityGroupEgress); folded types map to the type they
 * configure.
 */
export const TERRAFORM_TO_CFN_TYPE: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(Object.entries(TYPE_MAPPINGS).map(([tf, m]) => [tf, m.cfnType])),
  ...FOLDED_TYPES,
});
