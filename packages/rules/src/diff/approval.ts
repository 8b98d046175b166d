import type { ParseError } from '../model';
import type { EngineConfig } from '../config/types';
import type { Finding } from '../engine/types';
import type { ApprovalDecision, ApprovalReason } from '../report/types';
import { globMatchesPath } from './glob';

export interface ApprovalInput {
  /** All delta findings (introduced, persisting, resolved) and the change findings. */
  findings: readonly Finding[];
  changeFindings: readonly Finding[];
  headErrors: readonly ParseError[];
  config: EngineConfig;
  changedFiles: readonly string[];
  /** Files that were infrastructure code in base and are still there, but are no longer recognised as such in head. */
  vanishedInputs?: readonly string[];
}

/**
 * The default approval policy of DESIGN.md, as configured: each reason names the findings a
 * reviewer approves. Suppressed findings do not count (their risk was accepted, with a reason and
 * an expiry); persisting findings are not news.
 */
export function decideApproval(input: ApprovalInput): ApprovalDecision {
  const reasons: ApprovalReason[] = [];
  const { approval } = input.config;

  for (const f of input.changeFindings) {
    if (f.suppressed) continue;
    reasons.push(reasonFor(f, f.verdict === 'unknown' ? `${f.title}: cannot tell whether this change is risky — ${f.message}` : `${f.title}: ${f.message}`));
  }
  const changeIds = new Set(input.changeFindings.map((f) => f.id));
  for (const f of input.findings) {
    if (changeIds.has(f.id) || f.status !== 'introduced' || f.suppressed || f.verdict !== 'fail') continue;
    if (f.ruleId === 'iac.parseable') continue; // reported below, once per file
    if (approval.severities.includes(f.severity)) reasons.push(reasonFor(f, `new ${f.severity} finding ${f.ruleId}: ${f.message}`));
  }
  // Fail closed: what we cannot read, we cannot clear.
  const parseFindings = input.findings.filter((f) => f.ruleId === 'iac.parseable' && f.status !== 'resolved' && f.verdict === 'fail');
  for (const e of input.headErrors) {
    const ids = parseFindings.filter((f) => f.resource.file === e.file).map((f) => f.id);
    const r: ApprovalReason = { ruleId: 'iac.parseable', message: `${e.file} cannot be parsed, so it cannot be checked: ${e.message}`, file: e.file };
    if (e.line !== undefined) r.line = e.line;
    if (ids.length) r.findingIds = ids;
    reasons.push(r);
  }
  for (const file of input.vanishedInputs ?? []) {
    reasons.push({ ruleId: 'iac.parseable', message: `${file} was infrastructure code in the base version and can no longer be read as such`, file });
  }
  for (const file of input.changedFiles) {
    const glob = approval.paths.find((g) => globMatchesPath(g, file));
    if (glob) reasons.push({ message: `${file} changed, and changes to ${glob} always need approval`, file });
  }
  return { required: reasons.length > 0, reasons };
}

function reasonFor(f: Finding, message: string): ApprovalReason {
  const r: ApprovalReason = { ruleId: f.ruleId, message, resource: f.resource.address ?? f.resource.constructPath ?? f.resource.id, file: f.resource.file, findingIds: [f.id] };
  if (f.resource.line !== undefined) r.line = f.resource.line;
  return r;
}
