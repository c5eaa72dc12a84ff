import type { SimulationReport } from '../../engine/simulate/report.js';
import type { SimulationRequest } from '../../engine/simulate/setup.js';
import { SimulationWorkers, type SimulationOptions, type SimulationWorkersOptions } from './simulation-workers.js';

export { defaultWorkers, type SimulationProgress } from './simulation-workers.js';

export type RunSimulationOptions = SimulationOptions & SimulationWorkersOptions;

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
