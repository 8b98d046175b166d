import type { PolicyStatement, Resource, V } from '../model';
import { isUnknown } from '../model';
import type { AnyRule, CheckResult, Rule, RuleContext } from './types';
import { display, fail, pass, unknownResult } from './support';
import { demandOf } from './demand';
import { accessLevels, catalogActions, expandActionPattern, isWildcardOnly } from '../iam/catalog';
import { boundaryOnlyPolicies, checkedStatements } from '../iam/checked-statements';
import { coversDataServiceAction, WILDCARD_WATCHED_SERVICES } from '../iam/data-services';
import { effectivePermissions, withinBoundary } from '../iam/effective';
import { findEscalationPaths, type HasStatement } from '../iam/escalation';
import { ownAccountOf } from '../iam/principal';
import { POLICY_TYPES, PRINCIPAL_TYPES, principalsOf, writtenStatements, type WrittenStatement } from '../iam/sites';
import { coversAction, coversAnyResource, hasConditionKey, isAllow, isConditioned } from '../iam/statement';
import { tablesCoveredBy, TABLE_TYPES } from '../iam/table-targets';
import { isAnyResource } from '../iam/resource-pattern';
import { allOf, anyOf, not, test } from '../iam/tri';
import { trustIssues } from '../iam/trust';

/*
 * Identity rules. Statement problems are reported once, on the resource where the statement is
 * written (a principal's own inline policy, or a policy resource), at the statement's path; the
 * AWS-managed policies a principal attaches are judged on the principal (see
 * iam/checked-statements.ts). Combined-permission questions (escalation, users with data access)
 * are asked of principals, through iam/effective.ts.
 */

const APPLIES: readonly string[] = [...PRINCIPAL_TYPES, ...POLICY_TYPES];

const REFS = {
  bestPractices: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
  leastPrivilege: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  accessLevels: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html',
  notAction: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
  notResource: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html',
  rhino: 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
  bishopFox: 'https://github.com/BishopFox/iam-vulnerable',
  externalId: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  githubOidc: 'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
  federation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp',
  abac: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction_attribute-based-access-control.html',
  leadingKeys: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html',
  managedPolicies: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html',
};

/** `Statement "ReadOrders" (policy app)` — how messages name a statement. */
function label(ws: WrittenStatement): string {
  const sid = ws.statement.sid ? ` "${ws.statement.sid}"` : '';
  return `Statement${sid}${ws.policyName ? ` (${ws.policyName})` : ''}`;
}

/** `; it is conditioned` — a fail on a conditioned statement says so (the condition may narrow it). */
function conditionNote(s: PolicyStatement): string {
  return isConditioned(s) === true ? ' (under a condition, which may narrow it)' : '';
}

interface StatementRule {
  /** Judges one statement: a fail/unknown result, `'ok'` (relevant and fine), or undefined (not relevant). */
  judge(ws: WrittenStatement, ctx: RuleContext): CheckResult | 'ok' | undefined;
  /** Pass message when nothing is wrong. */
  ok: string;
  /** What an unreadable / unresolvable policy might hide, for unknown messages. */
  risk: string;
  /** AWS-managed policies we do not model make the verdict unknown (false where the name alone decides). */
  unmodelledMatters: boolean;
  /** Not applicable (undefined) when no statement was relevant and nothing was unreadable. */
  onlyWhenRelevant?: boolean;
  /** Not applicable at all in this input (e.g. no sensitive table). */
  applicable?(ctx: RuleContext): boolean;
}

function checkStatements(resource: Resource, ctx: RuleContext, rule: StatementRule): CheckResult[] | undefined {
  if (rule.applicable && !rule.applicable(ctx)) return undefined;
  const cs = checkedStatements(resource, ctx.index);
  const results: CheckResult[] = [];
  let relevant = false;
  for (const ws of cs.statements) {
    const r = rule.judge(ws, ctx);
    if (r === undefined) continue;
    relevant = true;
    if (r !== 'ok') results.push(r);
  }
  for (const u of cs.unreadable) results.push(unknownResult(`The policy at ${u.path} cannot be read (${u.reason}); it may ${rule.risk}.`, u.path));
  for (const u of cs.unresolvedRefs) results.push(unknownResult(`A managed policy cannot be resolved (${u.reason}); it may ${rule.risk}.`, u.path));
  if (rule.unmodelledMatters) for (const u of cs.unmodelled) results.push(unknownResult(`AWS-managed policy ${u.name} is not modelled; it may ${rule.risk}.`, u.path));
  if (results.length) return results;
  if (!relevant && rule.onlyWhenRelevant) return undefined;
  return [pass(rule.ok)];
}

/** One verdict from a three-valued "this statement has the problem". */
function verdict(problem: V<boolean>, ws: WrittenStatement, bad: string): CheckResult | 'ok' {
  if (problem === false) return 'ok';
  if (isUnknown(problem)) return unknownResult(`${bad.replace(/\.$/, '')}: cannot tell (${problem.reason}).`, ws.path);
  return fail(bad, ws.path);
}

// ---------------------------------------------------------------------------------------------
// iam.admin-wildcard

const isFullActionWildcard = (p: string) => /^\*+(:\*+)?$/.test(p.trim());

const adminWildcard: Rule = {
  id: 'iam.admin-wildcard',
  pillar: 'identity',
  severity: 'critical',
  title: 'No policy allows every action on every resource',
  rationale:
    'An Allow of `Action: *` on `Resource: *` — written inline, in a managed policy, or by attaching the AWS-managed `AdministratorAccess` — gives full control of the account, including every data store, key and log. Least privilege (pillar 1 of the article) starts by never granting it to workloads.',
  remediation: {
    cloudformation:
      'AppRole:\n  Type: AWS::IAM::Role\n  Properties:\n    Policies:\n      - PolicyName: orders-read\n        PolicyDocument:\n          Version: "2012-10-17"\n          Statement:\n            - Effect: Allow\n              Action: [dynamodb:GetItem, dynamodb:Query]\n              Resource: !GetAtt OrdersTable.Arn',
    terraform:
      'data "aws_iam_policy_document" "orders_read" {\n  statement {\n    actions   = ["dynamodb:GetItem", "dynamodb:Query"]\n    resources = [aws_dynamodb_table.orders.arn]\n  }\n}',
  },
  appliesTo: APPLIES,
  references: [REFS.leastPrivilege, REFS.managedPolicies],
  check(resource, ctx) {
    return checkStatements(resource, ctx, {
      ok: 'No statement allows every action on every resource.',
      risk: 'allow every action on every resource',
      // Among AWS-managed policies only AdministratorAccess is `*` on `*`, and it is modelled.
      unmodelledMatters: false,
      judge(ws) {
        const s = ws.statement;
        const problem = allOf([isAllow(s), anyOf((s.actions ?? []).map((a) => test(a, isFullActionWildcard))), coversAnyResource(s)]);
        return verdict(problem, ws, `${label(ws)} allows every action (*) on every resource${conditionNote(s)}.`);
      },
    });
  },
};

// ---------------------------------------------------------------------------------------------
// iam.service-wildcard

/** `dynamodb:*` → `dynamodb` when the service is one we watch. */
function watchedServiceWildcard(p: string): string | undefined {
  const m = /^([^:*?]+):\*+$/.exec(p.trim());
  const service = m?.[1].toLowerCase();
  return service && WILDCARD_WATCHED_SERVICES.includes(service) ? service : undefined;
}

const serviceWildcard: Rule = {
  id: 'iam.service-wildcard',
  pillar: 'identity',
  severity: 'high',
  title: 'No policy allows every action of a data service',
  rationale:
    '`dynamodb:*`, `s3:*`, `kms:*`, `glue:*`, `redshift:*`, `rds:*`, `lakeformation:*` or `secretsmanager:*` include deleting tables and buckets, disabling keys and rewriting resource policies — far more than reading or writing data. Name the actions the workload needs.',
  remediation: {
    cloudformation: '- Effect: Allow\n  Action: [s3:GetObject, s3:PutObject]\n  Resource: !Sub "${DataBucket.Arn}/*"',
    terraform: 'statement {\n  actions   = ["s3:GetObject", "s3:PutObject"]\n  resources = ["${aws_s3_bucket.data.arn}/*"]\n}',
  },
  appliesTo: APPLIES,
  references: [REFS.leastPrivilege, REFS.accessLevels],
  check(resource, ctx) {
    return checkStatements(resource, ctx, {
      ok: 'No statement allows a whole data service (service:*).',
      risk: 'allow every action of a data service',
      unmodelledMatters: true,
      judge(ws) {
        const s = ws.statement;
        const allow = isAllow(s);
        if (allow === false || !s.actions) return 'ok';
        const found = s.actions.filter((a): a is string => typeof a === 'string' && watchedServiceWildcard(a) !== undefined);
        const unresolved = s.actions.find(isUnknown);
        const problem: V<boolean> = found.length ? allow : (unresolved ?? false);
        const services = found.length ? found.join(', ') : 'a data service wildcard';
        return verdict(problem, ws, `${label(ws)} allows ${services}${conditionNote(s)}.`);
      },
    });
  },
};

// ---------------------------------------------------------------------------------------------
// iam.write-on-any-resource

/** The catalog actions a statement's Action/NotAction covers, and the patterns the catalog does not know. */
function coveredActions(s: PolicyStatement): { actions: string[]; unknown: string[] } {
  if (s.notActions) {
    const unresolved = s.notActions.filter(isUnknown).map((u) => u.reason);
    return { actions: catalogActions().filter((a) => coversAction(s, a) === true), unknown: unresolved };
  }
  const actions = new Set<string>();
  const unknown: string[] = [];
  for (const p of s.actions ?? []) {
    if (isUnknown(p)) {
      unknown.push(p.reason);
      continue;
    }
    const e = expandActionPattern(p);
    e.actions.forEach((a) => actions.add(a));
    unknown.push(...e.unknown.map((u) => `${u} is not in the action catalog`));
  }
  return { actions: [...actions], unknown };
}

const isWriteLevel = (a: string) => (accessLevels(a) ?? []).some((l) => l === 'Write' || l === 'Permissions management');

/**
 * The Write/Permissions-management actions (not wildcard-only) a statement's Action/NotAction
 * covers, and the patterns the catalog does not know. The answer depends on the action list only,
 * and the same lists recur on thousands of principals (managed policies, copied roles), while
 * `*` alone expands to the whole catalog: kept per list. Bounded, so odd input cannot grow it.
 */
const writesByActions = new Map<string, { writes: string[]; unknown: string[] }>();
function writeActionsOf(s: PolicyStatement): { writes: string[]; unknown: string[] } {
  const list = s.notActions ?? s.actions ?? [];
  const key = list.every((a) => typeof a === 'string') ? `${s.notActions ? 'N' : 'A'}\u0000${list.join('\u0000')}` : undefined;
  const hit = key === undefined ? undefined : writesByActions.get(key);
  if (hit) return hit;
  const covered = coveredActions(s);
  const result = { writes: covered.actions.filter((a) => isWriteLevel(a) && isWildcardOnly(a) === false), unknown: covered.unknown };
  if (key !== undefined) {
    if (writesByActions.size >= 2000) writesByActions.clear();
    writesByActions.set(key, result);
  }
  return result;
}

function sample(list: readonly string[], n = 5): string {
  return list.length <= n ? list.join(', ') : `${list.slice(0, n).join(', ')} and ${list.length - n} more`;
}

const writeOnAnyResource: Rule = {
  id: 'iam.write-on-any-resource',
  pillar: 'identity',
  severity: 'medium',
  title: 'Write and permissions-management actions are scoped to named resources',
  rationale:
    'A Write or Permissions-management action on `Resource: *` reaches every current and future resource of that type in the account — every table, bucket or key — when the workload needs a few. Actions that AWS only allows on `*` are exempt.',
  remediation: {
    cloudformation: '- Effect: Allow\n  Action: [dynamodb:PutItem, dynamodb:UpdateItem]\n  Resource: !GetAtt OrdersTable.Arn',
    terraform: 'statement {\n  actions   = ["dynamodb:PutItem", "dynamodb:UpdateItem"]\n  resources = [aws_dynamodb_table.orders.arn]\n}',
  },
  appliesTo: APPLIES,
  references: [REFS.leastPrivilege, REFS.accessLevels, 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html'],
  check(resource, ctx) {
    return checkStatements(resource, ctx, {
      ok: 'Write and permissions-management actions are scoped to named resources.',
      risk: 'allow writes on every resource',
      unmodelledMatters: true,
      judge(ws) {
        const s = ws.statement;
        const gate = allOf([isAllow(s), coversAnyResource(s)]);
        if (gate === false) return 'ok';
        const covered = writeActionsOf(s);
        const writes = covered.writes;
        if (writes.length) return verdict(gate, ws, `${label(ws)} allows Write/Permissions-management actions on every resource: ${sample(writes)}${conditionNote(s)}.`);
        if (covered.unknown.length) return unknownResult(`${label(ws)} applies to every resource and names actions whose access level is unknown (${sample(covered.unknown, 3)}).`, ws.path);
        return 'ok';
      },
    });
  },
};

// ---------------------------------------------------------------------------------------------
// iam.not-action-allow

const notActionAllow: Rule = {
  id: 'iam.not-action-allow',
  pillar: 'identity',
  severity: 'high',
  title: 'No Allow statement uses NotAction or NotResource',
  rationale:
    'An Allow with NotAction grants every action except the listed ones — including every action AWS adds later; an Allow with NotResource grants on every resource but a few. Both grant far more than they appear to. List what is allowed instead.',
  remediation: {
    cloudformation: '- Effect: Allow\n  Action: [glue:GetTable, glue:GetPartitions]\n  Resource: !Sub "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:table/sales/*"',
    terraform: 'statement {\n  actions   = ["glue:GetTable", "glue:GetPartitions"]\n  resources = ["arn:aws:glue:${var.region}:${var.account_id}:table/sales/*"]\n}',
  },
  appliesTo: APPLIES,
  references: [REFS.notAction, REFS.notResource],
  check(resource, ctx) {
    return checkStatements(resource, ctx, {
      ok: 'No Allow statement uses NotAction or NotResource.',
      risk: 'contain an Allow with NotAction or NotResource',
      unmodelledMatters: true,
      judge(ws) {
        const s = ws.statement;
        if (!s.notActions && !s.notResources) return 'ok';
        const what = [s.notActions ? 'NotAction' : '', s.notResources ? 'NotResource' : ''].filter(Boolean).join(' and ');
        return verdict(isAllow(s), ws, `${label(ws)} is an Allow with ${what}: it grants everything not listed.`);
      },
    });
  },
};

// ---------------------------------------------------------------------------------------------
// iam.privilege-escalation

interface Located extends HasStatement {
  resourceId: string;
  path: string;
}

function escalationVerdict(resource: Resource, statements: readonly Located[], gaps: readonly string[], permitted?: (action: string) => V<boolean>): CheckResult {
  const matches = findEscalationPaths(statements, undefined, permitted);
  const certain = matches.filter((m) => m.found === true);
  const describe = (ms: typeof matches) =>
    ms.map((m) => `${m.path.title} (${m.grants.map((g) => `${g.action} via ${g.by.resourceId === resource.id ? g.by.path : `${g.by.resourceId} ${g.by.path}`}`).join(', ')})`);
  const grants = (ms: typeof matches) => ms.flatMap((m) => m.grants.map((g) => g.by));
  if (certain.length) {
    const own = grants(certain).find((g) => g.resourceId === resource.id);
    const related = [...new Set(grants(certain).map((g) => g.resourceId).filter((id) => id !== resource.id && !id.startsWith('arn:')))];
    const list = describe(certain);
    return fail(`${display(resource)} can escalate its privileges by ${list.length} known path(s): ${sample(list, 3)}.`, own?.path, related.length ? related : undefined);
  }
  const maybe = matches.filter((m) => m.found !== true);
  if (maybe.length) return unknownResult(`${display(resource)} may be able to escalate its privileges (unresolved values): ${sample(describe(maybe), 3)}.`);
  if (gaps.length) return unknownResult(`No known escalation path in what could be read, but not everything could be: ${sample(gaps, 3)}.`);
  return pass(`${display(resource)} holds no known privilege-escalation path.`);
}

const privilegeEscalation: Rule = {
  id: 'iam.privilege-escalation',
  pillar: 'identity',
  severity: 'critical',
  title: 'No principal holds a known privilege-escalation path',
  rationale:
    'Some permission sets let a principal grant itself more: rewriting or attaching policies (`iam:CreatePolicyVersion`, `iam:Attach*Policy`, `iam:Put*Policy`), minting credentials for others, or passing a privileged role to a service that runs its code (`iam:PassRole` with `lambda:CreateFunction`, `glue:CreateDevEndpoint`, `ec2:RunInstances` …). They are judged on the combined permissions of each principal.',
  remediation: {
    cloudformation:
      '# Scope PassRole to the one role the workload hands to Glue, and only to Glue:\n- Effect: Allow\n  Action: iam:PassRole\n  Resource: !GetAtt GlueJobRole.Arn\n  Condition:\n    StringEquals:\n      iam:PassedToService: glue.amazonaws.com',
    terraform:
      'statement {\n  actions   = ["iam:PassRole"]\n  resources = [aws_iam_role.glue_job.arn]\n  condition {\n    test     = "StringEquals"\n    variable = "iam:PassedToService"\n    values   = ["glue.amazonaws.com"]\n  }\n}',
  },
  appliesTo: APPLIES,
  references: [REFS.rhino, REFS.bishopFox, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html'],
  check(resource, ctx) {
    if (PRINCIPAL_TYPES.includes(resource.type)) {
      const eff = effectivePermissions(resource, ctx);
      // The boundary's Denies deny too; its Allows cap what the identity policies grant.
      const boundaryDenies = eff.boundary?.kind === 'resolved' ? eff.boundary.denies : [];
      return escalationVerdict(resource, [...eff.allows, ...eff.denies, ...boundaryDenies], eff.gaps, eff.boundary ? (a) => withinBoundary(eff, a) : undefined);
    }
    // A policy attached to principals of the input is judged with each principal's other policies;
    // one used only as a permissions boundary grants nothing.
    if (principalsOf(resource, ctx.index).length || boundaryOnlyPolicies(ctx.index).has(resource)) return undefined;
    const own = writtenStatements(resource, ctx.index);
    return escalationVerdict(resource, own.statements, own.unreadable.map((u) => `${u.path}: ${u.reason}`));
  },
};

// ---------------------------------------------------------------------------------------------
// iam.trust-too-broad

const trustTooBroad: Rule = {
  id: 'iam.trust-too-broad',
  pillar: 'identity',
  severity: 'critical',
  title: 'Role trust policies admit only the intended principals',
  rationale:
    'A trust policy decides who can become the role. `Principal: *` without an organisation/account condition lets any AWS account assume it; another account without `sts:ExternalId` opens the confused-deputy problem; a web-identity (OIDC) trust without a `sub` condition lets any workflow of the provider — any GitHub repository — assume it.',
  remediation: {
    cloudformation:
      'AssumeRolePolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal:\n        Federated: !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com\n      Action: sts:AssumeRoleWithWebIdentity\n      Condition:\n        StringEquals:\n          token.actions.githubusercontent.com:aud: sts.amazonaws.com\n          token.actions.githubusercontent.com:sub: repo:acme/orders:ref:refs/heads/main',
    terraform:
      'statement {\n  actions = ["sts:AssumeRole"]\n  principals {\n    type        = "AWS"\n    identifiers = ["arn:aws:iam::444455556666:root"]\n  }\n  condition {\n    test     = "StringEquals"\n    variable = "sts:ExternalId"\n    values   = [var.partner_external_id]\n  }\n}',
  },
  appliesTo: ['AWS::IAM::Role'],
  references: [REFS.externalId, REFS.githubOidc, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html'],
  check(role) {
    const doc = role.facets.iam?.trustPolicy;
    if (!doc) return unknownResult('The role has no trust policy in the input; cannot tell who may assume it.', 'iam.trustPolicy');
    const issues = trustIssues(doc, ownAccountOf(role));
    if (!issues.length) return pass('The trust policy admits only specific principals, under the expected conditions.', 'iam.trustPolicy');
    return issues.map((i) => (i.verdict === 'fail' ? fail(i.message, i.path ?? 'iam.trustPolicy') : unknownResult(i.message, i.path ?? 'iam.trustPolicy')));
  },
};

// ---------------------------------------------------------------------------------------------
// iam.users-not-roles

const usersNotRoles: Rule = {
  id: 'iam.users-not-roles',
  pillar: 'identity',
  severity: 'medium',
  title: 'IAM users do not hold data-service permissions',
  rationale:
    'IAM users carry long-lived credentials (passwords, access keys) that leak and are rarely rotated. People should reach data through SSO/federation and workloads through roles with temporary credentials; data-service permissions on a user (inline, attached or through a group) are a standing exfiltration path.',
  remediation: {
    cloudformation:
      'OrdersReader:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Statement:\n        - Effect: Allow\n          Principal: { Service: lambda.amazonaws.com }\n          Action: sts:AssumeRole\n    ManagedPolicyArns: [!Ref OrdersReadPolicy]',
    terraform: 'resource "aws_iam_role" "orders_reader" {\n  assume_role_policy = data.aws_iam_policy_document.lambda_trust.json\n}\n\nresource "aws_iam_role_policy_attachment" "orders_read" {\n  role       = aws_iam_role.orders_reader.name\n  policy_arn = aws_iam_policy.orders_read.arn\n}',
  },
  appliesTo: ['AWS::IAM::User'],
  references: [REFS.federation, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles'],
  check(user, ctx) {
    const eff = effectivePermissions(user, ctx);
    const judged = eff.allows.map((g) => ({ g, v: allOf([isAllow(g.statement), coversDataServiceAction(g.statement)]) }));
    const certain = judged.filter((j) => j.v === true).map((j) => j.g);
    if (certain.length) {
      const sources = [...new Set(certain.map((g) => (g.group ? `group ${g.group}` : g.policyName ? g.policyName : g.resourceId)))];
      const own = certain.find((g) => g.resourceId === user.id);
      const related = [...new Set(certain.map((g) => g.group ?? g.resourceId).filter((id) => id !== user.id && !id.startsWith('arn:')))];
      return fail(`IAM user ${display(user)} has data-service permissions (through ${sample(sources, 3)}); use a role or SSO instead.`, own?.path ?? 'iam', related.length ? related : undefined);
    }
    const maybe = judged.find((j) => isUnknown(j.v));
    if (maybe && isUnknown(maybe.v)) return unknownResult(`IAM user ${display(user)} may have data-service permissions: ${maybe.v.reason}.`, maybe.g.resourceId === user.id ? maybe.g.path : 'iam');
    if (eff.gaps.length) return unknownResult(`No data-service permission found on IAM user ${display(user)} in what could be read, but: ${sample(eff.gaps, 3)}.`, 'iam');
    return pass(`IAM user ${display(user)} holds no data-service permissions.`, 'iam');
  },
};

// ---------------------------------------------------------------------------------------------
// iam.abac-conditions

const isTagConditionKey = (key: string) => /^[a-z0-9-]+:(ResourceTag|PrincipalTag)\//i.test(key);

const abacConditions: Rule = {
  id: 'iam.abac-conditions',
  pillar: 'identity',
  severity: 'low',
  title: 'Data-service access is conditioned on tags (ABAC)',
  rationale:
    'Attribute-based access control — conditions on `aws:ResourceTag/*` or `aws:PrincipalTag/*` — ties access to the data\'s own classification and owner instead of lists of resource names, so a new table tagged `data_classification=red` is not silently reachable by every role that can read tables.',
  remediation: {
    cloudformation: '- Effect: Allow\n  Action: [dynamodb:GetItem, dynamodb:Query]\n  Resource: "*"\n  Condition:\n    StringEquals:\n      aws:ResourceTag/team: ${aws:PrincipalTag/team}',
    terraform: 'statement {\n  actions   = ["dynamodb:GetItem", "dynamodb:Query"]\n  resources = ["*"]\n  condition {\n    test     = "StringEquals"\n    variable = "aws:ResourceTag/team"\n    values   = ["$${aws:PrincipalTag/team}"]\n  }\n}',
  },
  appliesTo: APPLIES,
  references: [REFS.abac, 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_tags.html'],
  check(resource, ctx) {
    return checkStatements(resource, ctx, {
      ok: 'Data-service access is conditioned on resource or principal tags.',
      risk: 'grant data-service access without tag conditions',
      unmodelledMatters: true,
      onlyWhenRelevant: true,
      judge(ws) {
        const s = ws.statement;
        const grantsData = allOf([isAllow(s), coversDataServiceAction(s)]);
        if (grantsData === false) return undefined;
        const problem = allOf([grantsData, not(hasConditionKey(s, isTagConditionKey))]);
        return verdict(problem, ws, `${label(ws)} grants data-service access without an aws:ResourceTag/ or aws:PrincipalTag/ condition.`);
      },
    });
  },
};

// ---------------------------------------------------------------------------------------------
// dynamodb.leading-keys

/**
 * Item-level actions that `dynamodb:LeadingKeys` can restrict (the service authorization
 * reference lists the key for exactly these). Scan is left out: the key cannot narrow it.
 */
const ITEM_ACTIONS = ['GetItem', 'BatchGetItem', 'Query', 'ConditionCheckItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'PartiQLSelect', 'PartiQLInsert', 'PartiQLUpdate', 'PartiQLDelete'].map((a) => `dynamodb:${a}`);

/** Tables whose data demands item-level scoping: red, orange, and unclassified (protected as orange, like the other data rules). */
interface SensitiveTables {
  tables: Resource[];
  /** The tables whose demand is known (not only possibly sensitive). */
  certain: Resource[];
  demand: Map<Resource, ReturnType<typeof demandOf>>;
}

/** Built once per input: every statement of every principal is compared with the same tables. */
const sensitiveByIndex = new WeakMap<RuleContext['index'], SensitiveTables>();
function sensitiveTables(ctx: RuleContext): SensitiveTables {
  let hit = sensitiveByIndex.get(ctx.index);
  if (!hit) {
    const demand = new Map<Resource, ReturnType<typeof demandOf>>();
    for (const table of ctx.index.ofType(...TABLE_TYPES)) {
      const d = demandOf(table, ctx);
      if (d !== 'none') demand.set(table, d);
    }
    const tables = [...demand.keys()];
    hit = { tables, certain: tables.filter((t) => !isUnknown(demand.get(t))), demand };
    sensitiveByIndex.set(ctx.index, hit);
  }
  return hit;
}

/** `anyOf(actions.map((a) => coversAction(s, a)))`, stopping at the first action covered. */
function coversAnyOf(s: PolicyStatement, actions: readonly string[]): V<boolean> {
  let maybe: V<boolean> = false;
  for (const a of actions) {
    const c = coversAction(s, a);
    if (c === true) return true;
    if (maybe === false && c !== false) maybe = c;
  }
  return maybe;
}

const leadingKeys: Rule = {
  id: 'dynamodb.leading-keys',
  pillar: 'identity',
  severity: 'medium',
  title: 'Item-level access to red/orange DynamoDB tables is restricted with dynamodb:LeadingKeys',
  rationale:
    'Without a `dynamodb:LeadingKeys` condition, a principal that may read or write items of a sensitive table may read or write every item — every customer\'s records. Fine-grained access control limits each caller to the partition keys it owns (for example its own user id).',
  remediation: {
    cloudformation:
      '- Effect: Allow\n  Action: [dynamodb:GetItem, dynamodb:Query, dynamodb:PutItem]\n  Resource: !GetAtt OrdersTable.Arn\n  Condition:\n    ForAllValues:StringEquals:\n      dynamodb:LeadingKeys: ["${aws:PrincipalTag/tenant}"]',
    terraform:
      'statement {\n  actions   = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"]\n  resources = [aws_dynamodb_table.orders.arn]\n  condition {\n    test     = "ForAllValues:StringEquals"\n    variable = "dynamodb:LeadingKeys"\n    values   = ["$${aws:PrincipalTag/tenant}"]\n  }\n}',
  },
  appliesTo: APPLIES,
  references: [REFS.leadingKeys, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html'],
  check(resource, ctx) {
    const tables = sensitiveTables(ctx);
    return checkStatements(resource, ctx, {
      ok: 'Item-level access to sensitive tables is restricted with dynamodb:LeadingKeys.',
      risk: 'grant item-level access to a sensitive table without dynamodb:LeadingKeys',
      unmodelledMatters: false,
      onlyWhenRelevant: true,
      applicable: () => tables.tables.length > 0,
      judge(ws) {
        const s = ws.statement;
        const allows = isAllow(s);
        if (allows === false) return undefined;
        const itemAccess = allOf([allows, coversAnyOf(s, ITEM_ACTIONS)]);
        if (itemAccess === false) return undefined;
        const noLeadingKeys = not(hasConditionKey(s, (k) => k.toLowerCase() === 'dynamodb:leadingkeys'));
        const describe = (list: readonly Resource[]) =>
          `${list.slice(0, 3).map((t) => `${display(t)} (${ctx.level(t) ?? 'unclassified'})`).join(', ')}${list.length > 3 ? ` and ${list.length - 3} more` : ''}`;
        // `Resource: *` reaches every table: no per-table comparison (thousands of tables × statements).
        if (!s.notResources && (s.resources ?? []).some((p) => !isUnknown(p) && isAnyResource(p))) {
          const reached = tables.certain.length ? tables.certain : tables.tables;
          const reach: V<boolean> = tables.certain.length ? true : (tables.demand.get(tables.tables[0]) as V<boolean>);
          const problem = allOf([itemAccess, reach, noLeadingKeys]);
          if (problem === false) return 'ok';
          return verdict(problem, ws, `${label(ws)} grants item-level access to ${describe(reached)} without a dynamodb:LeadingKeys condition.`);
        }
        const hits = tablesCoveredBy(s, tables.tables, ctx.index)
          .map(({ table, covered }) => {
            const demand = tables.demand.get(table)!;
            return { table, demand, covered: allOf([covered, isUnknown(demand) ? demand : true]) };
          })
          .filter((t) => t.covered !== false);
        if (!hits.length) return undefined;
        const sure = hits.filter((t) => t.covered === true);
        const reach: V<boolean> = sure.length ? true : hits[0].covered;
        const problem = allOf([itemAccess, reach, noLeadingKeys]);
        if (problem === false) return 'ok';
        return verdict(problem, ws, `${label(ws)} grants item-level access to ${describe((sure.length ? sure : hits).map((t) => t.table))} without a dynamodb:LeadingKeys condition.`);
      },
    });
  },
};

export const rules: AnyRule[] = [adminWildcard, serviceWildcard, writeOnAnyResource, notActionAllow, privilegeEscalation, trustTooBroad, usersNotRoles, abacConditions, leadingKeys];
