import type { Conditions, PolicyDocument, PolicyStatement, Principal, Unknown, V } from '../model';
import { isUnknown, unknown } from '../model';

/** The value trees adapters hand over (CFN properties, Terraform attributes, Config JSON). */
export type PolicyTree = null | boolean | number | string | Unknown | PolicyTree[] | { [key: string]: PolicyTree };

/**
 * Turns a policy as any format writes it — a JSON object, a JSON string (Terraform
 * `jsonencode`, plan values), a URL-encoded JSON string (AWS Config IAM items) — into the
 * normalised `PolicyDocument`. Never throws: what cannot be read becomes `unknownReason`.
 */
export function normalizePolicy(input: PolicyTree | undefined, basePath = ''): PolicyDocument {
  if (input === undefined || input === null) return { statements: [] };
  if (isUnknown(input)) return { statements: [], unknownReason: input.reason };
  let doc: PolicyTree = input;
  if (typeof doc === 'string') {
    const parsed = parsePolicyString(doc);
    if (typeof parsed === 'string') return { statements: [], unknownReason: parsed };
    doc = parsed;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || isUnknown(doc)) {
    return { statements: [], unknownReason: 'policy document is not an object' };
  }
  const raw = field(doc, 'Statement');
  if (raw === undefined || raw === null) return { statements: [] };
  if (isUnknown(raw)) return { statements: [], unknownReason: raw.reason };
  const list = Array.isArray(raw) ? raw : [raw];
  const statements: PolicyStatement[] = [];
  list.forEach((s, i) => {
    const path = `${basePath ? basePath + '.' : ''}Statement${Array.isArray(raw) ? `[${i}]` : ''}`;
    if (s !== null && typeof s === 'object' && !Array.isArray(s) && !isUnknown(s)) statements.push(statement(s, path));
    else statements.push({ effect: unknown(`statement ${i} cannot be read`), conditions: {}, actions: [unknown('unreadable statement')], resources: [unknown('unreadable statement')], path });
  });
  return { statements };
}

/** Parses a JSON policy string; URL-decodes first when it looks encoded. Returns an error message on failure. */
function parsePolicyString(s: string): PolicyTree | string {
  let text = s.trim();
  if (text.startsWith('%7B') || text.startsWith('%7b')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return 'policy document is not valid URL-encoded JSON';
    }
  }
  try {
    return JSON.parse(text) as PolicyTree;
  } catch (e) {
    return `policy document is not valid JSON (${(e as Error).message})`;
  }
}

function field(o: { [key: string]: PolicyTree }, name: string): PolicyTree | undefined {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}

function statement(s: { [key: string]: PolicyTree }, path: string): PolicyStatement {
  const effect = field(s, 'Effect');
  const out: PolicyStatement = {
    effect: isUnknown(effect) ? effect : effect === 'Deny' ? 'Deny' : effect === 'Allow' ? 'Allow' : unknown(`Effect is ${JSON.stringify(effect ?? null)}`),
    conditions: conditions(field(s, 'Condition')),
    path,
  };
  const sid = field(s, 'Sid');
  if (typeof sid === 'string') out.sid = sid;
  const action = field(s, 'Action');
  const notAction = field(s, 'NotAction');
  if (notAction !== undefined) out.notActions = interned(strings(notAction));
  else out.actions = action === undefined ? [] : interned(strings(action));
  const resource = field(s, 'Resource');
  const notResource = field(s, 'NotResource');
  if (notResource !== undefined) out.notResources = strings(notResource);
  else if (resource !== undefined) out.resources = strings(resource);
  const principal = field(s, 'Principal');
  if (principal !== undefined) out.principals = principals(principal);
  const notPrincipal = field(s, 'NotPrincipal');
  if (notPrincipal !== undefined) out.notPrincipals = principals(notPrincipal);
  return out;
}

/**
 * One shared list per distinct Action list of plain strings: statements are never changed once
 * read, and the IAM questions memoise their answers per list (compiled matchers, the services a
 * list is confined to), so policies that repeat an Action list — in one input, or base and head of
 * a diff — share that work. Bounded: cleared when it grows past its limit.
 */
const actionLists = new Map<string, V<string>[]>();
function interned(list: V<string>[]): V<string>[] {
  if (!list.every((x) => typeof x === 'string')) return list;
  const key = (list as string[]).join('\u0000');
  const hit = actionLists.get(key);
  if (hit) return hit;
  if (actionLists.size >= 20_000) actionLists.clear();
  actionLists.set(key, list);
  return list;
}

/** A string or a list of strings; numbers and booleans as their text; anything else unknown. */
export function strings(v: PolicyTree): V<string>[] {
  if (isUnknown(v)) return [v];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => {
    if (typeof x === 'string') return x;
    if (typeof x === 'number' || typeof x === 'boolean') return String(x);
    if (isUnknown(x)) return x;
    return unknown('value is not a string');
  });
}

function principals(p: PolicyTree): Principal[] {
  if (p === '*') return [{ type: '*', value: '*' }];
  if (isUnknown(p)) return [{ type: 'AWS', value: p }];
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return [{ type: 'AWS', value: unknown('principal cannot be read') }];
  const out: Principal[] = [];
  for (const [k, v] of Object.entries(p)) {
    const type = (['AWS', 'Service', 'Federated', 'CanonicalUser'] as const).find((t) => t.toLowerCase() === k.toLowerCase());
    for (const value of strings(v)) out.push({ type: type ?? 'AWS', value });
  }
  return out;
}

function conditions(c: PolicyTree | undefined): V<Conditions> {
  if (c === undefined || c === null) return {};
  if (isUnknown(c)) return c;
  if (typeof c !== 'object' || Array.isArray(c)) return unknown('Condition is not an object');
  const out: Conditions = {};
  for (const [op, body] of Object.entries(c)) {
    if (isUnknown(body)) return body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return unknown(`Condition ${op} is not an object`);
    out[op] = {};
    for (const [key, values] of Object.entries(body)) out[op][key] = strings(values);
  }
  return out;
}
