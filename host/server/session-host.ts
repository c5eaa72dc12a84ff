import { ClockDriver } from '../../engine/session/driver.js';
import { Session } from '../../engine/session/session.js';
import { FACILITATOR } from '../../engine/format/script.js';
import type { JournalEntry, SessionStarted } from '../../engine/session/journal.js';
import type { Library } from '../../engine/validate/index.js';
import type { CommandParams, CommandResults } from '../../engine/protocol/index.js';
import type { SessionView } from '../../engine/protocol/view.js';
import { scoreSession } from '../../engine/scoring/score.js';
import { afterActionReport } from '../../engine/report/aar.js';
import type { ImprovementEdit } from '../../engine/report/improvement-plan.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { EXPORT_MEDIA_TYPES, exportFileName, type ExportFormat } from '../../engine/report/export-formats.js';
import type { ExportedFile } from '../../engine/protocol/results.js';
import { collectDrills, sessionFiles } from '../history/collect-drills.js';
import { drillHistory } from '../../engine/report/drill-history.js';
import { ImprovementStore } from '../storage/improvement-store.js';
import { lookupIn, SessionStore, type WorldLookup } from '../storage/session-store.js';
import { newSessionId } from '../storage/session-id.js';
import { importLibraryFile, listLibrary, loadBundledForHost, loadCombinedLibrary, loadScenarioWorld, removeLibraryFile, showLibraryDocument, type CombinedLibrary } from '../library/user-library.js';
import { CommandFailure, asCommandFailure } from './command-failure.js';
import { LiveSession } from './live-session.js';

/** Wall milliseconds between two ticks beyond which the machine is taken to have slept. */
export const SLEEP_GAP_MS = 15_000;

/** Where the host sends what changed, for the transport to pass on to a session's clients. */
export interface HostEvents {
  update(sessionId: string, view: SessionView): void;
  closed(sessionId: string, reason: string): void;
}

export interface SessionHostOptions {
  dataDir: string;
  events: HostEvents;
  /** The wall clock, in ms since the epoch: the engine never reads it, the host does. */
  now?: () => number;
}

/**
 * The sessions a host process runs, whatever the transport (WebSocket now, Electron IPC later):
 * it starts and resumes sessions from their journals, records inputs (applied, appended with
 * fsync, then answered), drives their clocks and serves the library. Errors come out as
 * CommandFailure with a message for the person.
 */
export class SessionHost {
  readonly store: SessionStore;
  private readonly improvements: ImprovementStore;
  private readonly now: () => number;
  private readonly live = new Map<string, LiveSession>();
  private lastTick: number | undefined;
  private readonly opening = new Map<string, Promise<{ live: LiveSession; warnings: string[] }>>();
  private bundled: Library | undefined;
  private combined: CombinedLibrary | undefined;
  private readonly worlds = new Map<string, Library>();

  constructor(private readonly options: SessionHostOptions) {
    this.store = new SessionStore(options.dataDir);
    this.improvements = new ImprovementStore(options.dataDir);
    this.now = options.now ?? Date.now;
  }

  // --- the library -------------------------------------------------------------------------

  private bundledLibrary(): Library {
    this.bundled ??= loadBundledForHost();
    return this.bundled;
  }

  /** Bundled plus the user's folder; read once, again after an import or a removal. */
  library(): CombinedLibrary {
    this.combined ??= loadCombinedLibrary(this.options.dataDir, this.bundledLibrary());
    return this.combined;
  }

  private libraryChanged(): void {
    this.combined = undefined;
    this.worlds.clear();
  }

  /**
   * The plan and scenario of one session. Reading only the files it needs keeps opening a
   * session fast (the whole library takes seconds to validate); the whole library is the fallback.
   */
  private worldOf(scenarioId: string): Library {
    if (this.combined) return this.combined.library;
    let world = this.worlds.get(scenarioId);
    if (!world) {
      world = loadScenarioWorld(this.options.dataDir, scenarioId) ?? this.library().library;
      this.worlds.set(scenarioId, world);
    }
    return world;
  }

  private readonly lookup: WorldLookup = (started: SessionStarted) => lookupIn(this.worldOf(started.scenarioId))(started);

  listLibrary(): CommandResults['library.list'] {
    return listLibrary(this.library());
  }

  showLibrary(params: CommandParams<'library.show'>): CommandResults['library.show'] {
    return this.attempt(() => showLibraryDocument(this.library(), params.kind, params.id));
  }

  importLibrary(params: CommandParams<'library.import'>): CommandResults['library.import'] {
    const imported = this.attempt(() => importLibraryFile(this.options.dataDir, this.bundledLibrary(), params));
    this.libraryChanged();
    return imported;
  }

  removeLibrary(params: CommandParams<'library.remove'>): CommandResults['library.remove'] {
    const removed = this.attempt(() => removeLibraryFile(this.options.dataDir, this.bundledLibrary(), params.kind, params.id));
    this.libraryChanged();
    return removed;
  }

  // --- sessions -----------------------------------------------------------------------------

  listSessions(params: CommandParams<'session.list'>): CommandResults['session.list'] {
    return { sessions: this.store.list(params.archived === undefined ? {} : { archived: params.archived }) };
  }

  /** Stores a journal exported from another Firedrill as an ended session of this data folder. */
  importSession(params: CommandParams<'session.import'>): CommandResults['session.import'] {
    const { summary } = this.attempt(() => this.store.import(params.fileName, params.text, this.lookup, new Date(this.now()).toISOString()));
    return { sessionId: summary.id, summary };
  }

  async create(params: CommandParams<'session.create'>): Promise<LiveSession> {
    const world = this.worldOf(params.scenarioId);
    const scenario = world.scenarios.get(params.scenarioId)?.scenario;
    if (!scenario) throw new CommandFailure('not-found', `there is no scenario "${params.scenarioId}" in the library`);
    const planId = params.planId ?? scenario.plan;
    if (planId !== scenario.plan) throw new CommandFailure('refused', `scenario "${scenario.id}" is written for plan "${scenario.plan}", not "${planId}"`);
    const plan = world.plans.get(planId)?.plan;
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
      wallTime: new Date(wall).toISOString(),
    });
    const journal = await this.attemptAsync(() => this.store.create(session));
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
      opening = this.attemptAsync(async () => {
        const { session, journal, warnings } = await this.store.open(sessionId, this.lookup);
        const live = new LiveSession(session, new ClockDriver(session, this.now()), journal);
        this.live.set(sessionId, live);
        return { live, warnings };
      }).finally(() => this.opening.delete(sessionId));
      this.opening.set(sessionId, opening);
      return opening;
    }
    // A second client opening at the same moment joins; the warnings went to the first.
    return { live: (await opening).live, warnings: [] };
  }

  liveSession(sessionId: string): LiveSession {
    const live = this.live.get(sessionId);
    if (!live) throw new CommandFailure('not-open', `session ${sessionId} is not open: open it with session.open`);
    return live;
  }

  /**
   * Records one input: applied to the session (which may refuse it), appended to the journal
   * and fsynced, and only then returned, to be acknowledged. If the disk fails, the session
   * is closed, so that it is reopened from what the journal really holds.
   */
  async record(sessionId: string, take: (driver: ClockDriver, wallNow: number) => JournalEntry, wallNow = this.now()): Promise<CommandResults['session.input']> {
    const live = this.liveSession(sessionId);
    const entry = this.attempt(() => take(live.driver, wallNow));
    try {
      await live.journal.append(entry);
    } catch (error) {
      const failure = asCommandFailure(error) ?? new CommandFailure('storage', String(error));
      await this.drop(sessionId, failure.message);
      throw failure;
    }
    const view = live.view();
    this.publish(live, view);
    return { entry, view };
  }

  input(params: CommandParams<'session.input'>) {
    return this.record(params.sessionId, (driver, wallNow) => driver.record(params.input, wallNow, params.actor));
  }

  end(params: CommandParams<'session.end'>) {
    return this.record(params.sessionId, (driver, wallNow) => driver.record({ type: 'session.ended', ...(params.reason ? { reason: params.reason } : {}) }, wallNow, FACILITATOR));
  }

  async archive(sessionId: string): Promise<void> {
    await this.drop(sessionId, 'the session was archived');
    this.attempt(() => this.store.archive(sessionId));
  }

  async delete(sessionId: string): Promise<string> {
    await this.drop(sessionId, 'the session was deleted (moved to the trash folder)');
    const trashedAs = this.attempt(() => this.store.delete(sessionId));
    // Its edited improvement plan goes with it (an archived session keeps its plan: it still has an AAR).
    this.attempt(() => this.improvements.write(sessionId, null));
    return trashedAs;
  }

  scorecard(sessionId: string): CommandResults['scorecard.get'] {
    const live = this.live.get(sessionId);
    return { scorecard: scoreSession(live ? live.session : this.attempt(() => this.store.read(sessionId, this.lookup))) };
  }

  // --- reports and history -------------------------------------------------------------------

  async exportScorecard(params: CommandParams<'export.scorecard'>): Promise<ExportedFile> {
    const { scorecard } = this.scorecard(params.sessionId);
    // The writers (PDF, DOCX, charts: most of the server's code) load on the first export, not at start-up.
    const { exportScorecard } = await import('../export/scorecard-export.js');
    return exported('scorecard', params.sessionId, params.format, await exportScorecard(scorecard, params.format, { paper: params.paper }));
  }

  async exportAar(params: CommandParams<'export.aar'>): Promise<ExportedFile> {
    const { scorecard } = this.scorecard(params.sessionId);
    const edited = this.attempt(() => this.improvements.read(params.sessionId));
    const { sessionId, format, paper, ...names } = params;
    const { exportAar } = await import('../export/aar-export.js');
    const bytes = await exportAar([scorecard], format, { paper, ...names, ...(edited ? { improvementPlan: edited } : {}) });
    return exported('aar', sessionId, format, bytes);
  }

  improvementPlan(sessionId: string): CommandResults['improvements.get'] {
    return improvementResult(this.scorecard(sessionId).scorecard, this.attempt(() => this.improvements.read(sessionId)));
  }

  saveImprovementPlan(params: CommandParams<'improvements.save'>): CommandResults['improvements.save'] {
    const { scorecard } = this.scorecard(params.sessionId);
    const roles = new Set(scorecard.byRole.map((role) => role.id));
    const stranger = params.items?.findIndex((item) => !roles.has(item.ownerRole)) ?? -1;
    if (stranger >= 0) throw new CommandFailure('bad-request', `items.${stranger}.ownerRole: "${params.items![stranger]!.ownerRole}" is not a role of plan "${scorecard.planId}"`);
    this.attempt(() => this.improvements.write(params.sessionId, params.items));
    return improvementResult(scorecard, params.items);
  }

  /** Every ended drill in the data folder (active and archived), replayed and scored. */
  history(params: CommandParams<'history.get'>): CommandResults['history.get'] {
    const filter = { ...(params.planId ? { plan: params.planId } : {}), ...(params.scenarioId ? { scenario: params.scenarioId } : {}) };
    const collected = collectDrills(sessionFiles(this.options.dataDir), [() => this.library().library], filter);
    return { history: drillHistory(collected.drills, filter), skipped: collected.skipped, running: collected.running.length };
  }

  /**
   * Pauses a running session nobody is watching any more (its last page or window closed):
   * at 600x a closed tab would otherwise let hours of simulated time, timed-out decisions and
   * passed deadlines go by unseen. The pause is journaled like the facilitator's own.
   */
  async pauseUnattended(sessionId: string): Promise<void> {
    const live = this.live.get(sessionId);
    if (!live || live.session.context.paused || live.session.context.ended) return;
    await this.record(sessionId, (driver, wallNow) => driver.pause(wallNow));
  }

  /** Pauses every running session now (the machine is about to sleep, the screen locks). */
  pauseRunning(wallNow = this.now()): Promise<unknown> {
    const running = [...this.live.values()].filter((live) => !live.session.context.paused && !live.session.context.ended);
    // A failed append drops the session and tells its pages (see record): nothing more to do here.
    return Promise.allSettled(running.map((live) => this.record(live.id, (driver, at) => driver.pause(at), wallNow)));
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
      live.driver.tick(wallNow);
      this.publish(live);
    }
  }

  /**
   * Ticks every `everyMs` wall ms (both transports run the host this way); an error in a tick is
   * logged and the next tick goes on. Returns the function that stops it.
   */
  startTicking(everyMs: number, logError: (message: string) => void): () => void {
    const ticker = setInterval(() => {
      try {
        this.tick();
      } catch (error) {
        logError(`Firedrill: internal error while ticking sessions (please report it):\n${(error as Error)?.stack ?? String(error)}`);
      }
    }, everyMs);
    return () => clearInterval(ticker);
  }

  /** Closes every session: appends under way finish, files are closed, locks released. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.live.keys()].map((id) => this.drop(id, 'Firedrill is shutting down')));
  }

  private publish(live: LiveSession, view?: SessionView): void {
    const changed = live.changedView(view);
    if (changed) this.options.events.update(live.id, changed);
  }

  /** Takes a session out of this host (its journal closed, its lock released) and tells its clients. */
  private async drop(sessionId: string, reason: string): Promise<void> {
    const live = this.live.get(sessionId);
    if (!live) return;
    this.live.delete(sessionId);
    try {
      await live.journal.close();
    } finally {
      this.options.events.closed(sessionId, reason);
    }
  }

  private attempt<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw asCommandFailure(error) ?? error;
    }
  }

  private async attemptAsync<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw asCommandFailure(error) ?? error;
    }
  }
}

function exported(what: 'scorecard' | 'aar', sessionId: string, format: ExportFormat, bytes: Buffer): ExportedFile {
  return { fileName: exportFileName(what, sessionId, format), mediaType: EXPORT_MEDIA_TYPES[format], base64: bytes.toString('base64'), bytes: bytes.length };
}

/** The improvement plan of a session's AAR: the edited one if there is one, else the generated one. */
function improvementResult(scorecard: Scorecard, edited: readonly ImprovementEdit[] | null): CommandResults['improvements.get'] {
  const report = afterActionReport([scorecard], edited ? { improvementPlan: edited } : {});
  return { sessionId: scorecard.sessionId, items: report.improvementPlan, edited: edited !== null };
}
