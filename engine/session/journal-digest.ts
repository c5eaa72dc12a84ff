import type { JournalEntry, SessionStarted } from './journal.js';

/**
 * What the session list shows of a journal, folded from its entries one at a time without a
 * replay: so it can be kept in the data folder's session index and brought up to date by
 * reading only what was appended since.
 */
export interface JournalDigest {
  sessionId: string;
  scenarioId: string;
  planId: string;
  mode: SessionStarted['mode'];
  /** Wall-clock time of the start (ISO). */
  startedAt: string;
  /** As given at the start or by the last rename; null if never given. */
  name: string | null;
  participants: Record<string, string>;
  entries: number;
  /** The simulated time of the last entry. */
  simTime: number;
  state: 'running' | 'paused' | 'ended';
}

/** The digest after one more entry; a journal that does not start with session.started has none. */
export function digestEntry(digest: JournalDigest | null, entry: JournalEntry): JournalDigest | null {
  if (!digest) {
    if (entry.type !== 'session.started') return null;
    return {
      sessionId: entry.sessionId,
      scenarioId: entry.scenarioId,
      planId: entry.planId,
      mode: entry.mode,
      startedAt: entry.wallTime,
      name: entry.name ?? null,
      participants: { ...entry.participants },
      entries: 1,
      simTime: entry.simTime,
      state: 'running',
    };
  }
  const next = { ...digest, entries: digest.entries + 1, simTime: Math.max(digest.simTime, entry.simTime) };
  switch (entry.type) {
    case 'clock.paused':
      return { ...next, state: 'paused' };
    case 'clock.resumed':
      return { ...next, state: 'running' };
    case 'session.ended':
      return { ...next, state: 'ended' };
    case 'session.renamed':
      return { ...next, name: entry.name };
    default:
      return next;
  }
}

/** The name of a session given none: its scenario's title and the day it started (UTC). */
export function defaultSessionName(scenarioTitle: string, startedAt: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(startedAt)?.[0];
  return day ? `${scenarioTitle} · ${day}` : scenarioTitle;
}
