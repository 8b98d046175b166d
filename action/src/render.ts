import { codeFence, escapeMarkdown, toMarkdownReport, type DiffResult, type Finding } from '@pillarguard/rules';
import type { ApprovalState } from './approvals';
import type { Annotation, GateResult } from './github/checks';
import type { Approvers } from './inputs';
import { encodeMeta, MARKER, type CommentMeta } from './metadata';

/** The heading of the report in the comment (what a review-only update keeps). */
export const REPORT_TITLE = '# Pillarguard — pull request check';

/** GitHub's limit on a comment body is 65,536 characters; keep a margin for the metadata. */
const COMMENT_LIMIT = 65000;

export interface Verdict {
  requiresApproval: boolean;
  approved: boolean;
  /** Introduced findings at or above `fail-on`. */
  blocking: number;
  /** Why the gate cannot decide (inputs not readable): it fails. */
  problems: string[];
  /** An earlier commit of the PR needed approval and this one does not: the comment says it is resolved. */
  resolved?: boolean;
}

export function gatePasses(v: Verdict): boolean {
  return v.problems.length === 0 && v.blocking === 0 && (!v.requiresApproval || v.approved);
}

function who(approvers: Approvers): string {
  const names = [...approvers.users, ...approvers.teams.map((t) => `${t.org}/${t.slug}`)];
  return names.length ? names.map((n) => `\`${n}\``).join(', ') : 'a reviewer (no approvers are configured: set the `approvers` input)';
}

/** The lines that lead the comment: the gate's verdict and, when approval is needed, its state. */
export function verdictLines(v: Verdict, state: ApprovalState | undefined, approvers: Approvers): string[] {
  const out: string[] = [];
  if (v.problems.length) out.push('**⛔ Pillarguard could not check this pull request — the gate fails closed.**', '', ...v.problems.map((p) => `- ${escapeMarkdown(p)}`));
  else if (v.requiresApproval && v.approved) out.push(`**✅ Approved** by ${state!.by.map((b) => `\`${b}\``).join(', ')}: the approval covers the current risky content.`);
  else if (v.requiresApproval) {
    out.push(`**⛔ Approval required** from ${who(approvers)} before this can merge.`);
    if (state?.stale.length) out.push('', `Earlier approvals no longer cover what is risky now (the risky content changed since): ${state.stale.map((s) => `\`${s.login}\` on ${s.sha.slice(0, 7)}`).join(', ')}.`);
  } else out.push(v.resolved ? '**✅ Resolved — no approval needed any more** (an earlier commit of this pull request needed one).' : '**✅ No approval needed.**');
  if (v.blocking) out.push('', `**${v.blocking} introduced finding${v.blocking === 1 ? '' : 's'} at or above the \`fail-on\` severity** fail the check.`);
  return out;
}

/** The sticky comment: marker, verdict, the diff report (linked to the head commit), metadata. */
/**
 * How to accept one of the introduced findings: a suppression entry for the configuration, filled
 * in with the first one's rule and resource (inside a code block: nothing in it renders). The
 * configuration is read from the base commit, so it applies once merged — it cannot waive the
 * approval of the pull request that adds it.
 */
export function suppressionHint(result: DiffResult, configPath: string): string {
  const f = result.findings.find((x) => x.status === 'introduced' && !x.suppressed && !x.ruleId.startsWith('iac.'));
  if (!f) return '';
  const yaml = `suppressions:\n  - rule: ${f.ruleId}\n    resource: ${JSON.stringify(f.resource.address ?? f.resource.id)}\n    reason: "<why this is accepted, with a ticket>"\n    expires: ${new Date(Date.parse(result.generatedAt) + 90 * 86400000).toISOString().slice(0, 10)}`;
  return [
    '<details><summary>Accepting a finding</summary>',
    '',
    `Add a suppression with a reason (mandatory) and an expiry to ${escapeMarkdown(configPath)}. The gate reads its configuration from the base branch, so it applies once merged; it does not waive this pull request's approval.`,
    '',
    codeFence(yaml, 'yaml'),
    '',
    '</details>',
  ].join('\n');
}

export function commentBody(result: DiffResult, v: Verdict, state: ApprovalState | undefined, approvers: Approvers, meta: CommentMeta, sourceUrl: (file: string, line?: number) => string, version: string, configPath = '.github/pillarguard.yml'): string {
  const head = [MARKER, ...verdictLines(v, state, approvers), ''].join('\n');
  const hint = suppressionHint(result, configPath);
  const tail = `${hint ? `\n${hint}\n` : ''}\n${encodeMeta(meta)}\n`;
  const report = toMarkdownReport(result, {
    tool: { name: 'pillarguard', version },
    approval: result.approval,
    baseScores: result.base.scores,
    title: REPORT_TITLE.slice(2),
    sourceUrl,
    maxLength: COMMENT_LIMIT - head.length - tail.length - 2,
  });
  return `${head}\n${report}${tail}`;
}

const LEVEL: Record<Finding['severity'], Annotation['annotation_level']> = { critical: 'failure', high: 'failure', medium: 'warning', low: 'notice', info: 'notice' };

/** Line annotations for the introduced findings that point at a line of a file. */
export function annotationsOf(result: DiffResult): Annotation[] {
  return result.findings
    .filter((f) => f.status === 'introduced' && f.resource.line !== undefined && !f.suppressed)
    .map((f) => ({
      path: f.resource.file,
      start_line: f.resource.line!,
      end_line: f.resource.line!,
      annotation_level: LEVEL[f.severity],
      title: `${f.ruleId} (${f.severity})`.slice(0, 255),
      message: `${f.resource.id}: ${f.message}`.slice(0, 64000),
    }));
}

export function gateTitle(v: Verdict, reasons: number): string {
  if (v.problems.length) return 'Could not check this pull request (fails closed)';
  if (v.requiresApproval && !v.approved) return `Approval required (${reasons} reason${reasons === 1 ? '' : 's'})`;
  if (v.blocking) return `${v.blocking} finding${v.blocking === 1 ? '' : 's'} at or above fail-on`;
  return v.requiresApproval ? 'Approved' : 'No approval needed';
}

export function gateResult(result: DiffResult, v: Verdict, state: ApprovalState | undefined, approvers: Approvers): GateResult {
  const success = gatePasses(v);
  const title = gateTitle(v, result.approval.reasons.length);
  const reasons = result.approval.reasons.map((r) => `- ${escapeMarkdown(r.message)}`);
  const summary = [...verdictLines(v, state, approvers), ...(reasons.length ? ['', '**Why approval is needed:**', ...reasons] : [])].join('\n');
  return { success, title, summary, annotations: annotationsOf(result) };
}
