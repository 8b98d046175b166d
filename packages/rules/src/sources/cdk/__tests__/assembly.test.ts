import { ParseError } from '../../../model';
import { isCdkManifest, parseCdkAssembly } from '..';

const template = (resources: Record<string, unknown>) => JSON.stringify({ Resources: resources, Parameters: { BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' } } }, null, 1);

const table = (path?: string, props: Record<string, unknown> = {}) => ({
  Type: 'AWS::DynamoDB::Table',
  Properties: { KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], ...props },
  ...(path ? { Metadata: { 'aws:cdk:path': path } } : {}),
});

function assembly(): { manifest: { path: string; content: string }; files: Array<{ path: string; content: string }> } {
  const manifest = {
    version: '36.0.0',
    artifacts: {
      AppStack: {
        type: 'aws:cloudformation:stack',
        properties: { templateFile: 'AppStack.template.json' },
        metadata: { '/AppStack/Fallback/Resource': [{ type: 'aws:cdk:logicalId', data: 'FallbackTable' }] },
      },
      'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod', displayName: 'Prod' } },
      Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
    },
  };
  const nested = { version: '36.0.0', artifacts: { ProdDataStack: { type: 'aws:cloudformation:stack', properties: { templateFile: 'ProdDataStack.template.json' } } } };
  const files = [
    { path: 'cdk.out/manifest.json', content: JSON.stringify(manifest, null, 2) },
    { path: 'cdk.out/tree.json', content: '{}' },
    { path: 'cdk.out/AppStack.template.json', content: template({ OrdersTable1A2B: table('AppStack/Orders/Resource', { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }), FallbackTable: table(), CDKMetadata: { Type: 'AWS::CDK::Metadata', Properties: { Analytics: 'v2:deflate64:x' } } }) },
    { path: 'cdk.out/assembly-Prod/manifest.json', content: JSON.stringify(nested, null, 2) },
    { path: 'cdk.out/assembly-Prod/ProdDataStack.template.json', content: template({ Sessions9F: table('Prod/DataStack/Sessions/Resource') }) },
  ];
  return { manifest: files[0], files };
}

describe('CDK cloud assembly', () => {
  test('recognises a manifest by name and keys', () => {
    const { manifest } = assembly();
    expect(isCdkManifest(manifest.path, manifest.content)).toBe(true);
    expect(isCdkManifest('cdk.out/other.json', manifest.content)).toBe(false);
    expect(isCdkManifest('x/manifest.json', '{"name": "web-app", "version": "1.0.0"}')).toBe(false);
  });

  test('reads every stack, including a nested stage, with construct paths and the template as file', () => {
    const { manifest, files } = assembly();
    const r = parseCdkAssembly(manifest, files);
    expect(r.errors).toEqual([]);
    expect(r.resources.map((x) => [x.id, x.location.file, x.location.format, x.location.constructPath])).toEqual([
      ['OrdersTable1A2B', 'cdk.out/AppStack.template.json', 'cdk', 'AppStack/Orders/Resource'],
      ['FallbackTable', 'cdk.out/AppStack.template.json', 'cdk', 'AppStack/Fallback/Resource'],
      ['Sessions9F', 'cdk.out/assembly-Prod/ProdDataStack.template.json', 'cdk', 'Prod/DataStack/Sessions/Resource'],
    ]);
    const orders = r.resources[0];
    expect(orders.facets.backup!.pitr).toBe(true);
    expect(orders.location.line).toBe(3);
    expect(r.resources[2].facets.backup!.pitr).toBe(false);
  });

  test('a template the manifest names but the assembly lacks is a ParseError on the manifest', () => {
    const { manifest, files } = assembly();
    const r = parseCdkAssembly(manifest, files.filter((f) => !f.path.endsWith('ProdDataStack.template.json')));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toBeInstanceOf(ParseError);
    expect(r.errors[0].file).toBe('cdk.out/assembly-Prod/manifest.json');
    expect(r.errors[0].message).toMatch(/ProdDataStack.template.json/);
    expect(r.errors[0].line).toBeGreaterThan(1);
    expect(r.resources.map((x) => x.id)).toEqual(['OrdersTable1A2B', 'FallbackTable']);
  });

  test('a missing nested assembly and a broken manifest are ParseErrors', () => {
    const { manifest, files } = assembly();
    const r = parseCdkAssembly(manifest, files.filter((f) => !f.path.startsWith('cdk.out/assembly-Prod/')));
    expect(r.errors[0].message).toMatch(/assembly-Prod/);
    const broken = parseCdkAssembly({ path: 'cdk.out/manifest.json', content: '{"version": "36.0.0", "artifacts": {' }, []);
    expect(broken.errors[0]).toBeInstanceOf(ParseError);
    expect(broken.errors[0].message).toMatch(/not valid JSON/);
  });

  test('errors inside a template are reported against the template', () => {
    const { manifest, files } = assembly();
    const r = parseCdkAssembly(manifest, files.map((f) => (f.path.endsWith('AppStack.template.json') ? { ...f, content: '{"Resources": {"A": {}}}' } : f)));
    expect(r.errors.map((e) => [e.file, e.format])).toEqual([['cdk.out/AppStack.template.json', 'cdk']]);
  });

  test('an assembly at the scan root (manifest.json without a directory)', () => {
    const r = parseCdkAssembly({ path: 'manifest.json', content: JSON.stringify({ version: '36.0.0', artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: './S.template.json' } } } }) }, [{ path: 'S.template.json', content: template({ T: table('S/T/Resource') }) }]);
    expect(r.errors).toEqual([]);
    expect(r.resources[0].location.file).toBe('S.template.json');
  });
});
