import { etagOf, ResponseCache, withFields } from './cache';

describe('ResponseCache', () => {
  it('builds once per key and version, and starts over when the version moves', async () => {
    const cache = new ResponseCache();
    let builds = 0;
    const build = async () => ({ n: ++builds });
    expect(await cache.get('v1', 'a', build)).toBe('{"n":1}');
    expect(await cache.get('v1', 'a', build)).toBe('{"n":1}');
    expect(await cache.get('v2', 'a', build)).toBe('{"n":2}');
    expect(await cache.get('v2', 'b', async () => 'already serialised')).toBe('already serialised');
    expect(await cache.get('v2', 'missing', async () => undefined)).toBeUndefined();
  });

  it('stays under its size by dropping the oldest bodies', async () => {
    const cache = new ResponseCache(25);
    const body = (c: string) => async () => c.repeat(10);
    await cache.get('v', 'a', body('a'));
    await cache.get('v', 'b', body('b'));
    await cache.get('v', 'c', body('c')); // 30 > 25: 'a' goes
    let rebuilt = false;
    await cache.get('v', 'a', async () => ((rebuilt = true), 'a'.repeat(10)));
    expect(rebuilt).toBe(true);
    let kept = true;
    await cache.get('v', 'c', async () => ((kept = false), 'x'));
    expect(kept).toBe(true);
  });

  it('warming puts bodies for the current version only, never over one already there', async () => {
    const cache = new ResponseCache();
    await cache.get('v1', 'a', async () => 'built');
    cache.put('v1', 'a', 'warmed');
    cache.put('v1', 'b', 'warmed');
    cache.put('v0', 'c', 'stale');
    expect(await cache.get('v1', 'a', async () => 'x')).toBe('built');
    expect(await cache.get('v1', 'b', async () => 'x')).toBe('warmed');
    expect(await cache.get('v1', 'c', async () => 'rebuilt')).toBe('rebuilt');
    expect(cache.size).toBe('built'.length + 'warmed'.length + 'rebuilt'.length);
  });

  it('does not keep a body built for a version that moved meanwhile', async () => {
    const cache = new ResponseCache();
    let release!: () => void;
    const slow = cache.get('v1', 'a', () => new Promise((r) => (release = () => r('old'))));
    expect(await cache.get('v2', 'b', async () => 'new')).toBe('new');
    release();
    expect(await slow).toBe('old');
    expect(await cache.get('v2', 'a', async () => 'fresh')).toBe('fresh');
  });
});

describe('withFields', () => {
  it('appends fields to a serialised object', () => {
    expect(JSON.parse(withFields('{"a":1}', { b: null, c: true }))).toEqual({ a: 1, b: null, c: true });
    expect(JSON.parse(withFields('{}', { b: 2 }))).toEqual({ b: 2 });
  });
});

describe('etagOf', () => {
  it('names the body: same version, key and fields give the same tag; any change gives another', () => {
    const f = { checkedAt: '2026-11-29T03:00:00.000Z', stale: false, ageSeconds: 5 };
    const tag = etagOf('v1', 'entity\u0000resource:default/a', f);
    expect(tag).toMatch(/^W\/"[0-9a-z]+-[0-9a-z]+"$/);
    expect(etagOf('v1', 'entity\u0000resource:default/a', { ...f })).toBe(tag);
    expect(new Set([tag, etagOf('v2', 'entity\u0000resource:default/a', f), etagOf('v1', 'entity\u0000resource:default/b', f), etagOf('v1', 'entity\u0000resource:default/a', { ...f, ageSeconds: 6 })]).size).toBe(4);
  });
});
