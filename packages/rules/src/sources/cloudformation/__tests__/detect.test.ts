import { looksLikeCloudFormation } from '..';

describe('looksLikeCloudFormation', () => {
  test('YAML and JSON templates', () => {
    expect(looksLikeCloudFormation('t.yaml', 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n')).toBe(true);
    expect(looksLikeCloudFormation('t.yaml', '# c\nResources:\n  A:\n    Type: AWS::S3::Bucket\n')).toBe(true);
    expect(looksLikeCloudFormation('t.yaml', 'Resources:\n  A:\n    Type: Custom::Thing\n')).toBe(true);
    expect(looksLikeCloudFormation('t.json', '{"Resources": {"A": {"Type": "AWS::S3::Bucket"}}}')).toBe(true);
    expect(looksLikeCloudFormation('t.json', '{\n  "AWSTemplateFormatVersion": "2010-09-09"}')).toBe(true);
  });

  test('other YAML/JSON files are not templates', () => {
    expect(looksLikeCloudFormation('c.yaml', 'name: ci\non: push\njobs: {}\n')).toBe(false);
    expect(looksLikeCloudFormation('k.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  Resources:\n    Type: AWS::S3::Bucket\n')).toBe(false);
    expect(looksLikeCloudFormation('a.json', '[1, 2]')).toBe(false);
  });

  test('a large Terraform plan or AWS Config snapshot mentioning AWS:: types is rejected quickly', () => {
    const items = Array.from({ length: 20000 }, (_, i) => ({ resourceType: 'AWS::S3::Bucket', configuration: { Resources: { Type: 'AWS::S3::Bucket' } }, resourceId: `b${i}` }));
    const snapshot = JSON.stringify({ fileVersion: '1.0', configSnapshotId: 'x', configurationItems: items });
    const plan = JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: items } }, resource_changes: [] });
    expect(snapshot.length).toBeGreaterThan(1_000_000);
    expect(looksLikeCloudFormation('snapshot.json', snapshot)).toBe(false);
    expect(looksLikeCloudFormation('plan.json', plan)).toBe(false);
  });
});
