/**
 * Serialised response bodies for one version of the stored data (one refresh attempt): entity
 * pages and overview pages are read far more often than a refresh writes them, and with 50
 * clients on one event loop the time to build a body is the latency. Cleared whenever the version
 * changes; bounded in bytes. Only data goes in, never a permission decision: each request is still
 * authenticated and authorised before a cached body is sent.
 */
export class ResponseCache {
  private version: string | undefined;
  /** Each body as bytes without its closing brace: the per-request fields are written after it (`fieldsSuffix`). */
  private readonly bodies = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  /** Bytes held, for warming up to a share of the bound. */
  get size(): number {
    return this.bytes;
  }

  get max(): number {
    return this.maxBytes;
  }

  /** Adds a body built elsewhere (warming), unless the version moved or the key is there already. */
  put(version: string, key: string, body: string): void {
    if (version !== this.version || this.bodies.has(key)) return;
    this.store(key, openObject(body));
  }

  /** `build` returns a value to serialise, or an already serialised body (a string). */
  async get(version: string, key: string, build: () => Promise<unknown | undefined>): Promise<Buffer | undefined> {
    if (version !== this.version) {
      this.version = version;
      this.bodies.clear();
      this.bytes = 0;
    }
    const hit = this.bodies.get(key);
    if (hit !== undefined) return hit;
    const value = await build();
    if (value === undefined) return undefined;
    const body = openObject(typeof value === 'string' ? value : JSON.stringify(value));
    // A concurrent refresh may have moved the version while building: keep the body out of the new one.
    if (version === this.version) this.store(key, body);
    return body;
  }

  private store(key: string, body: Buffer): void {
    if (body.length > this.maxBytes) return;
    // Oldest first out (a Map iterates in insertion order).
    for (const [k, v] of this.bodies) {
      if (this.bytes + body.length <= this.maxBytes) break;
      this.bodies.delete(k);
      this.bytes -= v.length;
    }
    this.bodies.set(key, body);
    this.bytes += body.length;
  }
}

/** A serialised JSON object as bytes without its closing brace. */
function openObject(json: string): Buffer {
  if (!json.endsWith('}')) throw new Error('a cached body must be a JSON object');
  return Buffer.from(json.slice(0, -1));
}

/** What closes an open object (`openObject`) with these fields: `,"a":1,"b":2}` (or `"a":1}` after `{`). */
export function fieldsSuffix(open: Buffer, fields: Record<string, unknown>): Buffer {
  const json = JSON.stringify(fields);
  return Buffer.from(open.length === 1 ? json.slice(1) : `,${json.slice(1)}`);
}

/** Appends fields to a serialised JSON object without parsing it again. */
export function withFields(body: string, fields: Record<string, unknown>): string {
  const extra = JSON.stringify(fields);
  if (body === '{}') return extra;
  return `${body.slice(0, -1)},${extra.slice(1)}`;
}

/**
 * A weak ETag for a cached body and the freshness fields sent with it: the same version, key and
 * fields mean the same bytes. Setting it spares Express hashing every body, and lets a client
 * polling the page get a 304 (after its request was authorised like any other).
 */
export function etagOf(version: string, key: string, fields: Record<string, unknown>): string {
  return `W/"${fnv1a(`${version}\u0000${key}`)}-${fnv1a(JSON.stringify(fields))}"`;
}

/** FNV-1a, 32 bits: a fast non-cryptographic hash (the tag names a body, it protects nothing). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
