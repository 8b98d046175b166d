import type { Facets, LfGrantTarget, LfTagExpression, NamedPolicy, Resource, V } from '../model';
import { isUnknown } from '../model';
import { ResourceIndex } from './resource-index';

/**
 * Folds resources that only exist to modify another one into the resource they modify, so rules
 * see one complete picture whatever the format split it into: a bucket policy into its bucket, a
 * separate security-group ingress rule into its group, a rotation schedule into its secret, IAM
 * policy attachments into their principals, LF-tag assignments into Glue databases and tables.
 *
 * Returns new Resource objects for every resource it changes (facets copied one level deep); the
 * adapters' output is never mutated. The folded resources stay in the list (a diff still needs
 * them) but no rule applies to their types except where RULES.md says so.
 */
export function linkResources(resources: readonly Resource[]): Resource[] {
  const out = resources.map((r) => ({ ...r, facets: { ...r.facets } }));
  const index = new ResourceIndex(out);
  const touched = new Set<Resource>();
  const edit = <K extends keyof Facets>(r: Resource, key: K): NonNullable<Facets[K]> => {
    if (!touched.has(r)) touched.add(r);
    const current = r.facets[key];
    const copy = (current ? cloneFacet(current) : {}) as NonNullable<Facets[K]>;
    r.facets[key] = copy;
    return copy;
  };
  const note = (r: Resource, text: string) => {
    r.notes = [...(r.notes ?? []), text];
  };

  for (const r of out) {
    // S3 bucket policy → bucket.
    const bucketRef = r.facets.s3?.policyBucket;
    if (r.type === 'AWS::S3::BucketPolicy' && bucketRef !== undefined && r.facets.s3?.bucketPolicy) {
      const bucket = index.resolve(bucketRef, ['AWS::S3::Bucket']);
      if (bucket) {
        edit(bucket, 's3').bucketPolicy = r.facets.s3.bucketPolicy;
        note(bucket, `bucket policy from ${r.id}`);
      }
    }
    // Separate ingress rules → their security group.
    if (r.type === 'AWS::EC2::SecurityGroupIngress' && r.facets.network?.ingress) {
      const groups = r.facets.network.securityGroups;
      for (const g of isUnknown(groups) || !groups ? [] : groups) {
        const sg = index.resolve(g, ['AWS::EC2::SecurityGroup']);
        if (sg) {
          const net = edit(sg, 'network');
          net.ingress = [...(net.ingress ?? []), ...r.facets.network.ingress.map((rule) => ({ ...rule, path: rule.path ?? `(${r.id})` }))];
          note(sg, `ingress rule from ${r.id}`);
        }
      }
    }
    // Rotation schedule → secret.
    if (r.type === 'AWS::SecretsManager::RotationSchedule' && r.facets.secret?.rotates !== undefined) {
      const secret = index.resolve(r.facets.secret.rotates, ['AWS::SecretsManager::Secret']);
      if (secret) {
        edit(secret, 'secret').rotation = true;
        note(secret, `rotation schedule ${r.id}`);
      }
    }
    // IAM: inline policy resources and attachments → principals.
    const iam = r.facets.iam;
    if (iam && iam.principalKind === undefined && iam.attachedTo) {
      for (const target of iam.attachedTo) {
        const principal = index.resolve(target, ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);
        if (!principal) continue;
        const pf = edit(principal, 'iam');
        if (r.type === 'AWS::IAM::UserToGroupAddition') {
          pf.groups = [...(pf.groups ?? []), ...(iam.groups ?? [])];
        } else if (r.type === 'Pillarguard::IAM::PolicyAttachment') {
          pf.managedPolicies = [...(pf.managedPolicies ?? []), ...(iam.managedPolicies ?? [])];
        } else if (iam.inline && iam.document) {
          const named: NamedPolicy = { name: r.name ?? r.id, document: iam.document, path: `(${r.id})` };
          pf.inlinePolicies = [...(pf.inlinePolicies ?? []), named];
        } else if (iam.document) {
          pf.managedPolicies = [...(pf.managedPolicies ?? []), r.id];
        }
        note(principal, `policy ${r.id}`);
      }
    }
    // LF-tag assignments → Glue database / table (tag keys given as references to the LF-tag resolved first).
    const rawAssignment = r.facets.lakeformation?.assignment;
    const assignment = rawAssignment && { ...rawAssignment, tags: resolveTagKeys(rawAssignment.tags, index) };
    if (assignment && rawAssignment && assignment.tags.some((t, i) => t.key !== rawAssignment.tags[i].key)) edit(r, 'lakeformation').assignment = assignment;
    const policy = r.facets.lakeformation?.grant?.target;
    if (policy?.kind === 'lf-tag-policy') {
      const expression = resolveTagKeys(policy.expression, index);
      if (expression.some((t, i) => t.key !== policy.expression[i].key)) {
        const lf = edit(r, 'lakeformation');
        lf.grant = { ...lf.grant!, target: { ...policy, expression } };
      }
    }
    if (assignment) {
      const target = glueTargetOf(assignment.target, index);
      if (target) {
        const lf = edit(target, 'lakeformation');
        lf.assignedTags = [...(lf.assignedTags ?? []), ...assignment.tags];
        note(target, `LF-tags from ${r.id}`);
      }
    }
  }
  return out;
}

/**
 * LF-tag keys written as a reference to the LF-tag resource (CFN `Ref: PiiTag`, TF
 * `aws_lakeformation_lf_tag.pii.key`) become the tag's key, as Lake Formation sees it.
 */
function resolveTagKeys(tags: LfTagExpression[], index: ResourceIndex): LfTagExpression[] {
  return tags.map((t) => {
    if (typeof t.key !== 'string' || !t.key.includes('${')) return t;
    const key = index.resolve(t.key, ['AWS::LakeFormation::Tag'])?.facets.lakeformation?.tag?.key;
    return typeof key === 'string' ? { ...t, key } : t;
  });
}

function cloneFacet<T>(facet: T): T {
  return Array.isArray(facet) ? ([...facet] as T) : ({ ...facet } as T);
}

/** Finds the Glue database or table an LF target names, by catalog name. */
export function glueTargetOf(target: LfGrantTarget, index: ResourceIndex): Resource | undefined {
  const byName = (type: string, name: V<string>, database?: V<string>) => {
    if (isUnknown(name)) return undefined;
    return index.ofType(type).find((r) => {
      const n = r.facets.glue?.catalogName ?? r.name;
      if (n !== name) return false;
      if (database === undefined || isUnknown(database)) return true;
      const db = index.resolve(r.facets.glue?.database, ['AWS::Glue::Database']);
      const dbName = db ? (db.facets.glue?.catalogName ?? db.name) : r.facets.glue?.database;
      return dbName === undefined || dbName === database || (typeof dbName === 'string' && ResourceIndex.candidates(dbName).includes(database)) || (db !== undefined && index.resolve(database, ['AWS::Glue::Database']) === db);
    });
  };
  switch (target.kind) {
    case 'database':
      return byName('AWS::Glue::Database', target.name) ?? index.resolve(isUnknown(target.name) ? undefined : target.name, ['AWS::Glue::Database']);
    case 'table':
      return byName('AWS::Glue::Table', target.name, target.database) ?? index.resolve(isUnknown(target.name) ? undefined : target.name, ['AWS::Glue::Table']);
    case 'columns':
      return byName('AWS::Glue::Table', target.table, target.database) ?? index.resolve(isUnknown(target.table) ? undefined : target.table, ['AWS::Glue::Table']);
    default:
      return undefined;
  }
}
