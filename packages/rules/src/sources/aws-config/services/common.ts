import type { Tri, V } from '../../../model';
import { isUnknown } from '../../../model';
import type { ItemReader } from '../reader';

/**
 * A status string read as a boolean: `ENABLED` / `Enabled` ⇒ true, any other known value ⇒ false,
 * absent ⇒ `dflt` (the API omits what is off). Config records many switches this way
 * (`pointInTimeRecoveryStatus`, `BucketVersioningConfiguration.status`).
 */
export function statusFlag(r: ItemReader, facet: string, path: string, on: readonly string[], dflt: boolean): Tri {
  const v = r.str(facet, path);
  if (v === undefined) return dflt;
  if (isUnknown(v)) return v;
  return on.some((x) => x.toLowerCase() === v.toLowerCase());
}

/** Lower-cased list (log export names, engines), unknown kept. */
export function lowerList(v: V<string[]>): V<string[]> {
  return isUnknown(v) ? v : v.map((x) => x.toLowerCase());
}

export function lower(v: V<string> | undefined): V<string> | undefined {
  return v === undefined || isUnknown(v) ? v : v.toLowerCase();
}

/** A reference read from the item; absent stays absent so the facet says "none" rather than "unknown". */
export function optional<K extends string, T>(key: K, v: T | undefined): { [P in K]?: T } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: T };
}

/** The first element of a list of names, as a reference (`clusterParameterGroups[0].parameterGroupName`). */
export function firstName(r: ItemReader, facet: string, listPath: string, key: string): V<string> | undefined {
  const names = r.strList(undefined, listPath, key);
  if (isUnknown(names)) return names;
  if (names.length === 0) return undefined;
  r.mark(facet, `${listPath}.0.${key}`);
  return names[0];
}

/** True when the item carries a value at `path` (e.g. `masterUserSecret` ⇒ managed password); unknown when the section is missing. */
export function present(r: ItemReader, facet: string, path: string): Tri {
  const found = r.get(path);
  r.mark(facet, path);
  if (found.missing) return found.missing;
  return found.value !== undefined && found.value !== null && found.value !== '';
}
