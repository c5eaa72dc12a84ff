import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FiredrillHost } from '../../../host/service/firedrill-host.js';

// A stored session read (LobbyService checks every reconnecting participant against it) is
// replayed once for each state of its journal, not once for each page that asks.

const SCENARIO = 'public-test-bucket';
const events = { update: () => {}, closed: () => {} };
let root: string;
let host: FiredrillHost;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'firedrill-session-read-'));
  host = new FiredrillHost({ dataDir: root, events, now: () => Date.parse('2026-03-01T09:00:00Z') });
});
afterEach(async () => {
  await host.close();
  rmSync(root, { recursive: true, force: true });
});

describe('reading a stored session', () => {
  it('replays it once while its journal is unchanged, and again once it changed', async () => {
    const { id: sessionId } = await host.sessions.create({ scenarioId: SCENARIO, mode: 'solo', speed: 1, participants: {} });
    await host.close();
    host = new FiredrillHost({ dataDir: root, events, now: () => Date.parse('2026-03-01T10:00:00Z') });
    expect(host.sessions.isLive(sessionId)).toBe(false);

    const first = await host.sessions.read(sessionId);
    expect(await host.sessions.read(sessionId)).toBe(first);

    await host.sessions.rename({ sessionId, name: 'Renamed while stored' });
    const after = await host.sessions.read(sessionId);
    expect(after).not.toBe(first);
    expect(after.name).toBe('Renamed while stored');
    expect(after.journal).toHaveLength(first.journal.length + 1);

    // Live again: the live session is what is read.
    const { live } = await host.sessions.open(sessionId);
    expect(await host.sessions.read(sessionId)).toBe(live.session);
  });
});
