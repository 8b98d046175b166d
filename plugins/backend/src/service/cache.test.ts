import { etagOf, fieldsSuffix, ResponseCache, withFields } from './cache';

/** A cached body closed with no fields, as text. */
const text = (b: Buffer | undefined) => (b === undefined ? undefined : `${b.toString()}}`);

describe('ResponseCache', () => {
  it('builds once per key and version, and starts over when the version moves', async () => {
    const cache = new ResponseCache();
    let builds = 0;
    const build = async () => ({ n: ++builds });
    expect(text(await cache.get('v1', 'a', build))).toBe('{"n":1}');
    expect(text(await cache.get('v1', 'a', build))).toBe('{"n":1}');
    expect(text(await cache.get('v2', 'a', build))).toBe('{"n":2}');
    expect(text(await cache.get('v2', 'b', async () => '{"already":"serialised"}'))).toBe('{"already":"serialised"}');
    expect(await cache.get('v2', 'missing', async () => undefined)).toBeUndefined();
    await expect(cache.get('v2', 'array', async () => '[1]')).rejects.toThrow('a cached body must be a JSON object');
  });

  it('stays under its size by dropping the oldest bodies', async () => {
    const cache = new ResponseCache(25);
    const body = (c: string) => async () => `{"${c.repeat(7)}":1}`; // 12 bytes held (without the brace)
    await cache.get('v', 'a', body('a'));
    await cache.get('v', 'b', body('b'));
    await cache.get('v', 'c', body('c')); // 36 > 25: 'a' goes
    let rebuilt = false;
    await cache.get('v', 'a', async () => ((rebuilt = true), '{"a":1}'));
    expect(rebuilt).toBe(true);
    let kept = true;
    await cache.get('v', 'c', async () => ((kept = false), '{"x":1}'));
    expect(kept).toBe(true);
    expect(cache.size).toBeLessThanOrEqual(25);
  });

  it('warming puts bodies for the current version only, never over one already there', async () => {
    const cache = new ResponseCache();
    await cache.get('v1', 'a', async () => '{"a":"built"}');
    cache.put('v1', 'a', '{"a":"warmed"}');
    cache.put('v1', 'b', '{"b":"warmed"}');
    cache.put('v0', 'c', '{"c":"stale"}');
    expect(text(await cache.get('v1', 'a', async () => '{}'))).toBe('{"a":"built"}');
    expect(text(await cache.get('v1', 'b', async () => '{}'))).toBe('{"b":"warmed"}');
    expect(text(await cache.get('v1', 'c', async () => '{"c":"rebuilt"}'))).toBe('{"c":"rebuilt"}');
  });

  it('does not keep a body built for a version that moved meanwhile', async () => {
    const cache = new ResponseCache();
    let release!: () => void;
    const slow = cache.get('v1', 'a', () => new Promise((r) => (release = () => r('{"old":1}'))));
    expect(text(await cache.get('v2', 'b', async () => '{"new":1}'))).toBe('{"new":1}');
    release();
    expect(text(await slow)).toBe('{"old":1}');
    expect(text(await cache.get('v2', 'a', async () => '{"fresh":1}'))).toBe('{"fresh":1}');
  });
});

describe('fieldsSuffix and withFields', () => {
  it('close a held body with the per-request fields', async () => {
    const cache = new ResponseCache();
    const open = (await cache.get('v', 'a', async () => ({ a: 1 })))!;
    expect(JSON.parse(open.toString() + fieldsSuffix(open, { b: null, c: true }).toString())).toEqual({ a: 1, b: null, c: true });
    const empty = (await cache.get('v', 'e', async () => ({})))!;
    expect(JSON.parse(empty.toString() + fieldsSuffix(empty, { b: 2 }).toString())).toEqual({ b: 2 });
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
