import { ParseError } from '../../../model';
import { parse } from './helpers';

/** Every bad input must come back as ParseErrors (never a throw), each with the file and a reason. */
function errorsOf(content: string, options = {}, path = 'bad.yaml'): ParseError[] {
  const r = parse(content, options, path);
  expect(r.resources).toEqual([]);
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(e).toBeInstanceOf(ParseError);
    expect(e.file).toBe(path);
    expect(e.message.length).toBeGreaterThan(5);
  }
  return r.errors;
}

describe('bad CloudFormation input', () => {
  test('malformed YAML gives the line and column', () => {
    const [e] = errorsOf('Resources:\n  A:\n    Type: [AWS::S3::Bucket\n  B: x\n');
    expect(e.line).toBeGreaterThanOrEqual(3);
    expect(e.column).toBeGreaterThan(0);
  });

  test('malformed JSON gives the line', () => {
    const [e] = errorsOf('{\n  "Resources": {\n    "A": { "Type": "AWS::S3::Bucket", }\n    "B": 1\n}', {}, 'bad.json');
    expect(e.line).toBeGreaterThanOrEqual(3);
  });

  test('duplicate keys are an error', () => {
    const [e] = errorsOf('Resources:\n  A: { Type: AWS::S3::Bucket }\n  A: { Type: AWS::S3::Bucket }\n');
    expect(e.message).toMatch(/unique/);
    expect(e.line).toBe(3);
  });

  test('a billion-laughs alias bomb is refused', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    const [e] = errorsOf(`${levels.join('\n')}\nResources: { R: { Type: AWS::S3::Bucket, Properties: { Tags: *i } } }\n`);
    expect(e.message).toMatch(/alias/);
    expect(e.line).toBeDefined();
  });

  test('maxAliasCount is honoured', () => {
    const t = 'X: &k { Key: a, Value: b }\nResources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [*k, *k, *k]\n';
    expect(parse(t).errors).toEqual([]);
    expect(parse(t, { maxAliasCount: 2 }).errors[0].message).toMatch(/alias/);
  });

  test('an alias inside its own anchor is refused', () => {
    errorsOf('Resources: &r\n  R: { Type: AWS::S3::Bucket, Properties: { Self: *r } }\n');
  });

  test('10,000-level nesting (JSON, YAML flow, YAML block sequences) is a clear error, not a crash', () => {
    for (const deep of [
      '{"Resources":' + '{"a":'.repeat(10000) + '1' + '}'.repeat(10001),
      'Resources: ' + '['.repeat(10000) + ']'.repeat(10000),
      'Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: ' + '- '.repeat(10000) + 'x\n',
      'Resources:\n' + '- '.repeat(10000) + 'x\n',
    ]) {
      const [e] = errorsOf(deep);
      expect(e.message).toMatch(/nest/);
    }
  });

  test('nesting just under the limit still parses', () => {
    const t = `Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      Deep: ${'['.repeat(400)}${']'.repeat(400)}\n`;
    expect(parse(t).errors).toEqual([]);
    expect(parse(t, { maxDepth: 100 }).errors[0].message).toMatch(/nest/);
  });

  test('structural mistakes: empty, not a map, no Resources, Resources not a map', () => {
    expect(errorsOf('')[0].message).toMatch(/empty/);
    expect(errorsOf('- a\n- b\n')[0].message).toMatch(/map/);
    expect(errorsOf('AWSTemplateFormatVersion: "2010-09-09"\n')[0].message).toMatch(/Resources/);
    const [e] = errorsOf('AWSTemplateFormatVersion: "2010-09-09"\nResources: [a, b]\n');
    expect(e.message).toMatch(/Resources must be a map/);
    expect(e.line).toBe(2);
  });

  test('a resource without Type, or with a bad shape, is reported at its line; the others are kept', () => {
    const r = parse('Resources:\n  Good: { Type: AWS::S3::Bucket }\n  NoType: { Properties: {} }\n  NotMap: 42\n  BadProps: { Type: AWS::S3::Bucket, Properties: [1] }\n  BadType: { Type: 7 }\n');
    expect(r.resources.map((x) => x.id)).toEqual(['Good']);
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'resource NoType has no Type'],
      [4, 'resource NotMap must be a map with a Type'],
      [5, 'Properties of resource BadProps must be a map'],
      [6, 'resource BadType has a Type that is not a string'],
    ]);
  });

  test('Parameters that are not a map are reported', () => {
    const r = parse('Parameters: [a]\nResources:\n  Good: { Type: AWS::S3::Bucket }\n');
    expect(r.errors[0].message).toMatch(/Parameters/);
    expect(r.resources).toHaveLength(1);
  });

  test('multiple YAML documents are an error', () => {
    errorsOf('Resources: {}\n---\nResources: {}\n');
  });

  test('exponential Fn::Sub growth is capped, not expanded', () => {
    // Each level repeats the variable ten times: 10^9 characters if expanded.
    let value = '"0123456789"';
    for (let i = 0; i < 9; i++) value = `{ "Fn::Sub": ["${'${v}'.repeat(10)}", { "v": ${value} }] }`;
    const r = parse(`{"Resources": {"R": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": ${value}}}}}`, {}, 'bad.yaml');
    expect(r.errors).toEqual([]);
    expect(r.resources[0].name).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('longer than') });
  });
});
