import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { nodeBundle, workerEntryPoints } from '../../../scripts/node-bundle.mjs';
import { MEASURE_OPEN, writeLongJournal, type OpenFigures } from '../../helpers/long-journal.js';
import { SessionStore } from '../../../host/storage/session-store.js';
import { nodeSha256Hex } from '../../../host/storage/journal-file.js';
import { entryHash } from '../../../engine/session/journal-chain.js';
import type { JournalEntry } from '../../../engine/session/journal.js';

// A 100 MB journal in the data folder blocked session.open for 15 s and held 2.4 GB, and
// session.list read every journal whole on every call. Journals are now read line by line
// (never whole), and the list comes from the session index, which reads only what was appended.
// The bounds below are guards, far above what this takes (see `npm run bench` for the figures).

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'firedrill-long-journal-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a 100 MB journal', () => {
  it('is listed and opened in a child process holding well under a gigabyte', async () => {
    const dataDir = join(root, 'long');
    const written = writeLongJournal(dataDir, 'long', 100_000_000);
    expect(written.bytes).toBeGreaterThanOrEqual(100_000_000);
    const outdir = join(process.cwd(), 'dist', 'test-host');
    const child = join(outdir, 'long-journal.js');
    await build({ entryPoints: ['test/helpers/long-journal.ts'], outfile: child, ...nodeBundle });
    // The host's worker (it checks the journal while it is replayed) beside the child, where the host finds it.
    await build({ entryPoints: workerEntryPoints(), outdir, ...nodeBundle });
    const run = spawnSync(process.execPath, [child, MEASURE_OPEN, dataDir, 'long'], { encoding: 'utf8', timeout: 240_000 });
    expect(run.status, run.stderr).toBe(0);
    const figures = JSON.parse(run.stdout.trim()) as OpenFigures;
    expect(figures.entries).toBe(written.entries);
    // Reading the file whole took ~1 GB at 100 MB (the text, its lines, then the entries).
    expect(figures.peakRssMb).toBeLessThan(800);
  }, 300_000);
});

describe('the session index', () => {
  it('reads a journal once, then only the lines appended to it; a journal cut or rewritten is read again', () => {
    const dataDir = join(root, 'index');
    const store = new SessionStore(dataDir);
    writeLongJournal(dataDir, 'grown', 20_000);
    const path = join(dataDir, 'sessions', 'grown.jsonl');
    const [first] = store.list();
    expect(first).toMatchObject({ id: 'grown', state: expect.stringMatching(/^(running|paused)$/), integrity: { status: 'verified' } });

    // Line 5 changed in place and an entry appended: only the new line is read (the list does
    // not see line 5; opening or replaying the session would).
    const text = readFileSync(path, 'utf8');
    const at = text.indexOf('Observation 5:');
    const last = JSON.parse(text.trimEnd().split('\n').at(-1)!) as JournalEntry;
    const appended = { seq: last.seq + 1, simTime: last.simTime, wallTime: last.wallTime, actor: 'facilitator', type: 'session.ended' } as JournalEntry;
    appended.hash = entryHash(last.hash!, appended, nodeSha256Hex);
    writeFileSync(path, `${text.slice(0, at)}X${text.slice(at + 1)}${JSON.stringify(appended)}\n`);
    expect(store.list()[0]).toMatchObject({ entries: first!.entries + 1, state: 'ended', integrity: { status: 'verified' } });

    // Cut back (a journal only grows): read again from the start, and the change is found.
    writeFileSync(path, `${text.slice(0, at)}X${text.slice(at + 1)}`);
    expect(store.list()[0]).toMatchObject({ entries: first!.entries, state: first!.state, integrity: { status: 'edited', line: 5 } });
  });
});
