import { parseTerraformPlan } from './index';

function plan(withCaller: boolean): string {
  const role = { address: 'aws_iam_role.r', mode: 'managed', type: 'aws_iam_role', name: 'r', values: { name: 'r', assume_role_policy: '{"Statement":[]}' } };
  const caller = { address: 'data.aws_caller_identity.current', mode: 'data', type: 'aws_caller_identity', name: 'current', values: { account_id: '111122223333', arn: 'arn:aws:iam::111122223333:user/ci', id: '111122223333', user_id: 'AIDA' } };
  return JSON.stringify({
    format_version: '1.2',
    planned_values: { root_module: { resources: [role] } },
    resource_changes: [{ address: role.address, mode: 'managed', type: role.type, name: 'r', change: { actions: ['create'], after: role.values, after_unknown: { arn: true } } }],
    ...(withCaller ? { prior_state: { format_version: '1.0', values: { root_module: { resources: [caller] } } } } : {}),
  });
}

describe('the account a plan deploys to', () => {
  it('comes from data.aws_caller_identity read during planning', () => {
    const r = parseTerraformPlan({ path: 'plan.json', content: plan(true) });
    expect(r.errors).toEqual([]);
    expect(r.resources.find((x) => x.id === 'aws_iam_role.r')?.account).toBe('111122223333');
  });

  it('is not invented when the plan does not read it', () => {
    const r = parseTerraformPlan({ path: 'plan.json', content: plan(false) });
    expect(r.resources.find((x) => x.id === 'aws_iam_role.r')?.account).toBeUndefined();
  });
});
