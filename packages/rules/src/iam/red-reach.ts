import type { Resource } from '../model';
import type { ResourceIndex } from '../engine/resource-index';
import type { Level } from '../classify/classify';
import { DATA_RESOURCE_TYPES } from '../classify/classify';
import { isAnyResource, resourcePatternMatches, splitArn } from './resource-pattern';
import { globMatches, hasWildcard } from './wildcard';

/**
 * Whether a resource pattern of a new grant may reach red data of the input — the approval
 * policy's "new Read access to red data needs approval". A reference or an ARN that names a red
 * resource does; `*`, "everything except …" and a wildcard ARN do when some red resource of the
 * action's service could match (a red resource without a known ARN counts when the pattern's
 * service is its service: we cannot rule it out). A resource outside the input is not known red.
 */
export interface LevelLookup {
  index: ResourceIndex;
  level(resource: Resource): Level | undefined;
}

const redByIndex = new WeakMap<ResourceIndex, Resource[]>();

function redResources(ctx: LevelLookup): Resource[] {
  let hit = redByIndex.get(ctx.index);
  if (!hit) {
    hit = ctx.index.ofType(...DATA_RESOURCE_TYPES).filter((r) => ctx.level(r) === 'red');
    redByIndex.set(ctx.index, hit);
  }
  return hit;
}

/** `AWS::DynamoDB::Table` → `dynamodb`; the data APIs (`rds-data`, `redshift-data`) count as their service. */
function sameService(type: string, service: string): boolean {
  const t = (type.split('::')[1] ?? '').toLowerCase();
  const s = service.toLowerCase().replace(/-/g, '');
  return s === t || s.startsWith(t) || (t === 'redshiftserverless' && s.startsWith('redshift'));
}

export function mayReachRed(pattern: string, service: string, ctx: LevelLookup): boolean {
  const reds = redResources(ctx);
  if (reds.length === 0) return false;
  const candidates = reds.filter((r) => sameService(r.type, service));
  if (pattern.startsWith('everything except') || isAnyResource(pattern)) return candidates.length > 0;
  for (const m of pattern.matchAll(/\$\{[^}]+\}/g)) {
    const r = ctx.index.resolve(m[0]);
    if (r && reds.includes(r)) return true;
  }
  // `${Bucket.Arn}/*`: anchored on one resource of the input, it reaches nothing else.
  if (/^\$\{[^}]+\}/.test(pattern) && ctx.index.resolve(/^\$\{[^}]+\}/.exec(pattern)?.[0])) return false;
  if (!hasWildcard(pattern)) {
    // `arn:aws:s3:::raw/key` names the bucket `raw`; `…:table/orders/index/x` the table.
    for (const ref of [pattern, pattern.replace(/^(arn:[^:]*:s3:::[^/]+)\/.*$/, '$1'), pattern.replace(/\/(index|stream)\/.*$/, '')]) {
      const r = ctx.index.resolve(ref);
      if (r && reds.includes(r)) return true;
    }
    return false;
  }
  const arn = splitArn(pattern);
  return candidates.some((r) => {
    if (r.arn) return resourcePatternMatches(pattern, r.arn);
    return !arn || globMatches(arn.service, (r.type.split('::')[1] ?? '').toLowerCase(), true);
  });
}
