/**
 * What this backend serves is what the frontend reads: the API types live in
 * @pillarguard/backstage-plugin-common, and these compile-time checks fail the build when the
 * stored and served shapes here drift from them. No runtime code.
 */
import type { Pillar as RulesPillar, ScoreLevel } from '@pillarguard/rules';
import type { EntityScores, Freshness, HistoryPoint as WireHistoryPoint, Level, Overview, OverviewQuery, OverviewRow as WireOverviewRow, Pillar } from '@pillarguard/backstage-plugin-common';
import type { EntityBody } from './entity-body';
import type { HistoryPoint, OverviewPage, OverviewRow, SortKey } from './types';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assignable<From, To> = [From] extends [To] ? true : false;
function check<T extends true>(): T | void {}

// The pillars and levels are the rules engine's, not a copy that could lose one.
check<Same<Pillar, RulesPillar>>();
check<Same<Level, ScoreLevel>>();
check<Same<NonNullable<OverviewQuery['sort']>, SortKey>>();
// The entity route's stored body, the overview page and its rows, a history point.
check<Assignable<EntityBody, Omit<EntityScores, keyof Freshness>>>();
check<Assignable<OverviewRow, WireOverviewRow>>();
check<Assignable<OverviewPage, Omit<Overview, keyof Freshness>>>();
check<Assignable<HistoryPoint, WireHistoryPoint>>();
