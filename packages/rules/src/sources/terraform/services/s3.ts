import type { EncryptionFacet, Facets, V } from '../../../model';
import { isUnknown } from '../../../model';
import { encryptionFromKey } from '../reader';
import { getPath, toBool, toStr, type TfObject } from '../values';
import type { TypeMapping } from './types';

/**
 * Default encryption from an `apply_server_side_encryption_by_default` block (of the split
 * `aws_s3_bucket_server_side_encryption_configuration` or the bucket's legacy inline block):
 * AES256 ⇒ SSE-S3 (aws-owned); aws:kms[:dsse] without a key ⇒ `aws/s3` (aws-managed); with a key ⇒ cmk.
 */
export function s3Encryption(rule: TfObject | undefined, pathPrefix: string): { encryption: EncryptionFacet; sseAlgorithm: V<string> } {
  const algPath = `${pathPrefix}.apply_server_side_encryption_by_default.sse_algorithm`;
  const keyPath = `${pathPrefix}.apply_server_side_encryption_by_default.kms_master_key_id`;
  const byDefault = rule === undefined ? undefined : getPath(rule, 'apply_server_side_encryption_by_default');
  const alg = toStr(byDefault === undefined ? undefined : getPath(byDefault, 'sse_algorithm'), algPath) ?? 'AES256';
  if (isUnknown(alg)) return { encryption: { atRest: alg, path: algPath }, sseAlgorithm: alg };
  if (!alg.toLowerCase().startsWith('aws:kms')) return { encryption: { atRest: 'aws-owned', path: algPath }, sseAlgorithm: alg };
  const key = toStr(byDefault === undefined ? undefined : getPath(byDefault, 'kms_master_key_id'), keyPath);
  return { encryption: encryptionFromKey(key, 'aws-managed', key === undefined ? algPath : keyPath), sseAlgorithm: alg };
}

/**
 * aws_s3_bucket. Defaults: SSE-S3 encryption (S3 encrypts every new object since 2023), no
 * public-access block (each setting false: the facet reports what the code says), versioning off,
 * no access logging. Provider v3-style inline blocks are read when present; the split resources
 * (`aws_s3_bucket_versioning` …) are folded over these by the mapper.
 */
export const s3Bucket: TypeMapping = {
  cfnType: 'AWS::S3::Bucket',
  nameAttr: 'bucket',
  map(r, ctx) {
    const inlineRule = r.blocks('server_side_encryption_configuration.rule')[0];
    const enc = s3Encryption(inlineRule, 'server_side_encryption_configuration.rule');
    r.mark('encryption.atRest', enc.encryption.path ?? 'server_side_encryption_configuration');
    r.mark('s3.sseAlgorithm', 'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.sse_algorithm');
    r.mark('backup.versioning', 'versioning.enabled');
    r.mark('s3.accessLogging', 'logging.target_bucket');
    const versioning = toBool(r.raw('versioning.enabled'), 'versioning.enabled') ?? false;
    const logging = r.raw('logging.target_bucket');
    const facets: Facets = {
      encryption: enc.encryption,
      s3: { sseAlgorithm: enc.sseAlgorithm, accessLogging: isUnknown(logging) ? logging : typeof logging === 'string' && logging !== '' },
      backup: { versioning },
      publicAccess: { blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false },
    };
    const policy = r.raw('policy');
    if (policy !== undefined && policy !== null && policy !== '') {
      // Legacy inline `policy` argument: the bucket's own policy.
      r.mark('s3.bucketPolicy', 'policy');
      facets.s3 = { ...facets.s3, bucketPolicy: ctx.policies.resolve(policy, 'policy') };
    }
    return { facets };
  },
};

export const s3BucketPolicy: TypeMapping = {
  cfnType: 'AWS::S3::BucketPolicy',
  map(r, ctx) {
    r.mark('s3.bucketPolicy', 'policy');
    const bucket = r.str('s3.policyBucket', 'bucket');
    return { facets: { s3: { policyBucket: bucket ?? '', bucketPolicy: ctx.policies.resolve(r.raw('policy'), 'policy') } } };
  },
};
