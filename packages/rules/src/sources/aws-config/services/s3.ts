import type { EncryptionFacet, Facets, PublicAccessFacet, Tri, V } from '../../../model';
import { isUnknown } from '../../../model';
import { encryptionFromKey, type ItemReader } from '../reader';
import { statusFlag } from './common';
import type { ItemMapper } from './types';

const SUPP = 'supplementaryConfiguration';
const BY_DEFAULT = `${SUPP}.ServerSideEncryptionConfiguration.rules.0.applyServerSideEncryptionByDefault`;

/** Default encryption: no rule ⇒ SSE-S3 (S3 encrypts every object since 2023); aws:kms without a key ⇒ `aws/s3`. */
function encryption(r: ItemReader): { encryption: EncryptionFacet; sseAlgorithm: V<string> } {
  const alg = r.strOr('s3.sseAlgorithm', `${BY_DEFAULT}.sseAlgorithm`, 'AES256');
  const algPath = r.mark('encryption.atRest', `${BY_DEFAULT}.sseAlgorithm`);
  if (isUnknown(alg)) return { encryption: { atRest: alg, path: algPath }, sseAlgorithm: alg };
  if (!alg.toLowerCase().startsWith('aws:kms')) return { encryption: { atRest: 'aws-owned', path: algPath }, sseAlgorithm: alg };
  const key = r.str('encryption.keyRef', `${BY_DEFAULT}.kmsMasterKeyID`);
  const keyPath = r.mark(undefined, `${BY_DEFAULT}.kmsMasterKeyID`);
  if (key !== undefined) r.mark('encryption.atRest', `${BY_DEFAULT}.kmsMasterKeyID`);
  return { encryption: encryptionFromKey(key, 'aws-managed', key === undefined ? algPath : keyPath), sseAlgorithm: alg };
}

/** Bucket-level public access block; without one each setting is false (the facet reports what is set on the bucket). */
function publicAccess(r: ItemReader): PublicAccessFacet {
  const flag = (name: keyof PublicAccessFacet): Tri => r.bool(`publicAccess.${name}`, `${SUPP}.PublicAccessBlockConfiguration.${name}`, false);
  return { blockPublicAcls: flag('blockPublicAcls'), ignorePublicAcls: flag('ignorePublicAcls'), blockPublicPolicy: flag('blockPublicPolicy'), restrictPublicBuckets: flag('restrictPublicBuckets') };
}

function accessLogging(r: ItemReader): Tri {
  const target = r.str('s3.accessLogging', `${SUPP}.BucketLoggingConfiguration.destinationBucketName`);
  return target === undefined ? false : isUnknown(target) ? target : true;
}

export const s3Bucket: ItemMapper = (r) => {
  const enc = encryption(r);
  const facets: Facets = {
    encryption: enc.encryption,
    s3: { sseAlgorithm: enc.sseAlgorithm, accessLogging: accessLogging(r) },
    backup: { versioning: statusFlag(r, 'backup.versioning', `${SUPP}.BucketVersioningConfiguration.status`, ['Enabled'], false) },
    publicAccess: publicAccess(r),
  };
  // `BucketPolicy.policyText` is the policy as a JSON string, or null without a policy.
  if (r.item.supplementary === undefined || r.has(`${SUPP}.BucketPolicy.policyText`)) {
    facets.s3 = { ...facets.s3, bucketPolicy: r.policy('s3.bucketPolicy', `${SUPP}.BucketPolicy.policyText`) };
  }
  return facets;
};
