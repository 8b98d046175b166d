import type { NamedPolicy, PolicyDocument, PolicyStatement, Resource } from '../model';
import { isUnknown } from '../model';
import type { ResourceIndex } from '../engine/resource-index';

/** Canonical types of IAM principals and of IAM policy resources. */
export const PRINCIPAL_TYPES: readonly string[] = ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'];
export const POLICY_TYPES: readonly string[] = ['AWS::IAM::Policy', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy', 'AWS::IAM::ManagedPolicy'];

/** One statement with where it is written, so a finding names the right resource and property. */
export interface WrittenStatement {
  statement: PolicyStatement;
  /** Resource id where the statement is written (or the AWS-managed policy ARN). */
  resourceId: string;
  /** Statement path: the adapter's (`Policies[0].PolicyDocument.Statement[1]`) or a facet path. */
  path: string;
  policyName?: string;
}

/** A document that could not be read, where it is written. */
export interface UnreadableDocument {
  resourceId: string;
  path: string;
  reason: string;
}

export interface StatementSites {
  statements: WrittenStatement[];
  unreadable: UnreadableDocument[];
}

/**
 * Whether an inline policy of a principal was folded in by the linker from a separate policy
 * resource (CFN `AWS::IAM::Policy`, TF `aws_iam_role_policy`): the linker marks its path
 * `(<resource id>)`, and its statements are written — and reported — on that resource.
 */
export function foldedFrom(policy: NamedPolicy, index: ResourceIndex): Resource | undefined {
  const m = /^\((.+)\)$/.exec(policy.path ?? '');
  if (m) {
    const r = index.get(m[1]);
    if (r && POLICY_TYPES.includes(r.type)) return r;
  }
  return policyByDocument(index).get(policy.document);
}

/** Policy resources by their document object, built once per index (a lookup per inline policy would be quadratic). */
const documentsByIndex = new WeakMap<ResourceIndex, Map<PolicyDocument, Resource>>();
function policyByDocument(index: ResourceIndex): Map<PolicyDocument, Resource> {
  let map = documentsByIndex.get(index);
  if (!map) {
    map = new Map();
    for (const r of index.ofType(...POLICY_TYPES)) {
      const doc = r.facets.iam?.document;
      if (doc && !map.has(doc)) map.set(doc, r);
    }
    documentsByIndex.set(index, map);
  }
  return map;
}

function fromDocument(doc: PolicyDocument, resourceId: string, base: string, policyName: string | undefined, out: StatementSites): void {
  if (doc.unknownReason !== undefined) out.unreadable.push({ resourceId, path: base, reason: doc.unknownReason });
  doc.statements.forEach((statement, i) => {
    out.statements.push({ statement, resourceId, path: statement.path ?? `${base}.Statement[${i}]`, policyName });
  });
}

/**
 * The statements written in one resource: a principal's own inline policies (not those folded in
 * from policy resources), or a policy resource's document. Trust policies are not included.
 */
export function writtenStatements(resource: Resource, index: ResourceIndex): StatementSites {
  const out: StatementSites = { statements: [], unreadable: [] };
  const iam = resource.facets.iam;
  if (!iam) return out;
  if (PRINCIPAL_TYPES.includes(resource.type)) {
    (iam.inlinePolicies ?? []).forEach((p, i) => {
      if (foldedFrom(p, index)) return;
      const name = isUnknown(p.name) ? undefined : p.name;
      fromDocument(p.document, resource.id, p.path ?? `iam.inlinePolicies[${i}].document`, name, out);
    });
  } else if (iam.document) {
    const name = typeof resource.name === 'string' ? resource.name : undefined;
    fromDocument(iam.document, resource.id, 'iam.document', name, out);
  }
  return out;
}

/**
 * Principals of the input that a policy resource applies to: those its `iam.attachedTo` names and
 * those whose `iam.managedPolicies` point at it.
 */
export function principalsOf(policy: Resource, index: ResourceIndex): Resource[] {
  const out = new Set<Resource>();
  for (const t of policy.facets.iam?.attachedTo ?? []) {
    const p = isUnknown(t) ? undefined : index.resolve(t, PRINCIPAL_TYPES);
    if (p) out.add(p);
  }
  for (const p of attachersByIndex(index).get(policy) ?? []) out.add(p);
  return [...out];
}

/** Policy resource → principals whose `managedPolicies` point at it; built once per index. */
const attachers = new WeakMap<ResourceIndex, Map<Resource, Resource[]>>();
function attachersByIndex(index: ResourceIndex): Map<Resource, Resource[]> {
  let map = attachers.get(index);
  if (map) return map;
  map = new Map();
  for (const p of index.ofType(...PRINCIPAL_TYPES)) {
    for (const ref of p.facets.iam?.managedPolicies ?? []) {
      const policy = isUnknown(ref) ? undefined : index.resolve(ref, POLICY_TYPES);
      if (policy && !(map.get(policy) ?? []).includes(p)) map.set(policy, [...(map.get(policy) ?? []), p]);
    }
  }
  attachers.set(index, map);
  return map;
}
