import { describe, expect, it } from 'vitest';
import { simulateHere } from '../../engine/simulate/simulate.js';
import { stressReportFileName } from '../../renderer/views/stress-report-file.js';
import { bundledWorld } from '../helpers/simulation.js';

// A saved stress test report's name tells apart two runs of one scenario, drills and seed that
// ran with other knobs or another model file: the second no longer replaces the first.

const report = simulateHere({ ...bundledWorld('public-test-bucket'), runs: 20, seed: 7 });
const titled = (title: string) => ({ ...report, model: { id: 'stress-test', title, source: title } });

describe('the name of a saved stress test report', () => {
  it('says the what-if in words, with a digest of the model, and the default model as such', () => {
    const offModel = '{"format":"firedrill-model/1","id":"stress-test","title":"no cloud finding reaches the team","roles":{},"whatIf":{"off":{"channels":["cloud-finding"]}}}';
    expect(stressReportFileName(titled('no cloud finding reaches the team'), offModel, 'json')).toMatch(/^firedrill-stress-test-public-test-bucket-no-cloud-finding-reaches-the-team-[0-9a-f]{8}-20-runs-seed-7\.json$/);
    expect(stressReportFileName(report, undefined, 'md')).toBe('firedrill-stress-test-public-test-bucket-default-model-20-runs-seed-7.md');
  });

  it('differs for two model files of the same title, and is the same for the same model', () => {
    const a = 'format: firedrill-model/1\nid: night\ntitle: Night shift\nroles: { it-operations: { people: 1 } }\n';
    const b = 'format: firedrill-model/1\nid: night\ntitle: Night shift\nroles: { it-operations: { people: 2 } }\n';
    const named = (model: string) => stressReportFileName(titled('Night shift'), model, 'json');
    expect(named(a)).not.toBe(named(b));
    expect(named(a)).toBe(named(a));
    expect(named(a)).toMatch(/^firedrill-stress-test-public-test-bucket-night-shift-[0-9a-f]{8}-20-runs-seed-7\.json$/);
  });

  it('keeps a long or foreign title short and to letters, digits and hyphens', () => {
    const name = stressReportFileName(titled('Cloud Security Analyst: 3 people; Légal & Compliance Officer on call after 30 min; no SIEM alert reaches the team'), 'x', 'json');
    expect(name).toMatch(/^firedrill-stress-test-public-test-bucket-cloud-security-analyst-3-people-legal-compliance-[0-9a-f]{8}-20-runs-seed-7\.json$/);
  });
});
