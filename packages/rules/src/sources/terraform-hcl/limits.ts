/**
 * Bounds that keep hostile input from crashing the process. The HCL parser is Go compiled to
 * WASM: it recurses once (several frames) per nesting level, and a stack overflow inside it can
 * leave the Go runtime dead ("malloc deadlock", process exit). Measured here: 1,000 nested
 * brackets parse, 3,000 overflow; 10,000 chained `!`/`-`/`?:` parse, 30,000 overflow. We refuse
 * input well below those numbers (real Terraform nests a few dozen levels at most).
 */
export const MAX_NESTING = 256;
/** Longest run of unary operators (`!!!!x`, `- - -1`) and ternaries in one expression. */
export const MAX_OPERATOR_CHAIN = 1_000;
/** Files larger than this are not parsed (a Terraform file of 10 MB is not hand-written). */
export const MAX_FILE_CHARS = 10_000_000;
/** Our own evaluator recurses per AST level; AST depth beyond this becomes Unknown. */
export const MAX_EVAL_DEPTH = 400;
/** Elements a `range()`/for-expression/count may produce before we give up (Unknown). */
export const MAX_COLLECTION = 10_000;

/** Why an expression string is too deep for the parser, or undefined when it is safe. */
export function expressionTooComplex(text: string): string | undefined {
  // Conservative: counts brackets inside quoted strings too (only ever over-estimates depth).
  let depth = 0;
  let maxDepth = 0;
  let run = 0;
  let questions = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      depth++;
      if (depth > maxDepth) maxDepth = depth;
    } else if (c === 41 || c === 93 || c === 125) {
      if (depth > 0) depth--;
    }
    if (c === 33 || c === 45) run++;
    else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) run = 0;
    if (c === 63) questions++;
    if (maxDepth > MAX_NESTING) return `nested more than ${MAX_NESTING} levels deep`;
    if (run > MAX_OPERATOR_CHAIN || questions > MAX_OPERATOR_CHAIN) return `more than ${MAX_OPERATOR_CHAIN} chained operators`;
  }
  return undefined;
}
