import type { Finding, ScanResult } from '../engine/types';
import { SEVERITIES } from '../rules/types';
import { plural } from './labels';
import { escapeMarkdown } from './markdown-escape';
import {
  DETAILS_CLOSE,
  approvalSection,
  detailsOpen,
  errorsSection,
  findingBlock,
  notesSection,
  pillarTable,
  resolvedLine,
  severityGroupSummary,
  skippedSection,
  suppressedLine,
  type SourceUrl,
  verdictSection,
} from './markdown-sections';
import { compareLocated, compareText, sortFindings } from './order';
import { isOpen, summarize } from './summary';
import type { MarkdownReportOptions } from './types';

export const DEFAULT_MARKDOWN_MAX_LENGTH = 65_000;

/** Room kept for the truncation notice and the closing tags it may need. */
const NOTICE_RESERVE = 400;

/** A run of entries under one heading, optionally inside a collapsible `<details>`. */
interface Section {
  heading?: string;
  details?: { summary: string; open: boolean };
  entries: string[];
  /** How entries are joined: findings need a blank line between them, list items do not. */
  separator: string;
}

function sectionsOf(result: ScanResult, sourceUrl?: SourceUrl): Section[] {
  const findings = sortFindings(result.findings);
  // In a pull request, findings that were already there are not news: collapsed, after the new ones.
  const open = findings.filter((f) => isOpen(f) && f.status !== 'persisting');
  const persisting = findings.filter((f) => isOpen(f) && f.status === 'persisting');
  const shown = new Set<string>();
  const sections: Section[] = [];

  if (result.errors.length) {
    const errors = [...result.errors].sort(compareLocated);
    sections.push({ heading: '## Input errors\n\nThese files could not be read; the gate fails closed until they parse.', entries: errorsSection(errors), separator: '\n' });
  }
  let first = true;
  for (const severity of SEVERITIES) {
    const group = open.filter((f) => f.severity === severity);
    if (!group.length) continue;
    sections.push({
      heading: first ? '## Findings' : undefined,
      details: { summary: severityGroupSummary(severity, group.length), open: severity === 'critical' || severity === 'high' },
      entries: group.map((f) => findingBlock(f, shown, sourceUrl)),
      separator: '\n\n',
    });
    first = false;
  }
  if (persisting.length) {
    sections.push({ details: { summary: `Already present before this change — ${plural(persisting.length, 'finding')}`, open: false }, entries: persisting.map((f) => findingBlock(f, shown, sourceUrl)), separator: '\n\n' });
  }
  const suppressed = findings.filter((f: Finding) => f.suppressed && f.status !== 'resolved');
  if (suppressed.length) sections.push({ details: { summary: `Suppressed — ${plural(suppressed.length, 'accepted risk')}`, open: false }, entries: suppressed.map(suppressedLine), separator: '\n' });
  const resolved = findings.filter((f) => f.status === 'resolved');
  if (resolved.length) sections.push({ details: { summary: `Resolved by this change — ${plural(resolved.length, 'finding')}`, open: false }, entries: resolved.map(resolvedLine), separator: '\n' });
  if (result.notes.length) sections.push({ details: { summary: plural(result.notes.length, 'note'), open: false }, entries: notesSection([...result.notes].sort(compareLocated)), separator: '\n' });
  if (result.skipped.length) {
    const skipped = [...result.skipped].sort((a, b) => compareText(a.path, b.path) || compareText(a.reason, b.reason));
    sections.push({ details: { summary: `Skipped — ${plural(skipped.length, 'file')}`, open: false }, entries: skippedSection(skipped), separator: '\n' });
  }
  return sections;
}

/** `65,000` without `toLocaleString`, whose output depends on the runtime's ICU data. */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function truncationNotice(omitted: number, maxLength: number): string {
  return `> **Report truncated:** ${plural(omitted, 'more entry', 'more entries')} not shown, to stay under ${groupThousands(maxLength)} characters. The JSON or SARIF report has everything.`;
}

/**
 * The scan report as GitHub-flavoured Markdown (PR comment, job summary): verdict and level,
 * approval, pillar table, then input errors, findings by severity in collapsible sections with
 * remediation snippets, suppressed and resolved findings, notes and skipped files.
 *
 * Every string from the input is escaped (`escapeMarkdown`). Output is deterministic, and never
 * longer than `maxLength`: whole entries are dropped from the end and a notice says how many,
 * so `<details>` blocks and tables always stay balanced.
 */
export function toMarkdownReport(result: ScanResult, options: MarkdownReportOptions): string {
  const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
  const summary = summarize(result);
  const blocks = [`# ${escapeMarkdown(options.title ?? 'Pillarguard scan report')}`, verdictSection(summary, result.scores.level)];
  if (options.approval) blocks.push(approvalSection(options.approval));
  blocks.push(pillarTable(result.scores, options.baseScores));
  const footer = `<sub>${escapeMarkdown(`${options.tool.name} ${options.tool.version}`)} · ${escapeMarkdown(result.generatedAt)}</sub>`;

  const head = blocks.join('\n\n');
  const sections = sectionsOf(result, options.sourceUrl);
  const room = maxLength - footer.length - 3; // "\n\n" before the footer, "\n" after it
  // Everything if it fits; otherwise again, keeping room for the notice that says what is missing.
  let body = fill(head, sections, room);
  if (body.omitted > 0) body = fill(head, sections, room - NOTICE_RESERVE);
  if (body.text === undefined) {
    // Not even the header fits: say so plainly rather than cut Markdown in the middle.
    return truncationNotice(result.findings.length, maxLength).slice(0, maxLength);
  }
  const notice = body.omitted > 0 ? `\n\n${truncationNotice(body.omitted, maxLength)}` : '';
  return `${body.text}${notice}\n\n${footer}\n`;
}

/**
 * Appends whole entries after `head` while the text stays within `room`; a section is opened only
 * with at least one entry and always closed. Returns how many entries were left out, and no text
 * at all when `head` alone is too long.
 */
function fill(head: string, sections: readonly Section[], room: number): { text?: string; omitted: number } {
  if (head.length > room) return { omitted: 0 };
  let out = head;
  let omitted = 0;
  for (const section of sections) {
    if (omitted > 0) {
      omitted += section.entries.length;
      continue;
    }
    const open = [section.heading, section.details ? detailsOpen(section.details.summary, section.details.open) : undefined].filter((x) => x !== undefined).join('\n\n');
    const close = section.details ? `\n\n${DETAILS_CLOSE}` : '';
    let body = '';
    for (const [i, entry] of section.entries.entries()) {
      const next = body === '' ? entry : `${body}${section.separator}${entry}`;
      if (out.length + 2 + open.length + 2 + next.length + close.length > room) {
        omitted = section.entries.length - i;
        break;
      }
      body = next;
    }
    if (body !== '') out += `\n\n${open}\n\n${body}${close}`;
  }
  return { text: out, omitted };
}
