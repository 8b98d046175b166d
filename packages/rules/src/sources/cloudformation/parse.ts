import type { SourceFile, SourceFormat, SourceResult } from '../../model';
import { ParseError, isUnknown } from '../../model';
import { Resolver } from './intrinsics';
import { mapCloudFormationResources } from './mapper';
import { propertyLines } from './property-lines';
import { mapSection, readParameters, type SectionProblem } from './template-sections';
import type { CfnResourceInput, CfnValue } from './types';
import { isMapValue, type CfnMap } from './values';
import { parseTree, TreeError, type Pos } from './yaml-tree';

export interface CfnParseOptions {
  format?: 'cloudformation' | 'cdk';
  /** Parameter values given by the user; they win over `Default`. */
  parameters?: Record<string, string>;
  /** Cap on alias expansion (yaml's `maxAliasCount` semantics); default 100, -1 disables. */
  maxAliasCount?: number;
  /** Maximum nesting of maps and lists; default 500. */
  maxDepth?: number;
  /** logicalId → construct path, from a CDK manifest (used where a resource has no `aws:cdk:path` metadata). */
  constructPaths?: Record<string, string>;
}

/**
 * Reads one CloudFormation template (YAML or JSON) into resources with facets. Never throws:
 * unreadable input and structural mistakes come back as `ParseError`s with file, line and column;
 * a bad resource is reported and skipped, the others are still read.
 */
export function parseCloudFormation(file: SourceFile, options: CfnParseOptions = {}): SourceResult {
  const format: SourceFormat = options.format ?? 'cloudformation';
  try {
    return parseTemplate(file, options, format);
  } catch (e) {
    const message = e instanceof RangeError ? 'template is too large or nested too deeply to read' : `internal error while reading this template: ${(e as Error)?.message ?? String(e)}`;
    return { resources: [], errors: [new ParseError(file.path, message, { format })], notes: [] };
  }
}

function parseTemplate(file: SourceFile, options: CfnParseOptions, format: SourceFormat): SourceResult {
  const result: SourceResult = { resources: [], errors: [], notes: [] };
  const fail = (message: string, pos?: Pos) => result.errors.push(new ParseError(file.path, message, { line: pos?.line, column: pos?.column, format }));

  const tree = parseTree(file.content, { maxAliasCount: options.maxAliasCount ?? 100, maxDepth: options.maxDepth ?? 500 });
  if (tree instanceof TreeError) {
    fail(tree.message, tree.pos);
    return result;
  }
  for (const w of tree.warnings) result.notes.push({ file: file.path, line: w.pos.line, message: w.message });
  const root = tree.root;
  if (root === null || (typeof root === 'string' && root.trim() === '')) {
    fail('template is empty', { line: 1, column: 1 });
    return result;
  }
  if (!isMapValue(root)) {
    fail('template must be a map with a Resources section', { line: 1, column: 1 });
    return result;
  }
  const rootPos = tree.positions.get(root);
  const posIn = (map: CfnValue) => (key: string) => (isMapValue(map) ? tree.positions.get(map)?.keys?.get(key) : undefined) ?? rootPos?.keys?.get(key);
  const problems: SectionProblem[] = [];

  const resourcesRaw = root.Resources;
  if (resourcesRaw === undefined) {
    fail('template has no Resources section', { line: 1, column: 1 });
    return result;
  }
  if (!isMapValue(resourcesRaw)) {
    fail('Resources must be a map of logical ids to resources', posIn(root)('Resources'));
    return result;
  }
  const parametersRaw = mapSection(root, 'Parameters', posIn(root), problems);
  const parameters = readParameters(parametersRaw, options.parameters, posIn(parametersRaw), problems);
  const mappings = mapSection(root, 'Mappings', posIn(root), problems);
  const conditions = mapSection(root, 'Conditions', posIn(root), problems);
  if (root.Transform !== undefined) {
    const names = (Array.isArray(root.Transform) ? root.Transform : [root.Transform]).filter((t): t is string => typeof t === 'string');
    result.notes.push({ file: file.path, line: posIn(root)('Transform')?.line, message: `template uses Transform ${names.join(', ') || '(macro)'}: resources it generates at deploy time are not analysed` });
  }

  let noteLine: number | undefined;
  const seenNotes = new Set<string>();
  const note = (message: string) => {
    const key = `${noteLine}:${message}`;
    if (seenNotes.has(key)) return;
    seenNotes.add(key);
    result.notes.push({ file: file.path, line: noteLine, message });
  };
  const resourceIds = new Set(Object.keys(resourcesRaw).filter((k) => !k.startsWith('Fn::ForEach')));
  const resolver = new Resolver({ parameters, mappings, conditions, resourceIds }, note);
  const resourcePos = posIn(resourcesRaw);

  const inputs: CfnResourceInput[] = [];
  for (const [logicalId, raw] of Object.entries(resourcesRaw)) {
    const pos = resourcePos(logicalId);
    noteLine = pos?.line;
    if (logicalId.startsWith('Fn::ForEach')) {
      note(`${logicalId}: Fn::ForEach loops are not expanded; the resources they generate are not analysed`);
      continue;
    }
    const input = readResource(logicalId, raw, pos, (m, p) => problems.push({ message: m, pos: p ?? pos }));
    if (!input) continue;
    if (input.condition !== undefined) {
      const cond = resolver.conditions.named(input.condition);
      if (cond === false) continue;
      if (isUnknown(cond)) note(`resource ${logicalId} has a condition that cannot be decided (${cond.reason}); it is analysed as if created`);
    }
    const resolved = resolver.whole(input.properties);
    let properties: CfnMap = {};
    if (isMapValue(resolved)) properties = resolved;
    else if (isUnknown(resolved)) note(`properties of ${logicalId} cannot be resolved: ${resolved.reason}`);
    const cdkPath = input.cdkPath ?? options.constructPaths?.[logicalId];
    inputs.push({
      logicalId,
      type: input.type,
      properties,
      location: { file: file.path, format, line: pos?.line, column: pos?.column, ...(cdkPath ? { constructPath: cdkPath } : {}) },
      propertyLines: propertyLines(input.properties, tree.positions, isMapValue(raw) && isMapValue(raw.Properties) ? { node: raw, steps: ['Properties'] } : undefined),
      ...(cdkPath ? { constructPath: cdkPath } : {}),
    });
  }
  for (const p of problems) fail(p.message, p.pos);
  result.resources = mapCloudFormationResources(inputs);
  return result;
}

interface RawResource {
  type: string;
  properties: CfnValue;
  condition?: CfnValue;
  cdkPath?: string;
}

/** Checks one resource's shape; reports and returns undefined when it cannot be read. */
function readResource(id: string, raw: CfnValue, pos: Pos | undefined, problem: (message: string, pos?: Pos) => void): RawResource | undefined {
  if (!isMapValue(raw)) {
    problem(`resource ${id} must be a map with a Type`, pos);
    return undefined;
  }
  if (raw.Type === undefined) {
    problem(`resource ${id} has no Type`, pos);
    return undefined;
  }
  if (typeof raw.Type !== 'string' || raw.Type.trim() === '') {
    problem(`resource ${id} has a Type that is not a string`, pos);
    return undefined;
  }
  const props = raw.Properties;
  if (props !== undefined && props !== null && !isMapValue(props)) {
    problem(`Properties of resource ${id} must be a map`, pos);
    return undefined;
  }
  const meta = raw.Metadata;
  const cdkPath = isMapValue(meta) && typeof meta['aws:cdk:path'] === 'string' ? meta['aws:cdk:path'] : undefined;
  return { type: raw.Type, properties: props ?? {}, condition: raw.Condition, cdkPath };
}
