import type { SourceFormat } from '../model';

/**
 * Cheap format detection from a file's name and its first bytes, so a 50 MB plan is not parsed
 * twice just to learn what it is. Returns undefined when the sniff is inconclusive; the caller then
 * parses and asks each adapter's `looksLike…` on the parsed value.
 */
export type SniffedFormat = Exclude<SourceFormat, 'cdk' | 'terraform'> | 'unknown';

const HEAD = 64 * 1024;

export function sniffJson(content: string): SniffedFormat | undefined {
  const head = content.slice(0, HEAD);
  if (/"format_version"\s*:/.test(head) && /"(planned_values|resource_changes|prior_state|terraform_version)"\s*:/.test(head)) return 'terraform-plan';
  if (/"(configurationItems|baseConfigurationItems|BaseConfigurationItems|configSnapshotId|configurationItemCaptureTime|ConfigurationItems)"\s*:/.test(head)) return 'aws-config';
  if (/"AWSTemplateFormatVersion"\s*:/.test(head) || (/"Resources"\s*:/.test(head) && /"Type"\s*:\s*"(AWS|Custom)::/.test(head))) return 'cloudformation';
  return undefined;
}

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base.endsWith('.tf.json')) return '.tf.json';
  if (base.endsWith('.tfvars.json')) return '.tfvars.json';
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot);
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '.' : path.slice(0, i) || '/';
}

export function isAutoTfvars(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base === 'terraform.tfvars' || base === 'terraform.tfvars.json' || base.endsWith('.auto.tfvars') || base.endsWith('.auto.tfvars.json');
}
