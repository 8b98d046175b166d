import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_RULES, SEVERITIES, scan, toJsonReport, toMarkdownReport, toSarif, toText, type ScanResult, type Severity } from '@pillarguard/rules';
import { collectFiles, parseSize } from '../files';
import { findConfig } from '../config-file';
import { UsageError, type CliIo } from '../io';
import { TOOL_VERSION } from '../version';

export const SCAN_USAGE = `Usage: pillarguard scan [paths...] [options]

Scans CloudFormation (YAML/JSON), CDK cdk.out, Terraform (HCL directories and plan JSON) and
AWS Config items against the Pillarguard rules.

Options:
  --format <text|json|markdown|sarif>  report format (default: text)
  --output <file>                      write the report to a file instead of stdout
  --config <file>                      configuration (default: pillarguard.yml or .github/pillarguard.yml)
  --fail-on <severity>                 exit 1 when a finding at or above this severity fails
                                       (critical|high|medium|low|info|none; default: high)
  --var-file <file>                    Terraform variable file (repeatable)
  --parameter <Key=Value>              CloudFormation parameter value (repeatable)
  --max-file-size <size>               skip larger files (default: 20MB)
  --color / --no-color                 force colour on or off (default: on for a terminal)
  --debug                              show stack traces for internal errors

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or input error.`;

export type ReportFormat = 'text' | 'json' | 'markdown' | 'sarif';
const FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown', 'sarif'];

export async function scanCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string' },
      'fail-on': { type: 'string' },
      'var-file': { type: 'string', multiple: true },
      parameter: { type: 'string', multiple: true },
      'max-file-size': { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(SCAN_USAGE + '\n');
    return 0;
  }
  const format = (values.format ?? 'text') as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const failOn = values['fail-on'] ?? 'high';
  if (failOn !== 'none' && !SEVERITIES.includes(failOn as Severity)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, none`);
  const maxFileBytes = values['max-file-size'] !== undefined ? parseSize(values['max-file-size']) : 20 * 1024 * 1024;
  if (maxFileBytes === undefined || maxFileBytes <= 0) throw new UsageError('--max-file-size must be a size such as 20MB, 512KB or 1048576');
  const parameters: Record<string, string> = {};
  for (const p of values.parameter ?? []) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--parameter expects Key=Value, got "${p}"`);
    parameters[p.slice(0, eq)] = p.slice(eq + 1);
  }

  const found = await findConfig(io.cwd, values.config);
  if (found.errors.length) {
    for (const e of found.errors) io.stderr(`${e.toString()}\n`);
    return 2;
  }
  const paths = positionals.length ? positionals : ['.'];
  const collected = await collectFiles(paths, { cwd: io.cwd, maxFileBytes });
  const varFiles = (await collectFiles(values['var-file'] ?? [], { cwd: io.cwd, maxFileBytes })).files;

  const result = await scan(collected.files, {
    config: found.config,
    configFile: found.file,
    now: io.now(),
    varFiles,
    parameters,
    skipped: collected.skipped,
  });

  for (const s of collected.skipped) io.stderr(`${s.path}: skipped: ${s.reason}\n`);
  for (const e of result.errors) io.stderr(`${e.toString()}\n`);
  if (result.inputs.length === 0) io.stderr(`no infrastructure code found in ${paths.join(', ')} (looked for CloudFormation, CDK cdk.out, Terraform, plan JSON and AWS Config files)\n`);

  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR;
  const rendered = render(result, format, color);
  if (values.output) await fs.writeFile(path.resolve(io.cwd, values.output), rendered);
  else io.stdout(rendered);

  return exitCode(result, failOn as Severity | 'none', found.config.unknownAsFail);
}

export function render(result: ScanResult, format: ReportFormat, color: boolean): string {
  const tool = { name: 'pillarguard', version: TOOL_VERSION };
  switch (format) {
    case 'json':
      return JSON.stringify(toJsonReport(result, { tool }), null, 2) + '\n';
    case 'markdown':
      return toMarkdownReport(result, { tool });
    case 'sarif':
      return JSON.stringify(toSarif(result, { tool, rules: ALL_RULES }), null, 2) + '\n';
    default:
      return toText(result, { color });
  }
}

/**
 * 2 when an input could not be read (fail closed); 1 when an unsuppressed failure reaches the
 * threshold — unknown verdicts count as failures where `unknownAsFail` says so, as in the scores.
 */
export function exitCode(result: ScanResult, failOn: Severity | 'none', unknownAsFail: boolean | readonly string[] = false): number {
  if (result.errors.length) return 2;
  if (failOn === 'none') return 0;
  const threshold = SEVERITIES.indexOf(failOn);
  const counts = (f: ScanResult['findings'][number]) => f.verdict === 'fail' || (unknownAsFail === true || (Array.isArray(unknownAsFail) && unknownAsFail.includes(f.pillar)));
  const hit = result.findings.some((f) => counts(f) && !f.suppressed && SEVERITIES.indexOf(f.severity) <= threshold);
  return hit ? 1 : 0;
}
