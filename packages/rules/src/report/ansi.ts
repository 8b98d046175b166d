/**
 * A tiny ANSI palette: enough for a terminal report without a dependency. Each style opens and
 * closes its own attribute, so styles nest and never bleed into the next line.
 */
const STYLES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  gray: [90, 39],
} as const;

export type Style = keyof typeof STYLES;

export type Paint = (text: string, ...styles: Style[]) => string;

/** A painter that colours when `enabled` and returns text untouched otherwise. */
export function painter(enabled: boolean): Paint {
  if (!enabled) return (text) => text;
  return (text, ...styles) => styles.reduceRight((t, s) => `\u001b[${STYLES[s][0]}m${t}\u001b[${STYLES[s][1]}m`, text);
}
