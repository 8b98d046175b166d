import type { AtRest, EncryptionFacet, Resource, Tri, V } from '../../../model';
import { isUnknown, unknown } from '../../../model';
import { isDeployTimeInput } from '../reasons';
import type { CfnValue } from '../types';
import { isMapValue } from '../values';
import { toStr } from './props';

/** A key given as `alias/aws/<service>` (or its ARN) is the AWS-managed key. */
export function isAwsManagedKey(key: string): boolean {
  return /(^|:)alias\/aws\//.test(key);
}

/**
 * Encryption from a key property: no key ⇒ `noKey` (the service default); `alias/aws/…` ⇒
 * aws-managed; any other key id, ARN, alias or reference ⇒ cmk. An unresolved key is unknown.
 */
export function keyEncryption(key: V<string> | undefined, noKey: AtRest, path: string): EncryptionFacet {
  if (key === undefined) return { atRest: noKey, path };
  if (isUnknown(key)) return { atRest: unknown(`encryption key: ${key.reason}`), keyRef: key, path };
  return { atRest: isAwsManagedKey(key) ? 'aws-managed' : 'cmk', keyRef: key, path };
}

/** `{{resolve:secretsmanager:…}}` / `{{resolve:ssm-secure:…}}` and other dynamic references. */
export function isDynamicReference(s: string): boolean {
  return /\{\{resolve:(secretsmanager|ssm-secure|ssm):/.test(s);
}

/** A string that is exactly one reference to another resource (`${DbSecret}`, `${DbSecret.Arn}`). */
export function isResourceReference(s: string): boolean {
  return /^\$\{[A-Za-z0-9]+(\.[A-Za-z0-9.]+)?\}$/.test(s.trim());
}

/**
 * Whether a secret value is written into the template: a literal string (also a parameter's literal
 * default) is; a dynamic reference, a reference to a resource, or a value supplied at deploy time
 * is not. An unknown for another reason (an undecidable condition) stays unknown.
 */
export function plaintextSecret(v: CfnValue | undefined): Tri {
  if (v === undefined || v === null) return false;
  if (isUnknown(v)) return isDeployTimeInput(v) ? false : v;
  if (typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  if (v.trim() === '' || isDynamicReference(v) || isResourceReference(v)) return false;
  return true;
}

/** Tags as a list of `{Key, Value}` or as a map, whichever the type uses. */
export function readTags(v: CfnValue | undefined): Pick<Resource, 'tags' | 'tagsUnknown'> {
  const tags: Record<string, V<string>> = {};
  if (v === undefined || v === null) return { tags };
  if (isUnknown(v)) return { tags, tagsUnknown: v.reason };
  let unreadable: string | undefined;
  if (Array.isArray(v)) {
    v.forEach((item, i) => {
      if (!isMapValue(item)) {
        unreadable ??= isUnknown(item) ? item.reason : `Tags[${i}] is not a {Key, Value} map`;
        return;
      }
      const key = toStr(item.Key, `Tags[${i}].Key`);
      if (key === undefined || isUnknown(key)) {
        unreadable ??= key === undefined ? `Tags[${i}] has no Key` : key.reason;
        return;
      }
      tags[key] = toStr(item.Value, `Tags[${i}].Value`) ?? '';
    });
  } else if (isMapValue(v)) {
    for (const [k, x] of Object.entries(v)) tags[k] = toStr(x, `Tags.${k}`) ?? '';
  } else unreadable = 'Tags is neither a list nor a map';
  return unreadable ? { tags, tagsUnknown: unreadable } : { tags };
}
