import { isUnknown } from '../../model';
import type { ParameterInfo } from './template-context';
import type { CfnValue } from './types';
import { isMapValue, type CfnMap } from './values';
import type { Pos } from './yaml-tree';

/** A structural problem in a template, with the position of the offending key. */
export interface SectionProblem {
  message: string;
  pos?: Pos;
}

/** A section (`Parameters`, `Mappings`, …) that must be a map when present. */
export function mapSection(root: CfnMap, name: string, posOf: (key: string) => Pos | undefined, problems: SectionProblem[]): CfnMap {
  const v = root[name];
  if (v === undefined || v === null) return {};
  if (isMapValue(v)) return v;
  problems.push({ message: `${name} must be a map of names to definitions`, pos: posOf(name) });
  return {};
}

/** Reads `Parameters`: type, default (or the value given by the caller), NoEcho. */
export function readParameters(section: CfnMap, given: Record<string, string> | undefined, posOf: (key: string) => Pos | undefined, problems: SectionProblem[]): Map<string, ParameterInfo> {
  const out = new Map<string, ParameterInfo>();
  for (const [name, def] of Object.entries(section)) {
    if (!isMapValue(def)) {
      problems.push({ message: `parameter ${name} must be a map with a Type`, pos: posOf(name) });
      continue;
    }
    const type = typeof def.Type === 'string' ? def.Type : 'String';
    const noEcho = def.NoEcho === true || def.NoEcho === 'true';
    const provided = given && Object.prototype.hasOwnProperty.call(given, name) ? given[name] : undefined;
    const fallback = scalarText(def.Default);
    out.set(name, { type, value: provided ?? fallback, fromDefault: provided === undefined && fallback !== undefined, noEcho });
  }
  return out;
}

/** A default as text: CloudFormation parameter values are strings (lists comma-joined). */
function scalarText(v: CfnValue | undefined): string | undefined {
  if (v === undefined || v === null || isUnknown(v)) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(',');
  return undefined;
}
