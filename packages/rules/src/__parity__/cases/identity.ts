import type { ParityCase, PlanResource } from '../harness';

/*
 * Parity cases for the identity rules (IAM) and the KMS key rules. IAM principals and policies
 * are described once (`RoleSpec`, `UserSpec`, `PolicySpec`, policy documents as plain objects)
 * and written the way each tool writes them:
 * - CloudFormation: `Policies` on the role/user, `AWS::IAM::Policy` / `AWS::IAM::ManagedPolicy`
 *   resources, `ManagedPolicyArns`; long-form intrinsics.
 * - Terraform: `inline_policy` blocks and `jsonencode`, `aws_iam_policy_document` data sources for
 *   trust policies, `aws_iam_role_policy` / `aws_iam_user_policy`, `aws_iam_policy` with
 *   `aws_iam_*_policy_attachment` (also for AWS-managed policies by ARN).
 * - Plan: the values the AWS provider v5 plans (policies as the minified, key-sorted JSON strings
 *   `jsonencode` produces; `unknown` for computed attributes; `references` for attributes set
 *   from other resources).
 * - AWS Config: IAM items as Config records them (global resources; policy documents URL-encoded;
 *   inline policies of a principal inside its item, whether the IaC wrote them in the principal
 *   or as a separate policy resource; customer-managed policies as `AWS::IAM::Policy` items with
 *   their versions and "Is attached to Role" relationships; AWS-managed policies only by ARN in
 *   `attachedManagedPolicies`, Config does not record them as items).
 * Findings are reported where a statement is written, so a separate inline-policy resource is the
 * target in CloudFormation/Terraform and the role is the target in Config.
 */

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const PARTNER = '444455556666';
const KEY_ID = '7c1e4a2b-5d3f-4e6a-9b8c-0d1e2f3a4b5c';
const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${KEY_ID}`;
const TABLE_ARN = `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/orders`;
const GITHUB_OIDC = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const CREATED = '2026-01-12T09:30:00.000Z';

type Case = Omit<ParityCase, 'name' | 'rule' | 'expect'>;

const UNDECIDED = {
  plan: 'a plan has the value of every variable, so the value is never undecided there',
  config: 'AWS Config records the deployed value, never an undecided one',
};

// ---------------------------------------------------------------------------------------------
// Values written per format

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A value the IaC writes as an intrinsic / reference and AWS resolves to `value`. */
interface Ref {
  $ref: { cfn: Val; tf: string; value: string; /** The value is known only after apply (the plan shows the whole policy as unknown). */ afterApply?: boolean };
}
/** A CloudFormation parameter / Terraform variable without a default. */
interface Var {
  $var: { cfn: string; cfnType: string; tf: string; tfType: string };
}
type Val = string | number | boolean | null | Ref | Var | Val[] | { [key: string]: Val };

const isRef = (v: Val): v is Ref => typeof v === 'object' && v !== null && !Array.isArray(v) && '$ref' in v;
const isVar = (v: Val): v is Var => typeof v === 'object' && v !== null && !Array.isArray(v) && '$var' in v;

function walk(v: Val, visit: (x: Ref | Var) => void): void {
  if (isRef(v) || isVar(v)) visit(v);
  else if (Array.isArray(v)) v.forEach((x) => walk(x, visit));
  else if (typeof v === 'object' && v !== null) Object.values(v).forEach((x) => walk(x, visit));
}

/** The deployed value (plan, Config). Cases with a variable leave plan and Config out, so its placeholder is never read. */
function resolved(v: Val): Json {
  if (isRef(v)) return v.$ref.value;
  if (isVar(v)) return null;
  if (Array.isArray(v)) return v.map(resolved);
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolved(x)]));
  return v;
}

/** `jsonencode` output: minified, object keys in lexicographic order. */
function jsonencode(v: Json): string {
  const sort = (x: Json): Json => {
    if (Array.isArray(x)) return x.map(sort);
    if (typeof x === 'object' && x !== null) return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort(x[k])]));
    return x;
  };
  return JSON.stringify(sort(v));
}

/** A policy document as IAM hands it to Config: URL-encoded JSON. */
const urlEncoded = (v: Val) => encodeURIComponent(JSON.stringify(resolved(v)));

// YAML (CloudFormation)

const yamlKey = (k: string) => (/^[A-Za-z0-9_:/.-]+$/.test(k) ? k : JSON.stringify(k));
const yamlScalar = (v: string | number | boolean | null) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

function yamlEntry(key: string, v: Val, ind: string): string[] {
  const k = yamlKey(key);
  if (isVar(v)) return [`${ind}${k}:`, `${ind}  Ref: ${v.$var.cfn}`];
  if (isRef(v)) return [`${ind}${k}:`, ...yamlBlock(v.$ref.cfn, `${ind}  `)];
  if (Array.isArray(v)) return v.length ? [`${ind}${k}:`, ...yamlList(v, `${ind}  `)] : [`${ind}${k}: []`];
  if (typeof v === 'object' && v !== null) return [`${ind}${k}:`, ...yamlBlock(v, `${ind}  `)];
  return [`${ind}${k}: ${yamlScalar(v)}`];
}

/** A map (or an intrinsic / parameter reference) as block lines at `ind`. */
function yamlBlock(v: Val, ind: string): string[] {
  if (isVar(v)) return [`${ind}Ref: ${v.$var.cfn}`];
  if (isRef(v)) return yamlBlock(v.$ref.cfn, ind);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('yamlBlock wants a map');
  return Object.entries(v).flatMap(([k, x]) => yamlEntry(k, x, ind));
}

function yamlList(list: Val[], ind: string): string[] {
  return list.flatMap((item) => {
    if (typeof item !== 'object' || item === null) return [`${ind}- ${yamlScalar(item)}`];
    if (Array.isArray(item)) throw new Error('nested lists are not written here');
    const lines = yamlBlock(item, `${ind}  `);
    return [`${ind}- ${lines[0].slice(ind.length + 2)}`, ...lines.slice(1)];
  });
}

// HCL (Terraform)

const hclKey = (k: string) => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : JSON.stringify(k));
/** A quoted HCL string; `${` and `%{` that belong to the value (IAM policy variables) are escaped. */
const hclString = (s: string) => JSON.stringify(s).replace(/([$%])\{/g, (_m, c: string) => `${c}${c}{`);

function hcl(v: Val, ind: string): string {
  if (isVar(v)) return `var.${v.$var.tf}`;
  if (isRef(v)) return v.$ref.tf;
  if (typeof v === 'string') return hclString(v);
  if (typeof v !== 'object' || v === null) return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x !== 'object' || x === null || isVar(x) || isRef(x))) return `[${v.map((x) => hcl(x, ind)).join(', ')}]`;
    return `[\n${v.map((x) => `${ind}  ${hcl(x, `${ind}  `)},`).join('\n')}\n${ind}]`;
  }
  const entries = Object.entries(v);
  const width = Math.max(...entries.map(([k]) => hclKey(k).length));
  return `{\n${entries.map(([k, x]) => `${ind}  ${hclKey(k).padEnd(width)} = ${hcl(x, `${ind}  `)}`).join('\n')}\n${ind}}`;
}

const asList = (v: Val | undefined): Val[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A policy document as an `aws_iam_policy_document` data source. */
function tfPolicyDocument(name: string, docVal: Val): string {
  const doc = docVal as { Statement: Array<Record<string, Val>> };
  const out = [`data "aws_iam_policy_document" "${name}" {`];
  doc.Statement.forEach((s, i) => {
    if (i > 0) out.push('');
    out.push('  statement {');
    if (typeof s.Sid === 'string') out.push(`    sid     = ${hclString(s.Sid)}`);
    if (s.Effect !== 'Allow') out.push(`    effect  = ${hcl(s.Effect, '    ')}`);
    if (s.Action !== undefined) out.push(`    actions = ${hcl(asList(s.Action), '    ')}`);
    if (s.NotAction !== undefined) out.push(`    not_actions = ${hcl(asList(s.NotAction), '    ')}`);
    if (s.Resource !== undefined) out.push(`    resources = ${hcl(asList(s.Resource), '    ')}`);
    const principal = s.Principal as Record<string, Val> | undefined;
    for (const [type, ids] of Object.entries(principal ?? {})) {
      out.push('', '    principals {', `      type        = ${hclString(type)}`, `      identifiers = ${hcl(asList(ids), '      ')}`, '    }');
    }
    const condition = s.Condition as Record<string, Record<string, Val>> | undefined;
    for (const [test, byKey] of Object.entries(condition ?? {})) {
      for (const [variable, values] of Object.entries(byKey)) {
        out.push('', '    condition {', `      test     = ${hclString(test)}`, `      variable = ${hclString(variable)}`, `      values   = ${hcl(asList(values), '      ')}`, '    }');
      }
    }
    out.push('  }');
  });
  out.push('}');
  return out.join('\n') + '\n';
}

/** The JSON an `aws_iam_policy_document` renders: indented, single values as strings. */
function dataSourceJson(docVal: Val): string {
  return JSON.stringify(resolved(docVal), null, 2);
}

// ---------------------------------------------------------------------------------------------
// Policy documents

type Statement = { [key: string]: Val };

const doc = (...Statement: Statement[]): Val => ({ Version: '2012-10-17', Statement });
const allow = (Action: Val, Resource: Val, extra: Statement = {}): Statement => ({ Effect: 'Allow', Action, Resource, ...extra });

const LAMBDA_TRUST = doc({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' });

/** `arn:${AWS::Partition}:<service>:${AWS::Region}:${AWS::AccountId}:<rest>` in CloudFormation, the literal elsewhere. */
function arn(service: string, rest: string, region = true): Ref {
  const value = `arn:aws:${service}:${region ? REGION : ''}:${ACCOUNT}:${rest}`;
  return { $ref: { cfn: { 'Fn::Sub': `arn:\${AWS::Partition}:${service}:${region ? '${AWS::Region}' : ''}:\${AWS::AccountId}:${rest}` }, tf: JSON.stringify(value), value } };
}

const ORDERS_TABLE = arn('dynamodb', 'table/orders');
const RAW_BUCKET_OBJECTS = 'arn:aws:s3:::orders-raw-111122223333/*';

// ---------------------------------------------------------------------------------------------
// Principals and policy resources

interface InlinePolicy {
  name: string;
  doc: Val;
}

interface RoleSpec {
  /** Terraform name; CloudFormation logical id is derived (`app` → `AppRole`). */
  key: string;
  name: string;
  trust?: Val;
  /** Terraform writes the trust policy as an `aws_iam_policy_document` data source (else `jsonencode`). */
  trustDataSource?: boolean;
  inline?: InlinePolicy[];
  /** AWS-managed policy ARNs. */
  awsManaged?: string[];
  /** Terraform attaches AWS-managed policies with the role's `managed_policy_arns` (else attachment resources). */
  tfManagedAttr?: boolean;
}

interface UserSpec {
  key: string;
  name: string;
  inline?: InlinePolicy[];
  awsManaged?: string[];
  /** Group keys. CloudFormation: the user's `Groups`; Terraform: `aws_iam_user_group_membership` (or `aws_iam_group_membership`, see GroupSpec). */
  groups?: string[];
}

interface GroupSpec {
  key: string;
  name: string;
  inline?: InlinePolicy[];
  awsManaged?: string[];
  /** Terraform writes membership from the group side (`aws_iam_group_membership`) instead of the user side. */
  tfMembershipByGroup?: boolean;
}

interface PolicySpec {
  /** `inline`: CFN `AWS::IAM::Policy` / TF `aws_iam_role_policy`/`aws_iam_user_policy`; `managed`: CFN `AWS::IAM::ManagedPolicy` / TF `aws_iam_policy` + attachment. */
  kind: 'inline' | 'managed';
  key: string;
  name: string;
  doc: Val;
  roles?: string[];
  users?: string[];
  /** CloudFormation attaches a managed policy through the role's `ManagedPolicyArns` (`Ref`) instead of the policy's `Roles`. */
  cfnViaRole?: boolean;
  /** CloudFormation writes an inline policy of one role as `AWS::IAM::RolePolicy` (`RoleName`) instead of `AWS::IAM::Policy` (`Roles`). */
  cfnRolePolicy?: boolean;
  /** Terraform attaches a managed policy with one `aws_iam_policy_attachment` (lists of principals) instead of one attachment per principal. */
  tfPolicyAttachment?: boolean;
}

interface IdentityInput {
  roles?: RoleSpec[];
  users?: UserSpec[];
  groups?: GroupSpec[];
  policies?: PolicySpec[];
  extra?: { cfn?: string[]; tf?: string; plan?: PlanResource[]; config?: Array<Record<string, unknown>> };
}

const pascal = (s: string) => s.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase());
const roleLogical = (r: { key: string }) => `${pascal(r.key)}Role`;
const userLogical = (u: { key: string }) => `${pascal(u.key)}User`;
const groupLogical = (g: { key: string }) => `${pascal(g.key)}Group`;
const groupArn = (g: { name: string }) => `arn:aws:iam::${ACCOUNT}:group/${g.name}`;
const policyLogical = (p: { key: string }) => `${pascal(p.key)}Policy`;
const roleArn = (r: { name: string }) => `arn:aws:iam::${ACCOUNT}:role/${r.name}`;
const userArn = (u: { name: string }) => `arn:aws:iam::${ACCOUNT}:user/${u.name}`;
const policyArn = (p: { name: string }) => `arn:aws:iam::${ACCOUNT}:policy/${p.name}`;
const managedName = (a: string) => a.split('/').pop()!;
const attachmentName = (owner: string, a: string) => `${owner}_${managedName(a).replace(/[^A-Za-z0-9]/g, '_').toLowerCase()}`;
/** IAM unique ids: prefix + 17 upper-case characters. */
const iamId = (prefix: string, name: string) => `${prefix}${name.toUpperCase().replace(/[^A-Z0-9]/g, '').padEnd(17, 'Q').slice(0, 17)}`;

function cfnTemplate(resources: string[], docs: Val[]): string {
  const vars = new Map<string, Var['$var']>();
  docs.forEach((d) => walk(d, (x) => isVar(x) && vars.set(x.$var.cfn, x.$var)));
  const out = ['AWSTemplateFormatVersion: "2010-09-09"'];
  if (vars.size) out.push('Parameters:', ...[...vars.values()].flatMap((v) => [`  ${v.cfn}:`, `    Type: ${v.cfnType}`]));
  out.push('Resources:', ...resources);
  return out.join('\n') + '\n';
}

function tfVariables(docs: Val[]): string[] {
  const vars = new Map<string, Var['$var']>();
  docs.forEach((d) => walk(d, (x) => isVar(x) && vars.set(x.$var.tf, x.$var)));
  return [...vars.values()].map((v) => `variable "${v.tf}" {\n  type = ${v.tfType}\n}\n`);
}

function identity(input: IdentityInput): Case {
  const roles = input.roles ?? [];
  const users = input.users ?? [];
  const groups = input.groups ?? [];
  const policies = input.policies ?? [];
  const groupOf = (key: string) => groups.find((g) => g.key === key)!;
  const roleOf = (key: string) => roles.find((r) => r.key === key)!;
  const userOf = (key: string) => users.find((u) => u.key === key)!;
  const docs: Val[] = [...roles.flatMap((r) => [r.trust ?? LAMBDA_TRUST, ...(r.inline ?? []).map((p) => p.doc)]), ...users.flatMap((u) => (u.inline ?? []).map((p) => p.doc)), ...groups.flatMap((g) => (g.inline ?? []).map((p) => p.doc)), ...policies.map((p) => p.doc)];
  let undecided = false;
  let afterApply = false;
  docs.forEach((d) => walk(d, (x) => (isVar(x) ? (undecided = true) : x.$ref.afterApply && (afterApply = true))));

  // CloudFormation ---------------------------------------------------------------------------
  const cfnInline = (list: InlinePolicy[] | undefined) =>
    list?.length ? ['      Policies:', ...list.flatMap((p) => ['        - PolicyName: ' + JSON.stringify(p.name), '          PolicyDocument:', ...yamlBlock(p.doc, '            ')])] : [];
  const cfnResources: string[] = [];
  for (const r of roles) {
    const viaRole = policies.filter((p) => p.kind === 'managed' && p.cfnViaRole && p.roles?.includes(r.key));
    const arns = [...(r.awsManaged ?? []).map((a) => `        - ${JSON.stringify(a)}`), ...viaRole.flatMap((p) => [`        - Ref: ${policyLogical(p)}`])];
    cfnResources.push(
      `  ${roleLogical(r)}:`,
      '    Type: AWS::IAM::Role',
      '    Properties:',
      `      RoleName: ${r.name}`,
      '      AssumeRolePolicyDocument:',
      ...yamlBlock(r.trust ?? LAMBDA_TRUST, '        '),
      ...cfnInline(r.inline),
      ...(arns.length ? ['      ManagedPolicyArns:', ...arns] : []),
    );
  }
  for (const u of users) {
    cfnResources.push(
      `  ${userLogical(u)}:`,
      '    Type: AWS::IAM::User',
      '    Properties:',
      `      UserName: ${u.name}`,
      ...(u.groups?.length ? ['      Groups:', ...u.groups.map((k) => `        - Ref: ${groupLogical(groupOf(k))}`)] : []),
      ...cfnInline(u.inline),
      ...(u.awsManaged?.length ? ['      ManagedPolicyArns:', ...u.awsManaged.map((a) => `        - ${JSON.stringify(a)}`)] : []),
    );
  }
  for (const g of groups) {
    cfnResources.push(
      `  ${groupLogical(g)}:`,
      '    Type: AWS::IAM::Group',
      '    Properties:',
      `      GroupName: ${g.name}`,
      ...cfnInline(g.inline),
      ...(g.awsManaged?.length ? ['      ManagedPolicyArns:', ...g.awsManaged.map((a) => `        - ${JSON.stringify(a)}`)] : []),
    );
  }
  for (const p of policies) {
    if (p.cfnRolePolicy) {
      cfnResources.push(`  ${policyLogical(p)}:`, '    Type: AWS::IAM::RolePolicy', '    Properties:', `      PolicyName: ${p.name}`, '      RoleName:', `        Ref: ${roleLogical(roleOf(p.roles![0]))}`, '      PolicyDocument:', ...yamlBlock(p.doc, '        '));
      continue;
    }
    const roleRefs = p.kind === 'managed' && p.cfnViaRole ? [] : (p.roles ?? []).map((k) => `        - Ref: ${roleLogical(roleOf(k))}`);
    const userRefs = (p.users ?? []).map((k) => `        - Ref: ${userLogical(userOf(k))}`);
    cfnResources.push(
      `  ${policyLogical(p)}:`,
      `    Type: ${p.kind === 'inline' ? 'AWS::IAM::Policy' : 'AWS::IAM::ManagedPolicy'}`,
      '    Properties:',
      `      ${p.kind === 'inline' ? 'PolicyName' : 'ManagedPolicyName'}: ${p.name}`,
      '      PolicyDocument:',
      ...yamlBlock(p.doc, '        '),
      ...(roleRefs.length ? ['      Roles:', ...roleRefs] : []),
      ...(userRefs.length ? ['      Users:', ...userRefs] : []),
    );
  }
  cfnResources.push(...(input.extra?.cfn ?? []));

  // Terraform --------------------------------------------------------------------------------
  const tf: string[] = [...tfVariables(docs)];
  const plan: PlanResource[] = [];
  const attachmentTf = (kind: 'role' | 'user' | 'group', owner: string, ownerName: string, a: string, policyRef?: string) => {
    const name = policyRef ? `${owner}_${policyRef.split('.')[1]}` : attachmentName(owner, a);
    const attr = kind;
    tf.push(`resource "aws_iam_${kind}_policy_attachment" "${name}" {\n  ${attr.padEnd(10)} = aws_iam_${kind}.${owner}.name\n  policy_arn = ${policyRef ? `${policyRef}.arn` : JSON.stringify(a)}\n}\n`);
    plan.push({
      address: `aws_iam_${kind}_policy_attachment.${name}`,
      type: `aws_iam_${kind}_policy_attachment`,
      values: { ...(policyRef ? {} : { policy_arn: a }), [attr]: ownerName },
      unknown: { id: true, ...(policyRef ? { policy_arn: true } : {}) },
      references: { [attr]: [`aws_iam_${kind}.${owner}.name`, `aws_iam_${kind}.${owner}`], ...(policyRef ? { policy_arn: [`${policyRef}.arn`, policyRef] } : {}) },
    });
  };
  for (const r of roles) {
    const trust = r.trust ?? LAMBDA_TRUST;
    if (r.trustDataSource) tf.push(tfPolicyDocument(`${r.key}_trust`, trust));
    const lines = [
      `resource "aws_iam_role" "${r.key}" {`,
      `  name               = ${JSON.stringify(r.name)}`,
      `  assume_role_policy = ${r.trustDataSource ? `data.aws_iam_policy_document.${r.key}_trust.json` : `jsonencode(${hcl(trust, '  ')})`}`,
      ...(r.tfManagedAttr && r.awsManaged?.length ? [`  managed_policy_arns = ${hcl(r.awsManaged, '  ')}`] : []),
    ];
    for (const p of r.inline ?? []) lines.push('', '  inline_policy {', `    name   = ${JSON.stringify(p.name)}`, `    policy = jsonencode(${hcl(p.doc, '    ')})`, '  }');
    lines.push('}');
    tf.push(lines.join('\n') + '\n');
    plan.push({
      address: `aws_iam_role.${r.key}`,
      type: 'aws_iam_role',
      values: {
        assume_role_policy: r.trustDataSource ? dataSourceJson(trust) : jsonencode(resolved(trust)),
        description: null,
        force_detach_policies: false,
        ...(r.inline?.length ? { inline_policy: r.inline.map((p) => ({ name: p.name, policy: jsonencode(resolved(p.doc)) })) } : {}),
        ...(r.tfManagedAttr && r.awsManaged?.length ? { managed_policy_arns: r.awsManaged } : {}),
        max_session_duration: 3600,
        name: r.name,
        path: '/',
        permissions_boundary: null,
        tags: null,
      },
      unknown: { arn: true, create_date: true, id: true, ...(r.inline?.length ? {} : { inline_policy: true }), ...(r.tfManagedAttr && r.awsManaged?.length ? {} : { managed_policy_arns: true }), name_prefix: true, tags_all: true, unique_id: true },
      ...(r.trustDataSource ? { references: { assume_role_policy: [`data.aws_iam_policy_document.${r.key}_trust.json`, `data.aws_iam_policy_document.${r.key}_trust`] } } : {}),
    });
    if (!r.tfManagedAttr) for (const a of r.awsManaged ?? []) attachmentTf('role', r.key, r.name, a);
  }
  for (const u of users) {
    tf.push(`resource "aws_iam_user" "${u.key}" {\n  name = ${JSON.stringify(u.name)}\n}\n`);
    plan.push({
      address: `aws_iam_user.${u.key}`,
      type: 'aws_iam_user',
      values: { force_destroy: false, name: u.name, path: '/', permissions_boundary: null, tags: null },
      unknown: { arn: true, id: true, tags_all: true, unique_id: true },
    });
    // Terraform has no inline policies in the user resource: each is an aws_iam_user_policy.
    for (const p of u.inline ?? []) {
      const name = `${u.key}_${p.name.replace(/[^A-Za-z0-9]/g, '_')}`;
      tf.push(`resource "aws_iam_user_policy" "${name}" {\n  name   = ${JSON.stringify(p.name)}\n  user   = aws_iam_user.${u.key}.name\n  policy = jsonencode(${hcl(p.doc, '  ')})\n}\n`);
      plan.push({
        address: `aws_iam_user_policy.${name}`,
        type: 'aws_iam_user_policy',
        values: { name: p.name, policy: jsonencode(resolved(p.doc)), user: u.name },
        unknown: { id: true, name_prefix: true },
        references: { user: [`aws_iam_user.${u.key}.name`, `aws_iam_user.${u.key}`] },
      });
    }
    for (const a of u.awsManaged ?? []) attachmentTf('user', u.key, u.name, a);
    const byUser = (u.groups ?? []).filter((k) => !groupOf(k).tfMembershipByGroup);
    if (byUser.length) {
      tf.push(`resource "aws_iam_user_group_membership" "${u.key}" {\n  user   = aws_iam_user.${u.key}.name\n  groups = [${byUser.map((k) => `aws_iam_group.${k}.name`).join(', ')}]\n}\n`);
      plan.push({
        address: `aws_iam_user_group_membership.${u.key}`,
        type: 'aws_iam_user_group_membership',
        values: { groups: byUser.map((k) => groupOf(k).name), user: u.name },
        unknown: { id: true },
        references: { user: [`aws_iam_user.${u.key}.name`, `aws_iam_user.${u.key}`], groups: byUser.flatMap((k) => [`aws_iam_group.${k}.name`, `aws_iam_group.${k}`]) },
      });
    }
  }
  for (const g of groups) {
    tf.push(`resource "aws_iam_group" "${g.key}" {\n  name = ${JSON.stringify(g.name)}\n}\n`);
    plan.push({ address: `aws_iam_group.${g.key}`, type: 'aws_iam_group', values: { name: g.name, path: '/' }, unknown: { arn: true, id: true, unique_id: true } });
    for (const p of g.inline ?? []) {
      const name = `${g.key}_${p.name.replace(/[^A-Za-z0-9]/g, '_')}`;
      tf.push(`resource "aws_iam_group_policy" "${name}" {\n  name   = ${JSON.stringify(p.name)}\n  group  = aws_iam_group.${g.key}.name\n  policy = jsonencode(${hcl(p.doc, '  ')})\n}\n`);
      plan.push({
        address: `aws_iam_group_policy.${name}`,
        type: 'aws_iam_group_policy',
        values: { group: g.name, name: p.name, policy: jsonencode(resolved(p.doc)) },
        unknown: { id: true, name_prefix: true },
        references: { group: [`aws_iam_group.${g.key}.name`, `aws_iam_group.${g.key}`] },
      });
    }
    for (const a of g.awsManaged ?? []) attachmentTf('group', g.key, g.name, a);
    const members = users.filter((u) => u.groups?.includes(g.key));
    if (g.tfMembershipByGroup && members.length) {
      tf.push(`resource "aws_iam_group_membership" "${g.key}" {\n  name  = ${JSON.stringify(`${g.name}-members`)}\n  group = aws_iam_group.${g.key}.name\n  users = [${members.map((u) => `aws_iam_user.${u.key}.name`).join(', ')}]\n}\n`);
      plan.push({
        address: `aws_iam_group_membership.${g.key}`,
        type: 'aws_iam_group_membership',
        values: { group: g.name, name: `${g.name}-members`, users: members.map((u) => u.name) },
        unknown: { id: true },
        references: { group: [`aws_iam_group.${g.key}.name`, `aws_iam_group.${g.key}`], users: members.flatMap((u) => [`aws_iam_user.${u.key}.name`, `aws_iam_user.${u.key}`]) },
      });
    }
  }
  for (const p of policies) {
    if (p.kind === 'inline') {
      for (const k of p.roles ?? []) {
        tf.push(`resource "aws_iam_role_policy" "${p.key}" {\n  name   = ${JSON.stringify(p.name)}\n  role   = aws_iam_role.${k}.id\n  policy = jsonencode(${hcl(p.doc, '  ')})\n}\n`);
        plan.push({
          address: `aws_iam_role_policy.${p.key}`,
          type: 'aws_iam_role_policy',
          values: { name: p.name, policy: jsonencode(resolved(p.doc)) },
          unknown: { id: true, name_prefix: true, role: true },
          references: { role: [`aws_iam_role.${k}.id`, `aws_iam_role.${k}`] },
        });
      }
      for (const k of p.users ?? []) {
        tf.push(`resource "aws_iam_user_policy" "${p.key}" {\n  name   = ${JSON.stringify(p.name)}\n  user   = aws_iam_user.${k}.name\n  policy = jsonencode(${hcl(p.doc, '  ')})\n}\n`);
        plan.push({
          address: `aws_iam_user_policy.${p.key}`,
          type: 'aws_iam_user_policy',
          values: { name: p.name, policy: jsonencode(resolved(p.doc)), user: userOf(k).name },
          unknown: { id: true, name_prefix: true },
          references: { user: [`aws_iam_user.${k}.name`, `aws_iam_user.${k}`] },
        });
      }
    } else {
      tf.push(`resource "aws_iam_policy" "${p.key}" {\n  name   = ${JSON.stringify(p.name)}\n  policy = jsonencode(${hcl(p.doc, '  ')})\n}\n`);
      plan.push({
        address: `aws_iam_policy.${p.key}`,
        type: 'aws_iam_policy',
        values: { description: null, name: p.name, path: '/', policy: jsonencode(resolved(p.doc)), tags: null },
        unknown: { arn: true, attachment_count: true, id: true, name_prefix: true, policy_id: true, tags_all: true },
      });
      if (p.tfPolicyAttachment) {
        const rs = p.roles ?? [];
        const us = p.users ?? [];
        tf.push(
          [
            `resource "aws_iam_policy_attachment" "${p.key}" {`,
            `  name       = ${JSON.stringify(`${p.name}-attachment`)}`,
            `  policy_arn = aws_iam_policy.${p.key}.arn`,
            ...(rs.length ? [`  roles      = [${rs.map((k) => `aws_iam_role.${k}.name`).join(', ')}]`] : []),
            ...(us.length ? [`  users      = [${us.map((k) => `aws_iam_user.${k}.name`).join(', ')}]`] : []),
            '}',
          ].join('\n') + '\n',
        );
        plan.push({
          address: `aws_iam_policy_attachment.${p.key}`,
          type: 'aws_iam_policy_attachment',
          values: { groups: null, name: `${p.name}-attachment`, roles: rs.length ? rs.map((k) => roleOf(k).name) : null, users: us.length ? us.map((k) => userOf(k).name) : null },
          unknown: { id: true, policy_arn: true },
          references: {
            policy_arn: [`aws_iam_policy.${p.key}.arn`, `aws_iam_policy.${p.key}`],
            ...(rs.length ? { roles: rs.flatMap((k) => [`aws_iam_role.${k}.name`, `aws_iam_role.${k}`]) } : {}),
            ...(us.length ? { users: us.flatMap((k) => [`aws_iam_user.${k}.name`, `aws_iam_user.${k}`]) } : {}),
          },
        });
      } else {
        for (const k of p.roles ?? []) attachmentTf('role', k, roleOf(k).name, '', `aws_iam_policy.${p.key}`);
        for (const k of p.users ?? []) attachmentTf('user', k, userOf(k).name, '', `aws_iam_policy.${p.key}`);
      }
    }
  }
  if (input.extra?.tf) tf.push(input.extra.tf);
  plan.push(...(input.extra?.plan ?? []));

  // AWS Config -------------------------------------------------------------------------------
  const iamItem = (type: string, idPrefix: string, name: string, itemArn: string, configuration: Record<string, unknown>, relationships: Array<Record<string, string>>) => ({
    resourceType: type,
    resourceId: iamId(idPrefix, name),
    resourceName: name,
    ARN: itemArn,
    awsRegion: 'global',
    availabilityZone: 'Not Applicable',
    resourceCreationTime: CREATED,
    configuration,
    supplementaryConfiguration: {},
    relationships,
    tags: {},
  });
  const inlineList = (own: InlinePolicy[] | undefined, owner: (p: PolicySpec) => string[] | undefined, key: string) => [
    ...(own ?? []).map((p) => ({ policyName: p.name, policyDocument: urlEncoded(p.doc) })),
    ...policies.filter((p) => p.kind === 'inline' && owner(p)?.includes(key)).map((p) => ({ policyName: p.name, policyDocument: urlEncoded(p.doc) })),
  ];
  const attached = (aws: string[] | undefined, owner: (p: PolicySpec) => string[] | undefined, key: string) => [
    ...(aws ?? []).map((a) => ({ policyName: managedName(a), policyArn: a })),
    ...policies.filter((p) => p.kind === 'managed' && owner(p)?.includes(key)).map((p) => ({ policyName: p.name, policyArn: policyArn(p) })),
  ];
  const policyRelations = (owner: (p: PolicySpec) => string[] | undefined, key: string) =>
    policies.filter((p) => p.kind === 'managed' && owner(p)?.includes(key)).map((p) => ({ resourceType: 'AWS::IAM::Policy', resourceId: iamId('ANPA', p.name), resourceName: p.name, relationshipName: 'Is attached to CustomerManagedPolicy' }));
  const config: Array<Record<string, unknown>> = [];
  for (const r of roles) {
    config.push(
      iamItem(
        'AWS::IAM::Role',
        'AROA',
        r.name,
        roleArn(r),
        {
          path: '/',
          roleName: r.name,
          roleId: iamId('AROA', r.name),
          arn: roleArn(r),
          createDate: CREATED,
          assumeRolePolicyDocument: urlEncoded(r.trust ?? LAMBDA_TRUST),
          instanceProfileList: [],
          rolePolicyList: inlineList(r.inline, (p) => p.roles, r.key),
          attachedManagedPolicies: attached(r.awsManaged, (p) => p.roles, r.key),
          permissionsBoundary: null,
          tags: [],
          roleLastUsed: null,
        },
        policyRelations((p) => p.roles, r.key),
      ),
    );
  }
  for (const u of users) {
    config.push(
      iamItem(
        'AWS::IAM::User',
        'AIDA',
        u.name,
        userArn(u),
        {
          path: '/',
          userName: u.name,
          userId: iamId('AIDA', u.name),
          arn: userArn(u),
          createDate: CREATED,
          userPolicyList: inlineList(u.inline, (p) => p.users, u.key),
          groupList: (u.groups ?? []).map((k) => groupOf(k).name),
          attachedManagedPolicies: attached(u.awsManaged, (p) => p.users, u.key),
          permissionsBoundary: null,
          tags: [],
        },
        [...policyRelations((p) => p.users, u.key), ...(u.groups ?? []).map((k) => ({ resourceType: 'AWS::IAM::Group', resourceId: iamId('AGPA', groupOf(k).name), resourceName: groupOf(k).name, relationshipName: 'Is attached to Group' }))],
      ),
    );
  }
  for (const g of groups) {
    const members = users.filter((u) => u.groups?.includes(g.key));
    config.push(
      iamItem(
        'AWS::IAM::Group',
        'AGPA',
        g.name,
        groupArn(g),
        {
          path: '/',
          groupName: g.name,
          groupId: iamId('AGPA', g.name),
          arn: groupArn(g),
          createDate: CREATED,
          groupPolicyList: (g.inline ?? []).map((p) => ({ policyName: p.name, policyDocument: urlEncoded(p.doc) })),
          attachedManagedPolicies: (g.awsManaged ?? []).map((a) => ({ policyName: managedName(a), policyArn: a })),
        },
        members.map((u) => ({ resourceType: 'AWS::IAM::User', resourceId: iamId('AIDA', u.name), resourceName: u.name, relationshipName: 'Contains User' })),
      ),
    );
  }
  for (const p of policies.filter((x) => x.kind === 'managed')) {
    const relations = [
      ...(p.roles ?? []).map((k) => ({ resourceType: 'AWS::IAM::Role', resourceId: iamId('AROA', roleOf(k).name), resourceName: roleOf(k).name, relationshipName: 'Is attached to Role' })),
      ...(p.users ?? []).map((k) => ({ resourceType: 'AWS::IAM::User', resourceId: iamId('AIDA', userOf(k).name), resourceName: userOf(k).name, relationshipName: 'Is attached to User' })),
    ];
    config.push(
      iamItem(
        'AWS::IAM::Policy',
        'ANPA',
        p.name,
        policyArn(p),
        {
          policyName: p.name,
          policyId: iamId('ANPA', p.name),
          arn: policyArn(p),
          path: '/',
          defaultVersionId: 'v1',
          attachmentCount: relations.length,
          permissionsBoundaryUsageCount: 0,
          isAttachable: true,
          description: null,
          createDate: CREATED,
          updateDate: CREATED,
          policyVersionList: [{ document: urlEncoded(p.doc), versionId: 'v1', isDefaultVersion: true, createDate: CREATED }],
        },
        relations,
      ),
    );
  }
  config.push(...(input.extra?.config ?? []));

  return {
    target: {},
    cloudformation: cfnTemplate(cfnResources, docs),
    terraform: tf.join('\n'),
    ...(undecided ? { omit: UNDECIDED } : { config, ...(afterApply ? { omit: { plan: 'the policy embeds an ARN known only after apply, so the plan shows the whole policy document as (known after apply)' } } : { plan }) }),
  };
}

const roleTarget = (r: RoleSpec) => ({ cloudformation: roleLogical(r), terraform: `aws_iam_role.${r.key}`, config: roleArn(r) });
const userTarget = (u: UserSpec) => ({ cloudformation: userLogical(u), terraform: `aws_iam_user.${u.key}`, config: userArn(u) });
/** A separate policy resource: its own id in the IaC; in Config, the role (inline) or the policy item (managed). */
function policyTarget(p: PolicySpec, role?: RoleSpec): ParityCase['target'] {
  const tfType = p.kind === 'managed' ? 'aws_iam_policy' : p.users?.length ? 'aws_iam_user_policy' : 'aws_iam_role_policy';
  return { cloudformation: policyLogical(p), terraform: `${tfType}.${p.key}`, config: p.kind === 'managed' ? policyArn(p) : roleArn(role!) };
}

function on(target: ParityCase['target'], c: Case): Case {
  return { ...c, target };
}

// ---------------------------------------------------------------------------------------------
// DynamoDB table for dynamodb.leading-keys

/** `level` = a classification value, or `var` for a parameter / variable without a default. */
function ordersTable(level: string): { cfn: string[]; tf: string; plan: PlanResource; config: Record<string, unknown> } {
  const tagValue = level === 'var' ? ['            Ref: Classification'] : [];
  return {
    cfn: [
      '  OrdersTable:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      TableName: orders',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions:',
      '        - AttributeName: tenant_id',
      '          AttributeType: S',
      '      KeySchema:',
      '        - AttributeName: tenant_id',
      '          KeyType: HASH',
      '      PointInTimeRecoverySpecification:',
      '        PointInTimeRecoveryEnabled: true',
      '      Tags:',
      '        - Key: data_classification',
      level === 'var' ? '          Value:' : `          Value: ${level}`,
      ...tagValue,
    ],
    tf: [
      ...(level === 'var' ? ['variable "classification" {\n  type = string\n}\n'] : []),
      [
        'resource "aws_dynamodb_table" "orders" {',
        '  name         = "orders"',
        '  billing_mode = "PAY_PER_REQUEST"',
        '  hash_key     = "tenant_id"',
        '',
        '  attribute {',
        '    name = "tenant_id"',
        '    type = "S"',
        '  }',
        '',
        '  point_in_time_recovery {',
        '    enabled = true',
        '  }',
        '',
        '  tags = {',
        `    data_classification = ${level === 'var' ? 'var.classification' : JSON.stringify(level)}`,
        '  }',
        '}',
      ].join('\n') + '\n',
    ].join('\n'),
    plan: {
      address: 'aws_dynamodb_table.orders',
      type: 'aws_dynamodb_table',
      values: {
        attribute: [{ name: 'tenant_id', type: 'S' }],
        billing_mode: 'PAY_PER_REQUEST',
        deletion_protection_enabled: null,
        global_secondary_index: [],
        hash_key: 'tenant_id',
        import_table: [],
        local_secondary_index: [],
        name: 'orders',
        on_demand_throughput: [],
        point_in_time_recovery: [{ enabled: true }],
        range_key: null,
        replica: [],
        restore_date_time: null,
        restore_source_name: null,
        restore_source_table_arn: null,
        restore_to_latest_time: null,
        stream_enabled: null,
        table_class: 'STANDARD',
        tags: { data_classification: level },
        tags_all: { data_classification: level },
        timeouts: null,
        ttl: [],
      },
      unknown: { arn: true, id: true, point_in_time_recovery: [{ recovery_period_in_days: true }], read_capacity: true, server_side_encryption: true, stream_arn: true, stream_label: true, stream_view_type: true, write_capacity: true },
    },
    config: {
      resourceType: 'AWS::DynamoDB::Table',
      resourceId: 'orders',
      resourceName: 'orders',
      ARN: TABLE_ARN,
      availabilityZone: 'Not Applicable',
      configuration: {
        attributeDefinitions: [{ attributeName: 'tenant_id', attributeType: 'S' }],
        tableName: 'orders',
        keySchema: [{ attributeName: 'tenant_id', keyType: 'HASH' }],
        tableStatus: 'ACTIVE',
        creationDateTime: 1768210200000,
        provisionedThroughput: { numberOfDecreasesToday: 0, readCapacityUnits: 0, writeCapacityUnits: 0 },
        tableSizeBytes: 0,
        itemCount: 0,
        tableArn: TABLE_ARN,
        tableId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        billingModeSummary: { billingMode: 'PAY_PER_REQUEST', lastUpdateToPayPerRequestDateTime: 1768210200000 },
        deletionProtectionEnabled: false,
      },
      supplementaryConfiguration: {
        ContinuousBackupsDescription: { continuousBackupsStatus: 'ENABLED', pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'ENABLED' } },
      },
      tags: { data_classification: level },
    },
  };
}

function withTable(level: string, c: Case): Case {
  const t = ordersTable(level);
  const cfn = c.cloudformation!.replace(/^Resources:\n/m, `Resources:\n${t.cfn.join('\n')}\n`);
  const withParam = level === 'var' ? cfn.replace(/^Resources:/m, 'Parameters:\n  Classification:\n    Type: String\nResources:') : cfn;
  const undecided = level === 'var';
  return {
    ...c,
    cloudformation: withParam,
    terraform: `${t.tf}\n${c.terraform}`,
    ...(undecided ? { plan: undefined, config: undefined, omit: UNDECIDED } : {}),
    ...(c.plan && !undecided ? { plan: [t.plan, ...c.plan] } : {}),
    ...(c.config && !undecided ? { config: [t.config, ...c.config] } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// KMS keys

interface KeyOpts {
  rotation?: boolean | 'var';
  spec?: string;
  /** Key policy; absent = the default key policy. */
  policy?: Val;
  /** Terraform writes the policy as a separate `aws_kms_key_policy` resource. */
  separatePolicy?: boolean;
}

function kmsKey(o: KeyOpts): Case {
  const rotation = o.rotation;
  const spec = o.spec ?? 'SYMMETRIC_DEFAULT';
  const docs = o.policy === undefined ? [] : [o.policy];
  const rotationVar: Var = { $var: { cfn: 'RotateKey', cfnType: 'String', tf: 'rotate_key', tfType: 'bool' } };
  if (rotation === 'var') docs.push({ x: rotationVar });
  const cfnKey = [
    '  DataKey:',
    '    Type: AWS::KMS::Key',
    '    Properties:',
    '      Description: data platform key',
    ...(spec !== 'SYMMETRIC_DEFAULT' ? [`      KeySpec: ${spec}`, `      KeyUsage: ${spec.startsWith('HMAC') ? 'GENERATE_VERIFY_MAC' : 'ENCRYPT_DECRYPT'}`] : []),
    ...(rotation === undefined ? [] : rotation === 'var' ? ['      EnableKeyRotation:', '        Ref: RotateKey'] : [`      EnableKeyRotation: ${rotation}`]),
    ...(o.policy === undefined ? [] : ['      KeyPolicy:', ...yamlBlock(o.policy, '        ')]),
  ];
  const tfKey = [
    'resource "aws_kms_key" "data" {',
    '  description              = "data platform key"',
    ...(spec !== 'SYMMETRIC_DEFAULT' ? [`  customer_master_key_spec = ${JSON.stringify(spec)}`, `  key_usage                = ${JSON.stringify(spec.startsWith('HMAC') ? 'GENERATE_VERIFY_MAC' : 'ENCRYPT_DECRYPT')}`] : []),
    ...(rotation === undefined ? [] : [`  enable_key_rotation      = ${rotation === 'var' ? 'var.rotate_key' : rotation}`]),
    ...(o.policy !== undefined && !o.separatePolicy ? [`  policy                   = jsonencode(${hcl(o.policy, '  ')})`] : []),
    '}',
  ].join('\n') + '\n';
  const tfPolicy = o.policy !== undefined && o.separatePolicy ? `resource "aws_kms_key_policy" "data" {\n  key_id = aws_kms_key.data.id\n  policy = jsonencode(${hcl(o.policy, '  ')})\n}\n` : '';
  const undecided = docs.some((d) => {
    let found = false;
    walk(d, (x) => isVar(x) && (found = true));
    return found;
  });
  const inlinePolicy = o.policy !== undefined && !o.separatePolicy;
  const plan: PlanResource[] = [
    {
      address: 'aws_kms_key.data',
      type: 'aws_kms_key',
      values: {
        bypass_policy_lockout_safety_check: false,
        custom_key_store_id: null,
        customer_master_key_spec: spec,
        deletion_window_in_days: null,
        description: 'data platform key',
        enable_key_rotation: rotation === undefined ? false : rotation,
        is_enabled: true,
        key_usage: spec.startsWith('HMAC') ? 'GENERATE_VERIFY_MAC' : 'ENCRYPT_DECRYPT',
        ...(inlinePolicy ? { policy: jsonencode(resolved(o.policy!)) } : {}),
        tags: null,
        xks_key_id: null,
      },
      unknown: { arn: true, id: true, key_id: true, multi_region: true, ...(inlinePolicy ? {} : { policy: true }), rotation_period_in_days: true, tags_all: true },
    },
  ];
  if (o.policy !== undefined && o.separatePolicy) {
    plan.push({
      address: 'aws_kms_key_policy.data',
      type: 'aws_kms_key_policy',
      values: { bypass_policy_lockout_safety_check: false, policy: jsonencode(resolved(o.policy)) },
      unknown: { id: true, key_id: true },
      references: { key_id: ['aws_kms_key.data.id', 'aws_kms_key.data'] },
    });
  }
  const config = {
    resourceType: 'AWS::KMS::Key',
    resourceId: KEY_ID,
    ARN: KEY_ARN,
    availabilityZone: 'Not Applicable',
    resourceCreationTime: CREATED,
    configuration: {
      awsaccountId: ACCOUNT,
      keyId: KEY_ID,
      arn: KEY_ARN,
      creationDate: CREATED,
      enabled: true,
      description: 'data platform key',
      keyUsage: spec.startsWith('HMAC') ? 'GENERATE_VERIFY_MAC' : 'ENCRYPT_DECRYPT',
      keyState: 'Enabled',
      origin: 'AWS_KMS',
      keyManager: 'CUSTOMER',
      customerMasterKeySpec: spec,
      keySpec: spec,
      ...(spec === 'SYMMETRIC_DEFAULT' ? { encryptionAlgorithms: ['SYMMETRIC_DEFAULT'] } : spec.startsWith('HMAC') ? { macAlgorithms: ['HMAC_SHA_256'] } : { encryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] }),
      multiRegion: false,
    },
    supplementaryConfiguration: { KeyRotationStatus: rotation === true },
  };
  return {
    target: { cloudformation: 'DataKey', terraform: 'aws_kms_key.data', config: KEY_ARN },
    cloudformation: cfnTemplate(cfnKey, docs),
    terraform: [...tfVariables(docs), tfKey, tfPolicy].filter(Boolean).join('\n'),
    ...(undecided ? { omit: UNDECIDED } : { plan, config: [config] }),
  };
}

/** The key policy statement every key keeps: the account may manage the key through IAM. */
const ROOT_STATEMENT: Statement = {
  Sid: 'EnableIamPolicies',
  Effect: 'Allow',
  Principal: { AWS: { $ref: { cfn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }, tf: JSON.stringify(`arn:aws:iam::${ACCOUNT}:root`), value: `arn:aws:iam::${ACCOUNT}:root` } } },
  Action: 'kms:*',
  Resource: '*',
};

const keyPolicy = (...statements: Statement[]) => doc(ROOT_STATEMENT, ...statements);

/** kms.policy-public reads key policies, which AWS Config does not record: no Config variant. */
function iacOnly(c: Case): Case {
  const { config: _config, omit, ...rest } = c;
  void _config;
  const left = omit ? Object.fromEntries(Object.entries(omit).filter(([k]) => k !== 'config')) : undefined;
  return { ...rest, ...(left && Object.keys(left).length ? { omit: left } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Shared principals

const ADMIN_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';
const DYNAMODB_FULL_ARN = 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess';
const IAM_FULL_ARN = 'arn:aws:iam::aws:policy/IAMFullAccess';
const S3_READ_ARN = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
/** An AWS-managed policy the engine does not model (its contents are not in the input). */
const GLUE_SERVICE_ROLE_ARN = 'arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole';
const DATA_SCIENTIST_ARN = 'arn:aws:iam::aws:policy/job-function/DataScientist';

const READ_ORDERS = doc(allow(['dynamodb:GetItem', 'dynamodb:Query'], ORDERS_TABLE));

const role = (key: string, extra: Partial<RoleSpec> = {}): RoleSpec => ({ key, name: `orders-${key.replace(/_/g, '-')}`, ...extra });

function roleCase(r: RoleSpec, extra: Omit<IdentityInput, 'roles'> = {}): Case {
  return on(roleTarget(r), identity({ roles: [r], ...extra }));
}

function policyCase(p: Omit<PolicySpec, 'roles'>, r: RoleSpec = role('app', { inline: [] })): Case {
  const spec: PolicySpec = { ...p, roles: [r.key] };
  return on(policyTarget(spec, r), identity({ roles: [r], policies: [spec] }));
}

// ---------------------------------------------------------------------------------------------
// Trust policies

const assumeRole = (principal: Val, condition?: Statement): Statement => ({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });
const PARTNER_ROOT = `arn:aws:iam::${PARTNER}:root`;
const githubTrust = (condition: Statement) => doc({ Effect: 'Allow', Principal: { Federated: { $ref: { cfn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com' }, tf: JSON.stringify(GITHUB_OIDC), value: GITHUB_OIDC } } }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition });
const trustRole = (trust: Val) => role('deploy', { trust, trustDataSource: true, inline: [{ name: 'read-orders', doc: READ_ORDERS }] });

// ---------------------------------------------------------------------------------------------

export const cases: ParityCase[] = [
  // iam.admin-wildcard ------------------------------------------------------------------------
  {
    name: 'role inline policy allows * on *',
    rule: 'iam.admin-wildcard',
    expect: 'fail',
    ...roleCase(role('app', { inline: [{ name: 'everything', doc: doc(allow('*', '*')) }] })),
  },
  {
    name: 'role attaches the AWS-managed AdministratorAccess',
    rule: 'iam.admin-wildcard',
    expect: 'fail',
    ...roleCase(role('admin', { awsManaged: [ADMIN_ARN] })),
  },
  {
    name: 'role lists AdministratorAccess in Terraform managed_policy_arns',
    rule: 'iam.admin-wildcard',
    expect: 'fail',
    ...roleCase(role('admin', { awsManaged: [ADMIN_ARN], tfManagedAttr: true })),
  },
  {
    name: 'customer-managed policy attached to a role allows * on *',
    rule: 'iam.admin-wildcard',
    expect: 'fail',
    ...policyCase({ kind: 'managed', key: 'ops', name: 'orders-ops', doc: doc({ Sid: 'Ops', ...allow(['*'], ['*']) }) }),
  },
  {
    name: 'separate inline policy resource (AWS::IAM::Policy / aws_iam_role_policy) allows *:* on *',
    rule: 'iam.admin-wildcard',
    expect: 'fail',
    ...policyCase({ kind: 'inline', key: 'ops', name: 'orders-ops', doc: doc(allow('*:*', '*')) }),
  },
  {
    name: 'AWS::IAM::RolePolicy / aws_iam_role_policy allows * on *',
    rule: 'iam.admin-wildcard',
    expect: 'fail',
    ...policyCase({ kind: 'inline', key: 'ops', name: 'orders-ops', doc: doc(allow('*', '*')), cfnRolePolicy: true }),
  },
  {
    name: 'role reads one table',
    rule: 'iam.admin-wildcard',
    expect: 'pass',
    ...roleCase(role('app', { inline: [{ name: 'read-orders', doc: READ_ORDERS }] })),
  },
  {
    name: 'Deny of * on * is not a grant',
    rule: 'iam.admin-wildcard',
    expect: 'pass',
    ...policyCase({ kind: 'managed', key: 'guard', name: 'orders-guard', doc: doc(allow('dynamodb:Query', ORDERS_TABLE), { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }) }),
  },
  {
    name: 'actions come from a parameter / variable without a default',
    rule: 'iam.admin-wildcard',
    expect: 'unknown',
    ...roleCase(role('app', { inline: [{ name: 'configurable', doc: doc(allow({ $var: { cfn: 'AllowedActions', cfnType: 'CommaDelimitedList', tf: 'allowed_actions', tfType: 'list(string)' } }, '*')) }] })),
  },

  // iam.service-wildcard ----------------------------------------------------------------------
  {
    name: 'role inline policy allows s3:* on a bucket',
    rule: 'iam.service-wildcard',
    expect: 'fail',
    ...roleCase(role('app', { inline: [{ name: 'raw-bucket', doc: doc(allow('s3:*', ['arn:aws:s3:::orders-raw-111122223333', RAW_BUCKET_OBJECTS])) }] })),
  },
  {
    name: 'role attaches AmazonDynamoDBFullAccess (dynamodb:*)',
    rule: 'iam.service-wildcard',
    expect: 'fail',
    ...roleCase(role('app', { awsManaged: [DYNAMODB_FULL_ARN] })),
  },
  {
    name: 'customer-managed policy allows kms:*',
    rule: 'iam.service-wildcard',
    expect: 'fail',
    ...policyCase({ kind: 'managed', key: 'keys', name: 'orders-keys', doc: doc(allow('kms:*', { $ref: { cfn: { 'Fn::GetAtt': ['DataKey', 'Arn'] }, tf: 'aws_kms_key.data.arn', value: KEY_ARN, afterApply: true } })), cfnViaRole: true }),
  },
  {
    name: 'named DynamoDB actions only',
    rule: 'iam.service-wildcard',
    expect: 'pass',
    ...roleCase(role('app', { inline: [{ name: 'read-orders', doc: READ_ORDERS }] })),
  },
  {
    name: 'role attaches an AWS-managed policy the engine does not model',
    rule: 'iam.service-wildcard',
    expect: 'unknown',
    ...roleCase(role('glue', { awsManaged: [GLUE_SERVICE_ROLE_ARN] })),
  },

  // iam.write-on-any-resource ----------------------------------------------------------------
  {
    name: 'customer-managed policy allows PutItem on *',
    rule: 'iam.write-on-any-resource',
    expect: 'fail',
    ...policyCase({ kind: 'managed', key: 'writer', name: 'orders-writer', doc: doc(allow(['dynamodb:PutItem', 'dynamodb:UpdateItem'], '*')) }),
  },
  {
    name: 'role inline policy allows iam:PassRole on *',
    rule: 'iam.write-on-any-resource',
    expect: 'fail',
    ...roleCase(role('app', { inline: [{ name: 'pass', doc: doc(allow('iam:PassRole', '*')) }] })),
  },
  {
    name: 'writes on a named table; list-only actions on *',
    rule: 'iam.write-on-any-resource',
    expect: 'pass',
    ...policyCase({ kind: 'managed', key: 'writer', name: 'orders-writer', doc: doc(allow(['dynamodb:PutItem', 'dynamodb:UpdateItem'], ORDERS_TABLE), allow(['dynamodb:ListTables', 's3:ListAllMyBuckets'], '*')) }),
  },
  {
    name: 'unmodelled AWS-managed policy',
    rule: 'iam.write-on-any-resource',
    expect: 'unknown',
    ...roleCase(role('glue', { awsManaged: [GLUE_SERVICE_ROLE_ARN] })),
  },

  // iam.not-action-allow ---------------------------------------------------------------------
  {
    name: 'separate inline policy: Allow with NotAction',
    rule: 'iam.not-action-allow',
    expect: 'fail',
    ...policyCase({ kind: 'inline', key: 'broad', name: 'all-but-iam', doc: doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }) }),
  },
  {
    name: 'role inline policy: Allow with NotResource',
    rule: 'iam.not-action-allow',
    expect: 'fail',
    ...roleCase(role('app', { inline: [{ name: 'all-but-audit', doc: doc({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::orders-audit-111122223333/*' }) }] })),
  },
  {
    name: 'NotAction only in a Deny',
    rule: 'iam.not-action-allow',
    expect: 'pass',
    ...policyCase({ kind: 'inline', key: 'guard', name: 'deny-outside-region', doc: doc(allow(['dynamodb:GetItem'], ORDERS_TABLE), { Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': REGION } } }) }),
  },
  {
    name: 'Effect comes from a parameter / variable without a default',
    rule: 'iam.not-action-allow',
    expect: 'unknown',
    ...roleCase(role('app', { inline: [{ name: 'switchable', doc: doc({ Effect: { $var: { cfn: 'StatementEffect', cfnType: 'String', tf: 'statement_effect', tfType: 'string' } }, NotAction: 'iam:*', Resource: '*' }) }] })),
  },

  // iam.privilege-escalation -----------------------------------------------------------------
  {
    name: 'PassRole inline plus Lambda create/invoke from an attached managed policy',
    rule: 'iam.privilege-escalation',
    expect: 'fail',
    ...on(
      roleTarget(role('builder')),
      identity({
        roles: [role('builder', { inline: [{ name: 'pass-role', doc: doc(allow('iam:PassRole', 'arn:aws:iam::111122223333:role/*')) }] })],
        policies: [{ kind: 'managed', key: 'lambda', name: 'lambda-deploy', doc: doc(allow(['lambda:CreateFunction', 'lambda:InvokeFunction'], '*')), roles: ['builder'] }],
      }),
    ),
  },
  {
    name: 'role attaches IAMFullAccess',
    rule: 'iam.privilege-escalation',
    expect: 'fail',
    ...roleCase(role('admin', { awsManaged: [IAM_FULL_ARN] })),
  },
  {
    name: 'user may create policy versions through a separate inline policy',
    rule: 'iam.privilege-escalation',
    expect: 'fail',
    ...on(userTarget({ key: 'ops', name: 'ops-bot' }), identity({ users: [{ key: 'ops', name: 'ops-bot' }], policies: [{ kind: 'inline', key: 'ops_policies', name: 'manage-policies', doc: doc(allow(['iam:CreatePolicyVersion', 'iam:GetPolicy'], 'arn:aws:iam::111122223333:policy/*')), users: ['ops'] }] })),
  },
  {
    name: 'role reads one table',
    rule: 'iam.privilege-escalation',
    expect: 'pass',
    ...roleCase(role('app', { inline: [{ name: 'read-orders', doc: READ_ORDERS }] })),
  },
  {
    name: 'PassRole alone (no service to pass it to)',
    rule: 'iam.privilege-escalation',
    expect: 'pass',
    ...on(
      roleTarget(role('builder')),
      identity({
        roles: [role('builder', { inline: [{ name: 'pass-role', doc: doc(allow('iam:PassRole', 'arn:aws:iam::111122223333:role/orders-*')) }] })],
        policies: [{ kind: 'managed', key: 'reader', name: 'orders-reader', doc: READ_ORDERS, roles: ['builder'] }],
      }),
    ),
  },
  {
    name: 'role attaches an unmodelled AWS-managed policy',
    rule: 'iam.privilege-escalation',
    expect: 'unknown',
    ...roleCase(role('glue', { awsManaged: [GLUE_SERVICE_ROLE_ARN] })),
  },

  // iam.trust-too-broad ----------------------------------------------------------------------
  {
    name: 'any AWS principal may assume the role',
    rule: 'iam.trust-too-broad',
    expect: 'fail',
    ...roleCase(trustRole(doc(assumeRole({ AWS: '*' })))),
  },
  {
    name: 'another account without sts:ExternalId',
    rule: 'iam.trust-too-broad',
    expect: 'fail',
    ...roleCase(trustRole(doc(assumeRole({ AWS: PARTNER_ROOT })))),
  },
  {
    name: 'GitHub Actions OIDC with an aud condition but no sub',
    rule: 'iam.trust-too-broad',
    expect: 'fail',
    ...roleCase(trustRole(githubTrust({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }))),
  },
  {
    name: 'GitHub Actions OIDC with sub repo:* (any repository)',
    rule: 'iam.trust-too-broad',
    expect: 'fail',
    ...roleCase(trustRole(githubTrust({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' }, StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:*' } }))),
  },
  {
    name: 'partner account with sts:ExternalId',
    rule: 'iam.trust-too-broad',
    expect: 'pass',
    ...roleCase(trustRole(doc(assumeRole({ AWS: PARTNER_ROOT }, { StringEquals: { 'sts:ExternalId': 'orders-7f3a9c' } })))),
  },
  {
    name: 'GitHub Actions OIDC pinned to one repository and branch',
    rule: 'iam.trust-too-broad',
    expect: 'pass',
    ...roleCase(trustRole(githubTrust({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com', 'token.actions.githubusercontent.com:sub': 'repo:acme/orders:ref:refs/heads/main' } }))),
  },
  {
    name: 'own account root, written as ${AWS::AccountId} / data.aws_caller_identity',
    rule: 'iam.trust-too-broad',
    expect: 'pass',
    ...on(roleTarget(trustRole(doc())), {
      ...identity({
        roles: [trustRole(doc(assumeRole({ AWS: { $ref: { cfn: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' }, tf: '"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"', value: `arn:aws:iam::${ACCOUNT}:root` } } })))],
        extra: {
          tf: 'data "aws_caller_identity" "current" {}\n',
          // Read while planning (Terraform lists it in prior_state; the harness writes data sources into planned_values, which the plan adapter reads as well).
          plan: [{ address: 'data.aws_caller_identity.current', mode: 'data', type: 'aws_caller_identity', values: { account_id: ACCOUNT, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/ci-deploy/gha-run`, id: ACCOUNT, user_id: 'AROACIDEPLOYQQQQQQQQQ:gha-run' } }],
        },
      }),
    }),
  },
  {
    name: 'AWS service principal (trust written with jsonencode)',
    rule: 'iam.trust-too-broad',
    expect: 'pass',
    ...roleCase(role('app', { inline: [{ name: 'read-orders', doc: READ_ORDERS }] })),
  },
  {
    name: 'trusted principal comes from a parameter / variable without a default',
    rule: 'iam.trust-too-broad',
    expect: 'unknown',
    ...roleCase(trustRole(doc(assumeRole({ AWS: { $var: { cfn: 'TrustedPrincipal', cfnType: 'String', tf: 'trusted_principal', tfType: 'string' } } })))),
  },

  // iam.users-not-roles ----------------------------------------------------------------------
  {
    name: 'user with an inline S3 read policy',
    rule: 'iam.users-not-roles',
    expect: 'fail',
    ...on(userTarget({ key: 'etl', name: 'etl-bot' }), identity({ users: [{ key: 'etl', name: 'etl-bot', inline: [{ name: 'read-raw', doc: doc(allow('s3:GetObject', RAW_BUCKET_OBJECTS)) }] }] })),
  },
  {
    name: 'user attaches AmazonS3ReadOnlyAccess',
    rule: 'iam.users-not-roles',
    expect: 'fail',
    ...on(userTarget({ key: 'analyst', name: 'analyst' }), identity({ users: [{ key: 'analyst', name: 'analyst', awsManaged: [S3_READ_ARN] }] })),
  },
  {
    name: 'user with a customer-managed DynamoDB policy attached',
    rule: 'iam.users-not-roles',
    expect: 'fail',
    ...on(userTarget({ key: 'etl', name: 'etl-bot' }), identity({ users: [{ key: 'etl', name: 'etl-bot' }], policies: [{ kind: 'managed', key: 'reader', name: 'orders-reader', doc: READ_ORDERS, users: ['etl'] }] })),
  },
  {
    name: 'user with a customer-managed policy attached by aws_iam_policy_attachment',
    rule: 'iam.users-not-roles',
    expect: 'fail',
    ...on(userTarget({ key: 'etl', name: 'etl-bot' }), identity({ users: [{ key: 'etl', name: 'etl-bot' }], policies: [{ kind: 'managed', key: 'reader', name: 'orders-reader', doc: READ_ORDERS, users: ['etl'], tfPolicyAttachment: true }] })),
  },
  {
    name: 'user in a group with an inline S3 read policy (membership on the user side)',
    rule: 'iam.users-not-roles',
    expect: 'fail',
    ...on(
      userTarget({ key: 'bob', name: 'bob' }),
      identity({ users: [{ key: 'bob', name: 'bob', groups: ['analysts'] }], groups: [{ key: 'analysts', name: 'analysts', inline: [{ name: 'read-raw', doc: doc(allow(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::orders-raw-111122223333', RAW_BUCKET_OBJECTS])) }] }] }),
    ),
  },
  {
    name: 'user in a group that attaches AmazonDynamoDBReadOnlyAccess (membership on the group side)',
    rule: 'iam.users-not-roles',
    expect: 'fail',
    ...on(userTarget({ key: 'bob', name: 'bob' }), identity({ users: [{ key: 'bob', name: 'bob', groups: ['analysts'] }], groups: [{ key: 'analysts', name: 'analysts', awsManaged: ['arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess'], tfMembershipByGroup: true }] })),
  },
  {
    name: 'user in a group without data-service permissions',
    rule: 'iam.users-not-roles',
    expect: 'pass',
    ...on(userTarget({ key: 'bob', name: 'bob' }), identity({ users: [{ key: 'bob', name: 'bob', groups: ['support'] }], groups: [{ key: 'support', name: 'support', inline: [{ name: 'support-cases', doc: doc(allow(['support:DescribeCases', 'support:CreateCase'], '*')) }] }] })),
  },
  {
    name: 'user with only self-service IAM permissions',
    rule: 'iam.users-not-roles',
    expect: 'pass',
    ...on(
      userTarget({ key: 'alice', name: 'alice' }),
      identity({ users: [{ key: 'alice', name: 'alice', inline: [{ name: 'self-service', doc: doc(allow(['iam:ChangePassword', 'iam:GetUser'], 'arn:aws:iam::111122223333:user/${aws:username}')) }] }] }),
    ),
  },
  {
    name: 'user attaches an unmodelled AWS-managed policy',
    rule: 'iam.users-not-roles',
    expect: 'unknown',
    ...on(userTarget({ key: 'analyst', name: 'analyst' }), identity({ users: [{ key: 'analyst', name: 'analyst', awsManaged: [DATA_SCIENTIST_ARN] }] })),
  },

  // iam.abac-conditions ----------------------------------------------------------------------
  {
    name: 'table reads without a tag condition',
    rule: 'iam.abac-conditions',
    expect: 'fail',
    ...roleCase(role('app', { inline: [{ name: 'read-orders', doc: READ_ORDERS }] })),
  },
  {
    name: 'managed policy: Glue reads without a tag condition',
    rule: 'iam.abac-conditions',
    expect: 'fail',
    ...policyCase({ kind: 'managed', key: 'catalog', name: 'catalog-read', doc: doc(allow(['glue:GetTable', 'glue:GetPartitions'], '*')) }),
  },
  {
    name: 'table reads conditioned on aws:ResourceTag matching the caller\'s aws:PrincipalTag',
    rule: 'iam.abac-conditions',
    expect: 'pass',
    ...roleCase(role('app', { inline: [{ name: 'read-own-team', doc: doc(allow(['dynamodb:GetItem', 'dynamodb:Query'], '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } })) }] })),
  },
  {
    name: 'no data-service access at all',
    rule: 'iam.abac-conditions',
    expect: 'not-applicable',
    ...roleCase(role('app', { inline: [{ name: 'logs', doc: doc(allow(['logs:CreateLogStream', 'logs:PutLogEvents'], 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/orders:*')) }] })),
  },
  {
    name: 'actions come from a parameter / variable without a default',
    rule: 'iam.abac-conditions',
    expect: 'unknown',
    ...roleCase(role('app', { inline: [{ name: 'configurable', doc: doc(allow({ $var: { cfn: 'AllowedActions', cfnType: 'CommaDelimitedList', tf: 'allowed_actions', tfType: 'list(string)' } }, ORDERS_TABLE)) }] })),
  },

  // dynamodb.leading-keys --------------------------------------------------------------------
  {
    name: 'item reads of a red table by ARN without dynamodb:LeadingKeys',
    rule: 'dynamodb.leading-keys',
    expect: 'fail',
    ...withTable('red', roleCase(role('app', { inline: [{ name: 'read-orders', doc: READ_ORDERS }] }))),
  },
  {
    name: 'item writes of an orange table referenced by Fn::GetAtt / resource attribute, in a separate policy resource',
    rule: 'dynamodb.leading-keys',
    expect: 'fail',
    ...withTable(
      'orange',
      policyCase({ kind: 'inline', key: 'writer', name: 'write-orders', doc: doc(allow(['dynamodb:PutItem', 'dynamodb:UpdateItem'], { $ref: { cfn: { 'Fn::GetAtt': ['OrdersTable', 'Arn'] }, tf: 'aws_dynamodb_table.orders.arn', value: TABLE_ARN, afterApply: true } })) }),
    ),
  },
  {
    name: 'item reads restricted to the caller\'s tenant with dynamodb:LeadingKeys',
    rule: 'dynamodb.leading-keys',
    expect: 'pass',
    ...withTable(
      'red',
      roleCase(role('app', { inline: [{ name: 'read-own-tenant', doc: doc(allow(['dynamodb:GetItem', 'dynamodb:Query'], ORDERS_TABLE, { Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/tenant}'] } } })) }] })),
    ),
  },
  {
    name: 'green table: item access needs no LeadingKeys',
    rule: 'dynamodb.leading-keys',
    expect: 'not-applicable',
    ...withTable('green', roleCase(role('app', { inline: [{ name: 'read-orders', doc: READ_ORDERS }] }))),
  },
  {
    name: 'table classification from a parameter / variable without a default',
    rule: 'dynamodb.leading-keys',
    expect: 'unknown',
    ...withTable('var', roleCase(role('app', { inline: [{ name: 'read-orders', doc: READ_ORDERS }] }))),
  },

  // kms.rotation -----------------------------------------------------------------------------
  {
    name: 'symmetric key without rotation (default off)',
    rule: 'kms.rotation',
    expect: 'fail',
    ...kmsKey({}),
  },
  {
    name: 'rotation explicitly off',
    rule: 'kms.rotation',
    expect: 'fail',
    ...kmsKey({ rotation: false }),
  },
  {
    name: 'rotation on',
    rule: 'kms.rotation',
    expect: 'pass',
    ...kmsKey({ rotation: true }),
  },
  {
    name: 'asymmetric key cannot rotate',
    rule: 'kms.rotation',
    expect: 'not-applicable',
    ...kmsKey({ spec: 'RSA_2048' }),
  },
  {
    name: 'rotation from a parameter / variable without a default',
    rule: 'kms.rotation',
    expect: 'unknown',
    ...kmsKey({ rotation: 'var' }),
  },

  // kms.policy-public ------------------------------------------------------------------------
  {
    name: 'key policy lets any principal decrypt without a condition',
    rule: 'kms.policy-public',
    expect: 'fail',
    ...iacOnly(kmsKey({ rotation: true, policy: keyPolicy({ Sid: 'Anyone', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }) })),
  },
  {
    name: 'Principal "*" in a separate key policy resource (aws_kms_key_policy)',
    rule: 'kms.policy-public',
    expect: 'fail',
    ...iacOnly(kmsKey({ rotation: true, separatePolicy: true, policy: keyPolicy({ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }) })),
  },
  {
    name: 'any principal, restricted to this account through DynamoDB',
    rule: 'kms.policy-public',
    expect: 'pass',
    ...iacOnly(
      kmsKey({
        rotation: true,
        policy: keyPolicy({ Sid: 'ViaDynamoDb', Effect: 'Allow', Principal: { AWS: '*' }, Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*', Condition: { StringEquals: { 'kms:CallerAccount': ACCOUNT, 'kms:ViaService': `dynamodb.${REGION}.amazonaws.com` } } }),
      }),
    ),
  },
  {
    name: 'no key policy written (the default key policy)',
    rule: 'kms.policy-public',
    expect: 'pass',
    ...iacOnly(kmsKey({ rotation: true })),
  },
  {
    name: 'key user principal from a parameter / variable without a default',
    rule: 'kms.policy-public',
    expect: 'unknown',
    ...iacOnly(kmsKey({ rotation: true, policy: keyPolicy({ Sid: 'KeyUsers', Effect: 'Allow', Principal: { AWS: { $var: { cfn: 'KeyUserArn', cfnType: 'String', tf: 'key_user_arn', tfType: 'string' } } }, Action: ['kms:Decrypt'], Resource: '*' }) })),
  },
];
