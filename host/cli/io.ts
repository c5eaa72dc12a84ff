/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** A mistake in how the command was called: shown as one line with the usage, exit code 2. */
export class UsageError extends Error {}

/** A mistake in what a command was given (a file, a format, where to write): one line, exit code 1. */
export class ExportInputError extends Error {}

/** Why --out could not be written, in words (a missing folder, a folder in its place...), as an input error: never a stack trace. */
export function cannotWrite(out: string, error: unknown): ExportInputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : code === 'ENOTDIR' ? 'a file stands where a folder of its path should be' : (error as Error).message;
  return new ExportInputError(`cannot write ${out}: ${reason}`);
}
