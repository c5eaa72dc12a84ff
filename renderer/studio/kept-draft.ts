import type { Draft } from './DraftEditor.js';

// The draft being written, kept in the page's storage as it changes, so that a reload, a closed
// window or a wander to another screen loses nothing: the studio offers it back until it is
// saved or discarded. One draft at a time (the one open last).

const KEY = 'firedrill.studio.draft';

export interface KeptDraft extends Draft {
  /** When it last changed (ISO time), to say so on the studio's start page. */
  changedAt: string;
}

export function keepDraft(draft: Draft, now = new Date()): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...draft, changedAt: now.toISOString() } satisfies KeptDraft));
  } catch {
    // Storage full or turned off: the draft stays in the page, as before.
  }
}

export function keptDraft(): KeptDraft | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw === null) return null;
    const kept = JSON.parse(raw) as Partial<KeptDraft>;
    const valid = (kept.kind === 'plan' || kept.kind === 'scenario') && typeof kept.text === 'string' && (kept.previous === null || typeof kept.previous === 'string') && typeof kept.changedAt === 'string';
    return valid ? (kept as KeptDraft) : null;
  } catch {
    return null;
  }
}

export function forgetDraft(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
