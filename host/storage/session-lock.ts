import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { writeAllSync } from './atomic-file.js';
import { StorageError } from './storage-error.js';

/** Locks held by this process, by lock path: a pid in a lock file may be ours from a past life. */
const heldHere = new Set<string>();

/** Whether a process is running. EPERM means it exists but belongs to someone else. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One writer per session across processes: `<id>.lock` holds the pid of the Firedrill that has
 * the session open. It is created complete and exclusively (written to a temporary file, then
 * hard-linked into place, which fails if the lock exists), so a reader never sees a half-written
 * pid. A lock whose process is gone (a crash) is stale and taken over.
 */
export class SessionLock {
  private released = false;

  private constructor(
    readonly path: string,
    readonly pid: number,
  ) {}

  /** Takes the lock of session `sessionId`, or throws StorageError('locked') naming who has it. */
  static acquire(path: string, sessionId: string, pid = process.pid): SessionLock {
    if (heldHere.has(path)) throw new StorageError('locked', `session ${sessionId} is already open in this Firedrill`);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (tryCreate(path, pid)) {
        heldHere.add(path);
        return new SessionLock(path, pid);
      }
      const holder = readPid(path);
      if (holder !== undefined && holder !== pid && processAlive(holder)) {
        throw new StorageError('locked', `session ${sessionId} is open in another Firedrill (pid ${holder}); close it there first`);
      }
      takeOverStale(path, holder);
    }
    throw new StorageError('locked', `session ${sessionId} is being opened by another Firedrill at the same moment; try again`);
  }

  /** Releases the lock, if the file is still ours. */
  release(): void {
    if (this.released) return;
    this.released = true;
    heldHere.delete(this.path);
    if (readPid(this.path) === this.pid) rmSync(this.path, { force: true });
  }
}

/** The pid of another live process that holds a lock file, if any (for the session list). */
export function lockHolder(path: string): number | undefined {
  if (heldHere.has(path)) return undefined;
  const pid = readPid(path);
  return pid !== undefined && pid !== process.pid && processAlive(pid) ? pid : undefined;
}

function tryCreate(path: string, pid: number): boolean {
  const temp = `${path}.${pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeAllSync(fd, Buffer.from(`${pid}\n`));
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return createDirectly(path, pid);
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** For file systems without hard links (FAT on a USB stick): O_EXCL on the lock itself. */
function createDirectly(path: string, pid: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeAllSync(fd, Buffer.from(`${pid}\n`));
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Moves a stale lock out of the way. The lock is renamed (atomic) before it is removed, and
 * what was moved is checked: if another process took the lock over in the meantime, its fresh
 * lock is put back rather than lost.
 */
function takeOverStale(path: string, stalePid: number | undefined): void {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else moved it
    throw error;
  }
  const moved = readPid(aside);
  if (moved !== stalePid && moved !== undefined && processAlive(moved)) {
    try {
      linkSync(aside, path);
    } catch {
      // A third process has locked it since: that lock stands.
    }
  }
  rmSync(aside, { force: true });
}
