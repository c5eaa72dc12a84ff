import { describe, expect, it } from 'vitest';
import { ClockDriver } from '../../../engine/session/driver.js';
import { CLOCK_RESYNC_WALL_MS, LiveSession } from '../../../host/service/live-session.js';
import type { SessionJournal } from '../../../host/storage/session-store.js';
import { loadMini, startSession, WALL0 } from '../../helpers/world.js';

// The views the server pushes: only when something a page shows has changed, or to re-synchronise
// the clock now and then (pages move the clock themselves between pushes).

function liveSession(speed: number) {
  const session = startSession(loadMini(), { speed });
  const driver = new ClockDriver(session, WALL0);
  return { session, driver, live: new LiveSession(session, driver, {} as SessionJournal) };
}

describe('the views pushed to a session’s pages', () => {
  it('sends the first view, then nothing while only the clock moves, until the resync interval has run', () => {
    const { driver, live } = liveSession(2);
    expect(live.changedView()).toBeDefined();
    driver.tick(WALL0 + 1_000);
    expect(live.changedView()).toBeUndefined();
    driver.tick(WALL0 + CLOCK_RESYNC_WALL_MS - 1);
    expect(live.changedView()).toBeUndefined();
    driver.tick(WALL0 + CLOCK_RESYNC_WALL_MS);
    expect(live.changedView()?.now).toBe(2 * CLOCK_RESYNC_WALL_MS);
    expect(live.changedView()).toBeUndefined();
  });

  it('sends at once when anything else changes: a pause, an input', () => {
    const { driver, live } = liveSession(1);
    live.changedView();
    driver.pause(WALL0 + 100);
    expect(live.changedView()).toMatchObject({ paused: true });
    expect(live.changedView()).toBeUndefined();
    driver.resume(WALL0 + 200);
    expect(live.changedView()).toMatchObject({ paused: false });
    driver.record({ type: 'observation.noted', text: 'Seen', tag: 'note' }, WALL0 + 300, 'facilitator');
    expect(live.changedView()?.observations.map((o) => o.text)).toEqual(['Seen']);
  });
});
