import type { SourceLocation, Unknown } from '../../model';

/**
 * A Terraform attribute tree, the same shape for HCL (after evaluation) and plan JSON
 * (`values`): blocks are arrays of objects, as in the plan. Values that cannot be known are
 * `Unknown`. A value that is a reference to another resource is the string
 * `${<address>.<attr>}` (`${aws_kms_key.orders.arn}`); a string mixing text and references keeps
 * them in place (`${aws_s3_bucket.raw.arn}/*`).
 */
export type TfValue = null | boolean | number | string | Unknown | TfValue[] | { [key: string]: TfValue };

/** One Terraform resource instance, input to the shared Terraform mapper. */
export interface TfResourceInput {
  /** Full address incl. module path and index: `module.m.aws_s3_bucket.b["x"]`. */
  address: string;
  /** Terraform type (`aws_dynamodb_table`). */
  type: string;
  mode: 'managed' | 'data';
  values: { [key: string]: TfValue };
  location: SourceLocation;
  /** Source property path (`point_in_time_recovery.enabled`, `ingress[0].cidr_blocks`) → line. */
  propertyLines?: Record<string, number>;
}
