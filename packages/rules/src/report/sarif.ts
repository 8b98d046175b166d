import type { Finding, ScanResult } from '../engine/types';
import type { RuleMeta, Severity } from '../rules/types';
import { PILLAR_LABELS } from './labels';
import { codeFence } from './markdown-escape';
import { compareLocated, compareText, sortFindings } from './order';
import { multiLine, singleLine } from './sanitize';
import type { SarifLevel, SarifLocation, SarifLog, SarifNotification, SarifReportingDescriptor, SarifResult } from './sarif-types';
import type { SarifOptions } from './types';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Key of our entry in `partialFingerprints`; versioned so a future change of the id scheme cannot collide. */
export const FINGERPRINT_KEY = 'pillarguardFindingId/v1';

const LEVELS: Readonly<Record<Severity, SarifLevel>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/**
 * GitHub code scanning maps `security-severity` (a number, written as a string as CodeQL does) to
 * its own buckets: ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. `info` gets none.
 */
const SECURITY_SEVERITY: Readonly<Record<Severity, string | undefined>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0', info: undefined };
const PROBLEM_SEVERITY: Readonly<Record<Severity, string>> = { critical: 'error', high: 'error', medium: 'warning', low: 'recommendation', info: 'recommendation' };

/**
 * Plain-text SARIF messages may hold embedded links (`[text](1)`, SARIF §3.11.6) that viewers such
 * as GitHub render; a literal bracket must therefore be escaped with a backslash, and so must a
 * backslash. Without this a resource named `[x](http://evil)` would become a link.
 */
export function escapeSarifText(text: string): string {
  return singleLine(text).replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** `dynamodb.pitr` → `DynamodbPitr`: SARIF wants a readable, identifier-like name. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function isAbsoluteHttpUrl(s: string): boolean {
  return /^https?:\/\/[^\s/?#]+[^\s]*$/.test(s);
}

function helpOf(rule: RuleMeta): { text: string; markdown: string } {
  const text = [rule.rationale, 'CloudFormation:', rule.remediation.cloudformation, 'Terraform:', rule.remediation.terraform].filter((s) => s.trim() !== '').join('\n\n');
  const md = [rule.rationale];
  if (rule.remediation.cloudformation.trim()) md.push('**CloudFormation**', codeFence(rule.remediation.cloudformation, 'yaml'));
  if (rule.remediation.terraform.trim()) md.push('**Terraform**', codeFence(rule.remediation.terraform, 'hcl'));
  if (rule.references?.length) md.push(rule.references.map((r) => `- ${r}`).join('\n'));
  return { text: multiLine(text), markdown: multiLine(md.join('\n\n')) };
}

function descriptor(rule: RuleMeta): SarifReportingDescriptor {
  const service = rule.id.split('.')[0];
  const d: SarifReportingDescriptor = {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: singleLine(rule.title) },
    fullDescription: { text: multiLine(rule.rationale), markdown: multiLine(rule.rationale) },
    help: helpOf(rule),
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      pillar: rule.pillar,
      tags: [...new Set(['security', rule.pillar, PILLAR_LABELS[rule.pillar].toLowerCase(), service])].sort(compareText),
      // Configuration checks on parsed documents: a verdict is exact, an unclear one is `unknown` instead.
      precision: 'very-high',
      'problem.severity': PROBLEM_SEVERITY[rule.severity],
    },
  };
  const security = SECURITY_SEVERITY[rule.severity];
  if (security !== undefined) d.properties['security-severity'] = security;
  const uri = rule.references?.find(isAbsoluteHttpUrl);
  if (uri !== undefined) d.helpUri = uri;
  return d;
}

/** A rule the catalog passed in does not know (a newer engine, a config-only rule): described from the finding. */
function descriptorFromFinding(f: Finding): RuleMeta {
  return { id: f.ruleId, pillar: f.pillar, severity: f.severity, title: f.title, rationale: f.title, remediation: f.remediation, appliesTo: [] };
}

/**
 * A repository-relative URI: backslashes to slashes, `./` dropped, every segment percent-encoded
 * (file names may hold spaces, `#`, `?` or worse). `undefined` for the pseudo-file `.` of
 * input-wide checks: that result gets a logical location only, never an invented file.
 */
function artifactUri(file: string): string | undefined {
  const parts = file.replace(/\\/g, '/').split('/').filter((p, i) => p !== '' && !(p === '.' && i === 0));
  if (parts.length === 0) return undefined;
  return parts.map((p) => encodeURIComponent(p)).join('/');
}

function locationOf(f: Finding): SarifLocation {
  const r = f.resource;
  const loc: SarifLocation = {};
  const uri = artifactUri(r.file);
  if (uri !== undefined) {
    loc.physicalLocation = { artifactLocation: { uri } };
    if (r.line !== undefined && r.line >= 1) {
      loc.physicalLocation.region = { startLine: r.line };
      if (r.column !== undefined && r.column >= 1) loc.physicalLocation.region.startColumn = r.column;
    }
  }
  const properties: Record<string, string> = { resourceType: r.type };
  if (r.address !== undefined) properties.address = r.address;
  if (r.constructPath !== undefined) properties.constructPath = r.constructPath;
  loc.logicalLocations = [{ name: r.id, fullyQualifiedName: r.constructPath ?? r.address ?? r.id, kind: 'resource', properties }];
  return loc;
}

function resultOf(f: Finding, ruleIndex: number): SarifResult {
  const unknown = f.verdict === 'unknown';
  const result: SarifResult = {
    ruleId: f.ruleId,
    ruleIndex,
    // SARIF: a result whose kind is not `fail` must have level `none`; "could not decide" is `review`.
    ...(unknown ? { kind: 'review' as const } : {}),
    level: unknown ? 'none' : LEVELS[f.severity],
    message: { text: escapeSarifText(unknown ? `Could not be evaluated: ${f.message}` : f.message) },
    locations: [locationOf(f)],
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
    properties: { pillar: f.pillar, severity: f.severity, verdict: f.verdict, status: f.status, resourceId: f.resource.id },
  };
  if (f.status === 'introduced') result.baselineState = 'new';
  if (f.status === 'persisting') result.baselineState = 'unchanged';
  if (f.suppressed) {
    const justification = f.suppressed.expires !== undefined ? `${f.suppressed.reason} (expires ${f.suppressed.expires})` : f.suppressed.reason;
    result.suppressions = [{ kind: 'external', state: 'accepted', justification: singleLine(justification) }];
  }
  return result;
}

function notificationOf(level: SarifLevel, item: { file: string; line?: number; column?: number; message: string }): SarifNotification {
  const n: SarifNotification = { level, message: { text: escapeSarifText(item.message) } };
  const uri = artifactUri(item.file);
  if (uri !== undefined) {
    const region = item.line !== undefined && item.line >= 1 ? { startLine: item.line, ...(item.column !== undefined && item.column >= 1 ? { startColumn: item.column } : {}) } : undefined;
    n.locations = [{ physicalLocation: { artifactLocation: { uri }, ...(region ? { region } : {}) } }];
  }
  return n;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers: one run, the rule catalog as
 * `tool.driver.rules` (sorted by id), one result per failed or unknown finding still present
 * (resolved findings of a diff are left out: they would open alerts for code that is gone),
 * suppressed findings carrying a SARIF suppression, parse errors and notes as notifications.
 */
export function toSarif(result: ScanResult, options: SarifOptions): SarifLog {
  const findings = sortFindings(result.findings).filter((f) => f.status !== 'resolved');
  const metas = new Map<string, RuleMeta>();
  for (const r of options.rules) metas.set(r.id, r);
  for (const f of findings) if (!metas.has(f.ruleId)) metas.set(f.ruleId, descriptorFromFinding(f));
  const ruleList = [...metas.values()].sort((a, b) => compareText(a.id, b.id));
  const index = new Map(ruleList.map((r, i) => [r.id, i]));

  const driver: SarifLog['runs'][number]['tool']['driver'] = { name: options.tool.name, version: options.tool.version, rules: ruleList.map(descriptor) };
  if (/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(options.tool.version)) driver.semanticVersion = options.tool.version;
  if (options.informationUri !== undefined && isAbsoluteHttpUrl(options.informationUri)) driver.informationUri = options.informationUri;

  const notifications = [
    ...[...result.errors].sort(compareLocated).map((e) => notificationOf('error', e)),
    ...[...result.notes].sort(compareLocated).map((n) => notificationOf('note', n)),
  ];
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        // The tool itself ran to the end; unreadable inputs are reported, not a crash.
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: findings.map((f) => resultOf(f, index.get(f.ruleId) ?? -1)),
      },
    ],
  };
}
