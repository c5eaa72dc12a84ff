// Journals changed by hand in tests, with their hash chain computed again: what a forger with
// Firedrill's source could do (docs/journal.md says why the chain does not stop that), used by
// tests about something else than integrity (an unknown scenario, a changed scenario hash).
import { CHAIN_START, entryHash } from '../../engine/session/journal-chain.js';
import type { JournalEntry } from '../../engine/session/journal.js';

/** The entries with their hashes computed again, chained from the first. */
export function rechained<T extends object>(entries: readonly T[]): T[] {
  let previous = CHAIN_START;
  return entries.map((entry) => {
    const { hash: _hash, ...content } = entry as T & { hash?: string };
    previous = entryHash(previous, content as unknown as JournalEntry);
    return { ...content, hash: previous } as T;
  });
}

/** A journal's text with its chain computed again (one JSON object per line). */
export function rechainedText(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return rechained(lines.map((line) => JSON.parse(line) as object)).map((entry) => `${JSON.stringify(entry)}\n`).join('');
}
