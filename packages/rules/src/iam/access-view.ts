import type { PolicyDocument, PolicyStatement, Resource } from '../model';
import type { ResourceIndex } from '../engine/resource-index';
import { awsManagedModel } from './aws-managed';
import { effectivePermissions, type GrantedStatement } from './effective';
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
  denies: SourcedStatement[];
  gaps: string[];
  opaque: string[];
}

export const EMPTY_VIEW: AccessView = Object.freeze({ allows: [], denies: [], gaps: [], opaque: [] }) as unknown as AccessView;

function labelOf(g: GrantedStatement): string {
  const where = g.via === 'aws-managed' ? `AWS-managed ${g.policyName ?? g.resourceId}` : `${g.resourceId} ${g.path}`;
  return g.group ? `${where} (through group ${g.group})` : where;
}

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
  byResource.set(principal, view);
  return view;
}

/** The access one policy document grants (a bucket, key, secret or Glue resource policy, a trust policy). */
export function documentView(doc: PolicyDocument | undefined, resourceId: string, basePath: string): AccessView {
  if (!doc) return EMPTY_VIEW;
  const view: AccessView = { allows: [], denies: [], gaps: [], opaque: [] };
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
