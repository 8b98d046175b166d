import type { PolicyStatement, V } from '../model';
import { isUnknown } from '../model';
import { allowsAction, coversAction, coversAnyResource, isConditioned, isDeny } from './statement';
import { ESCALATION_PATHS, type EscalationPath } from './escalation-paths';
import { allOf } from './tri';

export { ESCALATION_PATHS, type EscalationPath } from './escalation-paths';

/** Anything that carries a statement (a `GrantedStatement`, a `WrittenStatement`). */
export interface HasStatement {
  statement: PolicyStatement;
}

export interface PermissionGrant<S extends HasStatement> {
  /** The action the path needs (the alternative that was found). */
  action: string;
  /** The statement that allows it. */
  by: S;
  /** The granting statement has conditions: the path may be narrower than it looks. */
  conditioned: boolean;
}

export interface EscalationMatch<S extends HasStatement> {
  path: EscalationPath;
  /** `true`: every need is allowed; `Unknown`: some need may be allowed (an unresolved value decides). */
  found: V<boolean>;
  grants: PermissionGrant<S>[];
}

/**
 * A Deny that blocks an action everywhere, whatever the request: no condition, every resource.
 * Only such Denies are honoured here (a conditioned or scoped Deny leaves the path possible).
 */
function deniedOutright(statements: readonly HasStatement[], action: string): boolean {
  return statements.some(({ statement: s }) => isDeny(s) === true && coversAction(s, action) === true && isConditioned(s) === false && coversAnyResource(s) === true);
}

/** The first statement that allows the action on some resource, or the first that may. */
function grantOf<S extends HasStatement>(statements: readonly S[], action: string): { found: V<boolean>; grant?: PermissionGrant<S> } {
  let maybe: { found: V<boolean>; grant: PermissionGrant<S> } | undefined;
  for (const s of statements) {
    const a = allowsAction(s.statement, action);
    if (a === false) continue;
    const grant = { action, by: s, conditioned: isConditioned(s.statement) !== false };
    if (a === true) return { found: true, grant };
    if (!maybe) maybe = { found: a, grant };
  }
  return maybe ?? { found: false };
}

/**
 * The escalation paths the statements (one principal's combined permissions, or one policy)
 * contain, each with the statement that grants each needed permission. Paths that are only
 * possibly present (an unresolved action or effect) are returned with `found` Unknown; absent
 * paths are not returned. Resource scoping is not used to rule a path out: `iam:PassRole` on one
 * role is still an escalation if that role is more privileged, which the input rarely shows.
 */
export function findEscalationPaths<S extends HasStatement>(statements: readonly S[], paths: readonly EscalationPath[] = ESCALATION_PATHS): EscalationMatch<S>[] {
  const out: EscalationMatch<S>[] = [];
  for (const path of paths) {
    const needs: V<boolean>[] = [];
    const grants: PermissionGrant<S>[] = [];
    for (const alternatives of path.requires) {
      let best: { found: V<boolean>; grant?: PermissionGrant<S> } = { found: false };
      for (const action of alternatives) {
        if (deniedOutright(statements, action)) continue;
        const g = grantOf(statements, action);
        if (g.found === true) {
          best = g;
          break;
        }
        if (isUnknown(g.found) && best.found === false) best = g;
      }
      needs.push(best.found);
      if (best.grant) grants.push(best.grant);
      if (best.found === false) break;
    }
    const found = allOf(needs);
    if (found !== false) out.push({ path, found, grants });
  }
  return out;
}
