import { describe, expect, it } from 'vitest';
import { previewDraft } from '../../../engine/studio/preview.js';
import { bundledLibrary } from '../../helpers/world.js';

const library = bundledLibrary();
const plan = library.plans.get('cloud-cirp')!.plan;
const scenario = library.scenarios.get('stolen-api-keys-new-location')!.scenario;

describe('previewing a draft in the page', () => {
  it('plays the scenario on its own: its scheduled injects in time order, then the end and a scorecard', () => {
    const preview = previewDraft(plan, scenario, 'none');
    const injects = preview.events.filter((event) => event.kind === 'inject');
    expect(injects.length).toBeGreaterThan(0);
    expect(preview.events.map((event) => event.at)).toEqual([...preview.events.map((event) => event.at)].sort((a, b) => a - b));
    expect(preview.events.at(-1)?.kind).toBe('end');
    expect(preview.endedAt).toBeLessThanOrEqual(preview.timeLimit);
    expect(preview.scorecard.scenarioId).toBe(scenario.id);
  });

  it('with a team that does what the scenario expects, reaches milestones and scores higher than nobody answering', () => {
    const nobody = previewDraft(plan, scenario, 'none');
    const expected = previewDraft(plan, scenario, 'expected');
    expect(expected.events.some((event) => event.kind === 'action')).toBe(true);
    expect(expected.events.some((event) => event.kind === 'milestone')).toBe(true);
    expect(expected.scorecard.overallScore).toBeGreaterThan(nobody.scorecard.overallScore);
  });
});
