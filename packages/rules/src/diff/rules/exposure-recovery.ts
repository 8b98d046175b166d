import type { Resource, Tri, V } from '../../model';
import { isUnknown } from '../../model';
import type { CheckResult } from '../../rules/types';
import type { ExposureCheck } from './exposure-check';
import { flagState, lost, orDefault, type State } from './protection';

/** Days kept, read as "backups are taken" (> 0). */
function daysState(days: V<number>, what: string): State {
  if (isUnknown(days)) return flagState(days, '', '');
  return { holds: days > 0, text: `${what} ${days} day${days === 1 ? '' : 's'}` };
}

/** One boolean recovery setting; each defaults to off when the input leaves it out (facets.ts). */
function setting(base: Tri | undefined, head: Tri | undefined, label: string, path: string): CheckResult | undefined {
  const state = (v: Tri | undefined) => flagState(orDefault(v, false), 'on', 'off');
  return lost({ label, path, verb: 'turned off' }, state(base), state(head));
}

/**
 * Lost ways back after a mistake: DynamoDB point-in-time recovery, deletion protection, S3
 * versioning, and the automated backups behind RDS point-in-time recovery and Redshift snapshots
 * (a retention of 0 turns them off; the API default is 1 day).
 */
export const recoveryExposure: ExposureCheck = ({ base, head }) => {
  const b = base.facets.backup;
  const h = head.facets.backup;
  const retention = (r: Resource, field: 'retentionDays' | 'snapshotRetentionDays') => r.facets.backup?.[field];
  const days = (field: 'retentionDays' | 'snapshotRetentionDays', label: string, what: string) => {
    // Only resources that state a retention on either side: other types have no such backups.
    if (retention(base, field) === undefined && retention(head, field) === undefined) return undefined;
    return lost({ label, path: `backup.${field}` }, daysState(retention(base, field) ?? 1, what), daysState(retention(head, field) ?? 1, what));
  };
  return [
    setting(b?.pitr, h?.pitr, 'point-in-time recovery', 'backup.pitr'),
    setting(b?.deletionProtection, h?.deletionProtection, 'deletion protection', 'backup.deletionProtection'),
    setting(b?.versioning, h?.versioning, 'versioning', 'backup.versioning'),
    days('retentionDays', 'automated backups (point-in-time recovery)', 'backups kept'),
    days('snapshotRetentionDays', 'automated snapshots', 'snapshots kept'),
  ];
};
