import type { Resource } from '../../model';
import { isUnknown } from '../../model';
import type { RuleContext } from '../../rules/types';
import { describeAtRest, effectiveAtRest, keyOf } from '../../rules/support';
import type { ChangeRule } from '../types';
import { bothSides, lost, type State } from './protection';
import { glueDowngrades, GLUE_ENCRYPTED_TYPES } from './encryption-glue';

/** Data stores whose encryption at rest the model records (`encryption`), and trails (`trail.kmsKey`). */
const ENCRYPTED_TYPES = [
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
  'AWS::Redshift::Cluster',
  'AWS::RedshiftServerless::Namespace',
  'AWS::SecretsManager::Secret',
  'AWS::Logs::LogGroup',
  'AWS::Kinesis::Stream',
  'AWS::CloudTrail::Trail',
  ...GLUE_ENCRYPTED_TYPES,
] as const;

const TRAIL = 'AWS::CloudTrail::Trail';

/** The key a side names, for the message: the key resource when the input defines it, else the reference as written. */
function keyName(ref: unknown, key: Resource | undefined): string {
  if (key) return key.id;
  return typeof ref === 'string' ? ref : 'a key';
}

/** Whether a data store is encrypted with a customer-managed key, following the key as the scan rules do. */
function storeState(r: Resource, ctx: RuleContext): State {
  const atRest = effectiveAtRest(r, ctx);
  // No encryption facet at all: the service default, which is never a customer-managed key.
  if (atRest === undefined) return { holds: false, text: 'no encryption settings (service default)' };
  if (isUnknown(atRest)) return { holds: atRest, text: describeAtRest(atRest) };
  const key = atRest === 'cmk' || atRest === 'aws-managed' ? r.facets.encryption?.keyRef : undefined;
  const named = key === undefined || isUnknown(key) ? '' : ` (${keyName(key, keyOf(r, ctx))})`;
  return { holds: atRest === 'cmk', text: `${describeAtRest(atRest)}${named}` };
}

/** A trail's logs: SSE-KMS with the key `KMSKeyId` names, or S3's own encryption when none is named. */
function trailState(r: Resource, ctx: RuleContext): State {
  const ref = r.facets.trail?.kmsKey ?? null;
  if (ref === null) return { holds: false, text: 'logs encrypted by S3 (no KMS key)' };
  if (isUnknown(ref)) return { holds: ref, text: `unknown (${ref.reason})` };
  const key = ctx.index.resolve(ref, ['AWS::KMS::Key']);
  const awsManaged = /(^|:)alias\/aws\//.test(ref) || key?.facets.kms?.keyManager === 'AWS';
  return { holds: !awsManaged, text: `logs encrypted with ${awsManaged ? 'an AWS-managed' : 'a customer-managed'} key (${keyName(ref, key)})` };
}

function stateOf(r: Resource, ctx: RuleContext): State {
  return r.type === TRAIL ? trailState(r, ctx) : storeState(r, ctx);
}

/** The key resources either side uses, for `related`. */
function keysOf(r: Resource, ctx: RuleContext): string[] {
  const ref = r.type === TRAIL ? r.facets.trail?.kmsKey : r.facets.encryption?.keyRef;
  const key = ref === null ? undefined : ctx.index.resolve(ref, ['AWS::KMS::Key']);
  return key ? [key.id] : [];
}

/**
 * `encryption.downgraded`: a data store (or a trail's logs) encrypted with a customer-managed key
 * in base is, in head, encrypted with an AWS-managed or AWS-owned key, or not at all. Both sides
 * are judged with their own context, so a key that head turns into an `alias/aws/*` reference
 * counts as the downgrade it is. Glue: a security configuration's S3, CloudWatch or bookmark mode
 * leaving KMS, a job or crawler dropping or swapping its configuration for a weaker one, the Data
 * Catalog's encryption at rest or of connection passwords turned off (encryption-glue.ts).
 */
export const encryptionDowngraded: ChangeRule = {
  kind: 'change',
  id: 'encryption.downgraded',
  pillar: 'encryption',
  severity: 'high',
  title: 'Data moved off its customer-managed KMS key',
  rationale:
    'A customer-managed key lets the team decide, in the key policy, who may decrypt the data, and audit every use; an AWS-managed or AWS-owned key admits anyone the service admits, and no key at all leaves the data readable from the storage. The article asks red data to use customer-managed keys: moving away from one loses that control for everything already stored.',
  remediation: {
    cloudformation:
      'OrdersTable:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    SSESpecification:\n      SSEEnabled: true\n      SSEType: KMS\n      KMSMasterKeyId: !GetAtt OrdersKey.Arn   # keep the customer-managed key\n# RDS/Redshift/Secrets/Logs: KmsKeyId: !GetAtt OrdersKey.Arn; CloudTrail: KMSKeyId',
    terraform:
      'resource "aws_dynamodb_table" "orders" {\n  server_side_encryption {\n    enabled     = true\n    kms_key_arn = aws_kms_key.orders.arn # keep the customer-managed key\n  }\n}\n# aws_rds_cluster / aws_redshift_cluster / aws_secretsmanager_secret / aws_cloudwatch_log_group / aws_cloudtrail: kms_key_id',
  },
  appliesTo: ENCRYPTED_TYPES,
  references: [
    'https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-mgmt',
    'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.howitworks.html',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html',
  ],
  compare(pair, ctx) {
    const sides = bothSides(pair);
    if (!sides) return undefined;
    if ((GLUE_ENCRYPTED_TYPES as readonly string[]).includes(sides.head.type)) {
      const results = glueDowngrades(sides.base, sides.head, ctx).filter((r): r is NonNullable<typeof r> => r !== undefined);
      return results.length ? results : undefined;
    }
    const related = [...new Set([...keysOf(sides.base, ctx.base), ...keysOf(sides.head, ctx.head)])];
    const path = sides.head.type === TRAIL ? 'trail.kmsKey' : 'encryption.atRest';
    return lost(
      { label: 'customer-managed key encryption', path, related: related.length ? related : undefined },
      stateOf(sides.base, ctx.base),
      stateOf(sides.head, ctx.head),
    );
  },
};
