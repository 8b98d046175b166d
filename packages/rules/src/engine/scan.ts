import type { ParseError, Resource, SourceFile } from '../model';
import { ParseError as ParseErrorClass } from '../model';
import { ALL_RULES } from '../rules';
import { SUPPRESSION_EXPIRED } from '../rules/config';
import type { AnyRule, RuleContext, RuleMeta } from '../rules/types';
import { DEFAULT_CONFIG, type EngineConfig } from '../config/types';
import { parseSources, type SourceOptions } from '../sources';
import { scoreEvaluations } from '../score';
import { evaluateRules, isEnabled } from './evaluate';
import { linkResources } from './link';
import { levelResolver } from './levels';
import { ResourceIndex } from './resource-index';
import { applySuppressions } from './suppress';
import { stableHash } from './hash';
import type { Evaluation, Finding, ScanResult } from './types';

export interface ScanOptions extends SourceOptions {
  config?: EngineConfig;
  /** Path of the config file, for findings about it (expired suppressions). */
  configFile?: string;
  /** ISO timestamp of the scan; the engine has no clock. Suppression expiry compares its date part. */
  now: string;
  /** Rules to run (default: the whole catalog). */
  rules?: readonly AnyRule[];
  /** Files the caller skipped (too large, binary), carried into the report. */
  skipped?: Array<{ path: string; reason: string }>;
}

const PARSEABLE_ID = 'iac.parseable';

/** Extensions infrastructure code is written in (CloudFormation, CDK output, Terraform, plans, Config exports). */
const IAC_EXTENSION = /\.(tf|tf\.json|tfvars|tfvars\.json|json|ya?ml|template|tfplan)$/i;

/** Reads, links, evaluates, suppresses and scores: the whole `pillarguard scan`, minus I/O. */
export async function scan(files: readonly SourceFile[], options: ScanOptions): Promise<ScanResult> {
  const config = options.config ?? DEFAULT_CONFIG;
  const rules = options.rules ?? ALL_RULES;
  const parsed = await parseSources(files, options);
  // Fail closed: a file that looks like infrastructure code but was not read (too large, binary,
  // unreadable) is an input error, never a silent pass.
  const unread = (options.skipped ?? []).filter((s) => IAC_EXTENSION.test(s.path)).map((s) => new ParseErrorClass(s.path, `not read: ${s.reason}`));
  const errors: ParseError[] = [...parsed.inputs.flatMap((i) => i.result.errors), ...unread];
  const notes = parsed.inputs.flatMap((i) => i.result.notes);
  // Each template, cdk.out and Terraform module is its own namespace: `aws_s3_bucket.raw` in a
  // module and in a plan of it are two resources, and a reference never crosses from one to the
  // other. AWS Config items name each other by globally unique ARNs, so all of them form one group.
  const config_ = parsed.inputs.filter((i) => i.format === 'aws-config').flatMap((i) => i.result.resources);
  const groups = [...parsed.inputs.filter((i) => i.format !== 'aws-config').map((i) => i.result.resources), ...(config_.length ? [config_] : [])].map(linkResources);
  const result = evaluateGroups(groups, { config, rules, now: options.now, configFile: options.configFile, errors, inputs: parsed.inputs.map((i) => ({ path: i.path, format: i.format, hasErrors: i.result.errors.length > 0 })) });
  return {
    ...result,
    inputs: parsed.inputs.map((i) => ({ path: i.path, format: i.format, resources: i.result.resources.length })),
    // One group (the usual case) is handed on as it is, so the diff finds its index again.
    resources: groups.length === 1 ? groups[0] : groups.flat(),
    moves: parsed.inputs.flatMap((i) => i.result.moves ?? []),
    errors,
    notes,
    skipped: options.skipped ?? [],
    generatedAt: options.now,
  };
}

export interface EvaluateOptions {
  config: EngineConfig;
  rules: readonly AnyRule[];
  now: string;
  configFile?: string;
  errors?: readonly ParseError[];
  inputs?: ReadonlyArray<{ path: string; format: Resource['location']['format']; hasErrors: boolean }>;
}

/**
 * Evaluates already-parsed, linked resources. The Backstage backend calls this directly with the
 * resources it maps from AWS Config items.
 */
export function evaluateResources(resources: Resource[], options: EvaluateOptions): Pick<ScanResult, 'evaluations' | 'findings' | 'scores'> {
  return evaluateGroups([resources], options);
}

/** Evaluates groups of linked resources, each with its own index (see `scan`), into one result. */
export function evaluateGroups(groups: readonly Resource[][], options: EvaluateOptions): Pick<ScanResult, 'evaluations' | 'findings' | 'scores'> {
  const { config, rules } = options;
  let evaluations: Evaluation[] = [];
  const levelOf = new Map<Resource, ReturnType<RuleContext['level']>>();
  const byId = new Map<string, Resource>();
  for (const resources of groups) {
    const index = ResourceIndex.of(resources);
    const ctx: RuleContext = { index, config, level: levelResolver(index, config) };
    evaluations.push(...evaluateRules(rules, resources, ctx));
    for (const r of resources) {
      levelOf.set(r, ctx.level(r));
      if (!byId.has(`${r.location.file}\u0000${r.id}`)) byId.set(`${r.location.file}\u0000${r.id}`, r);
    }
  }

  const parseable = rules.find((r) => r.id === PARSEABLE_ID);
  if (parseable && isEnabled(parseable, config)) evaluations.push(...parseEvaluations(parseable, options));

  const today = options.now.slice(0, 10);
  const applied = applySuppressions(evaluations, config.suppressions, today);
  evaluations = applied.evaluations;
  if (isEnabled(SUPPRESSION_EXPIRED, config)) {
    for (const s of applied.expired) {
      evaluations.push({
        ruleId: SUPPRESSION_EXPIRED.id,
        pillar: SUPPRESSION_EXPIRED.pillar,
        severity: config.rules[SUPPRESSION_EXPIRED.id]?.severity ?? SUPPRESSION_EXPIRED.severity,
        verdict: 'fail',
        message: `suppression of ${s.rule} on ${s.resource} expired on ${s.expires} ("${s.reason}"): it no longer applies`,
        resource: { id: options.configFile ?? 'pillarguard.yml', type: 'Pillarguard::Config', file: options.configFile ?? 'pillarguard.yml', format: 'cloudformation', ...(s.line ? { line: s.line } : {}) },
      });
    }
  }

  const meta = new Map<string, RuleMeta>([...rules, SUPPRESSION_EXPIRED].map((r) => [r.id, r]));
  const findings = evaluations
    .filter((e) => e.verdict !== 'pass')
    .map((e) => toFinding(e, meta.get(e.ruleId), byId.get(`${e.resource.file}\u0000${e.resource.id}`), (r) => levelOf.get(r)));
  const scores = scoreEvaluations(evaluations, { unknownAsFail: config.unknownAsFail });
  return { evaluations, findings, scores };
}

/** `iac.parseable`: one failure per parse error, one pass per input that parsed cleanly. */
function parseEvaluations(rule: AnyRule, options: EvaluateOptions): Evaluation[] {
  const severity = options.config.rules[rule.id]?.severity ?? rule.severity;
  const base = { ruleId: rule.id, pillar: rule.pillar, severity };
  const out: Evaluation[] = (options.errors ?? []).map((e) => ({
    ...base,
    verdict: 'fail' as const,
    message: e.message,
    resource: { id: e.file, type: 'Pillarguard::File', file: e.file, format: e.format ?? 'cloudformation', ...(e.line !== undefined ? { line: e.line } : {}), ...(e.column !== undefined ? { column: e.column } : {}) },
  }));
  for (const input of options.inputs ?? []) {
    if (!input.hasErrors) out.push({ ...base, verdict: 'pass', message: `${input.path} parses`, resource: { id: input.path, type: 'Pillarguard::File', file: input.path, format: input.format } });
  }
  return out;
}

function toFinding(e: Evaluation, rule: RuleMeta | undefined, resource: Resource | undefined, level: (r: Resource) => ReturnType<RuleContext['level']>): Finding {
  const f: Finding = {
    id: stableHash(`${e.ruleId}\u0000${e.resource.id}\u0000${e.path ?? ''}\u0000${e.resource.file}`),
    ruleId: e.ruleId,
    pillar: e.pillar,
    severity: e.severity,
    title: rule?.title ?? e.ruleId,
    verdict: e.verdict === 'unknown' ? 'unknown' : 'fail',
    status: 'present',
    message: e.message,
    resource: e.resource,
    remediation: rule?.remediation ?? { cloudformation: '', terraform: '' },
  };
  if (e.path !== undefined) f.path = e.path;
  if (e.related) f.related = e.related;
  if (e.suppressed) f.suppressed = e.suppressed;
  const l = resource ? level(resource) : undefined;
  if (l) f.level = l;
  return f;
}
