import type { PublicAccessFacet } from '../../model';
import type { CheckResult, RuleContext } from '../../rules/types';
import { fail, unknownResult } from '../../rules/support';
import type { ExposureCheck, Sides } from './exposure-check';
import { flagState, lost, negate, orDefault } from './protection';
import { scanResults } from './scan-verdicts';

/** A database endpoint that became public (`PubliclyAccessible`, default false). */
function endpoint({ base, head }: Sides): CheckResult | undefined {
  const state = (v: PublicAccessFacet['publiclyAccessible']) => flagState(negate(orDefault(v, false)), 'not publicly accessible', 'publicly accessible');
  return lost({ label: 'private endpoint', path: 'publicAccess.publiclyAccessible', verb: 'lost' }, state(base.facets.publicAccess?.publiclyAccessible), state(head.facets.publicAccess?.publiclyAccessible));
}

/** The four S3 public access block settings, named as CloudFormation names them. */
const BLOCK_SETTINGS = [
  ['blockPublicAcls', 'BlockPublicAcls'],
  ['ignorePublicAcls', 'IgnorePublicAcls'],
  ['blockPublicPolicy', 'BlockPublicPolicy'],
  ['restrictPublicBuckets', 'RestrictPublicBuckets'],
] as const;

/** Each public access block setting turned off is its own finding: each closes a different way in. An absent setting is off (facets.ts). */
function blockSettings({ base, head }: Sides): Array<CheckResult | undefined> {
  return BLOCK_SETTINGS.map(([field, name]) => {
    const state = (f: PublicAccessFacet | undefined) => flagState(orDefault(f?.[field], false), `${name} true`, `${name} false`);
    return lost({ label: `S3 public access block setting ${name}`, path: `publicAccess.${field}`, verb: 'turned off' }, state(base.facets.publicAccess), state(head.facets.publicAccess));
  });
}

const DB_PORT_RULE = 'network.db-port-open';

/**
 * Internet ingress on a database port that base did not have. `network.db-port-open` reports one
 * result per exposing ingress rule, worded from the rule's content (CIDR, ports), so the same
 * exposure reads the same in both versions whatever its position: an exposure of head whose
 * wording base does not have is new.
 */
function databaseIngress({ base, head }: Sides, ctx: { base: RuleContext; head: RuleContext }): Array<CheckResult | undefined> {
  const before = scanResults(DB_PORT_RULE, base, ctx.base);
  const after = scanResults(DB_PORT_RULE, head, ctx.head);
  const text = (r: CheckResult) => r.message.replace(/\.$/, '');
  const openBefore = new Set(before.filter((r) => r.verdict === 'fail').map(text));
  const seenBefore = new Set(before.filter((r) => r.verdict !== 'pass').map(text));
  const unclearBefore = before.filter((r) => r.verdict === 'unknown').map(text);
  const beforeText = openBefore.size ? [...openBefore].join('; ') : unclearBefore.length ? unclearBefore.join('; ') : 'no internet ingress on database ports';
  return after.map((r) => {
    if (r.verdict === 'fail' && !openBefore.has(text(r))) {
      // Base had rules it could not read: one of them may have been this very exposure.
      if (unclearBefore.length) return unknownResult(`internet ingress on a database port may be new, cannot tell: ${beforeText} → ${text(r)}.`, r.path, r.related);
      return fail(`internet ingress on a database port added: ${beforeText} → ${text(r)}.`, r.path, r.related);
    }
    if (r.verdict === 'unknown' && !seenBefore.has(text(r))) return unknownResult(`internet ingress on a database port may have been added, cannot tell: ${beforeText} → ${text(r)}.`, r.path, r.related);
    return undefined;
  });
}

/** A resource that became reachable from the internet. */
export const publicExposure: ExposureCheck = (sides, ctx) => [endpoint(sides), ...blockSettings(sides), ...databaseIngress(sides, ctx)];
