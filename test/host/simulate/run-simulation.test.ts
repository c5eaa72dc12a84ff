import { describe, expect, it, vi } from 'vitest';
import { pathToFileURL } from 'node:url';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import { runSimulation, type SimulationProgress } from '../../../host/simulate/run-simulation.js';
import { SimulationWorkers } from '../../../host/simulate/simulation-workers.js';
import { bundledWorld, modelFrom } from '../../helpers/simulation.js';

// Simulations on worker threads: the same seed gives byte-identical JSON whatever the number
// of workers and however often it is run (each run's draws depend on the seed and its index
// alone, and the report is made from every run in run order); progress is reported as blocks
// finish; and a simulation can be cancelled.

// A small scenario keeps these tests quick; test/cli/simulate.test.ts runs the largest one.
const world = bundledWorld('public-test-bucket');
const request = { ...world, runs: 200, seed: 424_242 };
const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('a simulation on worker threads', () => {
  it('gives byte-identical JSON with one and with two workers, across two runs, and as on the calling thread', async () => {
    const one = json(await runSimulation(request, { workers: 1 }));
    const two = json(await runSimulation(request, { workers: 2 }));
    const again = json(await runSimulation(request, { workers: 2 }));
    expect(two).toBe(one);
    expect(again).toBe(one);
    expect(json(simulateHere(request))).toBe(one);
    const report = JSON.parse(one) as Record<string, unknown>;
    expect(report).toMatchObject({ simulationVersion: 1, scenarioId: 'public-test-bucket', runs: 200, seed: 424_242 });
    for (const time of ['timeToDetectMinutes', 'timeToContainMinutes', 'timeToRecoverMinutes']) expect(Object.keys(report[time] as object)).toEqual(['p50', 'p90', 'p95', 'mean', 'reached']);
    expect((report.breaches as object[]).every((b) => Object.keys(b).join() === 'id,title,probability')).toBe(true);
  });

  it('gives another seed another answer', async () => {
    const [a, b] = await Promise.all([runSimulation({ ...request, runs: 60 }, {}), runSimulation({ ...request, runs: 60, seed: 7 }, {})]);
    expect(a.timeToRecoverMinutes).not.toEqual(b.timeToRecoverMinutes);
  });

  it('compares two models run by run, the same with any number of workers', async () => {
    const compare = { model: modelFrom(world, 'id: one-more-analyst\nwhatIf: { extraPeople: { cloud-security-analyst: 1, it-operations: 1 } }\n'), modelName: 'one more analyst' };
    // People are what this model changes: give the first model one per role, so the second has someone to add.
    const staffed = { ...request, model: modelFrom(world, 'id: one-each\nroles: { cloud-security-analyst: { people: 1 }, it-operations: { people: 1 } }\n') };
    const small = { ...staffed, runs: 120 };
    const one = await runSimulation(small, { workers: 1, compare });
    const two = await runSimulation(small, { workers: 2, compare });
    expect(json(two)).toBe(json(one));
    const recover = one.comparison!.differences.find((d) => d.id === 'timeToRecoverMinutes')!;
    expect(recover.n).toBe(120);
    // More people can only take waiting away: recovery is never slower on average.
    expect(recover.difference!).toBeLessThanOrEqual(0);
    expect(recover.low!).toBeLessThanOrEqual(recover.difference!);
    expect(recover.high!).toBeGreaterThanOrEqual(recover.difference!);
  });

  it('reports progress as blocks of runs finish, up to every run', async () => {
    const seen: SimulationProgress[] = [];
    await runSimulation({ ...request, runs: 90 }, { workers: 2, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual({ done: 90, total: 90 });
    expect(seen.every((p, i) => i === 0 || p.done > seen[i - 1]!.done)).toBe(true);
  });

  it('stops its workers and rejects with an AbortError when cancelled', async () => {
    const controller = new AbortController();
    const running = runSimulation({ ...request, runs: 20_000 }, {
      workers: 2, signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    // Cancelled before it starts: no worker at all.
    await expect(runSimulation(request, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects with the worker\'s error when a worker cannot start', async () => {
    await expect(runSimulation(request, { script: { url: pathToFileURL('/nowhere/simulation-worker.js') } })).rejects.toThrow();
  });
});

describe('the simulation workers a host keeps', () => {
  it('keeps its workers for the next simulation, which gives the same JSON, and stops them on close', async () => {
    const workers = new SimulationWorkers();
    try {
      const first = json(await workers.run(request, { workers: 2 }));
      const threads = workers.threadIds;
      expect(threads).toHaveLength(2);
      // One worker asked for: the warmest is taken, the other waits.
      expect(json(await workers.run(request, { workers: 1 }))).toBe(first);
      expect(json(await workers.run(request, { workers: 2 }))).toBe(first);
      expect(workers.threadIds).toEqual(threads);
    } finally {
      await workers.close();
    }
    expect(workers.threadIds).toEqual([]);
    await expect(workers.run(request, { workers: 1 })).rejects.toThrow(/stopped/);
  });

  it('runs one simulation at a time: the next waits its turn, and a cancel while it waits leaves the first alone', async () => {
    const workers = new SimulationWorkers();
    try {
      const controller = new AbortController();
      const first = workers.run({ ...request, runs: 100 }, { workers: 2 });
      const cancelled = workers.run(request, { workers: 2, signal: controller.signal });
      const third = workers.run({ ...request, runs: 60 }, { workers: 1 });
      controller.abort();
      await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
      expect(json(await first)).toBe(json(simulateHere({ ...request, runs: 100 })));
      expect(json(await third)).toBe(json(simulateHere({ ...request, runs: 60 })));
    } finally {
      await workers.close();
    }
  });

  it('stops the workers of a cancelled simulation (cut off mid-block) and starts new ones for the next', async () => {
    const workers = new SimulationWorkers();
    try {
      await workers.run({ ...request, runs: 40 }, { workers: 1 });
      const before = workers.threadIds;
      const controller = new AbortController();
      await expect(workers.run({ ...request, runs: 20_000 }, { workers: 1, signal: controller.signal, onProgress: () => controller.abort() })).rejects.toMatchObject({ name: 'AbortError' });
      expect(workers.threadIds).toEqual([]);
      expect(json(await workers.run(request, { workers: 1 }))).toBe(json(simulateHere(request)));
      expect(workers.threadIds).not.toEqual(before);
    } finally {
      await workers.close();
    }
  });

  it('lets a worker go when it has waited idleMs for the next simulation', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const workers = new SimulationWorkers({ idleMs: 60_000 });
    try {
      await workers.run({ ...request, runs: 40 }, { workers: 2 });
      expect(workers.threadIds).toHaveLength(2);
      vi.advanceTimersByTime(59_999);
      expect(workers.threadIds).toHaveLength(2);
      vi.advanceTimersByTime(1);
      expect(workers.threadIds).toEqual([]);
    } finally {
      vi.useRealTimers();
      await workers.close();
    }
  });
});
