import { beforeAll, describe, expect, it } from 'vitest';
import { afterActionReport, IMPROVEMENT_COMPLETION_DAYS, IMPROVEMENT_START_DAYS } from '../../../engine/report/aar.js';
import { aarDocument } from '../../../engine/report/aar-document.js';
import { documentToMarkdown } from '../../../engine/report/document-markdown.js';
import { playScript } from '../../../engine/session/play-script.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import type { FindingKind, Scorecard } from '../../../engine/scoring/scorecard.js';
import { bundledLibrary, loadableBundledWorlds } from '../../helpers/world.js';

// The after-action report model, built from scorecards alone: root causes and capability
// elements from the kind of each finding, dates from the session date, ratings per objective,
// the facilitator's observations, participants by role.

let cards: Scorecard[] = [];
beforeAll(() => {
  const library = bundledLibrary();
  cards = loadableBundledWorlds().flatMap((world) => ['exemplary', 'flawed'].flatMap((name) => {
    const script = library.scripts.get(world.id)?.get(name)?.script;
    return script ? [scoreSession(playScript(world.plan, world.scenario, script))] : [];
  }));
});

const hasKinds = (card: Scorecard, kinds: FindingKind[]) => kinds.every((k) => card.findings.some((f) => f.kind === k));
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('areas for improvement and the improvement plan', () => {
  it('derive the root cause and the capability element from the kind of finding', () => {
    const card = cards.find((c) => hasKinds(c, ['evidence-destroyed', 'late-detection', 'missed-duty']));
    expect(card, 'a bundled flawed script destroys evidence, detects late and misses a duty').toBeDefined();
    const report = afterActionReport([card!]);
    const areas = report.analysis.flatMap((a) => a.areasForImprovement);
    const of = (kind: string) => areas.find((a) => a.kind === kind)!;
    expect(of('evidence-destroyed')).toMatchObject({ capabilityElement: 'training' });
    expect(of('evidence-destroyed').rootCause).toMatch(/evidence preservation/i);
    expect(of('late-detection')).toMatchObject({ capabilityElement: 'equipment' });
    expect(of('late-detection').rootCause).toMatch(/detection engineering and monitoring/i);
    expect(of('missed-duty')).toMatchObject({ capabilityElement: 'planning' });
    expect(of('missed-duty').rootCause).toMatch(/communications procedures/i);
    // Each carries what was observed, and where (session and journal entries).
    const harmful = card!.harmfulActions[0]!;
    expect(of('evidence-destroyed').observation).toContain(harmful.title);
    expect(of('evidence-destroyed').references[0]).toBe(`session ${card!.sessionId}, journal #${harmful.seq}`);
    expect(of('evidence-destroyed').ownerRole).toBe(harmful.by);
  });

  it('has one corrective action per area, with start and completion dates counted from the session date', () => {
    const card = cards.find((c) => c.areasForImprovement.length > 3)!;
    const report = afterActionReport([card]);
    const areas = report.analysis.flatMap((a) => a.areasForImprovement);
    const day = card.startedAt.slice(0, 10);
    const corrective = report.improvementPlan.filter((i) => i.capabilityElement !== 'exercise');
    expect(corrective.length).toBe(areas.length);
    for (const item of corrective) {
      expect(item.startDate).toBe(addDays(day, IMPROVEMENT_START_DAYS));
      expect(item.completionDate).toBe(addDays(day, IMPROVEMENT_COMPLETION_DAYS[item.capabilityElement]));
      expect(item.ownerTitle).not.toBe('');
    }
    // Objectives rated M or U are re-exercised.
    const weak = report.analysis.filter((a) => a.rating === 'M' || a.rating === 'U');
    expect(report.improvementPlan.filter((i) => i.capabilityElement === 'exercise').length).toBe(weak.length);
    expect(report.improvementPlan.map((i) => i.number)).toEqual(report.improvementPlan.map((_, index) => index + 1));
  });

  it('an exemplary run with nothing to improve has an empty plan and says so', () => {
    const clean = cards.find((c) => c.areasForImprovement.length === 0 && c.observations.every((o) => o.tag !== 'improvement'));
    if (!clean) return; // every bundled exemplary script has some remark: nothing to check
    const report = afterActionReport([clean]);
    expect(report.improvementPlan.filter((i) => i.capabilityElement !== 'exercise')).toEqual([]);
    expect(report.executiveSummary.at(-1)).toBe('No areas for improvement were recorded.');
  });
});

describe('objectives, observations and participants', () => {
  it('rates each objective P, S, M or U as the scorecard does, for one session', () => {
    for (const card of cards.slice(0, 6)) {
      const report = afterActionReport([card]);
      for (const objective of card.objectives) {
        const analysis = report.analysis.find((a) => a.key === `${card.scenarioId}/${objective.id}`)!;
        expect(analysis).toMatchObject({ rating: objective.rating, percent: objective.percent, title: objective.title, capability: objective.capability });
      }
    }
  });

  it('rates an objective of several sessions from the mean of their scores', () => {
    const scenario = cards.find((c) => c.sessionId.endsWith('.flawed'))!.scenarioId;
    const both = cards.filter((c) => c.scenarioId === scenario);
    expect(both).toHaveLength(2);
    const report = afterActionReport(both);
    const objective = both[0]!.objectives[0]!;
    const analysis = report.analysis.find((a) => a.key === `${scenario}/${objective.id}`)!;
    const percents = both.map((c) => c.objectives.find((o) => o.id === objective.id)!.percent!);
    expect(analysis.percent).toBeCloseTo((percents[0]! + percents[1]!) / 2, 1);
    expect(analysis.ratingsBySession.map((r) => r.sessionId).sort()).toEqual(both.map((c) => c.sessionId).sort());
    expect(report.overview.sessions).toHaveLength(2);
    expect(report.metrics.drills).toBe(2);
  });

  it('takes in the facilitator\'s observations: strengths, areas for improvement and notes, under their objective', () => {
    const card = cards.find((c) => c.observations.some((o) => o.tag === 'improvement' && o.objective))!;
    const observation = card.observations.find((o) => o.tag === 'improvement' && o.objective)!;
    const extra = { ...observation, seq: 999, tag: 'strength' as const, text: 'The bridge was opened in two minutes.' };
    const note = { ...observation, seq: 998, tag: 'note' as const, text: 'The team asked for the network diagram.' };
    const report = afterActionReport([{ ...card, observations: [...card.observations, extra, note] }]);
    const analysis = report.analysis.find((a) => a.key === `${card.scenarioId}/${observation.objective}`)!;
    const area = analysis.areasForImprovement.find((a) => a.kind === 'observation' && a.observation === observation.text)!;
    expect(area.rootCause).toMatch(/after-action meeting/);
    expect(area.references[0]).toBe(`session ${card.sessionId}, journal #${observation.seq}`);
    expect(analysis.strengths.some((s) => s.startsWith('The bridge was opened in two minutes.'))).toBe(true);
    expect(analysis.notes.some((s) => s.startsWith('The team asked for the network diagram.'))).toBe(true);
    expect(report.improvementPlan.some((i) => i.issue.startsWith('Facilitator observation: '))).toBe(true);
  });

  it('lists participants by role, with the point of contact and the exercise name given', () => {
    const card = cards[0]!;
    const roles = card.byRole.map((r) => r.id);
    const named = { ...card, participants: { [roles[0]!]: 'Ana Lopes', [roles[1]!]: 'Wing Chan' } };
    const report = afterActionReport([named], { name: 'Spring drill', pointOfContact: 'Ana Lopes, ana@example.test' });
    expect(report.overview.name).toBe('Spring drill');
    expect(report.overview.pointOfContact).toBe('Ana Lopes, ana@example.test');
    expect(report.overview.participants.find((p) => p.roleId === roles[0])!.participants).toEqual(['Ana Lopes']);
    expect(report.overview.participants.find((p) => p.roleId === roles[2])!.participants).toEqual([]);
    expect(report.overview.participants.map((p) => p.role)).toEqual(card.byRole.map((r) => r.title));
  });

  it("holds HSEEP's cover fields as given, and says 'Not given' (never a command-line flag) for those left out", () => {
    const card = cards[0]!;
    const cover = {
      name: 'Harbour breach drill', dates: '14-15 March 2026', location: 'Hong Kong office, level 12', sponsor: 'Chief Information Security Officer',
      organisation: 'Example Ltd', participatingOrganisations: ['Example Ltd IT', 'Outside counsel'], pointOfContact: 'Mei Chan, mei@example.test',
    };
    const given = documentToMarkdown(aarDocument(afterActionReport([card], cover), [card]));
    for (const value of [cover.name, cover.dates, cover.location, cover.sponsor, cover.organisation, ...cover.participatingOrganisations, cover.pointOfContact]) expect(given).toContain(value);
    const bare = documentToMarkdown(aarDocument(afterActionReport([card]), [card]));
    expect(bare).not.toMatch(/--[a-z]/);
    expect(bare).not.toContain('give one with');
    expect(bare).toMatch(/Point of contact\W+Not given/);
    expect(bare).toMatch(/Location\W+Not given/);
  });

  it('is a pure function of the scorecards: the same sessions in any order give the same report', () => {
    const some = cards.slice(0, 4);
    expect(afterActionReport([...some].reverse())).toEqual(afterActionReport(some));
  });
});
