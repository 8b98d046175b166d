import type { PolicyStatement, SourceFormat, V } from '../model';
import { isUnknown } from '../model';
import type { AnyRule, CheckResult, Rule } from './types';
import { fail, pass, requireTrue, unknownResult } from './support';
import { isPublicPrincipal } from '../iam/principal';
import { isAllow, restrictedBy } from '../iam/statement';
import { allOf, anyOf, not } from '../iam/tri';

/*
 * KMS key rules. Keys AWS manages (`keyManager: 'AWS'`, known from Config) are out of scope: their
 * rotation and policy are AWS's, not the team's.
 */

const KEY = ['AWS::KMS::Key'] as const;

/**
 * AWS Config records a key's metadata and rotation status but not its key policy, so a Config item
 * cannot say whether the policy is public: the policy rule runs on the IaC formats only (on Config
 * a missing policy would read as the default key policy — a pass it cannot back).
 */
const KEY_POLICY_FORMATS: readonly SourceFormat[] = ['cloudformation', 'cdk', 'terraform', 'terraform-plan'];

const rotation: Rule = {
  id: 'kms.rotation',
  pillar: 'encryption',
  severity: 'high',
  title: 'Customer-managed symmetric KMS keys rotate automatically',
  rationale:
    'Automatic rotation replaces a key\'s cryptographic material every year (or on the period you set) while old ciphertexts stay readable, limiting how much data one compromised key version exposes. The article asks red data to use customer-managed keys with rotation. Only symmetric encryption keys support it.',
  remediation: {
    cloudformation: 'OrdersKey:\n  Type: AWS::KMS::Key\n  Properties:\n    EnableKeyRotation: true',
    terraform: 'resource "aws_kms_key" "orders" {\n  enable_key_rotation = true\n}',
  },
  appliesTo: KEY,
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html'],
  check(key) {
    const kms = key.facets.kms;
    if (kms?.keyManager === 'AWS') return undefined;
    const spec = kms?.keySpec ?? 'SYMMETRIC_DEFAULT';
    if (isUnknown(spec)) return unknownResult(`Cannot tell whether the key is symmetric, so whether rotation applies (${spec.reason}).`, 'kms.keySpec');
    // Asymmetric and HMAC keys cannot rotate automatically: the rule does not apply to them.
    if (spec !== 'SYMMETRIC_DEFAULT') return undefined;
    return requireTrue(kms?.rotation, 'kms.rotation', 'Automatic key rotation is on.', 'Automatic key rotation is off.');
  },
};

/**
 * Conditions that pin a public-looking principal to the organisation, an account, a source or an
 * AWS service path — the ones the KMS documentation shows for shared keys.
 */
const RESTRICTING_KEYS = ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalAccount', 'aws:PrincipalArn', 'aws:SourceAccount', 'aws:SourceArn', 'aws:SourceVpce', 'aws:SourceVpc', 'kms:CallerAccount', 'kms:ViaService'];

/** Whether the statement names anyone (`*`, `AWS: *`, or an Allow with NotPrincipal). */
function admitsAnyone(s: PolicyStatement): V<boolean> {
  if (s.notPrincipals?.length) return true;
  const principals = s.principals ?? [];
  return anyOf(principals.map((p) => (isPublicPrincipal(p) ? true : isUnknown(p.value) ? p.value : false)));
}

function judge(s: PolicyStatement, i: number): CheckResult | undefined {
  const path = s.path ?? `kms.policy.Statement[${i}]`;
  const problem = allOf([isAllow(s), admitsAnyone(s), not(restrictedBy(s, RESTRICTING_KEYS))]);
  if (problem === false) return undefined;
  const sid = s.sid ? ` "${s.sid}"` : '';
  const bad = `Key policy statement${sid} allows any principal (*) without a condition restricting the caller (aws:PrincipalOrgID, aws:PrincipalAccount, kms:CallerAccount, kms:ViaService, …).`;
  if (isUnknown(problem)) return unknownResult(`${bad.replace(/\.$/, '')}: cannot tell (${problem.reason}).`, path);
  return fail(bad, path);
}

const policyPublic: Rule = {
  id: 'kms.policy-public',
  pillar: 'encryption',
  severity: 'critical',
  title: 'KMS key policies do not admit any principal without a restricting condition',
  rationale:
    'A key policy is the primary control over a KMS key. An Allow to `*` (or `AWS: *`) without a condition such as `aws:PrincipalOrgID`, `kms:CallerAccount` or `kms:ViaService` lets principals of any AWS account use or manage the key — and decrypt whatever it protects.',
  remediation: {
    cloudformation:
      'KeyPolicy:\n  Statement:\n    - Effect: Allow\n      Principal: { AWS: "*" }\n      Action: [kms:Decrypt, kms:DescribeKey]\n      Resource: "*"\n      Condition:\n        StringEquals:\n          kms:CallerAccount: !Ref AWS::AccountId\n          kms:ViaService: !Sub dynamodb.${AWS::Region}.amazonaws.com',
    terraform:
      'statement {\n  actions   = ["kms:Decrypt", "kms:DescribeKey"]\n  resources = ["*"]\n  principals {\n    type        = "AWS"\n    identifiers = ["*"]\n  }\n  condition {\n    test     = "StringEquals"\n    variable = "aws:PrincipalOrgID"\n    values   = [var.org_id]\n  }\n}',
  },
  appliesTo: KEY,
  formats: KEY_POLICY_FORMATS,
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html', 'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html'],
  check(key) {
    const kms = key.facets.kms;
    if (kms?.keyManager === 'AWS') return undefined;
    const policy = kms?.policy;
    // No policy in the input: KMS applies its default key policy, which admits only this account.
    if (!policy) return pass('The key uses the default key policy (this account only).', 'kms.policy');
    const results: CheckResult[] = [];
    if (policy.unknownReason !== undefined) results.push(unknownResult(`The key policy cannot be read (${policy.unknownReason}).`, 'kms.policy'));
    policy.statements.forEach((s, i) => {
      const r = judge(s, i);
      if (r) results.push(r);
    });
    return results.length ? results : pass('No key policy statement admits any principal without a restricting condition.', 'kms.policy');
  },
};

export const rules: AnyRule[] = [rotation, policyPublic];
