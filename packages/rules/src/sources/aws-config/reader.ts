import type { AtRest, EncryptionFacet, PolicyDocument, Tri, Unknown, V } from '../../model';
import { isUnknown, unknown } from '../../model';
import { normalizePolicy } from '../../iam/normalize';
import type { NormalizedItem } from './item';
import { isObject, keyOf, parseMaybeJson, type Json } from './json';

/** A value looked up in an item, with the path as the item spells it. */
export interface Lookup {
  value: Json | undefined;
  /** `configuration.ssedescription.kmsmasterKeyArn`: the keys as found, the asked-for names past the first missing one. */
  path: string;
  /** Set when the item lacks the whole `configuration` / `supplementaryConfiguration` (an advanced query that did not select it). */
  missing?: Unknown;
}

/**
 * Reads facet values out of one configuration item. Paths start with `configuration` or
 * `supplementaryConfiguration`; keys match case-insensitively. The two rules the adapter keeps:
 * a field the item does not carry takes the AWS default (Config writes what the API describes,
 * and the API omits defaults), while a whole section the item does not carry, or a value of the
 * wrong type, is `Unknown` — never a default that could pass a check. Every read records the
 * facet → source path in `facetPaths` so findings name the field.
 */
export class ItemReader {
  readonly facetPaths: Record<string, string> = {};

  constructor(readonly item: NormalizedItem) {}

  get(path: string): Lookup {
    const [root, ...segments] = path.split('.');
    let cur: Json | undefined = root === 'configuration' ? this.item.configuration : root === 'supplementaryConfiguration' ? this.item.supplementary : undefined;
    if (cur === undefined) return { value: undefined, path, missing: unknown(`the configuration item does not include ${root}`) };
    const out = [root];
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      if (typeof cur === 'string') {
        // A nested JSON string (a supplementary value of an older snapshot): read through it.
        const parsed = parseMaybeJson(cur);
        cur = 'error' in parsed ? undefined : parsed.value;
      }
      if (Array.isArray(cur) && /^\d+$/.test(seg)) {
        out[out.length - 1] += `[${seg}]`;
        cur = cur[Number(seg)];
      } else if (isObject(cur)) {
        const k = keyOf(cur, seg);
        out.push(k ?? seg);
        cur = k === undefined ? undefined : cur[k];
      } else {
        out.push(seg);
        cur = undefined;
      }
      if (cur === undefined) {
        const rest = segments.slice(i + 1);
        return { value: undefined, path: [...out, ...rest].join('.') };
      }
    }
    return { value: cur, path: out.join('.') };
  }

  mark(facet: string | undefined, path: string): string {
    const actual = this.get(path).path;
    if (facet !== undefined) this.facetPaths[facet] = actual;
    return actual;
  }

  /** Raw value; `null` counts as absent (Config writes `null` for unset fields). */
  raw(path: string): Json | undefined {
    const v = this.get(path).value;
    return v === null ? undefined : v;
  }

  has(path: string): boolean {
    return this.raw(path) !== undefined;
  }

  bool(facet: string | undefined, path: string, dflt: boolean): Tri {
    const { value, path: at, missing } = this.lookup(facet, path);
    if (missing) return missing;
    if (value === undefined || value === null) return dflt;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
    return unknown(`${at} is ${JSON.stringify(value)}, not a boolean`);
  }

  num(facet: string | undefined, path: string, dflt: number): V<number> {
    const { value, path: at, missing } = this.lookup(facet, path);
    if (missing) return missing;
    if (value === undefined || value === null) return dflt;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
    return unknown(`${at} is ${JSON.stringify(value)}, not a number`);
  }

  /** A string; undefined when absent, null or empty. */
  str(facet: string | undefined, path: string): V<string> | undefined {
    const { value, path: at, missing } = this.lookup(facet, path);
    if (missing) return missing;
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return unknown(`${at} is not a string`);
  }

  strOr(facet: string | undefined, path: string, dflt: string): V<string> {
    return this.str(facet, path) ?? dflt;
  }

  /** A list; absent ⇒ empty; a single value ⇒ a list of one. */
  list(facet: string | undefined, path: string): Json[] | Unknown {
    const { value, missing } = this.lookup(facet, path);
    if (missing) return missing;
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
  }

  /** A list of strings, or of objects whose `key` field is the string (`[{vpcSecurityGroupId}]`). */
  strList(facet: string | undefined, path: string, key?: string): V<string[]> {
    const items = this.list(facet, path);
    if (isUnknown(items)) return items;
    const out: string[] = [];
    for (const x of items) {
      const v = key !== undefined && isObject(x) ? x[keyOf(x, key) ?? key] : x;
      if (typeof v === 'string' && v !== '') out.push(v);
    }
    return out;
  }

  /** A policy document (object, JSON string or URL-encoded JSON string). */
  policy(facet: string | undefined, path: string): PolicyDocument {
    const { value, path: at, missing } = this.lookup(facet, path);
    if (missing) return { statements: [], unknownReason: missing.reason };
    return normalizePolicy(value ?? undefined, at);
  }

  private lookup(facet: string | undefined, path: string): Lookup {
    const found = this.get(path);
    if (facet !== undefined) this.facetPaths[facet] = found.path;
    return found;
  }
}

/** AWS-managed key aliases (`alias/aws/s3`, also inside an alias ARN). */
export function isAwsManagedAlias(key: string): boolean {
  return /(^|:)alias\/aws\//.test(key);
}

/**
 * Encryption from the key a resource names: no key ⇒ `whenNoKey`; an `alias/aws/*` ⇒ aws-managed;
 * anything else ⇒ cmk. Config lists keys by ARN even for AWS-managed ones: rules look the ARN up and
 * use the key item's `keyManager` (see MAPPING.md).
 */
export function encryptionFromKey(key: V<string> | undefined, whenNoKey: AtRest, path: string): EncryptionFacet {
  if (key === undefined) return { atRest: whenNoKey, path };
  if (isUnknown(key)) return { atRest: key, keyRef: key, path };
  return { atRest: isAwsManagedAlias(key) ? 'aws-managed' : 'cmk', keyRef: key, path };
}
