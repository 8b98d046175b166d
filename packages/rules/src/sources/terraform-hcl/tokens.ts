import { MAX_NESTING, MAX_OPERATOR_CHAIN } from './limits';

/**
 * A light HCL lexer, only as precise as locating blocks and attributes needs: comments, quoted
 * strings (with `${…}`/`%{…}` interpolations that may hold strings again) and heredocs are
 * consumed whole, so a `{` inside them never counts. Tokens inside strings are not emitted. It also
 * enforces the nesting bounds of `limits.ts` before the WASM parser sees the text.
 */
export type TokenType = 'ident' | 'str' | '{' | '}' | '(' | ')' | '[' | ']' | '=' | 'nl' | 'other';

export interface Token {
  type: TokenType;
  line: number;
  column: number;
  /** Identifier text, or the content of a string without interpolations. */
  text?: string;
}

export interface TokenizeResult {
  tokens: Token[];
  /** Set when the text exceeds a bound: the position and the reason. */
  tooComplex?: { line: number; column: number; reason: string };
}

type Frame = { kind: 'str' } | { kind: 'interp'; braces: number } | { kind: 'heredoc'; marker: string; atLineStart: boolean };

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;

export function tokenize(src: string): TokenizeResult {
  const tokens: Token[] = [];
  const frames: Frame[] = [];
  const brackets: string[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  let strStart: { line: number; column: number; from: number; plain: boolean } | undefined;
  let chain = 0;
  let questions = 0;

  const col = (at: number) => at - lineStart + 1;
  const depth = () => brackets.length + frames.length;
  const fail = (reason: string): TokenizeResult => ({ tokens, tooComplex: { line, column: col(i), reason } });
  const newline = () => {
    line++;
    lineStart = i + 1;
  };

  while (i < src.length) {
    const c = src[i];
    const top = frames[frames.length - 1];
    if (depth() > MAX_NESTING) return fail(`nested more than ${MAX_NESTING} levels deep`);

    // Inside a quoted string: look for its end and for interpolations.
    if (top?.kind === 'str') {
      if (c === '\\') {
        i += 2;
        continue;
      }
      if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') {
        i += 3; // `$${` / `%%{` are escapes for a literal `${` / `%{`
        continue;
      }
      if ((c === '$' || c === '%') && src[i + 1] === '{') {
        frames.push({ kind: 'interp', braces: 0 });
        if (strStart) strStart.plain = false;
        i += 2;
        continue;
      }
      if (c === '\n') newline(); // an error for HCL, but keep counting lines
      if (c === '"') {
        frames.pop();
        if (frames.length === 0 && strStart) {
          tokens.push({ type: 'str', line: strStart.line, column: strStart.column, text: strStart.plain ? src.slice(strStart.from, i) : undefined });
          strStart = undefined;
        }
      }
      i++;
      continue;
    }

    if (top?.kind === 'heredoc') {
      if (top.atLineStart) {
        const end = src.indexOf('\n', i);
        const text = src.slice(i, end < 0 ? src.length : end);
        if (text.trim() === top.marker) {
          frames.pop();
          i += text.length;
          if (frames.length === 0) tokens.push({ type: 'other', line, column: col(i) });
          continue;
        }
        top.atLineStart = false;
      }
      if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') {
        i += 3;
        continue;
      }
      if ((c === '$' || c === '%') && src[i + 1] === '{') {
        frames.push({ kind: 'interp', braces: 0 });
        i += 2;
        continue;
      }
      if (c === '\n') {
        newline();
        top.atLineStart = true;
      }
      i++;
      continue;
    }

    // Code: the file itself or an interpolation.
    if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      for (let k = i; k < stop; k++) {
        if (src[k] === '\n') {
          i = k;
          newline();
        }
      }
      i = stop;
      continue;
    }
    if (c === '\n') {
      const innermost = brackets[brackets.length - 1];
      // A newline ends an expression unless it is inside () or [] or an interpolation.
      if (frames.length === 0 && (innermost === undefined || innermost === '{')) {
        chain = 0;
        questions = 0;
        tokens.push({ type: 'nl', line, column: col(i) });
      }
      newline();
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if ((c === '!' || c === '<' || c === '>') && src[i + 1] === '=') {
      chain = 0;
      if (frames.length === 0) tokens.push({ type: 'other', line, column: col(i) });
      i += 2;
      continue;
    }
    // A `-` may be binary or unary; counting both only over-estimates the chain, which is safe.
    if (c === '!' || c === '-') chain++;
    else chain = 0;
    if (c === '?') questions++;
    if (chain > MAX_OPERATOR_CHAIN || questions > MAX_OPERATOR_CHAIN) return fail(`more than ${MAX_OPERATOR_CHAIN} chained operators in one expression`);

    if (c === '"') {
      frames.push({ kind: 'str' });
      if (frames.length === 1) strStart = { line, column: col(i), from: i + 1, plain: true };
      i++;
      continue;
    }
    if (c === '<' && src[i + 1] === '<') {
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/.exec(src.slice(i, i + 300));
      if (m) {
        if (frames.length === 0) tokens.push({ type: 'other', line, column: col(i) });
        frames.push({ kind: 'heredoc', marker: m[1], atLineStart: true });
        i += m[0].length;
        newline();
        lineStart = i;
        continue;
      }
    }
    if (c === '{' || c === '(' || c === '[') {
      brackets.push(c);
      if (top?.kind === 'interp' && c === '{') top.braces++;
      if (frames.length === 0) tokens.push({ type: c, line, column: col(i) });
      i++;
      continue;
    }
    if (c === '}' || c === ')' || c === ']') {
      if (top?.kind === 'interp' && c === '}') {
        if (top.braces === 0) {
          frames.pop();
          i++;
          continue;
        }
        top.braces--;
      }
      brackets.pop();
      if (frames.length === 0) tokens.push({ type: c, line, column: col(i) });
      i++;
      continue;
    }
    if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < src.length && IDENT_PART.test(src[j])) j++;
      if (frames.length === 0) tokens.push({ type: 'ident', line, column: col(i), text: src.slice(i, j) });
      i = j;
      continue;
    }
    if (c === '=') {
      const next = src[i + 1];
      if (next === '=' || next === '>') {
        if (frames.length === 0) tokens.push({ type: 'other', line, column: col(i) });
        i += 2;
        continue;
      }
      if (frames.length === 0) tokens.push({ type: '=', line, column: col(i) });
      i++;
      continue;
    }
    if (frames.length === 0) tokens.push({ type: 'other', line, column: col(i) });
    i++;
  }
  return { tokens };
}
