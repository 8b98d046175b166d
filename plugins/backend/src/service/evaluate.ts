import { ALL_RULES, DEFAULT_CONFIG, evaluateResources, linkResources, mapConfigurationItems, type EngineConfig } from '@pillarguard/rules';
import { evaluatedFrom, type Evaluated } from './entity-scores';

/** The file name findings carry for live items: there is no file, the items came from AWS Config. */
export const LIVE_SOURCE = 'aws-config';

/**
 * One evaluation of every configuration item with the shared rules, exactly as `pillarguard scan`
 * evaluates an AWS Config snapshot: items mapped, related items (keys, policies, roles, parameter
 * groups) linked, every rule run. Items the adapter cannot map are reported, never fatal.
 */
export function evaluateItems(raws: readonly unknown[], now: string, config: EngineConfig = DEFAULT_CONFIG): Evaluated & { problems: string[] } {
  const mapped = mapConfigurationItems(raws, LIVE_SOURCE);
  const resources = linkResources(mapped.resources);
  const result = evaluateResources(resources, { config, rules: ALL_RULES, now });
  return { ...evaluatedFrom(resources, result.evaluations, result.findings), problems: mapped.errors.map((e) => e.message) };
}
