import { considered, filesToRead, type TreeFile } from './selection';

const tree = (...paths: string[]): TreeFile[] => paths.map((path, i) => ({ path, sha: String(i).padStart(40, '0') }));

describe('filesToRead', () => {
  const base = tree('infra/main.tf', 'infra/variables.tf', 'infra/prod.auto.tfvars', 'infra/dev.tfvars', 'infra/README.md', 'infra/modules/x/main.tf', 'stacks/data.yaml', 'stacks/other.yaml', 'cdk.out/manifest.json', 'cdk.out/App.template.json', 'cdk.out/tree.json', 'src/app.ts');
  const head = [...base, ...tree('infra/new.tf')];

  it('a changed Terraform file brings the files Terraform loads from its directory, not subdirectories', () => {
    expect(filesToRead(['infra/main.tf'], base, head, []).read).toEqual(['infra/main.tf', 'infra/new.tf', 'infra/prod.auto.tfvars', 'infra/variables.tf']);
  });
  it('a changed template is read alone; code that is not IaC is not considered', () => {
    expect(filesToRead(['stacks/data.yaml', 'src/app.ts', 'infra/README.md'], base, head, [])).toEqual({ read: ['stacks/data.yaml'], changed: ['stacks/data.yaml'] });
  });
  it('a file of a cloud assembly brings the assembly', () => {
    expect(filesToRead(['cdk.out/App.template.json'], base, head, []).read).toEqual(['cdk.out/App.template.json', 'cdk.out/manifest.json', 'cdk.out/tree.json']);
  });
  it('the paths input narrows what is considered', () => {
    expect(filesToRead(['stacks/data.yaml', 'infra/main.tf'], base, head, ['stacks/**']).changed).toEqual(['stacks/data.yaml']);
    expect(considered('stacks/data.yaml', ['infra/**'])).toBe(false);
  });
  it('a file deleted in head is still read from base (its removal is part of the diff)', () => {
    expect(filesToRead(['stacks/gone.yaml'], tree('stacks/gone.yaml'), [], []).read).toEqual(['stacks/gone.yaml']);
  });
});

it('a manifest.json that is not a cloud assembly (no templates beside it) does not pull in its directory', () => {
  const t = tree('manifest.json', 'package.json', 'template.yaml');
  expect(filesToRead(['template.yaml'], t, t, []).read).toEqual(['template.yaml']);
});
