import fc from 'fast-check';
import { percentScore } from './round';

describe('percentScore', () => {
  it('gives 100 when everything passes and 0 when nothing does', () => {
    expect(percentScore(7, 7)).toBe(100);
    expect(percentScore(0, 7)).toBe(0);
  });

  it('rejects an empty denominator instead of dividing by zero', () => {
    expect(() => percentScore(0, 0)).toThrow(RangeError);
  });

  it('is within half a point of the exact ratio, except where the honesty guards apply', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (applicable, raw) => {
        const passed = raw % (applicable + 1);
        const s = percentScore(passed, applicable);
        expect(Number.isInteger(s)).toBe(true);
        expect(s === 100).toBe(passed === applicable);
        expect(s === 0).toBe(passed === 0);
        const exact = (100 * passed) / applicable;
        if (s !== 99 && s !== 1) expect(Math.abs(s - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
      }),
    );
  });
});
