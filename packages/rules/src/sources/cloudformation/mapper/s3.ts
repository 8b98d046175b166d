import type { EncryptionFacet, Tri, V } from '../../../model';
import { isUnknown } from '../../../model';
import { normalizePolicy } from '../../../iam/normalize';
import { keyEncryption } from './common';
import type { Props } from './props';
import type { TypeMapper } from './types';

const SSE_DEFAULT = 'BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault';

/** No rule ⇒ SSE-S3 (S3 encrypts every new object since 2023); `aws:kms` without a key ⇒ `aws/s3`. */
function bucketEncryption(p: Props): { encryption: EncryptionFacet; sseAlgorithm: V<string> } {
  const algorithm = p.str('s3.sseAlgorithm', `${SSE_DEFAULT}.SSEAlgorithm`);
  p.track('encryption.atRest', `${SSE_DEFAULT}.SSEAlgorithm`);
  if (algorithm === undefined) return { sseAlgorithm: 'AES256', encryption: { atRest: 'aws-owned', path: 'BucketEncryption' } };
  if (isUnknown(algorithm)) return { sseAlgorithm: algorithm, encryption: { atRest: algorithm, path: 'BucketEncryption' } };
  if (algorithm.startsWith('aws:kms')) {
    return { sseAlgorithm: algorithm, encryption: keyEncryption(p.str('encryption.keyRef', `${SSE_DEFAULT}.KMSMasterKeyID`), 'aws-managed', 'BucketEncryption') };
  }
  return { sseAlgorithm: algorithm, encryption: { atRest: 'aws-owned', path: 'BucketEncryption' } };
}

function versioning(p: Props): Tri {
  p.track('backup.versioning', 'VersioningConfiguration.Status');
  const status = p.get('VersioningConfiguration.Status');
  if (isUnknown(status)) return status;
  return status === 'Enabled';
}

function accessLogging(p: Props): Tri {
  p.track('s3.accessLogging', 'LoggingConfiguration');
  const logging = p.get('LoggingConfiguration');
  if (isUnknown(logging)) return logging;
  return logging !== undefined && logging !== null;
}

const bucket: TypeMapper = (p) => {
  const { encryption, sseAlgorithm } = bucketEncryption(p);
  const block = (k: string) => p.bool(`publicAccess.${k.charAt(0).toLowerCase()}${k.slice(1)}`, `PublicAccessBlockConfiguration.${k}`, false);
  return {
    name: p.text('BucketName'),
    facets: {
      encryption,
      publicAccess: {
        blockPublicAcls: block('BlockPublicAcls'),
        ignorePublicAcls: block('IgnorePublicAcls'),
        blockPublicPolicy: block('BlockPublicPolicy'),
        restrictPublicBuckets: block('RestrictPublicBuckets'),
      },
      backup: { versioning: versioning(p) },
      s3: { sseAlgorithm, accessLogging: accessLogging(p) },
    },
  };
};

const bucketPolicy: TypeMapper = (p) => {
  p.track('s3.bucketPolicy', 'PolicyDocument');
  const target = p.str('s3.policyBucket', 'Bucket');
  return {
    facets: {
      s3: {
        ...(target !== undefined ? { policyBucket: target } : {}),
        bucketPolicy: normalizePolicy(p.get('PolicyDocument'), 'PolicyDocument'),
      },
    },
  };
};

export const S3_MAPPERS: Record<string, TypeMapper> = {
  'AWS::S3::Bucket': bucket,
  'AWS::S3::BucketPolicy': bucketPolicy,
};
