import type { AtRest, EncryptionFacet, ParameterMap, Tri, V } from '../../model';
import { isUnknown, unknown } from '../../model';
import type { TfValue } from './types';
import { blocks, getPath, isReference, toBool, toNum, toStr, toStrItems, toStrList, toStrMap, type TfObject } from './values';

/**
 * Reads the attributes of one Terraform resource for the facet mappers and records, for every
 * facet field it fills, the attribute path that holds the setting (`facetPaths`), so findings
 * name the attribute as the user writes it — also when the attribute is absent and the AWS
 * default applies (the finding then says which attribute to add).
 */
export class TfReader {
  readonly facetPaths: Record<string, string> = {};

  constructor(
    readonly address: string,
    readonly type: string,
    readonly values: TfObject,
  ) {}

  raw(path: string): TfValue | undefined {
    return getPath(this.values, path);
  }

  /** The attribute is set (not absent, not null). */
  has(path: string): boolean {
    const v = this.raw(path);
    return v !== undefined && v !== null;
  }

  mark(facet: string, path: string): void {
    this.facetPaths[facet] = path;
  }

  bool(facet: string, path: string, dflt: boolean): Tri {
    this.mark(facet, path);
    return toBool(this.raw(path), path) ?? dflt;
  }

  num(facet: string, path: string, dflt: number): V<number> {
    this.mark(facet, path);
    return toNum(this.raw(path), path) ?? dflt;
  }

  /** A string attribute, or undefined when absent (no facet path recorded then). */
  str(facet: string | undefined, path: string): V<string> | undefined {
    const v = toStr(this.raw(path), path);
    if (v !== undefined && facet) this.mark(facet, path);
    return v;
  }

  strOr(facet: string, path: string, dflt: string): V<string> {
    this.mark(facet, path);
    return toStr(this.raw(path), path) ?? dflt;
  }

  strList(facet: string, path: string): V<string[]> {
    this.mark(facet, path);
    return toStrList(this.raw(path), path) ?? [];
  }

  /** List of references/names with per-element unknowns (`managedPolicies`, `attachedTo`). */
  items(facet: string | undefined, path: string): V<string>[] {
    if (facet) this.mark(facet, path);
    const v = toStrItems(this.raw(path), path);
    if (v === undefined) return [];
    return isUnknown(v) ? [v] : v;
  }

  /** A map of strings as a ParameterMap; an unknown map becomes one `*` entry carrying the reason. */
  map(facet: string, path: string): ParameterMap {
    this.mark(facet, path);
    return paramMap(toStrMap(this.raw(path), path));
  }

  blocks(path: string): TfObject[] {
    return blocks(this.raw(path));
  }
}

export function paramMap(m: V<Record<string, V<string>>> | undefined): ParameterMap {
  if (m === undefined) return {};
  if (isUnknown(m)) return { '*': m };
  return m;
}

/** `parameter { name, value }` blocks → ParameterMap (parameter groups, workgroup config). */
export function parameterBlocks(list: TfObject[], nameKey: string, valueKey: string, what: string): ParameterMap {
  const out: ParameterMap = {};
  for (const b of list) {
    const name = toStr(b[nameKey], `${what}.${nameKey}`);
    if (typeof name !== 'string') continue;
    out[name] = toStr(b[valueKey], `${what}.${valueKey}`) ?? unknown(`${what} ${name} has no value`);
  }
  return out;
}

const AWS_MANAGED_ALIAS = /^(arn:[^:]+:kms:[^:]*:[^:]*:)?alias\/aws\//;

/**
 * Encryption from a key attribute: no key ⇒ `noKey`; an `alias/aws/<service>` key ⇒ aws-managed;
 * any other key id, ARN, alias or reference ⇒ cmk with keyRef; an unknown key ⇒ unknown.
 */
export function encryptionFromKey(key: V<string> | undefined, noKey: AtRest, path: string): EncryptionFacet {
  if (key === undefined || key === '') return { atRest: noKey, path };
  if (isUnknown(key)) return { atRest: unknown(`KMS key: ${key.reason}`), keyRef: key, path };
  return { atRest: AWS_MANAGED_ALIAS.test(key) ? 'aws-managed' : 'cmk', keyRef: key, path };
}

/**
 * Whether a secret attribute holds a literal written in the code: a plain string ⇒ true; absent,
 * empty or a whole reference (`${aws_secretsmanager_secret_version.x.secret_string}`,
 * `${random_password.p.result}`) ⇒ false; a value we cannot see ⇒ unknown.
 */
export function literalSecret(v: TfValue | undefined, what: string): Tri {
  if (v === undefined || v === null || v === '') return false;
  if (isUnknown(v)) return v;
  if (typeof v !== 'string') return typeof v === 'number' ? true : unknown(`${what} is not a string`);
  if (isReference(v)) return false;
  if (v.includes('${')) return jsonSecret(v) ?? unknown(`${what} mixes text and references`);
  return true;
}

const SECRET_FIELD = /pass(word)?|secret|token|credential|private_?key/i;

/**
 * A JSON object holding references (`jsonencode({ username = "etl", password = random_password.p.result })`):
 * decided by its password-like fields — a literal in one is a password in the code, references in
 * all of them are not. Undefined when the text is not such an object.
 */
function jsonSecret(v: string): Tri | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const fields = Object.entries(parsed as Record<string, unknown>).filter(([k]) => SECRET_FIELD.test(k));
  if (fields.length === 0) return undefined;
  if (fields.some(([, x]) => typeof x === 'number' || (typeof x === 'string' && x !== '' && !x.includes('${')))) return true;
  if (fields.every(([, x]) => typeof x === 'string' && isReference(x))) return false;
  return undefined;
}
