import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_CHANGE_RULES, ALL_RULES, SUPPRESSION_EXPIRED } from '@pillarguard/rules';
import { UsageError, type CliIo } from '../io';
import { catalogJson, catalogMarkdown } from './catalog';

export const RULES_USAGE = `Usage: pillarguard rules [--format json|markdown] [--output <file>]

Prints the rule catalog (docs/rules.md is generated with --format markdown).`;

export async function rulesCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout(RULES_USAGE + '\n');
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const format = values.format ?? 'markdown';
  if (format !== 'json' && format !== 'markdown') throw new UsageError('--format must be json or markdown');
  const rules = [...ALL_RULES, SUPPRESSION_EXPIRED];
  const text = format === 'json' ? catalogJson(rules, ALL_CHANGE_RULES) : catalogMarkdown(rules, ALL_CHANGE_RULES);
  if (values.output) await fs.writeFile(path.resolve(io.cwd, values.output), text);
  else io.stdout(text);
  return 0;
}
