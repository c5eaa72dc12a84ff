// @vitest-environment jsdom
import './setup.js';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConsoleView } from '../../renderer/facilitator/ConsoleView.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';
import { MIN } from '../helpers/world.js';

// The console's times left tick every second. Written "14 min 5 s", then "14 min", then
// "13 min 59 s", each was a different width every second: the words beside it shifted and the
// clock bar's row of deadlines wrapped and unwrapped, moving the whole console. They are
// countdowns now, as on the projector: the second unit on two digits, shown even at zero.

/** A countdown's text: two units, the second on two digits ("14 min 05 s", "2 h 00 min"), or seconds alone. */
const COUNTDOWN = /^(\d+ (d|h|min) \d\d (h|min|s)|\d+ s)$/;

/**
 * The console paused at 46 minutes of public-test-bucket after the triage was done: a decision
 * open, the deadlines counting, an action in progress, injects still to come. Every due time and
 * the clock fall on whole minutes, where a plain duration would drop its seconds.
 */
async function consoleWithEveryCountdown() {
  const client = fakeClient();
  const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
  renderWithApp(<ConsoleView sessionId={sessionId} />, client);
  await screen.findByRole('heading', { name: /Left open overnight/, level: 1 });
  const { plan } = client.session().index;
  const take = (id: string) => {
    const action = plan.actions.find((one) => one.id === id)!;
    return client.send('session.input', { sessionId, actor: action.roles[0]!, input: { type: 'action.taken', action: action.id } });
  };
  await act(async () => {
    await take('triage-guardduty-finding');
    client.advance(46 * MIN);
    await take('block-s3-public-access');
    await client.send('clock.pause', { sessionId });
    client.advance(0);
  });
  return client;
}

/** The time in "… · X left", "…, X left", "X left" or "in X". */
const timeIn = (text: string | null) => (text ?? '').split(/ · |, |^in /).at(-1)!.replace(/ left$/, '');

describe('the console\'s times left', () => {
  it('count down in a fixed width everywhere: the clock bar\'s deadlines and next stop, the decisions, the duties, the actions in progress and the MSEL', async () => {
    await consoleWithEveryCountdown();
    const bar = screen.getByRole('region', { name: 'Clock' });
    const deadlines = within(bar).getByRole('list', { name: 'Deadlines' });
    const counting = within(deadlines).getAllByRole('listitem').map((item) => item.querySelector('strong')!.textContent!).filter((text) => text.endsWith(' left'));
    expect(counting.length).toBeGreaterThan(0);
    for (const text of counting) expect(timeIn(text)).toMatch(COUNTDOWN);
    // To the minute, "1 h 05 min" rather than "1 h 5 min".
    expect(within(bar).getByText(/^Next: /)).toHaveTextContent(/^Next: .+ in (\d+ (d|h) \d\d (h|min)|\d+ min)$/);

    const decision = within(screen.getByRole('region', { name: 'Pending decisions' })).getAllByText(/ left$/)[0]!;
    expect(decision).toHaveClass('countdown');
    expect(timeIn(decision.textContent)).toMatch(COUNTDOWN);

    const due = [...screen.getByRole('region', { name: 'Communication duties' }).querySelectorAll('.duty-detail')].map((detail) => detail.textContent).filter((text) => text?.endsWith(' left'));
    expect(due.length).toBeGreaterThan(0);
    for (const text of due) expect(timeIn(text)).toMatch(COUNTDOWN);

    const inProgress = within(screen.getByRole('region', { name: /^Plan actions/ })).getByText(/in progress, .* left$/);
    expect(timeIn(inProgress.textContent)).toMatch(COUNTDOWN);

    const upcoming = [...screen.getByRole('region', { name: /^MSEL/ }).querySelectorAll('.countdown')].map((time) => time.textContent).filter((text) => text?.startsWith('in '));
    expect(upcoming.length).toBeGreaterThan(0);
    for (const text of upcoming) expect(timeIn(text)).toMatch(COUNTDOWN);
  });
});
