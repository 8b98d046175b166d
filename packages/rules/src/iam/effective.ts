import type { RefTarget, Resource, V } from '../model';
import { isUnknown } from '../model';
import type { ResourceIndex } from '../engine/resource-index';
import { awsManagedModel, awsManagedPolicyName } from './aws-managed';
import { coversAction, coversAnyResource, coversResource, isConditioned, isDeny } from './statement';
import { allOf, anyOf } from './tri';
import { foldedFrom, POLICY_TYPES, PRINCIPAL_TYPES, writtenStatements, type WrittenStatement } from './sites';

/** A statement in a principal's combined permissions, with how the principal gets it. */
export interface GrantedStatement extends WrittenStatement {
  via: 'inline' | 'policy-resource' | 'aws-managed' | 'boundary';
  /** Set when a user gets it through a group (the group's id). */
  group?: string;
}

export interface EffectivePermissions {
  principal: string;
  /** Allow statements, and statements whose Effect cannot be read (they may allow). */
  allows: GrantedStatement[];
  /** Deny statements, kept apart for later diff work; nothing is subtracted here. */
  denies: GrantedStatement[];
  /** Names of attached AWS-managed policies (`AdministratorAccess`), modelled or not. */
  awsManaged: string[];
  /** What could not be followed: unresolved attachments, unreadable documents, unmodelled AWS-managed policies. */
  gaps: string[];
  /** The permissions boundary, when the principal has one (see `PermissionsBoundary`). */
  boundary?: PermissionsBoundary;
}

/**
 * A principal's permissions boundary. `resolved`: its statements (a customer-managed policy of the
 * input, or a modelled AWS-managed one); the principal may use only what both its identity
 * policies and the boundary's Allows grant, and the boundary's Denies deny. `unresolved`: a
 * reference, a policy outside the input, an unmodelled AWS-managed policy or an unreadable
 * document — it may narrow access, but by how much is unknown, so it must never be taken to narrow
 * anything (the safe side for rules looking for dangerous grants).
 */
export type PermissionsBoundary =
  | { kind: 'resolved'; ref: string; name: string; allows: GrantedStatement[]; denies: GrantedStatement[] }
  | { kind: 'unresolved'; ref: string; reason: string };

export interface PermissionsContext {
  index: ResourceIndex;
}

/**
 * The combined identity-policy statements of one principal: its own inline policies; customer-
 * managed policies it attaches (resolved through the index); policy resources whose
 * `iam.attachedTo` names it, and attachment resources not yet folded; for users, the same for each
 * group; AWS-managed policies by name (approximated, see aws-managed.ts). Each document is
 * counted once however many routes lead to it. `allows`/`denies` are the identity policies as
 * written; the permissions boundary, when there is one, comes apart in `boundary` (see
 * `withinBoundary`). SCPs and session policies only ever narrow access and are ignored.
 */
export function effectivePermissions(principal: Resource, ctx: PermissionsContext): EffectivePermissions {
  let byPrincipal = memo.get(ctx.index);
  if (!byPrincipal) {
    byPrincipal = new WeakMap();
    memo.set(ctx.index, byPrincipal);
  }
  let hit = byPrincipal.get(principal);
  if (!hit) {
    hit = compute(principal, ctx);
    byPrincipal.set(principal, hit);
  }
  return hit;
}

/** Per index and principal: the escalation rule of the scan and the change rules of the diff ask alike. Callers must not change the result. */
const memo = new WeakMap<ResourceIndex, WeakMap<Resource, EffectivePermissions>>();

/**
 * The resources of the input a principal's permissions are read from: itself, the policies and
 * groups its statements come from, its permissions boundary. When none of them changed between two
 * versions, neither did its access.
 */
export function permissionSources(eff: EffectivePermissions, index: ResourceIndex): Resource[] {
  let hit = sourcesMemo.get(eff);
  if (!hit) {
    hit = computeSources(eff, index);
    sourcesMemo.set(eff, hit);
  }
  return hit;
}
/** Per effective-permissions object (itself memoised per index and principal). */
const sourcesMemo = new WeakMap<EffectivePermissions, Resource[]>();

function computeSources(eff: EffectivePermissions, index: ResourceIndex): Resource[] {
  const ids = new Set<string>([eff.principal]);
  for (const g of [...eff.allows, ...eff.denies]) {
    ids.add(g.resourceId);
    if (g.group) ids.add(g.group);
  }
  if (eff.boundary?.kind === 'resolved') ids.add(eff.boundary.name);
  const out = new Set<Resource>();
  for (const id of ids) {
    const r = index.get(id);
    if (!r) continue;
    out.add(r);
    // Attachment resources that name the principal or a group of it (their policies are sources too).
    if (PRINCIPAL_TYPES.includes(r.type)) for (const a of attachingResources(index).get(r) ?? []) out.add(a);
  }
  return [...out];
}

function compute(principal: Resource, ctx: PermissionsContext): EffectivePermissions {
  const out: EffectivePermissions = { principal: principal.id, allows: [], denies: [], awsManaged: [], gaps: [] };
  const seenPolicies = new Set<string>();
  collect(principal, ctx.index, out, seenPolicies, undefined);
  if (principal.type === 'AWS::IAM::User') {
    for (const g of principal.facets.iam?.groups ?? []) {
      if (isUnknown(g)) {
        out.gaps.push(`a group of ${principal.id} cannot be resolved: ${g.reason}`);
        continue;
      }
      const group = ctx.index.resolve(g, ['AWS::IAM::Group']);
      if (!group) out.gaps.push(`group ${g} is not in the input`);
      else collect(group, ctx.index, out, seenPolicies, group.id);
    }
  }
  const boundary = principal.type === 'AWS::IAM::Group' ? undefined : principal.facets.iam?.permissionsBoundary;
  if (boundary !== undefined) out.boundary = resolveBoundary(boundary, ctx.index);
  return out;
}

/**
 * Whether the principal's boundary lets it use `action` (on `resource`, or on some resource when
 * omitted): `true` without a boundary or with an unresolved one (never narrowed on a guess);
 * `false` when no boundary Allow covers it or an unconditioned boundary Deny blocks it.
 */
export function withinBoundary(eff: EffectivePermissions, action: string, resource?: string): V<boolean> {
  const b = eff.boundary;
  if (!b || b.kind === 'unresolved') return true;
  if (b.denies.some((d) => isConditioned(d.statement) === false && allOf([coversAction(d.statement, action), resource === undefined ? coversAnyResource(d.statement) : coversResource(d.statement, resource)]) === true)) return false;
  return anyOf(b.allows.map((g) => allOf([coversAction(g.statement, action), resource === undefined ? true : coversResource(g.statement, resource)])));
}

/** The boundary a principal's `permissionsBoundary` names: its statements, or why they cannot be read. */
export function resolveBoundary(ref: V<RefTarget>, index: ResourceIndex): PermissionsBoundary {
  if (isUnknown(ref)) return { kind: 'unresolved', ref: `<unresolved: ${ref.reason}>`, reason: `the permissions boundary cannot be resolved: ${ref.reason}` };
  const split = (statements: WrittenStatement[], name: string): PermissionsBoundary => {
    const allows: GrantedStatement[] = [];
    const denies: GrantedStatement[] = [];
    for (const s of statements) (isDeny(s.statement) === true ? denies : allows).push({ ...s, via: 'boundary' });
    return { kind: 'resolved', ref, name, allows, denies };
  };
  const awsName = awsManagedPolicyName(ref);
  if (awsName !== undefined) {
    const model = awsManagedModel(awsName);
    if (model.kind === 'unmodelled') return { kind: 'unresolved', ref, reason: `the permissions boundary is AWS-managed policy ${awsName}, which is not modelled` };
    return split(model.statements.map((statement, i) => ({ statement, resourceId: ref, path: `Statement[${i}]`, policyName: awsName })), `AWS-managed ${awsName}`);
  }
  const r = index.resolve(ref, POLICY_TYPES);
  if (!r) return { kind: 'unresolved', ref, reason: `the permissions boundary ${ref} is not in the input` };
  const sites = writtenStatements(r, index);
  if (sites.unreadable.length) return { kind: 'unresolved', ref, reason: `the permissions boundary ${r.id} cannot be read: ${sites.unreadable.map((u) => u.reason).join('; ')}` };
  return split(sites.statements, r.id);
}

function add(out: EffectivePermissions, s: WrittenStatement, via: GrantedStatement['via'], group: string | undefined): void {
  const g: GrantedStatement = group ? { ...s, via, group } : { ...s, via };
  if (isDeny(g.statement) === true) out.denies.push(g);
  else out.allows.push(g);
}

function addSites(resource: Resource, index: ResourceIndex, out: EffectivePermissions, via: GrantedStatement['via'], group: string | undefined): void {
  const sites = writtenStatements(resource, index);
  for (const s of sites.statements) add(out, s, via, group);
  for (const u of sites.unreadable) out.gaps.push(`policy in ${u.resourceId} (${u.path}) cannot be read: ${u.reason}`);
}

function collect(p: Resource, index: ResourceIndex, out: EffectivePermissions, seenPolicies: Set<string>, group: string | undefined): void {
  const iam = p.facets.iam;
  const policyResource = (r: Resource) => {
    if (seenPolicies.has(r.id)) return;
    seenPolicies.add(r.id);
    addSites(r, index, out, 'policy-resource', group);
  };
  // Own inline policies; those the linker folded in from policy resources count as that resource.
  addSites(p, index, out, 'inline', group);
  for (const ip of iam?.inlinePolicies ?? []) {
    const from = foldedFrom(ip, index);
    if (from) policyResource(from);
  }

  const managedRef = (ref: V<RefTarget>) => {
    if (isUnknown(ref)) {
      out.gaps.push(`a managed policy of ${p.id} cannot be resolved: ${ref.reason}`);
      return;
    }
    const awsName = awsManagedPolicyName(ref);
    if (awsName !== undefined) {
      if (seenPolicies.has(`aws:${awsName}`)) return;
      seenPolicies.add(`aws:${awsName}`);
      out.awsManaged.push(awsName);
      const model = awsManagedModel(awsName);
      if (model.kind === 'unmodelled') out.gaps.push(`AWS-managed policy ${awsName} is not modelled`);
      else model.statements.forEach((statement, i) => add(out, { statement, resourceId: ref, path: `Statement[${i}]`, policyName: awsName }, 'aws-managed', group));
      return;
    }
    const r = index.resolve(ref, POLICY_TYPES);
    if (r) policyResource(r);
    else out.gaps.push(`managed policy ${ref} is not in the input`);
  };

  (iam?.managedPolicies ?? []).forEach(managedRef);

  // Policy and attachment resources that name this principal but were not folded in.
  for (const r of attachingResources(index).get(p) ?? []) {
    if (POLICY_TYPES.includes(r.type)) policyResource(r);
    else if (r.type === 'Pillarguard::IAM::PolicyAttachment') {
      (r.facets.iam?.managedPolicies ?? []).forEach(managedRef);
    }
  }
}

/** Principal → the policy and attachment resources whose `attachedTo` names it; built once per index. */
const attachingByIndex = new WeakMap<ResourceIndex, Map<Resource, Resource[]>>();
function attachingResources(index: ResourceIndex): Map<Resource, Resource[]> {
  let map = attachingByIndex.get(index);
  if (map) return map;
  map = new Map();
  for (const r of index.all()) {
    const f = r.facets.iam;
    if (!f?.attachedTo || f.principalKind !== undefined) continue;
    const named = new Set<Resource>();
    for (const t of f.attachedTo) {
      const p = isUnknown(t) ? undefined : index.resolve(t, PRINCIPAL_TYPES);
      if (p && p !== r) named.add(p);
    }
    for (const p of named) map.set(p, [...(map.get(p) ?? []), r]);
  }
  attachingByIndex.set(index, map);
  return map;
}
