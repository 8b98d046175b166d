/**
 * Characters no report should pass through from the input as they are: C0/C1 control characters
 * (ESC starts terminal escape sequences), and the Unicode bidirectional controls (Bidi_Control:
 * U+061C, U+200E/F, U+202A–E, U+2066–9), which can make text
 * display differently from what it is ("trojan source"). Line breaks are listed separately because
 * single-line contexts turn them into spaces.
 */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of plain text: line breaks and tabs become spaces, other controls become U+FFFD (visible, inert). */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ').replace(CONTROL_OR_BIDI, '\uFFFD');
}

/** Multi-line plain text: line breaks normalised to `\n`, tabs kept, other controls become U+FFFD. */
export function multiLine(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(CONTROL_OR_BIDI, '\uFFFD');
}

/**
 * Cuts text to at most `max` code points, ending with `…` when cut, without splitting a surrogate
 * pair. Keeps one hostile 1 MB resource name from filling a whole report.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  return points.slice(0, Math.max(0, max - 1)).join('') + '…';
}
