// Simulations of many drills: a response model's team plays the scenario again and again through
// the real engine, and the runs are summed up into a report (spreads, deadline breaches, critical
// path, sensitivity). This file runs one on the calling thread; host/simulate spreads it over workers.
import type { ResponseModel } from '../format/model.js';
import { playRuns, type RunRecords } from './run-records.js';
import { compareSimulations, simulationReport, type SimulationReport } from './report.js';
import { prepareSimulation, type Simulation, type SimulationRequest } from './setup.js';

/** A second model to set against the first, run by run with the same seed. */
export interface ComparedModel {
  model?: ResponseModel;
  modelName?: string;
}

/** The report of a simulation whose runs are all recorded (and of the compared model's, if any). */
export function finishSimulation(a: { simulation: Simulation; records: RunRecords }, b?: { simulation: Simulation; records: RunRecords }): SimulationReport {
  const report = simulationReport(a.simulation, a.records);
  return b ? { ...report, comparison: compareSimulations(a, b) } : report;
}

/**
 * Runs a whole simulation on the calling thread. For tests and small runs: the host runs the
 * same runs on worker threads (host/simulate), with the same result byte for byte.
 */
export function simulateHere(request: SimulationRequest, compared?: ComparedModel): SimulationReport {
  const simulation = prepareSimulation(request);
  const a = { simulation, records: playRuns(simulation, 0, request.runs) };
  if (!compared) return finishSimulation(a);
  const other = prepareSimulation({ ...request, ...compared });
  return finishSimulation(a, { simulation: other, records: playRuns(other, 0, request.runs) });
}
