import type { SourceFile, SourceResult } from '../../model';
import { ParseError } from '../../model';
import { jsonErrorPosition, jsonErrorReason } from '../terraform-plan/json-error';
import { latestItems } from './history';
import { normalizeItem, type NormalizedItem } from './item';
import { itemLines } from './positions';
import { toResource } from './resource';
import { extractItems } from './shapes';

export type { ConfigurationItem } from './item';

/**
 * AWS Config adapter: configuration items → resources with the facets of MAPPING.md. Accepts a
 * single item, a list of items, a snapshot or history file delivered to S3, and the outputs of
 * GetResourceConfigHistory, BatchGetResourceConfig, SelectResourceConfig /
 * SelectAggregateResourceConfig and GetAggregateResourceConfig, detected from the content.
 */
export function looksLikeAwsConfig(json: unknown): boolean {
  return extractItems(json) !== undefined;
}

/**
 * The raw configuration items of any AWS Config output (snapshot, history, query or batch
 * result), or undefined when the JSON is none of them.
 */
export function configurationItemsIn(json: unknown): unknown[] | undefined {
  return extractItems(json)?.items.map((it) => it.raw);
}

export function parseAwsConfig(file: SourceFile): SourceResult {
  const text = file.content.charCodeAt(0) === 0xfeff ? file.content.slice(1) : file.content;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const { line, column } = jsonErrorPosition(text);
    return failed(new ParseError(file.path, `invalid JSON: ${jsonErrorReason(e)}`, { line, column, format: 'aws-config' }));
  }
  const extracted = extractItems(json);
  if (!extracted) return failed(new ParseError(file.path, 'not an AWS Config item, snapshot or query result', { line: 1, column: 1, format: 'aws-config' }));
  const positions = itemLines(text);
  const lines = new Map<number, number>();
  extracted.items.forEach((it, i) => {
    const line = it.arrayKey === undefined ? positions.root : positions.arrays.get(it.arrayKey)?.[it.position];
    if (line !== undefined) lines.set(i, line);
  });
  const result = mapConfigurationItems(
    extracted.items.map((it) => it.raw),
    file.path,
    lines,
  );
  return { ...result, notes: [...extracted.notes.map((message) => ({ file: file.path, message })), ...result.notes] };
}

/**
 * Maps configuration items the caller already holds (the Backstage backend's API results: objects,
 * or the JSON strings of advanced-query rows). `lines` gives an item's line in its file when known.
 * Keeps the latest item per resource and skips deleted / unrecorded ones. Never throws.
 */
export function mapConfigurationItems(items: readonly unknown[], file: string, lines?: ReadonlyMap<number, number>): SourceResult {
  const result: SourceResult = { resources: [], errors: [], notes: [] };
  if (!Array.isArray(items)) {
    result.errors.push(new ParseError(file, 'configuration items must be a list', { format: 'aws-config' }));
    return result;
  }
  const normalized: NormalizedItem[] = [];
  items.forEach((raw, i) => {
    const item = normalizeItem(raw, i, file, lines?.get(i));
    if (item instanceof ParseError) result.errors.push(item);
    else normalized.push(item);
  });
  const { kept, notes } = latestItems(normalized, file);
  result.notes.push(...notes);
  const partial = kept.filter((i) => i.configuration === undefined || i.supplementary === undefined).length;
  if (partial > 0) {
    result.notes.push({ file, message: `${partial} configuration item(s) lack configuration or supplementaryConfiguration: their facets are unknown (select both, and tags, in advanced queries)` });
  }
  for (const item of kept) {
    try {
      result.resources.push(toResource(item, file));
    } catch (e) {
      // The mappers read untrusted JSON defensively; should one still throw, report it against the item, never crash the scan.
      result.errors.push(new ParseError(file, `internal error while mapping ${item.resourceType} item ${item.index}: ${e instanceof Error ? e.message : String(e)}`, { line: item.line, format: 'aws-config' }));
    }
  }
  return result;
}

function failed(error: ParseError): SourceResult {
  return { resources: [], errors: [error], notes: [] };
}
