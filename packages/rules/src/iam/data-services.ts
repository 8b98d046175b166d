import type { PolicyStatement, V } from '../model';
import { expandActionPattern } from './catalog';
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
  // A generator, so the first covered action ends the scan.
  function* each(): Generator<V<boolean>> {
    for (const a of dataServiceActions()) yield coversAction(stmt, a);
  }
  return anyOf(each());
}
