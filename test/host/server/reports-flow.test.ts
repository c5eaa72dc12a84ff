import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// What the debrief and the history views ask of the host: exports of a session's scorecard and
// AAR as files, the improvement plan as generated and as edited, and the drill history.

const SCENARIO = 'stolen-api-keys-new-location';
let dataDir: string;
let server: RunningServer;
let client: ProtocolClient;
let sessionId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-reports-'));
  server = await startServer({ dataDir, port: 0, tickMs: 1000, logError: (m) => console.error(m) });
  client = await ProtocolClient.connect(server.port, server.token);
  sessionId = (await client.ok('session.create', { scenarioId: SCENARIO, mode: 'solo', speed: 1 })).sessionId;
  await client.ok('session.input', { sessionId, actor: 'facilitator', input: { type: 'observation.noted', text: 'The key was revoked before anyone asked.', tag: 'strength' } });
  await client.ok('session.end', { sessionId });
});
afterAll(async () => {
  client?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const bytesOf = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

describe('reports through the protocol', () => {
  it('lists the observations in the session view', async () => {
    const { view } = await client.ok('session.open', { sessionId });
    expect(view.observations).toMatchObject([{ seq: 2, by: 'facilitator', text: 'The key was revoked before anyone asked.', tag: 'strength', objective: null, inject: null }]);
  });

  it('exports the scorecard in every format, named and typed for saving', async () => {
    const pdf = await client.ok('export.scorecard', { sessionId, format: 'pdf' });
    expect(pdf.fileName).toBe(`firedrill-scorecard-${sessionId}.pdf`);
    expect(pdf.mediaType).toBe('application/pdf');
    expect(bytesOf(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.bytes).toBe(bytesOf(pdf).length);
    const { scorecard } = await client.ok('scorecard.get', { sessionId });
    const json = JSON.parse(bytesOf(await client.ok('export.scorecard', { sessionId, format: 'json' })).toString('utf8'));
    expect(json.overallScore).toBe(scorecard.overallScore);
    const html = bytesOf(await client.ok('export.scorecard', { sessionId, format: 'html' })).toString('utf8');
    expect(html).toContain('<!doctype html>');
    expect(html).toContain(scorecard.scenarioTitle);
  });

  it('refuses an unknown format with the formats it knows', async () => {
    const error = await client.fail('export.scorecard', { sessionId, format: 'xls' } as never);
    expect(error.code).toBe('bad-request');
    expect(error.message).toContain('format');
  });

  it('gives the generated improvement plan, saves an edited one, and the AAR carries it', async () => {
    const generated = await client.ok('improvements.get', { sessionId });
    expect(generated.edited).toBe(false);
    expect(generated.items.length).toBeGreaterThan(0);
    const first = generated.items[0]!;
    const edit = {
      objectiveId: first.objectiveId, objectiveTitle: first.objectiveTitle, capability: first.capability,
      issue: 'Nobody owned the key rotation runbook', correctiveAction: 'Write the key rotation runbook and rehearse it',
      capabilityElement: 'planning' as const, ownerRole: 'incident-commander', startDate: '2027-01-04', completionDate: '2027-02-26',
    };
    const saved = await client.ok('improvements.save', { sessionId, items: [edit] });
    expect(saved.edited).toBe(true);
    expect(saved.items).toEqual([{ number: 1, ...edit, capabilityElementTitle: 'Planning', ownerTitle: 'Incident Commander' }]);
    expect((await client.ok('improvements.get', { sessionId })).items).toEqual(saved.items);

    const markdown = bytesOf(await client.ok('export.aar', { sessionId, format: 'md' })).toString('utf8');
    expect(markdown).toContain('Write the key rotation runbook and rehearse it');
    const docx = await client.ok('export.aar', { sessionId, format: 'docx' });
    expect(docx.fileName).toBe(`firedrill-aar-${sessionId}.docx`);
    expect(bytesOf(docx).subarray(0, 2).toString()).toBe('PK');

    const reset = await client.ok('improvements.save', { sessionId, items: null });
    expect(reset.edited).toBe(false);
    expect(reset.items).toEqual(generated.items);
  });

  it('refuses an edited plan with a bad date or an owner who is not a role, naming the field', async () => {
    const item = { objectiveId: 'o', objectiveTitle: 'O', capability: '', issue: 'i', correctiveAction: 'c', capabilityElement: 'training' as const, ownerRole: 'incident-commander', startDate: '2027-03-01', completionDate: '2027-02-01' };
    const dates = await client.fail('improvements.save', { sessionId, items: [item] });
    expect(dates.message).toContain('items.0.completionDate: the completion date is before the start date');
    const owner = await client.fail('improvements.save', { sessionId, items: [{ ...item, completionDate: '2027-04-01', ownerRole: 'janitor' }] });
    expect(owner.message).toContain('items.0.ownerRole: "janitor" is not a role');
  });

  it('reports a damaged improvement plan file as such, and saving replaces it', async () => {
    writeFileSync(join(dataDir, 'improvements', `${sessionId}.json`), '{ not json');
    const error = await client.fail('improvements.get', { sessionId });
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain(`${sessionId}.json is not JSON`);
    await client.ok('improvements.save', { sessionId, items: null });
    expect((await client.ok('improvements.get', { sessionId })).edited).toBe(false);
  });

  it('puts the ended session in the history, with the running ones counted apart', async () => {
    const running = (await client.ok('session.create', { scenarioId: SCENARIO, mode: 'solo', speed: 1 })).sessionId;
    const { history, skipped, running: stillRunning } = await client.ok('history.get', {});
    expect(history.drills.map((drill) => drill.sessionId)).toEqual([sessionId]);
    expect(history.byScenario.map((group) => group.id)).toEqual([SCENARIO]);
    expect(skipped).toEqual([]);
    expect(stillRunning).toBe(1);
    expect(readFileSync(join(dataDir, 'sessions', `${running}.jsonl`), 'utf8')).toContain('session.started');
    const none = await client.ok('history.get', { scenarioId: 'public-test-bucket' });
    expect(none.history.drills).toEqual([]);
  });

  it('moves a deleted session\'s edited improvement plan to the trash with its journal', async () => {
    const { sessionId: doomed } = await client.ok('session.create', { scenarioId: SCENARIO, mode: 'solo', speed: 1 });
    await client.ok('session.end', { sessionId: doomed });
    const [item] = (await client.ok('improvements.get', { sessionId: doomed })).items;
    const { number: _n, capabilityElementTitle: _c, ownerTitle: _o, ...edit } = item!;
    await client.ok('improvements.save', { sessionId: doomed, items: [edit] });
    expect(existsSync(join(dataDir, 'improvements', `${doomed}.json`))).toBe(true);
    await client.ok('session.delete', { sessionId: doomed });
    expect(existsSync(join(dataDir, 'improvements', `${doomed}.json`))).toBe(false);
    expect(existsSync(join(dataDir, 'trash', `${doomed}.improvements.json`))).toBe(true);
  });

  it('never overwrites a plan set aside earlier: each reset keeps its own file in the trash', async () => {
    const [item] = (await client.ok('improvements.get', { sessionId })).items;
    const { number: _n, capabilityElementTitle: _c, ownerTitle: _o, ...edit } = item!;
    for (const issue of ['First edit', 'Second edit']) {
      await client.ok('improvements.save', { sessionId, items: [{ ...edit, issue }] });
      await client.ok('improvements.save', { sessionId, items: null });
    }
    const kept = readdirSync(join(dataDir, 'trash')).filter((name) => name.startsWith(`${sessionId}`) && name.endsWith('.improvements.json'));
    // (The damaged file set aside by an earlier test is among them: it is kept too, unread here.)
    const text = kept.map((name) => readFileSync(join(dataDir, 'trash', name), 'utf8'));
    const issues = text.filter((t) => t.startsWith('{\n')).map((t) => (JSON.parse(t) as { items: { issue: string }[] }).items[0]!.issue);
    expect(text).toContain('{ not json');
    expect(issues).toEqual(expect.arrayContaining(['First edit', 'Second edit']));
  });
});
