import type { Resource, SourceResult } from '../../model';
import { mapConfigurationItems } from './index';

/** Test helpers: look-up by id and one-item mapping (fixtures are read by the tests themselves: this file is linted as engine code). */

export function byId(result: SourceResult, id: string): Resource {
  const r = result.resources.find((x) => x.id === id);
  if (!r) throw new Error(`no resource ${id} in ${result.resources.map((x) => x.id).join(', ')}`);
  return r;
}

/** A snapshot-style item of `type` with the given configuration and supplementary configuration. */
export function mapOne(type: string, configuration: unknown, supplementaryConfiguration: unknown = {}, extra: Record<string, unknown> = {}): Resource {
  const item = { resourceType: type, resourceId: 'r-1', resourceName: 'r-1', ARN: `arn:aws:test:::${type}/r-1`, configurationItemStatus: 'OK', configuration, supplementaryConfiguration, tags: {}, ...extra };
  const result = mapConfigurationItems([item], 'items.json');
  if (result.errors.length > 0 || result.resources.length !== 1) throw new Error(`mapping failed: ${result.errors.map(String).join('; ')}`);
  return result.resources[0];
}
