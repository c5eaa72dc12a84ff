import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './hash.js';
import type { JournalEntry } from './journal.js';

// The journal's hash chain: each entry carries SHA-256 of the hash of the entry before it and
// of its own content (canonical JSON, without its hash), so that changing, removing or
// reordering an entry breaks the chain at that line. See docs/journal.md for why a chain and
// not a keyed signature.

/** SHA-256 of a text's UTF-8 bytes, as lower-case hex. The host may pass Node's, which is faster. */
export type Sha256Hex = (text: string) => string;

export const nobleSha256Hex: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

/** What the first entry's hash is chained to. */
export const CHAIN_START = '';

/** The hash of an entry chained to the hash of the entry before it (its own `hash` left out). */
export function entryHash(previous: string, entry: JournalEntry, sha256Hex: Sha256Hex = nobleSha256Hex): string {
  const { hash: _hash, ...content } = entry;
  return sha256Hex(`${previous}\n${canonicalJson(content)}`);
}

/**
 * Whether a journal is what was recorded. `verified`: every entry is chained and the chain
 * holds. `unverified`: its first entries were written before journals were chained (engine
 * format 1), so they cannot be checked. `edited`: the chain breaks at `line`, the first line
 * (1-based) that is not what Firedrill wrote.
 */
export type JournalIntegrity =
  | { status: 'verified' }
  | { status: 'unverified'; unchainedEntries: number }
  | { status: 'edited'; line: number; message: string };

/** How far a chain has been checked: plain JSON, so a check can go on later from where it stopped. */
export interface ChainState {
  /** The hash of the last entry checked (computed for an entry without one). */
  previous: string;
  chained: number;
  unchained: number;
  edited: { line: number; message: string } | null;
}

export const chainStart = (): ChainState => ({ previous: CHAIN_START, chained: 0, unchained: 0, edited: null });

/** Checks entries one at a time against the chain; stops at the first break. */
export class ChainVerifier {
  constructor(
    private readonly state: ChainState = chainStart(),
    private readonly sha256Hex: Sha256Hex = nobleSha256Hex,
  ) {}

  check(entry: JournalEntry, line: number): void {
    const state = this.state;
    if (state.edited) return;
    const computed = entryHash(state.previous, entry, this.sha256Hex);
    if (entry.hash === undefined) {
      if (state.chained > 0) {
        state.edited = { line, message: 'this entry has no hash though the entries before it have: it was added or changed after it was recorded' };
        return;
      }
      state.unchained++;
      state.previous = computed;
      return;
    }
    if (entry.hash !== computed) {
      state.edited = {
        line,
        message: state.chained + state.unchained === 0 || line === 1
          ? 'this entry does not match its hash: it was changed after it was recorded'
          : 'this entry does not match its hash: it, or the one before it, was changed after it was recorded (or an entry was removed)',
      };
      return;
    }
    state.chained++;
    state.previous = entry.hash;
  }

  get integrity(): JournalIntegrity {
    return integrityOf(this.state);
  }
}

export function integrityOf(state: ChainState): JournalIntegrity {
  if (state.edited) return { status: 'edited', ...state.edited };
  return state.unchained > 0 ? { status: 'unverified', unchainedEntries: state.unchained } : { status: 'verified' };
}

/** The journal's integrity in words, naming the file and line where it was edited. */
export function integrityMessage(integrity: JournalIntegrity, file: string): string | undefined {
  switch (integrity.status) {
    case 'verified':
      return undefined;
    case 'unverified':
      return `${file}: this journal was written before Firedrill chained its entries (engine format 1): whether it was edited cannot be checked`;
    case 'edited':
      return `${file}:${integrity.line}: the journal was edited after it was recorded: ${integrity.message}`;
  }
}
