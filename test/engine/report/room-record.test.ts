import { describe, expect, it } from 'vitest';
import { Session } from '../../../engine/session/session.js';
import { SYSTEM } from '../../../engine/session/refusals.js';
import { EVALUATOR } from '../../../engine/session/people.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { journalText } from '../../../engine/session/journal.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { scorecardDocument } from '../../../engine/report/scorecard-document.js';
import { aarDocument } from '../../../engine/report/aar-document.js';
import { afterActionReport } from '../../../engine/report/aar.js';
import { documentToMarkdown } from '../../../engine/report/document-markdown.js';
import { iso, loadMini, MIN, startSession, WALL0 } from '../../helpers/world.js';

// A LAN session's journal (docs/lan.md): people join, act from their own devices, chat, send
// drafts; an evaluator notes and rates. All of it is in the journal (hash-chained, format 2),
// replays to the same scorecard, and appears in the debrief and the AAR, attributed by name.

const CSA = 'cloud-security-analyst';
const IC = 'incident-commander';

function lanSession(): Session {
  const session = startSession(loadMini(), { mode: 'role-play' });
  const stamp = (minutes: number, actor: string, participant?: string) => ({ simTime: minutes * MIN, wallTime: iso(WALL0 + minutes * MIN), actor, ...(participant ? { participant } : {}) });
  session.record({ type: 'participant.joined', participant: 'p-aaaaaaaa', name: 'Ana Analyst', seat: 'role', role: CSA }, stamp(0, SYSTEM));
  session.record({ type: 'participant.joined', participant: 'p-bbbbbbbb', name: 'Ian Commander', seat: 'role' }, stamp(0, SYSTEM));
  session.record({ type: 'participant.assigned', participant: 'p-bbbbbbbb', role: IC }, stamp(1, 'facilitator'));
  session.record({ type: 'participant.joined', participant: 'p-eeeeeeee', name: 'Eve Evaluator', seat: 'evaluator' }, stamp(1, 'facilitator'));
  session.record({ type: 'action.taken', action: 'triage-alert' }, stamp(2, CSA, 'p-aaaaaaaa'));
  session.record({ type: 'chat.posted', text: 'Triage started on the alert.' }, stamp(3, CSA, 'p-aaaaaaaa'));
  session.record({ type: 'severity.declared', level: 2 }, stamp(13, IC, 'p-bbbbbbbb'));
  session.record({ type: 'draft.sent', kind: 'holding-statement', text: 'We are investigating a security event.' }, stamp(14, IC, 'p-bbbbbbbb'));
  session.record({ type: 'evaluator.observed', text: 'The analyst escalated early.', objective: 'OBJ-1' }, stamp(15, EVALUATOR, 'p-eeeeeeee'));
  session.record({ type: 'session.ended' }, stamp(20, 'facilitator'));
  session.record({ type: 'objective.rated', objective: 'OBJ-1', rating: 'S', reason: 'Contained, with some delay.' }, stamp(20, EVALUATOR, 'p-eeeeeeee'));
  return session;
}

describe("a LAN session's journal", () => {
  it('is hash-chained, replays to the same scorecard, and names who did what', () => {
    const session = lanSession();
    const text = journalText(session.journal);
    const parsed = parseJournal(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.integrity).toEqual({ status: 'verified' });
    const world = loadMini();
    const replayed = Session.replay(parsed.entries, world.plan, world.scenario);
    const card = scoreSession(session);
    expect(scoreSession(replayed)).toEqual(card);
    expect(card.room).toMatchObject({
      people: [{ name: 'Ana Analyst', role: CSA }, { name: 'Ian Commander', role: IC }, { name: 'Eve Evaluator', seat: 'evaluator', role: null }],
      chat: [{ by: 'Ana Analyst', actor: CSA, text: 'Triage started on the alert.' }],
      drafts: [{ by: 'Ian Commander', role: IC, kind: 'holding-statement' }],
      evaluatorRatings: [{ evaluator: 'Eve Evaluator', objective: 'OBJ-1', rating: 'S', reason: 'Contained, with some delay.' }],
      evaluatorNotes: [{ evaluator: 'Eve Evaluator', text: 'The analyst escalated early.' }],
    });
    expect(card.timeline.find((entry) => entry.seq === 6)).toMatchObject({ actor: CSA, by: 'Ana Analyst' });
  });

  it('refuses on replay what a participant could not have recorded: another role, after removal', () => {
    const session = lanSession();
    const stamp = { simTime: 20 * MIN, wallTime: iso(WALL0 + 20 * MIN), actor: IC, participant: 'p-aaaaaaaa' };
    expect(() => session.record({ type: 'objective.rated', objective: 'OBJ-1', rating: 'P', reason: 'Mine.' }, { ...stamp, actor: EVALUATOR })).toThrow(/evaluator/);
    const live = startSession(loadMini());
    live.record({ type: 'participant.joined', participant: 'p-aaaaaaaa', name: 'Ana Analyst', seat: 'role', role: CSA }, { simTime: 0, wallTime: iso(WALL0), actor: SYSTEM });
    expect(() => live.record({ type: 'severity.declared', level: 2 }, { simTime: MIN, wallTime: iso(WALL0 + MIN), actor: IC, participant: 'p-aaaaaaaa' })).toThrow(/plays/);
    live.record({ type: 'participant.removed', participant: 'p-aaaaaaaa' }, { simTime: MIN, wallTime: iso(WALL0 + MIN), actor: 'facilitator' });
    expect(() => live.record({ type: 'action.taken', action: 'triage-alert' }, { simTime: 2 * MIN, wallTime: iso(WALL0 + 2 * MIN), actor: CSA, participant: 'p-aaaaaaaa' })).toThrow(/removed/);
  });

  it('puts the drafts, the bridge channel and the evaluators\' ratings beside the computed ones in the debrief and the AAR', () => {
    const card = scoreSession(lanSession());
    const debrief = documentToMarkdown(scorecardDocument(card));
    for (const text of ['Who took part', "Evaluators' ratings", 'Eve Evaluator', 'Contained, with some delay.', 'We are investigating a security event.', 'Triage started on the alert.', 'Ana Analyst']) expect(debrief).toContain(text);
    const aar = documentToMarkdown(aarDocument(afterActionReport([card]), [card]));
    for (const text of ["Appendix C: Evaluators' ratings and the team's drafts", 'Eve Evaluator', 'Contained, with some delay.', 'We are investigating a security event.']) expect(aar).toContain(text);
  });
});
