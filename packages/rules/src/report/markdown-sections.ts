import type { Finding, ScanResult, Scores } from '../engine/types';
import { PILLARS, SEVERITIES, type Severity } from '../rules/types';
import { PILLAR_LABELS, SEVERITY_LABELS, plural } from './labels';
import { clip } from './sanitize';
import { codeFence, codeSpan, escapeMarkdown, escapeTableCell } from './markdown-escape';
import type { ReportSummary } from './summary';
import type { ApprovalDecision } from './types';

/** Caps on single input strings, so one hostile value cannot take the whole comment. */
const MAX_ID = 300;
const MAX_MESSAGE = 1_000;

/** Escaped, clipped input text. */
export function md(text: string, max = MAX_ID): string {
  return escapeMarkdown(clip(text, max));
}

/** `file:line` (line only when the input had one: never invented). */
export function mdWhere(file: string, line?: number, column?: number): string {
  let where = md(file);
  if (line !== undefined) where += `:${line}`;
  if (line !== undefined && column !== undefined) where += `:${column}`;
  return where;
}

export function verdictSection(summary: ReportSummary, level: Scores['level']): string {
  const f = summary.findings;
  const bySeverity = SEVERITIES.filter((s) => f.bySeverity[s] > 0).map((s) => `${f.bySeverity[s]} ${s}`);
  const parts = [`**Level: ${level}**`, f.open === 0 ? 'no open findings' : `${plural(f.open, 'open finding')} (${bySeverity.join(', ')})`];
  if (f.byVerdict.unknown > 0) parts.push(`${f.byVerdict.unknown} could not be evaluated`);
  if (f.suppressed > 0) parts.push(`${f.suppressed} suppressed`);
  if (f.resolved > 0) parts.push(`${f.resolved} resolved`);
  if (summary.errors > 0) parts.push(`**${plural(summary.errors, 'input error')}** (fails closed)`);
  const scanned = `Scanned ${plural(summary.inputs, 'input')}, ${plural(summary.resources, 'resource')}, ${plural(summary.evaluations.total, 'check')}.`;
  return `${parts.join(' · ')}\n\n${scanned}`;
}

export function approvalSection(approval: ApprovalDecision): string {
  if (!approval.required) return '**No approval required.**';
  const reasons = approval.reasons.map((r) => {
    const rule = r.ruleId !== undefined ? `${codeSpan(r.ruleId)}: ` : '';
    const where = r.file !== undefined ? ` (${mdWhere(r.file, r.line)})` : '';
    const resource = r.resource !== undefined ? ` on ${md(r.resource)}` : '';
    return `- ${rule}${md(r.message, MAX_MESSAGE)}${resource}${where}`;
  });
  const intro = reasons.length ? 'An approving review by a configured approver is needed before merging, because:' : 'An approving review by a configured approver is needed before merging.';
  return ['### Approval required', '', intro, ...(reasons.length ? ['', ...reasons] : [])].join('\n');
}

function scoreCell(score: number | null): string {
  return score === null ? '—' : String(score);
}

export function pillarTable(scores: Scores, base?: Scores): string {
  const rows = PILLARS.map((p) => {
    const s = scores.pillars[p];
    const score = base ? `${scoreCell(base.pillars[p]?.score ?? null)} → ${scoreCell(s.score)}` : scoreCell(s.score);
    return `| ${escapeTableCell(PILLAR_LABELS[p])} | ${score} | ${s.passed} | ${s.failed} | ${s.unknown} |`;
  });
  const header = base ? '| Pillar | Score (base → head) | Passed | Failed | Unknown |' : '| Pillar | Score | Passed | Failed | Unknown |';
  return ['## Pillar scores', '', header, '| --- | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

export function errorsSection(errors: ScanResult['errors']): string[] {
  return errors.map((e) => `- ${mdWhere(e.file, e.line, e.column)}: ${md(e.message, MAX_MESSAGE)}`);
}

export function notesSection(notes: ScanResult['notes']): string[] {
  return notes.map((n) => `- ${mdWhere(n.file, n.line)}: ${md(n.message, MAX_MESSAGE)}`);
}

export function skippedSection(skipped: ScanResult['skipped']): string[] {
  return skipped.map((s) => `- ${md(s.path)}: ${md(s.reason, MAX_MESSAGE)}`);
}

/** Which remediation snippet fits the resource's format; live (AWS Config) resources get both. */
function remediationFlavours(f: Finding): Array<{ label: string; language: string; snippet: string }> {
  const cfn = { label: 'CloudFormation', language: 'yaml', snippet: f.remediation.cloudformation };
  const tf = { label: 'Terraform', language: 'hcl', snippet: f.remediation.terraform };
  const wanted = f.resource.format === 'terraform' || f.resource.format === 'terraform-plan' ? [tf] : f.resource.format === 'aws-config' ? [cfn, tf] : [cfn];
  return wanted.filter((w) => w.snippet.trim() !== '');
}

/** Builds the address of a file (and line) of the reviewed version; the caller encodes it. */
export type SourceUrl = (file: string, line?: number) => string | undefined;

/**
 * `file:line` as a link when the caller gives addresses (a PR comment links the head commit). The
 * address must be an absolute https URL without spaces or angle brackets; anything else is shown
 * as text, so input never decides where a link goes.
 */
function linked(text: string, f: Finding, sourceUrl: SourceUrl | undefined): string {
  const url = sourceUrl?.(f.resource.file, f.resource.line);
  if (url === undefined || !/^https:\/\/[^\s<>()]+$/.test(url)) return text;
  return `[${text}](${url})`;
}

/**
 * One finding as Markdown. `shown` remembers which rule/format remediations were already printed,
 * so twenty failing tables carry one snippet, not twenty.
 */
export function findingBlock(f: Finding, shown: Set<string>, sourceUrl?: SourceUrl): string {
  const tags = [f.status !== 'present' ? f.status : '', f.verdict === 'unknown' ? 'could not be evaluated' : ''].filter(Boolean);
  const head = `**${codeSpan(f.ruleId)}** ${md(f.title)}${tags.length ? ` _(${tags.join(', ')})_` : ''}`;
  const resource = [`${md(f.resource.id)} (${md(f.resource.type)})`];
  if (f.resource.address !== undefined && f.resource.address !== f.resource.id) resource.push(`address ${md(f.resource.address)}`);
  if (f.resource.constructPath !== undefined) resource.push(`construct ${md(f.resource.constructPath)}`);
  const lines = [
    head,
    '',
    `- **Resource:** ${resource.join(' · ')}`,
    `- **Where:** ${linked(mdWhere(f.resource.file, f.resource.line), f, sourceUrl)}${f.path !== undefined ? ` · property ${md(f.path)}` : ''}`,
    `- **${f.verdict === 'unknown' ? 'Why unknown' : 'Problem'}:** ${md(f.message, MAX_MESSAGE)}`,
  ];
  if (f.level !== undefined) lines.push(`- **Classification:** ${f.level}`);
  for (const r of remediationFlavours(f)) {
    const key = `${f.ruleId}\u0000${r.label}`;
    if (shown.has(key)) {
      lines.push('', `Fix (${r.label}): as in the first ${codeSpan(f.ruleId)} finding above.`);
      continue;
    }
    shown.add(key);
    lines.push('', `Fix (${r.label}):`, '', codeFence(r.snippet, r.language));
  }
  return lines.join('\n');
}

export function suppressedLine(f: Finding): string {
  const s = f.suppressed ?? { reason: '' };
  const expires = s.expires !== undefined ? `; expires ${md(s.expires)}` : '';
  return `- ${codeSpan(f.ruleId)} (${f.severity}) on ${md(f.resource.id)} at ${mdWhere(f.resource.file, f.resource.line)}: ${md(s.reason, MAX_MESSAGE)}${expires}`;
}

export function resolvedLine(f: Finding): string {
  return `- ${codeSpan(f.ruleId)} (${f.severity}) on ${md(f.resource.id)} at ${mdWhere(f.resource.file, f.resource.line)}`;
}

/** `<details>` wrapper; the summary text is ours (never input), as HTML blocks are not escaped by Markdown. */
export function detailsOpen(summary: string, open: boolean): string {
  return `<details${open ? ' open' : ''}>\n<summary>${summary}</summary>`;
}

export const DETAILS_CLOSE = '</details>';

export function severityGroupSummary(severity: Severity, count: number): string {
  return `<strong>${SEVERITY_LABELS[severity]}</strong> — ${plural(count, 'finding')}`;
}
