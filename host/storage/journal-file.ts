import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { JournalIntegrity, Sha256Hex } from '../../engine/session/journal-chain.js';
import { JournalReader } from '../../engine/session/journal-reader.js';
import type { JournalEntry, JournalLineError } from '../../engine/session/journal.js';

/** Node's SHA-256, several times faster than the engine's pure one: what the host checks chains with. */
export const nodeSha256Hex: Sha256Hex = (text) => createHash('sha256').update(text).digest('hex');

const CHUNK_BYTES = 1 << 20;
/** No entry Firedrill writes comes near this (a 5,000-character observation is some 20 KB). */
export const MAX_LINE_BYTES = 1 << 20;
const NEWLINE = 0x0a;

export interface LineRead {
  /** Offset just after the last newline read: where a later read goes on from. */
  end: number;
  /** Lines read (the number of the last complete line). */
  lines: number;
  /** The bytes after the last newline, as text: a torn entry, or one that only lacks its newline. */
  tail: string;
}

/** One complete line of a file: its text (null when longer than MAX_LINE_BYTES), its number, the offset it starts at. */
export interface FileLine {
  text: string | null;
  line: number;
  start: number;
}

/**
 * The complete lines of a file from `from.offset`, one at a time, read in bounded chunks so
 * that a long file is never held whole; returns where the reading stopped. A line longer than
 * MAX_LINE_BYTES comes as null (and is skipped) rather than gathered. The file is closed when
 * the iteration ends, however it ends.
 */
export function* fileLines(path: string, from: { offset: number; line: number } = { offset: 0, line: 0 }): Generator<FileLine, LineRead, undefined> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let position = from.offset;
    let line = from.line;
    let end = from.offset;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let oversized = false;
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, position);
      if (read === 0) break;
      position += read;
      let start = 0;
      for (let newline = chunk.indexOf(NEWLINE, 0); newline !== -1 && newline < read; newline = chunk.indexOf(NEWLINE, start)) {
        line++;
        // `end` is still where this line starts.
        if (oversized || pendingBytes + newline - start > MAX_LINE_BYTES) yield { text: null, line, start: end };
        else yield { text: pending.length === 0 ? chunk.toString('utf8', start, newline) : Buffer.concat([...pending, chunk.subarray(start, newline)]).toString('utf8'), line, start: end };
        pending = [];
        pendingBytes = 0;
        oversized = false;
        start = newline + 1;
        end = position - read + start;
      }
      if (start < read) {
        // A line goes on into the next chunk: keep its bytes (a copy: the chunk is reused), unless it is too long to be an entry.
        pendingBytes += read - start;
        if (pendingBytes > MAX_LINE_BYTES) {
          oversized = true;
          pending = [];
        } else {
          pending.push(Buffer.from(chunk.subarray(start, read)));
        }
      }
    }
    return { end, lines: line, tail: oversized ? '\u0000' : Buffer.concat(pending).toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

/** Calls `onLine` for each complete line of a file from `from.offset` (see fileLines). */
export function forEachLine(path: string, onLine: (text: string | null, line: number, start: number) => void, from: { offset: number; line: number } = { offset: 0, line: 0 }): LineRead {
  const lines = fileLines(path, from);
  for (let next = lines.next(); ; next = lines.next()) {
    if (next.done) return next.value;
    onLine(next.value.text, next.value.line, next.value.start);
  }
}

export interface JournalFile {
  path: string;
  entries: JournalEntry[];
  /** Lines that are not journal entries (a corrupt file), 1-based. */
  errors: JournalLineError[];
  /** An incomplete last line: a crash mid-write. */
  torn?: string;
  /** Whether the entries are the ones Firedrill recorded (their hash chain). */
  integrity: JournalIntegrity;
}

export const TOO_LONG = `longer than ${MAX_LINE_BYTES / (1 << 20)} MiB: not a journal entry`;

/**
 * Reads a journal file (JSON Lines) line by line: each line parsed, validated and checked
 * against the hash chain as it comes, so memory holds the entries, never the file's text.
 * Never throws for bad content; a missing file throws ENOENT.
 */
export function readJournalFile(path: string): JournalFile {
  const entries: JournalEntry[] = [];
  return { path, entries, ...readLines(path, (entry) => entries.push(entry)) };
}

/** What checking a journal file found, without its entries: small, whatever the journal's length (a worker sends it back). */
export interface JournalCheck {
  /** Entries read (lines that hold one). */
  entries: number;
  firstError?: JournalLineError;
  errorCount: number;
  torn?: string;
  integrity: JournalIntegrity;
}

/** Reads a journal file as readJournalFile does, keeping none of its entries: whether it is whole and what was recorded. */
export function checkJournalFile(path: string): JournalCheck {
  let entries = 0;
  const { errors, ...rest } = readLines(path, () => entries++);
  return { entries, errorCount: errors.length, ...(errors[0] ? { firstError: errors[0] } : {}), ...rest };
}

function readLines(path: string, onEntry: (entry: JournalEntry) => void): Omit<JournalFile, 'path' | 'entries'> {
  const reader = new JournalReader({ sha256Hex: nodeSha256Hex });
  const { lines, tail } = forEachLine(path, (text, line) => {
    if (text === null) return reader.unreadable(line, TOO_LONG);
    const entry = reader.line(text, line);
    if (entry) onEntry(entry);
  });
  const last = reader.lastLine(tail, lines + 1);
  if (last.entry) onEntry(last.entry);
  return { errors: reader.errors, ...(last.torn !== undefined ? { torn: last.torn } : {}), integrity: reader.integrity };
}
