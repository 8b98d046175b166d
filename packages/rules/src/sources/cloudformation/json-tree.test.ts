import fc from 'fast-check';
import { parseJsonTree } from './json-tree';
import { parseTree } from './yaml-tree';

/** The JSON fast path must build exactly what the YAML parser builds, positions included. */
function viaYaml(text: string) {
  return parseTree(text, { maxAliasCount: 100, maxDepth: 500, fastJson: false });
}

function positionsOf(tree: { root: unknown; positions: { get(node: object): unknown } }): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      const p = tree.positions.get(v as object) as { pos: { line: number; column: number }; keys?: Map<string, unknown>; items?: unknown[] } | undefined;
      out.push(p ? { pos: p.pos, keys: p.keys ? [...p.keys] : undefined, items: p.items } : undefined);
      for (const c of Array.isArray(v) ? v : Object.values(v)) walk(c);
    }
  };
  walk(tree.root);
  return out;
}

describe('parseJsonTree', () => {
  const template = `{
  "Resources": {
    "Table": {
      "Type": "AWS::DynamoDB::Table",
      "Properties": { "TableName": "orders\\u00e9\\n", "Size": 12.5e1, "On": true, "Off": false, "None": null,
        "List": [1, -2, { "Fn::GetAtt": ["Key", "Arn"] }, []], "Empty": {} }
    }
  }
}`;

  it('builds the same tree and positions as the YAML parser', () => {
    const fast = parseJsonTree(template, 500)!;
    const slow = viaYaml(template);
    expect(fast).toBeDefined();
    if ('message' in slow) throw new Error(slow.message);
    expect(fast.root).toEqual(slow.root);
    expect(positionsOf(fast)).toEqual(positionsOf(slow));
  });

  it.each([
    ['{"a": 1, "a": 2}', 'duplicate keys'],
    ['{"a": 1,}', 'trailing comma'],
    ['{"a": 01}', 'leading zero'],
    ['{"a": "x\ty"}', 'raw control character'],
    ['{"a": 1e999}', 'number out of range'],
    ['{"a": 1} x', 'trailing text'],
    ['{"a": [1, 2}', 'unbalanced'],
  ])('leaves %s to the YAML parser (%s)', (text) => {
    expect(parseJsonTree(text, 500)).toBeUndefined();
  });

  it('respects the depth limit', () => {
    expect(parseJsonTree('{"a":'.repeat(20) + '1' + '}'.repeat(20), 10)).toBeUndefined();
  });

  it('agrees with JSON.parse on arbitrary JSON objects', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const text = JSON.stringify(obj, null, 1);
        const fast = parseJsonTree(text, 500);
        if (fast === undefined) return; // e.g. -0 or keys JSON.stringify repeats: handled by YAML
        expect(fast.root).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('finds, on demand, the positions the YAML parser gives, for arbitrary JSON written compact or indented', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), fc.constantFrom(0, 1, 2, '\t'), (obj, indent) => {
        const text = JSON.stringify(obj, null, indent);
        const fast = parseJsonTree(text, 500);
        if (fast === undefined) return;
        const slow = viaYaml(text);
        if ('message' in slow) return; // YAML reads some JSON strings differently; the fast path is checked against JSON.parse above
        expect(fast.root).toEqual(slow.root);
        expect(positionsOf(fast)).toEqual(positionsOf(slow));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses texts nested past the limit before parsing them, and duplicate keys at any depth', () => {
    expect(parseJsonTree('['.repeat(100000) + ']'.repeat(100000), 500)).toBeUndefined();
    expect(parseJsonTree('{"a": {"b": [{"c": 1, "c": 1}]}}', 500)).toBeUndefined();
    expect(parseJsonTree('{"a": {"b": [{"c": 1, "d": {"e": 1}}]}}', 500)).toBeDefined();
    expect(parseJsonTree('{"a": 1E400}', 500)).toBeUndefined();
    expect(parseJsonTree('{"a": 1E300, "b": "1e999"}', 500)?.root).toEqual({ a: 1e300, b: '1e999' });
  });
});
