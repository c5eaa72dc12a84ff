/** Why a stored session cannot be used as asked; the message is for the person who asked. */
/** `edited`: the journal's hash chain breaks (docs/journal.md): it is not what Firedrill recorded. */
export type StorageErrorCode = 'not-found' | 'locked' | 'corrupt' | 'edited' | 'mismatch' | 'archived' | 'conflict' | 'storage';

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The system's reason for a failed file operation, in a few words and without a stack. */
export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is where a folder should be';
    default:
      return code ?? (error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}
