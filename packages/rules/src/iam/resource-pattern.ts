import { globSource } from './wildcard';

/**
 * Resource patterns of a policy statement, matched against resource strings.
 *
 * - `*` and `?` are wildcards; matching is case-sensitive, as IAM compares ARNs. The whole string
 *   is matched at once (a `*` may cover `:`), which can only over-approximate what a statement
 *   covers — the safe side for a security check.
 * - `${Target.Attr}` / `${aws_s3_bucket.raw.arn}` are references an adapter could not replace by a
 *   literal: each is one specific, named resource. A reference matches only itself (as an opaque
 *   token) or a wildcard that covers it (`*`, `${Bucket.Arn}/*` covers `${Bucket.Arn}/key`).
 * - `${aws:username}`, `${aws:PrincipalTag/team}` (one `:` inside) are IAM policy variables,
 *   substituted per request: they may stand for any text, so they match like `*`.
 * - `${*}`, `${?}`, `${$}` are IAM's escapes for a literal `*`, `?`, `$`.
 */
const TOKEN = /\$\{([^}]*)\}/g;

/** A policy variable has exactly one `:` (`aws:username`); a CFN pseudo parameter has `::`. */
function isPolicyVariable(inner: string): boolean {
  return /^[^:]+:[^:]+$/.test(inner) && !inner.includes('::');
}

function patternSource(pattern: string): string {
  let out = '';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    out += globSource(pattern.slice(last, at));
    const inner = m[1];
    if (inner === '*' || inner === '?' || inner === '$') out += escape(inner);
    else if (isPolicyVariable(inner)) out += '.*';
    else out += escape(m[0]);
    last = at + m[0].length;
  }
  return out + globSource(pattern.slice(last));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const cache = new Map<string, RegExp>();

/** Whether a statement's resource pattern covers a resource string (an ARN, a reference, or a pattern taken literally). */
export function resourcePatternMatches(pattern: string, resource: string): boolean {
  if (pattern === '*') return true;
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${patternSource(pattern)}$`, 's');
    cache.set(pattern, re);
  }
  return re.test(resource);
}

/**
 * Whether a pattern covers every resource: `*`, or an ARN pattern whose service and resource
 * parts are wildcards (`arn:aws:*:*:*:*`, `arn:*`).
 */
export function isAnyResource(pattern: string): boolean {
  const p = pattern.trim();
  if (/^\*+$/.test(p)) return true;
  if (/^arn:\*+$/.test(p)) return true;
  const m = /^arn:([^:]*):(.*)$/.exec(p);
  if (!m) return false;
  // After the partition, only wildcards and separators, with the service and the resource wildcarded.
  const rest = m[2];
  return /^[*:]*$/.test(rest) && rest.startsWith('*') && rest.endsWith('*');
}

/** The parts of an ARN (or ARN pattern); the resource part keeps any further `:`. Undefined when not an ARN. */
export function splitArn(arn: string): { partition: string; service: string; region: string; account: string; resource: string } | undefined {
  if (!arn.startsWith('arn:')) return undefined;
  const parts = splitOutsidePlaceholders(arn);
  if (parts.length < 6) return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts.slice(5).join(':') };
}

/** True when the string holds a reference placeholder (not a policy variable or escape). */
export function hasReference(s: string): boolean {
  for (const m of s.matchAll(TOKEN)) {
    const inner = m[1];
    if (inner !== '*' && inner !== '?' && inner !== '$' && !isPolicyVariable(inner)) return true;
  }
  return false;
}

/**
 * `a:${AWS::Partition}:b` → ['a', '${AWS::Partition}', 'b']: colons inside `${…}` placeholders
 * (CloudFormation pseudo parameters, Terraform references) do not separate ARN fields.
 */
function splitOutsidePlaceholders(text: string): string[] {
  if (!text.includes('${')) return text.split(':');
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && depth > 0) depth--;
    else if (text[i] === ':' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}
