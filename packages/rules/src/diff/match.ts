import type { Resource } from '../model';
import type { ResourcePair } from './types';

/** A Terraform `moved` block: the resource at `from` in base is the one at `to` in head. */
export interface Move {
  /** Directory of the module that declares it (moves are module-local). */
  dir: string;
  from: string;
  to: string;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i);
}

/**
 * The identity of a resource across versions. Terraform: module directory + address (a resource
 * may move between files of a module); CDK: the construct path (logical ids are hashes that
 * change when the tree is refactored); CloudFormation and plans: file + logical id / address;
 * AWS Config: the ARN.
 */
export function matchKey(r: Resource): string {
  const loc = r.location;
  switch (loc.format) {
    case 'terraform':
      return `tf:${dirOf(loc.file)}:${r.id}`;
    case 'cdk':
      return loc.constructPath ? `cdk:${loc.constructPath}` : `cdk:${loc.file}:${r.id}`;
    case 'aws-config':
      return `config:${r.id}`;
    default:
      return `${loc.format}:${loc.file}:${r.id}`;
  }
}

/** Facets and tags as comparable values: location and line numbers are not part of a change. */
function content(r: Resource): unknown[] {
  return [r.type, r.name ?? null, r.tags, r.tagsUnknown ?? null, r.facets];
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  if (Array.isArray(v)) return proto === Array.prototype;
  return (proto === Object.prototype || proto === null) && !('toJSON' in v);
}

/** Values `JSON.stringify` leaves out of an object. */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Whether two facet values hold the same content, as `JSON.stringify` would write it — except
 * that the order of a map's keys does not matter (the same facts listed in another order are no
 * change). Plain maps and lists are walked without building texts or key lists (every resource
 * pair of a diff is compared); anything else (numbers that are not finite, class instances,
 * `toJSON`, mixed types) is compared by its text.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b && (typeof a !== 'number' || Number.isFinite(a))) return true;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (typeof a === 'number' && typeof b === 'number' && Number.isFinite(a) && Number.isFinite(b)) return a === b;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && isPlain(a) && isPlain(b)) {
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
      return true;
    }
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    let count = 0;
    for (const k in ao) {
      if (!hasOwn(ao, k) || omitted(ao[k])) continue;
      count++;
      if (!hasOwn(bo, k) || omitted(bo[k]) || !sameJson(ao[k], bo[k])) return false;
    }
    for (const k in bo) if (hasOwn(bo, k) && !omitted(bo[k])) count--;
    return count === 0;
  }
  return JSON.stringify([a]) === JSON.stringify([b]);
}

/**
 * Pairs the resources of two versions. A head resource that a `moved` block says came from a
 * base address is matched to it; the same key with another type or another known physical name is
 * `replaced` (the cloud will destroy and recreate it).
 */
export function matchResources(base: readonly Resource[], head: readonly Resource[], moves: readonly Move[] = []): ResourcePair[] {
  const baseByKey = new Map<string, Resource>();
  for (const r of base) if (!baseByKey.has(matchKey(r))) baseByKey.set(matchKey(r), r);
  const renamed = new Map(moves.map((m) => [`tf:${m.dir}:${m.to}`, `tf:${m.dir}:${m.from}`]));
  const pairs: ResourcePair[] = [];
  const seen = new Set<string>();
  for (const h of head) {
    const key = matchKey(h);
    if (seen.has(key)) continue;
    seen.add(key);
    const baseKey = baseByKey.has(key) ? key : (renamed.get(key) ?? key);
    const b = baseByKey.get(baseKey);
    if (b) seen.add(baseKey);
    pairs.push({ key, base: b, head: h, change: changeOf(b, h) });
  }
  for (const [key, b] of baseByKey) if (!seen.has(key)) pairs.push({ key, base: b, change: 'removed' });
  return pairs;
}

function changeOf(b: Resource | undefined, h: Resource): ResourcePair['change'] {
  if (!b) return 'added';
  if (b.type !== h.type) return 'replaced';
  if (typeof b.name === 'string' && typeof h.name === 'string' && b.name !== h.name) return 'replaced';
  return sameJson(content(b), content(h)) ? 'unchanged' : 'modified';
}
