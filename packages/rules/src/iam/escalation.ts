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

/**
 * Whether a statement grants beyond named resources: a wildcard in Resource, a NotResource, or
 * no resource element at all. Unresolved resources may be broad.
 */
function grantsBroadly(s: PolicyStatement): V<boolean> {
  if (s.notResources || !s.resources) return true;
  if (s.resources.some((r) => !isUnknown(r) && (r.includes('*') || r.includes('?')))) return true;
  const unknownResource = s.resources.find(isUnknown);
  return unknownResource ?? false;
}

/**
 * Paths of one permission on another service's existing resources (`sts:AssumeRole`,
 * `ssm:StartSession`, `codebuild:StartBuild` …) are the everyday access of a workload when granted
 * on named resources; they escalate when granted on any resource. IAM paths stay unscoped: a named
 * policy or role may be the caller's own.
 */
function needsBroadGrant(path: EscalationPath): boolean {
  return path.requires.length === 1 && path.requires[0].every((a) => !a.toLowerCase().startsWith('iam:'));
}

/** The first statement that allows the action on some resource, or the first that may. */
function grantOf<S extends HasStatement>(statements: readonly S[], action: string, broadOnly = false): { found: V<boolean>; grant?: PermissionGrant<S> } {
  let maybe: { found: V<boolean>; grant: PermissionGrant<S> } | undefined;
  for (const s of statements) {
    const allowed = allowsAction(s.statement, action);
    const a = broadOnly && allowed !== false ? allOf([allowed, grantsBroadly(s.statement)]) : allowed;
    if (a === false) continue;
    const grant = { action, by: s, conditioned: isConditioned(s.statement) !== false };
    if (a === true) return { found: true, grant };
    if (!maybe) maybe = { found: a, grant };
  }
  return maybe ?? { found: false };
}

/** A service prefix the index can key on: plain ASCII, so a lower-case comparison is exactly the case-insensitive match. */
const SIMPLE_SERVICE = /^[A-Za-z0-9-]+$/;

/**
 * The lower-cased service an action pattern is confined to (`dynamodb:Get*` → `dynamodb`), or
 * undefined when it may match actions of any service (`*`, `*:Describe*`, an unresolved value,
 * anything unusual).
 */
function patternService(p: V<string>): string | undefined {
  if (isUnknown(p)) return undefined;
  const colon = p.indexOf(':');
  if (colon <= 0) return undefined;
  const service = p.slice(0, colon);
  return SIMPLE_SERVICE.test(service) ? service.toLowerCase() : undefined;
}

/**
 * The statements that may cover actions of one service, in their original order: a statement
 * whose every action pattern is confined to other services covers none of them (`coversAction`
 * is false), so `grantOf` and `deniedOutright` skip it without changing any answer. A NotAction
 * statement may cover anything. Built lazily, per service, for one list of statements.
 */
/** Per Action list (lists are shared by statements that repeat them, see normalize.ts). */
const confinement = new WeakMap<readonly V<string>[], ReadonlySet<string> | null>();

/** The services a statement's actions are confined to; undefined when it may cover any action. */
function confinedServices(s: PolicyStatement): ReadonlySet<string> | undefined {
  if (s.notActions || !s.actions) return s.notActions ? undefined : computeConfinement(s) ?? undefined;
  let hit = confinement.get(s.actions);
  if (hit === undefined) {
    hit = computeConfinement(s);
    confinement.set(s.actions, hit);
  }
  return hit ?? undefined;
}

function computeConfinement(s: PolicyStatement): ReadonlySet<string> | null {
  if (s.notActions) return null;
  const services = new Set<string>();
  for (const p of s.actions ?? []) {
    const service = patternService(p);
    if (service === undefined) return null;
    services.add(service);
  }
  return services;
}

interface ByService<S> {
  (action: string): readonly S[];
  /** Services some statement that may allow may cover; undefined when one may cover any service. */
  grantable: ReadonlySet<string> | undefined;
}

function statementsByService<S extends HasStatement>(statements: readonly S[]): ByService<S> {
  // Per statement: the services it is confined to, or undefined when it may cover any action.
  const confined = statements.map(({ statement: s }) => confinedServices(s));
  let grantable: Set<string> | undefined = new Set<string>();
  statements.forEach(({ statement: s }, i) => {
    if (!grantable || isDeny(s) === true) return;
    const services = confined[i];
    if (services === undefined) grantable = undefined;
    else for (const sv of services) grantable.add(sv);
  });
  const byService = new Map<string, readonly S[]>();
  const lookup = (action: string) => {
    const colon = action.indexOf(':');
    const service = colon > 0 ? action.slice(0, colon) : '';
    if (!SIMPLE_SERVICE.test(service)) return statements;
    const key = service.toLowerCase();
    let hit = byService.get(key);
    if (!hit) {
      hit = statements.filter((_, i) => confined[i] === undefined || confined[i]!.has(key));
      byService.set(key, hit);
    }
    return hit;
  };
  return Object.assign(lookup, { grantable });
}

/** Whether some alternative of every need names a service the statements may grant (else the path cannot be found). */
function possible(path: EscalationPath, grantable: ReadonlySet<string> | undefined): boolean {
  if (!grantable) return true;
  return servicesOf(path).every((alternatives) => alternatives.some((service) => service === undefined || grantable.has(service)));
}

/** Per path, per need, the lower-cased service of each alternative (undefined: it may be any). Computed once. */
const pathServices = new WeakMap<EscalationPath, ReadonlyArray<ReadonlyArray<string | undefined>>>();
function servicesOf(path: EscalationPath): ReadonlyArray<ReadonlyArray<string | undefined>> {
  let hit = pathServices.get(path);
  if (!hit) {
    hit = path.requires.map((alternatives) =>
      alternatives.map((a) => {
        const colon = a.indexOf(':');
        const service = colon > 0 ? a.slice(0, colon) : '';
        return SIMPLE_SERVICE.test(service) ? service.toLowerCase() : undefined;
      }),
    );
    pathServices.set(path, hit);
  }
  return hit;
}

/**
 * The escalation paths the statements (one principal's combined permissions, or one policy)
 * contain, each with the statement that grants each needed permission. Paths that are only
 * possibly present (an unresolved action or effect) are returned with `found` Unknown; absent
 * paths are not returned. Resource scoping rules a path out only for single-permission paths on
 * other services' resources (see `needsBroadGrant`): `iam:PassRole` on one role is still an
 * escalation if that role is more privileged, which the input rarely shows. `permitted` applies
 * a permissions boundary: an action it does not let through cannot serve a path.
 */
export function findEscalationPaths<S extends HasStatement>(
  statements: readonly S[],
  paths: readonly EscalationPath[] = ESCALATION_PATHS,
  /** Whether a permissions boundary lets the action through (`false`: the principal cannot use it, however granted). */
  permitted?: (action: string) => V<boolean>,
): EscalationMatch<S>[] {
  const out: EscalationMatch<S>[] = [];
  const candidates = statementsByService(statements);
  for (const path of paths) {
    if (!possible(path, candidates.grantable)) continue;
    const needs: V<boolean>[] = [];
    const grants: PermissionGrant<S>[] = [];
    for (const alternatives of path.requires) {
      let best: { found: V<boolean>; grant?: PermissionGrant<S> } = { found: false };
      for (const action of alternatives) {
        const relevant = candidates(action);
        if (deniedOutright(relevant, action)) continue;
        const within = permitted ? permitted(action) : true;
        if (within === false) continue;
        const granted = grantOf(relevant, action, needsBroadGrant(path));
        const g = within === true || granted.found === false ? granted : { ...granted, found: allOf([granted.found, within]) };
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
