import type { ParameterMap, RefTarget, Resource, Unknown, V } from '../model';
import { isUnknown, unknown } from '../model';
import type { RuleContext } from './types';

/*
 * Parameter groups, shared by the RDS/Aurora and Redshift rules.
 * A database's settings come from a parameter group that the input may define (then we read it),
 * name as an AWS default group (`default.postgres15`: engine defaults apply), omit (the engine's
 * default group), or name without defining it (we cannot see its values: unknown).
 */
export type ParameterSource =
  | { kind: 'group'; group: Resource }
  | { kind: 'default'; name?: string }
  | { kind: 'unknown'; reason: string };

export function parameterSourceOf(ref: V<RefTarget> | undefined, types: readonly string[], ctx: RuleContext): ParameterSource {
  if (ref === undefined) return { kind: 'default' };
  if (isUnknown(ref)) return { kind: 'unknown', reason: `the parameter group is unknown (${ref.reason})` };
  const group = ctx.index.resolve(ref, types);
  if (group) return { kind: 'group', group };
  const name = ref.split(':').pop() ?? ref; // ARNs end in `:pg:<name>`, `:cluster-pg:<name>`, `:parametergroup:<name>`
  if (/^default\./.test(name)) return { kind: 'default', name };
  return { kind: 'unknown', reason: `parameter group ${ref} is not defined in this input, so its values cannot be read` };
}

/** One parameter's effective value: set in the group, or the engine default. */
export interface Setting {
  value: V<string>;
  /** Where the value comes from, for messages: "parameter group AuroraParams", "the default parameter group". */
  where: string;
  /** The value was written in the input (not an engine default). */
  explicit: boolean;
  related?: string[];
}

export function settingOf(source: ParameterSource, name: string, engineDefault: string): Setting | Unknown {
  if (source.kind === 'unknown') return unknown(source.reason);
  if (source.kind === 'default') return { value: engineDefault, where: source.name ? `default parameter group ${source.name}` : 'the default parameter group', explicit: false };
  const value = lookup(source.group.facets.database?.parameters, name);
  const where = `parameter group ${source.group.id}`;
  if (value === undefined) return { value: engineDefault, where, explicit: false, related: [source.group.id] };
  return { value, where, explicit: true, related: [source.group.id] };
}

/** Parameter names are matched case-insensitively: adapters keep them as written. */
function lookup(params: ParameterMap | undefined, name: string): V<string> | undefined {
  if (!params) return undefined;
  if (params[name] !== undefined) return params[name];
  const key = Object.keys(params).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : params[key];
}

/** Boolean parameters: PostgreSQL/SQL Server use 1/0, MySQL ON/OFF (or 1/0), Redshift true/false. */
export function isOn(value: string): boolean {
  return ['1', 'on', 'true'].includes(value.trim().toLowerCase());
}

/** "rds.force_ssl is 0 in parameter group P" / "… (not set, engine default)". */
export function describeSetting(name: string, s: Setting): string {
  return `${name} is ${String(s.value)} in ${s.where}${s.explicit ? '' : ' (not set: engine default)'}`;
}

// ---------------------------------------------------------------------------------------------

