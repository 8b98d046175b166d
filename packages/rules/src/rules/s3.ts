import type { PolicyDocument, PolicyStatement, Resource, Tri, V } from '../model';
import { isUnknown, unknown } from '../model';
import type { AnyRule, CheckResult, Rule, RuleContext } from './types';
import { describeAtRest, fail, pass, requireTrue, unknownResult } from './support';
import { atRestOf, demandOf, keyRelated, underUnknownDemand } from './demand';

const BUCKET = 'AWS::S3::Bucket';

const BLOCK_SETTINGS = ['blockPublicAcls', 'ignorePublicAcls', 'blockPublicPolicy', 'restrictPublicBuckets'] as const;

const blockPublicAccess: Rule = {
  id: 's3.block-public-access',
  pillar: 'network',
  severity: 'high',
  title: 'S3 buckets turn on all four public access block settings',
  rationale:
    'Each of the four settings closes one way to make objects public (new ACLs, existing ACLs, public policies, cross-account access through a public policy); one left off is enough for a leak. The article (Glue example) asks to block public access to S3 buckets.',
  remediation: {
    cloudformation:
      'DataBucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    PublicAccessBlockConfiguration:\n      BlockPublicAcls: true\n      IgnorePublicAcls: true\n      BlockPublicPolicy: true\n      RestrictPublicBuckets: true',
    terraform:
      'resource "aws_s3_bucket_public_access_block" "data" {\n  bucket                  = aws_s3_bucket.data.id\n  block_public_acls       = true\n  ignore_public_acls      = true\n  block_public_policy     = true\n  restrict_public_buckets = true\n}',
  },
  appliesTo: [BUCKET],
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  check(bucket) {
    const access = bucket.facets.publicAccess ?? {};
    // An absent setting is false: the adapters report what the input says (facets.ts).
    const value = (name: (typeof BLOCK_SETTINGS)[number]): Tri => access[name] ?? false;
    const off = BLOCK_SETTINGS.filter((n) => value(n) === false);
    const unsure = BLOCK_SETTINGS.flatMap((n) => {
      const v = value(n);
      return isUnknown(v) ? [{ name: n, reason: v.reason }] : [];
    });
    if (off.length) return fail(`public access block settings off: ${off.join(', ')}.`, `publicAccess.${off[0]}`);
    if (unsure.length) {
      const reasons = unsure.map((x) => `${x.name}: ${x.reason}`);
      return unknownResult(`cannot tell whether public access is blocked (${reasons.join('; ')}).`, `publicAccess.${unsure[0].name}`);
    }
    return pass('all four public access block settings are on.', 'publicAccess');
  },
};

const encryption: Rule = {
  id: 's3.encryption',
  pillar: 'encryption',
  severity: 'medium',
  title: 'S3 encryption matches the classification',
  rationale:
    'The article (pillar 4, encryption as needed) asks red data to be encrypted with customer-managed KMS keys, and orange data to be encrypted and guarded by a bucket policy; green data needs neither. Unclassified buckets are held to the orange baseline.',
  remediation: {
    cloudformation:
      'DataBucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    BucketEncryption:\n      ServerSideEncryptionConfiguration:\n        - ServerSideEncryptionByDefault:\n            SSEAlgorithm: aws:kms\n            KMSMasterKeyID: !GetAtt DataKey.Arn\n          BucketKeyEnabled: true\nDataBucketPolicy:\n  Type: AWS::S3::BucketPolicy   # orange: a bucket policy is required too\n  Properties:\n    Bucket: !Ref DataBucket\n    PolicyDocument: { ... }',
    terraform:
      'resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.data.arn\n    }\n    bucket_key_enabled = true\n  }\n}\n\nresource "aws_s3_bucket_policy" "data" { # orange: a bucket policy is required too\n  bucket = aws_s3_bucket.data.id\n  policy = data.aws_iam_policy_document.data.json\n}',
  },
  appliesTo: [BUCKET],
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html'],
  check(bucket, ctx) {
    const demand = demandOf(bucket, ctx);
    if (demand === 'none') return undefined;
    if (isUnknown(demand)) return underUnknownDemand(redEncryption(bucket, ctx), demand);
    return demand === 'red' ? redEncryption(bucket, ctx) : baselineEncryption(bucket, ctx);
  },
};

/** Red: SSE-KMS (or DSSE-KMS) with a customer-managed key. */
function redEncryption(bucket: Resource, ctx: RuleContext): CheckResult {
  const path = 'encryption.atRest';
  const atRest = atRestOf(bucket, ctx, 'aws-owned'); // S3 applies SSE-S3 when nothing is configured
  const algorithm = bucket.facets.s3?.sseAlgorithm ?? 'AES256';
  const related = keyRelated(bucket, ctx);
  if (isUnknown(algorithm)) return unknownResult(`the encryption algorithm is unknown (${algorithm.reason}).`, 's3.sseAlgorithm', related);
  if (isUnknown(atRest)) return unknownResult(`cannot tell which key encrypts the bucket (${atRest.reason}).`, path, related);
  if (atRest === 'cmk' && algorithm.toLowerCase().startsWith('aws:kms')) return pass(`red bucket uses ${algorithm} with a customer-managed key.`, path, related);
  return fail(`red bucket is ${describeAtRest(atRest)} (${algorithm}); red data needs SSE-KMS with a customer-managed key.`, path, related);
}

/** Orange and unclassified: encrypted (SSE-S3 counts) and a bucket policy in place. */
function baselineEncryption(bucket: Resource, ctx: RuleContext): CheckResult {
  const atRest = atRestOf(bucket, ctx, 'aws-owned');
  if (isUnknown(atRest)) return unknownResult(`cannot tell how the bucket is encrypted (${atRest.reason}).`, 'encryption.atRest');
  if (atRest === 'none') return fail('bucket is not encrypted.', 'encryption.atRest');
  const who = ctx.level(bucket) === 'orange' ? 'orange bucket' : 'unclassified bucket (held to orange)';
  const policy = bucket.facets.s3?.bucketPolicy;
  if (policy?.unknownReason !== undefined) return unknownResult(`${who} is ${describeAtRest(atRest)}, but its bucket policy cannot be read (${policy.unknownReason}).`, 's3.bucketPolicy');
  if (!policy || policy.statements.length === 0) return fail(`${who} is ${describeAtRest(atRest)} but has no bucket policy.`, 's3.bucketPolicy');
  return pass(`${who} is ${describeAtRest(atRest)} and has a bucket policy.`, 's3.bucketPolicy');
}

const secureTransport: Rule = {
  id: 'tls.s3-secure-transport',
  pillar: 'encryption',
  severity: 'medium',
  title: 'S3 bucket policies deny requests without TLS',
  rationale:
    'S3 answers plain HTTP requests unless the bucket policy denies them, so data and signed requests can cross the network unencrypted. The article (Glue example) asks to require `aws:SecureTransport` on bucket access.',
  remediation: {
    cloudformation:
      'DataBucketPolicy:\n  Type: AWS::S3::BucketPolicy\n  Properties:\n    Bucket: !Ref DataBucket\n    PolicyDocument:\n      Version: "2012-10-17"\n      Statement:\n        - Sid: DenyInsecureTransport\n          Effect: Deny\n          Principal: "*"\n          Action: "s3:*"\n          Resource:\n            - !GetAtt DataBucket.Arn\n            - !Sub "${DataBucket.Arn}/*"\n          Condition:\n            Bool:\n              aws:SecureTransport: "false"',
    terraform:
      'data "aws_iam_policy_document" "data" {\n  statement {\n    sid       = "DenyInsecureTransport"\n    effect    = "Deny"\n    actions   = ["s3:*"]\n    resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "Bool"\n      variable = "aws:SecureTransport"\n      values   = ["false"]\n    }\n  }\n}',
  },
  appliesTo: [BUCKET],
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html', 'https://docs.aws.amazon.com/config/latest/developerguide/s3-bucket-ssl-requests-only.html'],
  check(bucket) {
    const path = 's3.bucketPolicy';
    const policy: PolicyDocument | undefined = bucket.facets.s3?.bucketPolicy;
    if (policy?.unknownReason !== undefined) return unknownResult(`the bucket policy cannot be read (${policy.unknownReason}).`, path);
    if (!policy || policy.statements.length === 0) return fail('no bucket policy, so requests without TLS are not denied.', path);
    const reasons: string[] = [];
    for (const statement of policy.statements) {
      const denies = deniesInsecureTransport(statement);
      if (denies === true) return pass(`the bucket policy denies requests without TLS${statement.sid ? ` (${statement.sid})` : ''}.`, path);
      if (isUnknown(denies)) reasons.push(`${statement.sid ?? statement.path ?? 'a statement'}: ${denies.reason}`);
    }
    if (reasons.length) return unknownResult(`cannot tell whether the bucket policy denies requests without TLS (${reasons.join('; ')}).`, path);
    return fail('the bucket policy does not deny requests without TLS (no Deny of s3:* for everyone when aws:SecureTransport is false).', path);
  },
};

/**
 * A statement that denies every S3 action to every principal on the bucket's objects when the
 * request is not over TLS. `true`, `false`, or unknown when a part it depends on is unresolved.
 */
function deniesInsecureTransport(s: PolicyStatement): V<boolean> {
  return allTrue([
    isUnknown(s.effect) ? unknown(`Effect is unknown (${s.effect.reason})`) : s.effect === 'Deny',
    anyTrue((s.principals ?? []).map((p) => (p.type === '*' ? true : p.type !== 'AWS' ? false : isUnknown(p.value) ? unknown(`Principal is unknown (${p.value.reason})`) : p.value === '*'))),
    anyTrue((s.actions ?? []).map((a) => (isUnknown(a) ? unknown(`Action is unknown (${a.reason})`) : ['s3:*', '*'].includes(a.trim().toLowerCase())))),
    // The objects must be covered (`arn:…:bucket/*`, `${Bucket.Arn}/*` or `*`).
    anyTrue((s.resources ?? []).map((r) => (isUnknown(r) ? unknown(`Resource is unknown (${r.reason})`) : r.trim() === '*' || r.trim().endsWith('/*')))),
    insecureTransportCondition(s),
  ]);
}

/** `Bool` (or `BoolIfExists`) `aws:SecureTransport` = `false`. */
function insecureTransportCondition(s: PolicyStatement): V<boolean> {
  if (isUnknown(s.conditions)) return unknown(`Condition is unknown (${s.conditions.reason})`);
  const found: V<boolean>[] = [];
  for (const [operator, keys] of Object.entries(s.conditions)) {
    if (!['bool', 'boolifexists'].includes(operator.toLowerCase())) continue;
    for (const [key, values] of Object.entries(keys)) {
      if (key.toLowerCase() !== 'aws:securetransport') continue;
      found.push(anyTrue(values.map((v) => (isUnknown(v) ? unknown(`aws:SecureTransport value is unknown (${v.reason})`) : v.trim().toLowerCase() === 'false'))));
    }
  }
  return anyTrue(found);
}

function anyTrue(values: readonly V<boolean>[]): V<boolean> {
  if (values.some((v) => v === true)) return true;
  return values.find(isUnknown) ?? false;
}

function allTrue(values: readonly V<boolean>[]): V<boolean> {
  if (values.some((v) => v === false)) return false;
  return values.find(isUnknown) ?? true;
}

const versioning: Rule = {
  id: 's3.versioning',
  pillar: 'recovery',
  severity: 'low',
  title: 'Red and orange S3 buckets have versioning on',
  rationale:
    'Without versioning an overwrite or delete — by mistake, by a faulty job or by ransomware — destroys the only copy of an object. Red and orange (and unclassified) buckets keep versions so data can be recovered (backup/recovery row of the article).',
  remediation: {
    cloudformation: 'DataBucket:\n  Type: AWS::S3::Bucket\n  Properties:\n    VersioningConfiguration:\n      Status: Enabled',
    terraform: 'resource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}',
  },
  appliesTo: [BUCKET],
  references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html'],
  check(bucket, ctx) {
    const demand = demandOf(bucket, ctx);
    if (demand === 'none') return undefined;
    const result = requireTrue(bucket.facets.backup?.versioning, 'backup.versioning', 'versioning is on.', 'versioning is off.');
    return isUnknown(demand) ? underUnknownDemand(result, demand) : result;
  },
};

export const rules: AnyRule[] = [blockPublicAccess, encryption, secureTransport, versioning];
