import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import type { Reply } from '../../../engine/protocol/messages.js';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import { bundledWorld } from '../../helpers/simulation.js';
import { ProtocolClient } from './helpers/protocol-client.js';
import { RawSocket } from './helpers/raw-socket.js';

// Malformed protocol messages, each answered with an error reply: wrong types, unknown
// commands, huge payloads, invalid JSON, binary frames, missing or wrong tokens, another
// session's id, inputs the engine refuses. The server stays up and no journal changes.

const SCENARIO = 'stolen-api-keys-new-location';
let dataDir: string;
let server: RunningServer;
let client: ProtocolClient;
let other: ProtocolClient;
let sessionA: string;
let sessionB: string;
let journalsBefore: Map<string, Buffer>;
const errorsSeen: { label: string; reply: Reply }[] = [];

const journals = () => new Map(readdirSync(join(dataDir, 'sessions')).filter((f) => f.endsWith('.jsonl')).map((f) => [f, readFileSync(join(dataDir, 'sessions', f))]));

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-bad-input-'));
  // A slow tick keeps the views still; ticks never write to a journal anyway.
  server = await startServer({ dataDir, port: 0, tickMs: 60_000, logError: (m) => console.error(m) });
  client = await ProtocolClient.connect(server.port, server.token);
  other = await ProtocolClient.connect(server.port, server.token);
  sessionA = (await client.ok('session.create', { scenarioId: SCENARIO, mode: 'facilitated', speed: 1 })).sessionId;
  sessionB = (await other.ok('session.create', { scenarioId: SCENARIO, mode: 'solo', speed: 1 })).sessionId;
  await client.ok('session.input', { sessionId: sessionA, actor: 'cloud-security-analyst', input: { type: 'action.taken', action: 'revoke-iam-access-key' } });
  journalsBefore = journals();
});
afterAll(async () => {
  client?.close();
  other?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Expects an error reply with this code (and a message a person can read). */
function expectError(label: string, reply: Reply, code: string, message?: RegExp) {
  expect(reply.ok, `${label}: ${JSON.stringify(reply)}`).toBe(false);
  if (reply.ok) return;
  expect(reply.error.code, `${label}: ${reply.error.message}`).toBe(code);
  expect(reply.error.message.length, label).toBeGreaterThan(10);
  expect(reply.error.message, label).not.toMatch(/\n\s+at /);
  if (message) expect(reply.error.message, label).toMatch(message);
  errorsSeen.push({ label, reply });
}

const input = (sessionId: string, actor: string, body: unknown) => ({ id: 7, type: 'session.input', params: { sessionId, actor, input: body } });

describe('malformed messages get error replies', () => {
  it('messages that are not a command envelope', async () => {
    expectError('a string', await client.raw('session.list'), 'bad-request', /a command is \{ id, type, params \}/);
    expectError('a number', await client.raw(42), 'bad-request');
    expectError('null', await client.raw(null), 'bad-request');
    expectError('an array', await client.raw([{ id: 1, type: 'session.list' }]), 'bad-request');
    expectError('no id', await client.raw({ type: 'session.list', params: {} }), 'bad-request', /id/);
    expectError('an object id', await client.raw({ id: { nested: 1 }, type: 'session.list' }), 'bad-request');
    expectError('a numeric type', await client.raw({ id: 1, type: 42 }), 'bad-request', /type/);
    expectError('an extra envelope field', await client.raw({ id: 1, type: 'session.list', params: {}, token: 'x' }), 'bad-request');
    expectError('an unknown command', await client.raw({ id: 3, type: 'session.hack', params: {} }), 'unknown-command', /unknown command "session\.hack" \(commands: library\.list/);
  });

  it('params of the wrong types or shapes', async () => {
    expectError('speed as text', await client.raw({ id: 1, type: 'clock.speed', params: { sessionId: sessionA, speed: 'fast' } }), 'bad-request', /^clock\.speed: speed:/);
    expectError('speed 0', await client.raw({ id: 1, type: 'clock.speed', params: { sessionId: sessionA, speed: 0 } }), 'bad-request');
    expectError('speed 1000', await client.raw({ id: 1, type: 'clock.speed', params: { sessionId: sessionA, speed: 1000 } }), 'bad-request');
    expectError('no input', await client.raw({ id: 1, type: 'session.input', params: { sessionId: sessionA, actor: 'facilitator' } }), 'bad-request', /input/);
    expectError('an unknown input type', await client.raw(input(sessionA, 'facilitator', { type: 'session.hacked' })), 'bad-request');
    expectError('session.started as an input', await client.raw(input(sessionA, 'facilitator', { type: 'session.started' })), 'bad-request');
    expectError('clock.jumped as an input', await client.raw(input(sessionA, 'facilitator', { type: 'clock.jumped', from: 0 })), 'bad-request', /clock\.jump/);
    expectError('an extra input field', await client.raw(input(sessionA, 'facilitator', { type: 'clock.paused', now: 5 })), 'bad-request');
    expectError('a path for a session id', await client.raw(input('../../etc/passwd', 'facilitator', { type: 'clock.paused' })), 'bad-request', /sessionId/);
    expectError('a participant who is not a role', await client.raw({ id: 1, type: 'session.create', params: { scenarioId: SCENARIO, mode: 'solo', participants: { ceo: 'Bob' } } }), 'bad-request', /ceo is not a role/);
    expectError('a mode that is not one', await client.raw({ id: 1, type: 'session.create', params: { scenarioId: SCENARIO, mode: 'scripted' } }), 'bad-request');
    const polluted = JSON.parse('{"id":1,"type":"session.list","params":{"__proto__":{"polluted":true}}}') as unknown;
    expectError('a __proto__ key', await client.raw(polluted), 'bad-request');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expectError('a binary payload', await client.raw({ id: 1, type: 'library.import', params: { fileName: 'x.yaml', text: Buffer.from('format: x') } }), 'bad-request');
  });

  it('huge payloads', async () => {
    const note = { type: 'observation.noted', text: 'x'.repeat(100_000), tag: 'note' };
    expectError('a 100 KB input', await client.raw(input(sessionA, 'facilitator', note)), 'too-large', /at most 65536 bytes/);
    expectError('a 3 MB import', await client.raw({ id: 1, type: 'library.import', params: { fileName: 'big.scenario.yaml', text: 'y'.repeat(3_000_000) } }), 'too-large');
    // A spreadsheet or a pack carries a whole file too: over 64 KB, it reaches its command, which reads it.
    const notAPack = Buffer.alloc(200_000, 7).toString('base64');
    const pack = await client.raw({ id: 1, type: 'pack.import', params: { fileName: 'big.firedrill', base64: notAPack } });
    expect(pack.ok ? undefined : pack.error.code).not.toBe('too-large');
    expect(pack.ok).toBe(false);
    const msel = await client.raw({ id: 1, type: 'msel.import', params: { fileName: 'big.csv', base64: notAPack, planId: 'no-such-plan' } });
    expect(msel.ok ? undefined : msel.error.code).not.toBe('too-large');
    // A stress test report sent back to be drawn as HTML may pass 64 KB (long deadline names): it is drawn.
    const report = simulateHere({ ...bundledWorld('public-test-bucket'), runs: 5, seed: 1 });
    const longTitles = report.breaches.map((breach) => ({ ...breach, title: `${breach.title} ${'and a long tail '.repeat(120)}`.slice(0, 2_000) }));
    const long = { ...report, breaches: [...longTitles, ...longTitles.map((breach) => ({ ...breach, id: `${breach.id}-again` }))] };
    expect(JSON.stringify(long).length).toBeGreaterThan(70_000);
    const drawn = await client.raw({ id: 1, type: 'export.simulation', params: { report: long } });
    expect(drawn).toMatchObject({ ok: true, result: { mediaType: 'text/html; charset=utf-8' } });
  });

  it('the transport: invalid JSON, a binary frame, no acknowledgement, extra arguments, another event', async () => {
    const raw = await RawSocket.connect(server.port, server.token);
    try {
      raw.send('42["command",{"id":1,"type":"session.list",');
      expectError('invalid JSON', (await raw.nextEvent('reply')) as Reply, 'malformed', /could not be read/);
      raw.send(Buffer.from([0xde, 0xad, 0xbe, 0xef]));
      expectError('a binary frame', (await raw.nextEvent('reply')) as Reply, 'malformed', /binary frame/);
      // The connection is still up and answers a good command.
      raw.send('421["command",{"id":"after","type":"session.list","params":{}}]');
      expect(await raw.nextAck(1)).toMatchObject({ id: 'after', ok: true });
      expect(raw.open).toBe(true);
    } finally {
      raw.close();
    }
    client.socket.emit('command', { id: 'no-ack', type: 'session.nope' });
    expectError('no acknowledgement callback', await client.nextReply(), 'unknown-command');
    expectError('two arguments', (await client.socket.timeout(5000).emitWithAck('command', { id: 1, type: 'session.list' }, 'extra')) as Reply, 'bad-request', /not 2 arguments/);
    expectError('another event name', (await client.socket.timeout(5000).emitWithAck('session.input', { id: 1 })) as Reply, 'unknown-command', /send commands as the "command" event/);
  });

  it('a missing or wrong token: refused at the handshake, before any frame is read', async () => {
    await expect(ProtocolClient.connect(server.port, undefined)).rejects.toThrow();
    await expect(ProtocolClient.connect(server.port, `${server.token.slice(0, -1)}x`)).rejects.toThrow();
    await expect(ProtocolClient.connect(server.port, 'p.whatever.signature')).rejects.toThrow();
    // At the WebSocket level: the upgrade itself is answered 403, so not one frame can follow.
    await expect(RawSocket.open(server.port, undefined)).rejects.toThrow(/refused at the handshake: 40[03]/);
    await expect(RawSocket.open(server.port, 'not-the-token')).rejects.toThrow(/refused at the handshake: 40[03]/);
    const polling = await fetch(`http://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=polling`);
    expect(polling.status).toBe(403);
    expect(await polling.text()).toMatch(/no valid token/);
  });

  it('frames refused before they are parsed: too large, nested too deep, binary attachments', async () => {
    const raw = await RawSocket.connect(server.port, server.token);
    try {
      // A command over the protocol's 64 KB, not an import: refused unread, answered through its acknowledgement.
      raw.send(`421["command",{"id":1,"type":"session.list","params":{"x":"${'x'.repeat(70_000)}"}}]`);
      expectError('a 70 KB frame', (await raw.nextAck(1)) as Reply, 'too-large', /at most 65536 bytes/);
      // A frame that claims to be an import may be larger, but not nested: a 4 MB one of brackets.
      const rssBefore = process.memoryUsage().rss;
      const nested = `422["command",{"id":2,"type":"session.import","params":{"fileName":"x.jsonl","text":${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}}}]`;
      raw.send(nested);
      expectError('a 4 MB nested frame', (await raw.nextAck(2, 20_000)) as Reply, 'malformed', /nests deeper than 32 levels/);
      // A guard, not a measure: parsed, such a frame held hundreds of MB (the bench prints figures).
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
      // Deep nesting inside 64 KB.
      raw.send(`423["command",${'['.repeat(30_000)}${']'.repeat(30_000)}]`);
      expectError('a 60 KB nested frame', (await raw.nextAck(3)) as Reply, 'malformed', /nests deeper/);
      raw.send(`424["command",{"id":4,"type":"session.list","params":{"a":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}}]`);
      expectError('40 levels of objects', (await raw.nextAck(4)) as Reply, 'malformed', /nests deeper/);
      // A binary event: its attachment is dropped unread, and the command answered.
      raw.send('451-5["command",{"id":5,"type":"library.import","params":{"fileName":"x.yaml","text":{"_placeholder":true,"num":0}}}]');
      raw.send(Buffer.alloc(1024, 7));
      expectError('a binary attachment', (await raw.nextAck(5)) as Reply, 'bad-request', /binary data is not part of the session protocol/);
      raw.send('426["command",{"id":"after","type":"session.list","params":{}}]');
      expect(await raw.nextAck(6)).toMatchObject({ id: 'after', ok: true });
      expect(raw.messages.filter((m) => typeof m === 'string' && m.startsWith('42["reply"'))).toEqual([]);
    } finally {
      raw.close();
    }
  }, 60_000);

  it('a frame over the transport\'s limit closes that connection only', async () => {
    const raw = await RawSocket.connect(server.port, server.token);
    const closed = new Promise<number>((resolve) => raw.ws.once('close', (code) => resolve(code)));
    raw.send(`421["command",{"id":1,"type":"session.import","params":{"fileName":"x.jsonl","text":"${'y'.repeat(5_000_000)}"}}]`);
    expect(await closed).toBe(1009); // "message too big"
    expect((await client.command('session.list', {})).ok).toBe(true);
  }, 30_000);

  it("another session's id, and sessions that do not exist", async () => {
    expectError("another connection's session", await client.command('session.input', { sessionId: sessionB, actor: 'facilitator', input: { type: 'clock.paused' } }), 'not-open', new RegExp(`session ${sessionB} is not open on this connection`));
    expectError("another connection's clock", await client.command('clock.jump', { sessionId: sessionB }), 'not-open');
    expectError('an unknown session input', await client.command('session.end', { sessionId: 'no-such-session' }), 'not-open');
    expectError('an unknown session open', await client.command('session.open', { sessionId: 'no-such-session' }), 'not-found', /there is no session no-such-session/);
    expectError('an unknown session scorecard', await client.command('scorecard.get', { sessionId: 'no-such-session' }), 'not-found');
    expectError('an unknown scenario', await client.command('session.create', { scenarioId: 'no-such-scenario', mode: 'solo' }), 'not-found');
  });

  it('inputs the engine refuses, with its reason', async () => {
    const refused = async (label: string, actor: string, body: Record<string, unknown>, pattern: RegExp) =>
      expectError(label, await client.raw(input(sessionA, actor, body)), 'refused', pattern);
    await refused('the facilitator taking an action', 'facilitator', { type: 'action.taken', action: 'revoke-iam-access-key' }, /done by a role of the team, not the facilitator/);
    await refused('a role steering the clock', 'cloud-security-analyst', { type: 'clock.paused' }, /only the facilitator/);
    await refused('an unknown action', 'cloud-security-analyst', { type: 'action.taken', action: 'hack-the-planet' }, /action/);
    await refused('an unknown role', 'janitor', { type: 'action.taken', action: 'revoke-iam-access-key' }, /role/);
    await refused('a severity not in the plan', 'incident-commander', { type: 'severity.declared', level: 9 }, /severity level 9 is not in the plan/);
    await refused('a decision not put yet', 'incident-commander', { type: 'decision.answered', decision: 'DEC-01', option: 'x' }, /decision/);
    expectError('resume a running clock', await client.command('clock.resume', { sessionId: sessionA }), 'refused', /the clock is not paused/);
  });

  it('library files that are broken, and bundled ones that cannot be removed', async () => {
    const broken = await client.command('library.import', { fileName: 'broken.scenario.yaml', text: 'format: firedrill-scenario/1\nid: broken\ntitle: [\n' });
    expectError('a broken scenario file', broken, 'invalid-file', /broken\.scenario\.yaml has \d+ errors?; nothing was imported/);
    expect(!broken.ok && broken.error.errors?.[0]).toMatchObject({ file: 'broken.scenario.yaml', line: expect.any(Number) });
    expectError('a bundled scenario removed', await client.command('library.remove', { kind: 'scenario', id: SCENARIO }), 'refused', /bundled with Firedrill/);
    expectError('a file name with a folder', await client.command('library.import', { fileName: '../../evil.yaml', text: 'x: 1' }), 'bad-request');
  });

  it('counted: at least 25 malformed messages, each answered with an error', () => {
    expect(errorsSeen.length).toBeGreaterThanOrEqual(25);
    console.log(`${errorsSeen.length} malformed messages, each answered: ${[...new Set(errorsSeen.map((e) => !e.reply.ok && e.reply.error.code))].join(", ")}`);
  });

  it('the server is still up, no journal changed, and a good command still works', async () => {
    expect(journals()).toEqual(journalsBefore);
    expect(readdirSync(join(dataDir, 'sessions')).filter((f) => f.endsWith('.corrupt'))).toEqual([]);
    const good = await client.ok('session.input', { sessionId: sessionA, actor: 'facilitator', input: { type: 'observation.noted', text: 'Still here.', tag: 'note' } });
    expect(good.entry.seq).toBe(3);
    expect((await fetch(server.url)).status).toBe(200);
  });
});
