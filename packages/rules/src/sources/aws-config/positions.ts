/**
 * Lines of the configuration items inside a JSON file, found by one pass over the text (the file
 * already parsed with `JSON.parse`, so the scan can trust its syntax). Only the places items live
 * are recorded: the elements of a root array and of arrays that are values of root keys
 * (`configurationItems`, `baseConfigurationItems`, `Results`). Iterative, so deep nesting cannot
 * overflow the stack, and linear, so a 50 MB snapshot costs one pass.
 */
export interface ItemLines {
  /** Line of the root value. */
  root: number;
  /** Root key (`''` for a root array) → line of each element, in order. */
  arrays: Map<string, number[]>;
}

interface Frame {
  kind: '{' | '[';
  /** Arrays whose elements are recorded. */
  lines?: number[];
  expectKey?: boolean;
  expectValue?: boolean;
  key?: string;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export function itemLines(text: string): ItemLines {
  const lineOf = lineIndex(text);
  const arrays = new Map<string, number[]>();
  const stack: Frame[] = [];
  let root = 1;
  let seenRoot = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (WS.has(c)) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (!seenRoot) {
      root = lineOf(i);
      seenRoot = true;
    }
    if (top?.kind === '[' && top.expectValue && c !== 0x5d /* ] */) {
      top.lines?.push(lineOf(i));
      top.expectValue = false;
    }
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (top?.kind === '{' && top.expectKey) {
        // Only root keys name arrays we record; decode just those.
        if (stack.length === 1) top.key = JSON.parse(text.slice(i, end)) as string;
        top.expectKey = false;
      }
      i = end;
      continue;
    }
    if (c === 0x7b /* { */) stack.push({ kind: '{', expectKey: true });
    else if (c === 0x5b /* [ */) {
      let lines: number[] | undefined;
      if (stack.length === 0) lines = arrays.set('', []).get('');
      else if (stack.length === 1 && top.kind === '{' && top.key !== undefined && !arrays.has(top.key)) lines = arrays.set(top.key, []).get(top.key);
      stack.push({ kind: '[', lines, expectValue: true });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */ && top) {
      if (top.kind === '{') top.expectKey = true;
      else top.expectValue = true;
    }
    i++;
  }
  return { root, arrays };
}

/** Offset just past the string that starts at `start` (a quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return text.length;
}

/** offset → 1-based line, by binary search over the newline offsets. */
export function lineIndex(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}
