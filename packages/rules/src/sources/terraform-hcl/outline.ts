import type { Token } from './tokens';

/**
 * Where each top-level block of an HCL file starts and where its attributes and nested blocks
 * are, from the token stream of `tokens.ts` (hcl2json gives values but no positions).
 */
export interface BlockOutline {
  /** Block type and labels: `['resource', 'aws_s3_bucket', 'raw']`. */
  labels: string[];
  line: number;
  /**
   * Property path → 1-based line: `bucket`, `ingress[0]`, `ingress[0].cidr_blocks`, and for a
   * nested block written once also the unindexed form `point_in_time_recovery.enabled`.
   */
  props: Record<string, number>;
}

interface Frame {
  prefix: string;
  counts: Map<string, number>;
}

export function outlineBlocks(tokens: readonly Token[]): BlockOutline[] {
  const blocks: BlockOutline[] = [];
  const frames: Frame[] = [];
  let current: BlockOutline | undefined;
  let i = 0;

  /** Skips an attribute's expression: to the end of its line, or to the `}` closing a one-line block. */
  const skipExpression = () => {
    let depth = 0;
    for (; i < tokens.length; i++) {
      const t = tokens[i].type;
      if (depth === 0 && (t === 'nl' || t === '}')) return;
      if (t === '{' || t === '(' || t === '[') depth++;
      else if (t === '}' || t === ')' || t === ']') depth--;
    }
  };

  while (i < tokens.length) {
    const tok = tokens[i];
    if (tok.type === 'nl') {
      i++;
      continue;
    }
    if (tok.type === '}') {
      frames.pop();
      if (frames.length === 0 && current) {
        addUnindexedAliases(current.props);
        current = undefined;
      }
      i++;
      continue;
    }
    if (tok.type !== 'ident') {
      i++;
      skipExpression();
      continue;
    }
    const next = tokens[i + 1];
    if (next?.type === '=') {
      if (current && frames.length > 0) {
        const frame = frames[frames.length - 1];
        current.props[`${frame.prefix}${tok.text}`] ??= tok.line;
      }
      i += 2;
      skipExpression();
      continue;
    }
    const labels: string[] = [tok.text ?? ''];
    let j = i + 1;
    while (j < tokens.length && (tokens[j].type === 'str' || tokens[j].type === 'ident')) {
      labels.push(tokens[j].text ?? '');
      j++;
    }
    if (tokens[j]?.type !== '{') {
      i = j;
      skipExpression();
      continue;
    }
    if (frames.length === 0) {
      current = { labels, line: tok.line, props: {} };
      blocks.push(current);
      frames.push({ prefix: '', counts: new Map() });
    } else {
      const frame = frames[frames.length - 1];
      // `dynamic "ingress" { … }` generates `ingress` blocks: locate it under that name.
      const name = labels[0] === 'dynamic' && labels.length > 1 ? labels[1] : labels[0];
      const index = frame.counts.get(name) ?? 0;
      frame.counts.set(name, index + 1);
      const path = `${frame.prefix}${name}[${index}]`;
      if (current) current.props[path] ??= tok.line;
      frames.push({ prefix: `${path}.`, counts: new Map() });
    }
    i = j + 1;
  }
  if (current) addUnindexedAliases(current.props);
  return blocks;
}

/** `x[0]…` also as `x…` when the block `x` is written once at that level (`x[1]` absent). */
function addUnindexedAliases(props: Record<string, number>): void {
  for (const key of Object.keys(props)) {
    let alias = key;
    const re = /\[0\]/g;
    let m: RegExpExecArray | null;
    const cuts: number[] = [];
    while ((m = re.exec(key)) !== null) {
      const prefix = key.slice(0, m.index);
      if (!Object.prototype.hasOwnProperty.call(props, `${prefix}[1]`)) cuts.push(m.index);
    }
    for (const at of cuts.reverse()) alias = alias.slice(0, at) + alias.slice(at + 3);
    if (alias !== key) props[alias] ??= props[key];
  }
}
