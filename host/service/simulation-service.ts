import type { CommandParams, CommandResults } from '../../engine/protocol/index.js';
import type { ExportedFile } from '../../engine/protocol/results.js';
import { EXPORT_MEDIA_TYPES } from '../../engine/report/export-formats.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import type { SimulationRequest } from '../../engine/simulate/setup.js';
import { SimulationWorkers, type SimulationOptions } from '../simulate/simulation-workers.js';
import { CommandFailure } from './command-failure.js';
import type { ClientSessions } from './connection.js';
import type { HostTasks } from './work/tasks.js';
import type { WorkerPool } from './work/worker-pool.js';

type Starter = Pick<ClientSessions, 'notify' | 'whenClosed'>;

/** Runs a simulation: the host's SimulationWorkers, or a stand-in in tests. */
export type SimulationRunner = (request: SimulationRequest, options: SimulationOptions) => Promise<SimulationReport>;

/** How long the host keeps a simulation worker waiting for the next simulation (what-if after what-if): then its memory is given back. */
const SIMULATION_WORKER_IDLE_MS = 5 * 60_000;

/**
 * The simulations the app asks for (simulate.start): the model checked in the host's worker,
 * the runs played on simulation worker threads at a lower priority than the thread serving
 * clients, progress sent to the connection that started it, and cancelled by simulate.cancel,
 * by that connection going away, or by the host closing. The workers are kept a while between
 * simulations, so the next one starts with the engine's code already compiled.
 */
export class SimulationService {
  private readonly running = new Map<string, { starter: Starter; controller: AbortController }>();

  private readonly workers = new SimulationWorkers({ background: true, idleMs: SIMULATION_WORKER_IDLE_MS });
  private readonly runner: SimulationRunner;

  constructor(
    private readonly dataDir: string,
    private readonly pool: WorkerPool<HostTasks>,
    runner?: SimulationRunner,
    private readonly options: Pick<SimulationOptions, 'workers'> = {},
  ) {
    this.runner = runner ?? ((request, options) => this.workers.run(request, options));
  }

  async start(params: CommandParams<'simulate.start'>, starter: Starter): Promise<CommandResults['simulate.start']> {
    const { simulationId, ...asked } = params;
    if (this.running.has(simulationId)) throw new CommandFailure('conflict', `a simulation "${simulationId}" is already running: name each simulation anew`);
    const controller = new AbortController();
    this.running.set(simulationId, { starter, controller });
    const forget = starter.whenClosed(() => controller.abort());
    try {
      const { request, notes } = await this.pool.run('simulation.request', this.dataDir, asked);
      const report = await this.runner(request, {
        ...this.options,
        signal: controller.signal,
        onProgress: ({ done, total }) => starter.notify('simulation.progress', { simulationId, done, total }),
      });
      return { simulationId, report, notes };
    } catch (error) {
      if (controller.signal.aborted) throw new CommandFailure('cancelled', `simulation "${simulationId}" was cancelled`);
      throw error;
    } finally {
      forget();
      this.running.delete(simulationId);
    }
  }

  /** The default model's team for a scenario, worked out in the host's worker (it builds the simulation's policy). */
  defaults(scenarioId: string): Promise<CommandResults['simulate.defaults']> {
    return this.pool.run('simulation.defaults', this.dataDir, scenarioId);
  }

  /**
   * A stress test report as the HTML `firedrill simulate --format html` writes, drawn in the
   * host's worker (the charts' library loads there at the first export). The page names the
   * file it saves; this name is for a client that does not.
   */
  async exportHtml({ report, paper }: CommandParams<'export.simulation'>): Promise<ExportedFile> {
    const bytes = await this.pool.run('export.simulation', report, paper);
    return {
      fileName: `firedrill-stress-test-${report.scenarioId}-${report.runs}-runs-seed-${report.seed}.html`,
      mediaType: EXPORT_MEDIA_TYPES.html,
      base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
      bytes: bytes.byteLength,
    };
  }

  /** Stops a simulation the same connection started; `cancelled` is false when there was none (it had finished). */
  cancel(simulationId: string, starter: Starter): CommandResults['simulate.cancel'] {
    const entry = this.running.get(simulationId);
    if (!entry || entry.starter !== starter) return { simulationId, cancelled: false };
    entry.controller.abort();
    return { simulationId, cancelled: true };
  }

  /** Stops every simulation and the workers (the host is closing). */
  async close(): Promise<void> {
    for (const { controller } of this.running.values()) controller.abort();
    await this.workers.close();
  }
}
