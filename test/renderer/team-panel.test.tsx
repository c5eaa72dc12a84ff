// @vitest-environment jsdom
import './setup.js';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DraftView, RatingView } from '../../engine/protocol/index.js';
import { actionState } from '../../renderer/facilitator/ActionLibrary.js';
import { TeamPanel } from '../../renderer/facilitator/TeamPanel.js';
import { bundledLibrary, MIN } from '../helpers/world.js';

// What the participants wrote, as the facilitator follows it in the console: names, roles,
// drafts, evaluators' ratings. (The debrief's record of the room is the scorecard's.)

const ROLES = [{ id: 'incident-commander', title: 'Incident Commander' }, { id: 'communications-lead', title: 'Communications Lead' }];
const OBJECTIVES = [{ id: 'contain-exposure', title: 'Contain the exposure' }];
const ADA = { id: 'p-ada0000001', name: 'Ada Lovelace' };
const MARGARET = { id: 'p-marg000001', name: 'Margaret Hamilton' };
const HEDY = { id: 'p-hedy000001', name: 'Hedy Lamarr' };
const DRAFTS: DraftView[] = [{ seq: 12, at: 30 * MIN, kind: 'holding-statement', role: 'communications-lead', participant: MARGARET, text: 'We are investigating.' }];
const RATINGS: RatingView[] = [{ seq: 14, at: 40 * MIN, objective: 'contain-exposure', rating: 'S', reason: 'Contained late.', evaluator: HEDY }];

describe("the facilitator's team panel", () => {
  it('shows the bridge channel by name and role, lets the facilitator post, and lists the drafts and the ratings', async () => {
    const onChat = vi.fn(() => Promise.resolve(true));
    render(<TeamPanel roles={ROLES} objectives={OBJECTIVES} drafts={DRAFTS} ratings={RATINGS} notes={[]} onChat={onChat}
      chat={[{ seq: 9, at: 5 * MIN, actor: 'incident-commander', participant: ADA, text: 'Bridge is open.' }]} />);
    expect(screen.getByRole('log', { name: 'Bridge messages' })).toHaveTextContent('Ada Lovelace · Incident Commander · T+00:05Bridge is open.');
    await userEvent.type(screen.getByRole('textbox', { name: 'Message to the team' }), 'Legal joins at 10:00.');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onChat).toHaveBeenCalledWith('Legal joins at 10:00.');
    expect(screen.getByRole('article', { name: 'Holding statement by Margaret Hamilton' })).toHaveTextContent('We are investigating.');
    expect(screen.getByRole('region', { name: 'Evaluators' })).toHaveTextContent('S (Performed with some challenges) · Contain the exposure · Hedy Lamarr');
  });
});

describe("the console's actions", () => {
  it('name the participant who took one from their own device, with the role', () => {
    const { plan } = bundledLibrary().plans.get('cloud-cirp')!;
    const taken = { seq: 4, action: 'open-incident-bridge', title: 'Open the bridge', by: 'incident-commander', takenAt: 2 * MIN, completesAt: 7 * MIN, status: 'in-progress' as const };
    expect(actionState({ ...taken, participant: ADA }, 3 * MIN, false, plan).text).toMatch(/^Taken by Ada Lovelace \(Incident Commander\) at T\+00:02/);
    expect(actionState(taken, 3 * MIN, false, plan).text).toMatch(/^Taken by Incident Commander at T\+00:02/);
  });
});
