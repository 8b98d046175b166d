import { parse as parseYaml } from 'yaml';
import type { SourceFile, SourceFormat } from '../model';
import { scan } from '../engine/scan';
import { DEFAULT_CONFIG, type EngineConfig } from '../config/types';
import type { Verdict } from '../rules/types';

/**
 * Parity harness: one resource written in every format that can express it must get the same
 * verdict from the same rule. A case gives the source per format and the id of the resource under
 * test per format; the harness runs the real adapters and the real engine on each.
 *
 * - `cloudformation`: a YAML template. Write intrinsics in long form (`Ref:`, `Fn::GetAtt:`) so the
 *   harness can derive the CDK variant (a cloud assembly with the same template as JSON and
 *   `aws:cdk:path` metadata) from it.
 * - `terraform`: the text of a `main.tf`.
 * - `plan`: compact resource list; the harness writes the full `terraform show -json` document
 *   (planned_values, resource_changes with after_unknown, configuration with references).
 * - `config`: configuration items; the harness writes them as a Config snapshot file.
 */
export interface PlanResource {
  address: string;
  type: string;
  values: Record<string, unknown>;
  /** `after_unknown` tree: `{ kms_key_arn: true }`. */
  unknown?: Record<string, unknown>;
  /** attribute → references, as `configuration.expressions` records them (`{ kms_key_arn: ['aws_kms_key.k.arn', 'aws_kms_key.k'] }`); nested block attributes as `block.attr`. */
  references?: Record<string, string[]>;
  mode?: 'managed' | 'data';
}

export interface ParityCase {
  /** Human name of the case: "red table with an AWS-managed key". */
  name: string;
  rule: string;
  expect: Verdict | 'not-applicable';
  /** Resource under test, by format (CFN logical id, TF address, Config ARN/id). */
  target: { cloudformation?: string; terraform?: string; config?: string };
  cloudformation?: string;
  terraform?: string;
  plan?: PlanResource[];
  config?: Array<Record<string, unknown>>;
  /** Formats this case leaves out although the rule allows them, each with the reason (e.g. AWS Config does not record the resource type). */
  omit?: Partial<Record<'cloudformation' | 'terraform' | 'plan' | 'config', string>>;
  /** Config overrides for this case (e.g. compliance principals). */
  engineConfig?: Partial<EngineConfig>;
}

export interface FormatVerdict {
  format: SourceFormat;
  verdict: Verdict | 'not-applicable';
  messages: string[];
  errors: string[];
}

/**
 * `configuration.expressions` as Terraform writes them: `{ constant_value }` for literal
 * arguments, `{ references }` for arguments set from other resources, and nested blocks as lists
 * of expression objects. (`references` paths may go several blocks deep: `rule.apply.kms_key`.)
 */
function expressionsFor(values: Record<string, unknown>, references: Record<string, string[]>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const path = prefix + key;
    if (references[path]) out[key] = { references: references[path] };
    else if (Array.isArray(value) && value.length > 0 && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
      out[key] = value.map((v) => expressionsFor(v as Record<string, unknown>, references, `${path}.`));
    } else if (value !== null) out[key] = { constant_value: value };
  }
  // References to attributes that are unknown in `values` (so absent from it) still need a place.
  for (const [path, refs] of Object.entries(references)) {
    if (!path.startsWith(prefix) || path === prefix) continue;
    const parts = path.slice(prefix.length).split('.');
    let node: Record<string, unknown> = out;
    for (const part of parts.slice(0, -1)) {
      const existing = node[part];
      if (!Array.isArray(existing)) node[part] = [{}];
      node = (node[part] as Array<Record<string, unknown>>)[0];
    }
    const last = parts[parts.length - 1];
    if (!(last in node) || !(node[last] as { references?: unknown }).references) node[last] = { references: refs };
  }
  return out;
}

export function planJson(resources: readonly PlanResource[]): string {
  // Data sources are read while planning: a real plan lists them in `prior_state`, not as changes.
  const managed = resources.filter((r) => (r.mode ?? 'managed') === 'managed');
  const data = resources.filter((r) => r.mode === 'data');
  const nameOf = (r: PlanResource) => r.address.split('.').pop()!.replace(/\[.*$/, '');
  const doc = {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: {
      root_module: {
        resources: managed.map((r) => ({ address: r.address, mode: 'managed', type: r.type, name: nameOf(r), provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: r.values, sensitive_values: {} })),
      },
    },
    resource_changes: managed.map((r) => ({ address: r.address, mode: 'managed', type: r.type, name: nameOf(r), provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: r.values, after_unknown: r.unknown ?? {}, before_sensitive: false, after_sensitive: {} } })),
    ...(data.length
      ? {
          prior_state: {
            format_version: '1.0',
            terraform_version: '1.9.8',
            values: { root_module: { resources: data.map((r) => ({ address: r.address, mode: 'data', type: r.type, name: nameOf(r), provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: r.values, sensitive_values: {} })) } },
          },
        }
      : {}),
    configuration: {
      root_module: {
        resources: resources.map((r) => {
          const expressions = expressionsFor(r.values, r.references ?? {});
          return { address: r.address.replace(/\[.*$/, ''), mode: r.mode ?? 'managed', type: r.type, name: nameOf(r), provider_config_key: 'aws', expressions, schema_version: 0 };
        }),
      },
    },
  };
  return JSON.stringify(doc, null, 2);
}

export function configSnapshot(items: ReadonlyArray<Record<string, unknown>>): string {
  return JSON.stringify(
    {
      fileVersion: '1.0',
      configSnapshotId: '00000000-0000-0000-0000-000000000000',
      configurationItems: items.map((i) => ({ configurationItemVersion: '1.3', configurationItemCaptureTime: '2026-11-27T10:00:00.000Z', configurationItemStatus: 'OK', awsAccountId: '111122223333', awsRegion: 'eu-west-1', tags: {}, relationships: [], supplementaryConfiguration: {}, ...i })),
    },
    null,
    2,
  );
}

/** A cloud assembly holding the case's template, with construct paths as CDK writes them. */
export function cdkAssembly(templateYaml: string): SourceFile[] {
  const template = parseYaml(templateYaml) as { Resources?: Record<string, Record<string, unknown>> };
  for (const [id, res] of Object.entries(template.Resources ?? {})) {
    res.Metadata = { ...(res.Metadata as object | undefined), 'aws:cdk:path': `ParityStack/${id}/Resource` };
  }
  const manifest = {
    version: '36.0.0',
    artifacts: {
      ParityStack: { type: 'aws:cloudformation:stack', environment: 'aws://111122223333/eu-west-1', properties: { templateFile: 'ParityStack.template.json' } },
    },
  };
  return [
    { path: 'cdk.out/manifest.json', content: JSON.stringify(manifest, null, 2) },
    { path: 'cdk.out/ParityStack.template.json', content: JSON.stringify(template, null, 1) },
  ];
}

async function verdictOf(format: SourceFormat, files: SourceFile[], c: ParityCase, targetId: string): Promise<FormatVerdict> {
  const config: EngineConfig = { ...DEFAULT_CONFIG, ...c.engineConfig };
  const result = await scan(files, { now: '2026-11-28T00:00:00Z', config });
  const evs = result.evaluations.filter((e) => e.ruleId === c.rule && e.resource.id === targetId);
  const order: Array<Verdict> = ['fail', 'unknown', 'pass'];
  const verdict = evs.length === 0 ? 'not-applicable' : order.find((v) => evs.some((e) => e.verdict === v))!;
  return { format, verdict, messages: evs.map((e) => `${e.verdict}: ${e.message}`), errors: result.errors.map((e) => e.toString()) };
}

/** Runs the case in every format it has (CDK derived from CloudFormation; plan from `plan`). */
export async function runCase(c: ParityCase): Promise<FormatVerdict[]> {
  const out: FormatVerdict[] = [];
  if (c.cloudformation !== undefined) {
    const id = c.target.cloudformation!;
    out.push(await verdictOf('cloudformation', [{ path: 'template.yaml', content: c.cloudformation }], c, id));
    out.push(await verdictOf('cdk', cdkAssembly(c.cloudformation), c, id));
  }
  if (c.terraform !== undefined) out.push(await verdictOf('terraform', [{ path: 'main.tf', content: c.terraform }], c, c.target.terraform!));
  if (c.plan !== undefined) out.push(await verdictOf('terraform-plan', [{ path: 'plan.json', content: planJson(c.plan) }], c, c.target.terraform!));
  if (c.config !== undefined) out.push(await verdictOf('aws-config', [{ path: 'snapshot.json', content: configSnapshot(c.config) }], c, c.target.config!));
  return out;
}
