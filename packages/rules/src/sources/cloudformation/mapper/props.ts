import type { ParameterMap, Tri, V } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import type { CfnValue } from '../types';
import { isMapValue, type CfnMap } from '../values';

/**
 * Typed access to one resource's resolved properties. Every getter that feeds a facet field
 * records `facetPaths[facet] = property path`, also when the property is absent and the AWS
 * default applies, so a finding can say which property to set.
 */
export class Props {
  readonly facetPaths: Record<string, string> = {};

  constructor(readonly values: CfnMap) {}

  /** The value at a path (`SSESpecification.KMSMasterKeyId`, `Replicas[0].Tags`); unknown parents make it unknown. */
  get(path: string): CfnValue | undefined {
    return valueAt(this.values, path);
  }

  track(facet: string, path: string): void {
    this.facetPaths[facet] = path;
  }

  bool(facet: string, path: string, dflt: boolean): Tri {
    this.track(facet, path);
    return toBool(this.get(path), dflt, path);
  }

  num(facet: string, path: string, dflt: number): V<number> {
    this.track(facet, path);
    return toNum(this.get(path), path) ?? dflt;
  }

  str(facet: string, path: string): V<string> | undefined {
    this.track(facet, path);
    return toStr(this.get(path), path);
  }

  /** A string that feeds no facet (the physical name). */
  text(path: string): V<string> | undefined {
    return toStr(this.get(path), path);
  }

  /** A list as a whole (`V<string[]>`): unknown when the list or any item is. */
  list(facet: string, path: string): V<string[]> | undefined {
    this.track(facet, path);
    return toStrList(this.get(path), path);
  }

  /** A list item by item (`V<string>[]`), for fields that keep per-item unknowns. */
  items(facet: string, path: string): V<string>[] | undefined {
    this.track(facet, path);
    return toItems(this.get(path), path);
  }

  /** A map of strings (`Parameters`, `DefaultArguments`). */
  params(facet: string, path: string): ParameterMap {
    this.track(facet, path);
    return toParamMap(this.get(path), path);
  }
}

/** Paths split into keys and indexes, once per path (the mappers ask the same few hundred). */
const segmentsOf = new Map<string, Array<string | number>>();
function segments(path: string): Array<string | number> {
  let hit = segmentsOf.get(path);
  if (!hit) {
    hit = (path.match(/[^.[\]]+|\[\d+\]/g) ?? []).map((seg) => (seg.startsWith('[') ? Number(seg.slice(1, -1)) : seg));
    if (segmentsOf.size < 10_000) segmentsOf.set(path, hit);
  }
  return hit;
}

export function valueAt(root: CfnValue, path: string): CfnValue | undefined {
  let cur: CfnValue | undefined = root;
  for (const seg of segments(path)) {
    if (cur === undefined || cur === null) return undefined;
    if (isUnknown(cur)) return cur;
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (!isMapValue(cur) || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
      cur = cur[seg];
    }
  }
  return cur;
}

/** CloudFormation accepts booleans and the strings "true"/"false". */
export function toBool(v: CfnValue | undefined, dflt: boolean, path: string): Tri {
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'boolean') return v;
  if (isUnknown(v)) return v;
  if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return unknown(`${path} is not a boolean`);
}

export function toNum(v: CfnValue | undefined, path: string): V<number> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  if (isUnknown(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return unknown(`${path} is not a number`);
}

export function toStr(v: CfnValue | undefined, path: string): V<string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isUnknown(v)) return v;
  return unknown(`${path} is not a string`);
}

export function toItems(v: CfnValue | undefined, path: string): V<string>[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (isUnknown(v)) return [v];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x, i) => toStr(x, `${path}[${i}]`) ?? unknown(`${path}[${i}] is empty`));
}

export function toStrList(v: CfnValue | undefined, path: string): V<string[]> | undefined {
  const items = toItems(v, path);
  if (items === undefined) return undefined;
  const bad = items.find(isUnknown);
  return bad ?? (items as string[]);
}

export function toParamMap(v: CfnValue | undefined, path: string): ParameterMap {
  const out: ParameterMap = {};
  if (v === undefined || v === null) return out;
  if (!isMapValue(v)) return { '*': isUnknown(v) ? v : unknown(`${path} is not a map`) };
  for (const [k, x] of Object.entries(v)) {
    const s = toStr(x, `${path}.${k}`);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** The items of a list property as maps (non-map items are skipped). */
export function mapItems(v: CfnValue | undefined): CfnMap[] {
  return Array.isArray(v) ? v.filter(isMapValue) : [];
}
