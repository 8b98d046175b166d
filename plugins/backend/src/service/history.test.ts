import { changedSince, findingsHash, staleness, type ScoreSummary } from './history';

const base: ScoreSummary = { pillars: { identity: 80, network: null }, level: 'silver', findingsHash: findingsHash(['a', 'b']) };

describe('changedSince', () => {
  it('the first evaluation is a change; the same one again is not', () => {
    expect(changedSince(undefined, base)).toBe(true);
    expect(changedSince(base, { pillars: { network: null, identity: 80 }, level: 'silver', findingsHash: findingsHash(['b', 'a']) })).toBe(false);
  });
  it('a score, the level, or the findings changing is', () => {
    expect(changedSince(base, { ...base, pillars: { ...base.pillars, identity: 70 } })).toBe(true);
    expect(changedSince(base, { ...base, pillars: { ...base.pillars, network: 100 } })).toBe(true);
    expect(changedSince(base, { ...base, level: 'bronze' })).toBe(true);
    expect(changedSince(base, { ...base, findingsHash: findingsHash(['a', 'c']) })).toBe(true);
    expect(changedSince(base, { ...base, findingsHash: findingsHash(['a']) })).toBe(true);
  });
});

describe('staleness', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  const hour = 3600_000;
  it('fresh within two intervals, stale after, with the age', () => {
    expect(staleness('2026-11-28T11:00:00Z', now, hour)).toEqual({ stale: false, ageSeconds: 3600 });
    expect(staleness('2026-11-28T09:30:00Z', now, hour)).toEqual({ stale: true, ageSeconds: 9000 });
  });
  it('an unreadable time is stale', () => {
    expect(staleness('not a time', now, hour)).toEqual({ stale: true, ageSeconds: null });
  });
});
