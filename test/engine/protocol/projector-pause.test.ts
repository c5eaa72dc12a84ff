import { describe, expect, it } from 'vitest';
import type { ProjectorView } from '../../../engine/protocol/audience.js';
import { audienceView } from '../../../engine/protocol/audience-view.js';
import { ClockDriver } from '../../../engine/session/driver.js';
import { FACILITATOR } from '../../../engine/format/script.js';
import { journalText } from '../../../engine/session/journal.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { Session } from '../../../engine/session/session.js';
import { loadMini, MIN, startSession, WALL0 } from '../../helpers/world.js';

// The room's screen says why the drill stands still, not only that it does: the facilitator
// paused it (to discuss), or the host did on its own (the facilitator's page closed, the
// computer slept). So the projector's view carries the cause while the clock is paused.

function drill() {
  const world = loadMini();
  const session = startSession(world);
  const driver = new ClockDriver(session, WALL0);
  const projector = () => audienceView(session, 'projector') as ProjectorView;
  return { world, session, driver, projector };
}

describe('the projector\'s view of a paused drill', () => {
  it('has no cause while the clock runs', () => {
    expect(drill().projector()).toMatchObject({ paused: false, pauseCause: null });
  });

  it('says the facilitator paused it when they pressed Pause, and nothing once it runs again', () => {
    const { driver, projector } = drill();
    driver.pause(WALL0 + 2 * MIN);
    expect(projector()).toMatchObject({ paused: true, pauseCause: 'facilitator' });
    driver.resume(WALL0 + 3 * MIN);
    expect(projector()).toMatchObject({ paused: false, pauseCause: null });
  });

  it('carries the host\'s own cause (the facilitator\'s page closed, the computer slept), read back from the journal after a restart too', () => {
    const { world, session, driver, projector } = drill();
    driver.pause(WALL0 + 2 * MIN, undefined, 'machine-asleep');
    expect(projector().pauseCause).toBe('machine-asleep');
    driver.resume(WALL0 + 3 * MIN);
    driver.pause(WALL0 + 4 * MIN, undefined, 'page-closed');
    const restored = Session.replay(parseJournal(journalText(session.journal)).entries, world.plan, world.scenario);
    expect(audienceView(restored, 'projector')).toMatchObject({ paused: true, pauseCause: 'page-closed' });
  });

  it('has no cause once the drill has ended: it is over, not paused', () => {
    const { driver, projector } = drill();
    driver.pause(WALL0 + 2 * MIN);
    driver.record({ type: 'session.ended' }, WALL0 + 3 * MIN, FACILITATOR);
    expect(projector().pauseCause).toBeNull();
  });
});
