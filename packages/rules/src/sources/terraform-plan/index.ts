import type { SourceFile, SourceResult } from '../../model';
import { ParseError } from '../../model';
import { mapTerraformResources } from '../terraform';
import { collectResources, indexChanges } from './collect';
import { ConfigIndex } from './configuration';
import { jsonErrorPosition, jsonErrorReason } from './json-error';
import { isJsonObject, type Json } from './plan-types';

/** `terraform show -json` output of a plan: `format_version` and `planned_values` or `resource_changes`. */
export function looksLikeTerraformPlan(json: unknown): boolean {
  if (!isJsonObject(json)) return false;
  return typeof json.format_version === 'string' && (isJsonObject(json.planned_values) || Array.isArray(json.resource_changes));
}

/**
 * Reads a Terraform plan in JSON (`terraform show -json plan.out`) into resources. Values come
 * from `planned_values`, unknowns from `resource_changes[].change.after_unknown` (resolved to
 * references through `configuration` where the expression is a single reference), deletions are
 * left out. Resources have no line: a plan has none, the location carries the address instead.
 */
export function parseTerraformPlan(file: SourceFile): SourceResult {
  const text = file.content.charCodeAt(0) === 0xfeff ? file.content.slice(1) : file.content;
  let plan: Json;
  try {
    plan = JSON.parse(text) as Json;
  } catch (e) {
    const { line, column } = jsonErrorPosition(text);
    return failed(new ParseError(file.path, `invalid JSON: ${jsonErrorReason(e)}`, { line, column, format: 'terraform-plan' }));
  }
  if (!looksLikeTerraformPlan(plan) || !isJsonObject(plan)) {
    return failed(new ParseError(file.path, 'not a Terraform plan: expected `terraform show -json` output with format_version and planned_values or resource_changes', { format: 'terraform-plan' }));
  }
  const major = String(plan.format_version).split('.')[0];
  if (major !== '1') {
    return failed(new ParseError(file.path, `unsupported plan format_version ${String(plan.format_version)} (this reader knows 1.x)`, { format: 'terraform-plan' }));
  }
  const notes: SourceResult['notes'] = [];
  const config = new ConfigIndex(plan.configuration, file.path, notes);
  const inputs = collectResources(plan, { file: file.path, config, changes: indexChanges(plan), notes });
  const mapped = mapTerraformResources(inputs);
  // The plan read `data.aws_caller_identity` (if the code declares it): that is the account every
  // resource of the plan is deployed to.
  const account = callerAccount(inputs);
  if (account) for (const r of mapped.resources) r.account = account;
  return { resources: mapped.resources, errors: [], notes: [...notes, ...mapped.notes] };
}

function callerAccount(inputs: ReturnType<typeof collectResources>): string | undefined {
  const accounts = new Set(
    inputs
      .filter((i) => i.mode === 'data' && i.type === 'aws_caller_identity' && !i.address.includes('module.'))
      .map((i) => i.values.account_id)
      .filter((a): a is string => typeof a === 'string' && /^\d{12}$/.test(a)),
  );
  // Several providers (aliases) may read different accounts: then no single answer.
  return accounts.size === 1 ? [...accounts][0] : undefined;
}

function failed(error: ParseError): SourceResult {
  return { resources: [], errors: [error], notes: [] };
}
