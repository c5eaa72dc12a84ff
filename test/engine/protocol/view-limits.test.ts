import { describe, expect, it } from 'vitest';
import { VIEW_LIMITS } from '../../../engine/format/limits.js';
import { sessionView } from '../../../engine/protocol/view.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { iso, loadMini, startSession, WALL0 } from '../../helpers/world.js';

// The view goes to every page at every change: it carries the newest observations only, and
// counts them all; the journal and the scorecard keep every one.

describe('the view of a session with many observations', () => {
  it('carries the newest VIEW_LIMITS.observations, oldest first, and the count of all', () => {
    const session = startSession(loadMini());
    const noted = VIEW_LIMITS.observations + 50;
    for (let n = 1; n <= noted; n++) {
      session.record({ type: 'observation.noted', text: `observation ${n}`, tag: 'note' }, { simTime: n * 1000, wallTime: iso(WALL0 + n * 1000), actor: 'facilitator' });
    }
    const view = sessionView(session);
    expect(view.observationCount).toBe(noted);
    expect(view.observations).toHaveLength(VIEW_LIMITS.observations);
    expect(view.observations[0]!.text).toBe('observation 51');
    expect(view.observations.at(-1)!.text).toBe(`observation ${noted}`);
    expect(scoreSession(session).observations).toHaveLength(noted);
  });

  it('carries every observation of a session with fewer', () => {
    const session = startSession(loadMini());
    session.record({ type: 'observation.noted', text: 'the only one', tag: 'strength' }, { simTime: 1000, wallTime: iso(WALL0 + 1000), actor: 'facilitator' });
    expect(sessionView(session)).toMatchObject({ observationCount: 1, observations: [{ text: 'the only one', tag: 'strength' }] });
  });
});
