import fc from 'fast-check';
import { jsonErrorOffset, jsonErrorPosition } from './json-error';

describe('jsonErrorPosition', () => {
  it.each([
    ['{"a": tru}', 1, 7],
    ['abc', 1, 1],
    ['{"a":1', 1, 7],
    ['{\n  "a": 1,\n  "b": [1, 2,]\n}', 3, 14],
    ['[1 2]', 1, 4],
    ['{"a":"\\x"}', 1, 8],
    ['{}x', 1, 3],
    ['{"a" 1}', 1, 6],
    ['-', 1, 2],
  ])('%j fails at line %i column %i', (text, line, column) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorPosition(text)).toEqual({ line, column });
  });

  it('survives deep nesting without recursion', () => {
    expect(jsonErrorOffset('['.repeat(200_000))).toBe(200_000);
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const offset = jsonErrorOffset(text);
        if (valid) expect(offset).toBe(text.length);
        else expect(offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });
});
