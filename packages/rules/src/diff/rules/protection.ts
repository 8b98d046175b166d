import type { Resource, Tri } from '../../model';
import { isUnknown, unknown } from '../../model';
import type { CheckResult } from '../../rules/types';
import { fail, unknownResult } from '../../rules/support';
import type { ResourcePair } from '../types';

/*
 * The one comparison every regression rule makes: a protection held in base, and does it still
 * hold in head? Kept apart from the rules so that "what counts as lost" — and above all what an
 * unreadable value means — is decided in one place.
 */

/** Both versions of a pair. An added resource is the scan rules' business (they judge it as it is); a removed one no longer runs. */
export function bothSides(pair: ResourcePair): { base: Resource; head: Resource } | undefined {
  return pair.base && pair.head ? { base: pair.base, head: pair.head } : undefined;
}

/** One side of a protection: whether it holds, and how to show it in a message. */
export interface State {
  holds: Tri;
  text: string;
}

/** A boolean fact shown with the given words; an unreadable one shows its reason. */
export function flagState(value: Tri, on: string, off: string): State {
  return { holds: value, text: isUnknown(value) ? `unknown (${value.reason})` : value ? on : off };
}

/** A scan rule's verdict on one side read as a protection: pass = held, fail = not held, unknown = cannot tell. */
export function verdictState(result: CheckResult): State {
  const text = result.message.replace(/\.$/, '');
  return { holds: result.verdict === 'pass' ? true : result.verdict === 'fail' ? false : unknown(text), text };
}

export interface Protection {
  /** What is protected, as the message names it: "point-in-time recovery". */
  label: string;
  /** Facet path the engine maps to the source property (`backup.pitr`). */
  path?: string;
  related?: string[];
  /** How the loss reads: "removed" (default), "turned off". */
  verb?: string;
}

/**
 * The verdict on one protection across the two versions:
 * - held in base and not in head → fail, with before → after;
 * - not held in base → nothing (nothing to lose: the scan rules report it as it stands);
 * - held in head → nothing;
 * - anything else involves a value that cannot be read on a side where it decides: unknown, never
 *   silence — except the same unreadable value on both sides, which is no change at all (reporting
 *   it on every pull request would be noise about code nobody touched).
 */
export function lost(p: Protection, before: State, after: State): CheckResult | undefined {
  if (before.holds === false || after.holds === true) return undefined;
  const change = `${before.text} → ${after.text}`;
  const verb = p.verb ?? 'removed';
  if (before.holds === true && after.holds === false) return fail(`${p.label} ${verb}: ${change}.`, p.path, p.related);
  if (isUnknown(before.holds) && isUnknown(after.holds) && before.text === after.text) return undefined;
  return unknownResult(`${p.label} may have been ${verb}, cannot tell: ${change}.`, p.path, p.related);
}

/** A tri-state facet value with the AWS default applied when the input leaves it out. */
export function orDefault(value: Tri | undefined, dflt: boolean): Tri {
  return value === undefined ? dflt : value;
}

/** The opposite fact: "publicly accessible" read as the protection "private". */
export function negate(value: Tri): Tri {
  return isUnknown(value) ? value : !value;
}
