import { unknown } from '../../model';
import type { NamedDecl } from './config';
import type { Evaluator } from './evaluator';
import type { LoadedFile } from './load';
import { has, type Val } from './value';

/** Files Terraform loads by itself from the module directory. */
export function isAutoVarFile(path: string): boolean {
  const base = path.split('/').pop() ?? path;
  return base === 'terraform.tfvars' || base === 'terraform.tfvars.json' || base.endsWith('.auto.tfvars') || base.endsWith('.auto.tfvars.json');
}

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/**
 * Terraform's order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) in
 * lexical order of their names; later files override earlier ones.
 */
export function autoVarFileOrder(a: string, b: string): number {
  const rank = (p: string) => (baseName(p) === 'terraform.tfvars' ? 0 : baseName(p) === 'terraform.tfvars.json' ? 1 : 2);
  const r = rank(a) - rank(b);
  if (r !== 0) return r;
  const x = baseName(a);
  const y = baseName(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A variable's declared primitive type, from hcl2json's `"${string}"` rendering of `type = string`. */
function primitiveType(decl: NamedDecl): 'string' | 'number' | 'bool' | undefined {
  const body = decl.raw as Record<string, unknown>;
  const t = typeof body?.type === 'string' ? /^\$\{\s*(string|number|bool)\s*\}$/.exec(body.type) : null;
  return t ? (t[1] as 'string' | 'number' | 'bool') : undefined;
}

/** Converts a value given on the command line (always a string there) to the declared type. */
function convert(v: Val, type: 'string' | 'number' | 'bool' | undefined, name: string): Val {
  if (type === 'number' && typeof v === 'string') {
    const n = Number(v);
    return v.trim() !== '' && Number.isFinite(n) ? n : unknown(`var.${name}: "${v}" is not a number`);
  }
  if (type === 'bool' && typeof v === 'string') return v === 'true' ? true : v === 'false' ? false : unknown(`var.${name}: "${v}" is not a bool`);
  if (type === 'string' && (typeof v === 'number' || typeof v === 'boolean')) return String(v);
  return v;
}

/**
 * Value of every declared variable: default, overridden by each var file in order, overridden by
 * values given directly. Var files hold constants only: their expressions see no variables.
 */
export function resolveVariables(
  decls: ReadonlyMap<string, NamedDecl>,
  varFiles: readonly LoadedFile[],
  given: ReadonlyMap<string, Val>,
  constants: Evaluator,
): Map<string, Val> {
  const values = new Map<string, Val>();
  const none = new Map<string, Val>();
  for (const [name, decl] of decls) {
    const body = decl.raw as Record<string, unknown>;
    values.set(name, body && has(body, 'default') ? constants.raw(body.default, none) : unknown(`var.${name} has no default`));
  }
  for (const f of varFiles) {
    for (const [name, raw] of Object.entries(f.body)) {
      if (decls.has(name)) values.set(name, constants.raw(raw, none));
    }
  }
  for (const [name, v] of given) if (decls.has(name)) values.set(name, v);
  for (const [name, decl] of decls) values.set(name, convert(values.get(name) ?? null, primitiveType(decl), name));
  return values;
}
