import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { parse } from 'yaml';
import { journalText } from '../../../engine/session/journal.js';
import { playScript } from '../../../engine/session/play-script.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { drillHistory } from '../../../engine/report/drill-history.js';
import { formatLocatedError, loadLibrary, type Library } from '../../../engine/validate/index.js';
import { planSource, scenarioSource } from '../../../engine/format/document-source.js';
import { contentHash } from '../../../engine/session/hash.js';
import { collectDrills, sessionFiles } from '../../../host/history/collect-drills.js';
import { importLibraryFile, loadBundledForHost, loadCombinedLibrary } from '../../../host/library/user-library.js';
import { buildPack, exportExercisePack, libraryPackFiles } from '../../../host/pack/pack-export.js';
import { checkPack, importPack, PackRefusal } from '../../../host/pack/pack-import.js';
import { ImprovementStore } from '../../../host/storage/improvement-store.js';
import { SessionStore } from '../../../host/storage/session-store.js';
import { main } from '../../../host/cli/main.js';
import { stringify } from 'yaml';
import { bundledLibrary, loadableBundledWorlds, MINI_PLAN_FILE, MINI_SCENARIO_FILE } from '../../helpers/world.js';

// Packs: one .firedrill file with a manifest of hashes. An exercise pack imported on a fresh data
// folder replays its journals to the same scorecards; an import checks everything (the archive's
// bounds and paths, every hash, document and journal) before it writes anything.

let bundled: Library;
let tmp: string;
let source: string;
beforeAll(() => {
  bundled = loadBundledForHost();
});
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'firedrill-pack-'));
  source = join(tmp, 'source');
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const WALL = '2026-03-20T10:00:00.000Z';
/** A playable response to the mini scenario. */
const MINI_SCRIPT = `format: firedrill-script/1
scenario: mini-leaked-key
name: exemplary
description: The team follows the mini plan.
steps:
  - { at: 2m, by: cloud-security-analyst, action: triage-alert }
  - { at: 12m, by: incident-commander, declareSeverity: 2 }
  - { at: 13m, by: cloud-security-analyst, action: revoke-iam-access-key }
  - { at: 20m, by: legal-compliance, decision: DEC-01, option: notify }
  - { at: 25m, by: cloud-security-analyst, action: snapshot-volume }
  - { at: 40m, by: cloud-security-analyst, action: terminate-instance }
  - { at: 1h, by: incident-commander, action: restore-from-backup }
  - { at: 2h10m, by: incident-commander, action: lessons-learned }
  - { at: 3h20m, by: facilitator, end: true }
`;
const miniPlan = () => ({ fileName: 'mini.plan.yaml', text: readFileSync(MINI_PLAN_FILE, 'utf8') });
const miniScenario = (edit: (text: string) => string = (t) => t) => ({ fileName: 'mini.scenario.yaml', text: edit(readFileSync(MINI_SCENARIO_FILE, 'utf8')) });

/** Records a scripted drill of a scenario of the data folder's library into its sessions. */
function recordDrill(root: string, scenarioId: string, scriptName: string, sessionId: string, scriptText?: string): void {
  const library = loadCombinedLibrary(root, bundled).library;
  const scenario = library.scenarios.get(scenarioId)!.scenario;
  const plan = library.plans.get(scenario.plan)!.plan;
  const responseScript = scriptText
    ? loadLibrary([{ file: 's.script.yaml', text: scriptText }], library).scripts.get(scenarioId)!.get(scriptName)!.script
    : bundledLibrary().scripts.get(scenarioId)!.get(scriptName)!.script;
  const session = playScript(plan, scenario, responseScript, { sessionId });
  new SessionStore(root).import(`${sessionId}.jsonl`, journalText(session.journal), () => ({ scenario, plan }), WALL);
}

const scorecards = (root: string) => {
  const collected = collectDrills(sessionFiles(root), [loadCombinedLibrary(root, bundled).library]);
  expect(collected.skipped).toEqual([]);
  return new Map(collected.drills.map((drill) => [drill.sessionId, drill]));
};
const refusalOf = (work: () => unknown): PackRefusal => {
  try {
    work();
  } catch (error) {
    if (error instanceof PackRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('an exercise pack', () => {
  it('imported on a fresh data folder, replays its journals to the same scorecards, with its improvement plans', () => {
    importLibraryFile(source, bundled, miniPlan());
    importLibraryFile(source, bundled, miniScenario());
    const miniScript = MINI_SCRIPT;
    recordDrill(source, 'mini-leaked-key', 'exemplary', 'drill-1', miniScript);
    // The scenario is edited after the first drill: a second drill runs on the new version.
    importLibraryFile(source, bundled, { ...miniScenario((t) => t.replace('title: A leaked access key', 'title: A leaked access key, revised')), asNewVersion: true });
    recordDrill(source, 'mini-leaked-key', 'exemplary', 'drill-2', miniScript);
    const items = new ImprovementStore(source);
    const generated = { objectiveId: 'OBJ-1', objectiveTitle: 'Contain the stolen key quickly', capability: 'Operational Coordination', issue: 'Slow to revoke', correctiveAction: 'Automate key revocation', capabilityElement: 'planning', ownerRole: 'cloud-security-analyst', startDate: '2026-04-01', completionDate: '2026-05-01' } as const;
    items.write('drill-1', [generated]);
    const before = scorecards(source);
    expect([...before.values()].map((d) => d.scenarioTitle)).toEqual(['A leaked access key', 'A leaked access key, revised']);

    const pack = exportExercisePack(source, bundled, 'mini-leaked-key');
    expect(pack.sessions.sort()).toEqual(['drill-1', 'drill-2']);
    expect(pack.skipped).toEqual([]);
    expect(pack.manifest.entries.map((e) => e.path).filter((p) => !p.startsWith('versions/'))).toEqual([
      'improvements/drill-1.json', 'plans/mini.plan.yaml', 'scenarios/mini-leaked-key.scenario.yaml', 'sessions/drill-1.jsonl', 'sessions/drill-2.jsonl',
    ]);
    // The first drill's scenario version travels with it.
    expect(pack.manifest.entries.filter((e) => e.path.startsWith('versions/'))).toHaveLength(1);

    const fresh = join(tmp, 'fresh');
    const imported = importPack(fresh, bundled, 'exercise.firedrill', pack.bytes, { wallTime: WALL });
    expect(imported.written).toMatchObject({ plans: ['mini'], scenarios: ['mini-leaked-key'], sessions: ['drill-1', 'drill-2'], improvements: ['drill-1'] });
    const after = scorecards(fresh);
    expect(after).toEqual(new Map([...before].map(([id, drill]) => [id, { ...drill, source: join(fresh, 'sessions', `${id}.jsonl`) }])));
    for (const id of ['drill-1', 'drill-2']) {
      const cardOf = (root: string) => scoreSession(new SessionStore(root).read(id, () => ({})));
      expect(cardOf(fresh)).toEqual(cardOf(source));
    }
    expect(new ImprovementStore(fresh).read('drill-1')).toEqual([generated]);
    const history = drillHistory([...after.values()]);
    expect(history.drills.map((d) => d.scenarioVersion)).toEqual([1, 2]);

    // The same pack again: nothing new, nothing changed.
    const again = importPack(fresh, bundled, 'exercise.firedrill', pack.bytes, { wallTime: WALL });
    expect(again.written).toMatchObject({ plans: [], scenarios: [], sessions: [], improvements: ['drill-1'] });
    expect(again.unchanged).toEqual(expect.arrayContaining(['plan mini', 'scenario mini-leaked-key', 'session drill-1', 'session drill-2']));
  });

  it('of a bundled scenario carries its sessions; the bundled documents stay as they are', () => {
    recordDrill(source, 'public-test-bucket', 'exemplary', 'bucket-1');
    recordDrill(source, 'public-test-bucket', 'flawed', 'bucket-2');
    const pack = exportExercisePack(source, bundled, 'public-test-bucket');
    expect(pack.manifest.entries.map((e) => e.path)).toEqual(expect.arrayContaining(['scripts/public-test-bucket/exemplary.script.yaml', 'sessions/bucket-1.jsonl', 'sessions/bucket-2.jsonl']));
    const fresh = join(tmp, 'fresh');
    const imported = importPack(fresh, bundled, 'bucket.firedrill', pack.bytes, { wallTime: WALL });
    expect(imported.written.plans).toEqual([]);
    expect(imported.unchanged).toEqual(expect.arrayContaining(['plan cloud-cirp', 'scenario public-test-bucket', 'script public-test-bucket/exemplary']));
    expect(scorecards(fresh)).toEqual(new Map([...scorecards(source)].map(([id, drill]) => [id, { ...drill, source: join(fresh, 'sessions', `${id}.jsonl`) }])));
  });
});

describe('a library pack', () => {
  it('carries plans, scenarios and scripts; the CLI exports and imports it, and says so on --help', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: process.cwd(), env: {} };
    expect(await main(['pack', '--help'], io)).toBe(0);
    expect(out.join('')).toMatch(/firedrill pack export .*\n {2}firedrill pack import/);
    const file = join(tmp, 'mini.firedrill');
    expect(await main(['pack', 'export', MINI_PLAN_FILE, MINI_SCENARIO_FILE, 'test/fixtures/valid/mini.script.yaml', '--out', file, '--data-dir', source], io)).toBe(0);
    const listed = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(file))['manifest.json']!));
    expect(listed.entries.map((e: { path: string }) => e.path)).toEqual(['plans/mini.plan.yaml', 'scenarios/mini-leaked-key.scenario.yaml', 'scripts/mini-leaked-key/exemplary.script.yaml']);
    err.length = 0;
    expect(await main(['pack', 'import', file, '--data-dir', join(tmp, 'fresh')], io)).toBe(0);
    expect(err.join('')).toMatch(/imported 1 plan, 1 scenario, 1 script/);
    expect(readdirSync(join(tmp, 'fresh', 'library')).sort()).toEqual(['mini-leaked-key.exemplary.script.yaml', 'mini-leaked-key.scenario.yaml', 'mini.plan.yaml']);
    expect(loadCombinedLibrary(join(tmp, 'fresh'), bundled).library.scripts.get('mini-leaked-key')?.has('exemplary')).toBe(true);
  });

  it('refuses other content under an id the library has, unless as a new version', () => {
    importLibraryFile(source, bundled, miniPlan());
    importLibraryFile(source, bundled, miniScenario());
    const edited = miniScenario((t) => t.replace('title: A leaked access key', 'title: Edited elsewhere')).text;
    const pack = buildPack('library', 'edited', libraryPackFiles({ plans: [], scenarios: [{ id: 'mini-leaked-key', text: edited }], scripts: [] })).bytes;
    const refused = refusalOf(() => importPack(source, bundled, 'edited.firedrill', pack, { wallTime: WALL }));
    expect(refused.errors.map(formatLocatedError)).toEqual([
      // At the id's line, saying how to replace it in the app and on the command line.
      'edited.firedrill!scenarios/mini-leaked-key.scenario.yaml:3:5 id: your library already has scenario "mini-leaked-key" with other content (mini-leaked-key.scenario.yaml); import the pack as new versions ("Replace mine as new versions" in the app, --as-new-version on the command line) to replace it: past drills keep the version they used',
    ]);
    const imported = importPack(source, bundled, 'edited.firedrill', pack, { wallTime: WALL, asNewVersion: true });
    expect(imported.written.scenarios).toEqual(['mini-leaked-key']);
    expect(loadCombinedLibrary(source, bundled).library.scenarios.get('mini-leaked-key')!.scenario.title).toBe('Edited elsewhere');
  });
});

describe('a pack of new versions', () => {
  it('whose plan would break a scenario of the library is refused before anything is written, at the plan, naming the scenario', () => {
    importLibraryFile(source, bundled, miniPlan());
    importLibraryFile(source, bundled, miniScenario());
    const library = join(source, 'library');
    const before = readdirSync(source, { recursive: true }).map(String).sort();
    // The plan's new version has no triage-alert, which the user's scenario expects; another plan comes with it.
    const plan = miniPlan().text;
    const withoutTriage = plan.slice(0, plan.indexOf('  - id: triage-alert')) + plan.slice(plan.indexOf('  - id: revoke-iam-access-key')).replace('actions: [triage-alert]', 'actions: [revoke-iam-access-key]');
    const other = plan.replace(/^id: mini$/m, 'id: another-plan');
    const pack = buildPack('library', 'v2', libraryPackFiles({ plans: [{ id: 'another-plan', text: other }, { id: 'mini', text: withoutTriage }], scenarios: [], scripts: [] })).bytes;
    const refused = refusalOf(() => importPack(source, bundled, 'v2.firedrill', pack, { wallTime: WALL, asNewVersion: true }));
    expect(refused.errors.map(formatLocatedError)).toEqual([
      expect.stringMatching(/^v2\.firedrill!plans\/mini\.plan\.yaml:3:5 id: this version of plan "mini" breaks your mini-leaked-key\.scenario\.yaml: injects\[0\]\.expects\[0\]: unknown action "triage-alert" .*\(and \d+ more\)$/),
    ]);
    expect(refused.message).toMatch(/nothing was imported$/);
    // Nothing written: not the other plan, not a kept version.
    expect(readdirSync(source, { recursive: true }).map(String).sort()).toEqual(before);
    expect(readdirSync(library).sort()).toEqual(['mini-leaked-key.scenario.yaml', 'mini.plan.yaml']);
  });
});

describe('a pack that is wrong', () => {
  const good = () => buildPack('library', 'mini', libraryPackFiles({ plans: [{ id: 'mini', text: miniPlan().text }], scenarios: [{ id: 'mini-leaked-key', text: miniScenario().text }], scripts: [] }));
  const rezip = (files: Record<string, Uint8Array>) => zipSync(files);
  const fresh = () => join(tmp, 'fresh');
  const nothingWritten = () => expect(existsSync(fresh())).toBe(false);
  const errorsOf = (name: string, bytes: Uint8Array) => refusalOf(() => importPack(fresh(), bundled, name, bytes, { wallTime: WALL })).errors.map(formatLocatedError);

  it('is refused with every problem located, and nothing written: a changed file, an unlisted one, a broken document', () => {
    const files = unzipSync(good().bytes);
    files['scenarios/mini-leaked-key.scenario.yaml'] = strToU8(miniScenario().text.replace('expects: [triage-alert]', 'expects: [triage-the-alert]'));
    files['notes.txt'] = strToU8('hello');
    expect(errorsOf('tampered.firedrill', rezip(files))).toEqual([
      'tampered.firedrill!notes.txt:1:1 in the archive but not in the manifest: its hash cannot be checked',
      expect.stringMatching(/^tampered.firedrill!scenarios\/mini-leaked-key.scenario.yaml:1:1 the content is not what the manifest says \(/),
    ]);
    nothingWritten();
  });

  it('is refused when a document does not validate, located in the pack', () => {
    const text = miniScenario().text.replace('expects: [triage-alert]', 'expects: [triage-the-alert]');
    const pack = buildPack('library', 'broken', libraryPackFiles({ plans: [{ id: 'mini', text: miniPlan().text }], scenarios: [{ id: 'mini-leaked-key', text }], scripts: [] })).bytes;
    expect(errorsOf('broken.firedrill', pack)).toEqual(['broken.firedrill!scenarios/mini-leaked-key.scenario.yaml:43:15 injects[0].expects[0]: unknown action "triage-the-alert" (did you mean "triage-alert"?)']);
    nothingWritten();
  });

  it('is refused when an entry would leave the pack (path traversal), or the manifest names a path a pack never holds', () => {
    const traversal = rezip({ 'manifest.json': unzipSync(good().bytes)['manifest.json']!, '../../evil.sh': strToU8('rm -rf /') });
    expect(errorsOf('evil.firedrill', traversal)).toEqual(['evil.firedrill!"../../evil.sh":1:1 this path could leave the folder it is unpacked to (.., an absolute path, a drive or a backslash)']);
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(good().bytes)['manifest.json']!));
    manifest.entries.push({ path: 'sessions/../../x.jsonl', sha256: '0'.repeat(64), bytes: 1 });
    const odd = rezip({ ...unzipSync(good().bytes), 'manifest.json': strToU8(JSON.stringify(manifest, null, 2)) });
    expect(errorsOf('odd.firedrill', odd)).toEqual([expect.stringMatching(/^odd.firedrill!manifest.json:\d+:\d+ entries\[2\]\.path: "sessions\/..\/..\/x.jsonl" is not a path a pack holds/)]);
    nothingWritten();
  });

  it('is refused when it would inflate beyond the bounds (a zip bomb)', () => {
    const bomb = zipSync({ 'manifest.json': strToU8('{}'), 'sessions/big.jsonl': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    expect(errorsOf('bomb.firedrill', bomb)).toEqual([expect.stringMatching(/^bomb.firedrill!sessions\/big.jsonl:1:1 inflates to 41.9 MB: an entry is at most 33.6 MB$/)]);
    nothingWritten();
  });

  it('is refused when it is not a pack at all, or has no manifest', () => {
    expect(errorsOf('text.firedrill', strToU8('not a zip'))).toEqual(['text.firedrill:1:1 not a zip archive (or a damaged one)']);
    expect(errorsOf('empty.firedrill', rezip({ 'plans/mini.plan.yaml': strToU8(miniPlan().text) }))).toEqual(['empty.firedrill:1:1 no manifest.json in the archive']);
    nothingWritten();
  });

  it('from a newer Firedrill is said to be one, at the manifest\'s format, not refused field by field', () => {
    const files = unzipSync(good().bytes);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']!));
    // A later format may hold kinds and fields this one does not know.
    const later = { ...manifest, format: 'firedrill-pack/2', kind: 'workspace', createdBy: 'Firedrill 9.0.0', minimumVersion: '9.0.0' };
    const refusal = refusalOf(() => importPack(fresh(), bundled, 'later.firedrill', rezip({ ...files, 'manifest.json': strToU8(JSON.stringify(later, null, 2)) }), { wallTime: WALL }));
    expect(refusal.message).toBe('later.firedrill was written by a newer Firedrill; nothing was imported');
    expect(refusal.errors.map(formatLocatedError)).toEqual([
      'later.firedrill!manifest.json:2:13 format: unsupported pack format "firedrill-pack/2": this Firedrill reads firedrill-pack/1; the pack was written by "Firedrill 9.0.0" for a newer Firedrill: open it with that version, or update this one',
    ]);
    nothingWritten();
  });

  it('is refused when a journal does not replay against the version it names, located at its line', () => {
    const { plan, scenario } = (() => {
      const library = loadLibrary([{ file: 'p.plan.yaml', text: miniPlan().text }, { file: 's.scenario.yaml', text: miniScenario().text }]);
      return { plan: library.plans.get('mini')!.plan, scenario: library.scenarios.get('mini-leaked-key')!.scenario };
    })();
    const scriptDoc = loadLibrary([{ file: 'p.plan.yaml', text: miniPlan().text }, { file: 's.scenario.yaml', text: miniScenario().text }, { file: 'x.script.yaml', text: MINI_SCRIPT }]).scripts.get('mini-leaked-key')!.get('exemplary')!.script;
    const session = playScript(plan, scenario, scriptDoc, { sessionId: 'bad-1' });
    const lines = journalText(session.journal).split('\n');
    const revoke = lines.findIndex((line) => line.includes('"revoke-iam-access-key"'));
    expect(revoke).toBe(3);
    lines[revoke] = lines[revoke]!.replace('"revoke-iam-access-key"', '"reboot-the-mainframe"');
    const files = [...libraryPackFiles({ plans: [{ id: 'mini', text: miniPlan().text }], scenarios: [{ id: 'mini-leaked-key', text: miniScenario().text }], scripts: [] }), { path: 'sessions/bad-1.jsonl', bytes: strToU8(lines.join('\n')) }];
    const errors = errorsOf('bad.firedrill', buildPack('exercise', 'bad', files).bytes);
    expect(errors).toEqual([expect.stringMatching(/^bad.firedrill!sessions\/bad-1.jsonl:4:1 the journal does not replay: journal entry 4 \(action.taken\) cannot be replayed: unknown action "reboot-the-mainframe"/)]);
    nothingWritten();
  });
});

describe('kept versions written out again', () => {
  it('validate to the very same documents (the same content hash), for every bundled plan and scenario', () => {
    const worlds = loadableBundledWorlds();
    const plan = worlds[0]!.plan;
    const planText = stringify(planSource(plan));
    for (const world of worlds) {
      const library = loadLibrary([{ file: 'p.plan.yaml', text: planText }, { file: 's.scenario.yaml', text: stringify(scenarioSource(world.scenario)) }]);
      const errors = library.reports.flatMap((r) => r.errors);
      expect(errors.map(formatLocatedError)).toEqual([]);
      expect(contentHash(library.plans.get(plan.id)!.plan)).toBe(contentHash(plan));
      expect(contentHash(library.scenarios.get(world.id)!.scenario)).toBe(contentHash(world.scenario));
    }
    expect(parse(planText).format).toBe('firedrill-plan/1');
  });

  it('are checked by hash on import: a version whose content is not its name is refused', () => {
    const pack = buildPack('exercise', 'v', [{ path: `versions/${'a'.repeat(64)}.plan.yaml`, bytes: strToU8(miniPlan().text) }]).bytes;
    expect(refusalOf(() => checkPack(join(tmp, 'fresh'), bundled, 'v.firedrill', pack)).errors.map(formatLocatedError)).toEqual([
      expect.stringMatching(/^v.firedrill!versions\/a{64}.plan.yaml:1:1 this plan has the content hash sha256:[0-9a-f]{12}\.\.\., not the one its name says$/),
    ]);
  });
});
