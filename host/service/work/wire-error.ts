import type { ErrorCode } from '../../../engine/protocol/messages.js';
import type { LocatedError } from '../../../engine/validate/index.js';
import { SessionRefusal } from '../../../engine/session/session.js';
import { LibraryRefusal } from '../../library/user-library.js';
import { JournalImportRefusal } from '../../storage/session-store.js';
import { StorageError, type StorageErrorCode } from '../../storage/storage-error.js';
import { CommandFailure } from '../command-failure.js';

/** An error thrown in a worker, as it crosses to the serving thread (structured clone keeps no class). */
export type WireError =
  | { kind: 'library'; code: LibraryRefusal['code']; message: string; errors: LocatedError[] }
  | { kind: 'journal-import'; code: 'corrupt' | 'edited'; message: string; errors: LocatedError[] }
  | { kind: 'storage'; code: StorageErrorCode; message: string }
  | { kind: 'session'; message: string }
  | { kind: 'command'; code: ErrorCode; message: string; errors?: LocatedError[] }
  | { kind: 'bug'; message: string; stack?: string; syscall?: string; code?: string; path?: string };

export function toWire(error: unknown): WireError {
  if (error instanceof LibraryRefusal) return { kind: 'library', code: error.code, message: error.message, errors: error.errors };
  if (error instanceof JournalImportRefusal) return { kind: 'journal-import', code: error.code as 'corrupt' | 'edited', message: error.message, errors: error.errors };
  if (error instanceof StorageError) return { kind: 'storage', code: error.code, message: error.message };
  if (error instanceof SessionRefusal) return { kind: 'session', message: error.message };
  if (error instanceof CommandFailure) return { kind: 'command', code: error.code, message: error.message, ...(error.errors ? { errors: error.errors } : {}) };
  const system = error as NodeJS.ErrnoException | undefined;
  return {
    kind: 'bug',
    message: system instanceof Error ? system.message : String(error),
    ...(system?.stack ? { stack: system.stack } : {}),
    ...(typeof system?.syscall === 'string' ? { syscall: system.syscall } : {}),
    ...(typeof system?.code === 'string' ? { code: system.code } : {}),
    ...(typeof system?.path === 'string' ? { path: system.path } : {}),
  };
}

/** The error again, of its own class, so the dispatcher turns it into the same reply as on this thread. */
export function fromWire(wire: WireError): Error {
  switch (wire.kind) {
    case 'library':
      return new LibraryRefusal(wire.code, wire.message, wire.errors);
    case 'journal-import':
      return new JournalImportRefusal(wire.code, wire.message, wire.errors);
    case 'storage':
      return new StorageError(wire.code, wire.message);
    case 'session':
      return new SessionRefusal(wire.message);
    case 'command':
      return new CommandFailure(wire.code, wire.message, wire.errors);
    case 'bug': {
      const error = Object.assign(new Error(wire.message), { ...(wire.syscall ? { syscall: wire.syscall } : {}), ...(wire.code ? { code: wire.code } : {}), ...(wire.path ? { path: wire.path } : {}) });
      if (wire.stack) error.stack = `${wire.stack}\n    (in a worker thread)`;
      return error;
    }
  }
}
