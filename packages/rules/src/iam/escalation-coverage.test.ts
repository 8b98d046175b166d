import type { Resource } from '../model';
import { parseCloudFormation } from '../sources/cloudformation';
import { parseTerraformModule } from '../sources/terraform-hcl';
import { linkResources } from '../engine/link';
import { ResourceIndex } from '../engine/resource-index';
import { levelResolver } from '../engine/levels';
import { DEFAULT_CONFIG } from '../config/types';
import { rules } from '../rules/iam';
import type { CheckResult, Rule, RuleContext } from '../rules/types';
import { isKnownAction } from './catalog';
import { ESCALATION_PATHS, type EscalationPath } from './escalation-paths';
import { findEscalationPaths } from './escalation';

/*
 * End-to-end coverage of the escalation catalog: for every pattern, a principal written in
 * CloudFormation and in Terraform with exactly the permissions the pattern needs goes through
 * the real adapters, the linker and the real `iam.privilege-escalation` rule, and the rule must
 * name the path. The unit tests of escalation.ts check the matcher alone; these check that the
 * catalog's actions survive parsing, linking and the combination of a principal's policies.
 */

const rule = rules.find((r) => r.id === 'iam.privilege-escalation') as Rule;

function contextOf(resources: readonly Resource[]): RuleContext {
  const index = new ResourceIndex(resources);
  return { index, config: DEFAULT_CONFIG, level: levelResolver(index, DEFAULT_CONFIG) };
}

/** The rule's verdict on one principal of the linked resources. */
function verdictOn(resources: readonly Resource[], principalId: string): CheckResult {
  const linked = linkResources([...resources]);
  const principal = linked.find((r) => r.id === principalId);
  if (!principal) throw new Error(`no ${principalId} among ${linked.map((r) => r.id).join(', ')}`);
  const out = rule.check(principal, contextOf(linked));
  const results = out === undefined ? [] : Array.isArray(out) ? out : [out];
  expect(results).toHaveLength(1);
  return results[0];
}

function fromCfn(yaml: string): Resource[] {
  const r = parseCloudFormation({ path: 'template.yaml', content: yaml });
  expect(r.errors).toEqual([]);
  return r.resources;
}

async function fromTf(hcl: string): Promise<Resource[]> {
  const r = await parseTerraformModule([{ path: 'main.tf', content: hcl }]);
  expect(r.errors).toEqual([]);
  return r.resources;
}

/** The rule lists each found path as `<title> (<action> via <where>, …)`. */
const names = (message: string, p: EscalationPath) => message.includes(`${p.title} (`);

/** Exactly what the path needs: the first alternative of every need. */
const neededActions = (p: EscalationPath) => p.requires.map((need) => need[0]);

// ---------------------------------------------------------------------------------------------
// Text generators: one statement per action, so nothing else is granted by accident.

interface Stmt {
  effect: 'Allow' | 'Deny';
  actions: readonly string[];
  condition?: { test: string; key: string; value: string };
}

const allowEach = (actions: readonly string[]): Stmt[] => actions.map((a) => ({ effect: 'Allow', actions: [a] }));

function cfnStatements(statements: readonly Stmt[], indent: string): string {
  return statements
    .map((s) => {
      const cond = s.condition ? `\n${indent}  Condition:\n${indent}    ${s.condition.test}:\n${indent}      ${s.condition.key}: '${s.condition.value}'` : '';
      return `${indent}- Effect: ${s.effect}\n${indent}  Action: [${s.actions.map((a) => `'${a}'`).join(', ')}]\n${indent}  Resource: '*'${cond}`;
    })
    .join('\n');
}

function tfStatements(statements: readonly Stmt[]): string {
  return statements
    .map((s) => {
      const cond = s.condition ? `, Condition = { ${s.condition.test} = { "${s.condition.key}" = "${s.condition.value}" } }` : '';
      return `{ Effect = "${s.effect}", Action = [${s.actions.map((a) => `"${a}"`).join(', ')}], Resource = "*"${cond} }`;
    })
    .join(',\n      ');
}

/** A user with one inline policy. */
const cfnUser = (statements: readonly Stmt[]) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Attacker:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: grants
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${cfnStatements(statements, '              ')}
`;

const tfUser = (statements: readonly Stmt[]) => `resource "aws_iam_user" "attacker" {
  name = "attacker"
}

resource "aws_iam_user_policy" "grants" {
  name = "grants"
  user = aws_iam_user.attacker.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      ${tfStatements(statements)}
    ]
  })
}
`;

/** A role with an inline policy and an attached customer-managed policy. */
const cfnRoleSplit = (inline: readonly Stmt[], managed: readonly Stmt[]) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Attacker:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: lambda.amazonaws.com }
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Ref Shared
      Policies:
        - PolicyName: own
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${cfnStatements(inline, '              ')}
  Shared:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
${cfnStatements(managed, '          ')}
`;

const tfRoleSplit = (inline: readonly Stmt[], managed: readonly Stmt[]) => `resource "aws_iam_role" "attacker" {
  name = "attacker"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "own" {
  name = "own"
  role = aws_iam_role.attacker.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      ${tfStatements(inline)}
    ]
  })
}

resource "aws_iam_policy" "shared" {
  name = "shared"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      ${tfStatements(managed)}
    ]
  })
}

resource "aws_iam_role_policy_attachment" "shared" {
  role       = aws_iam_role.attacker.name
  policy_arn = aws_iam_policy.shared.arn
}
`;

/** A user whose group carries part of the path. */
const cfnUserInGroup = (own: readonly Stmt[], group: readonly Stmt[]) => `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Attacker:
    Type: AWS::IAM::User
    Properties:
      Groups: [!Ref Team]
      Policies:
        - PolicyName: own
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${cfnStatements(own, '              ')}
  Team:
    Type: AWS::IAM::Group
    Properties:
      Policies:
        - PolicyName: team
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
${cfnStatements(group, '              ')}
`;

// ---------------------------------------------------------------------------------------------

describe('escalation catalog', () => {
  it('cites every pattern with a URL and the source\'s own id, and names only catalogued actions', () => {
    for (const p of ESCALATION_PATHS) {
      expect([p.id, p.sources.length > 0]).toEqual([p.id, true]);
      expect(p.source).toBe(p.sources[0].url);
      for (const s of p.sources) {
        expect(s.url).toMatch(/^https:\/\//);
        expect(s.ref.length).toBeGreaterThan(2);
      }
      for (const a of p.requires.flat()) expect([p.id, a, isKnownAction(a)]).toEqual([p.id, a, true]);
    }
  });

  it('never counts iam:PassRole alone: every pattern with it also needs an action of another service', () => {
    for (const p of ESCALATION_PATHS) {
      if (!p.requires.some((need) => need.includes('iam:PassRole'))) continue;
      const others = p.requires.filter((need) => !need.includes('iam:PassRole'));
      expect([p.id, others.length > 0 && others.every((need) => need.every((a) => !a.startsWith('iam:')))]).toEqual([p.id, true]);
    }
  });

  it('covers the published catalogs (counts of distinct source ids)', () => {
    const refs = (name: string) => new Set(ESCALATION_PATHS.flatMap((p) => p.sources.filter((s) => s.name === name).map((s) => s.ref)));
    // Rhino's companion repository numbers 28 methods; #23 (codestar:CreateProjectFromTemplate) is an
    // undocumented API the action catalog does not know, so it cannot be expressed.
    expect(refs('rhino').size).toBe(27);
    // iam-vulnerable's README lists 31 supported paths.
    expect(refs('bishop-fox').size).toBe(31);
    // pathfinding.cloud: the 66 paths of the catalog's first release plus 5 later ones.
    expect(refs('pathfinding.cloud').size).toBe(71);
  });
});

describe.each(ESCALATION_PATHS.map((p) => [p.id, p] as const))('%s', (_id, p) => {
  it('is found on a CloudFormation user holding exactly its permissions', () => {
    const res = verdictOn(fromCfn(cfnUser(allowEach(neededActions(p)))), 'Attacker');
    expect(res.verdict).toBe('fail');
    expect([p.id, names(res.message, p)]).toEqual([p.id, true]);
  });

  it('is found on a Terraform user holding exactly its permissions', async () => {
    const res = verdictOn(await fromTf(tfUser(allowEach(neededActions(p)))), 'aws_iam_user.attacker');
    expect(res.verdict).toBe('fail');
    expect([p.id, names(res.message, p)]).toEqual([p.id, true]);
  });

  it('is not found when one permission is missing (near miss)', () => {
    const actions = neededActions(p);
    // Drop the last need; a path of one permission keeps a harmless read instead.
    const kept = actions.length > 1 ? actions.slice(0, -1) : ['sts:GetCallerIdentity'];
    const res = verdictOn(fromCfn(cfnUser(allowEach(kept))), 'Attacker');
    expect([p.id, names(res.message, p)]).toEqual([p.id, false]);
  });
});

describe('iam.privilege-escalation over several policies of one principal', () => {
  const lambdaPath = ESCALATION_PATHS.find((p) => p.id === 'passrole-lambda-create-invoke') as EscalationPath;

  it('finds a path split across an inline policy and an attached customer-managed policy (CloudFormation)', () => {
    const res = verdictOn(fromCfn(cfnRoleSplit(allowEach(['iam:PassRole']), allowEach(['lambda:CreateFunction', 'lambda:InvokeFunction']))), 'Attacker');
    expect(res.verdict).toBe('fail');
    expect(names(res.message, lambdaPath)).toBe(true);
    // The message says where each permission comes from: the managed policy is named.
    expect(res.message).toContain('lambda:CreateFunction via Shared');
    expect(res.related).toEqual(['Shared']);
  });

  it('finds a path split across an inline policy and an attached customer-managed policy (Terraform)', async () => {
    const res = verdictOn(await fromTf(tfRoleSplit(allowEach(['iam:PassRole']), allowEach(['lambda:CreateFunction', 'lambda:InvokeFunction']))), 'aws_iam_role.attacker');
    expect(res.verdict).toBe('fail');
    expect(names(res.message, lambdaPath)).toBe(true);
    expect(res.message).toContain('aws_iam_policy.shared');
  });

  it('finds a path split between a user and its group', () => {
    const res = verdictOn(fromCfn(cfnUserInGroup(allowEach(['iam:PassRole', 'lambda:CreateFunction']), allowEach(['lambda:InvokeFunction']))), 'Attacker');
    expect(res.verdict).toBe('fail');
    expect(names(res.message, lambdaPath)).toBe(true);
  });

  it('does not find it when the other policy lacks one permission', () => {
    const res = verdictOn(fromCfn(cfnRoleSplit(allowEach(['iam:PassRole']), allowEach(['lambda:CreateFunction']))), 'Attacker');
    expect(res.verdict).toBe('pass');
  });

  it('lets an unconditional Deny on every resource in another policy remove a needed permission', async () => {
    const deny: Stmt = { effect: 'Deny', actions: ['lambda:InvokeFunction'] };
    const cfn = verdictOn(fromCfn(cfnRoleSplit([...allowEach(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'])], [deny])), 'Attacker');
    expect(cfn.verdict).toBe('pass');
    const tf = verdictOn(await fromTf(tfRoleSplit([...allowEach(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'])], [deny])), 'aws_iam_role.attacker');
    expect(tf.verdict).toBe('pass');
    // A group's Deny applies to its members too.
    const group = verdictOn(fromCfn(cfnUserInGroup(allowEach(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction']), [deny])), 'Attacker');
    expect(group.verdict).toBe('pass');
  });

  it('keeps the path when the Deny is conditioned (the condition may not hold)', () => {
    const deny: Stmt = { effect: 'Deny', actions: ['lambda:InvokeFunction'], condition: { test: 'Bool', key: 'aws:MultiFactorAuthPresent', value: 'false' } };
    const res = verdictOn(fromCfn(cfnRoleSplit(allowEach(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction']), [deny])), 'Attacker');
    expect(res.verdict).toBe('fail');
    expect(names(res.message, lambdaPath)).toBe(true);
  });
});

describe('iam:PassRole alone', () => {
  it('is not an escalation in CloudFormation or Terraform', async () => {
    expect(verdictOn(fromCfn(cfnUser(allowEach(['iam:PassRole']))), 'Attacker').verdict).toBe('pass');
    expect(verdictOn(await fromTf(tfUser(allowEach(['iam:PassRole']))), 'aws_iam_user.attacker').verdict).toBe('pass');
  });

  it('is not an escalation next to services that do not run code with the passed role', () => {
    const res = verdictOn(fromCfn(cfnUser(allowEach(['iam:PassRole', 's3:GetObject', 'dynamodb:Query', 'lambda:GetFunction']))), 'Attacker');
    expect(res.verdict).toBe('pass');
  });

  it('becomes one only with the service action that uses the role', () => {
    const res = verdictOn(fromCfn(cfnRoleSplit(allowEach(['iam:PassRole']), allowEach(['ec2:RunInstances']))), 'Attacker');
    expect(res.verdict).toBe('fail');
    expect(res.message).toContain('Launch an EC2 instance with a privileged instance profile (');
  });
});

describe('single-permission paths on other services need a broad grant', () => {
  const statement = (action: string, resource: string) => ({ statement: { effect: 'Allow' as const, actions: [action], resources: [resource], conditions: {} } });

  it('sts:AssumeRole on one named role is the workload\'s designed access, on * it is escalation', () => {
    const named = findEscalationPaths([statement('sts:AssumeRole', 'arn:aws:iam::111122223333:role/etl-reader')]);
    expect(named.map((m) => m.path.id)).not.toContain('sts-assume-role');
    const broad = findEscalationPaths([statement('sts:AssumeRole', '*')]);
    expect(broad.map((m) => m.path.id)).toContain('sts-assume-role');
    const pattern = findEscalationPaths([statement('sts:AssumeRole', 'arn:aws:iam::111122223333:role/*')]);
    expect(pattern.map((m) => m.path.id)).toContain('sts-assume-role');
  });

  it('IAM paths stay unscoped: a named policy may be the caller\'s own', () => {
    const m = findEscalationPaths([statement('iam:CreatePolicyVersion', 'arn:aws:iam::111122223333:policy/app')]);
    expect(m.map((x) => x.path.id)).toContain('iam-create-policy-version');
  });
});
