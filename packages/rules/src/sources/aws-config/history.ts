import type { SourceResult } from '../../model';
import type { NormalizedItem } from './item';

/** Statuses of items that describe no live resource: the resource is gone, or Config stopped recording it. */
export const SKIPPED_STATUSES: ReadonlySet<string> = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded', 'ResourceNotRecorded']);

/** Same resource across items of a history: account, region, type and id (ARN or name when the id is missing). */
function identity(item: NormalizedItem): string {
  const id = item.resourceId ?? item.arn ?? item.resourceName ?? `#${item.index}`;
  return [item.accountId ?? '', item.region ?? '', item.resourceType, id].join('|');
}

/** True when `b` is a newer state than `a`. Times are ISO 8601; without both, the later position in the file wins. */
function newer(a: NormalizedItem, b: NormalizedItem): boolean {
  const ta = a.captureTime === undefined ? NaN : Date.parse(a.captureTime);
  const tb = b.captureTime === undefined ? NaN : Date.parse(b.captureTime);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return tb > ta;
  if (Number.isNaN(ta) !== Number.isNaN(tb)) return !Number.isNaN(tb);
  return b.index > a.index;
}

/**
 * Keeps the latest item of every resource (a history file or GetResourceConfigHistory output holds
 * several), then drops resources whose latest state is deleted or not recorded, with a note each.
 */
export function latestItems(items: readonly NormalizedItem[], file: string): { kept: NormalizedItem[]; notes: SourceResult['notes'] } {
  const latest = new Map<string, NormalizedItem>();
  for (const item of items) {
    const key = identity(item);
    const seen = latest.get(key);
    if (!seen || newer(seen, item)) latest.set(key, item);
  }
  const notes: SourceResult['notes'] = [];
  const superseded = items.length - latest.size;
  if (superseded > 0) notes.push({ file, message: `${superseded} older configuration item(s) superseded by a newer item of the same resource` });
  const kept: NormalizedItem[] = [];
  for (const item of [...latest.values()].sort((a, b) => a.index - b.index)) {
    if (item.status !== undefined && SKIPPED_STATUSES.has(item.status)) {
      const who = item.arn ?? `${item.resourceType}/${item.resourceId ?? item.resourceName ?? '?'}`;
      notes.push({ file, line: item.line, message: `${who} skipped: its latest configuration item is ${item.status}` });
    } else kept.push(item);
  }
  return { kept, notes };
}
