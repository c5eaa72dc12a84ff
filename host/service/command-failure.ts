import type { ErrorCode } from '../../engine/protocol/messages.js';
import type { LocatedError } from '../../engine/validate/index.js';
import { SessionRefusal } from '../../engine/session/session.js';
import { fileProblem, StorageError } from '../storage/storage-error.js';
import { LibraryRefusal } from '../library/user-library.js';
import { JournalImportRefusal } from '../storage/session-store.js';

/** A command that cannot be done; becomes the error reply `{ code, message, errors? }`. */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: LocatedError[],
  ) {
    super(message);
  }
}

/** The failure to reply with for an error thrown by the engine, the storage, the library or the file system; undefined for a bug. */
export function asCommandFailure(error: unknown): CommandFailure | undefined {
  if (error instanceof CommandFailure) return error;
  if (error instanceof SessionRefusal) return new CommandFailure('refused', error.message);
  if (error instanceof JournalImportRefusal) return new CommandFailure(error.code, error.message, error.errors.length > 0 ? error.errors : undefined);
  if (error instanceof StorageError) return new CommandFailure(error.code, error.message);
  if (error instanceof LibraryRefusal) return new CommandFailure(error.code, error.message, error.errors.length > 0 ? error.errors : undefined);
  // A file operation the system refused (a full disk, a read-only folder): the person can act on it.
  const system = error as NodeJS.ErrnoException | undefined;
  if (system && typeof system.code === 'string' && typeof system.syscall === 'string') {
    return new CommandFailure('storage', `the data folder cannot be used: ${fileProblem(error)}${system.path ? ` (${system.path})` : ''}`);
  }
  return undefined;
}
