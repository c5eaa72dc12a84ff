import { describe, expect, it } from 'vitest';
import { readSimulationReport } from '../../../engine/simulate/read-report.js';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import { bundledWorld, modelFrom } from '../../helpers/simulation.js';

// A saved stress test report read back: the same report, whatever wrote it; anything else refused
// in one line that names the file and, where it can, the line, column and field.

const world = bundledWorld('public-test-bucket');
const report = simulateHere({ ...world, runs: 12, seed: 5 });
const saved = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const problem = (fileName: string, text: string) => {
  const read = readSimulationReport(fileName, text);
  if (read.ok) throw new Error(`${fileName} was read`);
  expect(read.problem).not.toContain('\n');
  return read.problem;
};

describe('reading a saved stress test report', () => {
  it('gives back the report saved, which saves again as the same text; with a BOM, and with a comparison too', () => {
    const compared = simulateHere({ ...world, runs: 12, seed: 5 }, { model: modelFrom(world, 'id: night\ntitle: The night shift\n') });
    for (const value of [report, compared]) {
      const read = readSimulationReport('r.json', `\uFEFF${saved(value)}`);
      expect(read).toEqual({ ok: true, report: value });
      expect(read.ok && saved(read.report)).toBe(saved(value));
    }
  });

  it('says what is wrong, naming the file, and where', () => {
    expect(problem('empty.json', ' \n')).toBe('empty.json: the file is empty, not a stress test report (save one from the Stress test as JSON, or write one with firedrill simulate --format json)');
    expect(problem('list.json', '[1, 2]')).toMatch(/^list\.json: not a stress test report: it holds a list, not a report/);
    expect(problem('journal.json', '{"type":"session.started"}')).toMatch(/^journal\.json: not a stress test report: it is JSON of another kind, with no simulationVersion field/);
    expect(problem('old.json', saved({ ...report, simulationVersion: 0 }))).toBe('old.json: simulationVersion: the report is of simulation version 0; this Firedrill opens reports of version 1');
    const histogram = report.histograms.timeToRecoverMinutes;
    const negative = { ...report, histograms: { ...report.histograms, timeToRecoverMinutes: histogram.map((bin, i) => (i === 0 ? { ...bin, count: -1 } : bin)) } };
    const text = saved(negative);
    const line = text.slice(0, text.indexOf('"count": -1')).split('\n').length;
    expect(problem('negative.json', text)).toMatch(new RegExp(`^negative\\.json:${line}:\\d+ histograms\\.timeToRecoverMinutes\\[0\\]\\.count: `));
    const { runs: _runs, seed: _seed, ...twoMissing } = report;
    expect(problem('missing.json', saved(twoMissing))).toMatch(/^missing\.json:1:1 runs: is required .*\(and 1 more problem\)$/);
  });
});
