import { keepValue, loadValue } from '../client/device-storage.js';
import type { Draft } from './DraftEditor.js';

// The drafts being written, kept in the page's storage as they change, so that a reload, a
// closed window or a wander to another screen loses nothing: the studio offers each back until
// it is saved or discarded. Each draft is kept under its own key, so that starting (or opening)
// another draft never drops one not saved yet.

const KEY = 'firedrill.studio.draft';
/** More unsaved drafts than anyone keeps on purpose: past it, the oldest goes. */
const MAX_KEPT = 20;

export interface KeptDraft extends Draft {
  /** The draft's own key, given when it was opened. */
  key: string;
  /** When it last changed (ISO time), to say so on the studio's start page. */
  changedAt: string;
}

/** A key for a draft being opened. */
export const newDraftKey = (now = Date.now()) => `${now.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

const isKept = (kept: Partial<KeptDraft>): kept is KeptDraft =>
  (kept.kind === 'plan' || kept.kind === 'scenario') && typeof kept.text === 'string' && (kept.previous === null || typeof kept.previous === 'string') && typeof kept.changedAt === 'string';

/** The drafts kept, the latest changed first; a broken value is ignored. */
export function keptDrafts(): KeptDraft[] {
  const parsed = loadValue<unknown>(KEY, null);
  if (typeof parsed !== 'object' || parsed === null) return [];
  // One draft alone: how an earlier Firedrill kept it.
  const list = (Array.isArray(parsed) ? parsed : [{ key: 'kept', ...parsed }]) as Partial<KeptDraft>[];
  const kept = list.filter((one): one is KeptDraft => one !== null && typeof one === 'object' && isKept(one) && typeof one.key === 'string');
  return kept.sort((a, b) => b.changedAt.localeCompare(a.changedAt));
}

function store(drafts: KeptDraft[]): void {
  keepValue(KEY, drafts.length === 0 ? null : drafts.slice(0, MAX_KEPT));
}

export function keepDraft(draft: Draft & { key: string }, now = new Date()): void {
  store([{ ...draft, changedAt: now.toISOString() }, ...keptDrafts().filter((kept) => kept.key !== draft.key)]);
}

export function forgetDraft(key: string): void {
  const drafts = keptDrafts();
  if (drafts.some((kept) => kept.key === key)) store(drafts.filter((kept) => kept.key !== key));
}
