import type { Suppression } from '../config/types';
import type { Evaluation } from './types';

/** `*` in a suppression's resource matches any run of characters; everything else is literal. */
function globToRegExp(glob: string): RegExp {
  return new RegExp('^' + glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
}

export function isExpired(s: Suppression, today: string): boolean {
  return s.expires !== undefined && s.expires < today;
}

/**
 * Marks failed/unknown evaluations covered by a live suppression. An expired suppression stops
 * covering anything and is returned, so the engine reports it as a finding of its own.
 * `today` is an ISO date supplied by the caller (the engine has no clock).
 */
export function applySuppressions(evaluations: Evaluation[], suppressions: readonly Suppression[], today: string): { evaluations: Evaluation[]; expired: Suppression[] } {
  if (suppressions.length === 0) return { evaluations, expired: [] };
  const live = suppressions.filter((s) => !isExpired(s, today)).map((s) => ({ s, re: globToRegExp(s.resource) }));
  const expired = suppressions.filter((s) => isExpired(s, today));
  const out = evaluations.map((ev) => {
    if (ev.verdict === 'pass') return ev;
    const hit = live.find(({ s, re }) => (s.rule === '*' || s.rule === ev.ruleId) && (re.test(ev.resource.id) || (ev.resource.address !== undefined && re.test(ev.resource.address)) || (ev.resource.constructPath !== undefined && re.test(ev.resource.constructPath))));
    if (!hit) return ev;
    const suppressed: Evaluation['suppressed'] = { reason: hit.s.reason };
    if (hit.s.expires) suppressed.expires = hit.s.expires;
    return { ...ev, suppressed };
  });
  return { evaluations: out, expired };
}
