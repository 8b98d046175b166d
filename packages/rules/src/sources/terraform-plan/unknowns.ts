import type { TfValue } from '../terraform/types';
import { unknown } from '../../model';
import { isExpressionLeaf, type ConfigIndex } from './configuration';
import { isJsonObject, type Json, type JsonObject } from './plan-types';

/** Marker for "drop this attribute": unknown, and not set in the configuration (the provider computes it). */
const ABSENT = Symbol('absent');

const MAX_DEPTH = 64;

export interface OverlayContext {
  config: ConfigIndex;
  moduleInstance: string;
  instanceIndex: string;
  /** The configuration lists this resource (so an attribute missing there was not written). */
  configKnown: boolean;
}

/**
 * Lays `after_unknown` over the planned values: every `true` leaf becomes either the reference
 * its configuration expression names (`${aws_kms_key.k.arn}` — how a plan shows which key a table
 * uses), an `Unknown` "known after apply", or — when the configuration does not set the attribute
 * at all — nothing, so the AWS default applies as it will at apply time. Only objects on the path
 * to an unknown leaf are copied; the rest of the tree is shared with the parsed plan.
 */
export function overlayUnknowns(values: JsonObject, afterUnknown: Json | undefined, expressions: JsonObject | undefined, ctx: OverlayContext): { [key: string]: TfValue } {
  if (!isJsonObject(afterUnknown)) return values;
  const out = walk(values, afterUnknown, expressions, ctx.configKnown, ctx, 0);
  return out === ABSENT || !isJsonObject(out as Json) ? values : (out as { [key: string]: TfValue });
}

function walk(value: Json | undefined, au: Json | undefined, expr: Json | undefined, exprKnown: boolean, ctx: OverlayContext, depth: number): TfValue | undefined | typeof ABSENT {
  if (au === true) return leaf(expr, exprKnown, ctx);
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(au)) {
    const list: Json[] = Array.isArray(value) ? value : [];
    let out: TfValue[] | undefined;
    for (let i = 0; i < au.length; i++) {
      const a = au[i];
      if (a !== true && !Array.isArray(a) && !isJsonObject(a)) continue;
      const [e, known] = element(expr, i, exprKnown);
      const r = walk(list[i], a, e, known, ctx, depth + 1);
      out ??= list.slice();
      out[i] = r === ABSENT || r === undefined ? null : r;
    }
    return out ?? value;
  }
  if (isJsonObject(au)) {
    const obj: JsonObject = isJsonObject(value) ? value : {};
    const exprObj = isJsonObject(expr) && !isExpressionLeaf(expr) ? expr : undefined;
    let out: { [key: string]: TfValue } | undefined;
    for (const [k, a] of Object.entries(au)) {
      if (a !== true && !Array.isArray(a) && !isJsonObject(a)) continue;
      const sub = exprObj?.[k];
      // A block list missing from the expressions may be a `dynamic` block: not "unset".
      const known = exprKnown && exprObj !== undefined && (sub !== undefined || !isBlockList(obj[k]));
      const r = walk(obj[k], a, sub, known, ctx, depth + 1);
      out ??= { ...obj };
      if (r === ABSENT || r === undefined) delete out[k];
      else out[k] = r;
    }
    return out ?? value;
  }
  return value;
}

/** The expression of element i: blocks are arrays of expression objects (or one object for single blocks). */
function element(expr: Json | undefined, i: number, known: boolean): [Json | undefined, boolean] {
  if (Array.isArray(expr)) return [expr[i], known && i < expr.length];
  if (isExpressionLeaf(expr)) return [expr, false];
  if (isJsonObject(expr) && i === 0) return [expr, known];
  return [undefined, false];
}

function isBlockList(v: Json | undefined): boolean {
  return Array.isArray(v) && v.length > 0 && v.every(isJsonObject);
}

function leaf(expr: Json | undefined, exprKnown: boolean, ctx: OverlayContext): TfValue | typeof ABSENT {
  if (expr === undefined) return exprKnown ? ABSENT : unknown('known after apply');
  const origin = ctx.config.origin(expr, ctx.moduleInstance, ctx.instanceIndex);
  if (origin?.kind === 'ref') return `\${${origin.ref}}`;
  if (origin?.kind === 'mixed' && origin.resources.length > 0) return unknown(`known after apply (from ${origin.resources.join(', ')})`);
  return unknown('known after apply');
}

/** Attributes holding a password or secret: a known value there is only a literal when the code wrote it. */
export const SECRET_ATTRIBUTES = ['master_password', 'password', 'admin_user_password', 'secret_string'] as const;

/**
 * A plan shows secrets in clear text whatever their origin. A value that came from another
 * resource or data source (`data.aws_secretsmanager_secret_version.x.secret_string`,
 * `random_password.p.result`) or from a variable without a default in the code (CI secrets,
 * `TF_VAR_…`) is not a password written in the code: it is replaced by the reference.
 */
export function maskSourcedSecrets(values: { [key: string]: TfValue }, expressions: JsonObject | undefined, ctx: OverlayContext): { [key: string]: TfValue } {
  if (!expressions) return values;
  let out: { [key: string]: TfValue } | undefined;
  for (const attr of SECRET_ATTRIBUTES) {
    const v = values[attr];
    if (typeof v !== 'string' || v === '' || v.startsWith('${')) continue;
    const origin = ctx.config.origin(expressions[attr], ctx.moduleInstance, ctx.instanceIndex);
    let replacement: string | undefined;
    if (origin?.kind === 'ref') replacement = origin.ref;
    else if (origin?.kind === 'mixed' && origin.resources.length > 0) replacement = origin.resources[0];
    else if (origin?.kind === 'var' && !origin.hasDefault) replacement = `var.${origin.name}`;
    if (replacement === undefined) continue;
    out ??= { ...values };
    out[attr] = `\${${replacement}}`;
  }
  return out ?? values;
}
