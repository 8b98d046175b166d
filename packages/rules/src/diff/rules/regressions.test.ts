import { PILLARS, SEVERITIES } from '../../rules/types';
import { ALL_RULES } from '../../rules';
import { isChangeRule, type ChangeRule } from '../types';
import { changeRules } from './regressions';

/** Metadata problems of a change rule: what docs/rules.md, approval and every report are built from. */
function problems(rule: ChangeRule): string[] {
  const out: string[] = [];
  if (!isChangeRule(rule)) out.push('not a change rule');
  if (!/^[a-z0-9-]+\.[a-z0-9-]+$/.test(rule.id)) out.push(`id ${rule.id} is not <service>.<change>`);
  if (!PILLARS.includes(rule.pillar)) out.push(`unknown pillar ${rule.pillar}`);
  if (!SEVERITIES.includes(rule.severity)) out.push(`unknown severity ${rule.severity}`);
  if (rule.title.trim().length < 10) out.push('title too short');
  if (rule.rationale.trim().length < 40) out.push('rationale too short');
  if (!rule.remediation.cloudformation.trim()) out.push('no CloudFormation remediation');
  if (!rule.remediation.terraform.trim()) out.push('no Terraform remediation');
  if (rule.appliesTo.length === 0) out.push('appliesTo is empty');
  for (const t of rule.appliesTo) if (!/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(t)) out.push(`appliesTo ${t} is not a canonical type`);
  if (!rule.references?.length) out.push('no references');
  for (const ref of rule.references ?? []) if (!/^https:\/\//.test(ref)) out.push(`reference ${ref} is not an https URL`);
  return out;
}

describe('regression change rules', () => {
  it('are the four of RULES.md, each once', () => {
    expect(changeRules.map((r) => r.id)).toEqual(['kms.rotation-disabled', 'kms.key-deletion', 'encryption.downgraded', 'exposure.increased']);
  });
  it('have complete metadata', () => {
    for (const r of changeRules) expect([r.id, problems(r)]).toEqual([r.id, []]);
  });
  it('do not reuse a scan rule id (findings of both kinds share reports)', () => {
    const scanIds = new Set(ALL_RULES.map((r) => r.id));
    expect(changeRules.filter((r) => scanIds.has(r.id))).toEqual([]);
  });
});
