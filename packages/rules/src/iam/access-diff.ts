import type { PolicyStatement, Unknown, V } from '../model';
import { isUnknown, unknown } from '../model';
import { grantLevel, type GrantLevel } from './access-groups';
import { actionsInclude, describeUnit, expandUnit, resourcesInclude, statementUnits, type Unit } from './access-units';
import { statementKey, type AccessView, type SourcedStatement } from './access-view';
import { conditionsImply } from './condition-implied';
import { resourcePatternIncludes, resourcePatternsOverlap } from './pattern-include';
import { describePrincipal, principalsOverlap, principalUnits, statementAdmits, type PrincipalUnit } from './principal-include';
import { coversAction, isAllow, isConditioned } from './statement';
import { allOf, anyOf } from './tri';

/**
 * The semantic comparison of two versions of one principal's access (or of one resource-based
 * policy): exactly the (action, resource[, principal]) pairs head allows that base did not — the
 * question IAM Access Analyzer's `check-no-new-access` answers, offline.
 *
 * - A head Allow is not new where some base Allow admits the same principal, covers the action
 *   and the resource, and asks no more conditions (`conditionsImply`): so reordering, splitting
 *   or merging statements, a wildcard replaced by a subset, narrowed resources and added
 *   conditions are not new access, and a removed condition is.
 * - Patterns are compared first (`s3:Get*` inside `s3:*`, `table/orders` inside `table/*`); only a
 *   unit that no base pattern covers is expanded with the action catalog, action by action.
 * - NotAction / NotResource / NotPrincipal are "everything except" units: an Allow with them is
 *   covered only by a base grant at least as wide.
 * - Denies: a head pair blocked by an unconditioned head Deny is not granted. A base Deny that no
 *   head Deny matches (removed, fewer actions, resources or principals, a condition added) is
 *   weakened, and what it blocked that head allows is new access.
 * - Anything unreadable (an unresolved value, an unreadable document, a missing attachment) that
 *   is new in head makes the answer incomplete: `unknown` lists why, never "no new access".
 */
export interface NewGrant {
  action: string;
  accessLevel: GrantLevel;
  /** The resource pattern as head writes it, or `everything except …`. */
  resource: string;
  /** For resource-based and trust policies: who gets it. */
  principal?: string;
  /** The head statement that grants it. */
  source: SourcedStatement;
  /** Set when the access is new because this base Deny no longer blocks it. */
  deny?: SourcedStatement;
  /** The head statement has conditions: the grant applies only to requests that meet them. */
  conditioned: boolean;
}

export interface WeakenedDeny {
  /** The base Deny no head Deny matches. */
  deny: SourcedStatement;
  /** What it no longer blocks: the pattern when nothing of it is still denied, else the actions. */
  actions: string[];
  resource: string;
  principal?: string;
}

export interface AccessDiff {
  grants: NewGrant[];
  weakenedDenies: WeakenedDeny[];
  /** AWS-managed policies newly attached whose contents are not modelled: new access we cannot list. */
  opaque: string[];
  /** Why the answer may be incomplete; empty when it is exact. */
  unknown: string[];
  /** The subset of `unknown` about base Denies: whether one was weakened cannot be told. */
  unknownDenies: string[];
}


class Collector {
  readonly grants: NewGrant[] = [];
  readonly weakened: WeakenedDeny[] = [];
  readonly unknown = new Set<string>();
  readonly unknownDenies = new Set<string>();
  private readonly seen = new Set<string>();

  denyUndecided(reason: string): void {
    this.unknown.add(reason);
    this.unknownDenies.add(reason);
  }

  grant(g: NewGrant): void {
    const key = `${g.principal ?? ''}\u0000${g.action.toLowerCase()}\u0000${g.resource}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.grants.push(g);
  }
}

export function diffAccess(base: AccessView, head: AccessView): AccessDiff {
  const out = new Collector();
  for (const gap of head.gaps) if (!base.gaps.includes(gap)) out.unknown.add(gap);
  const bounds = boundsOf(base, head);
  // With the same boundary (or none) on both sides an unchanged statement grants nothing new;
  // when the boundary changed, every head statement is compared.
  const baseAllows = new Set(bounds.same ? base.allows.map((s) => statementKey(s.statement)) : []);
  for (const s of head.allows) if (!baseAllows.has(statementKey(s.statement))) newFromAllow(s, base, head, out, bounds);
  const headDenies = new Set(head.denies.map((s) => statementKey(s.statement)));
  for (const d of base.denies) if (!headDenies.has(statementKey(d.statement))) weakenedDeny(d, head, out, bounds);
  return { grants: out.grants, weakenedDenies: out.weakened, opaque: head.opaque.filter((n) => !base.opaque.includes(n)), unknown: [...out.unknown], unknownDenies: [...out.unknownDenies] };
}

interface Candidate {
  statement: PolicyStatement;
  /** Whether it admits the principal, covers the resource and asks no more conditions. */
  fits: V<boolean>;
}

function unknownPrincipal(p: PrincipalUnit): Unknown | undefined {
  return p.kind === 'one' && isUnknown(p.principal.value) ? p.principal.value : undefined;
}

/**
 * Permissions boundaries as the comparison uses them: head grants only what its boundary's Allows
 * allow (an unreadable head boundary narrows nothing); a head pair is covered by base only when
 * base's boundary allowed it too — unless both sides have the same boundary, already applied to
 * head. An unreadable base boundary that head does not keep leaves base's access unknown.
 */
interface Bounds {
  same: boolean;
  head?: SourcedStatement[];
  base?: { allows: SourcedStatement[] } | { unknown: Unknown };
}

function boundsOf(base: AccessView, head: AccessView): Bounds {
  const same = (base.boundary?.key ?? '') === (head.boundary?.key ?? '');
  const out: Bounds = { same };
  if (head.boundary?.kind === 'known') out.head = head.boundary.allows;
  if (!same && base.boundary) out.base = base.boundary.kind === 'known' ? { allows: base.boundary.allows } : { unknown: unknown(`the permissions boundary of the base version cannot be read, and head does not keep it: ${base.boundary.reason}`) };
  return out;
}

type Relation = 'includes' | 'inside' | 'overlap' | 'disjoint';

/** How a boundary's resource unit relates to a grant's: it includes it, lies inside it, partly overlaps it, or not at all. */
function relation(boundary: Unit, grant: Unit): Relation {
  if (boundary.kind === 'not' || grant.kind === 'not') return 'overlap';
  if (resourcePatternIncludes(boundary.pattern, grant.pattern)) return 'includes';
  if (resourcePatternIncludes(grant.pattern, boundary.pattern)) return 'inside';
  return resourcePatternsOverlap(boundary.pattern, grant.pattern) ? 'overlap' : 'disjoint';
}

/** The relations of a boundary statement's resources to a grant's unit; an unreadable resource may be anything. */
function relations(b: PolicyStatement, r: Unit): { unit: Unit; rel: Relation }[] {
  const units = statementUnits(b);
  const out = units.resources.map((unit) => ({ unit, rel: relation(unit, r) }));
  if (units.unknown.length) out.push({ unit: r, rel: 'overlap' });
  return out;
}

/**
 * A head resource unit cut by head's boundary: the unit itself where a boundary resource includes
 * or partly overlaps it (kept whole: over-approximated), the boundary's narrower pattern where it
 * lies inside it (`*` under a boundary on one bucket is that bucket).
 */
function boundedResources(r: Unit, bounds: Bounds): Unit[] {
  if (!bounds.head) return [r];
  const out = new Map<string, Unit>();
  for (const b of bounds.head) {
    for (const { unit, rel } of relations(b.statement, r)) {
      if (rel === 'includes' || rel === 'overlap') out.set(describeUnit(r), r);
      else if (rel === 'inside') out.set(describeUnit(unit), unit);
    }
  }
  return [...out.values()];
}

/** The head boundary Allows that let `action` on `r` through (a boundary resource inside `r` has its own cut unit); undefined without a head boundary. */
function headPasses(action: string, r: Unit, bounds: Bounds): SourcedStatement[] | undefined {
  if (!bounds.head) return undefined;
  return bounds.head.filter((b) => coversAction(b.statement, action) !== false && relations(b.statement, r).some((x) => x.rel === 'includes' || x.rel === 'overlap'));
}

/**
 * Whether base's boundary allowed the head grant (`covers`: its Action test) on `r`, under the head
 * statement's conditions — or, through each head boundary Allow that lets it through, that one's.
 */
function baseBoundaryCovers(covers: (b: PolicyStatement) => V<boolean>, r: Unit, conditions: PolicyStatement['conditions'], passing: SourcedStatement[] | undefined, bounds: Bounds): V<boolean> {
  const bb = bounds.base;
  if (!bb) return true;
  if ('unknown' in bb) return bb.unknown;
  const byBase = (extra: SourcedStatement | undefined) =>
    anyOf(
      bb.allows.map((b) =>
        allOf([isAllow(b.statement), covers(b.statement), resourcesInclude(b.statement, r), anyOf([conditionsImply(conditions, b.statement.conditions), extra ? conditionsImply(extra.statement.conditions, b.statement.conditions) : false])]),
      ),
    );
  return passing ? allOf(passing.map(byBase)) : byBase(undefined);
}

function newFromAllow(s: SourcedStatement, base: AccessView, head: AccessView, out: Collector, bounds: Bounds): void {
  const st = s.statement;
  const units = statementUnits(st);
  for (const r of units.unknown) out.unknown.add(`${s.label}: ${r}`);
  // An Effect we cannot read may be Allow: what it would grant is "maybe new", not new.
  const maybe: Unknown | undefined = isUnknown(st.effect) ? st.effect : undefined;
  let reported = false;
  const undecided = (why: Unknown, what: string) => {
    if (reported) return;
    reported = true;
    out.unknown.add(`${s.label} may grant ${what} that the base version did not: ${why.reason}`);
  };
  const conditioned = isConditioned(st) !== false;
  for (const p of principalUnits(st)) {
    const badPrincipal = unknownPrincipal(p);
    if (badPrincipal) {
      undecided(badPrincipal, 'access to a principal');
      continue;
    }
    for (const r of units.resources.flatMap((u) => boundedResources(u, bounds))) {
      const candidates: Candidate[] = base.allows
        .map((b) => ({ statement: b.statement, fits: allOf([statementAdmits(b.statement, p, base.owner), resourcesInclude(b.statement, r), conditionsImply(st.conditions, b.statement.conditions)]) }))
        .filter((c) => c.fits !== false);
      const blockers = head.denies.filter((d) => isConditioned(d.statement) === false && statementAdmits(d.statement, p, head.owner) === true && resourcesInclude(d.statement, r) === true);
      for (const a of units.actions) {
        if (blockers.some((d) => actionsInclude(d.statement, a) === true)) continue;
        const whole = allOf([anyOf(candidates.map((c) => allOf([c.fits, actionsInclude(c.statement, a)]))), baseBoundaryCovers((b) => actionsInclude(b, a), r, st.conditions, undefined, bounds)]);
        if (whole === true) continue;
        const exp = expandUnit(a);
        const emit = (action: string, covered: V<boolean>) => {
          if (covered === true) return;
          const why = isUnknown(covered) ? covered : maybe;
          if (why) return undecided(why, `${action} on ${describeUnit(r)}`);
          out.grant({ action, accessLevel: grantLevel(action), resource: describeUnit(r), ...principalField(p), source: s, conditioned });
        };
        for (const action of exp.actions) {
          if (blockers.some((d) => coversAction(d.statement, action) === true)) continue;
          const passing = headPasses(action, r, bounds);
          if (passing && passing.length === 0) continue;
          const byIdentity = anyOf(candidates.map((c) => allOf([c.fits, coversAction(c.statement, action)])));
          emit(action, byIdentity === false ? false : allOf([byIdentity, baseBoundaryCovers((b) => coversAction(b, action), r, st.conditions, passing, bounds)]));
        }
        // Services the catalog does not know are compared as patterns only.
        for (const pattern of exp.unknown) emit(pattern, whole);
      }
    }
  }
}

function principalField(p: PrincipalUnit): { principal?: string } {
  const d = describePrincipal(p);
  return d === undefined ? {} : { principal: d };
}

function weakenedDeny(d: SourcedStatement, head: AccessView, out: Collector, bounds: Bounds): void {
  const st = d.statement;
  const units = statementUnits(st);
  for (const r of units.unknown) out.denyUndecided(`${d.label}: a Deny of the base version changed and cannot be compared: ${r}`);
  for (const p of principalUnits(st)) {
    const badPrincipal = unknownPrincipal(p);
    if (badPrincipal) {
      out.denyUndecided(`${d.label}: a Deny of the base version changed and names a principal that cannot be resolved (${badPrincipal.reason})`);
      continue;
    }
    for (const r of units.resources) {
      // A head Deny matches when it applies whenever the base one did: same principals or more,
      // the resource or more, and no condition the base Deny did not have.
      const candidates: Candidate[] = head.denies
        .map((h) => ({ statement: h.statement, fits: allOf([statementAdmits(h.statement, p, head.owner), resourcesInclude(h.statement, r), conditionsImply(st.conditions, h.statement.conditions)]) }))
        .filter((c) => c.fits !== false);
      for (const a of units.actions) {
        const whole = anyOf(candidates.map((c) => allOf([c.fits, actionsInclude(c.statement, a)])));
        if (whole === true) continue;
        const exp = expandUnit(a);
        const weak: string[] = [];
        let undecided: Unknown | undefined = isUnknown(whole) ? whole : undefined;
        for (const action of exp.actions) {
          const still = anyOf(candidates.map((c) => allOf([c.fits, coversAction(c.statement, action)])));
          if (still === true) continue;
          if (isUnknown(still)) undecided ??= still;
          else weak.push(action);
        }
        if (!isUnknown(whole)) weak.push(...exp.unknown);
        if (undecided) out.denyUndecided(`${d.label}: cannot tell whether head still denies everything this Deny did (${undecided.reason})`);
        if (weak.length === 0) continue;
        const all = weak.length === exp.actions.length + exp.unknown.length;
        out.weakened.push({ deny: d, actions: all ? [describeUnit(a)] : weak, resource: describeUnit(r), ...principalField(p) });
        unblocked(d, p, r, weak, head, out, bounds);
      }
    }
  }
}

/** The head Allows a weakened Deny used to block: their overlap with it is new access. */
function unblocked(d: SourcedStatement, p: PrincipalUnit, r: Unit, actions: readonly string[], head: AccessView, out: Collector, bounds: Bounds): void {
  for (const h of head.allows) {
    const st = h.statement;
    if (!principalsOverlap(st, p)) continue;
    const resources = statementUnits(st).resources.map((hr) => overlap(hr, r)).filter((x): x is string => x !== undefined);
    if (resources.length === 0) continue;
    const conditioned = isConditioned(st) !== false;
    for (const action of actions) {
      const covered = allOf([isUnknown(st.effect) ? st.effect : true, coversAction(st, action)]);
      if (covered === false) continue;
      if (headPasses(action, r, bounds)?.length === 0) continue;
      if (isUnknown(covered)) {
        out.unknown.add(`${h.label} may allow what the removed or narrowed Deny ${d.label} blocked: ${covered.reason}`);
        continue;
      }
      for (const resource of resources) out.grant({ action, accessLevel: grantLevel(action), resource, ...principalField(p), source: h, deny: d, conditioned });
    }
  }
}

/** The resources both an Allow's unit and a Deny's unit cover, as the narrower pattern; undefined when disjoint. */
function overlap(allow: Unit, deny: Unit): string | undefined {
  if (allow.kind === 'not') return describeUnit(deny);
  if (deny.kind === 'not') return allow.pattern;
  if (resourcePatternIncludes(allow.pattern, deny.pattern)) return deny.pattern;
  if (resourcePatternsOverlap(allow.pattern, deny.pattern)) return allow.pattern;
  return undefined;
}
