/**
 * A cheap, linear pre-scan that bounds how deeply a YAML/JSON text nests, run BEFORE the text is
 * handed to the `yaml` package: on a 10,000-level JSON document that package overflows its stack
 * and, worse, can exhaust memory compiling a regular expression (a process abort no try/catch can
 * stop). The estimate only ever errs upwards on exotic layouts (a line indented by hundreds of
 * spaces), never downwards on real nesting, so it is safe as a guard.
 *
 * Model: inside flow collections (`[`, `{`) every bracket is an indicator unless quoted; in block
 * context a bracket opens a flow collection only where a scalar may start. Block nesting at a line
 * is bounded by its indentation plus its compact `- `/`? ` indicators. Quoted scalars, comments and
 * block scalar bodies (`|`, `>`) are skipped so brackets inside them never count.
 */
export interface DepthViolation {
  depth: number;
  line: number;
  column: number;
}

export function scanNestingDepth(text: string, maxDepth: number): DepthViolation | undefined {
  let flow = 0; // open flow collections
  let blockBase = 0; // block depth bound where the current flow collection started
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  let blockScalarIndent = -1; // >= 0 while skipping the body of a block scalar
  let atScalarStart = true; // a quote or bracket here starts a scalar / collection
  let afterQuoted = false; // the last token was a quoted scalar: a `:` right after it is an indicator (JSON style)

  const violation = (depth: number): DepthViolation => ({ depth, line, column: i - lineStart + 1 });

  while (i < n) {
    // Start of a line: measure indentation; skip block-scalar bodies; count compact indicators.
    if (i === lineStart) {
      let indent = 0;
      while (i < n && text[i] === ' ') {
        indent++;
        i++;
      }
      const blank = i >= n || text[i] === '\n' || text[i] === '\r';
      if (blockScalarIndent >= 0) {
        if (blank || indent > blockScalarIndent) {
          // Skip the whole body line including its newline, so the next line starts fresh.
          i = skipToLineEnd(text, i);
          if (i < n) {
            line++;
            i++;
            lineStart = i;
          }
          continue;
        }
        blockScalarIndent = -1;
      }
      if (flow === 0) {
        let depth = indent;
        while (i + 1 < n && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
          depth++;
          i += 2;
          while (i < n && text[i] === ' ') i++;
        }
        if (depth > maxDepth) return violation(depth);
        blockBase = depth;
        atScalarStart = true;
      }
    }
    if (i >= n) break;
    const ch = text[i];
    if (ch === '\n') {
      line++;
      i++;
      lineStart = i;
      if (flow > 0) atScalarStart = true;
      continue;
    }
    if (ch === '\r' || ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (ch === '#' && (i === lineStart || /\s/.test(text[i - 1]))) {
      i = skipToLineEnd(text, i);
      continue;
    }
    if ((ch === '"' || ch === "'") && atScalarStart) {
      const end = skipQuoted(text, i);
      for (let k = i; k < end; k++) if (text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
      i = end;
      atScalarStart = false;
      afterQuoted = true;
      continue;
    }
    if ((ch === '[' || ch === '{') && (flow > 0 || atScalarStart)) {
      flow++;
      if (blockBase + flow > maxDepth) return violation(blockBase + flow);
      i++;
      atScalarStart = true;
      continue;
    }
    if ((ch === ']' || ch === '}') && flow > 0) {
      flow--;
      i++;
      atScalarStart = false;
      continue;
    }
    if (flow > 0 && ch === ',') {
      i++;
      atScalarStart = true;
      continue;
    }
    if (ch === ':' && (afterQuoted || i + 1 >= n || /[\s,[\]{}]/.test(text[i + 1]))) {
      i++;
      atScalarStart = true;
      afterQuoted = false;
      continue;
    }
    afterQuoted = false;
    if ((ch === '-' || ch === '?') && atScalarStart && (i + 1 >= n || /\s/.test(text[i + 1]))) {
      // A block indicator after a key (`a: - - x`) nests one level more, like one at line start.
      if (flow === 0 && ++blockBase > maxDepth) return violation(blockBase);
      i++;
      continue;
    }
    if ((ch === '!' || ch === '&' || ch === '*') && atScalarStart) {
      // Tag, anchor or alias: the token ends at whitespace; a scalar may start after it.
      while (i < n && !/[\s,[\]{}]/.test(text[i])) i++;
      continue;
    }
    if ((ch === '|' || ch === '>') && atScalarStart && flow === 0) {
      // Block scalar: its body is every following line indented deeper than this line.
      let indent = 0;
      while (text[lineStart + indent] === ' ') indent++;
      blockScalarIndent = indent;
      i = skipToLineEnd(text, i);
      continue;
    }
    // Plain scalar text: in block context it runs to the end of the line (or a `: `/` #`), in
    // flow context to the next indicator.
    atScalarStart = false;
    i++;
  }
  return undefined;
}

function skipToLineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** Index just past the quoted scalar starting at `start` (or the end of the text if unterminated). */
function skipQuoted(text: string, start: number): number {
  const q = text[start];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (q === '"' && ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '\n' && /^(---|\.\.\.)(\s|$)/.test(text.slice(i + 1, i + 5))) return i; // a document marker ends any scalar
    if (ch === q) {
      if (q === "'" && text[i + 1] === "'") {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}
