import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { integrityOf, type JournalIntegrity } from '../../engine/session/journal-chain.js';
import { digestEntry, type JournalDigest } from '../../engine/session/journal-digest.js';
import { JournalReader, type JournalReadState } from '../../engine/session/journal-reader.js';
import type { JournalLineError } from '../../engine/session/journal.js';
import { writeFileAtomic } from './atomic-file.js';
import { forEachLine, MAX_LINE_BYTES, nodeSha256Hex, TOO_LONG } from './journal-file.js';

// The data folder's session index (sessions/index.json): what the session list shows of each
// journal, folded from its entries once and kept with how far the journal was read. Listing
// the sessions then reads nothing of a journal that has not changed, and only the lines
// appended to one that has. It is a cache: deleted or damaged, it is rebuilt from the journals.

export const SESSION_INDEX_FORMAT = 'firedrill-session-index/1';

export interface IndexedJournal {
  size: number;
  mtimeMs: number;
  /** Bytes read: up to just after the last complete line. */
  end: number;
  /** Lines read (complete lines, blank ones too). */
  lines: number;
  /** The last complete entry line read (start to end, its newline included), to tell later that the file still holds it. */
  anchor: { start: number; end: number; sha256: string } | null;
  read: JournalReadState;
  digest: JournalDigest | null;
  /** The first line that is not an entry, and how many there are. */
  firstError: JournalLineError | null;
  errorCount: number;
  /** The overall score of an ended session, once scored; null until then. */
  score: number | null;
}

const digestSchema = z.object({
  sessionId: z.string(),
  scenarioId: z.string(),
  planId: z.string(),
  mode: z.enum(['facilitated', 'role-play', 'solo', 'scripted']),
  startedAt: z.string(),
  name: z.string().nullable(),
  participants: z.record(z.string(), z.string()),
  entries: z.number(),
  simTime: z.number(),
  state: z.enum(['running', 'paused', 'ended']),
});
const recordSchema = z.object({
  size: z.number(),
  mtimeMs: z.number(),
  end: z.number(),
  lines: z.number(),
  anchor: z.object({ start: z.number(), end: z.number(), sha256: z.string() }).nullable(),
  read: z.object({
    position: z.number(),
    chain: z.object({
      previous: z.string(),
      chained: z.number(),
      unchained: z.number(),
      edited: z.object({ line: z.number(), message: z.string() }).nullable(),
    }),
  }),
  digest: digestSchema.nullable(),
  firstError: z.object({ line: z.number(), message: z.string() }).nullable(),
  errorCount: z.number(),
  score: z.number().nullable(),
});
const indexSchema = z.object({ format: z.literal(SESSION_INDEX_FORMAT), journals: z.record(z.string(), z.unknown()) });

export const integrityOfRecord = (record: IndexedJournal): JournalIntegrity => integrityOf(record.read.chain);

export class SessionIndex {
  private journals = new Map<string, IndexedJournal>();
  private changed = false;

  private constructor(private readonly path: string) {}

  /** Reads the index file; a missing or damaged one is an empty index (it is rebuilt). */
  static load(path: string): SessionIndex {
    const index = new SessionIndex(path);
    if (!existsSync(path)) return index;
    try {
      const file = indexSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      for (const [key, value] of Object.entries(file.journals)) {
        const record = recordSchema.safeParse(value);
        if (record.success) index.journals.set(key, record.data);
      }
    } catch {
      index.changed = true;
    }
    return index;
  }

  /**
   * The record of a journal file (`key` is its path inside the data folder), brought up to date:
   * unchanged (same size and time) it is not read; grown (a journal only grows, by appends), only
   * the new lines are read, once the last entry read before is found unchanged; otherwise
   * (rewritten, cut, replaced) it is read again from the start.
   */
  refresh(key: string, path: string): IndexedJournal {
    const stat = statSync(path);
    const known = this.journals.get(key);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return known;
    const record = known && stat.size > known.size && anchorHolds(path, known) ? known : undefined;
    const updated = readOn(path, record, stat);
    this.journals.set(key, updated);
    this.changed = true;
    return updated;
  }

  /** Keeps the score of an ended session, so it is computed once. */
  setScore(key: string, score: number): void {
    const record = this.journals.get(key);
    if (!record || record.score === score) return;
    this.journals.set(key, { ...record, score });
    this.changed = true;
  }

  /** Forgets the journals not in `keys` (deleted, archived, moved). */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of this.journals.keys()) {
      if (!keys.has(key)) {
        this.journals.delete(key);
        this.changed = true;
      }
    }
  }

  /** Writes the index if anything changed. A cache: a folder it cannot be written to is no error. */
  save(): void {
    if (!this.changed) return;
    try {
      mkdirSync(dirname(this.path), { recursive: true });
      writeFileAtomic(this.path, JSON.stringify({ format: SESSION_INDEX_FORMAT, journals: Object.fromEntries(this.journals) }));
      this.changed = false;
    } catch {
      // The list is still right; it is only read again next time.
    }
  }
}

/** Reads a journal on from where its record stopped (from the start without one). */
function readOn(path: string, record: IndexedJournal | undefined, stat: { size: number; mtimeMs: number }): IndexedJournal {
  const reader = new JournalReader({ sha256Hex: nodeSha256Hex, ...(record ? { resume: record.read } : {}) });
  let digest = record?.digest ?? null;
  let anchor = record?.anchor ?? null;
  const read = forEachLine(path, (text, line, start) => {
    if (text === null) return reader.unreadable(line, TOO_LONG);
    const entry = reader.line(text, line);
    if (entry) {
      digest = digestEntry(digest, entry);
      anchor = { start, end: start + Buffer.byteLength(text) + 1, sha256: '' };
    }
  }, record ? { offset: record.end, line: record.lines } : undefined);
  if (anchor && anchor.sha256 === '') anchor = { ...anchor, sha256: lineSha(path, anchor.start, anchor.end) };
  const errors = reader.errors;
  const firstError = record?.firstError ?? errors[0] ?? null;
  return {
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    end: read.end,
    lines: read.lines,
    anchor,
    read: reader.readState,
    digest,
    firstError,
    errorCount: (record?.errorCount ?? 0) + errors.length,
    // An ended session's score holds: nothing but a rename can follow its end.
    score: record?.score ?? null,
  };
}

function anchorHolds(path: string, record: IndexedJournal): boolean {
  if (!record.anchor) return record.end === 0;
  return lineSha(path, record.anchor.start, record.anchor.end) === record.anchor.sha256;
}

/** SHA-256 of the bytes of one line (start to end, its newline included), read alone (an entry line is at most MAX_LINE_BYTES). */
function lineSha(path: string, start: number, end: number): string {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.alloc(Math.min(end - start, MAX_LINE_BYTES + 1));
    const read = readSync(fd, bytes, 0, bytes.length, start);
    return nodeSha256Hex(bytes.subarray(0, read).toString('latin1'));
  } finally {
    closeSync(fd);
  }
}
