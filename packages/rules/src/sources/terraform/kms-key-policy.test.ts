import { mapTerraformResources } from './index';
import { mapOne, tf } from './test-support';

const PUBLIC = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Anyone', Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] });

describe('aws_kms_key_policy (the key policy as its own resource)', () => {
  it('is folded into the key it names, with the path of the policy resource', () => {
    const key = mapOne('aws_kms_key.k', tf('aws_kms_key.k', { enable_key_rotation: true }), tf('aws_kms_key_policy.k', { key_id: '${aws_kms_key.k.id}', policy: PUBLIC }));
    expect(key.facets.kms?.policy?.statements).toEqual([expect.objectContaining({ sid: 'Anyone', principals: [{ type: '*', value: '*' }], path: 'aws_kms_key_policy.k.policy.Statement[0]' })]);
    expect(key.facetPaths?.['kms.policy']).toBe('aws_kms_key_policy.k.policy');
    expect(key.notes).toContain('aws_kms_key_policy.k');
  });

  it('reads a policy from an aws_iam_policy_document data source', () => {
    const doc = tf('data.aws_iam_policy_document.key', { statement: [{ actions: ['kms:Decrypt'], resources: ['*'], principals: [{ type: 'AWS', identifiers: ['*'] }] }] }, 'data');
    const key = mapOne('aws_kms_key.k', tf('aws_kms_key.k', {}), doc, tf('aws_kms_key_policy.k', { key_id: '${aws_kms_key.k.key_id}', policy: '${data.aws_iam_policy_document.key.json}' }));
    expect(key.facets.kms?.policy?.statements[0]).toMatchObject({ actions: ['kms:Decrypt'], principals: [{ type: 'AWS', value: '*' }] });
  });

  it('produces no resource of its own, and notes a key that is not in the input', () => {
    const { resources, notes } = mapTerraformResources([tf('aws_kms_key_policy.k', { key_id: 'mrk-1234', policy: PUBLIC })]);
    expect(resources).toEqual([]);
    expect(notes.map((n) => n.message)).toEqual([expect.stringContaining('aws_kms_key_policy.k: key mrk-1234 is not in this input')]);
  });
});
