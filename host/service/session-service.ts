import { ClockDriver } from '../../engine/session/driver.js';
import { Session } from '../../engine/session/session.js';
import { FACILITATOR } from '../../engine/format/script.js';
import type { JournalEntry } from '../../engine/session/journal.js';
import { defaultSessionName } from '../../engine/session/journal-digest.js';
import type { CommandParams, CommandResults } from '../../engine/protocol/index.js';
import type { SessionView } from '../../engine/protocol/view.js';
import { audienceView } from '../../engine/protocol/audience-view.js';
import type { AudienceKey, AudienceView } from '../../engine/protocol/audience.js';
import { SessionStore, type WorldLookup } from '../storage/session-store.js';
import { fileProblem, StorageError } from '../storage/storage-error.js';
import { newSessionId } from '../storage/session-id.js';
import { CommandFailure } from './command-failure.js';
import { scenarioOfJournal } from './journal-head.js';
import { scoreSession } from '../../engine/scoring/score.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { LiveSession } from './live-session.js';
import type { LibraryService } from './library-service.js';
import type { HostTasks } from './work/tasks.js';
import type { WorkerPool } from './work/worker-pool.js';

/** Wall milliseconds between two ticks beyond which the machine is taken to have slept. */
export const SLEEP_GAP_MS = 15_000;

/** Where the host sends what changed, for the transport to pass on to a session's clients. */
export interface HostEvents {
  update(sessionId: string, view: SessionView): void;
  closed(sessionId: string, reason: string): void;
  /** The audiences (other than the facilitator) that have someone watching this session: their views are cut and pushed. */
  audiences?(sessionId: string): AudienceKey[];
  /** An audience's view changed. */
  audience?(sessionId: string, key: Exclude<AudienceKey, 'facilitator'>, view: AudienceView): void;
}

/** Takes one input from a live session's clock driver at a wall time: the entry to journal. */
type Take = (driver: ClockDriver, wallNow: number, commandId?: string) => JournalEntry;

/** Who holds a session open: a connection (a page, a window). Told when the host drops the session. */
export interface Holder {
  forget(sessionId: string): void;
}

/**
 * The sessions a host process runs, whatever the transport (Socket.IO or Electron IPC): it
 * starts and resumes sessions from their journals, records inputs (applied, appended with
 * fsync, then answered) and drives their clocks. Refusals come out as the engine's and the
 * storage's own errors; the command dispatcher turns them into replies.
 */
export class SessionService {
  readonly store: SessionStore;
  private readonly live = new Map<string, LiveSession>();
  private readonly opening = new Map<string, Promise<{ live: LiveSession; warnings: string[] }>>();
  /** Who holds each session; a live session nobody holds is released (see letGo). */
  private readonly holders = new Map<string, Set<Holder>>();
  /** Journals being closed by a release: the session is reopened only once its lock is free. */
  private readonly releasing = new Map<string, Promise<void>>();
  private lastTick: number | undefined;
  /**
   * The stored session read() replayed last, while its journal file is unchanged: after a
   * restart every participant's page reconnects, and each is checked against the session
   * (LobbyService.person) before the facilitator has reopened it.
   */
  private replayed: { sessionId: string; stamp: string; session: Session } | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly library: LibraryService,
    private readonly pool: WorkerPool<HostTasks>,
    private readonly events: HostEvents,
    private readonly now: () => number,
    private readonly logError: (message: string) => void,
  ) {
    // A journal opened is checked (read whole, its chain verified) in a worker while this thread replays it in slices.
    this.store = new SessionStore(dataDir, (path) => this.pool.run('journal.check', path));
  }

  async list(params: CommandParams<'session.list'>): Promise<CommandResults['session.list']> {
    const sessions = await this.pool.run('sessions.list', this.dataDir, params.archived === undefined ? {} : { archived: params.archived });
    // A session open here is further on than its journal's last entry: its clock has run since.
    for (const summary of sessions) {
      const live = this.live.get(summary.id);
      if (live && !summary.ended) summary.simTime = live.session.now;
    }
    return { sessions };
  }

  /** Stores a journal exported from another Firedrill as an ended session of this data folder. */
  async import(params: CommandParams<'session.import'>): Promise<CommandResults['session.import']> {
    // Parsing, checking the hash chain and replaying a journal of up to MAX_IMPORT_BYTES: a worker's job.
    const summary = await this.pool.run('session.import', this.dataDir, params.fileName, params.text, new Date(this.now()).toISOString());
    return { sessionId: summary.id, summary };
  }

  /** The lookup of a stored session's scenario and plan, found from its journal's first line. */
  private lookupOf(sessionId: string): Promise<WorldLookup> {
    return this.library.lookupFor(scenarioOfJournal(this.store.journalPaths(sessionId)));
  }

  async create(params: CommandParams<'session.create'>): Promise<LiveSession> {
    const world = await this.library.worldOf(params.scenarioId);
    const scenario = world.scenarios.get(params.scenarioId);
    if (!scenario) throw new CommandFailure('not-found', `there is no scenario "${params.scenarioId}" in the library`);
    const planId = params.planId ?? scenario.plan;
    if (planId !== scenario.plan) throw new CommandFailure('refused', `scenario "${scenario.id}" is written for plan "${scenario.plan}", not "${planId}"`);
    const plan = world.plans.get(planId);
    if (!plan) throw new CommandFailure('not-found', `there is no plan "${planId}" in the library`);
    const roles = new Set(plan.roles.map((role) => role.id));
    const strangers = Object.keys(params.participants).filter((role) => !roles.has(role));
    if (strangers.length > 0) throw new CommandFailure('bad-request', `participants: ${strangers.join(', ')} ${strangers.length === 1 ? 'is not a role' : 'are not roles'} of plan "${plan.id}" (roles: ${[...roles].join(', ')})`);
    const wall = this.now();
    const session = Session.start({
      plan,
      scenario,
      sessionId: newSessionId(wall),
      mode: params.mode,
      speed: params.speed,
      participants: params.participants,
      name: params.name ?? defaultSessionName(scenario.title, new Date(wall).toISOString()),
      wallTime: new Date(wall).toISOString(),
    });
    const journal = await this.store.create(session);
    const live = new LiveSession(session, new ClockDriver(session, this.now()), journal);
    this.live.set(live.id, live);
    return live;
  }

  /** Resumes a stored session (replayed from its journal), or joins it if it is live here. */
  async open(sessionId: string): Promise<{ live: LiveSession; warnings: string[] }> {
    const running = this.live.get(sessionId);
    if (running) return { live: running, warnings: [] };
    let opening = this.opening.get(sessionId);
    if (!opening) {
      opening = (async () => {
        await this.releasing.get(sessionId);
        const { session, journal, warnings } = await this.store.open(sessionId, await this.lookupOf(sessionId));
        const live = new LiveSession(session, new ClockDriver(session, this.now()), journal);
        this.live.set(sessionId, live);
        if (this.replayed?.sessionId === sessionId) this.replayed = undefined;
        return { live, warnings };
      })().finally(() => this.opening.delete(sessionId));
      this.opening.set(sessionId, opening);
      return opening;
    }
    // A second client opening at the same moment joins; the warnings went to the first.
    return { live: (await opening).live, warnings: [] };
  }

  /** Whether the session is live in this host (its journal open, its state in memory). */
  isLive(sessionId: string): boolean {
    return this.live.has(sessionId);
  }

  /**
   * A live session to record in. One still held but released meanwhile (its connection dropped
   * for a moment and was recovered) is reopened from its journal.
   */
  private async attached(sessionId: string): Promise<LiveSession> {
    if ((this.holders.get(sessionId)?.size ?? 0) === 0) throw new CommandFailure('not-open', `session ${sessionId} is not open: open it with session.open`);
    return (await this.open(sessionId)).live;
  }

  /** `holder` has the session open: it stays live (in memory, its journal open) while anyone does. */
  hold(sessionId: string, holder: Holder): void {
    let holders = this.holders.get(sessionId);
    if (!holders) this.holders.set(sessionId, (holders = new Set()));
    holders.add(holder);
  }

  /**
   * `holder` no longer has the session open. Once nobody holds it, the session is released: its
   * journal closed, its memory freed. A running one is paused first (journaled like the
   * facilitator's own pause): at 600x a closed tab would otherwise let hours of simulated time,
   * timed-out decisions and passed deadlines go by unseen. It reopens from its journal.
   */
  letGo(sessionId: string, holder: Holder): void {
    const holders = this.holders.get(sessionId);
    holders?.delete(holder);
    if (holders?.size === 0) this.holders.delete(sessionId);
    if (!this.holders.has(sessionId)) void this.releaseUnheld(sessionId);
  }

  private async releaseUnheld(sessionId: string): Promise<void> {
    const live = this.live.get(sessionId);
    if (!live) return;
    const { paused, ended } = live.session.context;
    if (!paused && !ended) {
      try {
        await this.record(sessionId, (driver, wallNow) => driver.pause(wallNow, undefined, 'page-closed'));
      } catch (error) {
        // A failed append has dropped the session already (see record); a refusal leaves it as it is.
        this.logError(`Firedrill: could not pause unattended session ${sessionId}: ${(error as Error).message}`);
      }
    }
    // Someone opened it again while it was pausing, or the disk failed and it is gone already.
    if (this.holders.has(sessionId) || this.live.get(sessionId) !== live) return;
    this.live.delete(sessionId);
    const closing = live.journal.close().catch((error: unknown) => this.logError(`Firedrill: could not close the journal of session ${sessionId}: ${(error as Error).message}`));
    this.releasing.set(sessionId, closing.finally(() => this.releasing.delete(sessionId)));
    await closing;
  }

  /** A session's scorecard: of the live session here, or replayed from its journal (active or archived) in a worker. */
  async scorecard(sessionId: string): Promise<Scorecard> {
    const live = this.live.get(sessionId);
    return live ? scoreSession(live.session) : this.pool.run('session.scorecard', this.dataDir, sessionId);
  }

  /**
   * A session to read: live here, or replayed from its journal (active or archived). The replay
   * runs on this thread, once for each state of the journal file: only the lobby uses it, to
   * check a participant, whose session is live while the facilitator runs it (and stored only
   * between a restart and the facilitator's reopening it); scorecards and journals of stored
   * sessions come from workers. What it returns is only to be read.
   */
  async read(sessionId: string): Promise<Session> {
    const live = this.live.get(sessionId);
    if (live) return live.session;
    const stamp = this.store.journalStamp(sessionId);
    if (stamp !== undefined && this.replayed?.sessionId === sessionId && this.replayed.stamp === stamp) return this.replayed.session;
    const session = this.store.read(sessionId, await this.lookupOf(sessionId));
    // Stamped before the replay: a journal that grew meanwhile is replayed again next time.
    this.replayed = stamp === undefined ? undefined : { sessionId, stamp, session };
    return session;
  }

  /** Whether the session is live here or has a journal (active or archived): a file check, no replay. */
  exists(sessionId: string): boolean {
    return this.live.has(sessionId) || this.store.journalStamp(sessionId) !== undefined;
  }

  /** A session's journal: of the live session here, or read from its file (active or archived) in a worker. */
  async journal(sessionId: string): Promise<readonly JournalEntry[]> {
    const live = this.live.get(sessionId);
    return live ? live.session.journal : this.pool.run('session.journal', this.dataDir, sessionId);
  }

  /**
   * Records one input: applied to the session (which may refuse it), appended to the journal
   * and fsynced, and only then returned, to be acknowledged. If the disk fails, the session
   * is closed, so that it is reopened from what the journal really holds. A command id already
   * recorded in this session (a double click, a retry, even after a restart: the ids are in the
   * journal) gets the entry it recorded and the view now, and records nothing.
   */
  async record(sessionId: string, take: Take, options: { commandId?: string | undefined; wallNow?: number } = {}): Promise<CommandResults['session.input']> {
    const live = this.live.get(sessionId) ?? (await this.attached(sessionId));
    const { commandId, wallNow = this.now() } = options;
    const repeated = commandId !== undefined ? live.session.entryForCommand(commandId) : undefined;
    let entry: JournalEntry | undefined = repeated;
    let refusal: unknown;
    if (!repeated) {
      try {
        entry = take(live.driver, wallNow, commandId);
      } catch (error) {
        refusal = error;
      }
    }
    // The entry, and any the session recorded on the way (its end at the time limit, even
    // before a refusal), or, for a repeat, the appends under way: on disk before the answer.
    await this.persist(live);
    const view = live.view();
    this.publish(live, view);
    if (!entry) throw refusal;
    return { entry, view };
  }

  /** Appends what the session recorded; a disk that fails closes the session (see record). */
  private async persist(live: LiveSession): Promise<void> {
    try {
      await live.persist();
    } catch (error) {
      const failure = error instanceof StorageError ? error : new StorageError('storage', `the journal could not be written (${fileProblem(error)})`);
      await this.drop(live.id, failure.message);
      throw failure;
    }
  }

  input(params: CommandParams<'session.input'>) {
    return this.record(params.sessionId, (driver, wallNow, commandId) => driver.record(params.input, wallNow, params.actor, commandId), params);
  }

  pause(sessionId: string, commandId?: string) {
    return this.record(sessionId, (driver, wallNow, id) => driver.pause(wallNow, id), { commandId });
  }

  resume(sessionId: string, commandId?: string) {
    return this.record(sessionId, (driver, wallNow, id) => driver.resume(wallNow, id), { commandId });
  }

  jump(sessionId: string, commandId?: string) {
    return this.record(sessionId, (driver, wallNow, id) => driver.jumpToNextStop(wallNow, id), { commandId });
  }

  setSpeed(sessionId: string, speed: number, commandId?: string) {
    return this.record(sessionId, (driver, wallNow, id) => driver.setSpeed(speed, wallNow, id), { commandId });
  }

  end(params: CommandParams<'session.end'>) {
    return this.record(params.sessionId, (driver, wallNow, commandId) => driver.record({ type: 'session.ended', ...(params.reason ? { reason: params.reason } : {}) }, wallNow, FACILITATOR, commandId), params);
  }

  /** Renames a session: through its live session if it is open here, else in its stored journal. */
  async rename(params: CommandParams<'session.rename'>): Promise<CommandResults['session.rename']> {
    const { sessionId, name, commandId } = params;
    await this.openedOrNot(sessionId);
    if (this.live.has(sessionId)) {
      const { entry, view } = await this.record(sessionId, (driver, wallNow, id) => driver.record({ type: 'session.renamed', name }, wallNow, FACILITATOR, id), params);
      return { sessionId, name: view.name ?? name, entry, view };
    }
    const stamp = { wallTime: new Date(this.now()).toISOString(), ...(commandId !== undefined ? { commandId } : {}) };
    const entry = await this.store.rename(sessionId, await this.lookupOf(sessionId), name, stamp);
    return { sessionId, name: entry.type === 'session.renamed' ? entry.name : name, entry };
  }

  async archive(sessionId: string): Promise<void> {
    await this.drop(sessionId, 'the session was archived');
    this.store.archive(sessionId);
  }

  /** Moves the session to the trash folder; returns where it went. */
  async delete(sessionId: string): Promise<string> {
    await this.drop(sessionId, 'the session was deleted (moved to the trash folder)');
    return this.store.delete(sessionId);
  }

  /** Pauses every running session now (the machine is about to sleep, the screen locks). */
  pauseRunning(wallNow = this.now()): Promise<unknown> {
    const running = [...this.live.values()].filter((live) => !live.session.context.paused && !live.session.context.ended);
    // A failed append drops the session and tells its pages (see record): nothing more to do here.
    return Promise.allSettled(running.map((live) => this.record(live.id, (driver, at) => driver.pause(at, undefined, 'machine-asleep'), { wallNow })));
  }

  /**
   * Moves every running session's clock to the wall clock and sends the views that changed.
   * A gap since the last tick longer than SLEEP_GAP_MS means the machine slept (a closed lid):
   * the sessions pause where they were when it went to sleep, rather than jump by the whole
   * sleep with its injects, timed-out decisions and passed deadlines.
   */
  tick(): void {
    const wallNow = this.now();
    const asleepSince = this.lastTick !== undefined && wallNow - this.lastTick > SLEEP_GAP_MS ? this.lastTick : undefined;
    this.lastTick = wallNow;
    if (asleepSince !== undefined) void this.pauseRunning(asleepSince);
    for (const live of this.live.values()) {
      // A paused or ended session's clock stands still: nothing of its view can have changed.
      if (live.session.context.paused || live.session.context.ended) continue;
      // The end at the time limit is an entry like any input: journaled, then shown.
      if (live.driver.tick(wallNow).length > 0) void this.persist(live).then(() => this.publish(live), () => undefined);
      else this.publish(live);
    }
  }

  /**
   * Wall ms until the next tick: `everyMs`, or sooner when a running session has an inject, a
   * decision or a deadline falling due before then (at 600x, 250 ms is 2.5 simulated minutes: a
   * due inject would otherwise wait up to a whole tick to reach the room).
   */
  nextTickIn(everyMs: number, wallNow = this.now()): number {
    let wait = everyMs;
    for (const live of this.live.values()) {
      const due = live.driver.msUntilNextDue(wallNow);
      if (due !== undefined) wait = Math.min(wait, due);
    }
    // A millisecond past the due time, so that the clock has surely reached it.
    return Math.max(1, Math.ceil(wait) + 1);
  }

  /**
   * Ticks every `everyMs` wall ms at most, and when something falls due (nextTickIn); both
   * transports run the host this way. An error in a tick is logged and the next tick goes on.
   * Returns the function that stops it.
   */
  startTicking(everyMs: number, logError: (message: string) => void): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const run = () => {
      let failed = false;
      try {
        this.tick();
      } catch (error) {
        failed = true;
        logError(`Firedrill: internal error while ticking sessions (please report it):\n${(error as Error)?.stack ?? String(error)}`);
      }
      // After a failed tick, the regular pace: never a loop of errors a millisecond apart.
      if (!stopped) timer = setTimeout(run, failed ? everyMs : Math.min(everyMs, this.nextTickIn(everyMs)));
    };
    timer = setTimeout(run, everyMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  /** Closes every session: appends under way finish, files are closed, locks released. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.live.keys(), ...this.releasing.keys(), ...this.opening.keys()].map((id) => this.drop(id, 'Firedrill is shutting down')));
  }

  /**
   * Waits for an opening of the session under way, if any, whatever its outcome: a long journal
   * is replayed in slices, and what comes meanwhile for the same session (archive, delete,
   * rename, shutdown) acts on it once it is open (or failed to open), not on its locked journal.
   */
  private async openedOrNot(sessionId: string): Promise<void> {
    await this.opening.get(sessionId)?.catch(() => undefined);
  }

  /** The live session of this id, if it is live here. */
  liveSession(sessionId: string): LiveSession | undefined {
    return this.live.get(sessionId);
  }

  /**
   * Sends the views that changed: the facilitator's, then each watched audience's, cut from it
   * by the server (engine/protocol/audience-view.ts), each audience's own changed-only cache.
   */
  private publish(live: LiveSession, view?: SessionView): void {
    const changed = live.changedView(view);
    if (!changed) return;
    this.events.update(live.id, changed);
    for (const key of this.events.audiences?.(live.id) ?? []) {
      if (key === 'facilitator') continue;
      const cut = live.changedAudienceView(key, audienceView(live.session, key, changed));
      if (cut) this.events.audience?.(live.id, key, cut);
    }
  }

  /**
   * Takes a session out of this host (its journal closed, its lock released) and tells its
   * clients, who hold it no more.
   */
  private async drop(sessionId: string, reason: string): Promise<void> {
    await this.releasing.get(sessionId);
    await this.openedOrNot(sessionId);
    const live = this.live.get(sessionId);
    if (!live) return;
    this.live.delete(sessionId);
    try {
      await live.journal.close();
    } finally {
      this.events.closed(sessionId, reason);
      for (const holder of this.holders.get(sessionId) ?? []) holder.forget(sessionId);
      this.holders.delete(sessionId);
    }
  }
}
