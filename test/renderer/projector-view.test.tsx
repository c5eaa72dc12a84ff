// @vitest-environment jsdom
import './setup.js';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ProjectorView, projectorHref, projectorRoute } from '../../renderer/views/ProjectorView.js';
import { sessionView } from '../../engine/protocol/view.js';
import { projectorViewOf } from '../../renderer/views/projector-cut.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';
import { MIN } from '../helpers/world.js';

// The projector view: the same session, read-only, for the room. It must never show what the
// facilitator alone should see: the facilitator notes and the injects still to come.

async function openProjector() {
  const client = fakeClient();
  const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
  client.calls.length = 0;
  const rendered = renderWithApp(<ProjectorView sessionId={sessionId} />, client);
  await screen.findByRole('heading', { name: /Left open overnight/, level: 1 });
  return { ...rendered, sessionId };
}

/** A session at 46 minutes (a decision open) and the projector's view of it as the server cuts it, to be served altered. */
async function viewAt46Minutes() {
  const client = fakeClient();
  const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
  client.advance(46 * MIN);
  const { plan, scenario } = client.session().index;
  return { client, sessionId, plan, cut: projectorViewOf(sessionView(client.session()), plan, scenario) };
}

/** Everything on the page, hidden parts (collapsed artifacts, visually hidden text) included. */
const pageText = () => document.body.textContent ?? '';

describe('the projector view', () => {
  it('opens the session (audience.open, or session.open on a host that cuts no audience view) and shows the clock, the scenario time, the phase and the severity in large type', async () => {
    const { client, sessionId } = await openProjector();
    expect(client.calls.slice(0, 2)).toEqual([{ type: 'audience.open', params: { sessionId } }, { type: 'session.open', params: { sessionId } }]);
    expect(screen.getByRole('status', { name: 'Simulated time' })).toHaveTextContent(/^T\+\d\d:\d\d:\d\d$/);
    // The story's own time zone (public-test-bucket starts at 09:30 in UTC+08:00), not UTC.
    expect(screen.getByLabelText('Scenario date and time')).toHaveTextContent(/^2025-06-10 \d\d:\d\d UTC\+08:00$/);
    expect(screen.getByText('Phase').nextElementSibling).not.toHaveTextContent('—');
    expect(screen.getByText('Declared severity').nextElementSibling).toHaveTextContent('not declared');
    expect(screen.getByText('Time to detect')).toBeInTheDocument();
    expect(screen.getByText('Time to contain')).toBeInTheDocument();
    expect(document.documentElement).toHaveClass('projector');
    expect(document.title).toBe(`Firedrill projector: ${client.session().index.scenario.title}`);
  });

  it('is read-only: no control of the clock, the injects or the session', async () => {
    await openProjector();
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryAllByRole('combobox')).toEqual([]);
    expect(screen.queryAllByRole('textbox')).toEqual([]);
  });

  it('shows the fired injects, newest first, by channel, and never the facilitator notes or what is coming', async () => {
    const { client } = await openProjector();
    act(() => client.advance(46 * MIN));
    const feed = screen.getByRole('region', { name: 'Injects' });
    const articles = await within(feed).findAllByRole('article');
    const scenario = client.session().index.scenario;
    const fired = client.session().context.injects;
    const firedIds = scenario.injects.filter((inject) => fired[inject.id]!.status === 'fired').map((inject) => inject.id);
    expect(articles).toHaveLength(firedIds.length);
    expect(articles.length).toBeGreaterThanOrEqual(2);
    expect(articles[0]).toHaveAccessibleName(/^Chat: Chat: the development manager wants the bucket gone/);
    expect(articles.at(-1)).toHaveAccessibleName(/^Cloud finding: Security Hub daily review/);
    expect(articles[0]).toHaveClass('channel-chat');
    expect(articles.at(-1)).toHaveClass('channel-cloud-finding');

    const notes = scenario.injects.map((inject) => inject.facilitatorNotes).filter((note): note is string => !!note);
    expect(notes.length).toBeGreaterThan(3);
    for (const note of notes) expect(pageText()).not.toContain(note.slice(0, 40));
    expect(pageText()).not.toMatch(/facilitator note/i);
    for (const inject of scenario.injects.filter((one) => !firedIds.includes(one.id))) expect(pageText()).not.toContain(inject.title);
    expect(pageText()).not.toMatch(/next inject|upcoming|MSEL/i);
  });

  it('never shows the scenario\'s expected severity before the team declares one, then the targets of the declared one', async () => {
    const { client, sessionId } = await openProjector();
    const metric = () => screen.getByText('Time to detect').nextElementSibling!;
    expect(metric()).toHaveTextContent('target set by the declared severity');
    const plan = client.session().index.plan;
    const level = plan.severityLevels.find((one) => one.level === 2)!;
    await act(async () => {
      await client.send('session.input', { sessionId, actor: plan.severityDeclaredBy[0]!, input: { type: 'severity.declared', level: 2 } });
      client.advance(0);
    });
    expect(screen.getByText('Declared severity').nextElementSibling).toHaveTextContent(`Sev 2 · ${level.name}`);
    expect(metric()).toHaveTextContent(/target \d/);
  });

  it('follows session.update: the clock moves and the deadlines count down in simulated time', async () => {
    const { client, sessionId } = await openProjector();
    const clock = screen.getByRole('status', { name: 'Simulated time' });
    act(() => client.advance(10 * MIN));
    expect(clock).toHaveTextContent('T+00:10:00');
    expect(screen.queryByRole('region', { name: 'Deadlines' })).not.toBeInTheDocument();

    // Detection (the triage done) starts the deadlines.
    const triage = client.session().index.plan.actions.find((action) => action.id === 'triage-guardduty-finding')!;
    await act(async () => {
      await client.send('session.input', { sessionId, actor: triage.roles[0]!, input: { type: 'action.taken', action: triage.id } });
      client.advance(triage.duration + MIN);
    });
    const deadlines = await screen.findByRole('region', { name: 'Deadlines' });
    // The severity's own deadline is timed from the scenario's expected severity: not shown until one is declared.
    expect(within(deadlines).queryByText('Declare the severity')).toBeNull();
    const counting = within(deadlines).getAllByRole('listitem').find((item) => / left$/.test(item.textContent ?? ''))!;
    expect(counting).toHaveTextContent(/\d+ (h|min|s)( \d+ (min|s))? left$/);
    const before = counting.textContent;
    act(() => client.advance(95 * MIN));
    expect(within(deadlines).getAllByRole('listitem').map((item) => item.textContent)).not.toContain(before);
  });

  it('shows the decisions put to the team, question and options, and never their credits or consequences', async () => {
    const { client } = await openProjector();
    expect(screen.queryByRole('region', { name: 'Decisions for the team' })).toBeNull();
    act(() => client.advance(46 * MIN));
    const region = await screen.findByRole('region', { name: 'Decisions for the team' });
    const scenario = client.session().index.scenario;
    const open = scenario.decisions.filter((decision) => client.session().context.decisions[decision.id]!.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    for (const decision of open) {
      const article = within(region).getByRole('article', { name: decision.prompt });
      for (const option of decision.options) expect(article).toHaveTextContent(option.label);
      for (const option of decision.options) if (option.rationale) expect(pageText()).not.toContain(option.rationale);
      expect(article).not.toHaveTextContent(/\b(best|acceptable|poor|harmful)\b/);
    }
    expect(within(region).queryAllByRole('button')).toEqual([]);
  });

  it("draws the projector's view as the server cut it, and opens nothing else", async () => {
    const { client, sessionId, cut } = await viewAt46Minutes();
    client.override('audience.open', () => ({ view: { ...cut, scenarioTitle: 'As the server cut it' }, me: null }));
    client.calls.length = 0;
    renderWithApp(<ProjectorView sessionId={sessionId} />, client);
    await screen.findByRole('heading', { name: 'As the server cut it', level: 1 });
    expect(client.calls.map((call) => call.type)).toEqual(['audience.open']);
    expect(await screen.findByRole('region', { name: 'Decisions for the team' })).toBeInTheDocument();
  });

  it('puts the last of injects fired in the same minute on top, the decision that closes first and the nearest deadline too', async () => {
    const { client, sessionId, plan, cut } = await viewAt46Minutes();
    const [first] = cut.injects;
    const decision = { id: 'd', prompt: 'Who tells the customers?', role: plan.roles[0]!.id, options: [{ id: 'a', label: 'Legal' }, { id: 'b', label: 'Comms' }], openedAt: 45 * MIN };
    client.override('audience.open', () => ({
      view: {
        ...cut,
        // Oldest first, as the server lists them: two fired at 45 min, the second released by hand.
        injects: [{ ...first!, id: 'one', title: 'One' }, { ...first!, id: 'two', title: 'Two', firedAt: 45 * MIN }, { ...first!, id: 'three', title: 'Three', firedAt: 45 * MIN }],
        openDecisions: [{ ...decision, id: 'later', prompt: 'Closes later?', expiresAt: 90 * MIN }, { ...decision, id: 'sooner', prompt: 'Closes sooner?', expiresAt: 60 * MIN }],
        // Met, overdue, far, near as served: the overdue one goes on top (still owed), then the near one, the met one last.
        deadlines: [
          { id: 'duty:met', title: 'Met already', dueAt: 50 * MIN, passed: false, metAt: 40 * MIN },
          { id: 'duty:overdue', title: 'Overdue', dueAt: 30 * MIN, passed: true, metAt: null },
          { id: 'duty:far', title: 'Far off', dueAt: 600 * MIN, passed: false, metAt: null },
          { id: 'duty:near', title: 'Near', dueAt: 60 * MIN, passed: false, metAt: null },
        ],
      },
      me: null,
    }));
    renderWithApp(<ProjectorView sessionId={sessionId} />, client);
    const feed = await screen.findByRole('region', { name: 'Injects' });
    expect(within(feed).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['Three', 'Two', 'One']);
    const [sooner, later] = within(screen.getByRole('region', { name: 'Decisions for the team' })).getAllByRole('article');
    expect(sooner).toHaveAccessibleName('Closes sooner?');
    expect(within(sooner!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Legal', 'Comms']);
    expect(later).toHaveAccessibleName('Closes later?');
    // Nothing is laid out here, so everything fits: which are cut to fit a screen is projector-fit's and the e2e's.
    expect(within(later!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Legal', 'Comms']);
    expect(within(screen.getByRole('region', { name: 'Deadlines' })).getAllByRole('listitem').map((item) => item.firstChild!.textContent)).toEqual(['Overdue', 'Near', 'Far off', 'Met already']);
  });

  it('once the drill has ended, shows no decision or deadline still counting, and says Ended and why', async () => {
    const { client, sessionId, cut } = await viewAt46Minutes();
    expect(cut.openDecisions.length).toBeGreaterThan(0);
    const deadline = { id: 'duty:far', title: 'Far off', dueAt: 600 * MIN, passed: false, metAt: null };
    client.override('audience.open', () => ({ view: { ...cut, deadlines: [deadline], ended: { at: 46 * MIN, reason: 'ended by the facilitator' } }, me: null }));
    renderWithApp(<ProjectorView sessionId={sessionId} />, client);
    expect((await screen.findByText('Ended')).closest('[role="status"]')).toHaveTextContent(/^Ended by the facilitator$/);
    expect(screen.queryByRole('region', { name: 'Decisions for the team' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Deadlines' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Injects' })).toBeInTheDocument();
  });

  it('says the drill ended at the time limit when the scenario\'s time limit ended it', async () => {
    const { client } = await openProjector();
    await act(async () => {
      client.advance(client.session().index.scenario.end.timeLimit);
    });
    const badge = await screen.findByText('Ended');
    expect(badge.closest('[role="status"]')).toHaveTextContent(/^Ended at the time limit$/);
    expect(badge).toHaveTextContent(/^Ended$/);
  });

  it('says why the drill is paused beside the badge: the facilitator paused it, until it runs again', async () => {
    const { client, sessionId } = await openProjector();
    const state = () => screen.getByText(/^(Running|Paused|Reconnecting…)$/).closest('[role="status"]');
    expect(state()).toHaveTextContent(/^Running$/);
    await act(async () => {
      await client.send('clock.pause', { sessionId });
      client.advance(0);
    });
    expect(state()).toHaveTextContent(/^Paused by the facilitator$/);
    // Cut off from the host, the page does not know the cause any more than the clock.
    act(() => client.connection('lost'));
    expect(state()).toHaveTextContent(/^Reconnecting…$/);
    act(() => client.connection('recovered'));
    await act(async () => {
      await client.send('clock.resume', { sessionId });
      client.advance(0);
    });
    expect(state()).toHaveTextContent(/^Running$/);
  });

  it('says so when the host paused the drill on its own, in the words of the console and the debrief', async () => {
    const { client, sessionId, cut } = await viewAt46Minutes();
    client.override('audience.open', () => ({ view: { ...cut, paused: true, pauseCause: 'page-closed' }, me: null }));
    renderWithApp(<ProjectorView sessionId={sessionId} />, client);
    const badge = await screen.findByText('Paused');
    expect(badge.closest('[role="status"]')).toHaveTextContent(/^Paused when the facilitator’s page closed$/);
    // The badge is the state alone, in its colour; the cause is words beside it.
    expect(badge).toHaveClass('state-paused');
    expect(badge).toHaveTextContent(/^Paused$/);
  });

  it('stops its clock and says Reconnecting… while the connection to the host is lost, then asks for the view again', async () => {
    // The page's own clock moves the simulated time between the host's pushes (600x: a second is ten minutes).
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    try {
      const { client, sessionId } = await openProjector();
      const clock = screen.getByRole('status', { name: 'Simulated time' });
      const state = () => screen.getByText(/^(Running|Paused|Reconnecting…)$/);
      expect(state()).toHaveTextContent('Running');
      const started = clock.textContent;
      act(() => void vi.advanceTimersByTime(1_000));
      expect(clock.textContent).not.toBe(started);

      act(() => client.connection('lost'));
      expect(state()).toHaveTextContent('Reconnecting…');
      const stopped = clock.textContent;
      act(() => void vi.advanceTimersByTime(5_000));
      expect(clock).toHaveTextContent(stopped!);

      client.calls.length = 0;
      act(() => client.connection('recovered'));
      expect(client.calls[0]).toEqual({ type: 'audience.open', params: { sessionId } });
      expect(state()).toHaveTextContent('Running');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says so when the session cannot be opened', async () => {
    const client = fakeClient();
    client.override('session.open', () => {
      throw new Error('there is no session S-404');
    });
    renderWithApp(<ProjectorView sessionId="S-404" />, client);
    expect(await screen.findByText('session.open: there is no session S-404')).toBeInTheDocument();
  });

  it('shows a clear message without a session id', () => {
    renderWithApp(<ProjectorView sessionId="" />);
    expect(screen.getByRole('alert')).toHaveTextContent('No session to show');
  });
});

describe('the projector address', () => {
  it('is ?view=projector&session=ID; anything else is the app', () => {
    expect(projectorRoute('?view=projector&session=20260314-101500-abc123')).toEqual({ sessionId: '20260314-101500-abc123' });
    expect(projectorRoute('?token=t&view=projector&session=S-1')).toEqual({ sessionId: 'S-1' });
    expect(projectorRoute('?view=projector')).toEqual({ sessionId: '' });
    expect(projectorRoute('?token=abc')).toBeNull();
    expect(projectorRoute('')).toBeNull();
  });

  it('carries the projector\'s token, not the facilitator\'s, when the console opens it in the browser', () => {
    const href = projectorHref({ pathname: '/', search: '?token=abc' }, 'S 1', 'p.S 1.sig');
    expect(href).toBe('/?token=p.S+1.sig&view=projector&session=S+1');
    expect(new URLSearchParams(href.slice(1)).get('token')).toBe('p.S 1.sig');
    expect(projectorRoute(href.slice(1))).toEqual({ sessionId: 'S 1' });
  });
});
