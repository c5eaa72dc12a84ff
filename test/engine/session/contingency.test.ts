import { describe, expect, it } from 'vitest';
import { sessionView } from '../../../engine/protocol/view.js';
import { Session } from '../../../engine/session/session.js';
import { loadLibrary } from '../../../engine/validate/index.js';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { iso, MIN, MINI_PLAN_FILE, MINI_SCENARIO_FILE, startSession, tinyWorld, WALL0 } from '../../helpers/world.js';

// A contingency inject ("at 40m unless the key is revoked"): when it falls due it fires only if
// its `unless` does not hold; otherwise it is skipped, and the facilitator may still release it.

const contingency = (extra: Record<string, unknown> = {}) => tinyWorld({
  injects: [
    { id: 'INJ-15', title: 'Due at 15 minutes', at: '15m', to: ['cloud-security-analyst'], channel: 'siem-alert', body: 'An alert.' },
    { id: 'INJ-40', title: 'The attacker uses the key again', at: '40m', unless: { action: 'revoke-iam-access-key' }, to: ['incident-commander'], channel: 'email', body: 'More calls.', ...extra },
  ],
});

const act = (session: Session, at: number, actor: string, action: string) => {
  session.advanceTo(at);
  session.record({ type: 'action.taken', action }, { simTime: at, wallTime: iso(WALL0 + at), actor });
};

describe('an inject with unless', () => {
  it('fires at its time when its condition does not hold', () => {
    const session = startSession(contingency());
    session.advanceTo(41 * MIN);
    expect(session.context.injects['INJ-40']).toMatchObject({ status: 'fired', firedAt: 40 * MIN, cause: 'schedule' });
  });

  it('is skipped at its time when its condition holds, and never fires by itself', () => {
    const session = startSession(contingency());
    act(session, 10 * MIN, 'cloud-security-analyst', 'revoke-iam-access-key'); // completes at 15m
    session.advanceTo(3 * 60 * MIN);
    expect(session.context.injects['INJ-40']).toMatchObject({ status: 'skipped', skippedAt: 40 * MIN });
    expect(sessionView(session).injects.find((i) => i.id === 'INJ-40')).toMatchObject({ status: 'skipped', skippedAt: 40 * MIN, firedAt: null });
    expect(session.nextStop()).toBeUndefined();
  });

  it('is judged when it falls due: an action completing after that does not unfire it', () => {
    const session = startSession(contingency());
    act(session, 38 * MIN, 'cloud-security-analyst', 'revoke-iam-access-key'); // completes at 43m, after INJ-40 fell due
    session.advanceTo(60 * MIN);
    expect(session.context.injects['INJ-40']!.status).toBe('fired');
  });

  it('can still be released by the facilitator once skipped, and replays the same', () => {
    const session = startSession(contingency());
    act(session, 0, 'cloud-security-analyst', 'revoke-iam-access-key');
    session.advanceTo(50 * MIN);
    session.record({ type: 'inject.released', inject: 'INJ-40' }, { simTime: 50 * MIN, wallTime: iso(WALL0 + 50 * MIN), actor: 'facilitator' });
    expect(session.context.injects['INJ-40']).toMatchObject({ status: 'fired', firedAt: 50 * MIN, cause: 'released' });
    const replayed = Session.replay(session.journal, session.index.plan, session.index.scenario);
    replayed.advanceTo(session.now);
    expect(replayed.context.injects).toEqual(session.context.injects);
  });

  it('applies to triggered injects too, judged when the trigger (and its delay) comes due', () => {
    const session = startSession(tinyWorld({
      injects: [
        { id: 'INJ-15', title: 'Due at 15 minutes', at: '15m', to: ['cloud-security-analyst'], channel: 'siem-alert', body: 'An alert.' },
        { id: 'INJ-T', title: 'Follow-up', when: { inject: 'INJ-15' }, delay: '20m', unless: { action: 'triage-alert' }, to: ['incident-commander'], channel: 'chat', body: 'Anyone looking?' },
      ],
    }));
    act(session, 16 * MIN, 'cloud-security-analyst', 'triage-alert'); // completes at 26m, before 35m
    session.advanceTo(60 * MIN);
    expect(session.context.injects['INJ-T']).toMatchObject({ status: 'skipped', skippedAt: 35 * MIN });
  });

  it('is validated like a when: an unknown action is a located error', () => {
    const raw = parse(readFileSync(MINI_SCENARIO_FILE, 'utf8')) as { injects: Record<string, unknown>[] };
    raw.injects[0]!.unless = { action: 'revoke-iam-acess-key' };
    const library = loadLibrary([{ file: MINI_PLAN_FILE, text: readFileSync(MINI_PLAN_FILE, 'utf8') }, { file: 'c.scenario.yaml', text: stringify(raw) }]);
    const errors = library.reports.flatMap((r) => r.errors);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('injects[0].unless.action');
    expect(errors[0]!.message).toMatch(/unknown action "revoke-iam-acess-key".*did you mean "revoke-iam-access-key"/);
  });
});
