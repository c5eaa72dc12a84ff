import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { formatLocatedError } from '../../../engine/validate/index.js';
import { playScript } from '../../../engine/session/play-script.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import type { Scorecard } from '../../../engine/scoring/scorecard.js';
import { bundledScenariosDir } from '../../../host/library/bundled.js';
import { bundledLibrary, bundledScenarioFolders } from '../../helpers/world.js';

// Every bundled scenario ships two response scripts: an exemplary one that follows the plan,
// and a flawed one that makes the classic mistakes. The scorecard must tell them apart.

const folders = bundledScenarioFolders();
const library = bundledLibrary();
const root = bundledScenariosDir();

/** The bundled scenario in a folder, or a failure that names the folder and its errors. */
function scenarioIn(folder: string) {
  const files = new Set(folders.find((f) => f.folder === folder)!.files.map((f) => join(root, folder, f)));
  const reports = library.reports.filter((r) => files.has(join(process.cwd(), r.file)) || files.has(r.file));
  const errors = reports.flatMap((r) => r.errors);
  expect(errors.map(formatLocatedError), `scenarios/${folder} does not load`).toEqual([]);
  const loaded = [...library.scenarios.values()].find((s) => files.has(join(process.cwd(), s.file)) || files.has(s.file));
  expect(loaded, `scenarios/${folder} has no valid scenario`).toBeDefined();
  const plan = library.plans.get(loaded!.scenario.plan)?.plan;
  expect(plan, `the plan of scenarios/${folder}`).toBeDefined();
  return { scenario: loaded!.scenario, plan: plan! };
}

function play(folder: string, name: 'exemplary' | 'flawed'): Scorecard {
  const { scenario, plan } = scenarioIn(folder);
  const script = library.scripts.get(scenario.id)?.get(name);
  const scriptReport = library.reports.find((r) => r.file.includes(`${folder}/${name}.script.`));
  expect(scriptReport?.errors.map(formatLocatedError) ?? [], `scenarios/${folder}/${name}.script.yaml does not load`).toEqual([]);
  expect(script, `scenarios/${folder} has no "${name}" script`).toBeDefined();
  return scoreSession(playScript(plan, scenario, script!.script));
}

/**
 * What each script scored before an action could be taken only once (journal format 2): the
 * rule changed no score (the one script that took an action twice now takes it once).
 */
const SCORES: Record<string, { exemplary: number; flawed: number }> = {
  'apt-cross-region-exfiltration': { exemplary: 100, flawed: 35.7 },
  'ephemeral-container-compromise': { exemplary: 100, flawed: 26.1 },
  'failed-logins-unusual-geography': { exemplary: 100, flawed: 49.7 },
  'insider-data-export': { exemplary: 100, flawed: 46.6 },
  'pdpo-customer-data-breach': { exemplary: 100, flawed: 35.2 },
  'public-test-bucket': { exemplary: 100, flawed: 38.9 },
  'ransomware-production-db': { exemplary: 100, flawed: 46.5 },
  'sensitive-storage-unauthorized-access': { exemplary: 100, flawed: 52.2 },
  'stolen-api-keys-new-location': { exemplary: 100, flawed: 43.2 },
  'supply-chain-container-image': { exemplary: 100, flawed: 37 },
};

describe('the bundled library', () => {
  it('has at least 10 scenarios, each in its own folder, all loading', () => {
    expect(folders.length).toBeGreaterThanOrEqual(10);
    expect(library.scenarios.size).toBeGreaterThanOrEqual(10);
  });
});

describe.each(folders.map((f) => f.folder))('bundled scenario %s', (folder) => {
  it('its exemplary script scores at least 90 and reaches all four milestones', () => {
    const card = play(folder, 'exemplary');
    expect(card.overallScore, card.areasForImprovement.join('\n')).toBeGreaterThanOrEqual(90);
    expect(card.milestones).toEqual({
      detected: expect.any(Number),
      contained: expect.any(Number),
      eradicated: expect.any(Number),
      recovered: expect.any(Number),
    });
  });

  it.runIf(SCORES[folder] !== undefined)('its scripts score what they scored before an action could be taken only once', () => {
    expect({ exemplary: play(folder, 'exemplary').overallScore, flawed: play(folder, 'flawed').overallScore }).toEqual(SCORES[folder]);
  });

  it('its flawed script scores at least 25 lower, late or no detection, evidence destroyed and a duty missed', () => {
    const exemplary = play(folder, 'exemplary');
    const flawed = play(folder, 'flawed');
    expect(flawed.overallScore).toBeLessThanOrEqual(exemplary.overallScore - 25);
    const kinds = new Set(flawed.findings.map((f) => f.kind));
    expect(kinds.has('late-detection') || kinds.has('not-detected'), `findings: ${[...kinds].join(', ')}`).toBe(true);
    expect([...kinds]).toContain('evidence-destroyed');
    expect([...kinds]).toContain('missed-duty');
  });
});
