import type { Resource } from '../../../model';
import { parseCloudFormation } from '../../../sources/cloudformation';
import { parseTerraformModule } from '../../../sources/terraform-hcl';
import { linkResources } from '../../../engine/link';
import { ResourceIndex } from '../../../engine/resource-index';
import { levelResolver } from '../../../engine/levels';
import { DEFAULT_CONFIG } from '../../../config/types';
import type { CheckResult, RuleContext } from '../../../rules/types';
import { matchResources } from '../../match';
import type { ChangeContext, ChangeRule, ResourcePair } from '../../types';

/*
 * Test fixtures for change rules: both versions of the code are read by the real adapters and
 * linked as a scan links them, pairs come from the real matcher, and each side gets its own
 * RuleContext — so a test exercises the same path a pull request does, in each format.
 */

/** One version of a CloudFormation template, parsed and linked; parse errors fail the test. */
export function cfn(template: string, path = 'stack/template.yaml'): Resource[] {
  const result = parseCloudFormation({ path, content: template });
  if (result.errors.length) throw new Error(`template does not parse: ${result.errors.map((e) => e.message).join('; ')}`);
  return linkResources(result.resources);
}

/** One version of a Terraform module (a single main.tf), parsed and linked; parse errors fail the test. */
export async function tf(main: string, path = 'infra/main.tf'): Promise<Resource[]> {
  const result = await parseTerraformModule([{ path, content: main }]);
  if (result.errors.length) throw new Error(`module does not parse: ${result.errors.map((e) => e.message).join('; ')}`);
  return linkResources(result.resources);
}

function ruleContext(resources: readonly Resource[]): RuleContext {
  const index = new ResourceIndex(resources);
  return { index, config: DEFAULT_CONFIG, level: levelResolver(index, DEFAULT_CONFIG) };
}

/** The ChangeContext the diff engine builds for two versions, and their pairs. */
export function changeContext(base: readonly Resource[], head: readonly Resource[]): ChangeContext {
  const pairs = matchResources(base, head);
  const byResource = new Map<Resource, ResourcePair>();
  for (const p of pairs) {
    if (p.base) byResource.set(p.base, p);
    if (p.head) byResource.set(p.head, p);
  }
  return { base: ruleContext(base), head: ruleContext(head), pairs, pairOf: (r) => byResource.get(r) };
}

/** A result of a change rule, with the id of the resource it is about (head's, or base's when removed). */
export type Reported = CheckResult & { resource: string };

/**
 * Runs one change rule over every pair it applies to, as the engine does, and keeps what the
 * engine would report (fail and unknown; a pass is silence).
 */
export function report(rule: ChangeRule, base: readonly Resource[], head: readonly Resource[]): Reported[] {
  const ctx = changeContext(base, head);
  const out: Reported[] = [];
  for (const pair of ctx.pairs) {
    if (!rule.appliesTo.some((t) => t === pair.base?.type || t === pair.head?.type)) continue;
    const results = rule.compare(pair, ctx);
    for (const r of results === undefined ? [] : Array.isArray(results) ? results : [results]) {
      if (r.verdict !== 'pass') out.push({ ...r, resource: (pair.head ?? pair.base)!.id });
    }
  }
  return out;
}

/** The verdicts reported, as `verdict resource` strings, sorted: compact expectations. */
export function verdicts(results: readonly Reported[]): string[] {
  return results.map((r) => `${r.verdict} ${r.resource}`).sort();
}
