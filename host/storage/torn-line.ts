import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fsyncDir, writeAllSync, writeFileAtomic } from './atomic-file.js';

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

/**
 * Repairs the end of a journal after a crash. Every entry is written as one line ending in a
 * newline, so bytes after the last newline are an entry cut off mid-write, which was never
 * acknowledged. They are appended to `<journal>.corrupt` (kept, in case someone wants them),
 * then the journal is rewritten without them, atomically. Returns the warning to show the
 * person once, or undefined when the journal ended cleanly. A complete entry that only lacks
 * its newline is kept and given one.
 */
export function setAsideTornLine(journalPath: string, sessionId: string): string | undefined {
  const bytes = readFileSync(journalPath);
  if (bytes.length === 0 || bytes[bytes.length - 1] === NEWLINE) return undefined;
  const cut = bytes.lastIndexOf(NEWLINE) + 1;
  const tail = bytes.subarray(cut);
  if (completeJson(tail)) {
    appendDurably(journalPath, Buffer.from('\n'));
    return undefined;
  }
  const corrupt = corruptPathOf(journalPath);
  appendDurably(corrupt, Buffer.concat([tail, Buffer.from('\n')]));
  writeFileAtomic(journalPath, bytes.subarray(0, cut));
  return `The last entry of session ${sessionId} was cut off by a crash while it was being written (it had not been acknowledged): it was set aside in ${basename(corrupt)}, and the session goes on from the entry before it.`;
}

function completeJson(bytes: Uint8Array): boolean {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}
