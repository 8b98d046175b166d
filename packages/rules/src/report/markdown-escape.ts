import { multiLine, singleLine } from './sanitize';

/**
 * Escaping for strings that come from the scanned input (resource ids, file names, messages that
 * embed them, tag values) before they go into GitHub-flavoured Markdown. The scheme, in one pass
 * over the text so nothing we insert is escaped twice:
 *
 * - line breaks → spaces; control and bidi characters → U+FFFD (no broken tables, no hidden text);
 * - `&`, `<`, `>` → HTML entities: no raw HTML, no entity tricks (`&#64;` stays literal);
 * - every ASCII character Markdown gives meaning to is backslash-escaped: no emphasis, links,
 *   images, code spans, headings, list markers, table pipes, strikethrough or `$math$`;
 * - things GitHub links *after* rendering, on the text itself, are broken with a zero-width space
 *   written as the entity `&#8203;` (visible in the source, invisible on screen): `@` (mentions,
 *   team mentions, e-mail autolinks), `://` and `www.` (URL autolinks), `#` before a letter or
 *   digit and `GH-` before a digit (issue references).
 *
 * Commit SHAs are not broken: GitHub links them only to commits of the same repository.
 */
const ZWSP = '&#8203;';
// `.`, `-`, `+` matter only at the start of a line (list markers, breaks), but callers may put a
// cell or list item there, so they are escaped everywhere; `$` starts GitHub math.
const MARKDOWN_PUNCTUATION = new Set(['\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', '$']);
const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

export function escapeMarkdown(text: string): string {
  const s = singleLine(text);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (s.startsWith('://', i)) {
      out += `\\:${ZWSP}\\/\\/`;
      i += 2;
    } else if ((ch === 'w' || ch === 'W') && s.slice(i, i + 4).toLowerCase() === 'www.') {
      out += `${s.slice(i, i + 3)}${ZWSP}\\.`;
      i += 3;
    } else if ((ch === 'G' || ch === 'g') && /^gh-\d/i.test(s.slice(i, i + 4))) {
      out += `${s.slice(i, i + 2)}${ZWSP}\\-`;
      i += 2;
    } else if (ch === '@') {
      out += `@${ZWSP}`;
    } else if (ch === '#') {
      out += /[\p{L}\p{N}]/u.test(s[i + 1] ?? '') ? `\\#${ZWSP}` : '\\#';
    } else if (HTML_ENTITIES[ch] !== undefined) {
      out += HTML_ENTITIES[ch];
    } else if (MARKDOWN_PUNCTUATION.has(ch)) {
      out += `\\${ch}`;
    } else {
      out += ch;
    }
  }
  return out;
}

/**
 * A table cell: everything `escapeMarkdown` does (which already turns `|` into `\|` and line breaks
 * into spaces, so a cell can never end early or break the row), trimmed, and never empty so the
 * row keeps its column count visible.
 */
export function escapeTableCell(text: string): string {
  const cell = escapeMarkdown(text).trim();
  return cell === '' ? ' ' : cell;
}

function longestRun(text: string, ch: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * A fenced code block whose fence is longer than any backtick run in the content, so nothing in
 * the content can close it early. Must start at the beginning of a line (not inside a list item).
 * `language` is reduced to characters an info string may safely hold.
 */
export function codeFence(content: string, language = ''): string {
  const body = multiLine(content).replace(/\n+$/, '');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const info = language.replace(/[^A-Za-z0-9_+.-]/g, '');
  return `${fence}${info}\n${body}\n${fence}`;
}

/**
 * An inline code span on one line, with a delimiter longer than any backtick run inside and padding
 * when the content starts or ends with a backtick. Code spans show text literally (no HTML, links or
 * mentions). Not for table cells: GitHub splits cells on `|` even inside code spans.
 */
export function codeSpan(text: string): string {
  const body = singleLine(text);
  const ticks = '`'.repeat(longestRun(body, '`') + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '') ? ' ' : '';
  return `${ticks}${pad}${body}${pad}${ticks}`;
}
