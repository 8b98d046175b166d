import { isAnyResource } from './resource-pattern';

/**
 * Inclusion between two IAM wildcard patterns: does `outer` match every string `inner` matches?
 * This is what lets the access diff say "`s3:Get*` is inside `s3:*`" or "`table/orders` is inside
 * `table/*`" without expanding either side.
 *
 * Both patterns are read as token lists (a literal character, `*`, `?`, or a reference
 * placeholder) and compared by dynamic programming: an outer `*` may absorb any run of inner
 * tokens (wildcards included), an outer `?` one inner character or `?`, a literal only the same
 * literal. A `true` answer is always right; a `false` may be wrong for contrived patterns
 * (`a*a*` against `*a*a*a`), which only makes the diff report access as new — the safe side.
 */
type Token = { k: 'lit'; c: string } | { k: 'star' } | { k: 'one' } | { k: 'ref'; text: string };

const PLACEHOLDER = /\$\{([^}]*)\}/g;

/** `${aws:username}`: an IAM policy variable, substituted per request — any text. */
function isPolicyVariable(inner: string): boolean {
  return /^[^:]+:[^:]+$/.test(inner) && !inner.includes('::');
}

function charTokens(text: string, out: Token[], lower: boolean): void {
  for (const ch of text) {
    if (ch === '*') out.push({ k: 'star' });
    else if (ch === '?') out.push({ k: 'one' });
    else out.push({ k: 'lit', c: lower ? ch.toLowerCase() : ch });
  }
}

/**
 * Resource tokens: `${Orders.Arn}` / `${aws_s3_bucket.raw.arn}` are one specific resource each (an
 * opaque token only the same reference or a wildcard covers); `${aws:username}` is any text;
 * `${*}`, `${?}`, `${$}` are IAM's escapes for the literal character.
 */
function resourceTokens(pattern: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of pattern.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    charTokens(pattern.slice(last, at), out, false);
    const inner = m[1];
    if (inner === '*' || inner === '?' || inner === '$') out.push({ k: 'lit', c: inner });
    else if (isPolicyVariable(inner)) out.push({ k: 'star' });
    else out.push({ k: 'ref', text: m[0] });
    last = at + m[0].length;
  }
  charTokens(pattern.slice(last), out, false);
  return out;
}

function actionTokens(pattern: string): Token[] {
  const out: Token[] = [];
  charTokens(pattern.trim(), out, true);
  return out;
}

function tokensInclude(outer: readonly Token[], inner: readonly Token[]): boolean {
  const n = outer.length;
  const m = inner.length;
  // memo[i * (m + 1) + j]: 0 unknown, 1 true, 2 false.
  const memo = new Uint8Array((n + 1) * (m + 1));
  const go = (i: number, j: number): boolean => {
    const slot = i * (m + 1) + j;
    if (memo[slot]) return memo[slot] === 1;
    let r: boolean;
    if (i === n) r = j === m;
    else {
      const o = outer[i];
      const t = inner[j];
      if (o.k === 'star') r = go(i + 1, j) || (j < m && go(i, j + 1));
      else if (j === m) r = false;
      else if (o.k === 'one') r = (t.k === 'lit' || t.k === 'one') && go(i + 1, j + 1);
      else if (o.k === 'lit') r = t.k === 'lit' && t.c === o.c && go(i + 1, j + 1);
      else r = t.k === 'ref' && t.text === o.text && go(i + 1, j + 1);
    }
    memo[slot] = r ? 1 : 2;
    return r;
  };
  return go(0, 0);
}

/** Results are cached: the same few patterns meet each other for every principal of an input. */
const MAX_CACHE = 200_000;
const actionCache = new Map<string, boolean>();
const resourceCache = new Map<string, boolean>();

function cached(cache: Map<string, boolean>, key: string, compute: () => boolean): boolean {
  let hit = cache.get(key);
  if (hit === undefined) {
    if (cache.size >= MAX_CACHE) cache.clear();
    hit = compute();
    cache.set(key, hit);
  }
  return hit;
}

/** Whether action pattern `outer` covers every action `inner` covers (case-insensitive, as IAM compares actions). */
export function actionPatternIncludes(outer: string, inner: string): boolean {
  if (outer === '*' || outer.toLowerCase() === inner.toLowerCase()) return true;
  if (prefixRejects(outer.toLowerCase(), inner.toLowerCase())) return false;
  return cached(actionCache, `${outer}\u0000${inner}`, () => tokensInclude(actionTokens(outer), actionTokens(inner)));
}

/** Whether resource pattern `outer` covers every resource `inner` covers (case-sensitive, as IAM compares ARNs). */
export function resourcePatternIncludes(outer: string, inner: string): boolean {
  if (outer === inner || isAnyResource(outer)) return true;
  if (prefixRejects(outer, inner)) return false;
  return cached(resourceCache, `${outer}\u0000${inner}`, () => tokensInclude(resourceTokens(outer), resourceTokens(inner)));
}

/** Whether a condition value pattern (`…Like` operators) covers another, case-sensitively. */
export function valuePatternIncludes(outer: string, inner: string): boolean {
  if (outer === inner || outer === '*') return true;
  const toks = (s: string) => {
    const out: Token[] = [];
    charTokens(s, out, false);
    return out;
  };
  return tokensInclude(toks(outer), toks(inner));
}

/**
 * A cheap "no" before the token comparison: every string `inner` matches starts with its fixed
 * prefix (up to its first wildcard), so that prefix must start with `outer`'s, and a fixed `outer`
 * covers nothing but itself.
 */
function prefixRejects(outer: string, inner: string): boolean {
  const po = outer.slice(0, firstOpen(outer));
  if (po.length === outer.length) return true; // `outer` is fixed and differs from `inner` (equality was tested first)
  return !inner.slice(0, firstOpen(inner)).startsWith(po);
}

/**
 * Whether two resource patterns may cover a common resource. Used to find the Allow a removed Deny
 * used to block: either includes the other, or both are open and their fixed prefixes agree.
 */
export function resourcePatternsOverlap(a: string, b: string): boolean {
  if (resourcePatternIncludes(a, b) || resourcePatternIncludes(b, a)) return true;
  const prefix = (s: string) => s.slice(0, firstOpen(s));
  const pa = prefix(a);
  const pb = prefix(b);
  const open = (s: string) => firstOpen(s) < s.length;
  return open(a) && open(b) && (pa.startsWith(pb) || pb.startsWith(pa));
}

function firstOpen(s: string): number {
  const i = s.search(/[*?]|\$\{[^:}]+:[^:}]+\}/);
  return i < 0 ? s.length : i;
}
