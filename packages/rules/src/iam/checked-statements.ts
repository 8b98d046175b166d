import type { Resource } from '../model';
import { isUnknown } from '../model';
import type { ResourceIndex } from '../engine/resource-index';
import { awsManagedModel, awsManagedPolicyName } from './aws-managed';
import { POLICY_TYPES, PRINCIPAL_TYPES, writtenStatements, type UnreadableDocument, type WrittenStatement } from './sites';

/**
 * What a statement-level rule checks on one resource, so each statement problem is reported once,
 * where it is written: the resource's own statements, plus — on a principal — the modelled
 * statements of the AWS-managed policies it attaches (they are written nowhere in the input, so
 * the attachment is the place to report them, at `iam.managedPolicies[i]`). Customer-managed
 * policies are checked on their own resource, not on each principal that attaches them.
 */
export interface CheckedStatements {
  statements: WrittenStatement[];
  unreadable: UnreadableDocument[];
  /** Managed-policy references that cannot be resolved at all (could be any policy). */
  unresolvedRefs: Array<{ path: string; reason: string }>;
  /** AWS-managed policies attached here that aws-managed.ts does not model. */
  unmodelled: Array<{ path: string; name: string }>;
}

/** Memo per index and resource: nine statement rules ask for the same resource's statements. */
const memo = new WeakMap<ResourceIndex, WeakMap<Resource, CheckedStatements>>();

export function checkedStatements(resource: Resource, index: ResourceIndex): CheckedStatements {
  let byResource = memo.get(index);
  if (!byResource) {
    byResource = new WeakMap();
    memo.set(index, byResource);
  }
  let hit = byResource.get(resource);
  if (!hit) {
    hit = computeCheckedStatements(resource, index);
    byResource.set(resource, hit);
  }
  return hit;
}

/**
 * Managed policies used only as permissions boundaries: named by some principal's
 * `PermissionsBoundary`, attached to no one (no `attachedTo`, in no principal's managed policies).
 * A boundary grants nothing — it caps what identity policies grant — and a broad one (`s3:*` on
 * `*`, even `*`) is the normal way to write it, so the grant rules do not judge its statements.
 */
const boundaryOnlyMemo = new WeakMap<ResourceIndex, Set<Resource>>();
export function boundaryOnlyPolicies(index: ResourceIndex): Set<Resource> {
  let hit = boundaryOnlyMemo.get(index);
  if (hit) return hit;
  const bounds = new Set<Resource>();
  const attached = new Set<Resource>();
  for (const p of index.ofType(...PRINCIPAL_TYPES)) {
    const iam = p.facets.iam;
    const b = index.resolve(iam?.permissionsBoundary, POLICY_TYPES);
    if (b) bounds.add(b);
    for (const ref of iam?.managedPolicies ?? []) {
      const m = index.resolve(ref, POLICY_TYPES);
      if (m) attached.add(m);
    }
  }
  hit = new Set([...bounds].filter((r) => !attached.has(r) && r.facets.iam?.inline !== true && (r.facets.iam?.attachedTo ?? []).length === 0));
  boundaryOnlyMemo.set(index, hit);
  return hit;
}

function computeCheckedStatements(resource: Resource, index: ResourceIndex): CheckedStatements {
  if (POLICY_TYPES.includes(resource.type) && boundaryOnlyPolicies(index).has(resource)) return { statements: [], unreadable: [], unresolvedRefs: [], unmodelled: [] };
  const own = writtenStatements(resource, index);
  const out: CheckedStatements = { statements: [...own.statements], unreadable: [...own.unreadable], unresolvedRefs: [], unmodelled: [] };
  if (!PRINCIPAL_TYPES.includes(resource.type)) return out;
  (resource.facets.iam?.managedPolicies ?? []).forEach((ref, i) => {
    const path = `iam.managedPolicies[${i}]`;
    if (isUnknown(ref)) {
      out.unresolvedRefs.push({ path, reason: ref.reason });
      return;
    }
    const name = awsManagedPolicyName(ref);
    if (name === undefined) return;
    const model = awsManagedModel(name);
    if (model.kind === 'unmodelled') out.unmodelled.push({ path, name });
    else for (const statement of model.statements) out.statements.push({ statement, resourceId: resource.id, path, policyName: `AWS-managed ${name}` });
  });
  return out;
}
