import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { JournalEntry } from '../../engine/session/journal.js';
import { parseEntryLine } from '../../engine/session/journal-reader.js';
import type { Session } from '../../engine/session/session.js';
import { fileLines } from './journal-file.js';
import { StorageError } from './storage-error.js';

/** How long one slice of a replay may hold the thread, and how many entries it replays at most (whichever comes first). */
export const SLICE_MS = 8;
export const SLICE_ENTRIES = 1_000;

/**
 * Replays a journal file on the thread that serves every client without holding that thread:
 * its lines are read in bounded chunks, each parsed, validated and replayed in order (the
 * session's own replayEntry, as Session.replay does), and the event loop is given back
 * (setImmediate) after every slice, so that other clients' commands are answered meanwhile.
 * `begin` starts the session from the first entry. The hash chain is not checked here (see
 * checkJournalFile, which a worker runs meanwhile). An aborted `signal` stops it at the next slice.
 */
export async function replayInSlices(path: string, begin: (first: JournalEntry | undefined) => Session, signal?: AbortSignal): Promise<Session> {
  let session: Session | undefined;
  let sliceStart = performance.now();
  let inSlice = 0;
  for (const { text, line } of fileLines(path)) {
    if (text === null || !text.trim()) {
      if (text === null) throw new StorageError('corrupt', `${basename(path)} line ${line}: longer than any journal entry`);
      continue;
    }
    const entry = parseEntryLine(text, line);
    if (typeof entry === 'string') throw new StorageError('corrupt', `${basename(path)} line ${line}: ${entry}`);
    if (session) session.replayEntry(entry);
    else session = begin(entry);
    if (++inSlice >= SLICE_ENTRIES || performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      signal?.throwIfAborted();
      sliceStart = performance.now();
      inSlice = 0;
    }
  }
  return session ?? begin(undefined);
}
