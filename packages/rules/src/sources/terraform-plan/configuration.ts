import type { SourceResult } from '../../model';
import { parentModule, stripIndexes } from './address';
import { isJsonObject, MAX_MODULE_DEPTH, str, type Json, type JsonObject } from './plan-types';

interface ConfigModule {
  /** `variables` of the module: name → { default?, … }. */
  variables: JsonObject;
  /** The module call's argument expressions in the parent (child modules only). */
  callExpressions?: JsonObject;
}

/**
 * Where a value comes from, read from `configuration` expressions:
 * - `ref`: one other object (`aws_kms_key.k.arn`, full address incl. module instance);
 * - `var`: a root variable, with or without a default in the code;
 * - `literal`: a constant written in the code (or derived from constants and locals only);
 * - `mixed`: several references; `resources` lists the resource ones.
 */
export type Origin =
  | { kind: 'ref'; ref: string }
  | { kind: 'var'; name: string; hasDefault: boolean }
  | { kind: 'literal' }
  | { kind: 'mixed'; resources: string[] };

const META = /^(count|each|path|terraform|self)\./;

/**
 * Index of the plan's `configuration` block: resources by configuration address (module path
 * without instance keys + `type.name`), modules by path. Built once, iteratively.
 */
export class ConfigIndex {
  private readonly modules = new Map<string, ConfigModule>();
  private readonly resources = new Map<string, JsonObject>();

  constructor(configuration: Json | undefined, file: string, notes: SourceResult['notes']) {
    const root = isJsonObject(configuration) ? configuration.root_module : undefined;
    if (!isJsonObject(root)) return;
    const queue: Array<{ module: JsonObject; path: string; depth: number; call?: JsonObject }> = [{ module: root, path: '', depth: 0 }];
    while (queue.length > 0) {
      const { module, path, depth, call } = queue.pop()!;
      this.modules.set(path, { variables: isJsonObject(module.variables) ? module.variables : {}, callExpressions: call });
      if (Array.isArray(module.resources)) {
        for (const r of module.resources) {
          const address = isJsonObject(r) ? str(r.address) : undefined;
          if (!address || !isJsonObject(r)) continue;
          this.resources.set(path ? `${path}.${address}` : address, isJsonObject(r.expressions) ? r.expressions : {});
        }
      }
      if (!isJsonObject(module.module_calls)) continue;
      for (const [name, mc] of Object.entries(module.module_calls)) {
        if (!isJsonObject(mc) || !isJsonObject(mc.module)) continue;
        if (depth + 1 > MAX_MODULE_DEPTH) {
          notes.push({ file, message: `configuration of module ${path ? path + '.' : ''}module.${name} is nested too deeply; its expressions are not read` });
          continue;
        }
        queue.push({ module: mc.module, path: `${path ? path + '.' : ''}module.${name}`, depth: depth + 1, call: isJsonObject(mc.expressions) ? mc.expressions : {} });
      }
    }
  }

  /** Expressions of a resource instance, or undefined when the configuration does not list it. */
  expressions(moduleInstance: string, relativeAddress: string): JsonObject | undefined {
    const path = stripIndexes(moduleInstance);
    return this.resources.get(path ? `${path}.${relativeAddress}` : relativeAddress);
  }

  /**
   * Origin of one expression leaf (`{ references, constant_value }`) evaluated in a module
   * instance; `instanceIndex` completes `aws_x.y` referenced with `count.index`/`each.key`.
   */
  origin(expr: Json | undefined, moduleInstance: string, instanceIndex: string, depth = 0): Origin | undefined {
    if (!isExpressionLeaf(expr)) return undefined;
    const all = Array.isArray(expr.references) ? expr.references.filter((r): r is string => typeof r === 'string') : [];
    const usesIndex = all.some((r) => r.startsWith('count.') || r.startsWith('each.'));
    const roots = mainReferences(all.filter((r) => !META.test(r)));
    if (roots.length === 0) return { kind: 'literal' };
    if (roots.length > 1) {
      const resources = roots.filter((r) => !r.startsWith('var.') && !r.startsWith('local.')).map((r) => qualify(r, moduleInstance));
      return resources.length === 0 && roots.every((r) => r.startsWith('local.')) ? { kind: 'literal' } : { kind: 'mixed', resources };
    }
    const ref = roots[0];
    if (ref.startsWith('local.')) return { kind: 'literal' };
    if (ref.startsWith('var.')) return this.variable(ref, moduleInstance, depth);
    const parts = ref.split('.');
    const bare = !ref.includes('[') && parts.length === (ref.startsWith('data.') ? 3 : 2);
    return { kind: 'ref', ref: qualify(usesIndex && bare && !ref.startsWith('module.') ? ref + instanceIndex : ref, moduleInstance) };
  }

  private variable(ref: string, moduleInstance: string, depth: number): Origin | undefined {
    const name = stripIndexes(ref.split('.')[1] ?? '');
    const module = this.modules.get(stripIndexes(moduleInstance));
    const declared = module?.variables[name];
    const hasDefault = isJsonObject(declared) && 'default' in declared;
    if (moduleInstance === '') return { kind: 'var', name, hasDefault };
    // A child module's variable is whatever the module call passes in, evaluated in the parent.
    const passed = module?.callExpressions?.[name];
    if (passed === undefined) return hasDefault ? { kind: 'literal' } : undefined;
    if (depth > MAX_MODULE_DEPTH) return undefined;
    return this.origin(passed, parentModule(moduleInstance), '', depth + 1);
  }
}

export function isExpressionLeaf(v: Json | undefined): v is JsonObject {
  return isJsonObject(v) && (Array.isArray(v.references) || 'constant_value' in v);
}

/** References minus the ones that are prefixes of a longer one (`aws_kms_key.k` of `aws_kms_key.k.arn`). */
function mainReferences(refs: string[]): string[] {
  const sorted = [...new Set(refs)].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  for (const r of sorted) if (!out.some((o) => o.startsWith(r + '.') || o.startsWith(r + '['))) out.push(r);
  return out;
}

function qualify(ref: string, moduleInstance: string): string {
  return moduleInstance ? `${moduleInstance}.${ref}` : ref;
}
