import { ParseError } from '../../model';
import { field, firstField, isObject, parseMaybeJson, stringField, type Json, type JsonObject } from './json';

/**
 * A configuration item as AWS Config hands it out, in any of its spellings: the API casing of
 * `GetResourceConfigHistory` / `BatchGetResourceConfig` / advanced queries (`arn`, `accountId`,
 * `configuration` possibly a JSON string) and the casing of snapshot and history files delivered
 * to S3 (`ARN`, `awsAccountId`, `configurationItemVersion`). Only the fields this adapter reads.
 */
export interface ConfigurationItem {
  resourceType?: string;
  resourceId?: string;
  resourceName?: string;
  arn?: string;
  ARN?: string;
  accountId?: string;
  awsAccountId?: string;
  awsRegion?: string;
  configurationItemCaptureTime?: string;
  configurationItemStatus?: string;
  configurationItemVersion?: string;
  version?: string;
  /** An object, or a JSON string (BatchGetResourceConfig, advanced queries). */
  configuration?: Record<string, unknown> | string | null;
  /** Values are objects or JSON strings (BatchGetResourceConfig). */
  supplementaryConfiguration?: Record<string, unknown>;
  /** A map (snapshots, history) or a list of `{key, value}` (advanced queries). */
  tags?: Record<string, string> | Array<{ key?: string; value?: string; Key?: string; Value?: string }>;
  relationships?: Array<{ resourceType?: string; resourceId?: string; resourceName?: string; relationshipName?: string }>;
}

/** A configuration item in one spelling, JSON strings parsed. */
export interface NormalizedItem {
  index: number;
  line?: number;
  resourceType: string;
  resourceId?: string;
  resourceName?: string;
  arn?: string;
  accountId?: string;
  region?: string;
  captureTime?: string;
  status?: string;
  /** `undefined` when the item does not carry the field at all (an advanced query that did not select it). */
  configuration?: JsonObject;
  supplementary?: JsonObject;
  tags: Record<string, string>;
  relationships: JsonObject[];
}

/** Reads one raw item (object or, for advanced-query rows, a JSON string) into a `NormalizedItem`. */
export function normalizeItem(raw: unknown, index: number, file: string, line: number | undefined): NormalizedItem | ParseError {
  const at = { line, format: 'aws-config' as const };
  let value = raw as Json;
  if (typeof value === 'string') {
    const parsed = parseMaybeJson(value);
    if ('error' in parsed) return new ParseError(file, `item ${index} is a string that is not valid JSON (${parsed.error})`, at);
    value = parsed.value;
  }
  if (!isObject(value)) return new ParseError(file, `item ${index} is not a configuration item (expected an object)`, at);
  const resourceType = stringField(value, ['resourceType']);
  if (resourceType === undefined || resourceType === '') return new ParseError(file, `item ${index} has no resourceType`, at);

  const configuration = objectOrJson(field(value, 'configuration'));
  if (typeof configuration === 'string') return new ParseError(file, `item ${index} (${resourceType}): configuration is not valid JSON (${configuration})`, at);
  const supplementary = supplementaryOf(field(value, 'supplementaryConfiguration'));
  if (typeof supplementary === 'string') return new ParseError(file, `item ${index} (${resourceType}): supplementaryConfiguration is not valid JSON (${supplementary})`, at);

  const relationships = field(value, 'relationships');
  return {
    index,
    line,
    resourceType,
    resourceId: scalarString(firstField(value, ['resourceId'])),
    resourceName: scalarString(firstField(value, ['resourceName'])),
    arn: stringField(value, ['ARN', 'arn']),
    accountId: scalarString(firstField(value, ['awsAccountId', 'accountId'])),
    region: stringField(value, ['awsRegion']),
    captureTime: stringField(value, ['configurationItemCaptureTime']),
    status: stringField(value, ['configurationItemStatus']),
    configuration,
    supplementary,
    tags: tagsOf(field(value, 'tags')),
    relationships: Array.isArray(relationships) ? relationships.filter(isObject) : [],
  };
}

/** Account ids and resource ids are strings, but a hand-written file may hold a number. */
function scalarString(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** An object, undefined when absent/null, or the parse error message of a broken JSON string. */
function objectOrJson(v: Json | undefined): JsonObject | undefined | string {
  if (v === undefined || v === null) return undefined;
  const parsed = parseMaybeJson(v);
  if ('error' in parsed) return parsed.error;
  if (parsed.value === null) return undefined;
  return isObject(parsed.value) ? parsed.value : 'not a JSON object';
}

/** Supplementary configuration with each value parsed when it is a JSON string (BatchGetResourceConfig). */
function supplementaryOf(v: Json | undefined): JsonObject | undefined | string {
  const obj = objectOrJson(v);
  if (obj === undefined || typeof obj === 'string') return obj;
  const out: JsonObject = {};
  for (const [k, raw] of Object.entries(obj)) {
    if (k === '__proto__') continue;
    const parsed = parseMaybeJson(raw);
    // A value that looks like JSON but is not stays as written: some values are plain text.
    out[k] = 'error' in parsed ? raw : parsed.value;
  }
  return out;
}

/** Tags as a map (snapshots, history) or a `[{key, value}]` list (advanced queries, `tag` = "key=value"). */
function tagsOf(v: Json | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(v)) {
    for (const [k, val] of Object.entries(v)) if (typeof val === 'string' && k !== '__proto__') out[k] = val;
  } else if (Array.isArray(v)) {
    for (const t of v) {
      if (!isObject(t)) continue;
      const key = stringField(t, ['key']);
      const val = stringField(t, ['value']);
      if (key !== undefined && key !== '__proto__') out[key] = val ?? '';
    }
  }
  return out;
}
