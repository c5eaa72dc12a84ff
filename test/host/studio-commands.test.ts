import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FiredrillHost } from '../../host/service/firedrill-host.js';
import { asCommandFailure } from '../../host/service/command-failure.js';
import { checkDraft } from '../../engine/studio/check-draft.js';
import { editDraft } from '../../engine/studio/draft-edit.js';
import { MINI_PLAN_FILE, MINI_SCENARIO_FILE, MIN, WALL0 } from '../helpers/world.js';

// The studio's host commands: a document's own text, a draft saved as a new version, a session
// saved as a response script, MSEL in and out, packs in and out; refusals located, nothing lost.

let roots: string[] = [];
let wall: number;
const hosts: FiredrillHost[] = [];

function newHost(): { host: FiredrillHost; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'firedrill-studio-'));
  roots.push(root);
  const host = new FiredrillHost({ dataDir: root, events: { update: () => {}, closed: () => {} }, now: () => wall });
  hosts.push(host);
  return { host, root };
}

beforeEach(() => {
  wall = WALL0;
});
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

const failureOf = async (work: Promise<unknown>) => {
  const error = await work.then(() => undefined, (thrown: unknown) => thrown);
  expect(error, 'the command should have been refused').toBeDefined();
  return asCommandFailure(error)!;
};

async function withMini(host: FiredrillHost) {
  await host.library.import({ fileName: 'mini.plan.yaml', text: readFileSync(MINI_PLAN_FILE, 'utf8') });
  await host.library.import({ fileName: 'mini.scenario.yaml', text: readFileSync(MINI_SCENARIO_FILE, 'utf8') });
}

describe('the studio commands of a host', () => {
  it('gives a document its own text, and saves an edited draft as a new version (a located error refuses and writes nothing)', async () => {
    const { host, root } = newHost();
    const bundled = await host.studio.source({ kind: 'plan', id: 'cloud-cirp' });
    expect(bundled.source).toBe('bundled');
    expect(bundled.text).toContain('# Severity matrix');
    const draft = editDraft(bundled.text, [
      { op: 'set', path: ['id'], value: 'acme-plan' },
      { op: 'set', path: ['severityLevels', 1, 'responseDeadline'], value: '30m' },
    ]);
    const saved = await host.library.import({ fileName: 'acme-plan.plan.yaml', text: draft, asNewVersion: true });
    expect(saved).toMatchObject({ kind: 'plan', id: 'acme-plan' });
    const again = await host.library.import({ fileName: 'acme-plan.plan.yaml', text: editDraft(draft, [{ op: 'set', path: ['title'], value: 'Acme plan v2' }]), asNewVersion: true });
    expect(again.previousHash).toBe(saved.hash);
    const source = await host.studio.source({ kind: 'plan', id: 'acme-plan' });
    expect(source).toMatchObject({ source: 'user', file: 'acme-plan.plan.yaml' });
    expect(source.text).toContain('# Severity matrix');
    expect(parse(source.text).title).toBe('Acme plan v2');

    const broken = editDraft(source.text, [{ op: 'set', path: ['severityLevels', 1, 'responseDeadline'], value: 'soon' }]);
    const failure = await failureOf(host.library.import({ fileName: 'acme-plan.plan.yaml', text: broken, asNewVersion: true }));
    expect(failure.code).toBe('invalid-file');
    expect(failure.errors?.[0]).toMatchObject({ file: 'acme-plan.plan.yaml', path: 'severityLevels[1].responseDeadline' });
    expect(readFileSync(join(root, 'library', 'acme-plan.plan.yaml'), 'utf8')).toBe(source.text);
  });

  it('saves a played session as a response script that the library then loads', async () => {
    const { host, root } = newHost();
    await withMini(host);
    const live = await host.sessions.create({ scenarioId: 'mini-leaked-key', mode: 'solo', speed: 60, participants: {} });
    wall = WALL0 + (2 * MIN) / 60;
    await host.sessions.input({ sessionId: live.id, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'triage-alert' } });
    wall = WALL0 + (12 * MIN) / 60;
    await host.sessions.input({ sessionId: live.id, actor: 'incident-commander', input: { type: 'severity.declared', level: 2 } });
    wall = WALL0 + (20 * MIN) / 60;
    await host.sessions.end({ sessionId: live.id });
    const saved = await host.studio.saveScript({ sessionId: live.id, name: 'model-answer' });
    expect(saved).toMatchObject({ scenarioId: 'mini-leaked-key', name: 'model-answer', file: 'mini-leaked-key.model-answer.script.yaml', steps: 3 });
    const text = readFileSync(join(root, 'library', saved.file), 'utf8');
    const plan = (await host.library.show('plan', 'mini')).document;
    const scenario = (await host.library.show('scenario', 'mini-leaked-key')).document;
    expect(checkDraft(saved.file, text, { plans: [plan as never], scenarios: [scenario as never] }).errors).toEqual([]);
    expect((await host.library.list()).problems).toEqual([]);
    expect((await failureOf(host.studio.saveScript({ sessionId: live.id, name: 'model-answer' }))).code).toBe('conflict');
  });

  it('exports a scenario as an MSEL and reads it back into a draft; an unreadable cell is located', async () => {
    const { host } = newHost();
    const csv = await host.studio.mselExport({ scenarioId: 'stolen-api-keys-new-location', format: 'csv', paper: 'a4' });
    expect(csv.fileName).toBe('stolen-api-keys-new-location.msel.csv');
    const imported = await host.studio.mselImport({ fileName: 'keys.csv', base64: csv.base64, planId: 'cloud-cirp', scenarioId: 'keys-again' });
    expect(imported.errors).toEqual([]);
    expect(imported.read?.columnSet).toBe('firedrill');
    const original = (await host.library.show('scenario', 'stolen-api-keys-new-location')).document;
    expect(parse(imported.draft!.yaml).injects.map((inject: { id: string }) => inject.id)).toEqual((original as { injects: { id: string }[] }).injects.map((inject) => inject.id));
    const bad = Buffer.from('Event #,Scenario Time,To,Message\n1,soon,incident-commander,Hello\n').toString('base64');
    const broken = await host.studio.mselImport({ fileName: 'bad.csv', base64: bad, planId: 'cloud-cirp' });
    expect(broken.draft).toBeUndefined();
    expect(broken.errors.some((error) => error.file.startsWith('bad.csv') && error.line === 2)).toBe(true);
    const xlsx = await host.studio.mselExport({ scenarioId: 'stolen-api-keys-new-location', format: 'xlsx', paper: 'a4' });
    expect(xlsx.bytes).toBeGreaterThan(1000);
  });

  it('exports a library pack and imports it on a fresh data folder; a pack that is not one is refused', async () => {
    const { host } = newHost();
    await withMini(host);
    const pack = await host.studio.packExport({ kind: 'library', scenarioIds: ['mini-leaked-key'] });
    expect(pack.fileName).toBe('mini-leaked-key.firedrill');
    const fresh = newHost();
    const imported = await fresh.host.studio.packImport({ fileName: 'mini.firedrill', base64: pack.base64 });
    expect(imported.written).toMatchObject({ plans: ['mini'], scenarios: ['mini-leaked-key'] });
    expect((await fresh.host.library.list()).scenarios.some((scenario) => scenario.id === 'mini-leaked-key')).toBe(true);
    expect(existsSync(join(fresh.root, 'library', 'mini-leaked-key.scenario.yaml'))).toBe(true);
    const refused = await failureOf(fresh.host.studio.packImport({ fileName: 'junk.firedrill', base64: Buffer.from('not a zip').toString('base64') }));
    expect(refused.code).toBe('invalid-file');
    expect(refused.errors?.length).toBeGreaterThan(0);
  });
});
