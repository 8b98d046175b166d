import type { Finding } from '../engine/types';
import { SEVERITIES, type Severity } from '../rules/types';

/** Plain code-unit comparison: `localeCompare` depends on the runtime's ICU data and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Known lines first, in order; a finding without a line sorts after those with one in the same file. */
export function compareLine(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a - b;
}

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/**
 * Report order: severity (critical first), file, line, rule id — then resource id, property path
 * and finding id so that no two distinct findings ever compare equal (stable output whatever order
 * the engine produced them in).
 */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareText(a.resource.file, b.resource.file) ||
    compareLine(a.resource.line, b.resource.line) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.resource.id, b.resource.id) ||
    compareText(a.path ?? '', b.path ?? '') ||
    compareText(a.id, b.id)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

/** Errors and notes: file, line, column, message. */
export function compareLocated(
  a: { file: string; line?: number; column?: number; message: string },
  b: { file: string; line?: number; column?: number; message: string },
): number {
  return compareText(a.file, b.file) || compareLine(a.line, b.line) || compareLine(a.column, b.column) || compareText(a.message, b.message);
}
