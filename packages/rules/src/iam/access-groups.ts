import { accessLevels, type AccessLevel } from './catalog';

/**
 * Access levels of new grants, and grants grouped the way a reviewer reads them: by service and
 * access level, naming the actions and resources.
 */
export type GrantLevel = AccessLevel | 'Unknown';

/** Most to least consequential; `Unknown` (an action the catalog lacks) ranks as risky as it can be after IAM itself. */
export const LEVEL_ORDER: readonly GrantLevel[] = ['Permissions management', 'Unknown', 'Write', 'Tagging', 'Read', 'List'];

/** An action's most consequential access level (`iam:PutRolePolicy` → Permissions management, not Write). */
export function grantLevel(action: string): GrantLevel {
  const levels = accessLevels(action);
  if (!levels || levels.length === 0) return 'Unknown';
  return LEVEL_ORDER.find((l) => (levels as readonly string[]).includes(l)) ?? 'Unknown';
}

export function serviceOfAction(action: string): string {
  const colon = action.indexOf(':');
  return colon < 0 ? action.toLowerCase() : action.slice(0, colon).toLowerCase();
}

export interface GroupableGrant {
  action: string;
  accessLevel: GrantLevel;
  resource: string;
  principal?: string;
  /** Where the grant comes from (a policy statement's label). */
  from: string;
}

export interface AccessGroup {
  service: string;
  accessLevel: GrantLevel;
  actions: string[];
  resources: string[];
  principals: string[];
  sources: string[];
}

export function groupGrants(grants: readonly GroupableGrant[]): AccessGroup[] {
  const groups = new Map<string, { service: string; accessLevel: GrantLevel; actions: Set<string>; resources: Set<string>; principals: Set<string>; sources: Set<string> }>();
  for (const g of grants) {
    const service = serviceOfAction(g.action);
    const key = `${service}\u0000${g.accessLevel}`;
    let group = groups.get(key);
    if (!group) {
      group = { service, accessLevel: g.accessLevel, actions: new Set(), resources: new Set(), principals: new Set(), sources: new Set() };
      groups.set(key, group);
    }
    group.actions.add(g.action);
    group.resources.add(g.resource);
    if (g.principal !== undefined) group.principals.add(g.principal);
    group.sources.add(g.from);
  }
  return [...groups.values()]
    .map((g) => ({ service: g.service, accessLevel: g.accessLevel, actions: [...g.actions].sort(), resources: [...g.resources].sort(), principals: [...g.principals].sort(), sources: [...g.sources].sort() }))
    .sort((a, b) => LEVEL_ORDER.indexOf(a.accessLevel) - LEVEL_ORDER.indexOf(b.accessLevel) || a.service.localeCompare(b.service));
}

function list(items: readonly string[], max: number): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** `dynamodb Write: PutItem, DeleteItem on ${Orders.Arn} (from AppRole Policies[0]…)`, one line per group. */
export function describeGroup(g: AccessGroup): string {
  const short = g.actions.map((a) => (a.toLowerCase().startsWith(`${g.service}:`) ? a.slice(g.service.length + 1) : a));
  const count = g.actions.length > 6 ? `${g.actions.length} actions: ` : '';
  const who = g.principals.length ? ` to ${list(g.principals, 4)}` : '';
  return `${g.service} ${g.accessLevel}: ${count}${list(short, 6)} on ${list(g.resources, 4)}${who} (from ${list(g.sources, 3)})`;
}
