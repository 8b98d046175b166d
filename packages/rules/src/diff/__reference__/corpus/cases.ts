import {
  ACCOUNT,
  BUCKET_ARN,
  LAMBDA_TRUST,
  OTHER_ACCOUNT,
  TABLE_ARN,
  TABLES_ARN,
  WORKER_ROLE_ARN,
  allow,
  arnOf,
  doc,
  ref,
  bucketPolicy,
  deny,
  key,
  lambdaPermission,
  policyResource,
  queuePolicy,
  role,
  roleResource,
  secretPolicy,
  securityGroup,
  template,
  type Statement,
  type Template,
} from './templates';

/**
 * One (base, head) pair of the reference corpus, with what is true of it and the verdicts
 * recorded for both tools. The test recomputes both verdicts and fails when either moves.
 */
export interface ReferenceCase {
  id: string;
  title: string;
  base: Template;
  head: Template;
  /** Serialise head as YAML (base is JSON): a formatting-only change. */
  headFormat?: 'yaml';
  /** Ground truth: can anyone do something in head that base did not allow? */
  broadening: boolean;
  /** Recorded `fullDiff(base, head).permissionsBroadened` (IAM statements, managed policies, security-group rules). */
  cdk: boolean;
  /** Recorded verdict of `diffScans` with ALL_CHANGE_RULES: approval required, and an `iam.*` / `kms.policy-broadened` change finding reported. */
  ours: { approval: boolean; reported: boolean };
  /** Why the verdicts differ, or why a broadening goes unreported; required whenever they do. */
  why?: string;
  /** The change is in a resource type Pillarguard does not model: an excuse for missing a broadening cdk diff reports. */
  outOfScope?: string;
  /** A broadening we report but, by the approval policy (DESIGN.md: new List/Read on named non-red resources), do not gate. */
  policyExempt?: string;
  /** A broadening cdk diff reports and we miss, to be fixed: the test expects it to be missed and fails once it is caught, so the record gets updated. */
  knownGap?: string;
}

const S3_RW = ['s3:GetObject', 's3:PutObject'];
const OBJECTS = `${BUCKET_ARN}/*`;
const VPC = (ids: string | string[]): Statement => ({ Condition: { StringEquals: { 'aws:SourceVpc': ids } } });
const TABLE_GUARD = deny(['dynamodb:DeleteTable', 'dynamodb:DeleteBackup'], TABLES_ARN);
const TABLE_RW = allow('dynamodb:*', TABLES_ARN);
const ACCOUNT_ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const OTHER_ROOT = `arn:aws:iam::${OTHER_ACCOUNT}:root`;
const KEY_ADMIN: Statement = { Effect: 'Allow', Principal: { AWS: ACCOUNT_ROOT }, Action: 'kms:*', Resource: '*' };
const keyUse = (principal: string, actions: string | string[] = ['kms:Decrypt', 'kms:GenerateDataKey']): Statement => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: actions, Resource: '*' });
const bucketRead = (principal: string | { [k: string]: string }, extra: Statement = {}): Statement => ({
  Effect: 'Allow',
  Principal: typeof principal === 'string' ? { AWS: principal } : principal,
  Action: 's3:GetObject',
  Resource: OBJECTS,
  ...extra,
});
const TLS_ONLY: Statement = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [BUCKET_ARN, OBJECTS], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
const crossAccountTrust = (condition?: Statement['Condition']): Statement => ({
  Effect: 'Allow',
  Principal: { AWS: OTHER_ROOT },
  Action: 'sts:AssumeRole',
  ...(condition ? { Condition: condition } : {}),
});
const GITHUB_OIDC = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const githubTrust = (sub: string): Statement => ({
  Effect: 'Allow',
  Principal: { Federated: GITHUB_OIDC },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': sub } },
});
const ingress = (port: number, cidr: string): Statement => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, CidrIp: cidr });
const secretRead = (principal: string): Statement => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'secretsmanager:GetSecretValue', Resource: '*' });

// Reasons shared by several cases.
const TEXTUAL = 'cdk diff compares statements as text: a rewritten statement is a removal plus an addition, and any added Allow counts as broadening; we compare the access both versions grant, which did not grow';
const NEGATIVE_BLIND = 'cdk diff treats an Allow with NotAction/NotResource/NotPrincipal as a "negative" (restrictive) statement, so adding one never counts as broadening; it grants everything but the listed items';
const NOT_SCRUTINISED = 'cdk diff does not scrutinise AWS::SecretsManager::ResourcePolicy (its list: identity and trust policies, managed-policy attachments, bucket/queue/topic policies, key policies, Lambda permissions, SSO)';
/** A role with the given inline policy and a permissions boundary (a customer-managed policy of the template, `Boundary`) of these statements; none when `boundary` is undefined. */
const bounded = (statements: Statement[], boundary: Statement[] | undefined): Template =>
  boundary ? role(statements, { boundary: ref('Boundary'), extra: { Boundary: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: doc(...boundary) } } } }) : role(statements);
const S3_ONLY = [allow('s3:*', '*')];

export const CASES: ReferenceCase[] = [
  // ---- baseline
  { id: 'unchanged', title: 'identical templates', base: role([allow(S3_RW, OBJECTS)]), head: role([allow(S3_RW, OBJECTS)]), broadening: false, cdk: false, ours: { approval: false, reported: false } },
  {
    id: 'format-json-to-yaml',
    title: 'the same template rewritten from JSON to YAML',
    base: role([allow(S3_RW, OBJECTS), TABLE_GUARD]),
    head: role([allow(S3_RW, OBJECTS), TABLE_GUARD]),
    headFormat: 'yaml',
    broadening: false,
    cdk: false,
    ours: { approval: false, reported: false },
  },

  // ---- identity policies: real broadening
  { id: 'new-write-action', title: 'inline policy gains s3:PutObject', base: role([allow('s3:GetObject', OBJECTS)]), head: role([allow(S3_RW, OBJECTS)]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  {
    id: 'new-list-action-named',
    title: 'inline policy gains s3:ListBucket on the named bucket',
    base: role([allow('s3:GetObject', OBJECTS)]),
    head: role([allow('s3:GetObject', OBJECTS), allow('s3:ListBucket', BUCKET_ARN)]),
    broadening: true,
    cdk: true,
    ours: { approval: false, reported: true },
    why: 'reported as iam.new-access, but the approval policy (DESIGN.md) lets new List/Read access on a named, non-red resource through without a reviewer',
    policyExempt: 'List on one named green bucket',
  },
  { id: 'get-star-to-star', title: 's3:Get* becomes s3:*', base: role([allow('s3:Get*', OBJECTS)]), head: role([allow('s3:*', OBJECTS)]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'resource-widened', title: 'table/orders becomes table/*', base: role([allow('dynamodb:PutItem', TABLE_ARN)]), head: role([allow('dynamodb:PutItem', TABLES_ARN)]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'resource-to-any', title: 'bucket objects become Resource "*"', base: role([allow('s3:PutObject', OBJECTS)]), head: role([allow('s3:PutObject', '*')]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'condition-removed', title: 'aws:SourceVpc condition removed', base: role([allow(S3_RW, OBJECTS, VPC('vpc-1'))]), head: role([allow(S3_RW, OBJECTS)]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'condition-value-added', title: 'aws:SourceVpc accepts a second VPC', base: role([allow(S3_RW, OBJECTS, VPC('vpc-1'))]), head: role([allow(S3_RW, OBJECTS, VPC(['vpc-1', 'vpc-2']))]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'deny-removed', title: 'Deny on DeleteTable/DeleteBackup removed', base: role([TABLE_RW, TABLE_GUARD]), head: role([TABLE_RW]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'deny-narrowed', title: 'Deny loses DeleteBackup', base: role([TABLE_RW, TABLE_GUARD]), head: role([TABLE_RW, deny('dynamodb:DeleteTable', TABLES_ARN)]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  {
    id: 'deny-condition-added',
    title: 'Deny gains a condition (it now blocks only outside the VPC)',
    base: role([TABLE_RW, TABLE_GUARD]),
    head: role([TABLE_RW, deny(['dynamodb:DeleteTable', 'dynamodb:DeleteBackup'], TABLES_ARN, { Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } } })]),
    broadening: true,
    cdk: true,
    ours: { approval: true, reported: true },
  },
  {
    id: 'not-action-allow',
    title: 'an Allow with NotAction iam:* on * added',
    base: role([allow('s3:GetObject', OBJECTS)]),
    head: role([allow('s3:GetObject', OBJECTS), { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]),
    broadening: true,
    cdk: false,
    ours: { approval: true, reported: true },
    why: NEGATIVE_BLIND,
  },
  {
    id: 'not-resource-allow',
    title: 'an Allow of s3:* with NotResource (one bucket excluded) added',
    base: role([allow('s3:GetObject', OBJECTS)]),
    head: role([allow('s3:GetObject', OBJECTS), { Effect: 'Allow', Action: 's3:*', NotResource: ['arn:aws:s3:::audit-logs', 'arn:aws:s3:::audit-logs/*'] }]),
    broadening: true,
    cdk: false,
    ours: { approval: true, reported: true },
    why: NEGATIVE_BLIND,
  },
  {
    id: 'privilege-escalation',
    title: 'iam:PassRole added next to lambda:CreateFunction + InvokeFunction',
    base: role([allow(['lambda:CreateFunction', 'lambda:InvokeFunction'])]),
    head: role([allow(['lambda:CreateFunction', 'lambda:InvokeFunction']), allow('iam:PassRole', '*')]),
    broadening: true,
    cdk: true,
    ours: { approval: true, reported: true },
  },
  { id: 'passrole-scoped', title: 'iam:PassRole on one named role added (no escalation path)', base: role([allow('s3:GetObject', OBJECTS)]), head: role([allow('s3:GetObject', OBJECTS), allow('iam:PassRole', WORKER_ROLE_ARN)]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'managed-admin-attached', title: 'AWS-managed AdministratorAccess attached', base: role([allow('s3:GetObject', OBJECTS)]), head: role([allow('s3:GetObject', OBJECTS)], { managed: ['arn:aws:iam::aws:policy/AdministratorAccess'] }), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'managed-readonly-attached', title: 'AWS-managed ReadOnlyAccess attached', base: role([allow('s3:GetObject', OBJECTS)]), head: role([allow('s3:GetObject', OBJECTS)], { managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'new-admin-role', title: 'a new role with Allow * on *', base: role([allow('s3:GetObject', OBJECTS)]), head: role([allow('s3:GetObject', OBJECTS)], { extra: { AdminRole: roleResource([allow('*', '*')]) } }), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'policy-resource-widened', title: 'AWS::IAM::Policy gains dynamodb:DeleteItem', base: policyResource('AWS::IAM::Policy', [allow('dynamodb:GetItem', TABLE_ARN)]), head: policyResource('AWS::IAM::Policy', [allow(['dynamodb:GetItem', 'dynamodb:DeleteItem'], TABLE_ARN)]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  {
    id: 'policy-roles-extended',
    title: 'AWS::IAM::Policy attached to an existing second role',
    base: template({ ...policyResource('AWS::IAM::Policy', [allow('dynamodb:PutItem', TABLE_ARN)]).Resources as Template, OtherRole: roleResource([]) }),
    head: policyResource('AWS::IAM::Policy', [allow('dynamodb:PutItem', TABLE_ARN)], ['AppRole', 'OtherRole']),
    broadening: true,
    cdk: true,
    ours: { approval: true, reported: true },
  },
  { id: 'managed-policy-resource-widened', title: 'customer-managed policy: PutObject on one prefix becomes the whole bucket', base: policyResource('AWS::IAM::ManagedPolicy', [allow('s3:PutObject', `${BUCKET_ARN}/incoming/*`)]), head: policyResource('AWS::IAM::ManagedPolicy', [allow('s3:PutObject', OBJECTS)]), broadening: true, cdk: true, ours: { approval: true, reported: true } },

  // ---- identity policies: equivalent or narrower rewrites
  { id: 'resource-narrowed', title: 'table/* becomes table/orders', base: role([allow('dynamodb:PutItem', TABLES_ARN)]), head: role([allow('dynamodb:PutItem', TABLE_ARN)]), broadening: false, cdk: true, ours: { approval: false, reported: false }, why: TEXTUAL },
  { id: 'condition-added', title: 'aws:SourceVpc condition added', base: role([allow(S3_RW, OBJECTS)]), head: role([allow(S3_RW, OBJECTS, VPC('vpc-1'))]), broadening: false, cdk: true, ours: { approval: false, reported: false }, why: TEXTUAL },
  { id: 'deny-added', title: 'Deny on DeleteTable/DeleteBackup added', base: role([TABLE_RW]), head: role([TABLE_RW, TABLE_GUARD]), broadening: false, cdk: false, ours: { approval: false, reported: false } },
  {
    id: 'deny-widened',
    title: 'Deny gains DeleteBackup',
    base: role([TABLE_RW, deny('dynamodb:DeleteTable', TABLES_ARN)]),
    head: role([TABLE_RW, TABLE_GUARD]),
    broadening: false,
    cdk: true,
    ours: { approval: false, reported: false },
    why: 'cdk diff sees the old Deny statement removed (removing a negative statement counts as broadening) and a new one added; the new Deny blocks a superset, so nothing is allowed that was not before',
  },
  { id: 'statements-reordered', title: 'two statements swap places', base: role([allow('s3:GetObject', OBJECTS), allow('dynamodb:GetItem', TABLE_ARN)]), head: role([allow('dynamodb:GetItem', TABLE_ARN), allow('s3:GetObject', OBJECTS)]), broadening: false, cdk: false, ours: { approval: false, reported: false } },
  { id: 'statement-split', title: 'one statement with two actions split into two', base: role([allow(S3_RW, OBJECTS)]), head: role([allow('s3:GetObject', OBJECTS), allow('s3:PutObject', OBJECTS)]), broadening: false, cdk: true, ours: { approval: false, reported: false }, why: TEXTUAL },
  { id: 'statements-merged', title: 'two statements on the same resource merged', base: role([allow('s3:GetObject', OBJECTS), allow('s3:PutObject', OBJECTS)]), head: role([allow(S3_RW, OBJECTS)]), broadening: false, cdk: true, ours: { approval: false, reported: false }, why: TEXTUAL },
  { id: 'actions-reordered', title: 'actions listed in another order', base: role([allow(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], OBJECTS)]), head: role([allow(['s3:DeleteObject', 's3:GetObject', 's3:PutObject'], OBJECTS)]), broadening: false, cdk: false, ours: { approval: false, reported: false } },
  { id: 'wildcard-to-subset', title: 's3:* replaced by s3:GetObject and s3:PutObject', base: role([allow('s3:*', OBJECTS)]), head: role([allow(S3_RW, OBJECTS)]), broadening: false, cdk: true, ours: { approval: false, reported: false }, why: TEXTUAL },
  { id: 'action-to-list', title: 'Action "s3:GetObject" written as a one-element list', base: role([allow('s3:GetObject', OBJECTS)]), head: role([allow(['s3:GetObject'], OBJECTS)]), broadening: false, cdk: false, ours: { approval: false, reported: false } },
  { id: 'action-case', title: 'action names change case (s3:getobject → s3:GetObject)', base: role([allow('s3:getobject', OBJECTS)]), head: role([allow('s3:GetObject', OBJECTS)]), broadening: false, cdk: true, ours: { approval: false, reported: false }, why: 'IAM action names are case-insensitive; cdk diff compares them as strings' },
  { id: 'sid-added', title: 'a Sid added to a statement', base: role([allow(S3_RW, OBJECTS)]), head: role([allow(S3_RW, OBJECTS, { Sid: 'ReadWriteOrders' })]), broadening: false, cdk: true, ours: { approval: false, reported: false }, why: TEXTUAL },
  { id: 'managed-detached', title: 'AWS-managed ReadOnlyAccess detached', base: role([allow('s3:GetObject', OBJECTS)], { managed: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }), head: role([allow('s3:GetObject', OBJECTS)]), broadening: false, cdk: false, ours: { approval: false, reported: false } },
  {
    id: 'policy-detached-from-role',
    title: 'AWS::IAM::Policy detached from the second of its roles',
    base: policyResource('AWS::IAM::Policy', [allow('dynamodb:PutItem', TABLE_ARN)], ['AppRole', 'OtherRole']),
    head: template({ ...policyResource('AWS::IAM::Policy', [allow('dynamodb:PutItem', TABLE_ARN)]).Resources as Template, OtherRole: roleResource([]) }),
    broadening: false,
    cdk: false,
    ours: { approval: false, reported: false },
  },
  { id: 'role-removed', title: 'a role with a policy removed', base: role([allow('s3:GetObject', OBJECTS)], { extra: { OldRole: roleResource([allow('dynamodb:*', TABLES_ARN)]) } }), head: role([allow('s3:GetObject', OBJECTS)]), broadening: false, cdk: false, ours: { approval: false, reported: false } },
  { id: 'getatt-resource-unchanged', title: 'resource given by Fn::GetAtt, unchanged, next to a narrowed action list', base: role([allow(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], arnOf('DataBucket'))]), head: role([allow(['s3:GetObject', 's3:PutObject'], arnOf('DataBucket'))]), broadening: false, cdk: true, ours: { approval: false, reported: false }, why: TEXTUAL },
  {
    id: 'boundary-removed',
    title: 'permissions boundary removed',
    base: role([allow(S3_RW, OBJECTS)], { boundary: `arn:aws:iam::${ACCOUNT}:policy/read-only-boundary` }),
    head: role([allow(S3_RW, OBJECTS)]),
    broadening: true,
    cdk: false,
    ours: { approval: true, reported: true },
    why: 'cdk diff does not scrutinise PermissionsBoundary; the boundary (a policy outside the template) cannot be read, so what its removal frees cannot be listed: iam.new-access says it cannot tell, which needs approval',
  },
  {
    id: 'boundary-removed-resolved',
    title: 'permissions boundary (a managed policy of the template, S3 only) removed from a role that also holds DynamoDB access',
    base: bounded([allow(S3_RW, OBJECTS), TABLE_RW], S3_ONLY),
    head: role([allow(S3_RW, OBJECTS), TABLE_RW], { extra: { Boundary: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: doc(...S3_ONLY) } } } }),
    broadening: true,
    cdk: false,
    ours: { approval: true, reported: true },
    why: 'cdk diff does not scrutinise PermissionsBoundary; we intersect the identity policies with the boundary, so the DynamoDB access the boundary blocked is new',
  },
  {
    id: 'boundary-widened',
    title: 'permissions boundary widened from S3 to S3 and DynamoDB',
    base: bounded([allow(S3_RW, OBJECTS), TABLE_RW], S3_ONLY),
    head: bounded([allow(S3_RW, OBJECTS), TABLE_RW], [...S3_ONLY, allow('dynamodb:*', '*')]),
    broadening: true,
    cdk: false,
    ours: { approval: true, reported: true },
    why: 'cdk diff does not scrutinise the managed policy used as a boundary as one (its statements grant nothing by themselves, and it is attached to no one); we intersect the identity policies with the boundary, so the DynamoDB access it now lets through is new',
  },
  {
    id: 'boundary-added',
    title: 'permissions boundary (S3 only) added to a role that also holds DynamoDB access',
    base: role([allow(S3_RW, OBJECTS), TABLE_RW]),
    head: bounded([allow(S3_RW, OBJECTS), TABLE_RW], S3_ONLY),
    broadening: false,
    cdk: false,
    ours: { approval: false, reported: false },
  },
  {
    id: 'identity-widened-within-boundary',
    title: 'the identity policy gains DynamoDB read/write while the boundary allows S3 only',
    base: bounded([allow(S3_RW, OBJECTS)], S3_ONLY),
    head: bounded([allow(S3_RW, OBJECTS), allow(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], TABLES_ARN)], S3_ONLY),
    broadening: false,
    cdk: true,
    ours: { approval: false, reported: false },
    why: 'cdk diff sees an added Allow; the permissions boundary (unchanged, S3 only) does not let the DynamoDB actions through, so nothing can be used that was not before',
  },

  // ---- trust policies
  { id: 'trust-new-account', title: 'another account may assume the role', base: role([allow('s3:GetObject', OBJECTS)]), head: role([allow('s3:GetObject', OBJECTS)], { trust: [LAMBDA_TRUST, crossAccountTrust({ StringEquals: { 'sts:ExternalId': 'orders-etl' } })] }), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'trust-external-id-removed', title: 'sts:ExternalId condition dropped from a cross-account trust', base: role([allow('s3:GetObject', OBJECTS)], { trust: [crossAccountTrust({ StringEquals: { 'sts:ExternalId': 'orders-etl' } })] }), head: role([allow('s3:GetObject', OBJECTS)], { trust: [crossAccountTrust()] }), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'trust-condition-added', title: 'sts:ExternalId condition added to a cross-account trust', base: role([allow('s3:GetObject', OBJECTS)], { trust: [crossAccountTrust()] }), head: role([allow('s3:GetObject', OBJECTS)], { trust: [crossAccountTrust({ StringEquals: { 'sts:ExternalId': 'orders-etl' } })] }), broadening: false, cdk: true, ours: { approval: false, reported: false }, why: TEXTUAL },
  { id: 'trust-any-principal', title: 'trust policy admits Principal "*"', base: role([allow('s3:GetObject', OBJECTS)]), head: role([allow('s3:GetObject', OBJECTS)], { trust: [LAMBDA_TRUST, { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] }), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'trust-oidc-sub-widened', title: 'GitHub OIDC sub: main branch only becomes any ref of the repository', base: role([allow('s3:GetObject', OBJECTS)], { trust: [githubTrust('repo:acme/orders:ref:refs/heads/main')] }), head: role([allow('s3:GetObject', OBJECTS)], { trust: [githubTrust('repo:acme/orders:*')] }), broadening: true, cdk: true, ours: { approval: true, reported: true } },

  // ---- key policies
  { id: 'key-principal-added', title: 'key policy lets another account decrypt', base: key([KEY_ADMIN, keyUse(WORKER_ROLE_ARN)]), head: key([KEY_ADMIN, keyUse(WORKER_ROLE_ARN), keyUse(OTHER_ROOT, 'kms:Decrypt')]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  {
    id: 'key-same-account-role-added',
    title: 'key policy lets a second role of the account decrypt',
    base: key([KEY_ADMIN, keyUse(WORKER_ROLE_ARN)]),
    head: key([KEY_ADMIN, keyUse(WORKER_ROLE_ARN), keyUse(`arn:aws:iam::${ACCOUNT}:role/analytics`, 'kms:Decrypt')]),
    broadening: true,
    cdk: true,
    ours: { approval: true, reported: true },
  },
  {
    id: 'key-actions-widened',
    title: 'key policy: kms:Decrypt becomes kms:* for the worker role',
    base: key([KEY_ADMIN, keyUse(WORKER_ROLE_ARN, 'kms:Decrypt')]),
    head: key([KEY_ADMIN, keyUse(WORKER_ROLE_ARN, 'kms:*')]),
    broadening: true,
    cdk: true,
    ours: { approval: true, reported: true },
  },
  {
    id: 'key-other-account-widened',
    title: 'key policy: another account goes from kms:Decrypt to kms:*',
    base: key([KEY_ADMIN, keyUse(OTHER_ROOT, 'kms:Decrypt')]),
    head: key([KEY_ADMIN, keyUse(OTHER_ROOT, 'kms:*')]),
    broadening: true,
    cdk: true,
    ours: { approval: true, reported: true },
  },
  { id: 'key-principal-removed', title: 'key policy drops a principal', base: key([KEY_ADMIN, keyUse(WORKER_ROLE_ARN), keyUse(OTHER_ROOT, 'kms:Decrypt')]), head: key([KEY_ADMIN, keyUse(WORKER_ROLE_ARN)]), broadening: false, cdk: false, ours: { approval: false, reported: false } },

  // ---- bucket and secret policies
  { id: 'bucket-policy-account-wide', title: 'bucket policy: one role becomes the whole account', base: bucketPolicy([bucketRead(WORKER_ROLE_ARN)]), head: bucketPolicy([bucketRead(ACCOUNT_ROOT)]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'bucket-policy-other-account', title: 'bucket policy: another account may read', base: bucketPolicy([bucketRead(WORKER_ROLE_ARN)]), head: bucketPolicy([bucketRead(WORKER_ROLE_ARN), bucketRead(OTHER_ROOT)]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  {
    id: 'bucket-policy-account-to-role',
    title: 'bucket policy: the account becomes one role of it',
    base: bucketPolicy([bucketRead(ACCOUNT_ROOT)]),
    head: bucketPolicy([bucketRead(WORKER_ROLE_ARN)]),
    broadening: true,
    cdk: true,
    ours: { approval: true, reported: true },
    why: 'fewer principals, but the account root in a bucket policy only delegates to IAM: base let the worker role read only if its own IAM policy allowed it, head lets it read without one',
  },
  { id: 'bucket-policy-role-removed', title: 'bucket policy: one of two roles removed', base: bucketPolicy([bucketRead(WORKER_ROLE_ARN), bucketRead(`arn:aws:iam::${ACCOUNT}:role/analytics`)]), head: bucketPolicy([bucketRead(WORKER_ROLE_ARN)]), broadening: false, cdk: false, ours: { approval: false, reported: false } },
  {
    id: 'bucket-policy-not-principal',
    title: 'bucket policy: an Allow with NotPrincipal added',
    base: bucketPolicy([bucketRead(WORKER_ROLE_ARN)]),
    head: bucketPolicy([bucketRead(WORKER_ROLE_ARN), { Effect: 'Allow', NotPrincipal: { AWS: OTHER_ROOT }, Action: 's3:GetObject', Resource: OBJECTS }]),
    broadening: true,
    cdk: false,
    ours: { approval: true, reported: true },
    why: NEGATIVE_BLIND,
  },
  { id: 'bucket-policy-tls-deny-removed', title: 'bucket policy: the TLS-only Deny removed', base: bucketPolicy([bucketRead(WORKER_ROLE_ARN), TLS_ONLY]), head: bucketPolicy([bucketRead(WORKER_ROLE_ARN)]), broadening: true, cdk: true, ours: { approval: true, reported: true } },
  { id: 'secret-policy-widened', title: 'secret resource policy: another account may read the secret', base: secretPolicy([secretRead(WORKER_ROLE_ARN)]), head: secretPolicy([secretRead(WORKER_ROLE_ARN), secretRead(OTHER_ROOT)]), broadening: true, cdk: false, ours: { approval: true, reported: true }, why: NOT_SCRUTINISED },

  // ---- security groups
  { id: 'sg-db-port-opened', title: 'security group opens 5432 to 0.0.0.0/0', base: securityGroup([ingress(443, '10.0.0.0/16')]), head: securityGroup([ingress(443, '10.0.0.0/16'), ingress(5432, '0.0.0.0/0')]), broadening: true, cdk: true, ours: { approval: true, reported: false } },
  { id: 'sg-https-internal-added', title: 'security group opens 443 to a second private range', base: securityGroup([ingress(443, '10.0.0.0/16')]), head: securityGroup([ingress(443, '10.0.0.0/16'), ingress(443, '10.1.0.0/16')]), broadening: true, cdk: true, ours: { approval: false, reported: false }, why: 'a private-range HTTPS rule is not a risk Pillarguard gates on (only database ports and public endpoints of data services are); cdk diff reports every added rule' },
  { id: 'sg-rule-removed', title: 'security group rule removed', base: securityGroup([ingress(443, '10.0.0.0/16'), ingress(5432, '10.0.0.0/16')]), head: securityGroup([ingress(443, '10.0.0.0/16')]), broadening: false, cdk: false, ours: { approval: false, reported: false } },

  // ---- outside our model
  { id: 'sqs-queue-policy-public', title: 'SQS queue policy lets anyone send', base: queuePolicy([{ Effect: 'Allow', Principal: { AWS: WORKER_ROLE_ARN }, Action: 'sqs:SendMessage', Resource: '*' }]), head: queuePolicy([{ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' }]), broadening: true, cdk: true, ours: { approval: false, reported: false }, outOfScope: 'AWS::SQS::QueuePolicy', why: 'SQS queue policies are not modelled (not a data store of the seven pillars); cdk diff reads them' },
  { id: 'lambda-permission-public', title: 'Lambda permission lets any principal invoke', base: lambdaPermission(undefined), head: lambdaPermission('*'), broadening: true, cdk: true, ours: { approval: false, reported: false }, outOfScope: 'AWS::Lambda::Permission', why: 'Lambda resource-based permissions are not modelled; cdk diff reads them' },
];
