import type { Resource, V } from '../../model';
import { isUnknown, unknown } from '../../model';
import type { CheckResult } from '../../rules/types';
import { redshiftSetting } from '../../rules/redshift';
import { describeSetting, isOn } from '../../rules/parameters';
import type { ChangeContext } from '../types';
import type { ExposureCheck, Sides } from './exposure-check';
import { flagState, lost, orDefault, type State } from './protection';

/** Redshift cluster audit logging (`LoggingProperties` / `aws_redshift_logging`; default off). */
function auditLogging(base: Resource, head: Resource): CheckResult | undefined {
  const state = (r: Resource) => flagState(orDefault(r.facets.logging?.auditLogging, false), 'audit logging on', 'audit logging off');
  return lost({ label: 'Redshift audit logging', path: 'logging.auditLogging', verb: 'turned off' }, state(base), state(head));
}

function showList(list: V<string[]>): string {
  if (isUnknown(list)) return `unknown (${list.reason})`;
  return list.length ? list.join(', ') : 'none';
}

/**
 * Log exports (RDS/Aurora `EnableCloudwatchLogsExports`, Redshift Serverless `LogExports`): every
 * log type exported in base must still be exported in head. Absent = none exported.
 */
function logExports(base: Resource, head: Resource): CheckResult | undefined {
  const before = base.facets.logging?.logExports ?? [];
  const after = head.facets.logging?.logExports ?? [];
  const lower = (l: string[]) => l.map((x) => x.toLowerCase());
  const missing = isUnknown(before) || isUnknown(after) ? [] : lower(before).filter((x) => !lower(after).includes(x));
  // Base unreadable: head cannot be shown to keep "everything base exported".
  const kept: V<boolean> = isUnknown(after) ? after : isUnknown(before) ? unknown(before.reason) : missing.length === 0;
  const beforeState: State = { holds: isUnknown(before) ? before : before.length > 0, text: showList(before) };
  const afterState: State = { holds: kept, text: showList(after) };
  const label = missing.length ? `log export of ${missing.join(', ')}` : 'log exports';
  return lost({ label, path: 'logging.logExports' }, beforeState, afterState);
}

/**
 * A trail that stopped logging (`IsLogging`, default true), covers one region only
 * (`IsMultiRegionTrail`, default false), or no longer writes digest files to prove its logs were
 * not altered (`EnableLogFileValidation`, default false).
 */
function trail(base: Resource, head: Resource): Array<CheckResult | undefined> {
  const flag = (r: Resource, field: 'isLogging' | 'multiRegion' | 'logFileValidation', dflt: boolean, on: string, off: string) => flagState(orDefault(r.facets.trail?.[field], dflt), on, off);
  return [
    lost({ label: 'CloudTrail logging', path: 'trail.isLogging', verb: 'turned off' }, flag(base, 'isLogging', true, 'logging', 'not logging'), flag(head, 'isLogging', true, 'logging', 'not logging')),
    lost({ label: 'CloudTrail multi-region coverage', path: 'trail.multiRegion' }, flag(base, 'multiRegion', false, 'multi-region', 'single region'), flag(head, 'multiRegion', false, 'multi-region', 'single region')),
    lost(
      { label: 'CloudTrail log-file validation', path: 'trail.logFileValidation', verb: 'turned off' },
      flag(base, 'logFileValidation', false, 'validated', 'not validated'),
      flag(head, 'logFileValidation', false, 'validated', 'not validated'),
    ),
  ];
}

const USER_ACTIVITY = 'enable_user_activity_logging';

/**
 * Redshift user activity logging (every query run): a cluster reads `enable_user_activity_logging`
 * from its parameter group (none or a default group: off), a serverless workgroup from its config
 * parameters — so a group edited elsewhere, swapped or dropped reads as a change of the cluster.
 */
function userActivityLogging({ base, head }: Sides, ctx: ChangeContext): CheckResult | undefined {
  if (!['AWS::Redshift::Cluster', 'AWS::RedshiftServerless::Workgroup'].includes(head.type) || base.type !== head.type) return undefined;
  const side = (r: Resource, rc: ChangeContext['base']): { state: State; path: string; related: string[] } => {
    const { setting, path } = redshiftSetting(r, USER_ACTIVITY, rc);
    if (isUnknown(setting)) return { state: flagState(setting, '', ''), path, related: [] };
    const state: State = isUnknown(setting.value) ? flagState(setting.value, '', '') : { holds: isOn(setting.value), text: describeSetting(USER_ACTIVITY, setting) };
    return { state, path, related: setting.related ?? [] };
  };
  const before = side(base, ctx.base);
  const after = side(head, ctx.head);
  const related = [...new Set([...before.related, ...after.related])];
  return lost({ label: 'Redshift user activity logging', path: after.path, verb: 'turned off', ...(related.length ? { related } : {}) }, before.state, after.state);
}

const CONTINUOUS_LOG_ARG = '--enable-continuous-cloudwatch-log';

/** Glue job continuous logging: the job argument set to "true" (anything else, or absent, is off). */
function continuousLogging(base: Resource, head: Resource): CheckResult | undefined {
  const state = (r: Resource): State => {
    const args = r.facets.glue?.defaultArguments;
    const value = args?.[CONTINUOUS_LOG_ARG];
    if (value === undefined) return { holds: false, text: `${CONTINUOUS_LOG_ARG} not set` };
    if (isUnknown(value)) return flagState(value, '', '');
    return { holds: value.trim().toLowerCase() === 'true', text: `${CONTINUOUS_LOG_ARG} = "${value}"` };
  };
  return lost({ label: 'Glue continuous logging', path: `glue.defaultArguments.${CONTINUOUS_LOG_ARG}`, verb: 'turned off' }, state(base), state(head));
}

/** A resource that stopped recording who did what. */
export const loggingExposure: ExposureCheck = (sides, ctx) => {
  const { base, head } = sides;
  return [auditLogging(base, head), userActivityLogging(sides, ctx), logExports(base, head), ...trail(base, head), continuousLogging(base, head)];
};
