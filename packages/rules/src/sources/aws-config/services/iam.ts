import type { Facets, IamFacet, NamedPolicy, PolicyDocument, V } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import { normalizePolicy } from '../../../iam/normalize';
import { field, isObject } from '../json';
import type { ItemReader } from '../reader';
import type { ItemMapper } from './types';

/** Inline policies of a principal (`rolePolicyList` / `userPolicyList` / `groupPolicyList`): URL-encoded JSON documents. */
function inlinePolicies(r: ItemReader, listName: string): NamedPolicy[] {
  const listPath = `configuration.${listName}`;
  const list = r.list('iam.inlinePolicies', listPath);
  if (isUnknown(list)) return [{ name: list, document: { statements: [], unknownReason: list.reason }, path: listPath }];
  return list.map((p, i) => {
    const path = r.get(`${listPath}.${i}.policyDocument`).path;
    if (!isObject(p)) return { name: unknown(`${listPath}[${i}] is not an object`), document: { statements: [], unknownReason: `${listPath}[${i}] is not an object` }, path };
    const name = field(p, 'policyName');
    return { name: typeof name === 'string' ? name : unknown(`${listPath}[${i}] has no policyName`), document: normalizePolicy(field(p, 'policyDocument') ?? undefined, path), path };
  });
}

/** Attached managed policies by ARN (`attachedManagedPolicies[].policyArn`). */
function managedPolicies(r: ItemReader): V<string>[] {
  const arns = r.strList('iam.managedPolicies', 'configuration.attachedManagedPolicies', 'policyArn');
  return isUnknown(arns) ? [arns] : arns;
}

function principal(kind: 'role' | 'user' | 'group', listName: string, extra: (r: ItemReader) => Partial<IamFacet>): ItemMapper {
  return (r) => ({ iam: { principalKind: kind, inlinePolicies: inlinePolicies(r, listName), managedPolicies: managedPolicies(r), ...extra(r) } });
}

export const iamRole = principal('role', 'rolePolicyList', (r) => {
  const boundary = r.str('iam.permissionsBoundary', 'configuration.permissionsBoundary.permissionsBoundaryArn');
  return { trustPolicy: r.policy('iam.trustPolicy', 'configuration.assumeRolePolicyDocument'), ...(boundary === undefined ? {} : { permissionsBoundary: boundary }) };
});

export const iamUser = principal('user', 'userPolicyList', (r) => {
  const groups = r.strList('iam.groups', 'configuration.groupList');
  return { groups: isUnknown(groups) ? [groups] : groups };
});

export const iamGroup = principal('group', 'groupPolicyList', () => ({}));

/** The document of the default version (`isDefaultVersion`, else the one named by `defaultVersionId`). */
function defaultDocument(r: ItemReader): PolicyDocument {
  const versions = r.list('iam.document', 'configuration.policyVersionList');
  if (isUnknown(versions)) return { statements: [], unknownReason: versions.reason };
  const defaultId = r.raw('configuration.defaultVersionId');
  let index = versions.findIndex((v) => isObject(v) && (field(v, 'isDefaultVersion') === true || field(v, 'isDefaultVersion') === 'true'));
  if (index < 0) index = versions.findIndex((v) => isObject(v) && defaultId !== undefined && field(v, 'versionId') === defaultId);
  if (index < 0) return { statements: [], unknownReason: 'the configuration item has no default version in policyVersionList' };
  const path = r.mark('iam.document', `configuration.policyVersionList.${index}.document`);
  const version = versions[index];
  return normalizePolicy(isObject(version) ? (field(version, 'document') ?? undefined) : undefined, path);
}

/** Principals the policy is attached to, from the item's relationships ("Is attached to Role" …), by name. */
function attachedTo(r: ItemReader): V<string>[] {
  const out: V<string>[] = [];
  for (const rel of r.item.relationships) {
    const name = field(rel, 'relationshipName');
    if (typeof name !== 'string' || !/^is attached to/i.test(name)) continue;
    const target = field(rel, 'resourceName') ?? field(rel, 'resourceId');
    if (typeof target === 'string') out.push(target);
  }
  return out;
}

export const iamPolicy: ItemMapper = (r): Facets => ({ iam: { document: defaultDocument(r), attachedTo: attachedTo(r) } });
