import type { PolicyStatement } from '../model';
import { unknown } from '../model';
import { ESCALATION_PATHS, findEscalationPaths } from './escalation';
import { isKnownAction } from './catalog';

const stmt = (actions: string[], extra: Partial<PolicyStatement> = {}): { statement: PolicyStatement; id: string } => ({
  statement: { effect: 'Allow', actions, resources: ['*'], conditions: {}, ...extra },
  id: actions.join(','),
});

/** For each single-action path, a real action next to it that grants no escalation. */
const NEAR_MISS: Record<string, string> = {
  'iam:CreatePolicyVersion': 'iam:DeletePolicyVersion',
  'iam:SetDefaultPolicyVersion': 'iam:GetPolicyVersion',
  'iam:CreateAccessKey': 'iam:ListAccessKeys',
  'iam:CreateLoginProfile': 'iam:GetLoginProfile',
  'iam:UpdateLoginProfile': 'iam:DeleteLoginProfile',
  'iam:AttachUserPolicy': 'iam:DetachUserPolicy',
  'iam:AttachGroupPolicy': 'iam:DetachGroupPolicy',
  'iam:AttachRolePolicy': 'iam:DetachRolePolicy',
  'iam:PutUserPolicy': 'iam:GetUserPolicy',
  'iam:PutGroupPolicy': 'iam:DeleteGroupPolicy',
  'iam:PutRolePolicy': 'iam:GetRolePolicy',
  'iam:AddUserToGroup': 'iam:RemoveUserFromGroup',
  'lambda:UpdateFunctionCode': 'lambda:GetFunctionConfiguration',
  'glue:UpdateDevEndpoint': 'glue:GetDevEndpoint',
  'sagemaker:CreatePresignedNotebookInstanceUrl': 'sagemaker:DescribeNotebookInstance',
  'ssm:SendCommand': 'ssm:ListCommands',
  'iam:UpdateAssumeRolePolicy': 'iam:GetRole',
  'sts:AssumeRole': 'sts:GetCallerIdentity',
  'ec2-instance-connect:SendSSHPublicKey': 'ec2:DescribeInstances',
  'ssm:StartSession': 'ssm:DescribeSessions',
  'lambda:UpdateFunctionConfiguration': 'lambda:GetFunctionConfiguration',
  'cloudformation:UpdateStack': 'cloudformation:DescribeStacks',
  'codebuild:StartBuild': 'codebuild:BatchGetBuilds',
  'codebuild:StartBuildBatch': 'codebuild:BatchGetBuildBatches',
  'apprunner:UpdateService': 'apprunner:DescribeService',
  'batch:SubmitJob': 'batch:DescribeJobs',
};

describe('ESCALATION_PATHS', () => {
  it('names only actions the catalog knows, and cites a source', () => {
    for (const p of ESCALATION_PATHS) {
      for (const need of p.requires) for (const a of need) expect([p.id, a, isKnownAction(a)]).toEqual([p.id, a, true]);
      expect(p.source).toMatch(/^https:\/\//);
      expect(p.explanation.length).toBeGreaterThan(20);
    }
    expect(new Set(ESCALATION_PATHS.map((p) => p.id)).size).toBe(ESCALATION_PATHS.length);
  });
});

describe('findEscalationPaths', () => {
  describe.each(ESCALATION_PATHS.map((p) => [p.id, p] as const))('%s', (_id, path) => {
    it('is found when every need is granted, each by its own statement', () => {
      const statements = path.requires.map((need) => stmt([need[0]]));
      const found = findEscalationPaths(statements, [path]);
      expect(found).toHaveLength(1);
      expect(found[0].found).toBe(true);
      expect(found[0].grants.map((g) => g.by)).toEqual(statements);
    });

    it('is not found when one need is missing (near miss)', () => {
      const all = path.requires.map((need) => need[0]);
      // Single-action paths: a neighbouring, harmless action of the same service instead.
      const statements = all.length === 1 ? [stmt([NEAR_MISS[all[0]]])] : all.slice(0, -1).map((a) => stmt([a]));
      expect(statements.every((s) => s.statement.actions?.every((a) => typeof a === 'string' && isKnownAction(a)))).toBe(true);
      expect(findEscalationPaths(statements, [path])).toEqual([]);
    });
  });

  it('uses alternatives: InvokeFunction or an event source mapping', () => {
    const viaMapping = findEscalationPaths([stmt(['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'])]);
    expect(viaMapping.map((m) => m.path.id)).toEqual(['passrole-lambda-event-source']);
    const glue = findEscalationPaths([stmt(['iam:PassRole', 'glue:CreateJob', 'glue:CreateTrigger'])]);
    expect(glue.map((m) => m.path.id)).toEqual(['passrole-glue-create-job']);
  });

  it('finds every path in `*` and in service wildcards', () => {
    expect(findEscalationPaths([stmt(['*'])])).toHaveLength(ESCALATION_PATHS.length);
    expect(findEscalationPaths([stmt(['iam:*'])]).map((m) => m.path.id)).toContain('iam-put-role-policy');
    expect(findEscalationPaths([stmt(['iam:Put*Policy'])]).map((m) => m.path.id)).toEqual(['iam-put-user-policy', 'iam-put-group-policy', 'iam-put-role-policy']);
  });

  it('honours an unconditional Deny on every resource, not a conditioned one', () => {
    const grant = stmt(['iam:PutRolePolicy']);
    const deny = stmt(['iam:Put*'], { effect: 'Deny' });
    expect(findEscalationPaths([grant, deny])).toEqual([]);
    const conditioned = stmt(['iam:Put*'], { effect: 'Deny', conditions: { Bool: { 'aws:MultiFactorAuthPresent': ['false'] } } });
    expect(findEscalationPaths([grant, conditioned])).toHaveLength(1);
  });

  it('flags conditioned grants and unknown actions', () => {
    const cond = findEscalationPaths([stmt(['iam:CreateAccessKey'], { conditions: { StringEquals: { 'aws:ResourceTag/team': ['a'] } } })]);
    expect(cond[0].grants[0].conditioned).toBe(true);
    const maybe = findEscalationPaths([stmt([unknown('var.action') as unknown as string])], [ESCALATION_PATHS[0]]);
    expect(maybe).toHaveLength(1);
    expect(maybe[0].found).toMatchObject({ kind: 'unknown', reason: 'var.action' });
  });

  it('does not count NotAction exclusions', () => {
    // Every service the catalog names is excluded, so nothing of any path is granted.
    const services = [...new Set(ESCALATION_PATHS.flatMap((p) => p.requires.flat().map((a) => `${a.split(':')[0]}:*`)))];
    const s = stmt([], { actions: undefined, notActions: services });
    expect(findEscalationPaths([s])).toEqual([]);
  });
});
