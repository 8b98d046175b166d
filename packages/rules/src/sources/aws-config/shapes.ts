import { field, isObject, keyOf, type Json, type JsonObject } from './json';

/** The inputs AWS Config produces that this adapter reads. */
export type ConfigShape = 'item' | 'item-list' | 'snapshot' | 'history' | 'batch-get' | 'select' | 'wrapped-item';

/** One raw item and where it sits: the root key of its array (`''` for a root array), its index there. */
export interface RawItem {
  raw: unknown;
  /** Root key of the array holding it; undefined for a root item or a wrapped one. */
  arrayKey?: string;
  position: number;
}

export interface Extracted {
  shape: ConfigShape;
  items: RawItem[];
  notes: string[];
}

/** Fields that, next to `resourceType`, mark an object as a configuration item. */
const ITEM_MARKERS = ['configuration', 'configurationItemCaptureTime', 'configurationItemStatus', 'resourceId', 'arn', 'supplementaryConfiguration'];

export function isItemLike(v: unknown): boolean {
  if (!isObject(v)) return false;
  return typeof field(v, 'resourceType') === 'string' && ITEM_MARKERS.some((m) => field(v, m) !== undefined);
}

/** An advanced-query row (a JSON string) or an object that is an item. */
function isRowLike(v: unknown): boolean {
  if (typeof v === 'string') return v.trimStart().startsWith('{');
  return isItemLike(v);
}

function arrayAt(o: JsonObject, names: readonly string[]): { key: string; list: Json[] } | undefined {
  for (const n of names) {
    const k = keyOf(o, n);
    if (k !== undefined && Array.isArray(o[k])) return { key: k, list: o[k] as Json[] };
  }
  return undefined;
}

function fromArray(shape: ConfigShape, found: { key: string; list: Json[] }, notes: string[] = []): Extracted {
  return { shape, items: found.list.map((raw, position) => ({ raw, arrayKey: found.key, position })), notes };
}

/**
 * Recognises the shape of a parsed file and lists its items. Returns undefined for JSON that is
 * none of: a single item; a list of items; a snapshot / history file delivered to S3
 * (`configSnapshotId`/`fileVersion`, `configurationItems`); GetResourceConfigHistory output
 * (`configurationItems`); BatchGetResourceConfig output (`baseConfigurationItems`); an advanced
 * query result (`Results`: JSON strings); GetAggregateResourceConfig output or a change
 * notification (`configurationItem` wrapping one item).
 */
export function extractItems(json: unknown): Extracted | undefined {
  if (Array.isArray(json)) {
    if (json.length === 0 || !json.every((x) => isObject(x) || typeof x === 'string') || !json.some(isRowLike)) return undefined;
    return fromArray('item-list', { key: '', list: json as Json[] });
  }
  if (!isObject(json)) return undefined;
  if (isItemLike(json)) return { shape: 'item', items: [{ raw: json, position: 0 }], notes: [] };

  const history = arrayAt(json, ['configurationItems']);
  const isSnapshot = field(json, 'configSnapshotId') !== undefined || field(json, 'fileVersion') !== undefined;
  if (history) return fromArray(isSnapshot ? 'snapshot' : 'history', history);
  if (typeof field(json, 'configSnapshotId') === 'string') return { shape: 'snapshot', items: [], notes: ['the snapshot holds no configurationItems'] };

  const batch = arrayAt(json, ['baseConfigurationItems']);
  if (batch) return fromArray('batch-get', batch, unprocessedNote(field(json, 'unprocessedResourceKeys')));

  const results = arrayAt(json, ['Results']);
  if (results && (isObject(field(json, 'QueryInfo')) || (results.list.length > 0 && results.list.every(isRowLike)))) {
    return fromArray('select', results);
  }

  const wrapped = field(json, 'configurationItem');
  if (isItemLike(wrapped)) return { shape: 'wrapped-item', items: [{ raw: wrapped, position: 0 }], notes: [] };
  return undefined;
}

/** BatchGetResourceConfig's `unprocessedResourceKeys`: resources AWS Config did not return this time. */
function unprocessedNote(v: Json | undefined): string[] {
  if (!Array.isArray(v) || v.length === 0) return [];
  const keys = v.filter(isObject).map((k) => `${String(field(k, 'resourceType') ?? '?')}/${String(field(k, 'resourceId') ?? '?')}`);
  const shown = keys.slice(0, 10).join(', ');
  return [`${v.length} resource(s) not processed by BatchGetResourceConfig (retry them): ${shown}${keys.length > 10 ? ', …' : ''}`];
}
