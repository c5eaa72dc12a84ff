import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FiredrillHost } from '../../host/service/firedrill-host.js';
import { importLibraryFile, LibraryRefusal, loadBundledForHost } from '../../host/library/user-library.js';
import { VersionStore } from '../../host/storage/version-store.js';
import { contentHash } from '../../engine/session/hash.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import type { Library } from '../../engine/validate/index.js';
import { main } from '../../host/cli/main.js';
import { MINI_PLAN_FILE, MINI_SCENARIO_FILE, MIN, WALL0 } from '../helpers/world.js';

// Versions that never break a past drill: every plan and scenario a session used is kept by
// content hash in the data folder; a session recorded, then its scenario edited (a new version
// imported), still replays to the same scorecard and still shows in the history, with the
// version it used.

let root: string;
let wall: number;
let host: FiredrillHost;
let bundled: Library | undefined;
const bundledLibrary = () => (bundled ??= loadBundledForHost());

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'firedrill-versions-'));
  wall = WALL0;
  host = new FiredrillHost({ dataDir: root, events: { update: () => {}, closed: () => {} }, now: () => wall });
});
afterEach(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

const miniPlan = () => ({ fileName: 'mini.plan.yaml', text: readFileSync(MINI_PLAN_FILE, 'utf8') });
const miniScenario = (edit: (text: string) => string = (text) => text) => ({ fileName: 'leaked-key.scenario.yaml', text: edit(readFileSync(MINI_SCENARIO_FILE, 'utf8')) });
/** The mini scenario as edited later: another title, a reworded inject, a later second inject. */
const edited = (text: string) => text
  .replace('title: A leaked access key', 'title: A leaked access key (second edition)')
  .replace('GuardDuty reports API calls from a Tor exit node', 'GuardDuty reports many API calls from a Tor exit node')
  .replace('    at: 10m\n', '    at: 12m\n');

/** A short drill of the mini scenario played through the host at 60x: triage, contain, end. */
async function drill(): Promise<{ sessionId: string; scorecard: Scorecard }> {
  const live = await host.sessions.create({ scenarioId: 'mini-leaked-key', mode: 'solo', speed: 60, participants: {} });
  const at = (minutes: number) => (wall = WALL0 + (minutes * MIN) / 60);
  const start = wall;
  at(2);
  await host.sessions.input({ sessionId: live.id, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'triage-alert' } });
  at(12);
  await host.sessions.input({ sessionId: live.id, actor: 'incident-commander', input: { type: 'severity.declared', level: 2 } });
  at(13);
  await host.sessions.input({ sessionId: live.id, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'revoke-iam-access-key' } });
  at(30);
  await host.sessions.end({ sessionId: live.id });
  wall = start + 60 * MIN; // the next drill starts an hour (of wall time) later
  return { sessionId: live.id, scorecard: (await host.reports.scorecard(live.id)).scorecard };
}

const refusal = (work: () => unknown): LibraryRefusal => {
  try {
    work();
  } catch (error) {
    if (error instanceof LibraryRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('versions that never break a past drill', () => {
  it('keeps a session replaying to the same scorecard, and in the history with its version, after its scenario is edited', async () => {
    await host.library.import(miniPlan());
    const first = await host.library.import(miniScenario());
    const before = await drill();
    expect(before.scorecard.scenarioHash).toBe(first.hash);
    const versions = new VersionStore(root);
    expect(versions.list().map((v) => `${v.kind} ${v.id}`).sort()).toEqual(['plan mini', 'scenario mini-leaked-key']);

    // Importing the edited file is refused, saying how to save it as a new version; then it is.
    await expect(host.library.import(miniScenario(edited))).rejects.toThrow(/import it again as a new version/);
    const second = await host.library.import({ ...miniScenario(edited), asNewVersion: true });
    expect(second).toMatchObject({ kind: 'scenario', id: 'mini-leaked-key', previousHash: first.hash });
    expect(second.hash).not.toBe(first.hash);
    expect((await host.library.list()).scenarios.find((s) => s.id === 'mini-leaked-key')!.title).toBe('A leaked access key (second edition)');

    // The old session replays against the version it used: the very same scorecard.
    const host2 = new FiredrillHost({ dataDir: root, events: { update: () => {}, closed: () => {} }, now: () => wall });
    expect((await host2.reports.scorecard(before.sessionId)).scorecard).toEqual(before.scorecard);
    await host2.close();

    // A drill of the new version; the history shows both drills, each with its version.
    const after = await drill();
    expect(after.scorecard.scenarioHash).toBe(second.hash);
    const { history, skipped } = await host.reports.history({});
    expect(skipped).toEqual([]);
    expect(history.drills.map((d) => [d.sessionId, d.scenarioVersion, d.scenarioTitle])).toEqual([
      [before.sessionId, 1, 'A leaked access key'],
      [after.sessionId, 2, 'A leaked access key (second edition)'],
    ]);
    const group = history.byScenario.find((g) => g.id === 'mini-leaked-key')!;
    expect(group.title).toBe('A leaked access key (second edition)');
    expect(group.versions).toEqual([
      { number: 1, hash: first.hash, title: 'A leaked access key', drills: 1, firstStartedAt: before.scorecard.startedAt, lastStartedAt: before.scorecard.startedAt },
      { number: 2, hash: second.hash, title: 'A leaked access key (second edition)', drills: 1, firstStartedAt: after.scorecard.startedAt, lastStartedAt: after.scorecard.startedAt },
    ]);
    expect(history.byPlan[0]!.versions).toHaveLength(1);

    // The command line replays and reports the old journal from the same data folder.
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd: process.cwd(), env: {} };
    expect(await main(['replay', join(root, 'sessions', `${before.sessionId}.jsonl`), '--data-dir', root], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual(JSON.parse(JSON.stringify(before.scorecard)));
    out.length = 0;
    expect(await main(['history', '--data-dir', root, '--format', 'csv'], io)).toBe(0);
    expect(out.join('')).toMatch(/scenario_version,scenario_hash,plan_version,plan_hash/);
    expect(err.join('')).toBe('');
  });

  it('saves a new version in place: the old file to the trash, the old document kept by hash; the same file again changes nothing', () => {
    importLibraryFile(root, bundledLibrary(), miniPlan());
    const first = importLibraryFile(root, bundledLibrary(), miniScenario());
    const again = importLibraryFile(root, bundledLibrary(), { ...miniScenario(), asNewVersion: true });
    expect(again).toEqual({ ...first, previousHash: first.hash });
    expect(existsSync(join(root, 'trash'))).toBe(false);

    const second = importLibraryFile(root, bundledLibrary(), { ...miniScenario(edited), asNewVersion: true });
    expect(second.file).toBe('mini-leaked-key.scenario.yaml');
    expect(readFileSync(join(root, 'library', second.file), 'utf8')).toContain('second edition');
    expect(readdirSync(join(root, 'trash', 'library'))).toEqual(['mini-leaked-key.scenario.yaml']);
    const kept = new VersionStore(root).scenario(first.hash!);
    expect(kept?.title).toBe('A leaked access key');
    expect(contentHash(kept!)).toBe(first.hash);
  });

  it('refuses a new version of a plan that breaks a scenario written for it, and writes nothing', () => {
    importLibraryFile(root, bundledLibrary(), miniPlan());
    importLibraryFile(root, bundledLibrary(), miniScenario());
    // The playbook renamed: the scenario's threat no longer has one.
    const renamed = miniPlan().text.replace('threat: compromised-credentials', 'threat: stolen-credentials');
    const error = refusal(() => importLibraryFile(root, bundledLibrary(), { fileName: 'mini.plan.yaml', text: renamed, asNewVersion: true }));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/^mini.plan.yaml: this version of plan "mini" breaks mini-leaked-key.scenario.yaml \(\d+ errors?\); nothing was imported$/);
    expect(error.errors[0]).toMatchObject({ file: 'mini-leaked-key.scenario.yaml', path: 'threat', message: expect.stringMatching(/has no playbook for threat "compromised-credentials"/) });
    expect(readFileSync(join(root, 'library', 'mini.plan.yaml'), 'utf8')).toBe(miniPlan().text);
    expect(existsSync(join(root, 'versions'))).toBe(false);
  });

  it('renames a role the plan\'s new version renames in the scenarios written for it, each saved as a new version (the old one kept)', () => {
    importLibraryFile(root, bundledLibrary(), miniPlan());
    const scenario = importLibraryFile(root, bundledLibrary(), miniScenario());
    const renamed = miniPlan().text.replaceAll('incident-commander', 'crisis-lead');
    // Without the renames, the scenario breaks and nothing is written.
    expect(refusal(() => importLibraryFile(root, bundledLibrary(), { fileName: 'mini.plan.yaml', text: renamed, asNewVersion: true })).code).toBe('conflict');
    const saved = importLibraryFile(root, bundledLibrary(), { fileName: 'mini.plan.yaml', text: renamed, asNewVersion: true, renames: { role: { 'incident-commander': 'crisis-lead' } } });
    expect(saved.renamedIn).toEqual(['mini-leaked-key']);
    const text = readFileSync(join(root, 'library', 'mini-leaked-key.scenario.yaml'), 'utf8');
    expect(text).not.toContain('incident-commander');
    expect(text).toContain('crisis-lead');
    // Its comments stay; the version a past drill used is kept.
    expect(text.split('\n').filter((line) => line.trimStart().startsWith('#'))).toEqual(miniScenario().text.split('\n').filter((line) => line.trimStart().startsWith('#')));
    expect(new VersionStore(root).scenario(scenario.hash!)?.injects.some((inject) => inject.to.includes('incident-commander'))).toBe(true);
  });

  it('never replaces a bundled plan or scenario, even as a new version', () => {
    const bundledPlan = readFileSync(join('scenarios', 'plans', 'cloud-cirp.plan.yaml'), 'utf8');
    expect(refusal(() => importLibraryFile(root, bundledLibrary(), { fileName: 'copy.plan.yaml', text: bundledPlan, asNewVersion: true })).message).toMatch(/is used by a bundled plan; give yours another id$/);
  });

  it('ignores a damaged or tampered version file, and never reads a path a journal makes up', () => {
    const hash = new VersionStore(root).keep('plan', { id: 'p', title: 'a plan' } as never);
    const file = join(root, 'versions', `${hash.slice('sha256:'.length)}.json`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('a plan', 'another plan'));
    expect(new VersionStore(root).get(hash)).toBeUndefined();
    writeFileSync(file, '{ not json');
    expect(new VersionStore(root).get(hash)).toBeUndefined();
    const store = new VersionStore(root);
    expect(store.get('sha256:../../etc/passwd')).toBeUndefined();
    expect(store.get('sha256:' + '0'.repeat(64))).toBeUndefined();
    expect(store.list()).toEqual([]);
  });
});
