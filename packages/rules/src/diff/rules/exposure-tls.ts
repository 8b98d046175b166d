import type { CheckResult } from '../../rules/types';
import type { ExposureCheck } from './exposure-check';
import { lost, verdictState } from './protection';
import { scanResult } from './scan-verdicts';

/**
 * The scan rules that judge TLS enforcement: the bucket policy's `aws:SecureTransport` deny, and
 * the parameter a database's parameter group (or its engine default) sets. Each follows the
 * parameter group the resource uses in its own version, so a changed group, a group swapped for
 * another, or a group dropped for a default that does not enforce TLS all read as a change here.
 */
const TLS_RULES = ['tls.s3-secure-transport', 'tls.rds-force-ssl', 'tls.redshift-require-ssl'] as const;

/** A resource that enforced TLS in base and does not in head. */
export const tlsExposure: ExposureCheck = ({ base, head }, ctx) =>
  TLS_RULES.map((id): CheckResult | undefined => {
    const before = scanResult(id, base, ctx.base);
    const after = scanResult(id, head, ctx.head);
    // Not applicable on a side (an instance that joined a cluster: the cluster is judged instead).
    if (!before || !after) return undefined;
    const related = [...new Set([...(before.related ?? []), ...(after.related ?? [])])];
    return lost({ label: 'TLS enforcement', path: after.path, related: related.length ? related : undefined }, verdictState(before), verdictState(after));
  });
