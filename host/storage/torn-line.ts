import { closeSync, existsSync, fstatSync, ftruncateSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fsyncDir, writeAllSync } from './atomic-file.js';
import { MAX_LINE_BYTES } from './journal-file.js';

const NEWLINE = 0x0a;

/** The file beside a journal that keeps the torn lines set aside, oldest first. */
export const corruptPathOf = (journalPath: string) => `${journalPath}.corrupt`;

function appendDurably(path: string, bytes: Uint8Array): void {
  const created = !existsSync(path);
  const fd = openSync(path, 'a', 0o644);
  try {
    writeAllSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  if (created) fsyncDir(dirname(path));
}

/** The offset just after the file's last newline (0 if it has none), read backwards in bounded chunks. */
function afterLastNewline(fd: number, size: number): number {
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (let end = size; end > 0; ) {
    const start = Math.max(0, end - chunk.length);
    const read = readSync(fd, chunk, 0, end - start, start);
    const at = chunk.subarray(0, read).lastIndexOf(NEWLINE);
    if (at !== -1) return start + at + 1;
    end = start;
  }
  return 0;
}

/**
 * Repairs the end of a journal after a crash. Every entry is written as one line ending in a
 * newline, so bytes after the last newline are an entry cut off mid-write, which was never
 * acknowledged. They are appended to `<journal>.corrupt` (kept, in case someone wants them),
 * then cut off the journal (truncated and fsynced: a crash leaves it before or after, the
 * entries before it intact either way). Returns the warning to show the person once, or
 * undefined when the journal ended cleanly. A complete entry that only lacks its newline is
 * kept and given one. Only the journal's end is read, however long the journal.
 */
export function setAsideTornLine(journalPath: string, sessionId: string): string | undefined {
  const fd = openSync(journalPath, 'r+');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return undefined;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    if (last[0] === NEWLINE) return undefined;
    const cut = afterLastNewline(fd, size);
    // A tail longer than any entry is not one: it is set aside whole, however long.
    const tail = size - cut <= MAX_LINE_BYTES ? Buffer.alloc(size - cut) : undefined;
    if (tail) readSync(fd, tail, 0, tail.length, cut);
    if (tail && completeJson(tail)) {
      writeSync(fd, Buffer.from('\n'), 0, 1, size);
      fsyncSync(fd);
      return undefined;
    }
    appendDurably(corruptPathOf(journalPath), Buffer.concat([tail ?? Buffer.from(`(${size - cut} bytes not kept: longer than any entry)`), Buffer.from('\n')]));
    ftruncateSync(fd, cut);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return `The last entry of session ${sessionId} was cut off by a crash while it was being written (it had not been acknowledged): it was set aside in ${basename(corruptPathOf(journalPath))}, and the session goes on from the entry before it.`;
}

function completeJson(bytes: Uint8Array): boolean {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}
