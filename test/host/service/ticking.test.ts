import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FiredrillHost } from '../../../host/service/firedrill-host.js';

// The host ticks its running sessions every 250 ms, and also when something falls due sooner:
// at 600x a regular tick is 2.5 simulated minutes, which a due inject would otherwise wait for
// before it reaches the room. Fake timers stand in for the wall clock.

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-ticking-'));
  vi.useFakeTimers({ now: Date.parse('2026-03-14T09:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('ticking', () => {
  it('wakes when the next inject falls due, not at the next regular tick', async () => {
    const host = new FiredrillHost({ dataDir, events: { update: () => {}, closed: () => {} }, now: () => Date.now() });
    const live = await host.sessions.create({ scenarioId: 'public-test-bucket', mode: 'solo', speed: 600, participants: {} });
    const due = live.session.nextDueAt()!;
    const wallUntilDue = (due - live.session.now) / 600;
    // The regular ticks start 30 ms after the session's clock, so that a due time (a whole
    // simulated minute is 100 wall ms at 600x) falls between two of them.
    vi.advanceTimersByTime(30);
    const stop = host.sessions.startTicking(250, (message) => expect.fail(message));
    try {
      const sinceTicking = wallUntilDue - 30;
      expect(sinceTicking % 250).toBeGreaterThan(5);
      expect(sinceTicking % 250).toBeLessThan(245);
      const lastRegular = Math.floor(sinceTicking / 250) * 250;
      vi.advanceTimersByTime(lastRegular);
      expect(live.session.now).toBeLessThan(due);
      expect(host.sessions.nextTickIn(250)).toBe(Math.ceil(sinceTicking - lastRegular) + 1);
      vi.advanceTimersByTime(Math.ceil(sinceTicking - lastRegular) + 2);
      expect(live.session.now).toBeGreaterThanOrEqual(due);

      // Paused, nothing falls due: the regular pace.
      await host.sessions.pause(live.id);
      expect(host.sessions.nextTickIn(250)).toBe(251);
    } finally {
      stop();
      vi.useRealTimers();
      await host.close();
    }
  });
});
