import { parse } from '@cdktf/hcl2json';
import { ParseError, type SourceFile } from '../../model';
import { PARSER_FILENAME, hclParseError, jsonParseError } from './errors';
import { MAX_FILE_CHARS, MAX_NESTING } from './limits';
import { outlineBlocks, type BlockOutline } from './outline';
import { tokenize } from './tokens';

/** One file read into hcl2json's JSON shape, with the block positions of its text. */
export interface LoadedFile {
  path: string;
  json: boolean;
  text: string;
  body: Record<string, unknown>;
  outline: BlockOutline[];
}

export type LoadResult = { file: LoadedFile } | { error: ParseError };

export function isJsonPath(path: string): boolean {
  return path.toLowerCase().endsWith('.json');
}

/** Reads one `.tf`, `.tf.json`, `.tfvars` or `.tfvars.json` file; never throws. */
export async function loadFile(f: SourceFile): Promise<LoadResult> {
  if (f.content.length > MAX_FILE_CHARS) {
    return { error: new ParseError(f.path, `file too large to analyse (${f.content.length} characters, limit ${MAX_FILE_CHARS})`, { format: 'terraform' }) };
  }
  return isJsonPath(f.path) ? loadJson(f) : loadHcl(f);
}

async function loadHcl(f: SourceFile): Promise<LoadResult> {
  // Bounds first: the WASM parser must never see input that overflows its stack.
  const { tokens, tooComplex } = tokenize(f.content);
  if (tooComplex) {
    return { error: new ParseError(f.path, `expression too complex to analyse: ${tooComplex.reason}`, { line: tooComplex.line, column: tooComplex.column, format: 'terraform' }) };
  }
  try {
    const body = (await parse(PARSER_FILENAME, f.content)) as unknown;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return { error: new ParseError(f.path, 'the file is not a Terraform configuration', { format: 'terraform' }) };
    return { file: { path: f.path, json: false, text: f.content, body: body as Record<string, unknown>, outline: outlineBlocks(tokens) } };
  } catch (e) {
    return { error: hclParseError(f.path, e) };
  }
}

function jsonDepth(v: unknown, depth: number): boolean {
  if (depth > MAX_NESTING) return false;
  if (Array.isArray(v)) return v.every((x) => jsonDepth(x, depth + 1));
  if (v !== null && typeof v === 'object') return Object.values(v).every((x) => jsonDepth(x, depth + 1));
  return true;
}

function loadJson(f: SourceFile): LoadResult {
  let body: unknown;
  try {
    body = JSON.parse(f.content);
  } catch (e) {
    return { error: jsonParseError(f.path, f.content, e) };
  }
  if (!jsonDepth(body, 0)) return { error: new ParseError(f.path, `JSON nested more than ${MAX_NESTING} levels deep`, { format: 'terraform' }) };
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { error: new ParseError(f.path, 'a Terraform JSON file must hold an object', { line: 1, column: 1, format: 'terraform' }) };
  return { file: { path: f.path, json: true, text: f.content, body: body as Record<string, unknown>, outline: [] } };
}
