import type { Finding, FindingLocation, FindingStatus, PillarScore, ScanResult, ScoreLevel } from '../engine/types';
import type { Level } from '../classify/classify';
import type { SourceFormat } from '../model';
import { PILLARS, type Pillar, type Severity, type Verdict } from '../rules/types';
import { compareLocated, compareText, sortFindings } from './order';
import { summarize, type ReportSummary } from './summary';
import type { ApprovalReason, JsonReportOptions, ReportTool } from './types';

/** Bumped on any incompatible change of the shape below; `schema/report.schema.json` pins it. */
export const REPORT_SCHEMA_VERSION = 1;

export interface JsonFinding {
  id: string;
  ruleId: string;
  pillar: Pillar;
  severity: Severity;
  title: string;
  verdict: Exclude<Verdict, 'pass'>;
  status: FindingStatus;
  message: string;
  resource: FindingLocation;
  path?: string;
  related?: string[];
  /** Classification level of the resource (red / orange / green), when it has one. */
  classification?: Level;
  suppressed?: { reason: string; expires?: string };
  remediation: { cloudformation: string; terraform: string };
}

export interface JsonReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: ReportTool;
  generatedAt: string;
  inputs: Array<{ path: string; format: SourceFormat; resources: number }>;
  summary: ReportSummary;
  scores: Record<Pillar, PillarScore>;
  level: ScoreLevel;
  findings: JsonFinding[];
  errors: Array<{ file: string; line?: number; column?: number; message: string }>;
  notes: Array<{ file: string; line?: number; message: string }>;
  skipped: Array<{ path: string; reason: string }>;
  requiresApproval?: boolean;
  approvalReasons?: ApprovalReason[];
}

/**
 * Copies only the documented fields, in a fixed key order, so the JSON is byte-stable and an
 * extra property on the engine's objects never leaks into a versioned contract.
 */
function toJsonFinding(f: Finding): JsonFinding {
  const r = f.resource;
  const resource: JsonFinding['resource'] = { id: r.id, type: r.type, file: r.file, format: r.format };
  if (r.line !== undefined) resource.line = r.line;
  if (r.column !== undefined) resource.column = r.column;
  if (r.address !== undefined) resource.address = r.address;
  if (r.constructPath !== undefined) resource.constructPath = r.constructPath;
  const out: Omit<JsonFinding, 'remediation'> = {
    id: f.id,
    ruleId: f.ruleId,
    pillar: f.pillar,
    severity: f.severity,
    title: f.title,
    verdict: f.verdict,
    status: f.status,
    message: f.message,
    resource,
  };
  if (f.path !== undefined) out.path = f.path;
  if (f.related?.length) out.related = [...f.related].sort(compareText);
  if (f.level !== undefined) out.classification = f.level;
  if (f.suppressed) out.suppressed = f.suppressed.expires !== undefined ? { reason: f.suppressed.reason, expires: f.suppressed.expires } : { reason: f.suppressed.reason };
  return { ...out, remediation: { cloudformation: f.remediation.cloudformation, terraform: f.remediation.terraform } };
}

function toJsonApprovalReason(r: ApprovalReason): ApprovalReason {
  const out: ApprovalReason = { message: r.message };
  if (r.ruleId !== undefined) out.ruleId = r.ruleId;
  if (r.resource !== undefined) out.resource = r.resource;
  if (r.file !== undefined) out.file = r.file;
  if (r.line !== undefined) out.line = r.line;
  if (r.findingIds?.length) out.findingIds = [...r.findingIds];
  return out;
}

function toJsonError(e: ScanResult['errors'][number]): JsonReport['errors'][number] {
  const out: Partial<JsonReport['errors'][number]> = { file: e.file };
  if (e.line !== undefined) out.line = e.line;
  if (e.line !== undefined && e.column !== undefined) out.column = e.column;
  out.message = e.message;
  return out as JsonReport['errors'][number];
}

function toJsonNote(n: ScanResult['notes'][number]): JsonReport['notes'][number] {
  const out: Partial<JsonReport['notes'][number]> = { file: n.file };
  if (n.line !== undefined) out.line = n.line;
  out.message = n.message;
  return out as JsonReport['notes'][number];
}

function toJsonScores(scores: ScanResult['scores']): JsonReport['scores'] {
  const entries = PILLARS.map((p): [Pillar, PillarScore] => {
    const s = scores.pillars[p];
    return [p, { pillar: p, score: s.score, passed: s.passed, failed: s.failed, unknown: s.unknown, weightPassed: s.weightPassed, weightApplicable: s.weightApplicable }];
  });
  return Object.fromEntries(entries) as JsonReport['scores'];
}

/**
 * The versioned JSON report: the one machine-readable output every other consumer (the action,
 * the portal, scripts) can rely on. Documented field by field in `docs/report-schema.md`.
 * Deterministic: findings by severity, file, line, rule; everything else sorted too.
 */
export function toJsonReport(result: ScanResult, options: JsonReportOptions): JsonReport {
  const report: JsonReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: options.tool.name, version: options.tool.version },
    generatedAt: result.generatedAt,
    inputs: result.inputs.map((i) => ({ path: i.path, format: i.format, resources: i.resources })).sort((a, b) => compareText(a.path, b.path) || compareText(a.format, b.format)),
    summary: summarize(result),
    scores: toJsonScores(result.scores),
    level: result.scores.level,
    findings: sortFindings(result.findings).map(toJsonFinding),
    errors: result.errors.map(toJsonError).sort(compareLocated),
    notes: result.notes.map(toJsonNote).sort(compareLocated),
    skipped: result.skipped.map((s) => ({ path: s.path, reason: s.reason })).sort((a, b) => compareText(a.path, b.path) || compareText(a.reason, b.reason)),
  };
  if (options.approval) {
    report.requiresApproval = options.approval.required;
    report.approvalReasons = options.approval.reasons.map(toJsonApprovalReason);
  }
  return report;
}
