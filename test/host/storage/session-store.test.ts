import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionStore, type WorldLookup } from '../../../host/storage/session-store.js';
import { StorageError } from '../../../host/storage/storage-error.js';
import { Session } from '../../../engine/session/session.js';
import { type JournalEntry } from '../../../engine/session/journal.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { contentHash } from '../../../engine/session/hash.js';
import { iso, loadMini, miniVariant, MIN, WALL0, type World } from '../../helpers/world.js';

// Session storage on real files in a temporary data folder: append and read back, resume by
// replay, list, archive, delete to the trash, and the refusals (mismatch, damage, unknown ids).

let root: string;
let store: SessionStore;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'firedrill-store-'));
  store = new SessionStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const worldLookup = (world: World): WorldLookup => (started) => ({
  ...(started.scenarioId === world.scenario.id ? { scenario: world.scenario } : {}),
  ...(started.planId === world.plan.id ? { plan: world.plan } : {}),
});
const mini = () => worldLookup(loadMini());

function startMini(sessionId: string, wall = WALL0): Session {
  const { plan, scenario } = loadMini();
  return Session.start({ plan, scenario, sessionId, mode: 'solo', speed: 60, wallTime: iso(wall) });
}

/** Records an observation at a simulated minute; returns the entry. */
const note = (session: Session, minute: number, text: string): JournalEntry =>
  session.record({ type: 'observation.noted', text, tag: 'note' }, { simTime: minute * MIN, wallTime: iso(WALL0 + minute * MIN), actor: 'facilitator' });

const fileOf = (sessionId: string, folder = 'sessions') => join(root, folder, `${sessionId}.jsonl`);

describe('SessionStore', () => {
  it('appends entries durably and resumes the session by replaying them', async () => {
    const session = startMini('s-append');
    const journal = await store.create(session);
    const entries = [note(session, 1, 'first'), note(session, 2, 'second'), session.record({ type: 'action.taken', action: 'triage-alert' }, { simTime: 3 * MIN, wallTime: iso(WALL0), actor: 'cloud-security-analyst' })];
    // Appended together: each resolves once its line is written and fsynced, in order.
    await Promise.all(entries.map((entry) => journal.append(entry)));
    expect(parseJournal(readFileSync(fileOf('s-append'), 'utf8')).entries).toEqual(session.journal);
    await journal.close();

    const opened = await store.open('s-append', mini());
    expect(opened.warnings).toEqual([]);
    expect(opened.session.journal).toEqual(session.journal);
    expect(opened.session.now).toBe(3 * MIN);
    expect(opened.session.context).toEqual(session.context);
    await opened.journal.close();
  });

  it('refuses to create a session whose id exists', async () => {
    await (await store.create(startMini('s-twice'))).close();
    await expect(store.create(startMini('s-twice'))).rejects.toMatchObject({ code: 'conflict', message: 'a session s-twice already exists' });
  });

  it('lists sessions with their scenario, plan, start, entry count, ended and archived', async () => {
    const a = startMini('s-a', WALL0);
    const journalA = await store.create(a);
    await journalA.append(note(a, 1, 'one'));
    await journalA.append(a.record({ type: 'session.ended' }, { wallTime: iso(WALL0), actor: 'facilitator' }));
    await journalA.close();
    await (await store.create(startMini('s-b', WALL0 + 60_000))).close();
    store.archive('s-b');

    const common = { scenarioId: 'mini-leaked-key', planId: 'mini', mode: 'solo', participants: {}, score: null, integrity: { status: 'verified' } };
    expect(store.list()).toEqual([
      { ...common, id: 's-b', name: 'mini-leaked-key · 2026-03-14', startedAt: iso(WALL0 + 60_000), entries: 1, state: 'running', ended: false, simTime: 0, archived: true },
      { ...common, id: 's-a', name: 'mini-leaked-key · 2026-03-14', startedAt: iso(WALL0), entries: 3, state: 'ended', ended: true, simTime: MIN, archived: false },
    ]);
    expect(store.list({ archived: false }).map((s) => s.id)).toEqual(['s-a']);
    expect(store.list({ archived: true }).map((s) => s.id)).toEqual(['s-b']);
  });

  it('archives a session: it moves to sessions/archive/, can be read but not resumed', async () => {
    await (await store.create(startMini('s-arch'))).close();
    store.archive('s-arch');
    expect(existsSync(fileOf('s-arch'))).toBe(false);
    expect(existsSync(fileOf('s-arch', 'sessions/archive'))).toBe(true);
    expect(store.read('s-arch', mini()).journal).toHaveLength(1);
    await expect(store.open('s-arch', mini())).rejects.toMatchObject({ code: 'archived' });
    expect(() => store.archive('s-arch')).toThrow('session s-arch is already archived');
  });

  it('deletes to the trash folder (never unlinks), a second session of the same id beside the first', async () => {
    await (await store.create(startMini('s-del'))).close();
    const bytes = readFileSync(fileOf('s-del'));
    expect(store.delete('s-del')).toBe(join(root, 'trash', 's-del.jsonl'));
    expect(readFileSync(join(root, 'trash', 's-del.jsonl'))).toEqual(bytes);
    await (await store.create(startMini('s-del'))).close();
    store.archive('s-del');
    expect(store.delete('s-del')).toBe(join(root, 'trash', 's-del.2.jsonl'));
    expect(store.list()).toEqual([]);
    expect(() => store.delete('s-del')).toThrow(StorageError);
  });

  it('ends a session that is not open: session.ended by the facilitator, fsynced', async () => {
    await (await store.create(startMini('s-end'))).close();
    const entry = await store.end('s-end', mini(), iso(WALL0), 'time is up');
    expect(entry).toMatchObject({ seq: 2, type: 'session.ended', reason: 'time is up', actor: 'facilitator' });
    expect(store.list()[0]!.ended).toBe(true);
  });

  it('replays a journal against the version it was recorded with, kept when it was created, after its scenario changed', async () => {
    await (await store.create(startMini('s-kept'))).close();
    expect(readdirSync(join(root, 'versions'))).toHaveLength(2);
    const changed = miniVariant((raw) => {
      raw.title = 'A leaked access key (edited)';
    });
    const opened = await store.open('s-kept', worldLookup(changed));
    expect(opened.session.index.scenario.title).toBe(loadMini().scenario.title);
    await opened.journal.close();
    expect(store.read('s-kept', worldLookup(changed)).started.scenarioHash).toBe(contentHash(loadMini().scenario));
  });

  it('refuses a journal recorded against another version of its scenario when that version is not kept, saying so', async () => {
    await (await store.create(startMini('s-hash'))).close();
    rmSync(join(root, 'versions'), { recursive: true });
    store = new SessionStore(root); // a process that never saw the version
    const changed = miniVariant((raw) => {
      raw.title = 'A leaked access key (edited)';
    });
    const error = await store.open('s-hash', worldLookup(changed)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'mismatch' });
    expect((error as Error).message).toMatch(/^session s-hash cannot be opened: scenario "mini-leaked-key" has changed since the journal was recorded/);
    // The refusal released the lock: the right scenario opens it, and keeps its version from then on.
    await (await store.open('s-hash', mini())).journal.close();
    expect(readdirSync(join(root, 'versions'))).toHaveLength(2);
  });

  it('refuses a damaged journal with the line and the problem, and changes nothing', async () => {
    const session = startMini('s-bad');
    const journal = await store.create(session);
    await journal.append(note(session, 1, 'one'));
    await journal.close();
    const lines = readFileSync(fileOf('s-bad'), 'utf8').split('\n');
    const damaged = [lines[0], '{"seq": 2, "this is": not json', lines[1], ''].join('\n');
    writeFileSync(fileOf('s-bad'), damaged);
    await expect(store.open('s-bad', mini())).rejects.toMatchObject({ code: 'corrupt', message: "the journal of session s-bad is damaged: s-bad.jsonl line 2: not valid JSON (and 1 more problem)" });
    expect(readFileSync(fileOf('s-bad'), 'utf8')).toBe(damaged);
  });

  it('names what is missing: an unknown session, a scenario not in the library', async () => {
    await expect(store.open('nope', mini())).rejects.toMatchObject({ code: 'not-found', message: 'there is no session nope' });
    await expect(store.open('../../etc/passwd', mini())).rejects.toMatchObject({ code: 'not-found' });
    await (await store.create(startMini('s-lib'))).close();
    // Its kept versions open it without the library...
    await (await store.open('s-lib', () => ({}))).journal.close();
    // ...and without them, the library is needed.
    rmSync(join(root, 'versions'), { recursive: true });
    store = new SessionStore(root);
    await expect(store.open('s-lib', () => ({}))).rejects.toMatchObject({ message: 'session s-lib is of scenario "mini-leaked-key", which is not in the library; import its scenario file to open it' });
  });

  it('leaves no temporary files behind', async () => {
    const session = startMini('s-tidy');
    const journal = await store.create(session);
    await journal.append(note(session, 1, 'x'));
    await journal.close();
    expect(readdirSync(join(root, 'sessions'))).toEqual(['s-tidy.jsonl']);
  });
});
