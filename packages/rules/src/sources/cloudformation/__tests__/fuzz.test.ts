import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ParseError } from '../../../model';
import { looksLikeCloudFormation, parseCloudFormation } from '..';

const example = readFileSync(join(__dirname, '../../../../../../examples/cloudformation/data-platform.yaml'), 'utf8');
const jsonTemplate = JSON.stringify({ Resources: { T: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'x', SSESpecification: { SSEEnabled: true }, Tags: [{ Key: 'a', Value: { Ref: 'AWS::Region' } }] } } } }, null, 2);

/** The adapter's promise: a SourceResult whose errors are ParseErrors, never a thrown exception. */
function checkResult(content: string, path = 'fuzz.yaml') {
  const r = parseCloudFormation({ path, content });
  expect(Array.isArray(r.resources)).toBe(true);
  for (const e of r.errors) expect(e).toBeInstanceOf(ParseError);
  looksLikeCloudFormation(path, content);
}

type Mutation = { kind: 'flip'; at: number; to: number } | { kind: 'truncate'; at: number } | { kind: 'delete'; at: number; len: number } | { kind: 'dup'; at: number; len: number };

function mutate(text: string, mutations: Mutation[]): string {
  let s = text;
  for (const m of mutations) {
    const at = s.length === 0 ? 0 : m.at % s.length;
    if (m.kind === 'flip') s = s.slice(0, at) + String.fromCharCode(m.to) + s.slice(at + 1);
    else if (m.kind === 'truncate') s = s.slice(0, at);
    else if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else s = s.slice(0, at) + s.slice(at, at + m.len) + s.slice(at);
  }
  return s;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), to: fc.oneof(fc.integer({ min: 0, max: 127 }), fc.constantFrom(...'[]{}:-!&*|>"\'#\n ,'.split('').map((c) => c.charCodeAt(0)))) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 60 }) }),
);

describe('CloudFormation adapter never throws', () => {
  test('arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => checkResult(s)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'[]{}:-!&*|>"\'# \n\tabRef'.split('')), maxLength: 300 }), (s) => checkResult(s)), { numRuns: 300 });
  });

  test('random mutations of a valid YAML template', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => checkResult(mutate(example, ms))), { numRuns: 150 });
  });

  test('random mutations of a valid JSON template', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => checkResult(mutate(jsonTemplate, ms), 'fuzz.json')), { numRuns: 200 });
  });

  test('the unmutated example parses cleanly', () => {
    const r = parseCloudFormation({ path: 'example.yaml', content: example });
    expect(r.errors).toEqual([]);
    expect(r.resources.length).toBeGreaterThan(40);
  });
});
