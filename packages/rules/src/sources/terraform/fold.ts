import type { Resource, SourceResult } from '../../model';
import { isUnknown } from '../../model';
import { ResourceIndex } from '../../engine/resource-index';
import { literalSecret } from './reader';
import { s3Encryption } from './services/s3';
import type { PolicyResolver } from './policy';
import type { TfResourceInput } from './types';
import { blocks, getPath, isReference, toBool, toStr, toStrItems } from './values';

type Notes = SourceResult['notes'];

/**
 * Finds the resource a folded Terraform resource modifies: by address (the attribute holds a
 * reference such as `${aws_s3_bucket.raw.id}`), else by physical name or ARN (plans hold the
 * resolved name). Built once per mapping run; look-ups are map hits.
 */
export class FoldTargets {
  private readonly byAddress = new Map<string, Resource>();
  private readonly byNameOrArn = new Map<string, Resource>();

  constructor(resources: readonly Resource[]) {
    for (const r of resources) {
      this.byAddress.set(r.id, r);
      if (typeof r.name === 'string' && !this.byNameOrArn.has(`${r.type}|${r.name}`)) this.byNameOrArn.set(`${r.type}|${r.name}`, r);
      if (r.arn) this.byNameOrArn.set(`${r.type}|${r.arn}`, r);
    }
  }

  find(ref: unknown, type: string): Resource | undefined {
    if (typeof ref !== 'string' || ref === '') return undefined;
    if (isReference(ref)) {
      for (const c of ResourceIndex.candidates(ref)) {
        const r = this.byAddress.get(c);
        if (r && r.type === type) return r;
      }
      return undefined;
    }
    return this.byNameOrArn.get(`${type}|${ref}`);
  }
}

/** Records, on the target, where a folded setting comes from (`aws_s3_bucket_versioning.raw.versioning_configuration.status`). */
function fromFolded(target: Resource, input: TfResourceInput, facet: string, path: string): void {
  const full = `${input.address}.${path}`;
  target.facetPaths = { ...target.facetPaths, [facet]: full };
  const line = input.propertyLines?.[path] ?? (input.location.file === target.location.file ? input.location.line : undefined);
  if (line !== undefined && input.location.file === target.location.file) target.propertyLines = { ...target.propertyLines, [full]: line };
  if (!target.notes?.includes(input.address)) target.notes = [...(target.notes ?? []), input.address];
}

function foldS3(bucket: Resource, input: TfResourceInput): void {
  const v = input.values;
  const f = bucket.facets;
  switch (input.type) {
    case 'aws_s3_bucket_versioning': {
      const status = toStr(getPath(v, 'versioning_configuration.status'), 'versioning_configuration.status');
      f.backup = { ...f.backup, versioning: status === undefined ? false : isUnknown(status) ? status : status === 'Enabled' };
      fromFolded(bucket, input, 'backup.versioning', 'versioning_configuration.status');
      break;
    }
    case 'aws_s3_bucket_server_side_encryption_configuration': {
      const rule = blocks(v.rule)[0];
      const enc = s3Encryption(rule, 'rule');
      f.encryption = { ...enc.encryption, path: `${input.address}.${enc.encryption.path}` };
      f.s3 = { ...f.s3, sseAlgorithm: enc.sseAlgorithm };
      fromFolded(bucket, input, 'encryption.atRest', enc.encryption.path ?? 'rule');
      fromFolded(bucket, input, 's3.sseAlgorithm', 'rule.apply_server_side_encryption_by_default.sse_algorithm');
      if (enc.encryption.keyRef !== undefined) fromFolded(bucket, input, 'encryption.keyRef', 'rule.apply_server_side_encryption_by_default.kms_master_key_id');
      break;
    }
    case 'aws_s3_bucket_public_access_block': {
      const flag = (attr: string) => toBool(v[attr], attr) ?? false;
      f.publicAccess = {
        ...f.publicAccess,
        blockPublicAcls: flag('block_public_acls'),
        ignorePublicAcls: flag('ignore_public_acls'),
        blockPublicPolicy: flag('block_public_policy'),
        restrictPublicBuckets: flag('restrict_public_buckets'),
      };
      fromFolded(bucket, input, 'publicAccess.blockPublicAcls', 'block_public_acls');
      fromFolded(bucket, input, 'publicAccess.ignorePublicAcls', 'ignore_public_acls');
      fromFolded(bucket, input, 'publicAccess.blockPublicPolicy', 'block_public_policy');
      fromFolded(bucket, input, 'publicAccess.restrictPublicBuckets', 'restrict_public_buckets');
      break;
    }
    case 'aws_s3_bucket_logging': {
      const target = v.target_bucket;
      f.s3 = { ...f.s3, accessLogging: isUnknown(target) ? target : typeof target === 'string' && target !== '' };
      fromFolded(bucket, input, 's3.accessLogging', 'target_bucket');
      break;
    }
  }
}

/**
 * Folds the split resources into the resource they modify and returns the ones whose target is
 * not in this input and that still carry a finding of their own (a literal secret string).
 */
export function foldResources(resources: Resource[], folded: readonly TfResourceInput[], notes: Notes, policies?: PolicyResolver): TfResourceInput[] {
  if (folded.length === 0) return [];
  const targets = new FoldTargets(resources);
  const orphans: TfResourceInput[] = [];
  const missing = (input: TfResourceInput, what: string, ref: unknown) =>
    notes.push({ file: input.location.file, ...(input.location.line !== undefined ? { line: input.location.line } : {}), message: `${input.address}: ${what} ${typeof ref === 'string' ? ref : JSON.stringify(ref ?? null)} is not in this input; its settings are not checked` });

  for (const input of folded) {
    const v = input.values;
    if (input.type.startsWith('aws_s3_bucket_')) {
      const bucket = targets.find(v.bucket, 'AWS::S3::Bucket');
      if (bucket) foldS3(bucket, input);
      else missing(input, 'bucket', v.bucket);
    } else if (input.type === 'aws_redshift_logging') {
      const cluster = targets.find(v.cluster_identifier, 'AWS::Redshift::Cluster');
      if (cluster) {
        cluster.facets.logging = { ...cluster.facets.logging, auditLogging: true };
        fromFolded(cluster, input, 'logging.auditLogging', 'cluster_identifier');
      } else missing(input, 'cluster', v.cluster_identifier);
    } else if (input.type === 'aws_iam_user_group_membership' || input.type === 'aws_iam_group_membership') {
      // Group membership, from the user's side (one user, its groups) or the group's (one group, its users).
      const byUser = input.type === 'aws_iam_user_group_membership';
      const groups = byUser ? toStrItems(v.groups, 'groups') : [toStr(v.group, 'group')];
      const users = byUser ? [v.user] : (toStrItems(v.users, 'users') ?? []);
      for (const ref of isUnknown(users) ? [users] : users) {
        const user = targets.find(ref, 'AWS::IAM::User');
        if (!user) {
          missing(input, 'user', ref);
          continue;
        }
        const added = (isUnknown(groups) ? [groups] : (groups ?? [])).filter((g) => g !== undefined);
        user.facets.iam = { ...user.facets.iam, groups: [...(user.facets.iam?.groups ?? []), ...added] };
        fromFolded(user, input, 'iam.groups', byUser ? 'groups' : 'group');
      }
    } else if (input.type === 'aws_kms_key_policy') {
      // The key's policy written as its own resource: it replaces the default key policy.
      const key = targets.find(v.key_id, 'AWS::KMS::Key');
      if (key && policies) {
        key.facets.kms = { ...key.facets.kms, policy: policies.resolve(v.policy, `${input.address}.policy`) };
        fromFolded(key, input, 'kms.policy', 'policy');
      } else missing(input, 'key', v.key_id);
    } else if (input.type === 'aws_secretsmanager_secret_version') {
      const literal = literalSecret(v.secret_string, 'secret_string');
      const secret = targets.find(v.secret_id, 'AWS::SecretsManager::Secret');
      if (!secret) {
        if (literal !== false) orphans.push(input);
        else missing(input, 'secret', v.secret_id);
        continue;
      }
      const current = secret.facets.credentials?.plaintextPassword;
      if (current === true || literal === false) continue;
      secret.facets.credentials = { ...secret.facets.credentials, plaintextPassword: literal, passwordPath: `${input.address}.secret_string` };
      fromFolded(secret, input, 'credentials.plaintextPassword', 'secret_string');
    }
  }
  return orphans;
}
