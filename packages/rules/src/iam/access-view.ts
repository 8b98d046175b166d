import type { PolicyDocument, PolicyStatement, Resource } from '../model';
import type { ResourceIndex } from '../engine/resource-index';
import { awsManagedModel } from './aws-managed';
import { effectivePermissions, type GrantedStatement } from './effective';
import type { PolicyOwner } from './principal-include';
import { isDeny } from './statement';

/** A statement with where it comes from, so a reported grant names the policy that gives it. */
export interface SourcedStatement {
  statement: PolicyStatement;
  /** Resource id where it is written, or the AWS-managed policy ARN. */
  resourceId: string;
  path: string;
  /** Human-readable origin: `AppRolePolicy PolicyDocument.Statement[1]`, `AWS-managed AdministratorAccess`. */
  label: string;
}

/**
 * Everything one version of a principal (or of a resource-based policy) allows and denies — the
 * input of the access diff. `gaps` are what could not be read (an unresolved attachment, an
 * unreadable document): the view may allow more than its statements say. `opaque` names attached
 * AWS-managed policies whose contents are not modelled: they grant something, we cannot list what.
 */
export interface AccessView {
  allows: SourcedStatement[];
  /** Denies, a permissions boundary's included (an explicit Deny denies wherever it is written). */
  denies: SourcedStatement[];
  gaps: string[];
  opaque: string[];
  /** A principal's permissions boundary: what it may use is `allows` ∩ the boundary's Allows. */
  boundary?: BoundaryView;
  /** For a resource-based policy: whose resource it guards (an account root of the owner only delegates to IAM). */
  owner?: PolicyOwner;
}

/**
 * A permissions boundary as the diff compares it. `key` identifies its content (the same key on
 * both sides: the same boundary). `unknown`: it cannot be read — never taken to narrow head, and
 * what it narrowed in base cannot be told.
 */
export type BoundaryView = { kind: 'known'; key: string; label: string; allows: SourcedStatement[] } | { kind: 'unknown'; key: string; reason: string };

export const EMPTY_VIEW: AccessView = Object.freeze({ allows: [], denies: [], gaps: [], opaque: [] }) as unknown as AccessView;

function labelOf(g: GrantedStatement): string {
  const where =
    g.via === 'boundary' ? `permissions boundary ${g.policyName ?? g.resourceId} ${g.path}` : g.via === 'aws-managed' ? `AWS-managed ${g.policyName ?? g.resourceId}` : `${g.resourceId} ${g.path}`;
  return g.group ? `${where} (through group ${g.group})` : where;
}

/** Structural identity of a statement (its path and Sid aside): an unchanged statement, unreadable parts included, is no change. */
export function statementKey(s: PolicyStatement): string {
  let key = keys.get(s);
  if (key === undefined) {
    key = JSON.stringify([s.effect, s.actions, s.notActions, s.resources, s.notResources, s.principals, s.notPrincipals, s.conditions]);
    keys.set(s, key);
  }
  return key;
}
/** Statements are not changed once read, and the diff asks for each key several times. */
const keys = new WeakMap<PolicyStatement, string>();

/** Memo per index: every change rule asks for the same principal's view. */
const views = new WeakMap<ResourceIndex, WeakMap<Resource, AccessView>>();

/** The combined identity-policy access of a principal (see effective.ts for what is followed). */
export function principalView(principal: Resource, index: ResourceIndex): AccessView {
  let byResource = views.get(index);
  if (!byResource) {
    byResource = new WeakMap();
    views.set(index, byResource);
  }
  const hit = byResource.get(principal);
  if (hit) return hit;
  const eff = effectivePermissions(principal, { index });
  const opaque = eff.awsManaged.filter((name) => awsManagedModel(name).kind === 'unmodelled');
  const opaqueGaps = new Set(opaque.map((name) => `AWS-managed policy ${name} is not modelled`));
  const sourced = (g: GrantedStatement): SourcedStatement => ({ statement: g.statement, resourceId: g.resourceId, path: g.path, label: labelOf(g) });
  const view: AccessView = {
    allows: eff.allows.map(sourced),
    denies: eff.denies.map(sourced),
    gaps: eff.gaps.filter((g) => !opaqueGaps.has(g)),
    opaque,
  };
  const b = eff.boundary;
  if (b?.kind === 'resolved') {
    // Boundary statements are labelled by the boundary's name, and their path within it.
    const inBoundary = (g: GrantedStatement) => sourced({ ...g, policyName: b.name });
    view.denies.push(...b.denies.map(inBoundary));
    const allows = b.allows.map(inBoundary);
    view.boundary = { kind: 'known', key: JSON.stringify(allows.map((a) => statementKey(a.statement)).sort()), label: `permissions boundary ${b.name}`, allows };
  } else if (b) {
    view.boundary = { kind: 'unknown', key: `unresolved\u0000${b.ref}`, reason: b.reason };
  }
  byResource.set(principal, view);
  return view;
}

/** The access one policy document grants (a bucket, key, secret or Glue resource policy, a trust policy). */
export function documentView(doc: PolicyDocument | undefined, resourceId: string, basePath: string, owner?: PolicyOwner): AccessView {
  if (!doc) return EMPTY_VIEW;
  const view: AccessView = { allows: [], denies: [], gaps: [], opaque: [] };
  if (owner) view.owner = owner;
  if (doc.unknownReason !== undefined) view.gaps.push(`the policy at ${resourceId} ${basePath} cannot be read: ${doc.unknownReason}`);
  doc.statements.forEach((statement, i) => {
    const path = statement.path ?? `${basePath}.Statement[${i}]`;
    const s: SourcedStatement = { statement, resourceId, path, label: `${resourceId} ${path}` };
    // A statement whose Effect cannot be read may allow: it is judged with the allows.
    if (isDeny(statement) === true) view.denies.push(s);
    else view.allows.push(s);
  });
  return view;
}
