import { fullDiff } from '@aws-cdk/cloudformation-diff';
import { stringify } from 'yaml';
import { DEFAULT_CONFIG } from '../../config/types';
import { scan } from '../../engine/scan';
import { diffScans } from '../engine';
import type { ChangeRule } from '../types';
import type { ReferenceCase } from './corpus/cases';

/*
 * Runs one corpus pair through both tools. Test-only: it imports the dev dependency
 * @aws-cdk/cloudformation-diff, and tsconfig.build.json keeps this folder out of dist.
 */

const NOW = '2026-11-28T00:00:00Z';

export interface CdkVerdict {
  /** `fullDiff(...).permissionsBroadened`: IAM broadening or a security-group rule added. */
  broadened: boolean;
  /** The IAM part alone (`iamChanges.permissionsBroadened`). */
  iamBroadened: boolean;
  /** What it lists, e.g. `IAM +1/-1 statements, +1 managed`. */
  listed: string;
}

export function cdkVerdict(c: ReferenceCase): CdkVerdict {
  const d = fullDiff(c.base, c.head);
  const s = d.iamChanges.statements;
  const m = d.iamChanges.managedPolicies;
  const g = d.securityGroupChanges.ingress;
  const parts: string[] = [];
  if (s.additions.length || s.removals.length) parts.push(`IAM statements +${s.additions.length}/-${s.removals.length}`);
  if (m.additions.length || m.removals.length) parts.push(`managed policies +${m.additions.length}/-${m.removals.length}`);
  if (g.additions.length || g.removals.length) parts.push(`SG ingress +${g.additions.length}/-${g.removals.length}`);
  return { broadened: d.permissionsBroadened, iamBroadened: d.iamChanges.permissionsBroadened, listed: parts.join(', ') || 'nothing' };
}

export interface OurVerdict {
  approval: boolean;
  /** Some `iam.*` or `kms.policy-broadened` change finding (fail or unknown). */
  reported: boolean;
  /** Rule ids of the approval reasons, sorted and unique. */
  reasons: string[];
}

/** Is this change rule one of the IAM / key-policy comparisons the reference is about? */
export function isIamChangeRule(id: string): boolean {
  return id.startsWith('iam.') || id === 'kms.policy-broadened';
}

export async function ourVerdict(c: ReferenceCase, changeRules: readonly ChangeRule[]): Promise<OurVerdict> {
  const path = c.headFormat === 'yaml' ? 'template.yaml' : 'template.json';
  const baseText = JSON.stringify(c.base, null, 2);
  const headText = c.headFormat === 'yaml' ? stringify(c.head) : JSON.stringify(c.head, null, 2);
  const base = await scan([{ path, content: baseText }], { now: NOW });
  const head = await scan([{ path, content: headText }], { now: NOW });
  if (base.errors.length || head.errors.length) throw new Error(`${c.id}: corpus template does not parse: ${[...base.errors, ...head.errors].map((e) => e.message).join('; ')}`);
  const changedFiles = baseText === headText ? [] : [path];
  const d = diffScans(base, head, { config: DEFAULT_CONFIG, changeRules, changedFiles, headFiles: [path] });
  const changeIds = new Set(changeRules.map((r) => r.id));
  const reported = d.findings.some((f) => f.status === 'introduced' && changeIds.has(f.ruleId) && isIamChangeRule(f.ruleId));
  const reasons = [...new Set(d.approval.reasons.map((r) => r.ruleId ?? `path:${r.file ?? ''}`))].sort();
  return { approval: d.approval.required, reported, reasons };
}

export interface Row {
  c: ReferenceCase;
  cdk: CdkVerdict;
  ours: OurVerdict;
}

/** `stricter`: we require approval and cdk diff reports no broadening; `quieter`: the reverse. */
export function comparison(r: Row): 'same' | 'stricter' | 'quieter' {
  if (r.ours.approval === r.cdk.broadened) return 'same';
  return r.ours.approval ? 'stricter' : 'quieter';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The comparison table of docs/iam-diff.md, one row per pair, in corpus order. */
export function markdownTable(rows: readonly Row[]): string {
  const lines = [
    '| case | change | broadening? | cdk diff | Pillarguard | compared | why they differ |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const cdk = `${r.cdk.broadened ? '**broadened**' : 'not broadened'} (${r.cdk.listed})`;
    const ours = `${r.ours.approval ? '**approval**' : 'no approval'}${r.ours.reasons.length ? ` (${r.ours.reasons.join(', ')})` : ''}`;
    const cmp = comparison(r);
    lines.push(`| \`${r.c.id}\` | ${cell(r.c.title)} | ${r.c.broadening ? 'yes' : 'no'} | ${cdk} | ${ours} | ${cmp === 'same' ? 'same' : `**${cmp}**`} | ${cell(r.c.why ?? '')} |`);
  }
  return lines.join('\n');
}
