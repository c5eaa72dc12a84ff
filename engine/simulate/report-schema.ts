import { z } from 'zod';
import { MAX_SEED } from '../stats/random.js';
import { SIMULATION_DEFINITIONS, SIMULATION_VERSION, type SimulationReport } from './report.js';

// A stress test report (SimulationReport) as a schema: what the host checks before drawing a
// report the app sends back (export.simulation), and what the app checks in a report file it
// opens. Its fields are in the order simulationReport() writes them, so a report checked here
// and saved again as JSON is the same text. The limits are far above any real report's.

/** The most bytes of a report's JSON: a real one is 10 to 30 KB. */
export const MAX_SIMULATION_REPORT_BYTES = 512 * 1024;

const text = (max: number) => z.string().max(max);
const finite = z.number();
const count = z.number().int().min(0);
/** A share of the runs: 0 to 1. */
const share = z.number().min(0).max(1);
const orNull = <T extends z.ZodType>(schema: T) => schema.nullable();

const spread = { p50: orNull(finite), p90: orNull(finite), p95: orNull(finite), mean: orNull(finite) };
const timeSpread = z.strictObject({ ...spread, reached: share });
const scoreSpread = z.strictObject({ p5: orNull(finite), p10: orNull(finite), ...spread });
const modelRef = z.strictObject({ id: text(200), title: text(2_000), source: text(4_000) });
const histogram = z.array(z.strictObject({ from: finite, to: finite, count })).max(1_000);
const difference = z.strictObject({
  id: text(500), title: text(2_000), a: orNull(finite), b: orNull(finite), difference: orNull(finite), low: orNull(finite), high: orNull(finite), n: count,
});

export const simulationReportSchema: z.ZodType<SimulationReport> = z.strictObject({
  simulationVersion: z.literal(SIMULATION_VERSION),
  scenarioId: text(200),
  scenarioTitle: text(2_000),
  planId: text(200),
  model: modelRef,
  runs: z.number().int().min(1),
  seed: z.number().int().min(0).max(MAX_SEED),
  timeToDetectMinutes: timeSpread,
  timeToContainMinutes: timeSpread,
  timeToRecoverMinutes: timeSpread,
  overallScore: scoreSpread,
  targets: z.strictObject({ detectMinutes: finite, containMinutes: finite, recoverMinutes: finite }),
  breaches: z.array(z.strictObject({ id: text(500), title: text(2_000), probability: share })).max(2_000),
  criticalPath: z.strictObject({
    common: z.array(z.strictObject({ steps: z.array(text(2_000)).max(2_000), share })).max(100),
    noticingMinutes: finite,
    scenarioMinutes: finite,
  }),
  bottlenecks: z.array(z.strictObject({
    role: text(200), title: text(2_000), people: count, criticalPathMinutes: finite, criticalPathShare: share, waitMinutes: finite,
  })).max(500),
  sensitivity: z.strictObject({
    measure: z.literal('timeToRecoverMinutes'),
    inputs: z.array(z.strictObject({
      id: text(500), title: text(2_000), low: finite, high: finite, swing: finite, margin: finite, lowRuns: count, highRuns: count,
    })).max(100),
    withinChance: count,
  }),
  histograms: z.strictObject({ timeToDetectMinutes: histogram, timeToContainMinutes: histogram, timeToRecoverMinutes: histogram, overallScore: histogram }),
  definitions: z.strictObject(Object.fromEntries(Object.keys(SIMULATION_DEFINITIONS).map((key) => [key, text(5_000)])) as Record<keyof typeof SIMULATION_DEFINITIONS, z.ZodString>),
  comparison: z.strictObject({ model: modelRef, differences: z.array(difference).max(100), breaches: z.array(difference).max(2_000) }).optional(),
});
