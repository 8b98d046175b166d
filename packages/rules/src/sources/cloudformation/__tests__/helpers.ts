import type { Resource, SourceResult } from '../../../model';
import { parseCloudFormation, type CfnParseOptions } from '..';

/** Parses a YAML template given as text; fails the test on parse errors unless asked not to. */
export function parse(template: string, options: CfnParseOptions = {}, path = 'template.yaml'): SourceResult {
  return parseCloudFormation({ path, content: template }, options);
}

/** The one resource with the given logical id (the template must parse cleanly). */
export function resourceOf(template: string, id: string, options: CfnParseOptions = {}): Resource {
  const result = parse(template, options);
  if (result.errors.length > 0) throw new Error(result.errors.map(String).join('\n'));
  const r = result.resources.find((x) => x.id === id);
  if (!r) throw new Error(`no resource ${id}`);
  return r;
}

/** A template with one resource of `type` and the given properties (YAML, indented under Properties). */
export function single(type: string, properties: string, extra = ''): string {
  const body = properties
    .trim()
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
  return `${extra}Resources:\n  R:\n    Type: ${type}\n    Properties:\n${body || '      {}'}\n`;
}

export const unknownValue = expect.objectContaining({ kind: 'unknown' });
