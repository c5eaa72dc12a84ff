import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { MAX_IMPORT_BYTES } from '../../../engine/protocol/limits.js';
import { parseRequest } from '../../../engine/protocol/messages.js';
import { ProtocolClient } from './helpers/protocol-client.js';
import { rechainedText } from '../../helpers/chain.js';

// session.import: a journal exported from one data folder (its sessions/<id>.jsonl) is stored in
// another as an ended session, and scores the same there. A damaged journal, one of a scenario
// this library lacks, and one already here are each refused with a clear error, and nothing is
// written.

const SCENARIO = 'stolen-api-keys-new-location';
const dirs: string[] = [];
const servers: RunningServer[] = [];
const clients: ProtocolClient[] = [];

async function startIn(prefix: string): Promise<{ dataDir: string; client: ProtocolClient }> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dataDir);
  const server = await startServer({ dataDir, port: 0, tickMs: 1000, logError: (m) => console.error(m) });
  servers.push(server);
  const client = await ProtocolClient.connect(server.port, server.token);
  clients.push(client);
  return { dataDir, client };
}

let origin: { dataDir: string; client: ProtocolClient };
let target: { dataDir: string; client: ProtocolClient };
let ended: { sessionId: string; fileName: string; text: string };
let running: { sessionId: string; fileName: string; text: string };

const journalText = (dataDir: string, sessionId: string) => readFileSync(join(dataDir, 'sessions', `${sessionId}.jsonl`), 'utf8');
/** Everything under sessions/, temporary and lock files included: a refused import leaves it as it was. */
const sessionsFolder = (dataDir: string) => (existsSync(join(dataDir, 'sessions')) ? readdirSync(join(dataDir, 'sessions'), { recursive: true }).map(String).sort() : []);

beforeAll(async () => {
  origin = await startIn('firedrill-import-from-');
  target = await startIn('firedrill-import-to-');
  const { client } = origin;

  const sessionId = (await client.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 1, participants: { 'incident-commander': 'Ada' } })).sessionId;
  await client.ok('clock.pause', { sessionId });
  await client.ok('clock.jump', { sessionId });
  await client.ok('session.input', { sessionId, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'revoke-iam-access-key' } });
  await client.ok('session.input', { sessionId, actor: 'incident-commander', input: { type: 'severity.declared', level: 2 } });
  await client.ok('session.input', { sessionId, actor: 'facilitator', input: { type: 'observation.noted', text: 'Keys revoked before the scope was known.', tag: 'improvement' } });
  await client.ok('clock.jump', { sessionId });
  await client.ok('session.end', { sessionId, reason: 'time is up' });
  ended = { sessionId, fileName: `${sessionId}.jsonl`, text: journalText(origin.dataDir, sessionId) };

  const other = (await client.ok('session.create', { scenarioId: SCENARIO, mode: 'solo', speed: 1 })).sessionId;
  await client.ok('clock.pause', { sessionId: other });
  await client.ok('clock.jump', { sessionId: other });
  running = { sessionId: other, fileName: `${other}.jsonl`, text: journalText(origin.dataDir, other) };
});

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all(servers.map((server) => server.close()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('session.import', () => {
  it('stores a journal from another data folder as an ended session that scores the same', async () => {
    const imported = await target.client.ok('session.import', { fileName: ended.fileName, text: ended.text });
    expect(imported.sessionId).toBe(ended.sessionId);
    expect(imported.summary).toMatchObject({ id: ended.sessionId, scenarioId: SCENARIO, mode: 'facilitated', ended: true, archived: false });
    expect(imported.summary.entries).toBe(parseJournal(ended.text).entries.length);

    const there = await origin.client.ok('scorecard.get', { sessionId: ended.sessionId });
    const here = await target.client.ok('scorecard.get', { sessionId: ended.sessionId });
    expect(here.scorecard).toEqual(there.scorecard);

    // In the session list, the history and the debrief's reports, like a drill run here.
    const { sessions } = await target.client.ok('session.list', {});
    expect(sessions.map((session) => session.id)).toEqual([ended.sessionId]);
    const { history } = await target.client.ok('history.get', {});
    expect(history.drills.map((drill) => drill.sessionId)).toEqual([ended.sessionId]);
    const html = await target.client.ok('export.scorecard', { sessionId: ended.sessionId, format: 'html' });
    expect(html.bytes).toBeGreaterThan(0);
    // The journal is stored as it was: every entry kept, one per line.
    expect(parseJournal(journalText(target.dataDir, ended.sessionId)).entries).toEqual(parseJournal(ended.text).entries);
  });

  it('ends a journal that stops before its end, at its last simulated time', async () => {
    const imported = await target.client.ok('session.import', { fileName: running.fileName, text: running.text });
    expect(imported.summary.ended).toBe(true);
    const original = parseJournal(running.text).entries;
    const stored = parseJournal(journalText(target.dataDir, running.sessionId)).entries;
    expect(stored.slice(0, -1)).toEqual(original);
    expect(stored.at(-1)).toMatchObject({ type: 'session.ended', actor: 'facilitator', seq: original.length + 1, simTime: original.at(-1)!.simTime });
  });

  it('refuses a garbled line with its line number, and writes nothing', async () => {
    const { dataDir, client } = await startIn('firedrill-import-garbled-');
    const lines = ended.text.split('\n');
    lines[2] = '{"seq":3,"simTime":'; // a line of garbage in the middle
    const error = await client.fail('session.import', { fileName: ended.fileName, text: lines.join('\n') });
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain(`${ended.fileName} is damaged: line 3: not valid JSON`);
    expect(error.message).toContain('nothing was imported');
    expect(error.errors).toEqual([{ file: ended.fileName, line: 3, column: 1, path: '', message: 'not valid JSON' }]);
    expect(sessionsFolder(dataDir)).toEqual([]);
  });

  it('refuses a torn last line (a copy cut off mid-entry), and writes nothing', async () => {
    const { dataDir, client } = await startIn('firedrill-import-torn-');
    const text = ended.text.slice(0, -25);
    const lastLine = text.split('\n').length;
    const error = await client.fail('session.import', { fileName: ended.fileName, text });
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(new RegExp(`line ${lastLine}: the line is cut off`));
    expect(error.errors?.[0]).toMatchObject({ line: lastLine });
    expect(sessionsFolder(dataDir)).toEqual([]);
  });

  it('refuses a journal of a newer Firedrill as one, not as a damaged journal, and writes nothing', async () => {
    const { dataDir, client } = await startIn('firedrill-import-newer-');
    const [first, ...rest] = ended.text.split('\n');
    const text = [JSON.stringify({ ...JSON.parse(first!), engineFormat: 3 }), ...rest].join('\n');
    const error = await client.fail('session.import', { fileName: ended.fileName, text });
    expect(error.message).toBe(`${ended.fileName}: the journal was written by a newer Firedrill (engine format 3): this Firedrill replays engine formats 1 and 2; open it with that version, or update this one; nothing was imported`);
    expect(error.errors).toEqual([expect.objectContaining({ line: 1, path: 'engineFormat' })]);
    expect(sessionsFolder(dataDir)).toEqual([]);
  });

  it('refuses a file that is no journal (a CSV, a YAML plan named .jsonl) as not a journal, not as a journal cut off or damaged line by line', async () => {
    const { dataDir, client } = await startIn('firedrill-import-not-journal-');
    const error = await client.fail('session.import', { fileName: 'msel.jsonl', text: 'Event #,Scenario Time,Message' });
    expect(error.code).toBe('corrupt');
    expect(error.message).toBe('msel.jsonl is not a drill journal: no line of it is a journal entry (a journal holds one JSON entry a line, the first a session.started); nothing was imported');
    const plan = await client.fail('session.import', { fileName: 'plan.jsonl', text: 'format: firedrill-plan/1\nid: mini\ntitle: Mini\n' });
    expect(plan.message).toMatch(/^plan\.jsonl is not a drill journal: no line of it is a journal entry/);
    expect(sessionsFolder(dataDir)).toEqual([]);
  });

  it('refuses an entry that does not match the journal schema, naming the field', async () => {
    const { dataDir, client } = await startIn('firedrill-import-field-');
    const text = ended.text.replace('"type":"severity.declared","level":2', '"type":"severity.declared","level":"two"');
    const error = await client.fail('session.import', { fileName: ended.fileName, text });
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/line \d+: level: /);
    expect(sessionsFolder(dataDir)).toEqual([]);
  });

  it('refuses a journal of a scenario the library lacks, saying to import the scenario first', async () => {
    const { dataDir, client } = await startIn('firedrill-import-unknown-');
    const text = rechainedText(ended.text.replace(`"scenarioId":"${SCENARIO}"`, '"scenarioId":"no-such-scenario"'));
    const error = await client.fail('session.import', { fileName: ended.fileName, text });
    expect(error.code).toBe('not-found');
    expect(error.message).toContain('scenario "no-such-scenario", which is not in the library: import the scenario file first');
    expect(sessionsFolder(dataDir)).toEqual([]);
  });

  it('refuses a session already here (imported twice, or from this very folder), and changes nothing', async () => {
    const before = journalText(target.dataDir, ended.sessionId);
    const folder = sessionsFolder(target.dataDir);
    const twice = await target.client.fail('session.import', { fileName: ended.fileName, text: ended.text });
    expect(twice.code).toBe('conflict');
    expect(twice.message).toContain(`a session ${ended.sessionId} already exists here`);
    expect(journalText(target.dataDir, ended.sessionId)).toBe(before);
    expect(sessionsFolder(target.dataDir)).toEqual(folder);

    const home = await origin.client.fail('session.import', { fileName: ended.fileName, text: ended.text });
    expect(home.code).toBe('conflict');
  });

  it('takes a journal as large as a library file, though JSON escaping doubles its quotes in the message', () => {
    const message = (text: string) => ({ id: 1, type: 'session.import', params: { fileName: 'big.jsonl', text } });
    expect(parseRequest(message('"'.repeat(MAX_IMPORT_BYTES))).ok).toBe(true);
    const tooLarge = parseRequest(message('"'.repeat(MAX_IMPORT_BYTES + 1)));
    expect(tooLarge).toMatchObject({ ok: false, reply: { ok: false, error: { code: expect.stringMatching(/too-large|bad-request/) } } });
  });

  it('refuses a file that is not a journal by its name, and an archived duplicate', async () => {
    const error = await target.client.fail('session.import', { fileName: 'notes.txt', text: ended.text } as never);
    expect(error.code).toBe('bad-request');
    expect(error.message).toContain('.jsonl');

    await target.client.ok('session.archive', { sessionId: running.sessionId });
    const archived = await target.client.fail('session.import', { fileName: running.fileName, text: running.text });
    expect(archived.code).toBe('conflict');
  });
});
