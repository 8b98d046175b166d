import { ParseError } from '@pillarguard/rules';
import { scanCommand, SCAN_USAGE } from './commands/scan';
import { rulesCommand, RULES_USAGE } from './commands/rules';
import { diffCommand, DIFF_USAGE } from './commands/diff';
import { InputError } from './files';
import { UsageError, type CliIo } from './io';
import { TOOL_VERSION } from './version';

const USAGE = `Usage: pillarguard <command> [options]

Commands:
  scan [paths...]   check infrastructure code or AWS Config items against the rules
  diff              compare two versions (a pull request): changes, regressions, approval
  rules             print the rule catalog

Run "pillarguard <command> --help" for a command's options.`;

/**
 * The whole CLI as a function of its arguments and io, returning the exit status: tests run it
 * in-process; `bin.ts` wires it to the real process. Errors are one line each — `file:line:col:
 * reason` for input, `pillarguard: reason` for usage — and a stack trace only with --debug.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  const debug = rest.includes('--debug');
  try {
    switch (command) {
      case 'scan':
        return await scanCommand(rest, io);
      case 'rules':
        return await rulesCommand(rest, io);
      case 'diff':
        return await diffCommand(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${TOOL_VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof InputError) io.stderr(`${e.file}: ${e.message}\n`);
    else if (e instanceof ParseError) io.stderr(`${e.toString()}\n`);
    else if (e instanceof UsageError || isArgError(e)) {
      io.stderr(`pillarguard: ${(e as Error).message}\n`);
      if (command === 'scan') io.stderr(`\n${SCAN_USAGE}\n`);
      if (command === 'rules') io.stderr(`\n${RULES_USAGE}\n`);
      if (command === 'diff') io.stderr(`\n${DIFF_USAGE}\n`);
    } else {
      io.stderr(`pillarguard: internal error: ${(e as Error)?.message ?? String(e)}${debug ? '' : ' (run with --debug for details)'}\n`);
      if (debug) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    }
    return 2;
  }
}

/** node:util parseArgs errors (unknown option, missing value). */
function isArgError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
