import { readFileSync } from 'node:fs';
import { parseJournal, type JournalEntry, type JournalLineError } from '../../engine/session/journal.js';

export interface JournalFile {
  path: string;
  entries: JournalEntry[];
  /** Lines that are not journal entries (a corrupt file), 1-based. */
  errors: JournalLineError[];
  /** An incomplete last line: a crash mid-write. */
  torn?: string;
}

/** Reads a journal file (JSON Lines). Never throws for bad content; a missing file throws ENOENT. */
export function readJournalFile(path: string): JournalFile {
  return { path, ...parseJournal(readFileSync(path, 'utf8')) };
}
