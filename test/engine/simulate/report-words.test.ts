import { describe, expect, it } from 'vitest';
import { documentToMarkdown } from '../../../engine/report/document-markdown.js';
import { lowScoreText, sensitivityNotes, simulationDocument } from '../../../engine/report/simulation-document.js';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import { bundledWorld, modelFrom } from '../../helpers/simulation.js';

// The stress test report read by a programme owner: durations written one way (the app's, "1 h",
// "15 min"), and every figure explained where it stands.

const world = bundledWorld('ransomware-production-db');
const report = simulateHere({ ...world, runs: 20, seed: 4 }, { model: modelFrom(world, 'id: late\nseverity: { late: { probability: 0.5, by: 30m } }\n') });
const markdown = documentToMarkdown(simulationDocument(report));

describe('the stress test report in words', () => {
  it('writes the deadlines\' durations as every other figure is written, never in the file syntax', () => {
    expect(report.breaches.find((b) => b.id === 'severity')!.title).toBe('Severity declared within 15 min of detection (Sev 1, Critical)');
    expect(report.breaches.find((b) => b.id === 'duty:customer-notification')!.title).toBe('Notify affected customers (due 3 d after detection)');
    expect(markdown).not.toMatch(/\b\d+[mhd]\b/);
  });

  it('says when the severity deadline is, and what each headline percentile means where it stands', () => {
    expect(report.breaches.find((b) => b.id === 'duty:executive-briefing')).toBeDefined();
    expect(report.breaches.map((b) => b.title)).toContain('Open the incident bridge (due at the severity deadline, 15 min after detection)');
    expect(report.breaches.map((b) => b.title)).toContain('Protect the backups from deletion and encryption (due 30 min after the severity deadline, 45 min after detection)');
    const recover = simulationDocument(report).blocks.flatMap((b) => (b.type === 'figures' ? b.figures : [])).find((f) => f.id === 'recovered')!;
    expect(recover.definition).toMatch(/^nine runs in ten within .+ \(p90\), 19 in 20 within .+ \(p95\); mean .+; reached in 100% of 20 runs$/);
  });

  it('says what the score\'s percentiles mean, and that the comparison\'s means are over the runs both models reached', () => {
    expect(report.definitions.times).toMatch(/for the score: .*scored no more than/);
    expect(markdown).toMatch(/\| Overall score \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| — \| — \|/);
    expect(report.definitions.comparison).toContain('over the runs where both reached it');
  });

  it('says what a full 10th percentile means, rather than "scored 100 or less"', () => {
    expect(lowScoreText(72.5, 'drill')).toBe('one drill in ten scored 72.5 or less');
    expect(lowScoreText(100, 'drill')).toBe('nine drills in ten or more scored the full 100');
    expect(lowScoreText(100, 'run')).toBe('nine runs in ten or more scored the full 100');
  });
});

describe('what the tornado leaves out, in words', () => {
  it('says too few drills recovered to rank anything, rather than that nothing in the model varies', () => {
    const one = simulateHere({ ...bundledWorld('public-test-bucket'), runs: 1, seed: 1 });
    expect(sensitivityNotes(one, 'drill')).toEqual({ instead: 'Only 1 drill recovered: too few to rank what moves recovery, which takes 20 at least (two in the lowest and two in the highest tenth of each input). Run more drills.', leftOut: null });
    expect(documentToMarkdown(simulationDocument(one))).toContain('Only 1 run recovered: too few to rank what moves recovery');
  });

  it('counts the inputs left out as within chance beside a ranking', () => {
    const some = simulateHere({ ...bundledWorld('public-test-bucket'), runs: 40, seed: 1 });
    const { instead, leftOut } = sensitivityNotes(some, 'drill');
    expect(instead).toBeNull();
    expect(leftOut).toBe(`Left out: ${some.sensitivity.withinChance} inputs that vary moved it by no more than chance could over 40 drills.`);
  });
});

describe('a time no run reached', () => {
  const world = bundledWorld('ransomware-production-db');
  const blind = simulateHere({ ...world, runs: 20, seed: 1, model: modelFrom(world, 'id: blind\ntitle: Blind\nroles: { cloud-security-analyst: { people: 1 }, it-operations: { onCall: 30m } }\nwhatIf: { off: { channels: [cloud-finding] } }\n') });

  it('says that no run reached it, rather than "nine runs in ten within —"', () => {
    expect(blind.timeToContainMinutes.p50).toBeNull();
    const contain = simulationDocument(blind).blocks.flatMap((b) => (b.type === 'figures' ? b.figures : [])).find((f) => f.id === 'contained')!;
    expect(contain.definition).toBe('no run reached it (0% of 20 runs)');
  });

  it('names a model sent by the app (its source is its title) once', () => {
    const sent = { ...blind, model: { id: 'stress-test', title: 'IT Operations on call after 30 min', source: 'IT Operations on call after 30 min' } };
    const words = documentToMarkdown(simulationDocument(sent));
    expect(words).toContain('Model: IT Operations on call after 30 min.');
    expect(words).not.toContain('(IT Operations on call after 30 min)');
  });
});
