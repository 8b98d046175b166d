/** The input formats an adapter recognises. */
export type SourceFormat = 'cloudformation' | 'cdk' | 'terraform' | 'terraform-plan' | 'aws-config';

/**
 * Where a resource (or one of its properties) is written. Lines and columns are 1-based and only
 * present when the format carries them: YAML/JSON positions, HCL block lines; a plan JSON has no
 * lines, so it gives the resource `address` and nothing invented.
 */
export interface SourceLocation {
  file: string;
  format: SourceFormat;
  line?: number;
  column?: number;
  /** Terraform address (`aws_dynamodb_table.orders`, `module.x.aws_s3_bucket.y["a"]`). */
  address?: string;
  /** CDK construct path from `aws:cdk:path` (`Stack/Orders/Resource`). */
  constructPath?: string;
}

/** A position inside one file, used by parse errors. */
export interface Position {
  line: number;
  column: number;
}
