import type { Resource } from '../model';
import type { AnyRule, CheckResult, Rule, RuleContext, Severity } from '../rules/types';
import { isScopeRule } from '../rules/types';
import type { EngineConfig } from '../config/types';
import type { Evaluation, FindingLocation } from './types';

/**
 * Where a resource is, in the shape findings carry. The location at the resource's own line is
 * shared (a scan makes one per evaluation, most of them there; locations are never changed once
 * made).
 */
export function locate(resource: Resource, sourcePath?: string): FindingLocation {
  const line = (sourcePath !== undefined ? resource.propertyLines?.[sourcePath] : undefined) ?? resource.location.line;
  if (line !== resource.location.line) return makeLocation(resource, line);
  let loc = locations.get(resource);
  if (!loc) {
    loc = makeLocation(resource, line);
    locations.set(resource, loc);
  }
  return loc;
}
/** The location at the resource's own line, per resource (most evaluations point there). */
const locations = new WeakMap<Resource, FindingLocation>();

function makeLocation(resource: Resource, line: number | undefined): FindingLocation {
  const loc: FindingLocation = { id: resource.id, type: resource.type, file: resource.location.file, format: resource.location.format };
  if (line !== undefined) loc.line = line;
  if (line !== undefined && line === resource.location.line && resource.location.column !== undefined) loc.column = resource.location.column;
  if (resource.location.address) loc.address = resource.location.address;
  if (resource.location.constructPath) loc.constructPath = resource.location.constructPath;
  return loc;
}

/**
 * Rules return facet paths (`backup.pitr`, `iam.inlinePolicies[0]…`); a user wants the property
 * as written in their file. Translate through the adapter's `facetPaths`, trying the longest
 * facet prefix first so `iam.inlinePolicies[0].document` maps even if only `iam.inlinePolicies[0]`
 * is listed. Paths that are already source paths (statement paths set by adapters) pass through.
 */
export function sourcePathOf(resource: Resource, facetPath: string | undefined): string | undefined {
  if (facetPath === undefined) return undefined;
  const map = resource.facetPaths;
  if (!map) return facetPath;
  if (map[facetPath] !== undefined) return map[facetPath];
  let prefix = facetPath;
  while (prefix.includes('.')) {
    prefix = prefix.slice(0, prefix.lastIndexOf('.'));
    if (map[prefix] !== undefined) return map[prefix] + facetPath.slice(prefix.length);
  }
  return facetPath;
}

function severityOf(rule: AnyRule, config: EngineConfig): Severity {
  return config.rules[rule.id]?.severity ?? rule.severity;
}

export function isEnabled(rule: Pick<AnyRule, 'id'>, config: EngineConfig): boolean {
  return config.rules[rule.id]?.enabled !== false;
}

function toEvaluation(rule: AnyRule, severity: Severity, resource: Resource, result: CheckResult): Evaluation {
  const path = sourcePathOf(resource, result.path);
  const ev: Evaluation = {
    ruleId: rule.id,
    pillar: rule.pillar,
    severity,
    verdict: result.verdict,
    message: result.message,
    // Lines serve findings (what a user goes to fix); a pass points at its resource, and its
    // `path` still names the property. Looking up the line of every passing property of a large
    // template would cost as much as the checks.
    resource: locate(resource, result.verdict === 'pass' ? undefined : path),
  };
  if (path !== undefined) ev.path = path;
  if (result.related?.length) ev.related = result.related;
  return ev;
}

function applies(rule: Rule, resource: Resource): boolean {
  if (!rule.appliesTo.includes(resource.type)) return false;
  if (rule.formats && !rule.formats.includes(resource.location.format)) return false;
  return true;
}

/**
 * Runs every enabled rule on every resource it applies to. A rule that throws is a bug of ours,
 * not of the input: it becomes an `unknown` verdict naming the rule, so one faulty rule cannot
 * hide the others' findings or crash the gate.
 */
export function evaluateRules(rules: readonly AnyRule[], resources: readonly Resource[], ctx: RuleContext): Evaluation[] {
  const out: Evaluation[] = [];
  const byType = new Map<string, Resource[]>();
  for (const r of resources) {
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  for (const rule of rules) {
    if (!isEnabled(rule, ctx.config)) continue;
    const severity = severityOf(rule, ctx.config);
    if (isScopeRule(rule)) {
      let results: ReturnType<typeof rule.checkInput>;
      try {
        results = rule.checkInput(resources, ctx);
      } catch (e) {
        results = [{ verdict: 'unknown', message: `internal error in rule ${rule.id}: ${(e as Error).message}` }];
      }
      for (const res of results) {
        if (res.resource) out.push(toEvaluation(rule, severity, res.resource, res));
        else out.push({ ruleId: rule.id, pillar: rule.pillar, severity, verdict: res.verdict, message: res.message, resource: { id: '(input)', type: 'Pillarguard::Input', file: '.', format: resources[0]?.location.format ?? 'cloudformation' } });
      }
      continue;
    }
    for (const type of rule.appliesTo) {
      for (const resource of byType.get(type) ?? []) {
        if (!applies(rule, resource)) continue;
        let results: CheckResult | CheckResult[] | undefined;
        try {
          results = rule.check(resource, ctx);
        } catch (e) {
          results = { verdict: 'unknown', message: `internal error in rule ${rule.id}: ${(e as Error).message}` };
        }
        if (results === undefined) continue;
        if (!Array.isArray(results)) out.push(toEvaluation(rule, severity, resource, results));
        else for (const res of results) out.push(toEvaluation(rule, severity, resource, res));
      }
    }
  }
  return out;
}
