import type { CheckResult } from '../../rules/types';
import type { ChangeRule } from '../types';
import type { ExposureCheck } from './exposure-check';
import { bothSides } from './protection';
import { publicExposure } from './exposure-public';
import { tlsExposure } from './exposure-tls';
import { loggingExposure } from './exposure-logging';
import { recoveryExposure } from './exposure-recovery';

const CHECKS: readonly ExposureCheck[] = [publicExposure, tlsExposure, loggingExposure, recoveryExposure];

/**
 * `exposure.increased`: a protection the resource had in base is gone in head — it became
 * public, lost TLS enforcement, stopped logging, or lost a way back (PITR, deletion protection,
 * versioning, automated backups). One result per protection lost, each with before → after.
 * Unchanged pairs are compared too: a parameter group edited elsewhere changes what a cluster
 * enforces without touching the cluster.
 */
export const exposureIncreased: ChangeRule = {
  kind: 'change',
  id: 'exposure.increased',
  pillar: 'network',
  severity: 'high',
  title: 'A resource lost a protection: public access, TLS, logging or recovery',
  rationale:
    'Each of these settings closes a way to reach, read unnoticed or lose the data: a private endpoint and the public access block keep it off the internet, TLS enforcement keeps it encrypted in transit, audit and trail logs record who touched it, and point-in-time recovery, deletion protection and versioning bring it back after a mistake. Turning one off in a pull request is a deliberate weakening that needs a reviewer.',
  remediation: {
    cloudformation:
      '# Keep the protection the base version had, for example:\nWarehouse:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    PubliclyAccessible: false\n    LoggingProperties: { LogDestinationType: cloudwatch, LogExports: [connectionlog, userlog, useractivitylog] }\nOrdersTable:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }\n    DeletionProtectionEnabled: true\nClusterParams:\n  Type: AWS::RDS::DBClusterParameterGroup\n  Properties:\n    Parameters: { rds.force_ssl: "1" }',
    terraform:
      '# Keep the protection the base version had, for example:\nresource "aws_redshift_cluster" "warehouse" {\n  publicly_accessible = false\n}\nresource "aws_dynamodb_table" "orders" {\n  deletion_protection_enabled = true\n  point_in_time_recovery {\n    enabled = true\n  }\n}\nresource "aws_rds_cluster_parameter_group" "app" {\n  parameter {\n    name  = "rds.force_ssl"\n    value = "1"\n  }\n}',
  },
  appliesTo: [
    'AWS::S3::Bucket',
    'AWS::DynamoDB::Table',
    'AWS::DynamoDB::GlobalTable',
    'AWS::RDS::DBCluster',
    'AWS::RDS::DBInstance',
    'AWS::Redshift::Cluster',
    'AWS::RedshiftServerless::Workgroup',
    'AWS::RedshiftServerless::Namespace',
    'AWS::EC2::SecurityGroup',
    'AWS::EC2::SecurityGroupIngress',
    'AWS::CloudTrail::Trail',
    'AWS::Glue::Job',
  ],
  references: [
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html',
    'https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
  ],
  compare(pair, ctx) {
    const sides = bothSides(pair);
    if (!sides) return undefined;
    const results = CHECKS.flatMap((check) => check(sides, ctx)).filter((r): r is CheckResult => r !== undefined);
    return results.length ? results : undefined;
  },
};
