import type { Resource } from '../model';
import { ResourceIndex } from '../engine/resource-index';
import { linkResources } from '../engine/link';
import { resource } from '../rules/__testing__/builders';
import { normalizePolicy } from './normalize';
import { effectivePermissions } from './effective';
import { allowsAction } from './statement';
import { awsManagedModel, awsManagedPolicyName } from './aws-managed';

const doc = (actions: string[], effect = 'Allow') => normalizePolicy({ Statement: [{ Effect: effect, Action: actions, Resource: '*' }] }, 'PolicyDocument');
const perms = (p: Resource, all: Resource[]) => effectivePermissions(p, { index: new ResourceIndex(all) });
const grants = (e: ReturnType<typeof perms>, action: string) => e.allows.some((s) => allowsAction(s.statement, action) === true);

describe('effectivePermissions', () => {
  it('combines inline, attached customer-managed (by reference and by ARN), and AWS-managed policies', () => {
    const managed = resource('Managed', 'AWS::IAM::ManagedPolicy', { iam: { document: doc(['glue:StartJobRun']) } }, { name: 'etl-runner' });
    const byArn = resource('ByArn', 'AWS::IAM::ManagedPolicy', { iam: { document: doc(['s3:GetObject']) } }, { name: 'reader' });
    const role = resource('Role', 'AWS::IAM::Role', {
      iam: {
        principalKind: 'role',
        inlinePolicies: [{ name: 'own', document: doc(['dynamodb:GetItem'], 'Allow'), path: 'Policies[0].PolicyDocument' }],
        managedPolicies: ['${Managed}', 'arn:aws:iam::111122223333:policy/reader', 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess'],
      },
    });
    const e = perms(role, [role, managed, byArn]);
    expect(grants(e, 'dynamodb:GetItem')).toBe(true);
    expect(grants(e, 'glue:StartJobRun')).toBe(true);
    expect(grants(e, 's3:GetObject')).toBe(true);
    expect(grants(e, 'dynamodb:DeleteTable')).toBe(true);
    expect(grants(e, 'iam:PassRole')).toBe(false);
    expect(e.awsManaged).toEqual(['AmazonDynamoDBFullAccess']);
    expect(e.gaps).toEqual([]);
    expect(e.allows.find((s) => s.resourceId === 'Managed')).toMatchObject({ via: 'policy-resource', path: 'PolicyDocument.Statement[0]' });
  });

  it('finds policy resources that name the principal in attachedTo, and counts a linker-folded one once', () => {
    const role = resource('Role', 'AWS::IAM::Role', { iam: { principalKind: 'role' } }, { name: 'app-role' });
    const inline = resource('RolePolicy', 'AWS::IAM::Policy', { iam: { inline: true, document: doc(['iam:PassRole']), attachedTo: ['app-role'] } });
    const unlinked = perms(role, [role, inline]);
    expect(unlinked.allows.map((s) => s.resourceId)).toEqual(['RolePolicy']);
    const linked = linkResources([role, inline]);
    const linkedRole = linked.find((r) => r.id === 'Role') as Resource;
    expect(linkedRole.facets.iam?.inlinePolicies).toHaveLength(1);
    const e = perms(linkedRole, linked);
    expect(e.allows.map((s) => s.resourceId)).toEqual(['RolePolicy']);
  });

  it('follows Terraform-style attachment resources to managed policies', () => {
    const role = resource('aws_iam_role.app', 'AWS::IAM::Role', { iam: { principalKind: 'role' } });
    const pol = resource('aws_iam_policy.p', 'AWS::IAM::ManagedPolicy', { iam: { document: doc(['lambda:UpdateFunctionCode']) } });
    const att = resource('aws_iam_role_policy_attachment.a', 'Pillarguard::IAM::PolicyAttachment', { iam: { attachedTo: ['${aws_iam_role.app.name}'], managedPolicies: ['${aws_iam_policy.p.arn}'] } });
    expect(grants(perms(role, [role, pol, att]), 'lambda:UpdateFunctionCode')).toBe(true);
  });

  it("adds a user's groups' policies, marked with the group", () => {
    const group = resource('Admins', 'AWS::IAM::Group', { iam: { principalKind: 'group', managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'] } }, { name: 'admins' });
    const user = resource('Alice', 'AWS::IAM::User', { iam: { principalKind: 'user', groups: ['admins'] } });
    const e = perms(user, [user, group]);
    expect(grants(e, 'iam:CreateAccessKey')).toBe(true);
    expect(e.allows[0]).toMatchObject({ via: 'aws-managed', group: 'Admins' });
  });

  it('keeps Deny apart and reports what it cannot follow', () => {
    const role = resource('Role', 'AWS::IAM::Role', {
      iam: {
        principalKind: 'role',
        inlinePolicies: [
          { name: 'deny', document: doc(['iam:*'], 'Deny') },
          { name: 'bad', document: { statements: [], unknownReason: 'var.policy has no default' } },
        ],
        managedPolicies: ['arn:aws:iam::999999999999:policy/elsewhere', { kind: 'unknown', reason: 'var.arn' }, 'arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole'],
      },
    });
    const e = perms(role, [role]);
    expect(e.denies).toHaveLength(1);
    expect(e.allows).toHaveLength(0);
    expect(e.gaps).toEqual([
      expect.stringContaining('var.policy has no default'),
      expect.stringContaining('elsewhere is not in the input'),
      expect.stringContaining('var.arn'),
      'AWS-managed policy AWSGlueServiceRole is not modelled',
    ]);
  });
});

describe('AWS-managed policy models', () => {
  it('recognises AWS-managed ARNs, also under a path', () => {
    expect(awsManagedPolicyName('arn:aws:iam::aws:policy/AdministratorAccess')).toBe('AdministratorAccess');
    expect(awsManagedPolicyName('arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole')).toBe('AWSGlueServiceRole');
    expect(awsManagedPolicyName('arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess')).toBe('AdministratorAccess');
    expect(awsManagedPolicyName('arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess')).toBe('ReadOnlyAccess');
    expect(awsManagedPolicyName('arn:aws:iam::111122223333:policy/AdministratorAccess')).toBeUndefined();
  });

  const model = (name: string) => {
    const m = awsManagedModel(name);
    if (m.kind !== 'modelled') throw new Error(`${name} not modelled`);
    return { statements: m.statements, can: (a: string) => m.statements.some((s) => allowsAction(s, a) === true) };
  };

  it('approximates AdministratorAccess, PowerUserAccess, IAMFullAccess and *FullAccess', () => {
    expect(model('AdministratorAccess').can('iam:PassRole')).toBe(true);
    expect(model('PowerUserAccess').can('lambda:UpdateFunctionCode')).toBe(true);
    expect(model('PowerUserAccess').can('iam:PassRole')).toBe(false);
    expect(model('PowerUserAccess').can('iam:CreateServiceLinkedRole')).toBe(true);
    expect(model('IAMFullAccess').can('iam:AttachRolePolicy')).toBe(true);
    expect(model('IAMFullAccess').can('s3:GetObject')).toBe(false);
    expect(model('AmazonDynamoDBFullAccess').statements[0].actions).toEqual(['dynamodb:*']);
    expect(model('AWSLambda_FullAccess').statements[0].actions).toEqual(['lambda:*']);
    expect(model('AmazonS3FullAccess').statements[0].actions).toEqual(['s3:*']);
    expect(model('AWSGlueConsoleFullAccess').statements[0].actions).toEqual(['glue:*']);
    expect(model('AmazonS3ReadOnlyAccess').can('s3:GetObject')).toBe(true);
    expect(model('AmazonS3ReadOnlyAccess').can('s3:PutObject')).toBe(false);
    expect(model('ReadOnlyAccess').can('iam:PutRolePolicy')).toBe(false);
    expect(awsManagedModel('AmazonMadeUpFullAccess').kind).toBe('unmodelled');
  });
});
