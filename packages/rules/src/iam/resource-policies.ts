import type { PolicyDocument, Resource } from '../model';
import type { ResourceIndex } from '../engine/resource-index';

/**
 * Resource-based policies the access diff compares: who else may use a resource. A bucket policy
 * is folded into its bucket by the linker and judged there; a bucket policy resource is judged on
 * its own only when its bucket is not in the input (another stack's bucket). Key policies have
 * their own rule (`kms.policy-broadened`), trust policies theirs (`iam.trust-broadened`).
 */
export const RESOURCE_POLICY_TYPES: readonly string[] = [
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
  'AWS::SecretsManager::Secret',
  'AWS::SecretsManager::ResourcePolicy',
  // The Data Catalog policy (Terraform aws_glue_resource_policy; CloudFormation has no such resource).
  'Pillarguard::Glue::ResourcePolicy',
];

export interface HeldPolicy {
  document: PolicyDocument;
  /** Facet path of the document, for findings. */
  path: string;
}

export function resourcePolicyOf(resource: Resource, index: ResourceIndex): HeldPolicy | undefined {
  const s3 = resource.facets.s3;
  if (resource.type === 'AWS::S3::BucketPolicy') {
    if (s3?.policyBucket !== undefined && index.resolve(s3.policyBucket, ['AWS::S3::Bucket'])) return undefined;
    return s3?.bucketPolicy ? { document: s3.bucketPolicy, path: 's3.bucketPolicy' } : undefined;
  }
  if (s3?.bucketPolicy) return { document: s3.bucketPolicy, path: 's3.bucketPolicy' };
  if (resource.facets.resourcePolicy) return { document: resource.facets.resourcePolicy, path: 'resourcePolicy' };
  return undefined;
}
