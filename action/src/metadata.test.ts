import { decodeMeta, encodeMeta, nextMeta } from './metadata';

const S = (c: string) => c.repeat(40);

describe('comment metadata', () => {
  it('round-trips, and nothing in it can close the HTML comment', () => {
    const meta = nextMeta(undefined, S('a'), 'f-->x', true);
    const text = encodeMeta(meta);
    expect(text.match(/-->/g)).toHaveLength(1);
    expect(decodeMeta(`body\n${text}\n`)).toEqual(meta);
  });
  it('remembers each evaluated commit once, bounded, newest last', () => {
    let m = nextMeta(undefined, S('a'), 'f1', true);
    m = nextMeta(m, S('b'), 'f2', true);
    m = nextMeta(m, S('a'), 'f3', false);
    expect(m.seen).toEqual([
      [S('b'), 'f2'],
      [S('a'), 'f3'],
    ]);
    for (let i = 0; i < 150; i++) m = nextMeta(m, i.toString(16).padStart(40, '0'), 'f', true);
    expect(m.seen).toHaveLength(100);
  });
  it('ignores what is not its own shape', () => {
    expect(decodeMeta('no meta')).toBeUndefined();
    expect(decodeMeta('<!-- pillarguard:meta bm90IGpzb24= -->')).toBeUndefined();
    const forged = Buffer.from(JSON.stringify({ version: 1, headSha: 'x', fingerprint: 'f', requiresApproval: false, seen: [['not-a-sha', 'f'], [S('c'), 'g']] })).toString('base64');
    expect(decodeMeta(`<!-- pillarguard:meta ${forged} -->`)?.seen).toEqual([[S('c'), 'g']]);
  });
});
