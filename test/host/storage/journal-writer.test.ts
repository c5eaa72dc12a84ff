import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JournalWriter } from '../../../host/storage/journal-writer.js';
import { type JournalEntry } from '../../../engine/session/journal.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { StorageError } from '../../../host/storage/storage-error.js';

// The journal writer: appends resolve after write + fsync, in order, sharing fsyncs when they
// arrive together; a failed write refuses everything after it.

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'firedrill-writer-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const entry = (seq: number): JournalEntry =>
  seq === 1
    ? { seq, simTime: 0, wallTime: '2026-03-14T00:00:00.000Z', actor: 'system', type: 'session.started', sessionId: 's', engineFormat: 1, planId: 'p', planHash: 'h', scenarioId: 'c', scenarioHash: 'h', mode: 'solo', speed: 1, participants: {} }
    : { seq, simTime: seq * 1000, wallTime: '2026-03-14T00:00:00.000Z', actor: 'facilitator', type: 'observation.noted', text: `note ${seq} ✓`, tag: 'note' };

describe('JournalWriter', () => {
  it('writes appends in order, each resolved only once on disk', async () => {
    const path = join(root, 'j.jsonl');
    const writer = await JournalWriter.open(path);
    const resolved: number[] = [];
    const appends = Array.from({ length: 200 }, (_, i) =>
      writer.append(entry(i + 1)).then(() => {
        // When an append resolves, its line (and every one before it) is in the file.
        const onDisk = parseJournal(readFileSync(path, 'utf8')).entries.length;
        expect(onDisk).toBeGreaterThanOrEqual(i + 1);
        resolved.push(i + 1);
      }),
    );
    await Promise.all(appends);
    await writer.close();
    expect(resolved).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(parseJournal(readFileSync(path, 'utf8'))).toEqual({ entries: Array.from({ length: 200 }, (_, i) => entry(i + 1)), errors: [], integrity: { status: 'unverified', unchainedEntries: 200 } });
  });

  it('refuses appends after close, and close waits for the appends under way', async () => {
    const path = join(root, 'k.jsonl');
    const writer = await JournalWriter.open(path);
    const pending = writer.append(entry(1));
    await writer.close();
    await pending;
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(2);
    await expect(writer.append(entry(2))).rejects.toThrow(StorageError);
  });

  it.runIf(existsSync('/dev/full'))('rejects every append once a write fails, with the reason in plain words', async () => {
    const writer = await JournalWriter.open('/dev/full');
    const results = await Promise.allSettled([writer.append(entry(1)), writer.append(entry(2))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(writer.append(entry(3))).rejects.toMatchObject({ code: 'storage', message: 'the journal could not be written (the disk is full); nothing since the last acknowledged entry was saved' });
    await writer.close();
  });
});
