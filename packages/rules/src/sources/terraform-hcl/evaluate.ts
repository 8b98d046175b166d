import { ParseError, unknown, type SourceFile, type SourceResult } from '../../model';
import type { TfResourceInput } from '../terraform/types';
import { evaluateBody } from './body';
import { collectConfig, type NamedDecl } from './config';
import { Evaluator, type AstEntry } from './evaluator';
import { expandInstances, type Expansion } from './instances';
import { loadFile, type LoadedFile } from './load';
import { collectTemplates, parseTemplates } from './templates';
import { autoVarFileOrder, isAutoVarFile, resolveVariables } from './variables';
import { fromJs, type Val } from './value';

export interface TerraformModuleOptions {
  /** tfvars (HCL) or .tfvars.json files given by the user, applied after the auto-loaded ones. */
  varFiles?: SourceFile[];
  /** Values given directly (`-var name=value`), applied last. */
  variables?: Record<string, unknown>;
}

export interface ModuleEvaluation {
  inputs: TfResourceInput[];
  errors: ParseError[];
  notes: SourceResult['notes'];
  moves?: NonNullable<SourceResult['moves']>;
}

function isConfigPath(path: string): boolean {
  const p = path.toLowerCase();
  return p.endsWith('.tf') || p.endsWith('.tf.json');
}

async function loadAll(files: readonly SourceFile[], errors: ParseError[]): Promise<LoadedFile[]> {
  const out: LoadedFile[] = [];
  for (const f of files) {
    const r = await loadFile(f);
    if ('error' in r) errors.push(r.error);
    else out.push(r.file);
  }
  return out;
}

/**
 * One module directory → evaluated resource instances. Steps: read every file; gather the
 * declarations; parse every template string once; evaluate variables (defaults < tfvars < given),
 * locals (lazily, any order, cycles Unknown), then each resource and data block per instance.
 */
export async function evaluateModule(files: readonly SourceFile[], options: TerraformModuleOptions = {}): Promise<ModuleEvaluation> {
  const errors: ParseError[] = [];
  const notes: SourceResult['notes'] = [];
  const configFiles = await loadAll(
    files.filter((f) => isConfigPath(f.path)),
    errors,
  );
  const autoVars = await loadAll(
    files.filter((f) => isAutoVarFile(f.path)).sort((a, b) => autoVarFileOrder(a.path, b.path)),
    errors,
  );
  const userVars = await loadAll(options.varFiles ?? [], errors);
  const config = collectConfig(configFiles);
  errors.push(...config.errors);

  const texts = new Set<string>();
  for (const f of [...configFiles, ...autoVars, ...userVars]) collectTemplates(f.body, texts);
  const asts = await parseTemplates(texts);

  const module = new ModuleScope(config.locals, asts);
  const given = new Map<string, Val>(Object.entries(options.variables ?? {}).map(([k, v]) => [k, fromJs(v)]));
  module.variables = resolveVariables(config.variables, [...autoVars, ...userVars], given, module.constants);
  const ev = module.evaluator;

  for (const call of config.moduleCalls) {
    const source = typeof call.source === 'string' ? call.source : 'unknown';
    notes.push({ file: call.file, line: call.line, message: `module.${call.name} (source ${source}) not expanded: its outputs are unknown` });
  }

  module.registerBodies(config.blocks.map((b) => ({ address: `${b.mode === 'data' ? 'data.' : ''}${b.type}.${b.name}`, body: b.body })));
  const inputs: TfResourceInput[] = [];
  for (const block of config.blocks) {
    const base = `${block.mode === 'data' ? 'data.' : ''}${block.type}.${block.name}`;
    const expansion = module.expansion(base, block.body);
    if (expansion.unknownReason !== undefined) {
      const arg = block.body.count !== undefined ? 'count' : 'for_each';
      notes.push({ file: block.file, line: block.line, message: `${base}: ${arg} is not statically known (${expansion.unknownReason}); evaluated as one instance` });
    }
    for (const inst of expansion.instances) {
      const input: TfResourceInput = {
        address: inst.address,
        type: block.type,
        mode: block.mode,
        values: evaluateBody(block.body, ev, inst.scope),
        location: { file: block.file, format: 'terraform', line: block.line, address: inst.address },
      };
      if (Object.keys(block.props).length > 0) input.propertyLines = { ...block.props };
      inputs.push(input);
    }
  }
  return { inputs, errors, notes, ...(config.moves.length ? { moves: config.moves } : {}) };
}

/** Variables, locals and instance expansions of one module, shared by all evaluations in it. */
class ModuleScope {
  variables = new Map<string, Val>();
  readonly evaluator: Evaluator;
  /** For var files and variable defaults, which may not refer to anything. */
  readonly constants: Evaluator;
  private readonly localValues = new Map<string, Val>();
  private readonly evaluating = new Set<string>();
  private readonly expansions = new Map<string, Expansion | 'pending'>();
  private readonly bodies = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly locals: ReadonlyMap<string, NamedDecl>,
    asts: ReadonlyMap<string, AstEntry>,
  ) {
    const ast = (t: string) => asts.get(t);
    this.evaluator = new Evaluator({
      variable: (n) => (this.variables.has(n) ? (this.variables.get(n) ?? null) : unknown(`var.${n} is not declared`)),
      local: (n) => this.local(n),
      ast,
      instancesOf: (a) => this.instancesOf(a),
    });
    this.constants = new Evaluator({
      variable: (n) => unknown(`var.${n} cannot be used here (variable values are constants)`),
      local: (n) => unknown(`local.${n} cannot be used here (variable values are constants)`),
      ast,
      instancesOf: () => undefined,
    });
  }

  private local(name: string): Val {
    if (this.localValues.has(name)) return this.localValues.get(name) ?? null;
    const decl = this.locals.get(name);
    if (!decl) return unknown(`local.${name} is not declared`);
    if (this.evaluating.has(name)) return unknown(`local.${name} refers to itself (a cycle through ${[...this.evaluating].map((n) => `local.${n}`).join(' → ')})`);
    this.evaluating.add(name);
    const v = this.evaluator.raw(decl.raw, new Map());
    this.evaluating.delete(name);
    // A value computed while a cycle was open may hold that cycle's Unknown; that is still its value.
    this.localValues.set(name, v);
    return v;
  }

  expansion(base: string, body: Record<string, unknown>): Expansion {
    this.bodies.set(base, body);
    const known = this.expansions.get(base);
    if (known !== undefined && known !== 'pending') return known;
    this.expansions.set(base, 'pending');
    const e = expandInstances(base, body, this.evaluator);
    this.expansions.set(base, e);
    return e;
  }

  /** Splat support: the instance addresses of a resource, when its count/for_each is known. */
  private instancesOf(address: string): string[] | undefined {
    const state = this.expansions.get(address);
    if (state === 'pending') return undefined;
    if (state) return state.unknownReason === undefined ? state.instances.map((i) => i.address) : undefined;
    const body = this.bodies.get(address);
    if (!body) return undefined;
    const e = this.expansion(address, body);
    return e.unknownReason === undefined ? e.instances.map((i) => i.address) : undefined;
  }

  registerBodies(blocks: ReadonlyArray<{ address: string; body: Record<string, unknown> }>): void {
    for (const b of blocks) this.bodies.set(b.address, b.body);
  }
}
