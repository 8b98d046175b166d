import { parseTerraformPlan } from './index';

/** A plan of n resources shaped like real ones: values, after_unknown, configuration references. */
function bigPlan(n: number): string {
  const resources: unknown[] = [];
  const changes: unknown[] = [];
  const config: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 4;
    const type = ['aws_dynamodb_table', 'aws_iam_role', 'aws_s3_bucket', 'aws_kms_key'][kind];
    const address = `${type}.r${i}`;
    const key = `aws_kms_key.r${i - (i % 4) + 3}`;
    const values =
      kind === 0
        ? { name: `t${i}`, point_in_time_recovery: [{ enabled: i % 2 === 0 }], server_side_encryption: [{ enabled: true, kms_key_arn: null }], tags: { data_classification: 'red' }, tags_all: { data_classification: 'red' } }
        : kind === 1
          ? { name: `r${i}`, assume_role_policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' }, Action: 'sts:AssumeRole' }] }), inline_policy: [{ name: 'p', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['dynamodb:GetItem', 's3:GetObject'], Resource: '*' }] }) }], tags: {} }
          : kind === 2
            ? { bucket: `b${i}`, tags: { pii: 'high' }, tags_all: { pii: 'high' } }
            : { enable_key_rotation: true, deletion_window_in_days: 30, tags: {} };
    const unknown = kind === 0 ? { arn: true, id: true, server_side_encryption: [{ kms_key_arn: true }] } : { arn: true, id: true };
    resources.push({ address, mode: 'managed', type, name: `r${i}`, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values, sensitive_values: {} });
    changes.push({ address, mode: 'managed', type, name: `r${i}`, change: { actions: ['create'], before: null, after: values, after_unknown: unknown, before_sensitive: false, after_sensitive: {} } });
    config.push({ address, mode: 'managed', type, name: `r${i}`, expressions: kind === 0 ? { server_side_encryption: [{ enabled: { constant_value: true }, kms_key_arn: { references: [`${key}.arn`, key] } }] } : {} });
  }
  return JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources } }, resource_changes: changes, configuration: { root_module: { resources: config } } });
}

const time = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

/** Best of three, after a warm-up: noise from other processes only ever adds time. */
const best = (f: () => void) => {
  f();
  return Math.min(time(f), time(f), time(f));
};

describe('plan adapter performance', () => {
  it('maps a 10,000-resource plan well under 2 s, with a cost that grows linearly', () => {
    const big = bigPlan(10_000);
    const small = bigPlan(2_500);
    let result = parseTerraformPlan({ path: 'big.json', content: big });
    const full = best(() => (result = parseTerraformPlan({ path: 'big.json', content: big })));
    const quarter = best(() => parseTerraformPlan({ path: 'small.json', content: small }));
    const parse = best(() => JSON.parse(big));
    expect(result.errors).toEqual([]);
    expect(result.resources).toHaveLength(10_000);
    expect(result.resources[0].facets.encryption).toMatchObject({ atRest: 'cmk', keyRef: '${aws_kms_key.r3.arn}' });
    expect(full).toBeLessThan(2000);
    // 4× the resources: ~4× the time when linear, ~16× when something is quadratic.
    expect(full / quarter).toBeLessThan(8);
    // Against a bare JSON.parse of the same text (the bench budget is ~8× for the whole scan;
    // this bound is loose because CI machines are shared and noisy).
    expect(full / parse).toBeLessThan(20);
  });
});
