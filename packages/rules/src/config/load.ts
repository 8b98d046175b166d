import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { ParseError } from '../model';
import { PILLARS, SEVERITIES, type Pillar, type Severity } from '../rules/types';
import { LEVELS, type Level } from '../classify/classify';
import { DEFAULT_CONFIG, type EngineConfig, type Suppression } from './types';

export interface LoadedConfig {
  config: EngineConfig;
  errors: ParseError[];
}

const TOP_LEVEL = ['rules', 'classification', 'suppressions', 'unknownAsFail', 'minBackupRetentionDays', 'iacTags', 'ownerTags', 'ownerGroups', 'lakeFormation', 'approval'] as const;

/**
 * Reads `pillarguard.yml` (or `.github/pillarguard.yml`) over the defaults. Every problem is a
 * `ParseError` with the line it is on; a config with errors must not be used (the CLI exits 2),
 * because a silently ignored suppression or severity is exactly what a reviewer cannot see.
 * `knownRules` lets it reject rule ids that do not exist (a typo would otherwise disable nothing).
 */
export function loadConfig(text: string, file: string, knownRules: readonly string[]): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const errors: ParseError[] = [];
  const at = (node: YamlNode | null | undefined, message: string) => {
    const pos = node?.range ? lineCounter.linePos(node.range[0]) : undefined;
    errors.push(new ParseError(file, message, pos ? { line: pos.line, column: pos.col } : {}));
  };
  for (const e of doc.errors) {
    const pos = e.linePos?.[0];
    errors.push(new ParseError(file, e.message.split('\n')[0], pos ? { line: pos.line, column: pos.col } : {}));
  }
  const config: EngineConfig = structuredClone(DEFAULT_CONFIG);
  if (errors.length) return { config, errors };
  const root = doc.contents;
  if (root === null || root === undefined) return { config, errors };
  if (!isMap(root)) {
    at(root as YamlNode, 'the configuration must be a mapping of settings');
    return { config, errors };
  }
  const known = new Set(knownRules);
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode;
    const key = String((keyNode as { value?: unknown }).value ?? '');
    const valueNode = pair.value as YamlNode | null;
    const value = valueNode ? (valueNode as YamlNode).toJSON() : null;
    switch (key) {
      case 'rules':
        readRules(valueNode, value, config, known, at);
        break;
      case 'classification':
        readClassification(valueNode, value, config, at);
        break;
      case 'suppressions':
        readSuppressions(valueNode, config, known, lineCounter, at);
        break;
      case 'unknownAsFail':
        if (typeof value === 'boolean') config.unknownAsFail = value;
        else if (Array.isArray(value) && value.every((p) => PILLARS.includes(p as Pillar))) config.unknownAsFail = value as Pillar[];
        else at(valueNode, `unknownAsFail must be true, false or a list of pillars (${PILLARS.join(', ')})`);
        break;
      case 'minBackupRetentionDays':
        if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 35) config.minBackupRetentionDays = value;
        else at(valueNode, 'minBackupRetentionDays must be a whole number of days between 1 and 35');
        break;
      case 'iacTags':
        if (isStringMap(value)) config.iacTags = value;
        else at(valueNode, 'iacTags must map tag keys to values (use "*" for any value)');
        break;
      case 'ownerTags':
      case 'ownerGroups':
        if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.length > 0)) config[key] = value as string[];
        else at(valueNode, `${key} must be a non-empty list of strings`);
        break;
      case 'lakeFormation':
        readLakeFormation(valueNode, value, config, at);
        break;
      case 'approval':
        readApproval(valueNode, value, config, at);
        break;
      default:
        at(keyNode, `unknown setting "${key}" (known: ${TOP_LEVEL.join(', ')})`);
    }
  }
  return { config, errors };
}

type At = (node: YamlNode | null | undefined, message: string) => void;

function isStringMap(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

function childNode(node: YamlNode | null, key: string): YamlNode | null {
  if (!node || !isMap(node)) return node;
  const pair = node.items.find((p) => String((p.key as { value?: unknown }).value) === key);
  return (pair?.value as YamlNode | undefined) ?? node;
}

function readRules(node: YamlNode | null, value: unknown, config: EngineConfig, known: Set<string>, at: At): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return at(node, 'rules must map rule ids to off, on, a severity, or {enabled, severity}');
  for (const [id, setting] of Object.entries(value)) {
    const n = childNode(node, id);
    if (!known.has(id)) {
      at(n, `unknown rule "${id}" (see docs/rules.md for the rule ids)`);
      continue;
    }
    if (setting === 'off' || setting === false) config.rules[id] = { enabled: false };
    else if (setting === 'on' || setting === true) config.rules[id] = { enabled: true };
    else if (typeof setting === 'string' && SEVERITIES.includes(setting as Severity)) config.rules[id] = { severity: setting as Severity };
    else if (typeof setting === 'object' && setting !== null && !Array.isArray(setting)) {
      const { enabled, severity, ...rest } = setting as Record<string, unknown>;
      if (Object.keys(rest).length) at(n, `rule ${id}: unknown key(s) ${Object.keys(rest).join(', ')} (use enabled, severity)`);
      if (enabled !== undefined && typeof enabled !== 'boolean') at(n, `rule ${id}: enabled must be true or false`);
      if (severity !== undefined && !SEVERITIES.includes(severity as Severity)) at(n, `rule ${id}: severity must be one of ${SEVERITIES.join(', ')}`);
      config.rules[id] = { ...(typeof enabled === 'boolean' ? { enabled } : {}), ...(SEVERITIES.includes(severity as Severity) ? { severity: severity as Severity } : {}) };
    } else at(n, `rule ${id}: use off, on, a severity (${SEVERITIES.join(', ')}) or {enabled, severity}`);
  }
}

function readClassification(node: YamlNode | null, value: unknown, config: EngineConfig, at: At): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return at(node, 'classification must map tag keys to {tag value: level}');
  const mapping: EngineConfig['classification'] = {};
  for (const [tag, values] of Object.entries(value)) {
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      at(childNode(node, tag), `classification.${tag} must map tag values to a level (${LEVELS.join(', ')})`);
      continue;
    }
    mapping[tag] = {};
    for (const [v, level] of Object.entries(values)) {
      if (!LEVELS.includes(level as Level)) at(childNode(childNode(node, tag), v), `classification.${tag}.${v}: "${String(level)}" is not a level (${LEVELS.join(', ')})`);
      else mapping[tag][v.toLowerCase()] = level as Level;
    }
  }
  // A configured mapping replaces the defaults entirely: a team that classifies with its own tag
  // must not have the default tags silently applied on top.
  config.classification = mapping;
}

function readSuppressions(node: YamlNode | null, config: EngineConfig, known: Set<string>, lc: LineCounter, at: At): void {
  if (!node || !isSeq(node)) return at(node, 'suppressions must be a list of {rule, resource, reason, expires}');
  for (const item of node.items as YamlNode[]) {
    const v = item.toJSON() as Record<string, unknown> | null;
    const line = item.range ? lc.linePos(item.range[0]).line : undefined;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      at(item, 'each suppression must be a mapping {rule, resource, reason, expires}');
      continue;
    }
    const { rule, resource, reason, expires, ...rest } = v;
    let ok = true;
    const bad = (message: string) => {
      at(item, message);
      ok = false;
    };
    if (Object.keys(rest).length) bad(`suppression: unknown key(s) ${Object.keys(rest).join(', ')}`);
    if (typeof rule !== 'string' || (rule !== '*' && !known.has(rule))) bad(`suppression: rule ${JSON.stringify(rule ?? null)} is not a rule id`);
    if (typeof resource !== 'string' || resource.trim() === '') bad('suppression: resource is required (an id, address or ARN; * matches any characters)');
    if (typeof reason !== 'string' || reason.trim().length < 3) bad('suppression: a reason is required — say why the risk is accepted');
    const exp = expires instanceof Date ? expires.toISOString().slice(0, 10) : expires;
    if (exp !== undefined && (typeof exp !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(exp) || Number.isNaN(Date.parse(exp)))) bad('suppression: expires must be a date (YYYY-MM-DD)');
    if (!ok) continue;
    const s: Suppression = { rule: rule as string, resource: resource as string, reason: (reason as string).trim() };
    if (typeof exp === 'string') s.expires = exp;
    if (line !== undefined) s.line = line;
    config.suppressions.push(s);
  }
}

function readLakeFormation(node: YamlNode | null, value: unknown, config: EngineConfig, at: At): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return at(node, 'lakeFormation must be a mapping {sensitiveTags, compliancePrincipals}');
  const { sensitiveTags, compliancePrincipals, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length) at(node, `lakeFormation: unknown key(s) ${Object.keys(rest).join(', ')}`);
  if (sensitiveTags !== undefined) {
    // YAML reads `values: [high, true]` as a string and a boolean; LF-tag values are strings.
    const scalar = (x: unknown) => typeof x === 'string' || typeof x === 'boolean' || typeof x === 'number';
    const ok = Array.isArray(sensitiveTags) && sensitiveTags.every((t) => typeof t === 'object' && t !== null && typeof (t as { key?: unknown }).key === 'string' && Array.isArray((t as { values?: unknown }).values) && (t as { values: unknown[] }).values.every(scalar));
    if (ok) config.lakeFormation.sensitiveTags = (sensitiveTags as Array<{ key: string; values: unknown[] }>).map((t) => ({ key: t.key, values: t.values.map(String) }));
    else at(childNode(node, 'sensitiveTags'), 'lakeFormation.sensitiveTags must be a list of {key, values: [..]}');
  }
  if (compliancePrincipals !== undefined) {
    if (Array.isArray(compliancePrincipals) && compliancePrincipals.every((p) => typeof p === 'string')) config.lakeFormation.compliancePrincipals = compliancePrincipals as string[];
    else at(childNode(node, 'compliancePrincipals'), 'lakeFormation.compliancePrincipals must be a list of principal ARNs');
  }
}

function readApproval(node: YamlNode | null, value: unknown, config: EngineConfig, at: At): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return at(node, 'approval must be a mapping {severities, paths}');
  const { severities, paths, exemptAccessLevels, services, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length) at(node, `approval: unknown key(s) ${Object.keys(rest).join(', ')} (known: severities, paths, exemptAccessLevels, services)`);
  if (services !== undefined) {
    if (Array.isArray(services) && services.every((x) => typeof x === 'string' && /^[a-z0-9-]+$/.test(x))) config.approval.services = services as string[];
    else at(childNode(node, 'services'), 'approval.services must be a list of IAM service prefixes (kms, secretsmanager, …)');
  }
  const LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];
  if (exemptAccessLevels !== undefined) {
    if (Array.isArray(exemptAccessLevels) && exemptAccessLevels.every((l) => LEVELS.includes(l as string))) config.approval.exemptAccessLevels = exemptAccessLevels as EngineConfig['approval']['exemptAccessLevels'];
    else at(childNode(node, 'exemptAccessLevels'), `approval.exemptAccessLevels must be a list of ${LEVELS.join(', ')} (empty: every new access needs approval)`);
  }
  if (severities !== undefined) {
    if (Array.isArray(severities) && severities.every((s) => SEVERITIES.includes(s as Severity))) config.approval.severities = severities as Severity[];
    else at(childNode(node, 'severities'), `approval.severities must be a list of ${SEVERITIES.join(', ')}`);
  }
  if (paths !== undefined) {
    if (Array.isArray(paths) && paths.every((p) => typeof p === 'string' && p.length > 0)) config.approval.paths = paths as string[];
    else at(childNode(node, 'paths'), 'approval.paths must be a list of path globs (infra/prod/**, *.tfvars)');
  }
}
