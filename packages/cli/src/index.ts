export { runCli } from './main';
export type { CliIo } from './io';
export { collectFiles, InputError } from './files';
export { render, exitCode } from './commands/scan';
