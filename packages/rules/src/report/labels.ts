import type { Pillar, Severity } from '../rules/types';

/** Display names of the pillars, in the words of DESIGN.md. */
export const PILLAR_LABELS: Readonly<Record<Pillar, string>> = {
  identity: 'Identity',
  classification: 'Classification',
  network: 'Network',
  encryption: 'Encryption',
  secrets: 'Secrets',
  monitoring: 'Monitoring',
  'policy-as-code': 'Policy as code',
  recovery: 'Recovery',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** `1 finding`, `2 findings`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
