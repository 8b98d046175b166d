import { ParseError } from '../../model';
import { jsonErrorReason } from '../terraform-plan/json-error';

/** The name we give the WASM parser, so its messages can be matched whatever the real path is. */
export const PARSER_FILENAME = 'input.tf';

/**
 * hcl2json reports `parse config: [input.tf:17,23-18,1: Summary; Detail]` (Go HCL diagnostics).
 * We keep the first diagnostic: its start line and column and its summary and detail.
 */
export function hclParseError(file: string, e: unknown): ParseError {
  const message = e instanceof Error ? e.message : String(e);
  const m = /input\.tf:(\d+),(\d+)(?:-[\d,]+)?: ([^;\]]*)(?:; ([^\]]*))?/.exec(message);
  if (!m) return new ParseError(file, `Terraform syntax error: ${message.slice(0, 300)}`, { format: 'terraform' });
  const detail = m[4] ? `: ${m[4].trim().replace(/, and \d+ other diagnostic\(s\)$/, '')}` : '';
  return new ParseError(file, `Terraform syntax error: ${m[3].trim()}${detail}`, { line: Number(m[1]), column: Number(m[2]), format: 'terraform' });
}

/** JSON.parse messages carry a character offset (`… at position 42`); turn it into line:column. */
export function jsonParseError(file: string, text: string, e: unknown): ParseError {
  const message = e instanceof Error ? e.message : String(e);
  const pos = /position (\d+)/.exec(message);
  const lc = /line (\d+) column (\d+)/.exec(message);
  let line: number | undefined;
  let column: number | undefined;
  if (lc) {
    line = Number(lc[1]);
    column = Number(lc[2]);
  } else if (pos) {
    const at = Math.min(Number(pos[1]), text.length);
    const before = text.slice(0, at);
    line = before.split('\n').length;
    column = at - before.lastIndexOf('\n');
  }
  return new ParseError(file, `invalid JSON: ${jsonErrorReason(message.replace(/^JSON\.parse: /, ''))}`, { line, column, format: 'terraform' });
}
