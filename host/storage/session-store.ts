import { existsSync, mkdirSync, readdirSync, closeSync, openSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { engineFormatProblem, isNewerEngineFormat, journalText, type JournalEntry, type JournalInput, type SessionStarted } from '../../engine/session/journal.js';
import { isNotAJournal, NOT_A_JOURNAL, parseJournal } from '../../engine/session/journal-reader.js';
import { integrityMessage } from '../../engine/session/journal-chain.js';
import { defaultSessionName } from '../../engine/session/journal-digest.js';
import { scoreSession } from '../../engine/scoring/score.js';
import { JournalMismatch, Session, type Stamp } from '../../engine/session/session.js';
import { FACILITATOR } from '../../engine/format/script.js';
import type { Library } from '../../engine/validate/index.js';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { SessionSummary } from '../../engine/protocol/results.js';
import type { LocatedError } from '../../engine/validate/located-error.js';
import { dataPaths } from './data-dir.js';
import { fsyncDir, moveFile, writeAllSync, writeFileAtomic } from './atomic-file.js';
import { JournalWriter } from './journal-writer.js';
import { checkJournalFile, nodeSha256Hex, readJournalFile, type JournalCheck } from './journal-file.js';
import { replayInSlices } from './sliced-replay.js';
import { integrityOfRecord, SessionIndex, type IndexedJournal } from './session-index.js';
import { lockHolder, SessionLock } from './session-lock.js';
import { corruptPathOf, setAsideTornLine } from './torn-line.js';
import { SESSION_ID } from './session-id.js';
import { fileProblem, StorageError } from './storage-error.js';
import { VersionStore, withVersions } from './version-store.js';

const JOURNAL = '.jsonl';

/** Finds the scenario and plan a journal was recorded with (by their ids in its first entry). */
export type WorldLookup = (started: SessionStarted) => { scenario?: Scenario; plan?: Plan };

/**
 * Checks a journal file whole (each line, the hash chain) without keeping its entries. The
 * host runs it in a worker while the serving thread replays the journal (SessionStore.open).
 */
export type JournalChecker = (path: string) => Promise<JournalCheck>;

/** Looks worlds up in a loaded library. */
export const lookupIn = (library: Library): WorldLookup => (started) => ({
  scenario: library.scenarios.get(started.scenarioId)?.scenario,
  plan: library.plans.get(started.planId)?.plan,
});

/** An open session's journal: appends are durable when they resolve; one writer at a time. */
export class SessionJournal {
  constructor(
    readonly sessionId: string,
    readonly path: string,
    private readonly writer: JournalWriter,
    private readonly lock: SessionLock,
  ) {}

  /** Resolves once the entry is on disk (written and fsynced): acknowledge it only then. */
  append(entry: JournalEntry): Promise<void> {
    return this.writer.append(entry);
  }

  /** Finishes the appends under way, closes the file and releases the lock. */
  async close(): Promise<void> {
    try {
      await this.writer.close();
    } finally {
      this.lock.release();
    }
  }
}

/** A journal refused on import, with the lines that are wrong (located like a library file's errors). */
export class JournalImportRefusal extends StorageError {
  override name = 'JournalImportRefusal';
  constructor(
    code: 'corrupt' | 'edited',
    message: string,
    readonly errors: LocatedError[],
  ) {
    super(code, message);
  }
}

/** A journal stored by import: the session replayed and its entry in the session list. */
export interface ImportedSession {
  session: Session;
  summary: SessionSummary;
}

export interface OpenedSession {
  session: Session;
  journal: SessionJournal;
  /** Things to tell the person once, such as a torn last line set aside. */
  warnings: string[];
}

/**
 * The sessions of a data folder: one append-only JSON Lines journal per session in
 * sessions/, archived ones in sessions/archive/, deleted ones moved to trash/ (never unlinked).
 * A session is resumed by replaying its journal against the scenario and plan it names.
 */
export class SessionStore {
  readonly paths: ReturnType<typeof dataPaths>;
  /** The plan and scenario versions sessions used: a journal replays against its own, however the files changed since. */
  readonly versions: VersionStore;

  constructor(
    root: string,
    /** By default on this thread, before the replay. */
    private readonly checkJournal: JournalChecker = async (path) => checkJournalFile(path),
    private readonly pid = process.pid,
  ) {
    this.paths = dataPaths(root);
    this.versions = new VersionStore(root);
  }

  /** Keeps the plan and scenario a session runs with, before its journal names them. */
  private keepVersions(session: Session): void {
    this.versions.keep('plan', session.index.plan);
    this.versions.keep('scenario', session.index.scenario);
  }

  journalPath(sessionId: string): string {
    return join(this.paths.sessions, `${sessionId}${JOURNAL}`);
  }

  /** Where a session's journal may be, active then archived (none for what is not a session id): to read its first line. */
  journalPaths(sessionId: string): string[] {
    return SESSION_ID.test(sessionId) ? [this.journalPath(sessionId), this.archivedPath(sessionId)] : [];
  }

  private archivedPath(sessionId: string): string {
    return join(this.paths.archive, `${sessionId}${JOURNAL}`);
  }

  private lockPath(sessionId: string): string {
    return join(this.paths.sessions, `${sessionId}.lock`);
  }

  private lock(sessionId: string): SessionLock {
    mkdirSync(this.paths.sessions, { recursive: true });
    return SessionLock.acquire(this.lockPath(sessionId), sessionId, this.pid);
  }

  /** Stores a session just started: its journal file is created holding its first entries. */
  async create(session: Session): Promise<SessionJournal> {
    const sessionId = checkId(session.started.sessionId);
    const lock = this.lock(sessionId);
    const path = this.journalPath(sessionId);
    try {
      if (existsSync(this.archivedPath(sessionId))) throw new StorageError('conflict', `a session ${sessionId} already exists (archived)`);
      this.keepVersions(session);
      let fd: number;
      try {
        fd = openSync(path, 'wx', 0o644);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new StorageError('conflict', `a session ${sessionId} already exists`);
        throw error;
      }
      try {
        writeAllSync(fd, Buffer.from(journalText(session.journal), 'utf8'));
      } finally {
        closeSync(fd);
      }
      fsyncDir(this.paths.sessions);
      return new SessionJournal(sessionId, path, await JournalWriter.open(path), lock);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /**
   * Opens a session to go on with it: takes its lock, sets aside a torn last line (reported
   * in `warnings`, once: the file is repaired), and replays the journal in slices (other work
   * goes on between them) while checkJournal checks it. A damaged or edited journal is refused
   * ('corrupt', 'edited'), as is one recorded against another version of its scenario or plan
   * ('mismatch').
   */
  async open(sessionId: string, worlds: WorldLookup): Promise<OpenedSession> {
    checkId(sessionId);
    const path = this.journalPath(sessionId);
    if (!existsSync(path)) {
      if (existsSync(this.archivedPath(sessionId))) throw new StorageError('archived', `session ${sessionId} is archived: its scorecard can be read, but it cannot be resumed`);
      throw new StorageError('not-found', `there is no session ${sessionId}`);
    }
    const lock = this.lock(sessionId);
    try {
      const warnings: string[] = [];
      const torn = setAsideTornLine(path, sessionId);
      if (torn) warnings.push(torn);
      const { session, unverified } = await this.replayChecked(path, sessionId, withVersions(worlds, this.versions));
      if (unverified) warnings.push(unverified);
      this.keepVersions(session); // a session recorded before versions were kept gets them now
      return { session, journal: new SessionJournal(sessionId, path, await JournalWriter.open(path), lock), warnings };
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /**
   * Replays a journal in slices on this thread while checkJournal reads it whole (in the host,
   * in a worker): the session is returned only when both agree. What the check finds wrong
   * (a damaged line, an edit) is what is reported, before any refusal of the replay, as when
   * the check came first; it stops the replay at its next slice. The session's lock keeps
   * every other writer out meanwhile.
   */
  private async replayChecked(path: string, sessionId: string, worlds: WorldLookup): Promise<{ session: Session; unverified?: string }> {
    const stop = new AbortController();
    const checking = this.checkJournal(path).then(
      (check) => {
        if (damageOf(check, path, sessionId)) stop.abort();
        return check;
      },
      (error: unknown) => {
        stop.abort();
        throw error;
      },
    );
    // Its failure is thrown below, once the replay has stopped: not an unhandled rejection meanwhile.
    checking.catch(() => undefined);
    let session: Session | undefined;
    let failure: unknown;
    try {
      session = await replayInSlices(path, (first) => beginReplay(first, sessionId, worlds), stop.signal);
    } catch (error) {
      failure = error instanceof JournalMismatch ? mismatch(sessionId, error) : error;
    }
    const check = await checking;
    const damage = damageOf(check, path, sessionId);
    if (damage) throw damage;
    if (failure !== undefined || !session) throw failure;
    if (session.journal.length !== check.entries) throw new StorageError('corrupt', `the journal of session ${sessionId} changed while it was being opened: open it again`);
    return { session, ...(check.integrity.status === 'unverified' ? { unverified: UNVERIFIED_WARNING } : {}) };
  }

  /**
   * What changes whenever a session's stored journal does (its place, size and time), or
   * undefined if it has none: a replay of it holds while this stays the same.
   */
  journalStamp(sessionId: string): string | undefined {
    for (const path of this.journalPaths(sessionId)) {
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat) return `${path}\n${stat.size}\n${stat.mtimeMs}`;
    }
    return undefined;
  }

  /** Replays a session (active or archived) to read it, without locking or repairing it. */
  read(sessionId: string, worlds: WorldLookup): Session {
    checkId(sessionId);
    const path = [this.journalPath(sessionId), this.archivedPath(sessionId)].find((p) => existsSync(p));
    if (!path) throw new StorageError('not-found', `there is no session ${sessionId}`);
    return replayFile(path, sessionId, withVersions(worlds, this.versions)).session;
  }

  /** Ends a session that is not open anywhere: records session.ended by the facilitator. */
  async end(sessionId: string, worlds: WorldLookup, wallTime: string, reason?: string): Promise<JournalEntry> {
    return this.recordClosed(sessionId, worlds, { type: 'session.ended', ...(reason ? { reason } : {}) }, { wallTime, actor: FACILITATOR });
  }

  /**
   * Renames a session that is not open in this process (ended ones too): journals
   * session.renamed. A command id already recorded returns its entry and records nothing.
   */
  async rename(sessionId: string, worlds: WorldLookup, name: string, stamp: { wallTime: string; commandId?: string }): Promise<JournalEntry> {
    return this.recordClosed(sessionId, worlds, { type: 'session.renamed', name }, { ...stamp, actor: FACILITATOR });
  }

  /** Records one input into a stored session: opened (locked), appended, closed. */
  private async recordClosed(sessionId: string, worlds: WorldLookup, input: JournalInput, stamp: Stamp): Promise<JournalEntry> {
    const { session, journal } = await this.open(sessionId, worlds);
    try {
      const done = stamp.commandId !== undefined ? session.entryForCommand(stamp.commandId) : undefined;
      if (done) return done;
      const entry = session.record(input, stamp);
      await journal.append(entry);
      return entry;
    } finally {
      await journal.close();
    }
  }

  /**
   * Stores a journal exported from another data folder, as an ended session. Everything is
   * checked before anything is written: every line parses (a damaged or torn line is refused
   * with its line number), the journal replays against this library's scenario and plan (same
   * content hashes), and no session of that id exists here, active or archived. A journal that
   * stops before its end gets a session.ended entry at its last simulated time, so it shows in
   * the history and has a debrief. Then the file is written atomically: all of it or nothing.
   */
  import(fileName: string, text: string, worlds: WorldLookup, wallTime: string): ImportedSession {
    const name = basename(fileName);
    const { entries, errors, torn, integrity } = parseJournal(text.replace(/^\uFEFF/, ''), { sha256Hex: nodeSha256Hex });
    // A journal of a newer Firedrill is not damaged: said so first, whatever else this one cannot read in it.
    const format = engineFormatOf(text);
    if (isNewerEngineFormat(format)) {
      const message = engineFormatProblem(format);
      throw new JournalImportRefusal('corrupt', `${name}: ${message}; nothing was imported`, [{ file: name, line: 1, column: 1, path: 'engineFormat', message }]);
    }
    const located: LocatedError[] = errors.map((error) => ({ file: name, line: error.line, column: 1, path: '', message: error.message }));
    if (integrity.status === 'edited' && errors.length === 0 && torn === undefined) {
      throw new JournalImportRefusal('edited', `${name}:${integrity.line}: the journal was edited after it was recorded (${integrity.message}); nothing was imported`, [
        { file: name, line: integrity.line, column: 1, path: '', message: `edited after it was recorded: ${integrity.message}` },
      ]);
    }
    if (isNotAJournal({ entries, errors, ...(torn !== undefined ? { torn } : {}) })) {
      throw new JournalImportRefusal('corrupt', `${name} is ${NOT_A_JOURNAL}; nothing was imported`, [{ file: name, line: 1, column: 1, path: '', message: NOT_A_JOURNAL }]);
    }
    if (torn !== undefined) {
      // parseJournal sets aside only the last line that holds anything.
      const lines = text.split('\n');
      let line = lines.length;
      while (line > 1 && lines[line - 1]!.trim() === '') line--;
      located.push({ file: name, line, column: 1, path: '', message: 'the line is cut off (the file ends in the middle of an entry)' });
    }
    if (located.length > 0) {
      located.sort((a, b) => a.line - b.line);
      const first = located[0]!;
      const more = located.length > 1 ? ` (and ${located.length - 1} more problem${located.length > 2 ? 's' : ''})` : '';
      throw new JournalImportRefusal('corrupt', `${name} is damaged: line ${first.line}: ${first.message}${more}; nothing was imported`, located);
    }
    const started = entries[0] as SessionStarted | undefined;
    if (!started) throw new JournalImportRefusal('corrupt', `${name} holds no journal entry; nothing was imported`, []);
    const sessionId = started.sessionId;
    if (!SESSION_ID.test(sessionId)) {
      throw new JournalImportRefusal('corrupt', `${name} line 1: ${JSON.stringify(sessionId.slice(0, 80))} is not a session id Firedrill stores; nothing was imported`, [
        { file: name, line: 1, column: 1, path: 'sessionId', message: 'not a session id (letters, digits, . _ -, at most 80)' },
      ]);
    }
    const exists = () => existsSync(this.journalPath(sessionId)) || existsSync(this.archivedPath(sessionId));
    if (exists()) throw new StorageError('conflict', `a session ${sessionId} already exists here (${name} was imported before, or comes from this data folder); nothing was imported`);

    const { scenario, plan } = withVersions(worlds, this.versions)(started);
    if (!scenario) throw new StorageError('not-found', `${name} is a drill of scenario "${started.scenarioId}", which is not in the library: import the scenario file first, then the journal`);
    if (!plan) throw new StorageError('not-found', `${name} was recorded with plan "${started.planId}", which is not in the library: import the plan file first, then the journal`);
    let session: Session;
    try {
      session = Session.replay(entries, plan, scenario);
    } catch (error) {
      if (error instanceof JournalMismatch) throw new StorageError('mismatch', `${name} cannot be imported: ${error.message}`);
      throw error;
    }
    if (!session.context.ended) session.record({ type: 'session.ended', reason: 'imported before it was ended' }, { wallTime, actor: FACILITATOR });

    const lock = this.lock(sessionId);
    try {
      if (exists()) throw new StorageError('conflict', `a session ${sessionId} already exists here; nothing was imported`);
      const path = this.journalPath(sessionId);
      this.keepVersions(session);
      writeFileAtomic(path, journalText(session.journal));
      return { session, summary: this.summaryOf(path, sessionId, false, worlds) };
    } finally {
      lock.release();
    }
  }

  /**
   * The stored sessions, newest first: `archived` true for archived only, false for active only.
   * Read from the session index (sessions/index.json), which reads each journal once and then
   * only what was appended to it; `worlds` lets an ended session be scored, once.
   */
  list(filter: { archived?: boolean } = {}, worlds?: WorldLookup): SessionSummary[] {
    const index = SessionIndex.load(this.indexPath);
    const seen = new Set<string>();
    const summaries: SessionSummary[] = [];
    for (const [dir, archived] of [[this.paths.sessions, false], [this.paths.archive, true]] as const) {
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        if (!name.endsWith(JOURNAL) || name.startsWith('.')) continue;
        const path = join(dir, name);
        seen.add(this.indexKey(path));
        if (filter.archived !== undefined && filter.archived !== archived) continue;
        const sessionId = name.slice(0, -JOURNAL.length);
        const openIn = archived ? undefined : lockHolder(this.lockPath(sessionId));
        summaries.push({ ...this.indexedSummary(index, path, sessionId, archived, worlds), ...(openIn !== undefined ? { openIn } : {}) });
      }
    }
    // Journals gone since (deleted, archived, moved) are forgotten.
    index.keepOnly(seen);
    index.save();
    return summaries.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id));
  }

  private get indexPath(): string {
    return join(this.paths.sessions, 'index.json');
  }

  private indexKey(path: string): string {
    return relative(this.paths.root, path).split('\\').join('/');
  }

  /** One journal's summary, through the session index. */
  private summaryOf(path: string, sessionId: string, archived: boolean, worlds?: WorldLookup): SessionSummary {
    const index = SessionIndex.load(this.indexPath);
    const summary = this.indexedSummary(index, path, sessionId, archived, worlds);
    index.save();
    return summary;
  }

  /** One journal's summary from its index record (brought up to date); an ended session is scored once. */
  private indexedSummary(index: SessionIndex, path: string, sessionId: string, archived: boolean, worlds?: WorldLookup): SessionSummary {
    const key = this.indexKey(path);
    let record: IndexedJournal;
    try {
      record = index.refresh(key, path);
    } catch (error) {
      return { ...emptySummary(sessionId, archived), problem: `the journal cannot be read: ${fileProblem(error)}` };
    }
    const summary = summaryFrom(record, sessionId, archived, worlds);
    if (summary.state === 'ended' && record.score === null && !summary.problem && worlds) {
      const score = scoreOf(path, sessionId, worlds);
      if (score !== undefined) {
        index.setScore(key, score);
        summary.score = score;
      }
    }
    return summary;
  }

  /** Moves a session to sessions/archive/: kept for its scorecard and reports, not resumed. */
  archive(sessionId: string): void {
    checkId(sessionId);
    const path = this.journalPath(sessionId);
    if (!existsSync(path)) {
      if (existsSync(this.archivedPath(sessionId))) throw new StorageError('conflict', `session ${sessionId} is already archived`);
      throw new StorageError('not-found', `there is no session ${sessionId}`);
    }
    const lock = this.lock(sessionId);
    try {
      mkdirSync(this.paths.archive, { recursive: true });
      moveWithCorrupt(path, this.archivedPath(sessionId));
    } finally {
      lock.release();
    }
  }

  /** Moves a session (active or archived) to the trash folder; returns its path there. */
  delete(sessionId: string): string {
    checkId(sessionId);
    const path = [this.journalPath(sessionId), this.archivedPath(sessionId)].find((p) => existsSync(p));
    if (!path) throw new StorageError('not-found', `there is no session ${sessionId}`);
    const lock = this.lock(sessionId);
    try {
      mkdirSync(this.paths.trash, { recursive: true });
      const target = freeName(this.paths.trash, sessionId);
      moveWithCorrupt(path, target);
      return target;
    } finally {
      lock.release();
    }
  }
}

function checkId(sessionId: string): string {
  if (!SESSION_ID.test(sessionId)) throw new StorageError('not-found', `there is no session ${JSON.stringify(sessionId.slice(0, 80))} (not a session id)`);
  return sessionId;
}

/**
 * Reads a journal (line by line: never its whole text) and replays it against the scenario and
 * plan it was recorded with. An edited journal is refused, naming its first altered line; one
 * written before journals were chained replays, with `unverified` saying so.
 */
function replayFile(path: string, sessionId: string, worlds: WorldLookup): { session: Session; unverified?: string } {
  const { entries, errors, integrity } = readJournalFile(path);
  const damage = damageOf({ entries: entries.length, errorCount: errors.length, ...(errors[0] ? { firstError: errors[0] } : {}), integrity }, path, sessionId);
  if (damage) throw damage;
  try {
    const session = beginReplay(entries[0], sessionId, worlds);
    for (const entry of entries.slice(1)) session.replayEntry(entry);
    return { session, ...(integrity.status === 'unverified' ? { unverified: UNVERIFIED_WARNING } : {}) };
  } catch (error) {
    if (error instanceof JournalMismatch) throw mismatch(sessionId, error);
    throw error;
  }
}

/** Why a checked journal cannot be opened (a damaged line, an edit), or undefined. */
function damageOf(check: JournalCheck, path: string, sessionId: string): StorageError | undefined {
  const first = check.firstError;
  if (first) {
    const more = check.errorCount > 1 ? ` (and ${check.errorCount - 1} more problem${check.errorCount > 2 ? 's' : ''})` : '';
    return new StorageError('corrupt', `the journal of session ${sessionId} is damaged: ${basename(path)} line ${first.line}: ${first.message}${more}`);
  }
  if (check.integrity.status === 'edited') return new StorageError('edited', `session ${sessionId} cannot be opened: ${integrityMessage(check.integrity, basename(path))}`);
  return undefined;
}

/** Starts replaying a stored journal from its first entry, against the scenario and plan it names. */
function beginReplay(started: JournalEntry | undefined, sessionId: string, worlds: WorldLookup): Session {
  if (!started) throw new StorageError('corrupt', `the journal of session ${sessionId} is empty`);
  if (started.type !== 'session.started') throw new StorageError('corrupt', `the journal of session ${sessionId} does not start with session.started`);
  const { scenario, plan } = worlds(started);
  if (!scenario) throw new StorageError('not-found', `session ${sessionId} is of scenario "${started.scenarioId}", which is not in the library; import its scenario file to open it`);
  if (!plan) throw new StorageError('not-found', `session ${sessionId} was recorded with plan "${started.planId}", which is not in the library; import the plan file to open it`);
  return Session.beginReplay(started, plan, scenario);
}

const mismatch = (sessionId: string, error: JournalMismatch) => new StorageError('mismatch', `session ${sessionId} cannot be opened: ${error.message}`);

/** Told once on opening a journal of engine format 1. */
export const UNVERIFIED_WARNING = 'This session was recorded before Firedrill chained its journal entries (engine format 1): whether its journal was edited cannot be checked. Entries recorded from now on are chained.';

/** The overall score of a stored session, or undefined when it cannot be replayed here. */
function scoreOf(path: string, sessionId: string, worlds: WorldLookup): number | undefined {
  try {
    return scoreSession(replayFile(path, sessionId, worlds).session).overallScore;
  } catch (error) {
    if (error instanceof StorageError) return undefined;
    throw error;
  }
}

const emptySummary = (sessionId: string, archived: boolean): SessionSummary => ({
  id: sessionId, name: sessionId, scenarioId: '', planId: '', mode: 'facilitated', participants: {}, startedAt: '', entries: 0,
  state: 'running', ended: false, simTime: 0, score: null, integrity: { status: 'verified' }, archived,
});

/** What the session list shows of an indexed journal. */
function summaryFrom(record: IndexedJournal, sessionId: string, archived: boolean, worlds?: WorldLookup): SessionSummary {
  const digest = record.digest;
  const integrity = integrityOfRecord(record);
  if (!digest) {
    return { ...emptySummary(sessionId, archived), entries: record.read.position, integrity, problem: 'the journal is damaged: it does not start with session.started' };
  }
  const title = worlds?.({ scenarioId: digest.scenarioId, planId: digest.planId } as SessionStarted).scenario?.title ?? digest.scenarioId;
  const problem = record.firstError
    ? `the journal is damaged: line ${record.firstError.line}: ${record.firstError.message}${record.errorCount > 1 ? ` (and ${record.errorCount - 1} more problem${record.errorCount > 2 ? 's' : ''})` : ''}`
    : integrity.status === 'edited' ? `the journal was edited after it was recorded: line ${integrity.line}: ${integrity.message}` : undefined;
  return {
    id: sessionId,
    name: digest.name ?? defaultSessionName(title, digest.startedAt),
    scenarioId: digest.scenarioId,
    planId: digest.planId,
    mode: digest.mode,
    participants: digest.participants,
    startedAt: digest.startedAt,
    entries: record.read.position,
    state: digest.state,
    ended: digest.state === 'ended',
    simTime: digest.simTime,
    score: digest.state === 'ended' ? record.score : null,
    integrity,
    archived,
    ...(problem !== undefined ? { problem } : {}),
  };
}

/** Moves a journal and its .corrupt companion, if any, side by side. */
function moveWithCorrupt(from: string, to: string): void {
  const corrupt = corruptPathOf(from);
  if (existsSync(corrupt)) moveFile(corrupt, corruptPathOf(to));
  moveFile(from, to);
}

/** `<id>.jsonl` in the folder, or `<id>.2.jsonl`... if a session of that id was trashed before. */
function freeName(dir: string, sessionId: string): string {
  for (let n = 1; ; n++) {
    const path = join(dir, `${sessionId}${n === 1 ? '' : `.${n}`}${JOURNAL}`);
    if (!existsSync(path) && !existsSync(corruptPathOf(path))) return path;
  }
}

/** The engine format its first line says a journal was written in, if it says one. */
function engineFormatOf(text: string): unknown {
  const newline = text.indexOf('\n');
  try {
    return (JSON.parse((newline === -1 ? text : text.slice(0, newline)).replace(/^\uFEFF/, '')) as { engineFormat?: unknown } | null)?.engineFormat;
  } catch {
    return undefined;
  }
}
