import type { Unknown } from '../../model';
import { isUnknown, unknown } from '../../model';
import { base64 } from './base64';
import { ConditionEvaluator } from './conditions';
import { parameterUnknown } from './reasons';
import type { ParameterInfo, TemplateContext } from './template-context';
import type { CfnValue } from './types';
import { containsUnknown, intrinsicName, isMapValue, sameValue, type CfnMap } from './values';
import { setKey } from './yaml-tree';

/** `AWS::NoValue`: the property (or list item) is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
export type Resolved = CfnValue | typeof NO_VALUE;

const MAX_RESOLVE_DEPTH = 2000;
/** Longest string a function may build: nested `Fn::Sub`/`Fn::Join` can otherwise grow exponentially. */
const MAX_STRING = 1_000_000;

function capped(s: string): string | Unknown {
  return s.length > MAX_STRING ? unknown(`value is longer than ${MAX_STRING} characters`) : s;
}

/**
 * Resolves CloudFormation intrinsic functions as far as a template alone allows (see
 * `CfnValue` in types.ts): parameters take their default or the given value; references to
 * resources become `${Id}` / `${Id.Attr}`; pseudo parameters stay `${AWS::Region}` inside strings
 * and are unknown as whole values; conditions are evaluated; what only deployment can tell
 * (`Fn::ImportValue`, `Fn::GetAZs`, macros) is `Unknown` with the reason.
 */
export class Resolver {
  readonly conditions: ConditionEvaluator;

  constructor(
    private readonly ctx: TemplateContext,
    private readonly note: (message: string) => void,
  ) {
    this.conditions = new ConditionEvaluator(ctx.conditions, (v) => this.whole(v), note);
  }

  /** Resolves a value; `AWS::NoValue` at the top becomes `undefined`-like `NO_VALUE`. */
  resolve(v: CfnValue, depth = 0): Resolved {
    if (depth > MAX_RESOLVE_DEPTH) return unknown('value is nested too deeply');
    if (v === null || typeof v !== 'object' || isUnknown(v)) return v;
    // Copy on write: a list or map without an intrinsic function below it resolves to itself, so
    // the plain parts of a template are not copied (nothing changes a tree once read).
    if (Array.isArray(v)) {
      let out: CfnValue[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const r = this.resolve(v[i], depth + 1);
        if (out === undefined && r !== v[i]) out = v.slice(0, i);
        if (out !== undefined && r !== NO_VALUE) out.push(r);
      }
      return out ?? v;
    }
    const fn = intrinsicName(v);
    if (fn) return this.call(fn, v[fn], depth + 1);
    let out: CfnMap | undefined;
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      const item = v[k];
      const r = this.resolve(item, depth + 1);
      if (out === undefined && r !== item) {
        out = {};
        // The keys before this one resolved to themselves.
        for (const before in v) {
          if (before === k) break;
          if (Object.prototype.hasOwnProperty.call(v, before)) setKey(out, before, v[before]);
        }
      }
      if (out !== undefined && r !== NO_VALUE) setKey(out, k, r);
    }
    return out ?? v;
  }

  /** Resolves a value where `AWS::NoValue` has no meaning (it becomes null). */
  whole(v: CfnValue, depth = 0): CfnValue {
    const r = this.resolve(v, depth);
    return r === NO_VALUE ? null : r;
  }

  private call(fn: string, arg: CfnValue, depth: number): Resolved {
    switch (fn) {
      case 'Ref':
        return this.ref(arg, depth);
      case 'Fn::GetAtt':
        return this.getAtt(arg, depth);
      case 'Fn::Sub':
        return this.sub(arg, depth);
      case 'Fn::Join':
        return this.join(arg, depth);
      case 'Fn::Select':
        return this.select(arg, depth);
      case 'Fn::Split':
        return this.split(arg, depth);
      case 'Fn::If':
        return this.fnIf(arg, depth);
      case 'Fn::FindInMap':
        return this.findInMap(arg, depth);
      case 'Fn::Base64': {
        const s = this.text(arg, depth);
        return isUnknown(s) ? s : base64(s);
      }
      case 'Fn::Length': {
        const list = this.whole(arg, depth);
        return Array.isArray(list) ? list.length : isUnknown(list) ? list : unknown('Fn::Length of a value that is not a list');
      }
      case 'Fn::ToJsonString': {
        const value = this.whole(arg, depth);
        return containsUnknown(value) ? unknown('Fn::ToJsonString of a value that is not fully known') : JSON.stringify(value);
      }
      case 'Fn::Equals':
      case 'Fn::Not':
      case 'Fn::And':
      case 'Fn::Or':
        return this.conditions.expression({ [fn]: arg });
      case 'Fn::ImportValue': {
        const name = this.text(arg, depth);
        return unknown(`Fn::ImportValue ${isUnknown(name) ? '(unknown name)' : name}: exported by another stack, known only at deploy time`);
      }
      case 'Fn::GetAZs':
        return unknown('Fn::GetAZs: availability zones are known only at deploy time');
      case 'Fn::Cidr':
        return unknown('Fn::Cidr is computed at deploy time');
      case 'Fn::Transform': {
        const name = isMapValue(arg) && typeof arg.Name === 'string' ? arg.Name : 'a macro';
        return unknown(`Fn::Transform: ${name} is expanded by CloudFormation at deploy time`);
      }
      default:
        return unknown(`${fn} is not supported`);
    }
  }

  private ref(arg: CfnValue, depth: number): Resolved {
    const name = typeof arg === 'string' ? arg : this.whole(arg, depth);
    if (isUnknown(name)) return name;
    if (typeof name !== 'string') return unknown('Ref to a value that is not a name');
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (name.startsWith('AWS::')) return unknown(`pseudo parameter ${name} is known only at deploy time`);
    const param = this.ctx.parameters.get(name);
    if (param) return parameterValue(name, param);
    if (this.ctx.resourceIds.has(name)) return `\${${name}}`;
    this.note(`Ref to ${name}, which is neither a parameter nor a resource`);
    return unknown(`Ref to undefined name ${name}`);
  }

  private getAtt(arg: CfnValue, depth: number): Resolved {
    let parts: CfnValue[];
    if (typeof arg === 'string') {
      const dot = arg.indexOf('.');
      parts = dot < 0 ? [arg] : [arg.slice(0, dot), arg.slice(dot + 1)];
    } else if (Array.isArray(arg)) parts = arg;
    else return unknown('Fn::GetAtt needs a resource and an attribute');
    if (parts.length !== 2) return unknown('Fn::GetAtt needs a resource and an attribute');
    const [res, attr] = [this.text(parts[0], depth), this.text(parts[1], depth)];
    if (isUnknown(res)) return res;
    if (isUnknown(attr)) return attr;
    if (!this.ctx.resourceIds.has(res)) this.note(`Fn::GetAtt refers to ${res}, which is not a resource of this template`);
    return `\${${res}.${attr}}`;
  }

  private sub(arg: CfnValue, depth: number): Resolved {
    let template: CfnValue;
    let vars: CfnMap = {};
    if (Array.isArray(arg)) {
      template = this.whole(arg[0] ?? null, depth);
      const v = arg[1];
      if (v !== undefined && !isMapValue(v)) return unknown('Fn::Sub variables are not a map');
      vars = v ?? {};
    } else template = this.whole(arg, depth);
    if (isUnknown(template)) return template;
    if (typeof template !== 'string') return unknown('Fn::Sub of a value that is not a string');
    let failure: Unknown | undefined;
    const resolvedVars = new Map<string, string | Unknown>();
    const out = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      if (Object.prototype.hasOwnProperty.call(vars, name)) {
        const v = resolvedVars.get(name) ?? this.text(vars[name], depth);
        resolvedVars.set(name, v);
        if (isUnknown(v)) failure ??= v;
        return isUnknown(v) ? whole : v;
      }
      if (name.startsWith('AWS::')) return whole;
      const param = this.ctx.parameters.get(name);
      if (param) {
        const v = parameterValue(name, param);
        if (isUnknown(v)) failure ??= v;
        return isUnknown(v) ? whole : Array.isArray(v) ? v.join(',') : String(v);
      }
      const res = name.split('.')[0];
      if (!this.ctx.resourceIds.has(res)) this.note(`Fn::Sub refers to \${${name}}, which is not defined in this template`);
      return `\${${name}}`;
    });
    return failure ?? capped(out);
  }

  private join(arg: CfnValue, depth: number): Resolved {
    if (!Array.isArray(arg) || arg.length !== 2) return unknown('Fn::Join needs a delimiter and a list');
    const delim = this.text(arg[0], depth);
    if (isUnknown(delim)) return delim;
    const parts = this.textList(arg[1], depth);
    if (isUnknown(parts)) return parts;
    return capped(parts.join(delim));
  }

  private select(arg: CfnValue, depth: number): Resolved {
    if (!Array.isArray(arg) || arg.length !== 2) return unknown('Fn::Select needs an index and a list');
    const index = this.whole(arg[0], depth);
    if (isUnknown(index)) return index;
    const i = typeof index === 'number' ? index : typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : NaN;
    if (!Number.isInteger(i) || i < 0) return unknown('Fn::Select index is not a number');
    const rawList = arg[1];
    if (Array.isArray(rawList)) return i < rawList.length ? this.resolve(rawList[i], depth) : unknown(`Fn::Select index ${i} is out of range`);
    const list = this.whole(rawList, depth);
    if (isUnknown(list)) return list;
    if (!Array.isArray(list)) return unknown('Fn::Select of a value that is not a list');
    return i < list.length ? list[i] : unknown(`Fn::Select index ${i} is out of range`);
  }

  private split(arg: CfnValue, depth: number): Resolved {
    if (!Array.isArray(arg) || arg.length !== 2) return unknown('Fn::Split needs a delimiter and a string');
    const delim = this.text(arg[0], depth);
    const s = this.text(arg[1], depth);
    if (isUnknown(delim)) return delim;
    if (isUnknown(s)) return s;
    return delim === '' ? [s] : s.split(delim);
  }

  private fnIf(arg: CfnValue, depth: number): Resolved {
    if (!Array.isArray(arg) || arg.length !== 3) return unknown('Fn::If needs a condition and two values');
    const cond = this.conditions.named(arg[0]);
    if (cond === true) return this.resolve(arg[1], depth);
    if (cond === false) return this.resolve(arg[2], depth);
    const a: Resolved = this.resolve(arg[1], depth);
    const b: Resolved = this.resolve(arg[2], depth);
    if (typeof a === 'symbol' || typeof b === 'symbol') return a === b ? NO_VALUE : cond;
    return sameValue(a, b) ? a : cond;
  }

  private findInMap(arg: CfnValue, depth: number): Resolved {
    if (!Array.isArray(arg) || arg.length < 3) return unknown('Fn::FindInMap needs a map name and two keys');
    const keys = arg.slice(0, 3).map((k) => this.text(k, depth));
    const missing = keys.find(isUnknown);
    if (missing) return missing;
    const [m, k1, k2] = keys as string[];
    const top = this.ctx.mappings[m];
    const second = isMapValue(top) ? top[k1] : undefined;
    if (isMapValue(second) && Object.prototype.hasOwnProperty.call(second, k2)) return this.resolve(second[k2], depth);
    const options = arg[3];
    if (isMapValue(options) && 'DefaultValue' in options) return this.resolve(options.DefaultValue, depth);
    this.note(`Fn::FindInMap: mapping ${m} has no entry ${k1}/${k2}`);
    return unknown(`mapping ${m} has no entry ${k1}/${k2}`);
  }

  /**
   * A value used inside a string (Join, Sub variables, Base64 …): pseudo parameters stay as
   * `${AWS::Region}` placeholders; numbers and booleans become text.
   */
  text(v: CfnValue, depth: number): string | Unknown {
    const r = this.resolve(v, depth + 1);
    return r === NO_VALUE ? unknown('AWS::NoValue used as a string') : asText(v, r);
  }

  /** A list of strings, written as a list (items resolved one by one) or produced by a function. */
  private textList(v: CfnValue, depth: number): string[] | Unknown {
    if (Array.isArray(v)) {
      const out: string[] = [];
      for (const item of v) {
        const r = this.resolve(item, depth + 1);
        if (r === NO_VALUE) continue;
        const s = asText(item, r);
        if (isUnknown(s)) return s;
        out.push(s);
      }
      return out;
    }
    const r = this.whole(v, depth + 1);
    if (isUnknown(r)) return r;
    if (!Array.isArray(r)) return unknown('value is not a list');
    const out: string[] = [];
    for (const item of r) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') out.push(String(item));
      else return isUnknown(item) ? item : unknown('list item is not a string');
    }
    return out;
  }
}

/** Text of a resolved value; a whole-value pseudo parameter `Ref` (unknown alone) is a placeholder inside a string. */
function asText(raw: CfnValue, r: CfnValue): string | Unknown {
  if (isMapValue(raw) && intrinsicName(raw) === 'Ref' && typeof raw.Ref === 'string' && raw.Ref.startsWith('AWS::')) return `\${${raw.Ref}}`;
  if (typeof r === 'string') return r;
  if (typeof r === 'number' || typeof r === 'boolean') return String(r);
  if (isUnknown(r)) return r;
  return unknown('value is not a string');
}

/** A parameter's value: its default or given value; lists split; SSM-backed and missing ones unknown. */
export function parameterValue(name: string, p: ParameterInfo): CfnValue {
  if (p.type.startsWith('AWS::SSM::Parameter::Value')) return parameterUnknown(name, `is read from SSM Parameter Store${p.value ? ` (${p.value})` : ''} at deploy time`);
  if (p.value === undefined) return parameterUnknown(name, p.noEcho ? 'has no default (NoEcho: supplied at deploy time)' : 'has no default');
  if (p.type === 'CommaDelimitedList' || p.type.startsWith('List<')) return p.value === '' ? [] : p.value.split(',');
  return p.value;
}
