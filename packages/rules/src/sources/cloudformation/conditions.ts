import type { Tri, Unknown } from '../../model';
import { isUnknown, unknown } from '../../model';
import type { CfnValue } from './types';
import { containsUnknown, intrinsicName, isMapValue, sameValue } from './values';

/**
 * Evaluates template `Conditions` with three-valued logic: `Fn::Equals` on known values,
 * `Fn::Not`/`Fn::And`/`Fn::Or` combining them (an `Or` with one true operand is true even if
 * another is unknown), named conditions by reference. Anything that depends on a value only known
 * at deploy time (a pseudo parameter, a parameter without default) is `Unknown` with the reason.
 */
export class ConditionEvaluator {
  private readonly memo = new Map<string, Tri>();
  private readonly evaluating = new Set<string>();

  constructor(
    private readonly conditions: { [key: string]: CfnValue },
    private readonly resolve: (v: CfnValue) => CfnValue,
    private readonly note: (message: string) => void,
  ) {}

  /** A named condition. */
  named(name: CfnValue): Tri {
    if (typeof name !== 'string') return isUnknown(name) ? name : unknown('condition name is not a string');
    const cached = this.memo.get(name);
    if (cached !== undefined) return cached;
    if (!Object.prototype.hasOwnProperty.call(this.conditions, name)) {
      this.note(`condition ${name} is not defined in Conditions`);
      return unknown(`condition ${name} is not defined`);
    }
    if (this.evaluating.has(name)) return unknown(`condition ${name} refers to itself`);
    this.evaluating.add(name);
    let result: Tri;
    try {
      result = this.expression(this.conditions[name]);
    } finally {
      this.evaluating.delete(name);
    }
    if (isUnknown(result)) result = unknown(`condition ${name} cannot be decided: ${result.reason}`);
    this.memo.set(name, result);
    return result;
  }

  /** A condition expression: `Fn::Equals`, `Fn::Not`, `Fn::And`, `Fn::Or`, `{Condition: name}`, or a literal boolean. */
  expression(v: CfnValue): Tri {
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'false') return v === 'true';
    if (isUnknown(v)) return v;
    if (isMapValue(v) && Object.keys(v).length === 1 && 'Condition' in v) return this.named(v.Condition);
    const fn = intrinsicName(v);
    if (!fn || !isMapValue(v)) return unknown('condition is not a condition function');
    const arg = v[fn];
    const list = Array.isArray(arg) ? arg : [arg];
    switch (fn) {
      case 'Fn::Equals':
        return this.equals(list);
      case 'Fn::Not': {
        const r = this.expression(list[0] ?? null);
        return isUnknown(r) ? r : !r;
      }
      case 'Fn::And':
        return this.combine(list, false);
      case 'Fn::Or':
        return this.combine(list, true);
      default:
        return unknown(`${fn} is not evaluated in conditions`);
    }
  }

  private equals(list: CfnValue[]): Tri {
    if (list.length !== 2) return unknown('Fn::Equals needs two values');
    const [a, b] = list.map((x) => this.resolve(x));
    const firstUnknown = [a, b].find((x) => containsUnknown(x));
    if (firstUnknown !== undefined) return isUnknown(firstUnknown) ? firstUnknown : unknown('Fn::Equals compares a value that is not known');
    if (isPlaceholder(a) || isPlaceholder(b)) return unknown('Fn::Equals compares a value only known at deploy time');
    const scalar = (x: CfnValue) => (typeof x === 'number' || typeof x === 'boolean' ? String(x) : x);
    return sameValue(scalar(a), scalar(b));
  }

  /** `Or` (any true ⇒ true) or `And` (any false ⇒ false); otherwise unknown if any operand is. */
  private combine(list: CfnValue[], isOr: boolean): Tri {
    let pending: Unknown | undefined;
    for (const item of list) {
      const r = this.expression(item);
      if (isUnknown(r)) pending ??= r;
      else if (r === isOr) return isOr;
    }
    return pending ?? !isOr;
  }
}

/** A string that still holds a `${…}` reference (pseudo parameter or resource attribute). */
function isPlaceholder(v: CfnValue): boolean {
  return typeof v === 'string' && /\$\{[^}]+\}/.test(v);
}
