import type { SourceFormat } from './location';

/**
 * The one error type every adapter produces for input it cannot read. Adapters collect these
 * (never throw anything else), so a bad file is reported as `file:line:col: reason` and the gate
 * can fail closed on it (`iac.parseable`).
 */
export class ParseError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly format?: SourceFormat;

  constructor(file: string, message: string, options: { line?: number; column?: number; format?: SourceFormat } = {}) {
    super(message);
    this.name = 'ParseError';
    this.file = file;
    this.line = options.line;
    this.column = options.column;
    this.format = options.format;
  }

  /** `file:line:col: message`, the one-line form the CLI prints. */
  override toString(): string {
    const where = [this.file, this.line, this.line !== undefined ? this.column : undefined].filter((x) => x !== undefined).join(':');
    return `${where}: ${this.message}`;
  }
}

export function isParseError(e: unknown): e is ParseError {
  return e instanceof ParseError;
}

/** What one adapter produced from its input. */
export interface SourceResult {
  resources: import('./resource').Resource[];
  errors: ParseError[];
  /** Things the user should know that are not errors: "module.vpc not expanded: its outputs are unknown". */
  notes: Array<{ file: string; line?: number; message: string }>;
  /** Terraform `moved` blocks: resources renamed by a refactoring (`from` → `to`), for matching versions. */
  moves?: Array<{ from: string; to: string; file: string }>;
}
