import type { SourceFile, SourceFormat } from '../model';
import { scan } from '../engine/scan';
import { DEFAULT_CONFIG } from '../config/types';

/**
 * `iac.parseable` is decided by the engine from the adapters' parse errors, so it needs no parity
 * case; instead, a malformed file of every format must give an `iac.parseable` failure that names
 * the file and the line of the error (a file we cannot read is a finding, never a pass).
 */

interface Malformed {
  format: SourceFormat;
  what: string;
  files: SourceFile[];
  /** The file the failure must name, and the line the error is on. */
  file: string;
  line: number;
}

const MANIFEST = JSON.stringify({ version: '36.0.0', artifacts: { ParityStack: { type: 'aws:cloudformation:stack', environment: 'aws://111122223333/eu-west-1', properties: { templateFile: 'ParityStack.template.json' } } } }, null, 2);

const CASES: Malformed[] = [
  {
    format: 'cloudformation',
    what: 'YAML template with a mis-indented key',
    files: [{ path: 'stacks/template.yaml', content: 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Raw:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: raw-bucket\n     VersioningConfiguration:\n        Status: Enabled\n' }],
    file: 'stacks/template.yaml',
    line: 7,
  },
  {
    format: 'cloudformation',
    what: 'JSON template with a missing comma',
    files: [{ path: 'stacks/template.json', content: '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Raw": {\n      "Type": "AWS::S3::Bucket"\n      "Properties": { "BucketName": "raw-bucket" }\n    }\n  }\n}\n' }],
    file: 'stacks/template.json',
    line: 6,
  },
  {
    format: 'cdk',
    what: 'cloud assembly whose template is cut short',
    files: [
      { path: 'cdk.out/manifest.json', content: MANIFEST },
      { path: 'cdk.out/ParityStack.template.json', content: '{\n "Resources": {\n  "Raw": {\n   "Type": "AWS::S3::Bucket",\n   "Properties": {\n    "BucketName": "raw-bucket"\n' },
    ],
    file: 'cdk.out/ParityStack.template.json',
    // The text ends after line 6's newline: the error is the end of input, on line 7.
    line: 7,
  },
  {
    format: 'terraform',
    what: 'main.tf with an attribute missing its value',
    files: [{ path: 'infra/main.tf', content: 'resource "aws_s3_bucket" "raw" {\n  bucket = "raw-bucket"\n}\n\nresource "aws_s3_bucket_versioning" "raw" {\n  bucket =\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n' }],
    file: 'infra/main.tf',
    line: 6,
  },
  {
    format: 'terraform-plan',
    what: 'plan JSON with a missing comma',
    files: [{ path: 'plan.json', content: '{\n  "format_version": "1.2",\n  "terraform_version": "1.9.8",\n  "planned_values": {\n    "root_module": {\n      "resources": [\n        { "address": "aws_s3_bucket.raw" "type": "aws_s3_bucket" }\n      ]\n    }\n  }\n}\n' }],
    file: 'plan.json',
    line: 7,
  },
  {
    format: 'aws-config',
    what: 'Config snapshot with a missing comma',
    files: [{ path: 'config/snapshot.json', content: '{\n  "fileVersion": "1.0",\n  "configSnapshotId": "00000000-0000-0000-0000-000000000000",\n  "configurationItems": [\n    {\n      "resourceType": "AWS::S3::Bucket"\n      "resourceId": "raw-bucket"\n    }\n  ]\n}\n' }],
    file: 'config/snapshot.json',
    line: 7,
  },
];

describe('iac.parseable: a malformed file of every format is a failure with its file and line', () => {
  it.each(CASES.map((c) => [`${c.format}: ${c.what}`, c] as const))('%s', async (_name, c) => {
    const result = await scan(c.files, { now: '2026-11-28T00:00:00Z', config: DEFAULT_CONFIG });
    const parseable = result.evaluations.filter((e) => e.ruleId === 'iac.parseable');
    const failures = parseable.filter((e) => e.verdict === 'fail');
    expect(failures.length).toBeGreaterThan(0);
    expect(parseable.filter((e) => e.verdict === 'pass' && e.resource.file === c.file)).toEqual([]);
    const f = failures.find((e) => e.resource.file === c.file);
    expect({ file: f?.resource.file, line: f?.resource.line, format: f?.resource.format }).toEqual({ file: c.file, line: c.line, format: c.format });
    // The failure is a finding, not something a report could drop.
    expect(result.findings.some((x) => x.ruleId === 'iac.parseable' && x.resource.file === c.file && x.verdict === 'fail')).toBe(true);
  });
});
