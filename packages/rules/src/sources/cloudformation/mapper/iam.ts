import type { NamedPolicy, V } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import { normalizePolicy } from '../../../iam/normalize';
import { plaintextSecret } from './common';
import { Props, toStr } from './props';
import type { TypeMapper } from './types';

/** `Policies: [{PolicyName, PolicyDocument}]` of a role, user or group. */
function inlinePolicies(p: Props): NamedPolicy[] {
  p.track('iam.inlinePolicies', 'Policies');
  const raw = p.get('Policies');
  if (isUnknown(raw)) return [{ name: raw, document: { statements: [], unknownReason: raw.reason }, path: 'Policies' }];
  const out: NamedPolicy[] = [];
  (Array.isArray(raw) ? raw : []).forEach((item, i) => {
    const path = `Policies[${i}].PolicyDocument`;
    if (isUnknown(item)) out.push({ name: item, document: { statements: [], unknownReason: item.reason }, path });
    else if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      out.push({ name: toStr(item.PolicyName, `Policies[${i}].PolicyName`) ?? unknown(`Policies[${i}] has no PolicyName`), document: normalizePolicy(item.PolicyDocument, path), path });
    }
  });
  return out;
}

function principalFacets(p: Props, kind: 'role' | 'user' | 'group') {
  const boundary = kind === 'group' ? undefined : p.str('iam.permissionsBoundary', 'PermissionsBoundary');
  return {
    principalKind: kind,
    inlinePolicies: inlinePolicies(p),
    managedPolicies: p.items('iam.managedPolicies', 'ManagedPolicyArns') ?? [],
    ...(boundary !== undefined ? { permissionsBoundary: boundary } : {}),
  };
}

const role: TypeMapper = (p) => {
  p.track('iam.trustPolicy', 'AssumeRolePolicyDocument');
  return { name: p.text('RoleName'), facets: { iam: { ...principalFacets(p, 'role'), trustPolicy: normalizePolicy(p.get('AssumeRolePolicyDocument'), 'AssumeRolePolicyDocument') } } };
};

/** A user's console password (`LoginProfile.Password`) written in the template is a plaintext secret too. */
const user: TypeMapper = (p) => {
  p.track('credentials.plaintextPassword', 'LoginProfile.Password');
  return {
    name: p.text('UserName'),
    facets: {
      iam: { ...principalFacets(p, 'user'), groups: p.items('iam.groups', 'Groups') ?? [] },
      // Only a user with a console login has a password to check (Terraform and AWS Config never
      // carry one), so users without `LoginProfile` are not credential holders for the rule.
      ...(p.get('LoginProfile') !== undefined ? { credentials: { plaintextPassword: plaintextSecret(p.get('LoginProfile.Password')), passwordPath: 'LoginProfile.Password' } } : {}),
    },
  };
};

const group: TypeMapper = (p) => ({ name: p.text('GroupName'), facets: { iam: principalFacets(p, 'group') } });

/** `AWS::IAM::UserToGroupAddition`: users added to a group from the group's side; the linker folds it into each user's groups. */
const userToGroupAddition: TypeMapper = (p) => {
  p.track('iam.groups', 'GroupName');
  const groupName = p.text('GroupName') ?? unknown('GroupName is missing');
  return { facets: { iam: { groups: [groupName], attachedTo: p.items('iam.attachedTo', 'Users') ?? [] } } };
};

/** The principals a policy resource names (`Roles`, `Users`, `Groups`, or one `RoleName` …). */
function attachedTo(p: Props, properties: string[]): V<string>[] {
  const out: V<string>[] = [];
  for (const prop of properties) {
    const items = p.items('iam.attachedTo', prop);
    if (items) out.push(...items);
  }
  p.track('iam.attachedTo', properties.find((prop) => p.get(prop) !== undefined) ?? properties[0]);
  return out;
}

function policyResource(inline: boolean, nameProperty: string, principals: string[]): TypeMapper {
  return (p) => {
    p.track('iam.document', 'PolicyDocument');
    return {
      name: p.text(nameProperty),
      facets: { iam: { inline, document: normalizePolicy(p.get('PolicyDocument'), 'PolicyDocument'), attachedTo: attachedTo(p, principals) } },
    };
  };
}

const accessKey: TypeMapper = (p) => {
  const owner = p.str('secret.accessKeyUser', 'UserName');
  return { facets: { secret: { accessKeyUser: owner ?? unknown('UserName is not set') } } };
};

export const IAM_MAPPERS: Record<string, TypeMapper> = {
  'AWS::IAM::Role': role,
  'AWS::IAM::User': user,
  'AWS::IAM::UserToGroupAddition': userToGroupAddition,
  'AWS::IAM::Group': group,
  'AWS::IAM::Policy': policyResource(true, 'PolicyName', ['Roles', 'Users', 'Groups']),
  'AWS::IAM::RolePolicy': policyResource(true, 'PolicyName', ['RoleName']),
  'AWS::IAM::UserPolicy': policyResource(true, 'PolicyName', ['UserName']),
  'AWS::IAM::GroupPolicy': policyResource(true, 'PolicyName', ['GroupName']),
  'AWS::IAM::ManagedPolicy': policyResource(false, 'ManagedPolicyName', ['Roles', 'Users', 'Groups']),
  'AWS::IAM::AccessKey': accessKey,
};
