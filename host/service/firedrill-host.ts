import type { AccessTokens } from './access-tokens.js';
import { CommandFailure } from './command-failure.js';
import { LibraryService } from './library-service.js';
import { ReportService } from './report-service.js';
import { LobbyService } from './lobby-service.js';
import type { CommandParams, LanStatus } from '../../engine/protocol/index.js';
import { SessionService, type HostEvents } from './session-service.js';
import { SimulationService, type SimulationRunner } from './simulation-service.js';
import { StudioService } from './studio-service.js';
import type { HostTasks } from './work/tasks.js';
import { WorkerPool } from './work/worker-pool.js';
import { workerScript, WORKERS as WORKER_SCRIPTS } from '../threads/worker-script.js';

export interface HostOptions {
  dataDir: string;
  events: HostEvents;
  /** The wall clock, in ms since the epoch: the engine never reads it, the host does. */
  now?: () => number;
  /** Where unexpected errors (bugs, a journal that would not close) are reported. */
  logError?: (message: string) => void;
  /** The tokens of a served host (`firedrill serve`); the desktop app has windows instead. */
  tokens?: AccessTokens;
  /** Runs simulate.start's simulations: by default on simulation worker threads (tests may stand in). */
  simulate?: SimulationRunner;
}

/** What listens on the LAN (host/server/lan-listener.ts for firedrill serve): lan.status, lan.start, lan.stop. */
export interface LanControl {
  status(): LanStatus | Promise<LanStatus>;
  start(params: CommandParams<'lan.start'>): Promise<LanStatus>;
  stop(): Promise<LanStatus>;
}

/** Worker threads that validate files and write exports: two, so an export need not wait behind a long import. */
const WORKERS = 2;
/** A worker's heap: a runaway task ends that worker (an error reply), not the process. */
const WORKER_HEAP_MB = 1024;
/**
 * A worker without work for this long stops: its heap holds about 45 MB that a long drill never
 * uses. Not sooner: a new worker takes about 0.5 s to start (1.3 s if it must read the library
 * again), which the next session list or export would wait for.
 */
const WORKER_IDLE_MS = 5 * 60_000;

/**
 * Everything one Firedrill process serves, whatever carries it (`firedrill serve` over
 * Socket.IO, the desktop app over IPC): the library, the sessions and the reports, each a
 * service of its own; the command table (commands/) maps the protocol onto them.
 */
export class FiredrillHost {
  readonly library: LibraryService;
  readonly sessions: SessionService;
  readonly reports: ReportService;
  readonly simulations: SimulationService;
  readonly studio: StudioService;
  readonly lobby: LobbyService;
  /** LAN mode, where this host can listen on the local network (docs/lan.md). */
  lan: LanControl | undefined;

  private readonly tokens: AccessTokens | undefined;
  private readonly pool: WorkerPool<HostTasks>;

  constructor(options: HostOptions) {
    this.tokens = options.tokens;
    this.pool = new WorkerPool<HostTasks>({ size: WORKERS, script: () => workerScript(WORKER_SCRIPTS.host), resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, idleMs: WORKER_IDLE_MS });
    this.library = new LibraryService(options.dataDir, this.pool);
    const logError = options.logError ?? ((message: string) => void process.stderr.write(`${message}\n`));
    this.sessions = new SessionService(options.dataDir, this.library, this.pool, options.events, options.now ?? Date.now, logError);
    this.reports = new ReportService(options.dataDir, this.sessions, this.pool);
    this.simulations = new SimulationService(options.dataDir, this.pool, options.simulate);
    this.studio = new StudioService(options.dataDir, this.library, this.sessions, this.pool, options.now ?? Date.now);
    this.lobby = new LobbyService(this.sessions, options.tokens, options.now ?? Date.now);
  }

  /** The read-only token of a session's projector. */
  projectorToken(sessionId: string): string {
    if (!this.tokens) throw new CommandFailure('refused', 'the desktop app opens the projector in a window of its own (View › Projector); it has no token to give');
    return this.tokens.projectorToken(sessionId);
  }

  /** Moves live sessions' clocks every `everyMs` wall ms; returns the function that stops it. */
  startTicking(everyMs: number, logError: (message: string) => void): () => void {
    return this.sessions.startTicking(everyMs, logError);
  }

  /** Stops the simulations, closes every session (appends under way finish, files are closed, locks released), then the workers. */
  async close(): Promise<void> {
    const simulations = this.simulations.close();
    await this.sessions.close();
    await simulations;
    await this.pool.close();
  }
}
