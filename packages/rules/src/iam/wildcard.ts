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

export function globMatches(glob: string, text: string, ignoreCase: boolean): boolean {
  return globToRegExp(glob, ignoreCase).test(text);
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}
