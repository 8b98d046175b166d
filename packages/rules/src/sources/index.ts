import type { ParseError, SourceFile, SourceFormat, SourceResult } from '../model';
import { ParseError as ParseErrorClass } from '../model';
import { looksLikeCloudFormation, parseCloudFormation } from './cloudformation';
import { isCdkManifest, parseCdkAssembly } from './cdk';
import { parseTerraformModule } from './terraform-hcl';
import { looksLikeTerraformPlan, parseTerraformPlan } from './terraform-plan';
import { looksLikeAwsConfig, parseAwsConfig } from './aws-config';
import { dirOf, extensionOf, isAutoTfvars, sniffJson } from './detect';

export interface SourceOptions {
  /** Terraform variable files given by the user (`--var-file`), applied after auto-loaded ones. */
  varFiles?: SourceFile[];
  /** CloudFormation parameter values (`--parameter Key=Value`). */
  parameters?: Record<string, string>;
}

/** One input the engine recognised: a template, a cdk.out, a Terraform module, a plan, a Config file. */
export interface ParsedInput {
  path: string;
  format: SourceFormat;
  result: SourceResult;
}

export interface ParsedSources {
  inputs: ParsedInput[];
  /** Files that are not infrastructure code (README, images, …): ignored, counted. */
  ignored: string[];
}

function failed(file: string, e: unknown, format: SourceFormat): SourceResult {
  // Adapters promise ParseError only; anything else is our bug, still reported against the file.
  const error: ParseError = e instanceof ParseErrorClass ? e : new ParseErrorClass(file, `internal error while reading this file: ${(e as Error)?.message ?? String(e)}`, { format });
  return { resources: [], errors: [error], notes: [] };
}

/**
 * Detects the format of every file and hands each group to its adapter: a `manifest.json` of a
 * cloud assembly claims its whole directory (CDK); `.tf`/`.tf.json` files are grouped by
 * directory (one Terraform module each); JSON and YAML files are sniffed for a plan, AWS Config
 * data or a CloudFormation template. Everything else is ignored.
 */
export async function parseSources(files: readonly SourceFile[], options: SourceOptions = {}): Promise<ParsedSources> {
  const inputs: ParsedInput[] = [];
  const ignored: string[] = [];
  const claimed = new Set<string>();

  // 1. CDK cloud assemblies, outermost first: a nested assembly's manifest is read through its
  // parent, not a second time on its own. An assembly claims only the manifests and templates it
  // reads; every other file beside it goes on to the other readers (a stray `manifest.json` must
  // not hide the Terraform or CloudFormation next to it).
  const manifests = files
    .filter((f) => f.path.endsWith('manifest.json') && isCdkManifest(f.path, f.content))
    .sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
  for (const f of manifests) {
    if (claimed.has(f.path)) continue;
    const dir = dirOf(f.path);
    const inside = files.filter((g) => dir === '.' || g.path.startsWith(dir === '/' ? '/' : dir + '/'));
    const used = new Set<string>([f.path]);
    let result: SourceResult;
    try {
      result = parseCdkAssembly(f, inside, used);
    } catch (e) {
      result = failed(f.path, e, 'cdk');
    }
    used.forEach((p) => claimed.add(p));
    inputs.push({ path: dir, format: 'cdk', result });
  }

  // 2. Terraform modules, one per directory.
  const modules = new Map<string, SourceFile[]>();
  for (const f of files) {
    if (claimed.has(f.path)) continue;
    const ext = extensionOf(f.path);
    if (ext === '.tf' || ext === '.tf.json' || isAutoTfvars(f.path)) {
      const dir = dirOf(f.path);
      modules.set(dir, [...(modules.get(dir) ?? []), f]);
      claimed.add(f.path);
    }
  }
  for (const [dir, group] of [...modules].sort(([a], [b]) => a.localeCompare(b))) {
    if (!group.some((f) => extensionOf(f.path) === '.tf' || extensionOf(f.path) === '.tf.json')) {
      group.forEach((f) => ignored.push(f.path));
      continue;
    }
    let result: SourceResult;
    try {
      result = await parseTerraformModule(group, { varFiles: options.varFiles });
    } catch (e) {
      result = failed(dir, e, 'terraform');
    }
    inputs.push({ path: dir, format: 'terraform', result });
  }

  // 3. Single-file inputs.
  for (const f of files) {
    if (claimed.has(f.path)) continue;
    const ext = extensionOf(f.path);
    if (!['.json', '.yaml', '.yml', '.template', '.cfn', '.tfplan'].includes(ext)) {
      ignored.push(f.path);
      continue;
    }
    const format = detectSingle(f, ext);
    if (format === undefined) {
      ignored.push(f.path);
      continue;
    }
    let result: SourceResult;
    try {
      if (format === 'terraform-plan') result = parseTerraformPlan(f);
      else if (format === 'aws-config') result = parseAwsConfig(f);
      else result = parseCloudFormation(f, { parameters: options.parameters });
    } catch (e) {
      result = failed(f.path, e, format);
    }
    inputs.push({ path: f.path, format, result });
  }
  return { inputs, ignored };
}

/** Text markers of each format, for files that do not parse: they still belong to that format's adapter, which reports where they break. */
function markerFormat(content: string): Exclude<SourceFormat, 'cdk' | 'terraform'> | undefined {
  const head = content.slice(0, 256 * 1024);
  if (/["']?format_version["']?\s*:/.test(head) && /(planned_values|resource_changes)/.test(head)) return 'terraform-plan';
  if (/(configurationItems|baseConfigurationItems|configurationItemCaptureTime)/i.test(head)) return 'aws-config';
  if (/AWSTemplateFormatVersion/.test(head) || (/(^|\n|[{,]\s*)["']?Resources["']?\s*:/.test(head) && /Type["']?\s*:\s*["']?(AWS|Custom)::/.test(head))) return 'cloudformation';
  return undefined;
}

function detectSingle(f: SourceFile, ext: string): Exclude<SourceFormat, 'cdk' | 'terraform'> | undefined {
  const trimmed = f.content.trimStart();
  const isJson = ext === '.json' || ext === '.tfplan' || trimmed.startsWith('{') || trimmed.startsWith('[');
  if (isJson) {
    const sniffed = sniffJson(f.content);
    if (sniffed && sniffed !== 'unknown') return sniffed;
    let value: unknown;
    try {
      value = JSON.parse(f.content);
    } catch {
      // Not JSON (a YAML template may start with `{`, a JSON file may be broken): decide by markers.
      if (looksLikeCloudFormation(f.path, f.content)) return 'cloudformation';
      return markerFormat(f.content);
    }
    if (looksLikeTerraformPlan(value)) return 'terraform-plan';
    if (looksLikeAwsConfig(value)) return 'aws-config';
    if (looksLikeCloudFormation(f.path, f.content)) return 'cloudformation';
    return undefined;
  }
  if (looksLikeCloudFormation(f.path, f.content)) return 'cloudformation';
  return markerFormat(f.content) === 'cloudformation' ? 'cloudformation' : undefined;
}
