import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionStore } from '../../../host/storage/session-store.js';
import { setAsideTornLine } from '../../../host/storage/torn-line.js';
import { Session } from '../../../engine/session/session.js';
import { iso, loadMini, MIN, WALL0 } from '../../helpers/world.js';

// A crash mid-write leaves a torn last line: it is set aside in <id>.jsonl.corrupt (appended,
// history kept), reported once, and the rest of the journal goes on.

let root: string;
let store: SessionStore;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'firedrill-torn-'));
  store = new SessionStore(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const journalFile = (id: string) => join(root, 'sessions', `${id}.jsonl`);
const worlds = () => {
  const { plan, scenario } = loadMini();
  return () => ({ plan, scenario });
};

/** A stored session of three entries, closed. */
async function threeEntries(sessionId: string): Promise<Session> {
  const { plan, scenario } = loadMini();
  const session = Session.start({ plan, scenario, sessionId, mode: 'solo', speed: 1, wallTime: iso(WALL0) });
  const journal = await store.create(session);
  for (const minute of [1, 2]) {
    await journal.append(session.record({ type: 'observation.noted', text: `note ${minute}`, tag: 'note' }, { simTime: minute * MIN, wallTime: iso(WALL0), actor: 'facilitator' }));
  }
  await journal.close();
  return session;
}

describe('a torn last line', () => {
  it('is set aside, reported once, and the session resumes from the entry before it', async () => {
    const session = await threeEntries('s-torn');
    const clean = readFileSync(journalFile('s-torn'));
    const torn = '{"seq":4,"simTime":180000,"wallTime":"2026-03-14T00:03:00.000Z","actor":"facilit';
    appendFileSync(journalFile('s-torn'), torn);

    const first = await store.open('s-torn', worlds());
    expect(first.warnings).toEqual([
      'The last entry of session s-torn was cut off by a crash while it was being written (it had not been acknowledged): it was set aside in s-torn.jsonl.corrupt, and the session goes on from the entry before it.',
    ]);
    expect(first.session.journal).toEqual(session.journal);
    expect(readFileSync(journalFile('s-torn'))).toEqual(clean);
    expect(readFileSync(`${journalFile('s-torn')}.corrupt`, 'utf8')).toBe(`${torn}\n`);
    await first.journal.close();

    // Reported once: the journal was repaired.
    const second = await store.open('s-torn', worlds());
    expect(second.warnings).toEqual([]);
    await second.journal.close();
  });

  it('keeps the history of torn lines in the .corrupt file', async () => {
    await threeEntries('s-twice');
    appendFileSync(journalFile('s-twice'), '{"seq":4,"simT');
    await (await store.open('s-twice', worlds())).journal.close();
    appendFileSync(journalFile('s-twice'), '{"seq":4,"simTime":1');
    await (await store.open('s-twice', worlds())).journal.close();
    expect(readFileSync(`${journalFile('s-twice')}.corrupt`, 'utf8')).toBe('{"seq":4,"simT\n{"seq":4,"simTime":1\n');
  });

  it('moves with its session to the archive and the trash', async () => {
    await threeEntries('s-move');
    appendFileSync(journalFile('s-move'), '{"se');
    await (await store.open('s-move', worlds())).journal.close();
    store.archive('s-move');
    expect(readdirSync(join(root, 'sessions', 'archive')).sort()).toEqual(['s-move.jsonl', 's-move.jsonl.corrupt']);
    store.delete('s-move');
    expect(readdirSync(join(root, 'trash')).sort()).toEqual(['s-move.jsonl', 's-move.jsonl.corrupt']);
  });

  it('a torn multi-byte character is kept byte for byte', async () => {
    await threeEntries('s-bytes');
    const tail = Buffer.concat([Buffer.from('{"seq":4,"text":"caf'), Buffer.from('é').subarray(0, 1)]);
    appendFileSync(journalFile('s-bytes'), tail);
    expect(setAsideTornLine(journalFile('s-bytes'), 's-bytes')).toMatch(/set aside/);
    expect(readFileSync(`${journalFile('s-bytes')}.corrupt`)).toEqual(Buffer.concat([tail, Buffer.from('\n')]));
  });

  it('a complete entry that only lacks its newline is kept, not set aside', async () => {
    const session = await threeEntries('s-whole');
    const text = readFileSync(journalFile('s-whole'), 'utf8');
    const entry = session.record({ type: 'observation.noted', text: 'whole', tag: 'note' }, { simTime: 3 * MIN, wallTime: iso(WALL0), actor: 'facilitator' });
    appendFileSync(journalFile('s-whole'), JSON.stringify(entry));
    const opened = await store.open('s-whole', worlds());
    expect(opened.warnings).toEqual([]);
    expect(opened.session.journal).toHaveLength(4);
    expect(readFileSync(journalFile('s-whole'), 'utf8')).toBe(`${text}${JSON.stringify(entry)}\n`);
    await opened.journal.close();
  });
});
