// @vitest-environment jsdom
import './setup.js';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App.js';
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
  it('shows the clock, the phase, the live times with definitions, and the deadlines', async () => {
    await openConsole();
    expect(screen.getByRole('status', { name: 'Simulated time' })).toHaveTextContent(/^T\+\d\d:\d\d:\d\d$/);
    expect(screen.getByText('Time to detect')).toBeInTheDocument();
    expect(screen.getByText(/time to detect = detected − T0/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Jump to next inject' })).toBeEnabled();
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
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveTextContent('Jump to the next inject');
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

  it('takes a plan action on behalf of the chosen role, declares the severity and notes an observation', async () => {
    const user = userEvent.setup();
    const { client } = await openConsole();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Acting as' }), 'cloud-security-analyst');
    const actions = screen.getByRole('region', { name: /Plan actions/ });
    const take = within(actions).getAllByRole('button', { name: /Take action:/ })[0]!;
    const title = take.getAttribute('aria-label')!.replace('Take action: ', '');
    await user.click(take);
    const plan = client.session().index.plan;
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'action.taken', actor: 'cloud-security-analyst', action: plan.actions.find((a) => a.title === title)!.id });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Level' }), '2');
    await user.click(screen.getByRole('button', { name: 'Declare severity' }));
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'severity.declared', level: 2, actor: 'cloud-security-analyst' });
    expect(await screen.findByText(/at T\+00:00:00/)).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Analyst checked the access logs first');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Linked to' }), 'objective:OBJ-2');
    await user.click(screen.getByRole('button', { name: 'Note observation' }));
    expect(client.session().journal.at(-1)).toMatchObject({ type: 'observation.noted', tag: 'strength', objective: 'OBJ-2', text: 'Analyst checked the access logs first' });
    const noted = screen.getByRole('region', { name: 'Observations noted (1)' });
    expect(within(noted).getByText('Analyst checked the access logs first')).toBeInTheDocument();
    expect(within(noted).getByText('Strength')).toBeInTheDocument();
    expect(within(noted).getByText(/^Linked to /)).toHaveTextContent(client.session().index.scenario.objectives.find((o) => o.id === 'OBJ-2')!.title);
  });

  it('hides the facilitator notes in projector mode until the facilitator asks for them', async () => {
    const user = userEvent.setup();
    const { store } = await openConsole();
    const msel = screen.getByRole('region', { name: 'MSEL: upcoming injects' });
    expect(within(msel).getAllByText('Facilitator note:').length).toBeGreaterThan(0);
    act(() => store.getState().toggleProjector());
    expect(within(msel).queryByText('Facilitator note:')).toBeNull();
    await user.click(within(msel).getByRole('button', { name: 'Facilitator notes' }));
    expect(within(msel).getByRole('button', { name: 'Facilitator notes' })).toHaveAttribute('aria-pressed', 'true');
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

  it('switches theme and projector mode from named toggle buttons', async () => {
    const user = userEvent.setup();
    window.location.hash = '#/library';
    renderWithApp(<App />);
    await user.click(screen.getByRole('button', { name: 'Dark theme' }));
    await user.click(screen.getByRole('button', { name: 'Projector mode' }));
    expect(screen.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement).toHaveClass('projector');
  });
});
