import type { RefTarget, Resource, V } from '../../model';
import { isUnknown } from '../../model';
import type { RuleContext } from '../../rules/types';

/*
 * Who uses a KMS key: every resource whose encryption names it (tables, buckets, clusters,
 * secrets, log groups, streams, and any store an adapter gives an `encryption.keyRef`), and trails
 * through `KMSKeyId`. Aliases resolve to the key they target, as the index resolves them.
 */

const KEY = ['AWS::KMS::Key'] as const;

/** One reference to a key: the resource, and the facet path that holds it. */
export interface KeyUse {
  resource: Resource;
  path: string;
}

/** Uses that point at the key, and uses whose key cannot be read (they might point at it). */
export interface KeyUsers {
  known: KeyUse[];
  unreadable: Array<KeyUse & { reason: string }>;
}

function keyRefsOf(r: Resource): Array<{ ref: V<RefTarget>; path: string }> {
  const refs: Array<{ ref: V<RefTarget>; path: string }> = [];
  const enc = r.facets.encryption?.keyRef;
  if (enc !== undefined) refs.push({ ref: enc, path: 'encryption.keyRef' });
  const trail = r.facets.trail?.kmsKey;
  if (trail !== undefined && trail !== null) refs.push({ ref: trail, path: 'trail.kmsKey' });
  return refs;
}

/**
 * The resources of `among` that use `key`. `resolves(ref)` says whether a reference denotes the
 * key: callers resolve in the version where the key exists, which is not always the version the
 * referring resource comes from (a key removed in head is still named by head's table).
 */
export function usersOf(among: readonly Resource[], resolves: (ref: RefTarget) => boolean): KeyUsers {
  const known: KeyUse[] = [];
  const unreadable: KeyUsers['unreadable'] = [];
  for (const resource of among) {
    for (const { ref, path } of keyRefsOf(resource)) {
      if (isUnknown(ref)) unreadable.push({ resource, path, reason: ref.reason });
      else if (resolves(ref)) known.push({ resource, path });
    }
  }
  return { known, unreadable };
}

/** `resolves` for references of one version to a key of that version. */
export function resolvesIn(ctx: RuleContext, key: Resource): (ref: RefTarget) => boolean {
  return (ref) => ctx.index.resolve(ref, KEY) === key;
}

/**
 * `resolves` for references of head to a key only base defines: the reference must not denote a
 * key of head (another key of the same name or ARN), and must denote this one in base.
 */
export function resolvesAcross(base: RuleContext, head: RuleContext, key: Resource): (ref: RefTarget) => boolean {
  return (ref) => head.index.resolve(ref, KEY) === undefined && base.index.resolve(ref, KEY) === key;
}
