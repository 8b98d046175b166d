/**
 * The expression syntax tree returned by `getExpressionAst` of @cdktf/hcl2json, typed only as far
 * as we read it. Observed shapes (hcl2json 0.21): an object's children alternate key and value,
 * a key is an untyped node (`type: ''`) whose children hold the key expression, or none for a bare
 * identifier (then its text is the source range); a for-expression's children are collection,
 * key (object-for only), value, condition (when present); template literals are raw source text
 * (escapes not yet decoded).
 */
export interface AstNode {
  type: string;
  meta?: AstMeta;
  children?: AstNode[];
  range?: { start: { byte: number }; end: { byte: number } };
}

export interface AstMeta {
  value?: string;
  type?: string;
  name?: string;
  operator?: string;
  keyVar?: string;
  valVar?: string;
  keyExpression?: string;
  conditionalExpression?: string;
  groupedValue?: boolean;
  expandedFinalArgument?: boolean;
  fullAccessor?: string;
  traversal?: Array<{ type: string; segment: string }>;
}

/** The source an AST was parsed from, for reading ranges (byte offsets into its UTF-8 form). */
export class AstSource {
  private bytes: Uint8Array | undefined;
  constructor(readonly text: string) {}

  slice(node: AstNode): string | undefined {
    if (!node.range) return undefined;
    this.bytes ??= new TextEncoder().encode(this.text);
    return new TextDecoder().decode(this.bytes.subarray(node.range.start.byte, node.range.end.byte));
  }
}

/** Decodes the escapes of a quoted HCL string literal (`\n`, `\"`, `\u00e9`, `$${`, `%%{`). */
export function decodeQuoted(raw: string): string {
  return unescapeTemplate(
    raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (_, e: string) => {
      switch (e[0]) {
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        case 'u':
        case 'U': {
          const cp = parseInt(e.slice(1), 16);
          return cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
        }
        default:
          return e; // \" \\ and anything else
      }
    }),
  );
}

/** Template escapes, the only ones a heredoc knows. */
export function unescapeTemplate(raw: string): string {
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
