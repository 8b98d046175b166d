import type { RefTarget, Resource, V } from '../model';
import { isUnknown } from '../model';

/**
 * Finds resources by whatever an input uses to point at them: a CloudFormation logical id
 * (`OrdersKey`, `${OrdersKey.Arn}`), a Terraform address (`aws_kms_key.orders`,
 * `aws_kms_key.orders.arn`, `${aws_kms_key.orders.arn}`), an ARN, a KMS key id or alias, or a
 * physical name. Rules follow references only through this index.
 */
/** Indexes by resource list: the scan and the diff of the same resources share one (and its memos). */
const shared = new WeakMap<readonly Resource[], ResourceIndex>();

export class ResourceIndex {
  /**
   * The index of a final resource list (linked, not changed any more), shared by everyone who asks
   * for the same list: the rules' per-index memos (effective permissions, statements, levels)
   * then serve both the scan and the diff of those resources.
   */
  static of(resources: readonly Resource[]): ResourceIndex {
    let hit = shared.get(resources);
    if (!hit) {
      hit = new ResourceIndex(resources);
      shared.set(resources, hit);
    }
    return hit;
  }

  private readonly byId = new Map<string, Resource>();
  private readonly byArn = new Map<string, Resource>();
  private readonly byName = new Map<string, Resource[]>();
  private readonly byType = new Map<string, Resource[]>();

  constructor(private readonly resources: readonly Resource[]) {
    for (const r of resources) {
      if (!this.byId.has(r.id)) this.byId.set(r.id, r);
      if (r.arn) {
        this.byArn.set(r.arn, r);
        // The ARN's resource id (`security-group/sg-0abc` → `sg-0abc`, `key/1234…`) is how other
        // items refer to it: AWS Config lists a cluster's security groups by group id.
        const tail = r.arn.split(/[:/]/).pop();
        if (tail && tail !== r.name) push(this.byName, tail, r);
      }
      if (typeof r.name === 'string') push(this.byName, r.name, r);
      push(this.byType, r.type, r);
      const alias = r.facets.kms?.aliasName;
      if (typeof alias === 'string') push(this.byName, alias, r);
    }
  }

  all(): readonly Resource[] {
    return this.resources;
  }

  get(id: string): Resource | undefined {
    return this.byId.get(id);
  }

  private readonly typeCache = new Map<string, readonly Resource[]>();

  /** Resources of the given types, in input order. Cached: rules ask for the same lists once per resource. */
  ofType(...types: string[]): readonly Resource[] {
    const key = types.join('\u0000');
    let hit = this.typeCache.get(key);
    if (!hit) {
      hit = types.length === 1 ? (this.byType.get(types[0]) ?? []) : types.flatMap((t) => this.byType.get(t) ?? []);
      this.typeCache.set(key, hit);
    }
    return hit;
  }

  /**
   * Resolves one reference. `types` narrows name look-ups (names are not unique across types).
   * KMS aliases resolve to the key they target when `types` asks for keys.
   */
  resolve(target: V<RefTarget> | undefined | null, types?: readonly string[]): Resource | undefined {
    if (target === undefined || target === null || isUnknown(target)) return undefined;
    const found = this.lookup(target.trim(), types);
    if (found && types && !types.includes(found.type) && found.type === 'AWS::KMS::Alias' && types.includes('AWS::KMS::Key')) {
      const key = found.facets.kms?.targetKey;
      if (key !== undefined && !isUnknown(key) && key !== target) return this.resolve(key, types);
    }
    if (found && types && !types.includes(found.type) && found.type !== 'AWS::KMS::Alias') return undefined;
    return found;
  }

  /** Every candidate id a reference string may denote, most specific first. */
  static candidates(target: string): string[] {
    let t = target;
    const interp = /^\$\{([^}]+)\}$/.exec(t);
    if (interp) t = interp[1];
    const out = [t];
    // Strip trailing attributes: `Key.Arn` → `Key`; `aws_kms_key.k.arn` → `aws_kms_key.k`;
    // `module.m.aws_s3_bucket.b[0].arn` → `module.m.aws_s3_bucket.b[0]`.
    let cut = t;
    while (true) {
      const i = lastDotOutsideBrackets(cut);
      if (i <= 0) break;
      cut = cut.slice(0, i);
      out.push(cut);
    }
    return out;
  }

  private lookup(target: string, types?: readonly string[]): Resource | undefined {
    for (const c of ResourceIndex.candidates(target)) {
      const r = this.byId.get(c);
      if (r) return r;
    }
    const byArn = this.byArn.get(target);
    if (byArn) return byArn;
    if (target.startsWith('arn:')) {
      // KMS key ARN → key id; alias ARN → alias name; other ARNs → trailing name.
      const m = /^arn:[^:]+:kms:[^:]*:[^:]*:(key\/.+|alias\/.+)$/.exec(target);
      const tail = m ? m[1].replace(/^key\//, '') : target.split(/[:/]/).pop() ?? '';
      return this.byNameFiltered(tail, types) ?? this.byId.get(tail);
    }
    return this.byNameFiltered(target, types);
  }

  private byNameFiltered(name: string, types?: readonly string[]): Resource | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    if (!types) return list[0];
    return list.find((r) => types.includes(r.type)) ?? list.find((r) => r.type === 'AWS::KMS::Alias');
  }
}

function push<K, T>(m: Map<K, T[]>, k: K, v: T): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function lastDotOutsideBrackets(s: string): number {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const ch = s[i];
    if (ch === ']') depth++;
    else if (ch === '[') depth--;
    else if (ch === '.' && depth === 0) return i;
  }
  return -1;
}
