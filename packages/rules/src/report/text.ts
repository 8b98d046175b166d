import type { Finding, ScanResult } from '../engine/types';
import { PILLARS, SEVERITIES, type Severity } from '../rules/types';
import { painter, type Paint, type Style } from './ansi';
import { plural } from './labels';
import { compareLocated, compareText, sortFindings } from './order';
import { clip, singleLine } from './sanitize';
import { isOpen, summarize } from './summary';
import type { TextReportOptions } from './types';

const SEVERITY_STYLE: Readonly<Record<Severity, Style[]>> = {
  critical: ['bold', 'magenta'],
  high: ['red'],
  medium: ['yellow'],
  low: ['cyan'],
  info: ['gray'],
};

/** Input text made safe for a terminal: one line, no escape sequences, no bidi tricks. */
function plain(text: string): string {
  return singleLine(text);
}

function visibleLength(text: string): number {
  return Array.from(text).length;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

function where(file: string, line?: number, column?: number): string {
  let w = plain(file);
  if (line !== undefined) w += `:${line}`;
  if (line !== undefined && column !== undefined) w += `:${column}`;
  return w;
}

/** Column widths are capped so one long path does not push every message off screen. */
const MAX_LOCATION_WIDTH = 48;
const MAX_RULE_WIDTH = 32;

interface Row {
  location: string;
  severity: Severity;
  rule: string;
  message: string;
  unknown: boolean;
}

function rowsOf(findings: readonly Finding[], describe: (f: Finding) => string): Row[] {
  return findings.map((f) => ({ location: where(f.resource.file, f.resource.line), severity: f.severity, rule: plain(f.ruleId), message: (f.verdict === 'unknown' ? 'unknown: ' : '') + describe(f), unknown: f.verdict === 'unknown' }));
}

function renderRows(rows: readonly Row[], paint: Paint, width: number | undefined): string[] {
  const locWidth = Math.min(MAX_LOCATION_WIDTH, Math.max(0, ...rows.map((r) => visibleLength(r.location))));
  const ruleWidth = Math.min(MAX_RULE_WIDTH, Math.max(0, ...rows.map((r) => visibleLength(r.rule))));
  return rows.map((r) => {
    const prefix = `  ${padEnd(r.location, locWidth)}  ${padEnd(r.severity, 8)}  ${padEnd(r.rule, ruleWidth)}  `;
    const room = width !== undefined ? Math.max(1, width - visibleLength(prefix)) : Infinity;
    const message = clip(r.message, room);
    return `  ${paint(padEnd(r.location, locWidth), 'bold')}  ${paint(padEnd(r.severity, 8), ...SEVERITY_STYLE[r.severity])}  ${padEnd(r.rule, ruleWidth)}  ${r.unknown ? paint(message, 'blue') : message}`;
  });
}

function scoreLine(result: ScanResult, paint: Paint): string[] {
  return PILLARS.map((p) => {
    const s = result.scores.pillars[p];
    const score = s.score === null ? '—' : String(s.score);
    const style: Style = s.score === null ? 'gray' : s.score >= 90 ? 'green' : s.score >= 60 ? 'yellow' : 'red';
    return `  ${padEnd(p, 16)}${paint(score.padStart(4), style)}   ${s.passed} passed, ${s.failed} failed, ${s.unknown} unknown`;
  });
}

/**
 * The terminal report: a summary line, pillar scores, open findings as
 * `file:line  severity  rule  message`, then suppressed findings, errors, notes and skipped files.
 * Colours only when `options.color` is true (the caller decides: TTY, NO_COLOR, flags); input
 * strings are stripped of control characters so a resource name cannot drive the terminal.
 */
export function toText(result: ScanResult, options: TextReportOptions): string {
  const paint = painter(options.color);
  const summary = summarize(result);
  const f = summary.findings;
  const levelStyle: Style = result.scores.level === 'gold' ? 'green' : result.scores.level === 'none' ? 'red' : 'yellow';
  const counts = SEVERITIES.filter((s) => f.bySeverity[s] > 0).map((s) => paint(`${f.bySeverity[s]} ${s}`, ...SEVERITY_STYLE[s]));
  const headline = [f.open === 0 ? paint('no open findings', 'green') : `${plural(f.open, 'open finding')} (${counts.join(', ')})`];
  if (f.byVerdict.unknown) headline.push(`${f.byVerdict.unknown} unknown`);
  if (f.suppressed) headline.push(`${f.suppressed} suppressed`);
  if (f.resolved) headline.push(`${f.resolved} resolved`);
  if (summary.errors) headline.push(paint(plural(summary.errors, 'input error'), 'red', 'bold'));

  const lines = [
    `${paint('Pillarguard', 'bold')}  level ${paint(result.scores.level, 'bold', levelStyle)}`,
    headline.join(' · '),
    `${plural(summary.inputs, 'input')} · ${plural(summary.resources, 'resource')} · ${plural(summary.evaluations.total, 'check')}`,
    '',
    paint('Pillar scores', 'bold'),
    ...scoreLine(result, paint),
  ];

  const findings = sortFindings(result.findings);
  const open = findings.filter(isOpen);
  if (open.length) lines.push('', paint('Findings', 'bold'), ...renderRows(rowsOf(open, (x) => plain(x.message)), paint, options.width));
  const suppressed = findings.filter((x) => x.suppressed && x.status !== 'resolved');
  if (suppressed.length) {
    const describe = (x: Finding): string => `suppressed: ${plain(x.suppressed?.reason ?? '')}${x.suppressed?.expires ? ` (expires ${plain(x.suppressed.expires)})` : ''}`;
    lines.push('', paint('Suppressed', 'bold'), ...renderRows(rowsOf(suppressed, describe), paint, options.width));
  }
  const resolved = findings.filter((x) => x.status === 'resolved');
  if (resolved.length) lines.push('', paint('Resolved', 'bold'), ...renderRows(rowsOf(resolved, (x) => plain(x.message)), paint, options.width));
  if (result.errors.length) {
    const errors = [...result.errors].sort(compareLocated);
    lines.push('', paint('Errors', 'bold', 'red'), ...errors.map((e) => `  ${paint(where(e.file, e.line, e.column), 'bold')}  ${plain(e.message)}`));
  }
  if (result.notes.length) {
    const notes = [...result.notes].sort(compareLocated);
    lines.push('', paint('Notes', 'bold'), ...notes.map((n) => `  ${where(n.file, n.line)}  ${plain(n.message)}`));
  }
  if (result.skipped.length) {
    const skipped = [...result.skipped].sort((a, b) => compareText(a.path, b.path) || compareText(a.reason, b.reason));
    lines.push('', paint('Skipped', 'bold'), ...skipped.map((s) => `  ${plain(s.path)}  ${plain(s.reason)}`));
  }
  return `${lines.join('\n')}\n`;
}
