// @vitest-environment jsdom
import './setup.js';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../engine/format/limits.js';
import { App } from '../../renderer/app/App.js';
import { CommandError } from '../../renderer/client/session-client.js';
import { ShortcutsDialog } from '../../renderer/app/ShortcutsDialog.js';
import { ConsoleView } from '../../renderer/facilitator/ConsoleView.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';
import { MIN } from '../helpers/world.js';

async function openConsole() {
  const client = fakeClient();
  const created = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
  const rendered = renderWithApp(<><ConsoleView sessionId={created.sessionId} /><ShortcutsDialog /></>, client);
  await screen.findByRole('heading', { name: /Left open overnight/, level: 1 });
  return rendered;
}

describe('the facilitator console', () => {
  it('shows the clock in the story\'s time zone, the phase, the live times with their definitions a focus away, and the next stop', async () => {
    const { client } = await openConsole();
    expect(screen.getByRole('status', { name: 'Simulated time' })).toHaveTextContent(/^T\+\d\d:\d\d:\d\d$/);
    const zone = client.session().index.scenario.startsAt.endsWith('Z') ? 'UTC' : 'UTC[+-]\\d\\d:\\d\\d';
    expect(screen.getByLabelText('Scenario date and time')).toHaveTextContent(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d ${zone}$`));
    expect(screen.getByText('Time to detect')).toBeInTheDocument();
    act(() => screen.getByRole('button', { name: 'How time to detect is measured' }).focus());
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/time to detect = detected − T0/);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Jump to next event' })).toBeEnabled();
    expect(screen.getByText(/^Next: an inject in /)).toBeInTheDocument();
  });

  it('pauses and resumes with the button and the space bar, and lists the shortcuts on ?', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByRole('button', { name: 'Resume' })).toBeInTheDocument();
    (document.activeElement as HTMLElement).blur();
    await user.keyboard(' ');
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expect(client.calls.map((call) => call.type)).toEqual(expect.arrayContaining(['clock.pause', 'clock.resume']));
    await user.keyboard('n');
    expect(client.calls.at(-1)?.type).toBe('clock.jump');
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveTextContent('Jump to the next event');
    expect(dialog).toHaveTextContent('Go to the pending decisions');
    expect(dialog).toHaveTextContent('Go to the severity declaration');
  });

  it('says why a drill it comes back to is paused when the host paused it (its page closed), with Resume a tab away', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    // A pause of the facilitator's own needs no word.
    expect(screen.queryByText(/Paused when/)).not.toBeInTheDocument();
    // The view the host sends once it paused the drill on its own (host/service/live-session.ts).
    const view = { ...(await client.send('session.open', { sessionId: client.session().started.sessionId })).view, pauseCause: 'page-closed' as const };
    act(() => client.emit('session.update', { sessionId: view.sessionId, view }));
    const banner = await screen.findByText(/^Paused when the facilitator’s page closed at T\+\d\d:\d\d:\d\d\. .*Resume when ready\.$/);
    const resume = within(banner.parentElement!).getByRole('button', { name: 'Resume the drill' });
    resume.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(client.session().context.paused).toBe(false));
    expect(client.calls.filter((call) => call.type === 'clock.resume')).toHaveLength(1);
    expect(screen.queryByText(/Paused when/)).not.toBeInTheDocument();
  });

  it('Space on a focused button pauses the clock and never presses the button (bug 2)', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    await user.click(screen.getByRole('tab', { name: /Actions/ }));
    const take = screen.getAllByRole('button', { name: /^Take action:/ })[0]!;
    await user.click(take);
    const takes = () => client.session().journal.filter((entry) => entry.type === 'action.taken').length;
    expect(takes()).toBe(1);
    take.focus();
    await user.keyboard(' ');
    expect(takes()).toBe(1);
    await waitFor(() => expect(client.session().context.paused).toBe(true));
    // The same on any other button: Hold in the MSEL holds nothing.
    await user.click(screen.getByRole('tab', { name: /MSEL/ }));
    const hold = screen.getAllByRole('button', { name: /^Hold / })[0]!;
    hold.focus();
    await user.keyboard(' ');
    await waitFor(() => expect(client.session().context.paused).toBe(false));
    expect(client.session().journal.some((entry) => entry.type === 'inject.held')).toBe(false);
    // In a text field Space is a space.
    await user.click(screen.getByRole('tab', { name: /Observations/ }));
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'a b');
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('a b');
    expect(client.session().context.paused).toBe(false);
  });

  it('records a double-clicked Take once, and shows the action taken, in progress, then done (bug 1)', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Acting as' }), 'cloud-security-analyst');
    await user.click(screen.getByRole('tab', { name: /Actions/ }));
    const take = screen.getAllByRole('button', { name: /^Take action:/ })[0]!;
    await user.dblClick(take);
    await waitFor(() => expect(take).toBeDisabled());
    expect(client.session().journal.filter((entry) => entry.type === 'action.taken')).toHaveLength(1);
    const row = take.closest('li')!;
    expect(row).toHaveTextContent(/Taken by Cloud Security Analyst at T\+00:00 · in progress, .* left/);
    act(() => client.advance(3 * 60 * MIN));
    await waitFor(() => expect(row).toHaveTextContent(/Done at T\+\d\d:\d\d · taken by Cloud Security Analyst at T\+00:00/));
    expect(take).toBeDisabled();
    expect(take).toHaveTextContent('Done');
  });

  it('records a double-clicked observation, severity declaration and decision answer once, and never declares the same level twice', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    // Answers take a moment, as over a network: the second click of a double click comes first.
    const send = client.send.bind(client) as (type: string, params: unknown) => Promise<unknown>;
    const waiting: (() => void)[] = [];
    client.send = (async (type: string, params: unknown) => {
      if (type === 'session.input') await new Promise<void>((go) => waiting.push(go));
      return send(type, params);
    }) as typeof client.send;
    const answerAll = () => act(async () => waiting.splice(0).forEach((go) => go()));
    const recorded = (type: string) => client.session().journal.filter((entry) => entry.type === type).length;

    await user.click(screen.getByRole('tab', { name: /Observations/ }));
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'The IC asked for the access logs');
    await user.dblClick(screen.getByRole('button', { name: 'Note observation' }));
    await answerAll();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue(''));
    expect(recorded('observation.noted')).toBe(1);

    await user.click(screen.getByRole('tab', { name: /Severity/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Level' }), '3');
    await user.dblClick(screen.getByRole('button', { name: 'Declare severity' }));
    await answerAll();
    await screen.findByText(/^Declared: Sev 3/);
    expect(recorded('severity.declared')).toBe(1);
    // The level declared is declared: another level may be (a reclassification), not the same again.
    expect(screen.getByRole('button', { name: 'Declare severity' })).toBeDisabled();
    expect(screen.getByText('Sev 3 is the level declared: choose another to reclassify.')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Level' }), '2');
    expect(screen.getByRole('button', { name: 'Declare severity' })).toBeEnabled();

    act(() => client.advance(46 * MIN));
    await user.click(screen.getByRole('tab', { name: /Decisions/ }));
    const decisions = screen.getByRole('region', { name: 'Pending decisions' });
    await user.dblClick(within(decisions).getAllByRole('button')[0]!);
    await answerAll();
    await waitFor(() => expect(within(decisions).queryAllByRole('button')).toHaveLength(0));
    expect(recorded('decision.answered')).toBe(1);
    expect(waiting).toHaveLength(0);
  });

  it('keeps an observation to the length the journal takes, and says so before it stops; a refusal reads once, not "session.input: session.input: …"', async () => {
    const user = userEvent.setup();
    const { client, store } = await openConsole();
    await user.click(screen.getByRole('tab', { name: /Observations/ }));
    const note = screen.getByRole('textbox', { name: 'Note' });
    await user.click(note);
    await user.paste('x'.repeat(TEXT_LIMITS.note + 1000));
    expect(note).toHaveValue('x'.repeat(TEXT_LIMITS.note));
    expect(note).toHaveAccessibleDescription('5,000 of 5,000 characters at most');
    await user.click(screen.getByRole('button', { name: 'Note observation' }));
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'observation.noted', text: 'x'.repeat(TEXT_LIMITS.note) });

    client.override('session.input', () => {
      throw new CommandError({ code: 'refused', message: 'session.input: input.text: too long' });
    });
    await user.type(note, 'one more');
    await user.click(screen.getByRole('button', { name: 'Note observation' }));
    await waitFor(() => expect(store.getState().problem).toBe('session.input: input.text: too long'));
    expect(note).toHaveValue('one more');
  });

  it('takes a plan action on behalf of the chosen role, declares the severity (no level chosen until one is) and notes an observation', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Acting as' }), 'cloud-security-analyst');
    await user.click(screen.getByRole('tab', { name: /Actions/ }));
    const actions = screen.getByRole('region', { name: /Plan actions/ });
    const take = within(actions).getAllByRole('button', { name: /Take action:/ })[0]!;
    const title = take.getAttribute('aria-label')!.replace('Take action: ', '');
    await user.click(take);
    const plan = client.session().index.plan;
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'action.taken', actor: 'cloud-security-analyst', action: plan.actions.find((a) => a.title === title)!.id });

    await user.click(screen.getByRole('tab', { name: /Severity/ }));
    expect(screen.getByRole('combobox', { name: 'Level' })).toHaveValue('');
    // Each level by the number the library, the clock bar and the scorecard use, and the plan's name; the matrix with its response deadline.
    expect(within(screen.getByRole('combobox', { name: 'Level' })).getAllByRole('option').map((option) => option.textContent))
      .toEqual(['Choose a level…', ...plan.severityLevels.map((level) => `Sev ${level.level} · ${level.name}`)]);
    expect(screen.getByRole('region', { name: 'Severity declaration' })).toHaveTextContent(`Sev 1 · ${plan.severityLevels[0]!.name} (response within 15 min)`);
    expect(screen.getByRole('button', { name: 'Declare severity' })).toBeDisabled();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Level' }), '2');
    await user.click(screen.getByRole('button', { name: 'Declare severity' }));
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'severity.declared', level: 2, actor: 'cloud-security-analyst' });
    expect(await screen.findByText(/^Sev 2 · .*, at T\+00:00$/)).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: /Observations/ }));
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Analyst checked the access logs first');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Linked to' }), 'objective:OBJ-2');
    await user.click(screen.getByRole('button', { name: 'Note observation' }));
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'observation.noted', tag: 'strength', objective: 'OBJ-2', text: 'Analyst checked the access logs first' });
    const noted = screen.getByRole('region', { name: 'Observations noted (1)' });
    expect(within(noted).getByText('Analyst checked the access logs first')).toBeInTheDocument();
    expect(within(noted).getByText('Strength')).toBeInTheDocument();
    expect(within(noted).getByText(/^Linked to /)).toHaveTextContent(client.session().index.scenario.objectives.find((o) => o.id === 'OBJ-2')!.title);
  });

  it('goes to the decisions and the severity by shortcut and by skip link, and lists both in the ? dialog', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
    window.location.hash = `#/session/${sessionId}`;
    renderWithApp(<App />, client);
    await screen.findByRole('heading', { name: /Left open overnight/, level: 1 }, { timeout: 10_000 });
    await user.keyboard('s');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Level' })).toHaveFocus());
    (document.activeElement as HTMLElement).blur();
    await user.keyboard('d');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Pending decisions' })).toHaveFocus());
    await user.click(screen.getByRole('tab', { name: /Actions/ }));
    await user.click(screen.getByRole('link', { name: 'Skip to the severity declaration' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Level' })).toHaveFocus());
    expect(screen.getByRole('tab', { name: /Severity/ })).toHaveAttribute('aria-selected', 'true');
  });

  it('announces a decision put to the team, and goes to it on "Show the decision"', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    await user.click(screen.getByRole('tab', { name: /Actions/ }));
    expect(screen.queryByRole('group', { name: 'New decision' })).toBeNull();
    act(() => client.advance(46 * MIN));
    const alert = await screen.findByRole('group', { name: 'New decision' });
    const decision = client.session().index.scenario.decisions.find((one) => client.session().context.decisions[one.id]!.status === 'open')!;
    expect(alert).toHaveTextContent(decision.prompt);
    expect(alert.closest('[aria-live]')).toHaveAttribute('aria-live', 'assertive');
    expect(screen.getByRole('tab', { name: /Decisions \(\d\)/ })).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Show the decision' }));
    expect(screen.getByRole('tab', { name: /Decisions/ })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Pending decisions' })).toHaveFocus());
    expect(screen.queryByRole('group', { name: 'New decision' })).toBeNull();
  });

  it('jumps to the next event: it stops where a decision opens, not past it (bug 3)', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    const opensAt = () => Object.values(client.session().context.decisions).map((d) => d.openedAt).filter((at) => at !== undefined);
    for (let jump = 0; jump < 10 && opensAt().length === 0; jump++) {
      await user.click(screen.getByRole('button', { name: 'Jump to next event' }));
      await waitFor(() => expect(client.calls.filter((call) => call.type === 'clock.jump')).toHaveLength(jump + 1));
    }
    expect(client.session().now).toBe(opensAt()[0]);
    expect(Object.values(client.session().context.decisions).some((d) => d.status === 'open')).toBe(true);
    expect(await screen.findByRole('group', { name: 'New decision' })).toBeInTheDocument();
  });

  it('ends the session only once confirmed (bug 8)', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    await user.click(screen.getByRole('button', { name: 'End the session' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'End the session?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep playing' }));
    expect(client.calls.some((call) => call.type === 'session.end')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'End the session' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'End the session?' })).getByRole('button', { name: 'End the session' }));
    await waitFor(() => expect(client.calls.filter((call) => call.type === 'session.end')).toHaveLength(1));
    expect(window.location.hash).toMatch(/^#\/debrief\//);
  });

  it('closes the End dialog on Escape or "Keep playing" with the focus back on the End button', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    const endButton = screen.getByRole('button', { name: 'End the session' });
    act(() => endButton.focus());
    await user.keyboard('{Enter}');
    await screen.findByRole('alertdialog', { name: 'End the session?' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(endButton).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.click(within(await screen.findByRole('alertdialog', { name: 'End the session?' })).getByRole('button', { name: 'Keep playing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(endButton).toHaveFocus();
    expect(client.calls.some((call) => call.type === 'session.end')).toBe(false);
  });

  it('keeps the focus in the MSEL as an inject is held, put back and released from the keyboard (the button pressed is gone each time)', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    await user.click(screen.getByRole('tab', { name: /MSEL/ }));
    const msel = screen.getByRole('region', { name: 'MSEL: upcoming injects' });
    const hold = within(msel).getAllByRole('button', { name: /^Hold / })[0]!;
    const title = hold.getAttribute('aria-label')!.replace(/^Hold /, '');
    act(() => hold.focus());
    await user.keyboard('{Enter}');
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'inject.held' });
    await waitFor(() => expect(within(msel).getByRole('button', { name: `Put ${title} back on its schedule` })).toHaveFocus());
    await user.keyboard('{Enter}');
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'inject.resumed' });
    await waitFor(() => expect(within(msel).getByRole('button', { name: `Hold ${title}` })).toHaveFocus());
    await user.click(within(msel).getByRole('button', { name: `Release ${title} now` }));
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'inject.released' });
    await waitFor(() => expect(screen.getByRole('heading', { name: 'MSEL: upcoming injects' })).toHaveFocus());
  });

  it('puts a held inject back on its schedule', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    await user.click(screen.getByRole('tab', { name: /MSEL/ }));
    const msel = screen.getByRole('region', { name: 'MSEL: upcoming injects' });
    await user.click(within(msel).getAllByRole('button', { name: /^Hold / })[0]!);
    const held = client.session().journal.at(-1) as { type: string; inject: string };
    expect(held.type).toBe('inject.held');
    await user.click(await within(msel).findByRole('button', { name: /back on its schedule$/ }));
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'inject.resumed', inject: held.inject, actor: 'facilitator' });
    expect(client.session().context.injects[held.inject]!.status).toBe('scheduled');
  });

  it('says how each communication duty is met, by which action and by when, as a status rather than a checkbox', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    await user.click(screen.getByRole('tab', { name: /Duties/ }));
    const duties = screen.getByRole('region', { name: 'Communication duties' });
    const plan = client.session().index.plan;
    const scenarioDuties = plan.duties.filter((duty) => client.session().index.scenario.duties.includes(duty.id));
    if (scenarioDuties.length === 0) {
      expect(duties).toHaveTextContent('This scenario sets no communication duty.');
      return;
    }
    expect(within(duties).queryByRole('checkbox')).toBeNull();
    expect(duties).not.toHaveTextContent(/[☐☑]/);
    const first = scenarioDuties[0]!;
    expect(duties).toHaveTextContent(`Met by${plan.actions.find((action) => action.id === first.actions[0])!.title}`);
    expect(duties).toHaveTextContent(/Duewithin /);
  });

  it('shows fired injects by channel with collapsible artifacts, and upcoming ones with facilitator notes', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    const feed = screen.getByRole('region', { name: 'Inject feed' });
    const finding = within(feed).getByRole('article', { name: /Cloud finding: Security Hub daily review/ });
    const artifact = within(finding).getAllByRole('group')[0]!;
    await user.click(within(artifact).getAllByText(/./)[0]!);
    expect(artifact).toHaveAttribute('open');
    const msel = screen.getByRole('region', { name: 'MSEL: upcoming injects' });
    expect(within(msel).getByText(/the development manager wants the bucket gone/)).toBeInTheDocument();
    await user.click(within(msel).getByRole('button', { name: /Release Chat: the development manager wants the bucket gone now/ }));
    expect(await within(feed).findByRole('article', { name: /Chat: Chat: the development manager/ })).toBeInTheDocument();
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'inject.released', inject: 'INJ-02', actor: 'facilitator' });
  });

  it('hides the facilitator notes and the titles of upcoming injects in projector mode until the facilitator asks for them', async () => {
    const user = userEvent.setup();
    const { store, client } = await openConsole();
    const msel = screen.getByRole('region', { name: 'MSEL: upcoming injects' });
    const upcoming = client.session().index.scenario.injects.filter((inject) => client.session().context.injects[inject.id]!.status === 'scheduled');
    expect(within(msel).getAllByText('Facilitator note:').length).toBeGreaterThan(0);
    expect(msel).toHaveTextContent(upcoming[0]!.title);
    act(() => store.getState().toggleProjector());
    expect(within(msel).queryByText('Facilitator note:')).toBeNull();
    for (const inject of upcoming) expect(msel).not.toHaveTextContent(inject.title);
    const links = within(screen.getByRole('combobox', { name: 'Linked to' })).getAllByRole('option').map((option) => option.textContent);
    for (const inject of upcoming) expect(links).not.toContain(`${inject.id}: ${inject.title}`);
    expect(screen.queryByText(/^Next: /)).toBeNull();
    await user.click(within(msel).getByRole('button', { name: 'Show titles and notes' }));
    expect(within(msel).getByRole('button', { name: 'Show titles and notes' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(msel).getAllByText('Facilitator note:').length).toBeGreaterThan(0);
    expect(msel).toHaveTextContent(upcoming[0]!.title);
  });

  it('keeps what is coming a surprise in a solo drill: no upcoming titles or facilitator notes until asked, no upcoming inject to link a note to', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'solo', speed: 600, participants: {} });
    renderWithApp(<ConsoleView sessionId={sessionId} />, client);
    await screen.findByRole('heading', { name: /Left open overnight/, level: 1 });
    const injects = client.session().index.scenario.injects;
    const status = (id: string) => client.session().context.injects[id]!.status;
    const upcoming = injects.filter((inject) => status(inject.id) !== 'fired');
    const fired = injects.filter((inject) => status(inject.id) === 'fired');
    expect(upcoming.length).toBeGreaterThan(0);
    expect(fired.length).toBeGreaterThan(0);
    const msel = screen.getByRole('region', { name: 'MSEL: upcoming injects' });
    expect(within(msel).queryByText('Facilitator note:')).toBeNull();
    for (const inject of upcoming) expect(msel).not.toHaveTextContent(inject.title);
    const links = within(screen.getByRole('combobox', { name: 'Linked to' })).getAllByRole('option').map((option) => option.textContent);
    for (const inject of upcoming) expect(links).not.toContain(`${inject.id}: ${inject.title}`);
    for (const inject of fired) expect(links).toContain(`${inject.id}: ${inject.title}`);
    // To review the drill afterwards, or to peek, the player asks for them.
    await user.click(within(msel).getByRole('button', { name: 'Show titles and notes' }));
    expect(msel).toHaveTextContent(upcoming[0]!.title);
    expect(within(msel).getAllByText('Facilitator note:').length).toBeGreaterThan(0);
  });

  it('says when the connection is lost, and reopens the session on a fresh connection', async () => {
    const { client, store } = await openConsole();
    act(() => client.connection('lost'));
    expect(store.getState().problem).toBe('The connection to Firedrill was lost; reconnecting…');
    const opensBefore = client.calls.filter((call) => call.type === 'session.open').length;
    act(() => client.connection('back'));
    await waitFor(() => expect(client.calls.filter((call) => call.type === 'session.open')).toHaveLength(opensBefore + 1));
    expect(store.getState().problem).toBeNull();
    act(() => client.connection('recovered'));
    expect(client.calls.filter((call) => call.type === 'session.open')).toHaveLength(opensBefore + 1);
  });

  it('follows the pushed views as simulated time passes', async () => {
    const { client } = await openConsole();
    act(() => client.advance(46 * MIN));
    expect(await screen.findByRole('article', { name: /Chat: the development manager/ })).toBeInTheDocument();
  });
});

describe('the app frame', () => {
  it('leaves the session it had open when the tab opens another one', async () => {
    const client = fakeClient();
    const { view } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'solo', speed: 1, participants: {} });
    window.location.hash = '#/library';
    const { store } = renderWithApp(<App />, client);
    act(() => store.getState().setView(view));
    expect(client.calls.some((call) => call.type === 'session.close')).toBe(false);
    act(() => store.getState().setView({ ...view, sessionId: 'another-session' }));
    await waitFor(() => expect(client.calls.filter((call) => call.type === 'session.close')).toEqual([{ type: 'session.close', params: { sessionId: view.sessionId } }]));
  });

  it('starts every screen at the top with the focus on its heading (bug 6)', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/library';
    const scrolls: unknown[] = [];
    const scrollTo = window.scrollTo;
    window.scrollTo = ((...args: unknown[]) => void scrolls.push(args)) as typeof window.scrollTo;
    try {
      renderWithApp(<App />);
      const lazyScreen = { timeout: 10_000 };
      await waitFor(() => expect(screen.getByRole('heading', { name: 'Scenario library', level: 1 })).toHaveFocus(), lazyScreen);
      await user.click(screen.getByRole('button', { name: /^Set up Left open overnight/ }));
      scrolls.length = 0;
      await waitFor(() => expect(screen.getByRole('heading', { name: /^Set up: Left open overnight/, level: 1 })).toHaveFocus(), lazyScreen);
      expect(scrolls).toContainEqual([0, 0]);
      await user.click(screen.getByRole('link', { name: 'Sessions' }));
      await waitFor(() => expect(screen.getByRole('heading', { name: 'Sessions', level: 1 })).toHaveFocus(), lazyScreen);
    } finally {
      window.scrollTo = scrollTo;
    }
  });

  it('switches theme and projector mode from named toggle buttons', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/library';
    renderWithApp(<App />);
    await user.click(screen.getByRole('button', { name: 'Dark theme' }));
    await user.click(screen.getByRole('button', { name: 'Projector mode' }));
    expect(screen.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement).toHaveClass('projector');
    window.localStorage.removeItem('firedrill.display');
  });

  it('gives the focus back to the Shortcuts button when the shortcuts dialog closes', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/library';
    renderWithApp(<App />);
    const shortcuts = screen.getByRole('button', { name: 'Shortcuts' });
    await user.click(shortcuts);
    await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }, { timeout: 10_000 });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(shortcuts).toHaveFocus();
  });

  it('keeps projector mode and the theme through a reload: the room is not shown the MSEL\'s upcoming titles', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
    window.location.hash = `#/session/${sessionId}`;
    renderWithApp(<App />, client);
    await user.click(await screen.findByRole('button', { name: 'Dark theme' }));
    await user.click(screen.getByRole('button', { name: 'Projector mode' }));
    cleanup();
    document.documentElement.className = '';
    delete document.documentElement.dataset.theme;

    // The page reloaded: a new store, the same device.
    renderWithApp(<App />, client);
    await screen.findByRole('heading', { name: /Left open overnight/, level: 1 }, { timeout: 10_000 });
    expect(screen.getByRole('button', { name: 'Projector mode' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveClass('projector');
    expect(document.documentElement.dataset.theme).toBe('dark');
    await user.click(screen.getByRole('tab', { name: /MSEL/ }));
    expect(screen.getAllByText('title hidden on the projector').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Projector mode' }));
    expect(JSON.parse(window.localStorage.getItem('firedrill.display')!)).toEqual({ theme: 'dark', projector: false });
    window.localStorage.removeItem('firedrill.display');
  });
});
