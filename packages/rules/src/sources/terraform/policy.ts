import type { PolicyDocument } from '../../model';
import { isUnknown } from '../../model';
import { normalizePolicy, type PolicyTree } from '../../iam/normalize';
import type { TfResourceInput, TfValue } from './types';
import { blocks, isReference, referenceTarget, toStr, toStrItems, type TfObject } from './values';

/**
 * Policy documents as Terraform writes them: a JSON string (`jsonencode(...)`, a heredoc, a plan
 * value), or a reference to an `aws_iam_policy_document` data source whose `statement` blocks we
 * turn into the same JSON shape, so everything goes through `normalizePolicy()`.
 */
export class PolicyResolver {
  private readonly documents = new Map<string, TfResourceInput>();

  constructor(dataSources: readonly TfResourceInput[]) {
    for (const d of dataSources) if (d.type === 'aws_iam_policy_document') this.documents.set(d.address, d);
  }

  resolve(value: TfValue | undefined, path: string): PolicyDocument {
    return this.resolveDepth(value, path, 0);
  }

  private resolveDepth(value: TfValue | undefined, path: string, depth: number): PolicyDocument {
    if (typeof value === 'string' && isReference(value)) {
      const target = referenceTarget(value);
      const m = /^(.*data\.aws_iam_policy_document\.[^.]+?(?:\[[^\]]*\])?)\.(json|minified_json)$/.exec(target);
      const source = m ? this.documents.get(m[1]) : undefined;
      if (!source) return { statements: [], unknownReason: `the policy comes from ${target}, which is not in this input` };
      if (depth > 8) return { statements: [], unknownReason: `policy documents reference each other too deeply at ${target}` };
      return this.fromDataSource(source, path, depth);
    }
    if (typeof value === 'string' && value.trim() === '') return { statements: [] };
    if (typeof value === 'string' && value.includes('${') && !value.trimStart().startsWith('{')) {
      return { statements: [], unknownReason: `the policy is built from ${value.length > 80 ? value.slice(0, 77) + '...' : value}` };
    }
    return normalizePolicy(value as PolicyTree | undefined, path);
  }

  /**
   * A data source: its computed `json` when known (plans), else its statements, with
   * `source_policy_documents` first and `override_policy_documents` replacing statements by Sid,
   * as the provider merges them.
   */
  private fromDataSource(source: TfResourceInput, path: string, depth: number): PolicyDocument {
    const json = source.values.json;
    if (typeof json === 'string' && json.trim().startsWith('{')) return normalizePolicy(json, path);
    const statements = blocks(source.values.statement).map(statementJson);
    const own = normalizePolicy({ Statement: statements }, path);
    const docs = (attr: string): PolicyDocument[] => {
      const v = source.values[attr];
      if (v === undefined || v === null) return [];
      if (isUnknown(v)) return [{ statements: [], unknownReason: v.reason }];
      return (Array.isArray(v) ? v : [v]).map((d) => this.resolveDepth(d, path, depth + 1));
    };
    const sources = docs('source_policy_documents');
    const overrides = docs('override_policy_documents');
    if (sources.length === 0 && overrides.length === 0) return own;
    let merged = [...sources.flatMap((d) => d.statements), ...own.statements];
    for (const o of overrides) {
      for (const s of o.statements) {
        const i = s.sid === undefined ? -1 : merged.findIndex((x) => x.sid === s.sid);
        if (i >= 0) merged = merged.map((x, j) => (j === i ? s : x));
        else merged.push(s);
      }
    }
    const reason = [...sources, own, ...overrides].map((d) => d.unknownReason).find((r) => r !== undefined);
    return reason === undefined ? { statements: merged } : { statements: merged, unknownReason: reason };
  }
}

/** One `statement` block of `aws_iam_policy_document` → an IAM JSON statement. */
function statementJson(b: TfObject): PolicyTree {
  const out: { [key: string]: PolicyTree } = {};
  const sid = toStr(b.sid, 'sid');
  if (typeof sid === 'string' && sid !== '') out.Sid = sid;
  out.Effect = b.effect === undefined || b.effect === null || b.effect === '' ? 'Allow' : (b.effect as PolicyTree);
  const list = (key: string, name: string) => {
    const v = b[key];
    if (isUnknown(v)) out[name] = v;
    else if (Array.isArray(v) && v.length > 0) out[name] = v as PolicyTree;
    else if (typeof v === 'string' && v !== '') out[name] = v;
  };
  list('actions', 'Action');
  list('not_actions', 'NotAction');
  list('resources', 'Resource');
  list('not_resources', 'NotResource');
  const principals = principalJson(b.principals);
  if (principals !== undefined) out.Principal = principals;
  const notPrincipals = principalJson(b.not_principals);
  if (notPrincipals !== undefined) out.NotPrincipal = notPrincipals;
  const conditions = blocks(b.condition);
  if (isUnknown(b.condition)) out.Condition = b.condition;
  else if (conditions.length > 0) {
    const cond: { [op: string]: { [key: string]: PolicyTree } } = {};
    for (const c of conditions) {
      const test = toStr(c.test, 'condition.test');
      const variable = toStr(c.variable, 'condition.variable');
      if (typeof test !== 'string' || typeof variable !== 'string') continue;
      const values = toStrItems(c.values, 'condition.values') ?? [];
      const prev = cond[test]?.[variable];
      const merged = [...(Array.isArray(prev) ? prev : []), ...(isUnknown(values) ? [values] : values)];
      cond[test] = { ...cond[test], [variable]: merged };
    }
    out.Condition = cond;
  }
  return out;
}

/** `principals { type, identifiers }` blocks → `Principal`; `type = "*"` renders as `"*"`, as the provider does. */
function principalJson(v: TfValue | undefined): PolicyTree | undefined {
  if (isUnknown(v)) return v;
  const list = blocks(v);
  if (list.length === 0) return undefined;
  const out: { [type: string]: PolicyTree[] } = {};
  for (const p of list) {
    const type = toStr(p.type, 'principals.type');
    if (typeof type !== 'string') continue;
    if (type === '*') return '*';
    const ids = p.identifiers;
    const values: PolicyTree[] = isUnknown(ids) ? [ids] : Array.isArray(ids) ? (ids as PolicyTree[]) : typeof ids === 'string' ? [ids] : [];
    out[type] = [...(out[type] ?? []), ...values];
  }
  return out;
}

