import type { Position } from '../../model';

/**
 * A `JSON.parse` error as a reason safe to print. Node 20 quotes the text around the failure
 * (`Unexpected token 'h', ..."password": hunter2"... is not valid JSON`), and that text may be a
 * secret (a plan holds passwords in the clear): the quote is dropped, the position is reported
 * separately.
 */
export function jsonErrorReason(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const cleaned = message.replace(/,?\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)?\s+is not valid JSON\s*$/, '').trim();
  return cleaned === '' ? 'not valid JSON' : cleaned;
}

/**
 * Where a JSON text stops being valid. `JSON.parse` on Node 20 does not always say where it failed
 * ("Unexpected token 'a', "abc" is not valid JSON"), so on failure — and only then — this small
 * scanner walks the text to the first offending character. Iterative, so deep nesting cannot
 * overflow the stack.
 */
export function jsonErrorPosition(text: string): Position {
  return positionOf(text, jsonErrorOffset(text));
}

export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const WS = new Set([' ', '\t', '\n', '\r']);

/** Offset of the first character that makes `text` invalid JSON (text.length when it ends too early). */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const stack: string[] = [];
  let i = 0;
  const ws = () => {
    while (i < n && WS.has(text[i])) i++;
  };
  // Scans one string starting at the quote; returns false at the offending character.
  const string = (): boolean => {
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return true;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            while (i < n && /[0-9a-fA-F]/.test(text[i])) i++;
            return false;
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          return false;
        }
      } else if (c < ' ') return false;
      else i++;
    }
    return false;
  };
  const NUMBER = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
  // A scalar at i; returns false at the offending character.
  const scalar = (): boolean => {
    if (text[i] === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      return true;
    }
    if (text[i] === '-') i++;
    return false;
  };

  // States: expecting a value, an object key, or what follows a value.
  let state: 'value' | 'key' | 'after' = 'value';
  while (true) {
    ws();
    if (state === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          state = 'after';
        } else state = c === '{' ? 'key' : 'value';
      } else if (scalar()) state = 'after';
      else return Math.min(i, n);
    } else if (state === 'key') {
      if (text[i] !== '"' || !string()) return Math.min(i, n);
      ws();
      if (text[i] !== ':') return Math.min(i, n);
      i++;
      state = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return Math.min(i, n);
      const c = text[i];
      if (c === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else return Math.min(i, n);
    }
  }
}
