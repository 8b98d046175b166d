import type { SourceResult } from '../../model';
import type { TfResourceInput } from '../terraform/types';
import { indexOf, moduleOf } from './address';
import type { ConfigIndex } from './configuration';
import { isJsonObject, MAX_MODULE_DEPTH, str, type Json, type JsonObject } from './plan-types';
import { maskSourcedSecrets, overlayUnknowns, type OverlayContext } from './unknowns';

interface Change {
  actions: string[];
  after?: Json;
  afterUnknown?: Json;
}

/** resource_changes by address, so every planned resource finds its change in O(1). */
export function indexChanges(plan: JsonObject): Map<string, { change: Change; entry: JsonObject }> {
  const out = new Map<string, { change: Change; entry: JsonObject }>();
  if (!Array.isArray(plan.resource_changes)) return out;
  for (const rc of plan.resource_changes) {
    if (!isJsonObject(rc)) continue;
    const address = str(rc.address);
    if (!address || !isJsonObject(rc.change)) continue;
    const actions = Array.isArray(rc.change.actions) ? rc.change.actions.filter((a): a is string => typeof a === 'string') : [];
    out.set(address, { entry: rc, change: { actions, after: rc.change.after, afterUnknown: rc.change.after_unknown } });
  }
  return out;
}

/** Planned for deletion only (a replacement, `["delete","create"]`, stays). */
function isDelete(actions: string[]): boolean {
  return actions.length > 0 && actions.every((a) => a === 'delete');
}

export interface CollectContext {
  file: string;
  config: ConfigIndex;
  changes: Map<string, { change: Change; entry: JsonObject }>;
  notes: SourceResult['notes'];
}

/**
 * Every resource instance of the plan as mapper input: planned_values (root and nested
 * child_modules) first, then resource changes that planned_values does not list (plans without
 * planned_values), then data sources of prior_state (read during planning). Deletions are left out.
 */
export function collectResources(plan: JsonObject, ctx: CollectContext): TfResourceInput[] {
  const seen = new Set<string>();
  const out: TfResourceInput[] = [];
  const add = (r: JsonObject, values: Json | undefined, moduleAddress: string | undefined) => {
    const address = str(r.address);
    const type = str(r.type);
    if (!address || !type || seen.has(address)) return;
    const mode = r.mode === 'data' ? 'data' : 'managed';
    const name = str(r.name) ?? '';
    const rc = ctx.changes.get(address);
    if (rc && isDelete(rc.change.actions)) return;
    seen.add(address);
    out.push(toInput(address, type, name, mode, isJsonObject(values) ? values : {}, moduleAddress ?? moduleOf(address, type, name, mode), rc?.change.afterUnknown, ctx));
  };

  const planned = isJsonObject(plan.planned_values) ? plan.planned_values.root_module : undefined;
  walkModules(planned, ctx, (r, moduleAddress) => add(r, r.values, moduleAddress));
  for (const [address, { entry, change }] of ctx.changes) {
    if (!seen.has(address)) add(entry, change.after, str(entry.module_address));
  }
  const prior = isJsonObject(plan.prior_state) && isJsonObject(plan.prior_state.values) ? plan.prior_state.values.root_module : undefined;
  walkModules(prior, ctx, (r, moduleAddress) => {
    if (r.mode === 'data') add(r, r.values, moduleAddress);
  });
  return out;
}

/** Walks a values module tree (`resources` + `child_modules`) without recursion. */
function walkModules(root: Json | undefined, ctx: CollectContext, visit: (r: JsonObject, moduleAddress: string) => void): void {
  if (!isJsonObject(root)) return;
  // Breadth-first with an index cursor: no recursion, siblings keep their order.
  const queue: Array<{ m: JsonObject; depth: number }> = [{ m: root, depth: 0 }];
  for (let q = 0; q < queue.length; q++) {
    const { m, depth } = queue[q];
    const moduleAddress = str(m.address) ?? '';
    if (Array.isArray(m.resources)) for (const r of m.resources) if (isJsonObject(r)) visit(r, moduleAddress);
    if (!Array.isArray(m.child_modules)) continue;
    for (const child of m.child_modules) {
      if (!isJsonObject(child)) continue;
      if (depth + 1 > MAX_MODULE_DEPTH) {
        ctx.notes.push({ file: ctx.file, message: `module ${str(child.address) ?? '?'} is nested too deeply; its resources are not read` });
        continue;
      }
      queue.push({ m: child, depth: depth + 1 });
    }
  }
}

function toInput(address: string, type: string, name: string, mode: 'managed' | 'data', values: JsonObject, moduleAddress: string, afterUnknown: Json | undefined, ctx: CollectContext): TfResourceInput {
  const relative = `${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  const expressions = ctx.config.expressions(moduleAddress, relative);
  const overlay: OverlayContext = { config: ctx.config, moduleInstance: moduleAddress, instanceIndex: indexOf(address, type, name, mode), configKnown: expressions !== undefined };
  let v = overlayUnknowns(values, afterUnknown, expressions, overlay);
  v = maskSourcedSecrets(v, expressions, overlay);
  return { address, type, mode, values: v, location: { file: ctx.file, format: 'terraform-plan', address } };
}
