/**
 * IAM wildcard matching: `*` is any run of characters (also none), `?` exactly one. Actions
 * compare case-insensitively, resource ARNs case-sensitively (as IAM evaluates them), so the
 * caller picks. Compiled patterns are cached: the same few patterns are tested against thousands
 * of catalog actions.
 */
const caseSensitive = new Map<string, RegExp>();
const caseInsensitive = new Map<string, RegExp>();

function escapeRegExp(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** The body of a regular expression for a glob, without anchors. `*` and `?` are the only specials. */
export function globSource(glob: string): string {
  let out = '';
  for (const ch of glob) {
    if (ch === '*') out += '.*';
    else if (ch === '?') out += '.';
    else out += escapeRegExp(ch);
  }
  return out;
}

export function globToRegExp(glob: string, ignoreCase: boolean): RegExp {
  const cache = ignoreCase ? caseInsensitive : caseSensitive;
  let re = cache.get(glob);
  if (!re) {
    re = new RegExp(`^${globSource(glob)}$`, ignoreCase ? 'is' : 's');
    cache.set(glob, re);
  }
  return re;
}

/**
 * Shortest text a glob can match: every character but `*` matches exactly one UTF-16 code unit
 * (the expressions are not in unicode mode, and case-insensitive matching maps one code unit to
 * one), so a glob without `*` matches only texts of its own length. Lets `globMatches` reject most
 * texts without running the expression.
 */
const lengths = new Map<string, { min: number; exact: boolean }>();
function lengthOf(glob: string): { min: number; exact: boolean } {
  let hit = lengths.get(glob);
  if (!hit) {
    let stars = 0;
    for (let i = 0; i < glob.length; i++) if (glob.charCodeAt(i) === 42) stars++;
    hit = { min: glob.length - stars, exact: stars === 0 };
    lengths.set(glob, hit);
  }
  return hit;
}

export function globMatches(glob: string, text: string, ignoreCase: boolean): boolean {
  const len = lengthOf(glob);
  if (len.exact ? text.length !== len.min : text.length < len.min) return false;
  return globToRegExp(glob, ignoreCase).test(text);
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}
