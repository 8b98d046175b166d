import type { PolicyStatement, V } from '../model';
import { isUnknown } from '../model';
import { expandActionPattern, matchesAction } from './catalog';
import { hasWildcard } from './wildcard';
import { coversAction } from './statement';
import { anyOf } from './tri';

/**
 * The data services Pillarguard guards (DESIGN.md), as IAM service prefixes: an identity that can
 * act on these can touch the data.
 */
export const DATA_SERVICES: readonly string[] = ['dynamodb', 'redshift', 'redshift-data', 'redshift-serverless', 'rds', 'rds-data', 'rds-db', 'glue', 'lakeformation', 's3', 'kms', 'secretsmanager', 'athena'];

/** The `service:*` wildcards RULES.md names for `iam.service-wildcard` (plus the Redshift/RDS data APIs). */
export const WILDCARD_WATCHED_SERVICES: readonly string[] = ['dynamodb', 'redshift', 'redshift-data', 'redshift-serverless', 'glue', 'rds', 'rds-data', 'kms', 's3', 'lakeformation', 'secretsmanager'];

let dataActions: string[] | undefined;

/** Every catalog action of the data services. */
export function dataServiceActions(): readonly string[] {
  if (!dataActions) dataActions = DATA_SERVICES.flatMap((s) => expandActionPattern(`${s}:*`).actions);
  return dataActions;
}

export function serviceOf(action: string): string {
  return action.slice(0, action.indexOf(':')).toLowerCase();
}

/** Whether the statement's Action/NotAction covers at least one data-service action (Effect and resources aside). */
export function coversDataServiceAction(stmt: PolicyStatement): V<boolean> {
  if (!stmt.notActions) {
    // "some action is matched by some pattern" = "some pattern matches some action": judge each
    // pattern once (memoised) instead of every catalog action against every statement.
    return anyOf((stmt.actions ?? []).map((p) => (isUnknown(p) ? p : patternCoversDataAction(p))));
  }
  // A generator, so the first covered action ends the scan.
  function* each(): Generator<V<boolean>> {
    for (const a of dataServiceActions()) yield coversAction(stmt, a);
  }
  return anyOf(each());
}

const patternMemo = new Map<string, boolean>();

function patternCoversDataAction(pattern: string): boolean {
  const colon = pattern.indexOf(':');
  const service = colon < 0 ? pattern : pattern.slice(0, colon);
  if (!hasWildcard(service) && !DATA_SERVICES.includes(service.toLowerCase())) return false;
  let hit = patternMemo.get(pattern);
  if (hit === undefined) {
    hit = dataServiceActions().some((a) => matchesAction(pattern, a));
    patternMemo.set(pattern, hit);
  }
  return hit;
}
