import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionStore } from '../../../host/storage/session-store.js';
import { processAlive, SessionLock } from '../../../host/storage/session-lock.js';
import { Session } from '../../../engine/session/session.js';
import { iso, loadMini, WALL0 } from '../../helpers/world.js';

// One writer per session: a lock file created exclusively with the pid; a live holder is named
// in the refusal, a dead one (a crash) is taken over.

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'firedrill-lock-'));
  mkdirSync(join(root, 'sessions'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const lockFile = (id: string) => join(root, 'sessions', `${id}.lock`);
const mini = () => {
  const { plan, scenario } = loadMini();
  return () => ({ plan, scenario });
};
async function storedSession(store: SessionStore, sessionId: string) {
  const { plan, scenario } = loadMini();
  await (await store.create(Session.start({ plan, scenario, sessionId, mode: 'solo', speed: 1, wallTime: iso(WALL0) }))).close();
}

/** The pid of a process that has exited: certainly not running. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  expect(processAlive(child.pid!)).toBe(false);
  return child.pid!;
}

describe('session locks', () => {
  it('holds the pid while the session is open and is removed when it closes', async () => {
    const store = new SessionStore(root);
    await storedSession(store, 's1');
    const opened = await store.open('s1', mini());
    expect(readFileSync(lockFile('s1'), 'utf8')).toBe(`${process.pid}\n`);
    await opened.journal.close();
    expect(existsSync(lockFile('s1'))).toBe(false);
  });

  it('refuses a session open in another live Firedrill, naming its pid', async () => {
    const store = new SessionStore(root);
    await storedSession(store, 's2');
    // The parent of this test worker stands for another Firedrill: a live process, not this one.
    writeFileSync(lockFile('s2'), `${process.ppid}\n`);
    await expect(store.open('s2', mini())).rejects.toMatchObject({ code: 'locked', message: `session s2 is open in another Firedrill (pid ${process.ppid}); close it there first` });
    expect(readFileSync(lockFile('s2'), 'utf8')).toBe(`${process.ppid}\n`);
    expect(store.list()[0]).toMatchObject({ id: 's2', openIn: process.ppid });
  });

  it('refuses a second open in the same process', async () => {
    const store = new SessionStore(root);
    await storedSession(store, 's3');
    const opened = await store.open('s3', mini());
    await expect(store.open('s3', mini())).rejects.toMatchObject({ code: 'locked', message: 'session s3 is already open in this Firedrill' });
    expect(() => store.archive('s3')).toThrow('already open in this Firedrill');
    await opened.journal.close();
  });

  it('takes over a stale lock left by a process that died', async () => {
    const store = new SessionStore(root);
    await storedSession(store, 's4');
    writeFileSync(lockFile('s4'), `${deadPid()}\n`);
    const opened = await store.open('s4', mini());
    expect(readFileSync(lockFile('s4'), 'utf8')).toBe(`${process.pid}\n`);
    await opened.journal.close();
  });

  it('takes over an unreadable lock file, and a lock with its own pid from a past life', () => {
    writeFileSync(lockFile('s5'), 'garbage');
    SessionLock.acquire(lockFile('s5'), 's5').release();
    writeFileSync(lockFile('s6'), `${process.pid}\n`);
    const lock = SessionLock.acquire(lockFile('s6'), 's6');
    expect(readFileSync(lockFile('s6'), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
  });
});
