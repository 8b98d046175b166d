import type { Facets } from './facets';
import type { SourceLocation } from './location';
import type { V } from './value';

/**
 * One resource, whatever wrote it. `type` is the canonical CloudFormation type name also for
 * Terraform and AWS Config (`aws_dynamodb_table` → `AWS::DynamoDB::Table`), so one rule serves
 * every format. Types that exist only to be folded into another resource (a Terraform policy
 * attachment, a bucket's separate public-access block) use the `Pillarguard::` prefix.
 */
export interface Resource {
  type: string;
  /** The type as the input wrote it: `aws_dynamodb_table`, `AWS::DynamoDB::Table`. */
  sourceType: string;
  /** Stable id: CFN logical id, Terraform address, or (AWS Config) the ARN or resource id. */
  id: string;
  /** Physical name when the input names it (`TableName`, `bucket`, Config `resourceName`). */
  name?: V<string>;
  /** ARN when the input carries it (AWS Config, plan values after apply). */
  arn?: string;
  /** Tags as written; a tag whose value cannot be resolved is `Unknown`. */
  tags: Record<string, V<string>>;
  /** Set when the tag set itself cannot be fully read (`tags = var.tags` without a default). */
  tagsUnknown?: string;
  location: SourceLocation;
  /**
   * Facet field → the source property that set it, so findings name the property as the user
   * wrote it: `'backup.pitr'` → `'PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled'`
   * (CFN) or `'point_in_time_recovery.enabled'` (Terraform). Rules return facet paths; the engine
   * translates them through this map.
   */
  facetPaths?: Record<string, string>;
  /** 1-based line of each source property path that has one (`SSESpecification.KMSMasterKeyId` → 42). */
  propertyLines?: Record<string, number>;
  facets: Facets;
  /**
   * The AWS account the resource is deployed to, when the input says so (a plan that read
   * `data.aws_caller_identity`, an AWS Config item). Lets trust analysis tell this account from a
   * foreign one.
   */
  account?: string;
  /** AWS Config only: account, region, capture time and the Config item status. */
  live?: {
    accountId?: string;
    region?: string;
    captureTime?: string;
    status?: string;
  };
  /** Resource ids this one is synthesised from or folded into (for explanations). */
  notes?: string[];
}

/** A file handed to the engine: the CLI/action/plugins read it, the engine never touches disk. */
export interface SourceFile {
  /** Path as the user should see it (relative to the scan root, forward slashes). */
  path: string;
  content: string;
}
