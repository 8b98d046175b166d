import type { Resource } from '../../model';
import type { CheckResult, RuleContext } from '../../rules/types';
import { diffAccess, type AccessDiff, type NewGrant } from '../../iam/access-diff';
import { describeGroup, groupGrants, type GrantLevel } from '../../iam/access-groups';
import { documentView, EMPTY_VIEW, principalView, type AccessView, type SourcedStatement } from '../../iam/access-view';
import { effectivePermissions, permissionSources } from '../../iam/effective';
import { findEscalationPaths, type EscalationMatch } from '../../iam/escalation';
import { ownAccountOf } from '../../iam/principal';
import type { PolicyOwner } from '../../iam/principal-include';
import { mayReachRed } from '../../iam/red-reach';
import { isAnyResource } from '../../iam/resource-pattern';
import { resourcePolicyOf, RESOURCE_POLICY_TYPES } from '../../iam/resource-policies';
import { PRINCIPAL_TYPES } from '../../iam/sites';
import { coversAction } from '../../iam/statement';
import { anyOf } from '../../iam/tri';
import { hasWildcard } from '../../iam/wildcard';
import type { ChangeContext, ChangeRule, ResourcePair } from '../types';

/*
 * The IAM and key-policy change rules of RULES.md's last table. Each compares the *access* two
 * versions grant (iam/access-diff.ts), never the text: a reordered, split or reformatted policy is
 * no change, `s3:Get*` → `s3:*` is.
 */

const REFS = {
  accessAnalyzer: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-custom-policy-checks.html',
  accessLevels: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary-access-level-summaries.html',
  evaluation: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
  rhino: 'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
  trust: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  keyPolicy: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
};

/** One memo per diff run: several rules ask for the same pair's comparison. */
const memo = new WeakMap<ChangeContext, Map<string, AccessDiff>>();
function memoised(ctx: ChangeContext, key: string, compute: () => AccessDiff): AccessDiff {
  let byKey = memo.get(ctx);
  if (!byKey) {
    byKey = new Map();
    memo.set(ctx, byKey);
  }
  let hit = byKey.get(key);
  if (!hit) {
    hit = compute();
    byKey.set(key, hit);
  }
  return hit;
}

/** Whose resource a resource-based policy guards: an account root of that account only delegates to IAM. */
function ownerOf(r: Resource): PolicyOwner {
  const account = ownAccountOf(r);
  return account === undefined ? {} : { account };
}

/** The identity access of a principal, or the resource-based policy of a resource, in one version. */
function accessOf(r: Resource | undefined, rc: RuleContext): AccessView {
  if (!r) return EMPTY_VIEW;
  if (PRINCIPAL_TYPES.includes(r.type)) return principalView(r, rc.index);
  const held = resourcePolicyOf(r, rc.index);
  return held ? documentView(held.document, r.id, held.path, ownerOf(r)) : EMPTY_VIEW;
}

const NOTHING_NEW: AccessDiff = Object.freeze({ grants: [], weakenedDenies: [], opaque: [], unknown: [], unknownDenies: [] }) as unknown as AccessDiff;

/**
 * A principal that did not change, whose permissions come (in both versions) only from resources
 * that did not change, has the same access: most principals of a pull request, which then need no
 * comparison. The sources are those effective permissions were read from — policies, groups,
 * attachments, the boundary — so a policy attached, detached or edited elsewhere still counts.
 */
function sourcesUnchanged(pair: ResourcePair, ctx: ChangeContext): boolean {
  if (pair.change !== 'unchanged' || !pair.base || !pair.head) return false;
  const unchanged = (r: Resource) => ctx.pairOf(r)?.change === 'unchanged';
  return (
    permissionSources(effectivePermissions(pair.base, ctx.base), ctx.base.index).every(unchanged) &&
    permissionSources(effectivePermissions(pair.head, ctx.head), ctx.head.index).every(unchanged)
  );
}

/** What head grants that base did not, for a principal or a resource-based policy; undefined when head has no such resource. */
function accessDiffOf(pair: ResourcePair, ctx: ChangeContext): AccessDiff | undefined {
  if (!pair.head) return undefined;
  if (PRINCIPAL_TYPES.includes(pair.head.type) && sourcesUnchanged(pair, ctx)) return NOTHING_NEW;
  if (!PRINCIPAL_TYPES.includes(pair.head.type) && !resourcePolicyOf(pair.head, ctx.head.index) && !(pair.base && resourcePolicyOf(pair.base, ctx.base.index))) return undefined;
  return memoised(ctx, `access\u0000${pair.key}`, () => diffAccess(accessOf(pair.base, ctx.base), accessOf(pair.head, ctx.head)));
}

/** The same comparison for one policy document each side holds (a trust or key policy); only for resources both versions have. */
function documentDiff(pair: ResourcePair, ctx: ChangeContext, kind: string, pick: (r: Resource) => { doc: Parameters<typeof documentView>[0]; path: string }): AccessDiff | undefined {
  if (!pair.base || !pair.head) return undefined;
  const view = (r: Resource) => {
    const { doc, path } = pick(r);
    return documentView(doc, r.id, path, ownerOf(r));
  };
  return memoised(ctx, `${kind}\u0000${pair.key}`, () => diffAccess(view(pair.base!), view(pair.head!)));
}

const trustDiff = (pair: ResourcePair, ctx: ChangeContext) => documentDiff(pair, ctx, 'trust', (r) => ({ doc: r.facets.iam?.trustPolicy, path: 'iam.trustPolicy' }));
const keyPolicyDiff = (pair: ResourcePair, ctx: ChangeContext) => documentDiff(pair, ctx, 'key', (r) => ({ doc: r.facets.kms?.policy, path: 'kms.policy' }));

function list(items: readonly string[], max: number): string {
  const unique = [...new Set(items)];
  return unique.length <= max ? unique.join(', ') : `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}

function grantOrigin(g: NewGrant): string {
  return g.deny ? `${g.source.label}, no longer blocked by the base Deny ${g.deny.label}` : g.source.label;
}

/** Where to point a finding: the statement's path when it is written on this resource, else the other resources involved. */
function locate(resource: Resource, sources: readonly SourcedStatement[]): Pick<CheckResult, 'path' | 'related'> {
  const own = sources.filter((s) => s.resourceId === resource.id);
  const others = [...new Set(sources.filter((s) => s.resourceId !== resource.id && !s.resourceId.startsWith('arn:')).map((s) => s.resourceId))];
  const out: Pick<CheckResult, 'path' | 'related'> = {};
  if (own.length === sources.length && own.length > 0) out.path = own[0].path;
  if (others.length) out.related = others;
  return out;
}

function unknownResult(what: string, reasons: readonly string[]): CheckResult {
  return { verdict: 'unknown', message: `Cannot tell whether ${what}: ${list(reasons, 3)}.` };
}

// ---------------------------------------------------------------------------------------------
// iam.new-access

export const newAccess: ChangeRule = {
  kind: 'change',
  id: 'iam.new-access',
  pillar: 'identity',
  severity: 'medium',
  title: 'New IAM access',
  rationale:
    'A pull request that lets a principal (or, through a resource policy, someone else) do something it could not do before deserves a reviewer who knows what was granted: the new (action, resource) pairs, by service and access level. Rewrites that grant nothing new — reordered, split or merged statements, narrower wildcards or resources, added conditions — are not reported.',
  remediation: {
    cloudformation:
      "# Grant only the actions and resources the workload needs; keep conditions.\nPolicies:\n  - PolicyName: orders-read\n    PolicyDocument:\n      Statement:\n        - Effect: Allow\n          Action: [dynamodb:GetItem, dynamodb:Query]\n          Resource: !GetAtt OrdersTable.Arn",
    terraform:
      'data "aws_iam_policy_document" "orders_read" {\n  statement {\n    actions   = ["dynamodb:GetItem", "dynamodb:Query"]\n    resources = [aws_dynamodb_table.orders.arn]\n  }\n}',
  },
  appliesTo: [...PRINCIPAL_TYPES, ...RESOURCE_POLICY_TYPES],
  references: [REFS.accessAnalyzer, REFS.accessLevels],
  compare(pair, ctx) {
    const diff = accessDiffOf(pair, ctx);
    if (!diff || !pair.head) return undefined;
    const subject = PRINCIPAL_TYPES.includes(pair.head.type) ? pair.head.id : `the resource policy of ${pair.head.id}`;
    const parts: string[] = [];
    const groups = groupGrants(diff.grants.map((g) => ({ ...g, from: grantOrigin(g) })));
    parts.push(...groups.map(describeGroup));
    for (const name of diff.opaque) parts.push(`AWS-managed policy ${name} attached (its permissions are not modelled; treat them as new)`);
    if (parts.length === 0) return diff.unknown.length ? unknownResult(`${subject} grants new access`, diff.unknown) : undefined;
    const tail = diff.unknown.length ? ` Also cannot tell: ${list(diff.unknown, 2)}.` : '';
    return {
      verdict: 'fail',
      message: `${subject} allows access the base version did not: ${parts.join('; ')}.${tail}`,
      ...locate(pair.head, diff.grants.map((g) => g.source)),
    };
  },
};

/** One row of the new-access summary the approval policy decides with. */
export interface NewAccessGroup {
  service: string;
  /** `Unknown`: an action the catalog lacks, an unmodelled AWS-managed policy, or a comparison we could not complete. */
  accessLevel: GrantLevel;
  actions: string[];
  resources: string[];
  /** Some resource of the group is (or may be) red data of head. */
  onRed: boolean;
  /** Some resource is `*`, a wildcard pattern, or "everything except …" — not a named resource. */
  wildcard: boolean;
  /** Who gets it, for resource-based policies. */
  principals: string[];
  /** Why the group is `Unknown`, when the comparison could not be completed. */
  reasons?: string[];
}

/**
 * The new access of one pair, grouped by service and access level, for the approval policy
 * ("only List/Read on named non-red resources" needs no approval). What could not be compared
 * comes back as an `Unknown` group on `*` (so it is never mistaken for harmless), as does each
 * newly attached AWS-managed policy we do not model. Empty when nothing is new.
 */
export function newAccessSummary(pair: ResourcePair, ctx: ChangeContext): NewAccessGroup[] {
  const diff = accessDiffOf(pair, ctx);
  if (!diff) return [];
  const out: NewAccessGroup[] = groupGrants(diff.grants.map((g) => ({ ...g, from: g.source.label }))).map((g) => ({
    service: g.service,
    accessLevel: g.accessLevel,
    actions: g.actions,
    resources: g.resources,
    onRed: g.resources.some((r) => mayReachRed(r, g.service, ctx.head)),
    wildcard: g.resources.some((r) => isAnyResource(r) || hasWildcard(r) || r.startsWith('everything except')),
    principals: g.principals,
  }));
  const opaque = (name: string): NewAccessGroup => ({ service: '*', accessLevel: 'Unknown', actions: [`AWS-managed policy ${name}`], resources: ['*'], onRed: true, wildcard: true, principals: [] });
  out.push(...diff.opaque.map(opaque));
  if (diff.unknown.length) out.push({ service: '*', accessLevel: 'Unknown', actions: [], resources: ['*'], onRed: true, wildcard: true, principals: [], reasons: diff.unknown });
  return out;
}

// ---------------------------------------------------------------------------------------------
// iam.new-privilege-escalation

type Match = EscalationMatch<SourcedStatement>;

/** A known boundary caps the paths: an action none of its Allows covers cannot serve one (its Denies are among `view.denies`). */
function escalations(view: AccessView): Match[] {
  const b = view.boundary;
  const permitted = b?.kind === 'known' ? (action: string) => anyOf(b.allows.map((s) => coversAction(s.statement, action))) : undefined;
  return findEscalationPaths<SourcedStatement>([...view.allows, ...view.denies], undefined, permitted);
}

function describeMatch(m: Match): string {
  const needs = m.grants.map((g) => `${g.action} from ${g.by.label}${g.conditioned ? ' (under a condition)' : ''}`);
  return `${m.path.title} (${m.path.id}; ${m.path.source}): ${needs.join(', ')}`;
}

export const newPrivilegeEscalation: ChangeRule = {
  kind: 'change',
  id: 'iam.new-privilege-escalation',
  pillar: 'identity',
  severity: 'critical',
  title: 'New privilege-escalation path',
  rationale:
    'Some permission sets let a principal grant itself more (rewrite or attach policies, pass a privileged role to a service that runs its code, mint credentials). A change that completes such a set — often by adding one innocent-looking permission in another policy — turns a scoped role into an administrator.',
  remediation: {
    cloudformation: '# Remove one permission of the path, or scope iam:PassRole to the roles the service needs.\n- Effect: Allow\n  Action: iam:PassRole\n  Resource: !GetAtt WorkerRole.Arn\n  Condition:\n    StringEquals: { iam:PassedToService: lambda.amazonaws.com }',
    terraform: 'statement {\n  actions   = ["iam:PassRole"]\n  resources = [aws_iam_role.worker.arn]\n  condition {\n    test     = "StringEquals"\n    variable = "iam:PassedToService"\n    values   = ["lambda.amazonaws.com"]\n  }\n}',
  },
  appliesTo: PRINCIPAL_TYPES,
  references: [REFS.rhino, 'https://github.com/BishopFox/iam-vulnerable', 'https://pathfinding.cloud'],
  compare(pair, ctx) {
    if (!pair.head || !PRINCIPAL_TYPES.includes(pair.head.type)) return undefined;
    // Escalation needs permissions; a head that allows nothing base did not cannot have a new path.
    const access = accessDiffOf(pair, ctx);
    if (access && access.grants.length === 0 && access.opaque.length === 0 && access.unknown.length === 0) return undefined;
    const baseView = pair.base && PRINCIPAL_TYPES.includes(pair.base.type) ? principalView(pair.base, ctx.base.index) : EMPTY_VIEW;
    const headView = principalView(pair.head, ctx.head.index);
    const before = new Map(escalations(baseView).map((m) => [m.path.id, m]));
    const results: CheckResult[] = [];
    for (const m of escalations(headView)) {
      const was = before.get(m.path.id);
      if (was?.found === true) continue;
      // Certain now and absent before: new. Possible now and not certain before: cannot tell —
      // unless the same uncertainty stood in base already.
      const where = locate(pair.head, m.grants.map((g) => g.by));
      if (m.found === true && !was) {
        results.push({ verdict: 'fail', message: `${pair.head.id} can now escalate its privileges — ${describeMatch(m)}.`, ...where });
      } else if (m.found === true || !was) {
        results.push({ verdict: 'unknown', message: `${pair.head.id} may now escalate its privileges — ${describeMatch(m)} — but an unresolved value decides it.`, ...where });
      }
    }
    const gaps = [...headView.gaps.filter((g) => !baseView.gaps.includes(g)), ...headView.opaque.filter((n) => !baseView.opaque.includes(n)).map((n) => `AWS-managed policy ${n} is not modelled`)];
    if (results.length === 0 && gaps.length) return unknownResult(`${pair.head.id} gained a privilege-escalation path`, gaps);
    return results;
  },
};

// ---------------------------------------------------------------------------------------------
// iam.trust-broadened

export const trustBroadened: ChangeRule = {
  kind: 'change',
  id: 'iam.trust-broadened',
  pillar: 'identity',
  severity: 'high',
  title: 'Role trust policy broadened',
  rationale:
    "A role's trust policy decides who can become it. A new principal (another account, `*`, a federated identity provider) or a dropped condition (`sts:ExternalId`, an OIDC `sub`, `aws:PrincipalOrgID`) hands everything the role can do to someone new.",
  remediation: {
    cloudformation:
      'AssumeRolePolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: { AWS: arn:aws:iam::444455556666:root }\n      Action: sts:AssumeRole\n      Condition:\n        StringEquals: { sts:ExternalId: orders-etl }',
    terraform:
      'data "aws_iam_policy_document" "trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["arn:aws:iam::444455556666:root"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "sts:ExternalId"\n      values   = ["orders-etl"]\n    }\n  }\n}',
  },
  appliesTo: ['AWS::IAM::Role'],
  references: [REFS.trust, REFS.evaluation],
  compare(pair, ctx) {
    const diff = trustDiff(pair, ctx);
    if (!diff || !pair.head) return undefined;
    const baseDoc = pair.base?.facets.iam?.trustPolicy;
    const basePrincipals = new Set(
      groupGrants(diffAccess(EMPTY_VIEW, documentView(baseDoc, pair.base!.id, 'iam.trustPolicy')).grants.map((g) => ({ ...g, from: '' }))).flatMap((g) => g.principals),
    );
    const byPrincipal = new Map<string, NewGrant[]>();
    for (const g of diff.grants) byPrincipal.set(g.principal ?? '*', [...(byPrincipal.get(g.principal ?? '*') ?? []), g]);
    const parts = [...byPrincipal].map(([who, grants]) => {
      const how = basePrincipals.has(who) ? 'now without a condition (or with a weaker one) that the base version required' : 'newly admitted';
      return `${who} ${how}: ${list(grants.map((g) => g.action), 4)} (${list(grants.map(grantOrigin), 2)})`;
    });
    parts.push(...diff.weakenedDenies.map((w) => `the Deny ${w.deny.label} no longer blocks ${list(w.actions, 4)}${w.principal ? ` for ${w.principal}` : ''}`));
    if (parts.length === 0) return diff.unknown.length ? unknownResult(`the trust policy of ${pair.head.id} was broadened`, diff.unknown) : undefined;
    return { verdict: 'fail', message: `The trust policy of ${pair.head.id} admits more: ${parts.join('; ')}.`, path: 'iam.trustPolicy' };
  },
};

// ---------------------------------------------------------------------------------------------
// iam.deny-weakened

export const denyWeakened: ChangeRule = {
  kind: 'change',
  id: 'iam.deny-weakened',
  pillar: 'identity',
  severity: 'high',
  title: 'Deny statement removed or weakened',
  rationale:
    'An explicit Deny overrides every Allow: it is how guardrails (no deleting tables, only over TLS, only from the organisation) are written. Removing one, narrowing its actions, resources or principals, or adding a condition to it silently re-opens what it blocked for every Allow that reaches it — today or later.',
  remediation: {
    cloudformation: '- Effect: Deny\n  Action: [dynamodb:DeleteTable, dynamodb:DeleteBackup]\n  Resource: "*"',
    terraform: 'statement {\n  effect    = "Deny"\n  actions   = ["dynamodb:DeleteTable", "dynamodb:DeleteBackup"]\n  resources = ["*"]\n}',
  },
  appliesTo: [...PRINCIPAL_TYPES, ...RESOURCE_POLICY_TYPES, 'AWS::KMS::Key'],
  references: [REFS.evaluation],
  compare(pair, ctx) {
    if (!pair.head) return undefined;
    const diffs: AccessDiff[] = [];
    const access = accessDiffOf(pair, ctx);
    if (access) diffs.push(access);
    const trust = pair.head.type === 'AWS::IAM::Role' ? trustDiff(pair, ctx) : undefined;
    if (trust) diffs.push(trust);
    const key = pair.head.type === 'AWS::KMS::Key' ? keyPolicyDiff(pair, ctx) : undefined;
    if (key) diffs.push(key);
    const results: CheckResult[] = [];
    for (const d of diffs) {
      for (const w of d.weakenedDenies) {
        const reopened = d.grants.filter((g) => g.deny === w.deny);
        const effect = reopened.length ? ` Head allows ${reopened.length} of those (action, resource) pairs again: ${list(reopened.map((g) => `${g.action} on ${g.resource}`), 4)}.` : ' Nothing head allows reaches them today.';
        results.push({
          verdict: 'fail',
          message: `The Deny ${w.deny.label} of the base version no longer blocks ${list(w.actions, 5)} on ${w.resource}${w.principal ? ` for ${w.principal}` : ''}.${effect}`,
          ...locate(pair.head, reopened.map((g) => g.source)),
        });
      }
      if (d.weakenedDenies.length === 0 && d.unknownDenies.length) results.push(unknownResult(`a Deny of ${pair.head.id} was weakened`, d.unknownDenies));
    }
    return results;
  },
};

// ---------------------------------------------------------------------------------------------
// kms.policy-broadened

export const keyPolicyBroadened: ChangeRule = {
  kind: 'change',
  id: 'kms.policy-broadened',
  pillar: 'encryption',
  severity: 'high',
  title: 'KMS key policy broadened',
  rationale:
    'A key policy decides who can use the key, and so who can read everything encrypted with it. A new principal, or `kms:*` / `kms:Decrypt` for a wider set, opens the data to them whatever the data store itself allows.',
  remediation: {
    cloudformation:
      'KeyPolicy:\n  Statement:\n    - Effect: Allow\n      Principal: { AWS: !GetAtt OrdersRole.Arn }\n      Action: [kms:Decrypt, kms:GenerateDataKey]\n      Resource: "*"',
    terraform:
      'data "aws_iam_policy_document" "key" {\n  statement {\n    actions   = ["kms:Decrypt", "kms:GenerateDataKey"]\n    resources = ["*"]\n    principals {\n      type        = "AWS"\n      identifiers = [aws_iam_role.orders.arn]\n    }\n  }\n}',
  },
  appliesTo: ['AWS::KMS::Key'],
  references: [REFS.keyPolicy, REFS.accessAnalyzer],
  compare(pair, ctx) {
    const diff = keyPolicyDiff(pair, ctx);
    if (!diff || !pair.head) return undefined;
    const byPrincipal = new Map<string, NewGrant[]>();
    for (const g of diff.grants) byPrincipal.set(g.principal ?? 'the key policy holder', [...(byPrincipal.get(g.principal ?? 'the key policy holder') ?? []), g]);
    const parts = [...byPrincipal].map(([who, grants]) => `${who}: ${list(grants.map((g) => g.action), 5)} (${list(grants.map(grantOrigin), 2)})`);
    if (parts.length === 0) return diff.unknown.length ? unknownResult(`the key policy of ${pair.head.id} was broadened`, diff.unknown) : undefined;
    return { verdict: 'fail', message: `The key policy of ${pair.head.id} allows more: ${parts.join('; ')}.`, path: 'kms.policy' };
  },
};

/** The IAM and key-policy change rules (RULES.md, last table). */
export const changeRules: ChangeRule[] = [newAccess, newPrivilegeEscalation, trustBroadened, denyWeakened, keyPolicyBroadened];
