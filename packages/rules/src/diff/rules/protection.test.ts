import { unknown } from '../../model';
import { flagState, lost, negate, verdictState } from './protection';

const p = { label: 'point-in-time recovery', path: 'backup.pitr', verb: 'turned off' };
const on = flagState(true, 'on', 'off');
const off = flagState(false, 'on', 'off');
const unreadable = (reason: string) => flagState(unknown(reason), 'on', 'off');

describe('lost (a protection across base → head)', () => {
  it('fails held → not held, with before → after', () => {
    expect(lost(p, on, off)).toEqual({ verdict: 'fail', message: 'point-in-time recovery turned off: on → off.', path: 'backup.pitr', related: undefined });
  });
  it('says nothing when base did not hold it, or head still does', () => {
    expect(lost(p, off, off)).toBeUndefined();
    expect(lost(p, off, unreadable('var.x'))).toBeUndefined();
    expect(lost(p, on, on)).toBeUndefined();
    expect(lost(p, unreadable('var.x'), on)).toBeUndefined();
  });
  it('is unknown when either side that decides cannot be read', () => {
    expect(lost(p, on, unreadable('var.x'))).toMatchObject({ verdict: 'unknown', message: 'point-in-time recovery may have been turned off, cannot tell: on → unknown (var.x).' });
    expect(lost(p, unreadable('var.x'), off)?.verdict).toBe('unknown');
    expect(lost(p, unreadable('var.x'), unreadable('var.y'))?.verdict).toBe('unknown');
  });
  it('says nothing when the same unreadable value stands on both sides', () => {
    expect(lost(p, unreadable('var.x'), unreadable('var.x'))).toBeUndefined();
  });
  it('reads scan verdicts and negated facts as protections', () => {
    expect(verdictState({ verdict: 'pass', message: 'TLS is enforced.' })).toEqual({ holds: true, text: 'TLS is enforced' });
    expect(verdictState({ verdict: 'fail', message: 'no TLS.' }).holds).toBe(false);
    expect(verdictState({ verdict: 'unknown', message: 'cannot tell.' }).holds).toEqual(unknown('cannot tell'));
    expect(negate(true)).toBe(false);
    expect(negate(unknown('r'))).toEqual(unknown('r'));
  });
});
