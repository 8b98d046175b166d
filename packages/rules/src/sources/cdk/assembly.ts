import type { SourceFile, SourceResult } from '../../model';
import { ParseError } from '../../model';
import { parseCloudFormation } from '../cloudformation';
import { constructPathsOf, lineOfString, readManifest } from './manifest';
import { dirname, joinPath } from './paths';

const MAX_NESTING = 20;

/** A cloud assembly's `manifest.json`: a JSON object with `version` and `artifacts`. */
export function isCdkManifest(path: string, content: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base !== 'manifest.json') return false;
  const head = content.slice(0, 64 * 1024);
  return head.trimStart().startsWith('{') && /"version"\s*:/.test(head) && /"artifacts"\s*:/.test(head);
}

/**
 * Reads a CDK cloud assembly: every `aws:cloudformation:stack` artifact's template (path relative
 * to the manifest's directory), recursing into nested assemblies (`cdk:cloud-assembly`, a Stage).
 * Resources carry `format: 'cdk'` and their construct path (`aws:cdk:path` metadata, else the
 * manifest's `aws:cdk:logicalId` entries). A template the manifest names but the files lack is a
 * `ParseError` on the manifest. Never throws. `used`, when given, receives the path of every manifest
 * and template read, so the caller knows which files the assembly accounts for.
 */
export function parseCdkAssembly(manifest: SourceFile, files: readonly SourceFile[], used?: Set<string>): SourceResult {
  const byPath = new Map(files.map((f) => [f.path, f]));
  byPath.set(manifest.path, manifest);
  const result: SourceResult = { resources: [], errors: [], notes: [] };
  try {
    readAssembly(manifest, byPath, result, new Set(), 0, used);
  } catch (e) {
    result.errors.push(new ParseError(manifest.path, `internal error while reading this cloud assembly: ${(e as Error)?.message ?? String(e)}`, { format: 'cdk' }));
  }
  return result;
}

function readAssembly(manifest: SourceFile, files: Map<string, SourceFile>, result: SourceResult, seen: Set<string>, depth: number, used?: Set<string>): void {
  const fail = (message: string, pos?: { line?: number; column?: number }) => result.errors.push(new ParseError(manifest.path, message, { line: pos?.line, column: pos?.column, format: 'cdk' }));
  if (seen.has(manifest.path) || depth > MAX_NESTING) {
    fail('nested cloud assemblies refer to each other in a loop');
    return;
  }
  seen.add(manifest.path);
  used?.add(manifest.path);
  const parsed = readManifest(manifest.content);
  if ('error' in parsed) {
    fail(parsed.error, parsed);
    return;
  }
  const dir = dirname(manifest.path);
  for (const [name, artifact] of Object.entries(parsed.artifacts)) {
    if (!artifact || typeof artifact !== 'object') continue;
    if (artifact.type === 'aws:cloudformation:stack') {
      const templateFile = artifact.properties?.templateFile;
      if (typeof templateFile !== 'string') {
        fail(`stack ${name} has no properties.templateFile`, lineOfString(manifest.content, name));
        continue;
      }
      const path = joinPath(dir, templateFile);
      const template = files.get(path);
      if (!template) {
        fail(`stack ${name}: template ${templateFile} is missing from the cloud assembly (expected ${path})`, lineOfString(manifest.content, templateFile));
        continue;
      }
      used?.add(path);
      const r = parseCloudFormation(template, { format: 'cdk', constructPaths: constructPathsOf(artifact) });
      result.resources.push(...r.resources);
      result.errors.push(...r.errors);
      result.notes.push(...r.notes);
    } else if (artifact.type === 'cdk:cloud-assembly') {
      const directoryName = artifact.properties?.directoryName;
      if (typeof directoryName !== 'string') {
        fail(`nested assembly ${name} has no properties.directoryName`, lineOfString(manifest.content, name));
        continue;
      }
      const nestedPath = joinPath(joinPath(dir, directoryName), 'manifest.json');
      const nested = files.get(nestedPath);
      if (!nested) {
        fail(`nested assembly ${name}: ${nestedPath} is missing from the cloud assembly`, lineOfString(manifest.content, directoryName));
        continue;
      }
      readAssembly(nested, files, result, seen, depth + 1, used);
    }
  }
}
