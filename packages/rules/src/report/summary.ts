import type { Finding, FindingStatus, ScanResult } from '../engine/types';
import type { Severity, Verdict } from '../rules/types';

export interface ReportSummary {
  inputs: number;
  resources: number;
  /** Every rule verdict, passes included. */
  evaluations: { total: number } & Record<Verdict, number>;
  findings: {
    /** Every finding in the report. */
    total: number;
    /** Findings that still need attention: not suppressed, not resolved. */
    open: number;
    /** Covered by a live suppression (accepted risk). */
    suppressed: number;
    /** In the base version only (diffs): fixed by the change. */
    resolved: number;
    /** Open findings by severity. */
    bySeverity: Record<Severity, number>;
    /** Open findings by verdict. */
    byVerdict: { fail: number; unknown: number };
    /** Every finding by status. */
    byStatus: Record<FindingStatus, number>;
  };
  errors: number;
  notes: number;
  skipped: number;
}

/** A finding that still needs attention: neither accepted (suppressed) nor gone (resolved). */
export function isOpen(f: Finding): boolean {
  return !f.suppressed && f.status !== 'resolved';
}

/** The counts every report format leads with, computed once from the scan result. */
export function summarize(result: ScanResult): ReportSummary {
  const evaluations = { total: result.evaluations.length, pass: 0, fail: 0, unknown: 0 };
  for (const e of result.evaluations) evaluations[e.verdict] += 1;

  const findings: ReportSummary['findings'] = {
    total: result.findings.length,
    open: 0,
    suppressed: 0,
    resolved: 0,
    bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    byVerdict: { fail: 0, unknown: 0 },
    byStatus: { present: 0, introduced: 0, resolved: 0, persisting: 0 },
  };
  for (const f of result.findings) {
    findings.byStatus[f.status] += 1;
    if (f.status === 'resolved') findings.resolved += 1;
    else if (f.suppressed) findings.suppressed += 1;
    else {
      findings.open += 1;
      findings.bySeverity[f.severity] += 1;
      findings.byVerdict[f.verdict] += 1;
    }
  }

  return {
    inputs: result.inputs.length,
    resources: result.resources.length,
    evaluations,
    findings,
    errors: result.errors.length,
    notes: result.notes.length,
    skipped: result.skipped.length,
  };
}
