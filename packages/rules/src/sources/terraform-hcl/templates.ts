import { getExpressionAst } from '@cdktf/hcl2json';
import { AstSource, type AstNode } from './ast';
import type { AstEntry } from './evaluator';
import { expressionTooComplex } from './limits';

/**
 * hcl2json returns every expression as template text (`"${jsonencode({…})}"`, `"arn:${var.p}"`).
 * We parse each distinct one once with `getExpressionAst`, before the (synchronous) evaluation.
 * A template is wrapped in a heredoc: unlike a quoted string it needs no escaping (its text is
 * already unescaped) and may span lines; the evaluator drops the newline the heredoc adds.
 */
export function needsParsing(s: string): boolean {
  return s.includes('${') || s.includes('%{');
}

/** Every string in a raw hcl2json/JSON tree that is a template. */
export function collectTemplates(v: unknown, into: Set<string>, depth = 0): void {
  if (depth > 300) return;
  if (typeof v === 'string') {
    if (needsParsing(v)) into.add(v);
  } else if (Array.isArray(v)) {
    for (const x of v) collectTemplates(x, into, depth + 1);
  } else if (v !== null && typeof v === 'object') {
    // Keys too: hcl2json writes `{ (local.k) = 1 }` as the key "${(local.k)}".
    for (const [k, x] of Object.entries(v)) {
      if (needsParsing(k)) into.add(k);
      collectTemplates(x, into, depth + 1);
    }
  }
}

function heredocMarker(text: string): string {
  let marker = 'PILLARGUARD_EOT';
  for (let n = 0; text.split('\n').some((l) => l.trim() === marker); n++) marker = `PILLARGUARD_EOT_${n}`;
  return marker;
}

export async function parseTemplate(text: string): Promise<AstEntry> {
  const tooComplex = expressionTooComplex(text);
  if (tooComplex) return { error: `the expression is ${tooComplex}` };
  const marker = heredocMarker(text);
  const wrapped = `<<${marker}\n${text}\n${marker}\n`;
  try {
    const node = (await getExpressionAst('expression.tf', wrapped)) as AstNode | null;
    if (!node) return { error: 'the parser returned nothing' };
    return { node, source: new AstSource(wrapped) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const m = /expression\.tf:[\d,-]+: ([^;]*)/.exec(message);
    return { error: m ? m[1] : 'syntax error' };
  }
}

/** Parses all templates, one at a time (the WASM bridge is single-threaded anyway). */
export async function parseTemplates(texts: Iterable<string>): Promise<Map<string, AstEntry>> {
  const out = new Map<string, AstEntry>();
  for (const t of texts) if (!out.has(t)) out.set(t, await parseTemplate(t));
  return out;
}
