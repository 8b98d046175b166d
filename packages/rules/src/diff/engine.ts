import type { Resource } from '../model';
import type { CheckResult, RuleContext, RuleMeta } from '../rules/types';
import type { EngineConfig } from '../config/types';
import { ResourceIndex } from '../engine/resource-index';
import { levelResolver } from '../engine/levels';
import { locate, sourcePathOf } from '../engine/evaluate';
import { stableHash } from '../engine/hash';
import type { Finding, ScanResult, Scores } from '../engine/types';
import type { ApprovalDecision } from '../report/types';
import { matchKey, matchResources, type Move } from './match';
import type { ChangeContext, ChangeRule, ResourcePair } from './types';
import { decideApproval } from './approval';

export interface DiffOptions {
  config: EngineConfig;
  changeRules: readonly ChangeRule[];
  /** Terraform `moved` blocks of the head version. */
  moves?: readonly Move[];
  /** Files that differ between the versions (paths as in the scans), for path-based approval. */
  changedFiles?: readonly string[];
  /** Every file path of the head version: an input of base that still exists but is no longer read as code is unreadable. */
  headFiles?: readonly string[];
}

/** A pull request's verdict: the head scan, with findings as deltas against base, change findings, and the approval decision. */
export interface DiffResult extends ScanResult {
  base: Pick<ScanResult, 'scores' | 'inputs' | 'errors'>;
  pairs: ResourcePair[];
  changes: Record<ResourcePair['change'], number>;
  approval: ApprovalDecision;
}

/**
 * Compares two scans of the same code (base and head of a PR). Findings become deltas —
 * `introduced` (in head only), `persisting` (in both: not news), `resolved` (in base only) — matched
 * by rule, resource identity across versions (see `matchKey`) and property; change rules add what
 * only a comparison sees (new IAM access, a key scheduled for deletion …), always `introduced`.
 */
export function diffScans(base: ScanResult, head: ScanResult, options: DiffOptions): DiffResult {
  const moves = [...(options.moves ?? []), ...(head.moves ?? []).map((m) => ({ dir: dirOf(m.file), from: m.from, to: m.to }))];
  const pairs = matchResources(base.resources, head.resources, moves);
  const keyOfBase = keyLookup(pairs, 'base');
  const keyOfHead = keyLookup(pairs, 'head');
  const identity = (f: Finding, keys: Map<string, string>) => `${f.ruleId}\u0000${keys.get(`${f.resource.file}\u0000${f.resource.id}`) ?? `file:${f.resource.file}:${f.resource.id}`}\u0000${f.path ?? ''}`;

  const baseIds = new Set(base.findings.map((f) => identity(f, keyOfBase)));
  const headIds = new Set(head.findings.map((f) => identity(f, keyOfHead)));
  const findings: Finding[] = [
    ...head.findings.map((f): Finding => ({ ...f, status: baseIds.has(identity(f, keyOfHead)) ? 'persisting' : 'introduced' })),
    ...base.findings.filter((f) => !headIds.has(identity(f, keyOfBase))).map((f): Finding => ({ ...f, status: 'resolved' })),
  ];

  const { findings: changeFindings, exempt } = runChangeRules(pairs, base.resources, head.resources, options);
  findings.push(...changeFindings);

  const headInputs = new Set(head.inputs.map((i) => i.path));
  const headFiles = new Set(options.headFiles ?? []);
  const vanished = base.inputs.filter((i) => !headInputs.has(i.path) && headFiles.has(i.path)).map((i) => i.path);
  const approval = decideApproval({ findings, changeFindings: changeFindings.filter((f) => !exempt.has(f.id)), headErrors: head.errors, config: options.config, changedFiles: options.changedFiles ?? [], vanishedInputs: vanished });
  const changes = { added: 0, removed: 0, modified: 0, replaced: 0, unchanged: 0 };
  for (const p of pairs) changes[p.change]++;
  return {
    ...head,
    findings,
    base: { scores: base.scores, inputs: base.inputs, errors: base.errors },
    pairs,
    changes,
    approval,
  };
}

function dirOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i < 0 ? '.' : file.slice(0, i);
}

function keyLookup(pairs: readonly ResourcePair[], side: 'base' | 'head'): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of pairs) {
    const r = p[side];
    if (r) out.set(`${r.location.file}\u0000${r.id}`, p.key);
  }
  return out;
}

function contextOf(resources: readonly Resource[], config: EngineConfig): RuleContext {
  const index = ResourceIndex.of(resources);
  return { index, config, level: levelResolver(index, config) };
}

/** Change findings, and the ids of those the rule's approval exemption lets through (still reported). */
function runChangeRules(pairs: readonly ResourcePair[], baseResources: readonly Resource[], headResources: readonly Resource[], options: DiffOptions): { findings: Finding[]; exempt: Set<string> } {
  const byResource = new Map<Resource, ResourcePair>();
  for (const p of pairs) {
    if (p.base) byResource.set(p.base, p);
    if (p.head) byResource.set(p.head, p);
  }
  const ctx: ChangeContext = {
    base: contextOf(baseResources, options.config),
    head: contextOf(headResources, options.config),
    pairs,
    pairOf: (r) => byResource.get(r),
  };
  const out: Finding[] = [];
  const exempt = new Set<string>();
  for (const rule of options.changeRules) {
    if (options.config.rules[rule.id]?.enabled === false) continue;
    const severity = options.config.rules[rule.id]?.severity ?? rule.severity;
    for (const pair of pairs) {
      const types = [pair.base?.type, pair.head?.type];
      if (!rule.appliesTo.some((t) => types.includes(t))) continue;
      let results: CheckResult | CheckResult[] | undefined;
      try {
        results = rule.compare(pair, ctx);
      } catch (e) {
        // A bug of ours must not hide a risky change: report it as unknown, which needs approval.
        results = { verdict: 'unknown', message: `internal error in change rule ${rule.id}: ${(e as Error).message}` };
      }
      const list = (results === undefined ? [] : Array.isArray(results) ? results : [results]).filter((r) => r.verdict !== 'pass');
      if (!list.length) continue;
      const lets = exemptFromApproval(rule, pair, ctx, options.config, list);
      for (const r of list) {
        const f = changeFinding(rule, severity, pair, r, ctx);
        out.push(f);
        if (lets) exempt.add(f.id);
      }
    }
  }
  return { findings: out, exempt };
}

/** The rule's approval exemption; unknown verdicts and a failing exemption check are never exempt (fail closed). */
function exemptFromApproval(rule: ChangeRule, pair: ResourcePair, ctx: ChangeContext, config: EngineConfig, results: readonly CheckResult[]): boolean {
  if (!rule.approvalExempt || !results.every((r) => r.verdict === 'fail')) return false;
  try {
    return rule.approvalExempt(pair, ctx, config) === true;
  } catch {
    return false;
  }
}

function changeFinding(rule: RuleMeta, severity: Finding['severity'], pair: ResourcePair, r: CheckResult, ctx: ChangeContext): Finding {
  const resource = (pair.head ?? pair.base)!;
  const path = sourcePathOf(resource, r.path);
  const level = pair.head ? ctx.head.level(pair.head) : ctx.base.level(pair.base!);
  const f: Finding = {
    id: stableHash(`${rule.id}\u0000${pair.key}\u0000${path ?? ''}\u0000${r.message}`),
    ruleId: rule.id,
    pillar: rule.pillar,
    severity,
    title: rule.title,
    verdict: r.verdict === 'unknown' ? 'unknown' : 'fail',
    status: 'introduced',
    message: r.message,
    resource: locate(resource, path),
    remediation: rule.remediation,
  };
  if (path !== undefined) f.path = path;
  if (r.related?.length) f.related = r.related;
  if (level) f.level = level;
  return f;
}

export type { Scores };
export { matchKey };
