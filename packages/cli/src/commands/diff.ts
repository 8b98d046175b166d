import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_CHANGE_RULES, ALL_RULES, diffScans, scan, toJsonReport, toMarkdownReport, toSarif, toText, type DiffResult, type SourceFile } from '@pillarguard/rules';
import { collectFiles, parseSize, type Collected } from '../files';
import { collectFromGit } from '../git';
import { findConfig } from '../config-file';
import { UsageError, type CliIo } from '../io';
import { TOOL_VERSION } from '../version';
import type { ReportFormat } from './scan';

export const DIFF_USAGE = `Usage: pillarguard diff --base <dir> --head <dir> [paths...] [options]
       pillarguard diff --base-ref <rev> [--head-ref <rev>] [paths...] [options]

Compares two versions of the infrastructure code: findings introduced, persisting and resolved,
risky IAM/KMS changes and security regressions, and whether the change needs an approver.
With --base-ref, both versions are read from git objects (no checkout); without --head-ref the
head version is the working tree.

Options:
  --format <text|json|markdown|sarif>  report format (default: text); markdown is the PR comment
  --output <file>                      write the report to a file instead of stdout
  --config <file>                      configuration (default: pillarguard.yml or .github/pillarguard.yml)
  --var-file <file>                    Terraform variable file (repeatable, both versions)
  --max-file-size <size>               skip larger files (default: 20MB)
  --color / --no-color                 force colour on or off (default: on for a terminal)

Exit status: 0 no approval needed, 1 approval required, 2 usage or input error.`;

export async function diffCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      base: { type: 'string' },
      head: { type: 'string' },
      'base-ref': { type: 'string' },
      'head-ref': { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      config: { type: 'string' },
      'var-file': { type: 'string', multiple: true },
      'max-file-size': { type: 'string' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(DIFF_USAGE + '\n');
    return 0;
  }
  const format = (values.format ?? 'text') as ReportFormat;
  if (!['text', 'json', 'markdown', 'sarif'].includes(format)) throw new UsageError('--format must be one of text, json, markdown, sarif');
  const byDir = values.base !== undefined || values.head !== undefined;
  const byRef = values['base-ref'] !== undefined || values['head-ref'] !== undefined;
  if (byDir && byRef) throw new UsageError('use either --base/--head (directories) or --base-ref/--head-ref (git revisions), not both');
  if (byDir && (values.base === undefined || values.head === undefined)) throw new UsageError('--base and --head go together: give both directories');
  if (!byDir && values['base-ref'] === undefined) throw new UsageError('give --base and --head directories, or --base-ref (and optionally --head-ref)');
  const maxFileBytes = values['max-file-size'] !== undefined ? parseSize(values['max-file-size']) : 20 * 1024 * 1024;
  if (maxFileBytes === undefined || maxFileBytes <= 0) throw new UsageError('--max-file-size must be a size such as 20MB, 512KB or 1048576');

  const found = await findConfig(io.cwd, values.config);
  if (found.errors.length) {
    for (const e of found.errors) io.stderr(`${e.toString()}\n`);
    return 2;
  }
  const paths = positionals.length ? positionals : ['.'];
  let base: Collected;
  let head: Collected;
  if (byDir) {
    // Both directories are read with paths relative to their own root, so `t.yaml` compares with `t.yaml`.
    base = await collectFiles(paths, { cwd: path.resolve(io.cwd, values.base!), maxFileBytes });
    head = await collectFiles(paths, { cwd: path.resolve(io.cwd, values.head!), maxFileBytes });
  } else {
    base = await collectFromGit(io.cwd, values['base-ref']!, positionals, maxFileBytes);
    head = values['head-ref'] !== undefined ? await collectFromGit(io.cwd, values['head-ref'], positionals, maxFileBytes) : await collectFiles(paths, { cwd: io.cwd, maxFileBytes });
  }
  const varFiles = (await collectFiles(values['var-file'] ?? [], { cwd: io.cwd, maxFileBytes })).files;
  const now = io.now();
  const options = { config: found.config, configFile: found.file, now, varFiles };
  const baseScan = await scan(base.files, { ...options, skipped: base.skipped });
  const headScan = await scan(head.files, { ...options, skipped: head.skipped });
  const result = diffScans(baseScan, headScan, {
    config: found.config,
    changeRules: ALL_CHANGE_RULES,
    changedFiles: changedFiles(base.files, head.files),
    headFiles: head.files.map((f) => f.path),
  });

  for (const s of head.skipped) io.stderr(`${s.path}: skipped: ${s.reason}\n`);
  for (const e of headScan.errors) io.stderr(`${e.toString()}\n`);
  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR;
  const rendered = renderDiff(result, format, color);
  if (values.output) await fs.writeFile(path.resolve(io.cwd, values.output), rendered);
  else io.stdout(rendered);
  return result.approval.required ? 1 : 0;
}

/** Paths added, removed or with other content. */
export function changedFiles(base: readonly SourceFile[], head: readonly SourceFile[]): string[] {
  const before = new Map(base.map((f) => [f.path, f.content]));
  const after = new Map(head.map((f) => [f.path, f.content]));
  const out = new Set<string>();
  for (const [p, c] of after) if (before.get(p) !== c) out.add(p);
  for (const p of before.keys()) if (!after.has(p)) out.add(p);
  return [...out].sort();
}

export function renderDiff(result: DiffResult, format: ReportFormat, color: boolean): string {
  const tool = { name: 'pillarguard', version: TOOL_VERSION };
  switch (format) {
    case 'json':
      return JSON.stringify({ ...toJsonReport(result, { tool, approval: result.approval }), base: { scores: result.base.scores.pillars, level: result.base.scores.level }, changes: result.changes }, null, 2) + '\n';
    case 'markdown':
      return toMarkdownReport(result, { tool, approval: result.approval, baseScores: result.base.scores, title: 'Pillarguard — pull request check' });
    case 'sarif':
      return JSON.stringify(toSarif({ ...result, findings: result.findings.filter((f) => f.status !== 'resolved' && f.status !== 'persisting') }, { tool, rules: [...ALL_RULES, ...ALL_CHANGE_RULES] }), null, 2) + '\n';
    default: {
      const verdict = result.approval.required
        ? [`Approval required (${result.approval.reasons.length} reason${result.approval.reasons.length === 1 ? '' : 's'}):`, ...result.approval.reasons.map((r) => `  - ${r.message.replace(/[\r\n]+/g, ' ')}`)]
        : ['No approval needed.'];
      const c = result.changes;
      const persisting = result.findings.filter((f) => f.status === 'persisting').length;
      const news = { ...result, findings: result.findings.filter((f) => f.status !== 'persisting') };
      return [
        ...verdict,
        `Resources: ${c.added} added, ${c.removed} removed, ${c.modified} modified, ${c.replaced} replaced, ${c.unchanged} unchanged.`,
        ...(persisting ? [`${persisting} finding${persisting === 1 ? ' was' : 's were'} already present before this change (not listed; see --format json).`] : []),
        '',
        toText(news, { color }),
      ].join('\n');
    }
  }
}
