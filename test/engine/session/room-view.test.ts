import { describe, expect, it } from 'vitest';
import { sessionView } from '../../../engine/protocol/view.js';
import { Session } from '../../../engine/session/session.js';
import { iso, loadableBundledWorlds, startSession, WALL0 } from '../../helpers/world.js';

// The facilitator's view of a LAN session (docs/lan.md): who joined from their devices, what
// each of them wrote, and whose each action was; a session nobody joined has no such record.

const world = () => loadableBundledWorlds().find((one) => one.id === 'public-test-bucket')!;

describe("the facilitator's view of the room", () => {
  it('names the participant of each action, and keeps the people, chat, drafts and ratings', () => {
    const session = startSession(world());
    const at = (actor: string, participant?: string) => ({ simTime: session.now, wallTime: iso(WALL0), actor, ...(participant ? { participant } : {}) });
    session.record({ type: 'participant.joined', participant: 'p-grace00001', name: 'Grace Hopper', seat: 'role', role: 'cloud-security-analyst' }, at('system'));
    session.record({ type: 'participant.joined', participant: 'p-hedy000001', name: 'Hedy Lamarr', seat: 'evaluator' }, at('system'));
    session.record({ type: 'action.taken', action: 'triage-guardduty-finding' }, at('cloud-security-analyst', 'p-grace00001'));
    session.record({ type: 'action.taken', action: 'open-incident-bridge' }, at('incident-commander'));
    session.record({ type: 'chat.posted', text: 'Logs kept.' }, at('cloud-security-analyst', 'p-grace00001'));
    session.record({ type: 'draft.sent', kind: 'holding-statement', text: 'We are investigating.' }, at('cloud-security-analyst', 'p-grace00001'));
    const objective = world().scenario.objectives[0]!.id;
    session.record({ type: 'objective.rated', objective, rating: 'S', reason: 'Late.' }, at('evaluator', 'p-hedy000001'));

    const view = sessionView(session);
    expect(view.actionsTaken.map((taken) => [taken.action, taken.participant?.name])).toEqual([['triage-guardduty-finding', 'Grace Hopper'], ['open-incident-bridge', undefined]]);
    expect(view.room?.people.map((person) => [person.name, person.seat, person.role])).toEqual([['Grace Hopper', 'role', 'cloud-security-analyst'], ['Hedy Lamarr', 'evaluator', null]]);
    expect(view.room?.chat).toEqual([expect.objectContaining({ actor: 'cloud-security-analyst', participant: { id: 'p-grace00001', name: 'Grace Hopper' }, text: 'Logs kept.' })]);
    expect(view.room?.drafts).toEqual([expect.objectContaining({ kind: 'holding-statement', role: 'cloud-security-analyst', participant: { id: 'p-grace00001', name: 'Grace Hopper' } })]);
    expect(view.room?.ratings).toEqual([expect.objectContaining({ objective, rating: 'S', reason: 'Late.', evaluator: { id: 'p-hedy000001', name: 'Hedy Lamarr' } })]);
  });

  it('has no room for a session nobody joined', () => {
    const view = sessionView(startSession(world()));
    expect(view.room).toBeUndefined();
    expect('room' in view).toBe(false);
  });
});

describe('a LAN session journal', () => {
  it('replays: the lobby\'s entries name the participant they are about, not one who made them', () => {
    const session = startSession(world());
    const at = (actor: string, participant?: string) => ({ simTime: session.now, wallTime: iso(WALL0), actor, ...(participant ? { participant } : {}) });
    session.record({ type: 'participant.joined', participant: 'p-grace00001', name: 'Grace Hopper', seat: 'role', role: 'cloud-security-analyst' }, at('system'));
    session.record({ type: 'participant.assigned', participant: 'p-grace00001', role: 'it-operations' }, at('facilitator'));
    session.record({ type: 'chat.posted', text: 'Moved.' }, at('it-operations', 'p-grace00001'));
    session.record({ type: 'participant.removed', participant: 'p-grace00001' }, at('facilitator'));
    const replayed = Session.replay(session.journal, world().plan, world().scenario);
    expect(sessionView(replayed)).toEqual(sessionView(session));
  });
});
