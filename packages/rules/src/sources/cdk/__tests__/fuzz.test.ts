import fc from 'fast-check';
import { ParseError, type SourceFile } from '../../../model';
import { parseCdkAssembly } from '..';

/**
 * Arbitrary and mutated cloud assemblies yield resources or typed ParseErrors with a file —
 * never another exception, never a hang (a manifest pointing at itself, at a missing template, or
 * at a nested assembly that points back).
 */
const MANIFEST = JSON.stringify({
  version: '36.0.0',
  artifacts: {
    Stack: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Stack.template.json' } },
    'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } },
  },
});
const NESTED = JSON.stringify({ version: '36.0.0', artifacts: { Loop: { type: 'cdk:cloud-assembly', properties: { directoryName: '..' } } } });
const TEMPLATE = JSON.stringify({ Resources: { T: { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [] }, Metadata: { 'aws:cdk:path': 'Stack/T/Resource' } } } });

function mutate(text: string, at: number, insert: string, cut: number): string {
  const i = at % (text.length + 1);
  return text.slice(0, i) + insert + text.slice(i + cut);
}

function check(manifest: SourceFile, files: SourceFile[]): void {
  const result = parseCdkAssembly(manifest, files);
  for (const e of result.errors) {
    expect(e).toBeInstanceOf(ParseError);
    expect(e.file.length).toBeGreaterThan(0);
  }
  for (const r of result.resources) expect(r.location.format).toBe('cdk');
}

describe('CDK adapter under arbitrary input', () => {
  it('never throws on mutated manifests and templates', () => {
    fc.assert(
      fc.property(fc.nat(), fc.string({ maxLength: 8 }), fc.nat({ max: 6 }), fc.nat(), fc.string({ maxLength: 8 }), fc.nat({ max: 6 }), (a, ins, cut, b, ins2, cut2) => {
        const manifest = { path: 'cdk.out/manifest.json', content: mutate(MANIFEST, a, ins, cut) };
        const files = [manifest, { path: 'cdk.out/Stack.template.json', content: mutate(TEMPLATE, b, ins2, cut2) }, { path: 'cdk.out/assembly-Prod/manifest.json', content: NESTED }];
        check(manifest, files);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JSON as a manifest', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const manifest = { path: 'cdk.out/manifest.json', content: JSON.stringify(value) };
        check(manifest, [manifest]);
      }),
      { numRuns: 200 },
    );
  });
});
