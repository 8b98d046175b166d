import { jsonErrorReason } from '../terraform-plan/json-error';

/**
 * The JSON values a configuration item is made of, and the two lookups every other file needs:
 * a case-insensitive key lookup (AWS Config spells the same field `sseDescription`,
 * `sSEDescription` or `ssedescription` depending on the API and the age of the item) and the
 * lenient parse of the JSON strings that BatchGetResourceConfig and advanced queries return.
 */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The key of `o` that matches `name`: exactly when present, else ignoring case. */
export function keyOf(o: JsonObject, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(o, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(o).find((k) => k.toLowerCase() === lower);
}

/** `o[name]`, matched as `keyOf` does; undefined when absent. */
export function field(o: JsonObject, name: string): Json | undefined {
  const k = keyOf(o, name);
  return k === undefined ? undefined : o[k];
}

/** The first of several spellings that is present (`ARN` / `arn`, `awsAccountId` / `accountId`). */
export function firstField(o: JsonObject, names: readonly string[]): Json | undefined {
  for (const n of names) {
    const v = field(o, n);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** A string field, or undefined when absent, null or not a string. */
export function stringField(o: JsonObject, names: readonly string[]): string | undefined {
  const v = firstField(o, names);
  return typeof v === 'string' ? v : undefined;
}

/**
 * Parses a value that may be a JSON string (`configuration` in BatchGetResourceConfig output,
 * `supplementaryConfiguration` values, advanced-query rows). A string that is not JSON stays
 * a string: some supplementary values are plain text.
 */
export function parseMaybeJson(v: Json): { value: Json } | { error: string } {
  if (typeof v !== 'string') return { value: v };
  const t = v.trim();
  if (!(t.startsWith('{') || t.startsWith('[') || t === 'true' || t === 'false' || t === 'null' || /^-?\d/.test(t))) return { value: v };
  try {
    return { value: JSON.parse(t) as Json };
  } catch (e) {
    return { error: jsonErrorReason(e) };
  }
}
