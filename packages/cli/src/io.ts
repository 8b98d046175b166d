/** What the CLI touches of its process, passed in so tests run it in-process. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal: colour on (unless NO_COLOR). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** ISO timestamp; injectable for golden tests. */
  now: () => string;
}

/** A usage problem: printed as one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
