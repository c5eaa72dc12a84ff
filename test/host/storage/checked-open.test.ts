import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionStore, type JournalChecker, type WorldLookup } from '../../../host/storage/session-store.js';
import { checkJournalFile, type JournalCheck } from '../../../host/storage/journal-file.js';
import { Session } from '../../../engine/session/session.js';
import { iso, loadMini, WALL0 } from '../../helpers/world.js';

// SessionStore.open replays a journal in slices while its checker (a worker, in the host) reads
// it whole: the session opens only when both agree, what the check finds wrong is what is
// reported, and the lock is released whatever the outcome.

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'firedrill-checked-open-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mini: WorldLookup = () => {
  const { plan, scenario } = loadMini();
  return { plan, scenario };
};
const nowhere: WorldLookup = () => ({});
const SECOND = 1_000;

/** A stored session of `notes` observations, closed. */
async function stored(sessionId: string, notes: number): Promise<Session> {
  const { plan, scenario } = loadMini();
  const session = Session.start({ plan, scenario, sessionId, mode: 'solo', speed: 60, wallTime: iso(WALL0) });
  const journal = await new SessionStore(root).create(session);
  // A second apart (well inside the time limit), appended together (they share fsyncs).
  const entries = Array.from({ length: notes }, (_, i) => session.record({ type: 'observation.noted', text: `Note ${i + 1}`, tag: 'note' }, { simTime: (i + 1) * SECOND, wallTime: iso(WALL0 + (i + 1) * SECOND), actor: 'facilitator' }));
  await Promise.all(entries.map((entry) => journal.append(entry)));
  await journal.close();
  return session;
}

const checker = (change: (check: JournalCheck) => JournalCheck): JournalChecker => async (path) => change(checkJournalFile(path));

describe('a checked open', () => {
  it('opens a journal both the check and the replay agree on, as Session.replay rebuilds it', async () => {
    const recorded = await stored('s-agreed', 2_500);
    const opened = await new SessionStore(root).open('s-agreed', mini);
    expect(opened.session.journal).toEqual(recorded.journal);
    expect(opened.session.context).toEqual(Session.replay(recorded.journal, loadMini().plan, loadMini().scenario).context);
    await opened.journal.close();
  });

  it('reports what the check finds (an edit) and releases the lock', async () => {
    await stored('s-edited', 3);
    const edited = checker((check) => ({ ...check, integrity: { status: 'edited', line: 3, message: 'this entry does not match its hash' } }));
    await expect(new SessionStore(root, edited).open('s-edited', mini)).rejects.toMatchObject({ code: 'edited', message: expect.stringContaining('s-edited.jsonl:3') });
    const again = await new SessionStore(root).open('s-edited', mini);
    await again.journal.close();
  });

  it('reports a damaged line before the replay\'s own refusal (a scenario not in the library), as when the check came first', async () => {
    await stored('s-damaged', 3);
    const path = join(root, 'sessions', 's-damaged.jsonl');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[2] = '{ not json';
    writeFileSync(path, lines.join('\n'));
    await expect(new SessionStore(root).open('s-damaged', nowhere)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringContaining('s-damaged.jsonl line 3: not valid JSON') });
    await expect(new SessionStore(root).open('s-damaged', mini)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('refuses a journal that is not the one checked (it changed meanwhile)', async () => {
    await stored('s-changed', 3);
    const other = checker((check) => ({ ...check, entries: check.entries + 1 }));
    await expect(new SessionStore(root, other).open('s-changed', mini)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringContaining('changed while it was being opened') });
  });

  it('fails with the checker\'s own failure (a worker that stopped), the lock released', async () => {
    await stored('s-stopped', 2_500); // long enough for the replay to give the event loop back while the failure waits
    const stopped: JournalChecker = () => Promise.reject(new Error('the worker stopped'));
    await expect(new SessionStore(root, stopped).open('s-stopped', mini)).rejects.toThrow('the worker stopped');
    await (await new SessionStore(root).open('s-stopped', mini)).journal.close();
  });
});
