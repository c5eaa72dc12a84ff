import { describe, expect, it } from 'vitest';
import { journalText } from '../../../engine/session/journal.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { ClockDriver } from '../../../engine/session/driver.js';
import { Session } from '../../../engine/session/session.js';
import { sessionView } from '../../../engine/protocol/view.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { loadMini, MIN, startSession, WALL0 } from '../../helpers/world.js';

// A pause the host makes on its own (the facilitator's last page closed, the computer slept)
// carries its cause in the journal, so the console says why the drill stands still after the
// host restarts too, and the debrief's timeline says why the clock stopped.

function pausedByHost(cause?: 'page-closed' | 'machine-asleep') {
  const world = loadMini();
  const session = startSession(world);
  const driver = new ClockDriver(session, WALL0);
  driver.pause(WALL0 + 2 * MIN, undefined, cause);
  return { world, session, driver };
}

describe('a pause the host made on its own', () => {
  it('is journaled with its cause and read back from the journal text', () => {
    const { world, session } = pausedByHost('page-closed');
    expect(session.journal.at(-1)).toMatchObject({ type: 'clock.paused', cause: 'page-closed' });
    const replayed = Session.replay(parseJournal(journalText(session.journal)).entries, world.plan, world.scenario);
    expect(sessionView(replayed)).toMatchObject({ paused: true, pauseCause: 'page-closed' });
  });

  it('is the view\'s cause only while that pause lasts', () => {
    const { session, driver } = pausedByHost('machine-asleep');
    expect(sessionView(session).pauseCause).toBe('machine-asleep');
    driver.resume(WALL0 + 3 * MIN);
    expect(sessionView(session)).not.toHaveProperty('pauseCause');
    driver.pause(WALL0 + 4 * MIN);
    expect(sessionView(session)).not.toHaveProperty('pauseCause');
  });

  it('says its cause in the debrief\'s timeline; a pause someone asked for reads as before', () => {
    const caused = scoreSession(pausedByHost('page-closed').session).timeline.find((e) => e.kind === 'clock');
    expect(caused?.title).toBe('Clock paused when the facilitator’s page closed');
    const asked = scoreSession(pausedByHost().session).timeline.find((e) => e.kind === 'clock');
    expect(asked?.title).toBe('Clock paused');
  });

  it('is refused in a journal with a cause Firedrill does not know, at its line and field', () => {
    const { session } = pausedByHost('page-closed');
    const text = journalText(session.journal).replace('"cause":"page-closed"', '"cause":"coffee"');
    const { entries, errors } = parseJournal(text);
    expect(entries).toHaveLength(1);
    expect(errors).toEqual([expect.objectContaining({ line: 2 })]);
    expect(JSON.stringify(errors[0])).toContain('cause');
  });
});
