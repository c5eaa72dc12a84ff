import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importLibraryFile, listLibrary, loadBundledForHost, loadCombinedLibrary, loadScenarioWorld, removeLibraryFile, showLibraryDocument, LibraryRefusal } from '../../../host/library/user-library.js';
import type { Library } from '../../../engine/validate/index.js';
import { MINI_PLAN_FILE, MINI_SCENARIO_FILE } from '../../helpers/world.js';

// The user's library folder: imports validated first against the bundled library and the
// user's other files (a broken file is refused with located errors and nothing is written),
// listing, showing, removing (user files only, to the trash).

let bundled: Library;
let root: string;
beforeAll(() => {
  bundled = loadBundledForHost();
});
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'firedrill-library-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const folder = () => join(root, 'library');
const files = () => (existsSync(folder()) ? readdirSync(folder()).sort() : []);
const miniPlan = () => ({ fileName: 'mini.plan.yaml', text: readFileSync(MINI_PLAN_FILE, 'utf8') });
const miniScenario = () => ({ fileName: 'leaked-key.yaml', text: readFileSync(MINI_SCENARIO_FILE, 'utf8') });
const refusal = (work: () => unknown): LibraryRefusal => {
  try {
    work();
  } catch (error) {
    if (error instanceof LibraryRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('the user library', () => {
  it('imports a plan, then a scenario written for it, named by their ids', () => {
    expect(importLibraryFile(root, bundled, miniPlan())).toEqual({ kind: 'plan', id: 'mini', file: 'mini.plan.yaml', hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(importLibraryFile(root, bundled, miniScenario())).toEqual({ kind: 'scenario', id: 'mini-leaked-key', file: 'mini-leaked-key.scenario.yaml', hash: expect.stringMatching(/^sha256:/) });
    expect(files()).toEqual(['mini-leaked-key.scenario.yaml', 'mini.plan.yaml']);

    const listing = listLibrary(loadCombinedLibrary(root, bundled));
    expect(listing.problems).toEqual([]);
    expect(listing.plans.find((p) => p.id === 'mini')).toMatchObject({ source: 'user', file: 'mini.plan.yaml' });
    expect(listing.scenarios.find((s) => s.id === 'mini-leaked-key')).toMatchObject({ source: 'user', plan: 'mini' });
    // Which response scripts each has: a stress test needs the exemplary one, and the app says so before Run.
    expect(listing.scenarios.find((s) => s.id === 'mini-leaked-key')!.scripts).toEqual([]);
    expect(listing.scenarios.find((s) => s.id === 'stolen-api-keys-new-location')!.scripts).toEqual(['exemplary', 'flawed']);
    expect(listing.scenarios.find((s) => s.id === 'stolen-api-keys-new-location')).toMatchObject({ source: 'bundled', file: 'stolen-api-keys-new-location/stolen-api-keys-new-location.scenario.yaml' });
    // What a library card shows without fetching the whole scenario: its severity and ATT&CK ids.
    const miniEntry = listing.scenarios.find((s) => s.id === 'mini-leaked-key')!;
    const miniDocument = showLibraryDocument(loadCombinedLibrary(root, bundled), 'scenario', 'mini-leaked-key').document as { expectedSeverity: number; attack: string[] };
    expect(miniEntry).toMatchObject({ expectedSeverity: miniDocument.expectedSeverity, attack: miniDocument.attack });
    const shown = showLibraryDocument(loadCombinedLibrary(root, bundled), 'scenario', 'mini-leaked-key');
    expect(shown).toMatchObject({ kind: 'scenario', source: 'user', document: { title: 'A leaked access key' } });
    // A session needs only its plan and scenario: found by file name, the same documents.
    expect(loadScenarioWorld(root, 'mini-leaked-key')?.scenarios.get('mini-leaked-key')?.scenario).toEqual(shown.document);
  });

  it('refuses a broken file with its located errors and writes nothing', () => {
    importLibraryFile(root, bundled, miniPlan());
    const before = files();
    const broken = readFileSync(MINI_SCENARIO_FILE, 'utf8').replace('expects: [triage-alert]', 'expects: [triage-the-alert]');
    const error = refusal(() => importLibraryFile(root, bundled, { fileName: 'mine.scenario.yaml', text: broken }));
    expect(error.code).toBe('invalid-file');
    expect(error.message).toBe('mine.scenario.yaml has 1 error; nothing was imported');
    expect(error.errors).toEqual([expect.objectContaining({ file: 'mine.scenario.yaml', line: 43, path: 'injects[0].expects[0]' })]);
    expect(files()).toEqual(before);
  });

  it('refuses YAML that does not parse, and a scenario whose plan is missing', () => {
    const yaml = refusal(() => importLibraryFile(root, bundled, { fileName: 'x.yaml', text: 'format: firedrill-scenario/1\nid: [unclosed\n' }));
    expect(yaml.code).toBe('invalid-file');
    expect(yaml.errors[0]).toMatchObject({ file: 'x.yaml', line: expect.any(Number) });
    const orphan = refusal(() => importLibraryFile(root, bundled, miniScenario()));
    expect(orphan.errors.map((e) => e.path)).toContain('plan');
    expect(files()).toEqual([]);
  });

  it('refuses ids already taken, and response scripts', () => {
    const bundledPlan = readFileSync(join('scenarios', 'plans', 'cloud-cirp.plan.yaml'), 'utf8');
    const taken = refusal(() => importLibraryFile(root, bundled, { fileName: 'copy.plan.yaml', text: bundledPlan }));
    expect(taken).toMatchObject({ code: 'conflict' });
    expect(taken.message).toMatch(/is used by a bundled plan; give yours another id$/);
    importLibraryFile(root, bundled, miniPlan());
    expect(refusal(() => importLibraryFile(root, bundled, miniPlan())).message).toBe('mini.plan.yaml: your library already has plan "mini" (mini.plan.yaml); to replace it, import it again as a new version ("save as new version": past drills keep the version they used), or give it another id');
    const script = readFileSync('test/fixtures/valid/mini.script.yaml', 'utf8');
    expect(refusal(() => importLibraryFile(root, bundled, { fileName: 'mini.script.yaml', text: script })).code).toBe('refused');
  });

  it('removes user files to the trash; bundled ones cannot be removed; a plan in use stays', () => {
    importLibraryFile(root, bundled, miniPlan());
    importLibraryFile(root, bundled, miniScenario());
    expect(refusal(() => removeLibraryFile(root, bundled, 'scenario', 'stolen-api-keys-new-location')).message).toBe('scenario "stolen-api-keys-new-location" is bundled with Firedrill and cannot be removed');
    expect(refusal(() => removeLibraryFile(root, bundled, 'plan', 'mini')).message).toBe('plan "mini" is used by scenario mini-leaked-key: remove it first');
    expect(removeLibraryFile(root, bundled, 'scenario', 'mini-leaked-key')).toEqual({ kind: 'scenario', id: 'mini-leaked-key', trashedAs: join(root, 'trash', 'library', 'mini-leaked-key.scenario.yaml') });
    expect(removeLibraryFile(root, bundled, 'plan', 'mini').trashedAs).toBe(join(root, 'trash', 'library', 'mini.plan.yaml'));
    expect(files()).toEqual([]);
    expect(refusal(() => removeLibraryFile(root, bundled, 'plan', 'mini')).code).toBe('not-found');
  });
});
