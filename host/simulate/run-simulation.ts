import type { SimulationReport } from '../../engine/simulate/report.js';
import type { SimulationRequest } from '../../engine/simulate/setup.js';
import { SimulationWorkers, type SimulationOptions, type SimulationWorkersOptions } from './simulation-workers.js';

export { defaultWorkers, type SimulationProgress } from './simulation-workers.js';

/** A one-shot simulation's options: its workers are closed when it ends, so they have no idle time to set. */
export type RunSimulationOptions = SimulationOptions & Pick<SimulationWorkersOptions, 'background' | 'script'>;

/**
 * Runs one simulation on worker threads of its own, stopped when it ends: for a command that
 * simulates once (firedrill simulate). The host keeps its SimulationWorkers between simulations.
 */
export async function runSimulation(request: SimulationRequest, options: RunSimulationOptions = {}): Promise<SimulationReport> {
  const { background, script, ...simulation } = options;
  const workers = new SimulationWorkers({ ...(background !== undefined ? { background } : {}), ...(script ? { script } : {}) });
  try {
    return await workers.run(request, simulation);
  } finally {
    await workers.close();
  }
}
