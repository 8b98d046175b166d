import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { propertyLines, type PropertiesAnchor } from '../property-lines';
import { parseTree, TreeError } from '../yaml-tree';
import type { CfnValue } from '../types';

/*
 * Property lines are looked up path by path (lazily); listing them walks the whole tree. Both must
 * say the same for every path of real templates, written as YAML and as JSON.
 */

/** Each resource's properties, with positions reachable the way parse.ts reaches them (top-down). */
function resourcesOf(text: string): Array<{ id: string; props: CfnValue; positions: Parameters<typeof propertyLines>[1]; anchor: PropertiesAnchor }> {
  const tree = parseTree(text, { maxAliasCount: 100, maxDepth: 500 });
  if (tree instanceof TreeError) throw new Error(tree.message);
  const root = tree.root as Record<string, Record<string, CfnValue>>;
  tree.positions.get(root);
  tree.positions.get(root.Resources);
  return Object.entries(root.Resources).map(([id, r]) => ({ id, props: (r as Record<string, CfnValue>).Properties ?? {}, positions: tree.positions, anchor: { node: r as object, steps: ['Properties'] } }));
}

const EXAMPLE = readFileSync(join(__dirname, '../../../../../../examples/cloudformation/data-platform.yaml'), 'utf8');
const TRICKY = `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: [kms:Decrypt]
                Resource: "*"
                Condition:
                  StringEquals:
                    "kms:EncryptionContext:aws:s3:arn": arn:aws:s3:::raw
                    "a.b": x
      Tags:
        - { Key: k, Value: !Ref AWS::StackName }
      Weird:
        a: { "b.c": 1 }
        "a.b": { c: 2 }
        "q\\"k\\u00e9": { x: [1, { y: 2 }] }
`;

/** The same template as JSON (read by the fast JSON path). */
function asJson(yamlText: string): string {
  const tree = parseTree(yamlText, { maxAliasCount: 100, maxDepth: 500 });
  if (tree instanceof TreeError) throw new Error(tree.message);
  return JSON.stringify(tree.root, null, 2);
}

describe.each([
  ['example (YAML)', EXAMPLE],
  ['example (JSON)', asJson(EXAMPLE)],
  ['tricky keys (YAML)', TRICKY],
  ['tricky keys (JSON)', asJson(TRICKY)],
])('%s', (_name, yamlText) => {
  const cases = resourcesOf(yamlText);
  it('has paths to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  it('a path looked up alone has the line the full listing gives it', () => {
    for (const c of cases) {
      const listed = { ...propertyLines(c.props, c.positions, c.anchor) };
      for (const [path, line] of Object.entries(listed)) {
        // `Weird.a.b.c` is spelt by two routes; the listing keeps the last written, the lookup the longer key.
        if (path === 'Weird.a.b.c') continue;
        expect([c.id, path, propertyLines(c.props, c.positions, c.anchor)[path]]).toEqual([c.id, path, line]);
      }
    }
  });
  it('a path that is not written has no line', () => {
    for (const c of cases) {
      const lines = propertyLines(c.props, c.positions, c.anchor);
      for (const p of ['Nope', 'Policies[99]', 'Policies[0].Nope', 'Tags[0].Value.Ref', 'Policies.0', '[0]']) expect([c.id, p, lines[p]]).toEqual([c.id, p, undefined]);
    }
  });
});

it('keys holding dots are followed, and a path through an intrinsic has no line', () => {
  const [role] = resourcesOf(TRICKY);
  const lines = propertyLines(role.props, role.positions, role.anchor);
  expect(lines['Policies[0].PolicyDocument.Statement[0].Condition.StringEquals.kms:EncryptionContext:aws:s3:arn']).toBe(14);
  expect(lines['Policies[0].PolicyDocument.Statement[0].Condition.StringEquals.a.b']).toBe(15);
  expect(lines['Tags[0].Value']).toBe(17);
  expect(lines['Weird.a.b.c']).toBe(20);
  expect(lines['Weird.q"k\u00e9.x[1].y']).toBe(21);
  expect(Object.keys(lines)).toContain('Weird.a');
  expect({ ...lines }).toMatchObject({ Policies: 5, 'Policies[0]': 6, Tags: 16 });
});
