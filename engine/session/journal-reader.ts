import { ChainVerifier, chainStart, type ChainState, type JournalIntegrity, type Sha256Hex } from './journal-chain.js';
import { journalEntrySchema, type JournalEntry, type JournalLineError } from './journal.js';

/** Where a reading of a journal stopped: plain JSON, so a later reading can go on from there. */
export interface JournalReadState {
  /** Entries read so far (the next entry's seq is one more). */
  position: number;
  chain: ChainState;
}

/** One journal line (without its newline) as the entry it holds, or what is wrong with it: parsed and validated, not placed in a sequence or chain. */
export function parseEntryLine(text: string, line: number): JournalEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(line === 1 ? text.replace(/^\uFEFF/, '') : text);
  } catch {
    return 'not valid JSON';
  }
  const checked = journalEntrySchema.safeParse(value);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0]!;
  return `${issue.path.join('.') || 'entry'}: ${issue.message}`;
}

/**
 * Reads a JSON Lines journal one line at a time, so that a long journal never has to be held
 * as one text: each line is parsed, validated, checked for its place in the sequence and
 * against the hash chain. Bad lines are collected in `errors` (1-based line numbers).
 */
export class JournalReader {
  readonly errors: JournalLineError[] = [];
  private readonly state: JournalReadState;
  private readonly chain: ChainVerifier;

  constructor(options: { sha256Hex?: Sha256Hex; resume?: JournalReadState } = {}) {
    this.state = options.resume ? structuredCloneState(options.resume) : { position: 0, chain: chainStart() };
    this.chain = new ChainVerifier(this.state.chain, options.sha256Hex);
  }

  /** One line without its newline. Returns the entry it holds, or undefined (blank, or an error). */
  line(text: string, line: number): JournalEntry | undefined {
    if (!text.trim()) return undefined;
    // The n-th entry of the file has seq n: a line that cannot be read is one error, not the
    // cause of an "out of order" error on every line after it.
    const position = ++this.state.position;
    const entry = parseEntryLine(text, line);
    if (typeof entry === 'string') {
      this.errors.push({ line, message: entry });
      return undefined;
    }
    if (position === 1 && entry.type !== 'session.started') this.errors.push({ line, message: 'a journal starts with session.started' });
    if (entry.seq !== position) {
      this.errors.push({ line, message: `seq ${entry.seq} out of order (expected ${position})` });
      return undefined;
    }
    this.chain.check(entry, line);
    return entry;
  }

  /** A line that cannot be read at all (too long to be an entry): one error, in its place. */
  unreadable(line: number, message: string): void {
    this.state.position++;
    this.errors.push({ line, message });
  }

  /**
   * The text after the file's last newline. A crash mid-write leaves it cut off (`torn`); a
   * complete entry that only lacks its newline is an entry.
   */
  lastLine(text: string, line: number): { entry?: JournalEntry; torn?: string } {
    if (!text.trim()) return {};
    try {
      JSON.parse(text);
    } catch {
      return { torn: text };
    }
    const entry = this.line(text, line);
    return entry ? { entry } : {};
  }

  get integrity(): JournalIntegrity {
    return this.chain.integrity;
  }

  /** Where the reading stands, to go on from later (a copy). */
  get readState(): JournalReadState {
    return structuredCloneState(this.state);
  }
}

const structuredCloneState = (state: JournalReadState): JournalReadState => ({ position: state.position, chain: { ...state.chain, edited: state.chain.edited ? { ...state.chain.edited } : null } });

/**
 * Said of a file no line of which is a journal entry (a YAML or CSV file, or a binary one, named or
 * given as a journal): another kind of file, not a journal cut off mid-write or damaged line by line.
 */
export const NOT_A_JOURNAL = 'not a drill journal: no line of it is a journal entry (a journal holds one JSON entry a line, the first a session.started)';

/** Whether what was read of a file shows it is no journal at all: not one entry, and lines that are not entries. */
export const isNotAJournal = (read: { entries: readonly unknown[]; errors: readonly unknown[]; torn?: string }): boolean => read.entries.length === 0 && (read.errors.length > 0 || read.torn !== undefined);

export interface ParsedJournal {
  entries: JournalEntry[];
  errors: JournalLineError[];
  /** An incomplete last line (a crash mid-write), left out of the entries. */
  torn?: string;
  integrity: JournalIntegrity;
}

/**
 * Parses a whole JSON Lines journal held as text. A torn last line (a crash mid-write) is
 * returned apart as `torn`, so the caller can set it aside; a bad line elsewhere is an error.
 */
export function parseJournal(text: string, options: { sha256Hex?: Sha256Hex } = {}): ParsedJournal {
  const reader = new JournalReader(options);
  const entries: JournalEntry[] = [];
  const lines = text.split('\n');
  const last = lines.pop()!;
  lines.forEach((line, index) => {
    const entry = reader.line(line, index + 1);
    if (entry) entries.push(entry);
  });
  const { entry, torn } = reader.lastLine(last, lines.length + 1);
  if (entry) entries.push(entry);
  return { entries, errors: reader.errors, ...(torn !== undefined ? { torn } : {}), integrity: reader.integrity };
}
