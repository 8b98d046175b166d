import type { NamedPolicy, V } from '../../../model';
import type { TfReader } from '../reader';
import { toStr } from '../values';
import type { MapContext, TypeMapping } from './types';

/** `inline_policy { name, policy }` blocks of a role; the provider reports an empty one when there are none. */
function inlinePolicies(r: TfReader, ctx: MapContext): NamedPolicy[] {
  r.mark('iam.inlinePolicies', 'inline_policy');
  return r.blocks('inline_policy').flatMap((b, i) => {
    const policy = b.policy;
    if (policy === undefined || policy === null || policy === '') return [];
    const path = `inline_policy[${i}].policy`;
    return [{ name: toStr(b.name, `inline_policy[${i}].name`) ?? `inline_policy[${i}]`, document: ctx.policies.resolve(policy, path), path }];
  });
}

function boundary(r: TfReader): { permissionsBoundary?: V<string> } {
  const b = r.str('iam.permissionsBoundary', 'permissions_boundary');
  return b === undefined || b === '' ? {} : { permissionsBoundary: b };
}

export const iamRole: TypeMapping = {
  cfnType: 'AWS::IAM::Role',
  nameAttr: 'name',
  map(r, ctx) {
    r.mark('iam.trustPolicy', 'assume_role_policy');
    return {
      facets: {
        iam: {
          principalKind: 'role',
          trustPolicy: ctx.policies.resolve(r.raw('assume_role_policy'), 'assume_role_policy'),
          inlinePolicies: inlinePolicies(r, ctx),
          managedPolicies: r.items('iam.managedPolicies', 'managed_policy_arns'),
          ...boundary(r),
        },
      },
    };
  },
};

export const iamUser: TypeMapping = {
  cfnType: 'AWS::IAM::User',
  nameAttr: 'name',
  map: (r) => ({ facets: { iam: { principalKind: 'user', inlinePolicies: [], managedPolicies: [], groups: [], ...boundary(r) } } }),
};

export const iamGroup: TypeMapping = {
  cfnType: 'AWS::IAM::Group',
  nameAttr: 'name',
  map: () => ({ facets: { iam: { principalKind: 'group', inlinePolicies: [], managedPolicies: [] } } }),
};

/** aws_iam_role_policy / _user_policy / _group_policy: an inline policy of the principal named by `principalAttr`. */
function inlinePolicy(cfnType: string, principalAttr: string): TypeMapping {
  return {
    cfnType,
    nameAttr: 'name',
    map(r, ctx) {
      r.mark('iam.document', 'policy');
      const target = r.str('iam.attachedTo', principalAttr);
      return { facets: { iam: { inline: true, document: ctx.policies.resolve(r.raw('policy'), 'policy'), attachedTo: target === undefined ? [] : [target] } } };
    },
  };
}

export const iamRolePolicy = inlinePolicy('AWS::IAM::RolePolicy', 'role');
export const iamUserPolicy = inlinePolicy('AWS::IAM::UserPolicy', 'user');
export const iamGroupPolicy = inlinePolicy('AWS::IAM::GroupPolicy', 'group');

/** aws_iam_policy: a managed policy; Terraform attaches it through separate attachment resources. */
export const iamPolicy: TypeMapping = {
  cfnType: 'AWS::IAM::ManagedPolicy',
  nameAttr: 'name',
  map(r, ctx) {
    r.mark('iam.document', 'policy');
    return { facets: { iam: { document: ctx.policies.resolve(r.raw('policy'), 'policy'), attachedTo: [] } } };
  },
};

/**
 * The attachment resources: principal(s) → managed policy, folded into the principals by the
 * linker. `role`/`user`/`group` are single names; `aws_iam_policy_attachment` has lists.
 */
function attachment(principalAttrs: string[]): TypeMapping {
  return {
    cfnType: 'Pillarguard::IAM::PolicyAttachment',
    map(r) {
      const attachedTo = principalAttrs.flatMap((a) => {
        if (a.endsWith('s')) return r.items(undefined, a);
        const one = r.str(undefined, a);
        return one === undefined ? [] : [one];
      });
      r.mark('iam.attachedTo', principalAttrs[0]);
      const policy = r.str('iam.managedPolicies', 'policy_arn');
      return { facets: { iam: { attachedTo, managedPolicies: policy === undefined ? [] : [policy] } } };
    },
  };
}

export const iamRolePolicyAttachment = attachment(['role']);
export const iamUserPolicyAttachment = attachment(['user']);
export const iamGroupPolicyAttachment = attachment(['group']);
export const iamPolicyAttachment = attachment(['roles', 'users', 'groups']);

export const iamAccessKey: TypeMapping = {
  cfnType: 'AWS::IAM::AccessKey',
  map(r) {
    const user = r.str('secret.accessKeyUser', 'user');
    return { facets: { secret: user === undefined ? {} : { accessKeyUser: user } } };
  },
};

