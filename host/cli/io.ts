/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** A mistake in how the command was called: shown as one line with the usage, exit code 2. */
export class UsageError extends Error {}
