import { parseTerraformPlan } from './index';

/**
 * Computed attributes inside a block the configuration writes literally: `terraform show -json`
 * lists the block in `configuration.expressions` with `constant_value` leaves, so an unknown
 * attribute the block does not set is provider-computed and the AWS default applies.
 */
function plan(expressions: Record<string, unknown>) {
  const values = { name: 'orders', hash_key: 'pk', billing_mode: 'PAY_PER_REQUEST', server_side_encryption: [{ enabled: true }], tags: { data_classification: 'red' }, tags_all: { data_classification: 'red' } };
  const resource = { address: 'aws_dynamodb_table.orders', mode: 'managed', type: 'aws_dynamodb_table', name: 'orders', provider_name: 'registry.terraform.io/hashicorp/aws' };
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: { resources: [{ ...resource, schema_version: 1, values, sensitive_values: {} }] } },
    resource_changes: [{ ...resource, change: { actions: ['create'], before: null, after: values, after_unknown: { arn: true, id: true, server_side_encryption: [{ kms_key_arn: true }] }, before_sensitive: false, after_sensitive: {} } }],
    configuration: { root_module: { resources: [{ address: 'aws_dynamodb_table.orders', mode: 'managed', type: 'aws_dynamodb_table', name: 'orders', provider_config_key: 'aws', expressions, schema_version: 1 }] } },
  });
}

describe('parseTerraformPlan: computed attributes inside literal blocks', () => {
  it('reads SSE enabled without a key as the AWS-managed key when the configuration lists the block', () => {
    const content = plan({ name: { constant_value: 'orders' }, hash_key: { constant_value: 'pk' }, billing_mode: { constant_value: 'PAY_PER_REQUEST' }, server_side_encryption: [{ enabled: { constant_value: true } }] });
    const table = parseTerraformPlan({ path: 'plan.json', content }).resources[0];
    expect(table.facets.encryption?.atRest).toBe('aws-managed');
    expect(table.facets.encryption?.keyRef).toBeUndefined();
  });

  it('keeps the key unknown when the block is missing from the expressions (it may come from a dynamic block)', () => {
    const content = plan({ name: { constant_value: 'orders' } });
    const table = parseTerraformPlan({ path: 'plan.json', content }).resources[0];
    expect(table.facets.encryption?.atRest).toEqual(expect.objectContaining({ kind: 'unknown' }));
  });
});
