// @vitest-environment jsdom
import './setup.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionSummary } from '../../engine/protocol/index.js';
import { serializeEntry } from '../../engine/session/journal.js';
import { App } from '../../renderer/app/App.js';
import { localDateTime, SessionsView } from '../../renderer/views/SessionsView.js';
import { fakeClient, type FakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';

const TITLE = 'Left open overnight: a public UAT bucket with one file too many';
const summary = (id: string, startedAt: string, more: Partial<SessionSummary> = {}): SessionSummary => ({
  id, name: `${TITLE} · ${startedAt.slice(0, 10)}`, scenarioId: 'public-test-bucket', planId: 'cloud-ir-plan', mode: 'facilitated', participants: {}, startedAt, entries: 12,
  state: more.ended ? 'ended' : 'running', ended: false, simTime: 0, score: null, integrity: { status: 'verified' }, archived: false, ...more,
});

/** A data folder of sessions behind session.list, session.archive and session.delete, as the host keeps it. */
function storedSessions(client: FakeClient, sessions: SessionSummary[]) {
  const stored = sessions.map((s) => ({ ...s }));
  client.override('session.list', ({ archived }) => ({
    sessions: stored.filter((s) => archived === undefined || s.archived === archived).sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
  }));
  client.override('session.archive', ({ sessionId }) => {
    stored.find((s) => s.id === sessionId)!.archived = true;
    return { sessionId };
  });
  client.override('session.delete', ({ sessionId }) => {
    stored.splice(stored.findIndex((s) => s.id === sessionId), 1);
    return { sessionId, trashedAs: `/data/trash/${sessionId}.jsonl` };
  });
  return stored;
}

const RUNNING = summary('s-running', '2026-03-14T10:00:00.000Z', { entries: 7 });
const ENDED = summary('s-ended', '2026-03-13T09:00:00.000Z', { ended: true, mode: 'role-play', entries: 40 });
const ELSEWHERE = summary('s-elsewhere', '2026-03-12T09:00:00.000Z', { openIn: 4242 });
const DAMAGED = summary('s-damaged', '2026-03-11T09:00:00.000Z', { problem: 'the journal is damaged: it does not start with session.started' });
const STRANGER = summary('s-stranger', '2026-03-10T09:00:00.000Z', { scenarioId: 'no-such-scenario', name: 'no-such-scenario · 2026-03-10', mode: 'solo' });
const PAUSED = summary('s-paused', '2026-03-15T09:00:00.000Z', { state: 'paused', name: 'Tuesday drill, blue team', participants: { 'incident-commander': 'Ada Lovelace', 'comms-lead': 'Grace Hopper' } });
const SCORED = summary('s-scored', '2026-03-09T09:00:00.000Z', { ended: true, score: 72.46 });

const rowOf = (name: string | RegExp) => screen.getByRole('row', { name });
const callsOf = (client: FakeClient, type: string) => client.calls.filter((call) => call.type === type);

async function renderSessions(sessions: SessionSummary[]) {
  const client = fakeClient();
  const stored = storedSessions(client, sessions);
  const rendered = renderWithApp(<SessionsView />, client);
  return { ...rendered, stored, user: userEvent.setup() };
}

beforeEach(() => {
  window.location.hash = '#/sessions';
});

describe('the sessions list', () => {
  it('shows the stored sessions newest first: scenario title (the id for one not in the library), mode, local start, entries, state', async () => {
    await renderSessions([STRANGER, ENDED, RUNNING, DAMAGED, ELSEWHERE]);
    const table = await screen.findByRole('table', { name: /Stored sessions/ });
    // The title comes from the library listing, which loads alongside the list.
    await within(table).findAllByRole('rowheader', { name: /Left open overnight/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').querySelector('.session-id')!.textContent)).toEqual(['s-running', 's-ended', 's-elsewhere', 's-damaged', 's-stranger']);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent(/^Left open overnight/);
    expect(within(rows[4]!).getByRole('rowheader')).toHaveTextContent(/^no-such-scenario/);
    const running = rows[0]!;
    expect(running).toHaveTextContent('Facilitated');
    expect(running).toHaveTextContent(localDateTime(RUNNING.startedAt));
    expect(within(running).getByRole('cell', { name: '7' })).toBeInTheDocument();
    expect(running).toHaveTextContent('Running');
    expect(rows[1]).toHaveTextContent('Role play');
    expect(rows[1]).toHaveTextContent('Ended');
    expect(rows[2]).toHaveTextContent('Open in another Firedrill');
    expect(rows[2]).toHaveTextContent('process 4242');
    expect(rows[3]).toHaveTextContent('Damaged');
    expect(rows[3]).toHaveTextContent('does not start with session.started');
    expect(rows[4]).toHaveTextContent('Solo');
  });

  it('says Paused for a session whose clock is paused (its page was closed), Running only when its clock runs', async () => {
    await renderSessions([PAUSED, RUNNING, ENDED]);
    await screen.findAllByRole('rowheader', { name: /Left open overnight/ });
    expect(within(rowOf(/s-paused/)).getByText('Paused')).toHaveClass('state-paused');
    expect(rowOf(/s-paused/)).not.toHaveTextContent('Running');
    expect(rowOf(/s-running/)).toHaveTextContent('Running');
    expect(rowOf(/s-ended/)).toHaveTextContent('Ended');
    // A paused session is not over: it can be resumed.
    expect(within(rowOf(/s-paused/)).getByRole('button', { name: /^Resume Tuesday drill, blue team/ })).toBeInTheDocument();
  });

  it('shows each session by its name, with the scenario, the participants and an ended session\'s score', async () => {
    await renderSessions([PAUSED, SCORED]);
    const paused = await screen.findByRole('row', { name: /s-paused/ });
    const header = within(paused).getByRole('rowheader');
    expect(header).toHaveTextContent(/^Tuesday drill, blue team/);
    await waitFor(() => expect(header).toHaveTextContent(TITLE));
    expect(within(paused).getByRole('cell', { name: 'Ada Lovelace, Grace Hopper' })).toBeInTheDocument();
    expect(paused).toHaveTextContent('—');
    expect(within(rowOf(/s-scored/)).getByRole('cell', { name: '72.5 / 100' })).toBeInTheDocument();
    expect(rowOf(/s-scored/)).toHaveTextContent('none named');
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Session', 'Mode', 'Started', 'Participants', 'Score', 'Entries', 'State', 'Actions']);
  });

  it('names each person once, though a solo player plays every role', async () => {
    const roles = ['incident-commander', 'cloud-security-analyst', 'legal-compliance-officer', 'communications-lead', 'it-operations'];
    await renderSessions([summary('s-solo', '2026-03-16T09:00:00.000Z', { mode: 'solo', participants: Object.fromEntries(roles.map((role) => [role, 'Grace Hopper'])) })]);
    expect(within(await screen.findByRole('row', { name: /s-solo/ })).getByRole('cell', { name: 'Grace Hopper' })).toBeInTheDocument();
  });

  it('Rename asks for the new name and sends session.rename, then lists the sessions again', async () => {
    const { client, user } = await renderSessions([PAUSED]);
    client.override('session.rename', ({ sessionId, name }) => ({ sessionId, name, entry: { type: 'session.renamed', name, seq: 9, simTime: 0, wallTime: PAUSED.startedAt, actor: 'facilitator' } as never }));
    await user.click(await screen.findByRole('button', { name: /^Rename Tuesday drill, blue team/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Rename this session' });
    const field = within(dialog).getByRole('textbox', { name: 'Session name' });
    expect(field).toHaveValue('Tuesday drill, blue team');
    // The same name, or none, is not a rename.
    expect(within(dialog).getByRole('button', { name: 'Rename' })).toBeDisabled();
    await user.clear(field);
    expect(within(dialog).getByRole('button', { name: 'Rename' })).toBeDisabled();
    const listsBefore = callsOf(client, 'session.list').length;
    await user.type(field, '  Wednesday drill  {Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsOf(client, 'session.rename').map((call) => call.params)).toEqual([{ sessionId: 's-paused', name: 'Wednesday drill' }]);
    await waitFor(() => expect(callsOf(client, 'session.list').length).toBe(listsBefore + 1));
    expect(screen.getByText('Renamed Tuesday drill, blue team to Wednesday drill.')).toBeInTheDocument();
  });

  it('offers Resume to running sessions only, Debrief to ended ones, Archive to those not archived and Delete to all', async () => {
    await renderSessions([RUNNING, ENDED, ELSEWHERE, DAMAGED]);
    await screen.findAllByRole('rowheader', { name: /Left open overnight/ });
    const names = (row: HTMLElement) => [...within(row).queryAllByRole('button'), ...within(row).queryAllByRole('link')].map((b) => b.textContent);
    expect(names(rowOf(/s-running/))).toEqual(['Resume', 'Rename', 'Archive', 'Delete']);
    expect(names(rowOf(/s-ended/))).toEqual(['Rename', 'Archive', 'Delete', 'Debrief']);
    // A session another Firedrill holds, or a damaged journal, cannot be resumed from here; a damaged one not renamed.
    expect(names(rowOf(/s-elsewhere/))).toEqual(['Rename', 'Archive', 'Delete']);
    expect(names(rowOf(/s-damaged/))).toEqual(['Archive', 'Delete']);
    expect(within(rowOf(/s-ended/)).getByRole('link', { name: /^Debrief Left open overnight/ })).toHaveAttribute('href', '#/debrief/s-ended');
  });

  it('Resume opens the console of that session', async () => {
    const { user } = await renderSessions([RUNNING, ENDED]);
    await user.click(await screen.findByRole('button', { name: `Resume ${RUNNING.name}, started ${localDateTime(RUNNING.startedAt)}` }));
    expect(window.location.hash).toBe('#/session/s-running');
  });

  it('Archive asks first, naming the session; confirmed, it sends session.archive and lists the sessions again', async () => {
    const { client, user } = await renderSessions([RUNNING, ENDED]);
    await screen.findByRole('row', { name: /s-ended/ });
    await user.click(within(rowOf(/s-ended/)).getByRole('button', { name: `Archive ${ENDED.name}, started ${localDateTime(ENDED.startedAt)}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Archive this session?' });
    expect(dialog).toHaveTextContent(TITLE);
    expect(dialog).toHaveTextContent('s-ended');
    expect(dialog).toHaveTextContent(localDateTime(ENDED.startedAt));
    expect(dialog).not.toHaveTextContent('still running');
    expect(dialog).toHaveAccessibleDescription(/can no longer be resumed/);
    // An ended session loses nothing by it: the question opens on its confirm.
    expect(within(dialog).getByRole('button', { name: 'Archive the session' })).toHaveFocus();
    expect(callsOf(client, 'session.archive')).toEqual([]);
    const listsBefore = callsOf(client, 'session.list').length;

    await user.click(within(dialog).getByRole('button', { name: 'Archive the session' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /s-ended/ })).toBeNull());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsOf(client, 'session.archive').map((call) => call.params)).toEqual([{ sessionId: 's-ended' }]);
    expect(callsOf(client, 'session.list').length).toBe(listsBefore + 1);
    expect(screen.getByText(`Archived ${TITLE} (s-ended).`)).toBeInTheDocument();
    expect(rowOf(/s-running/)).toBeInTheDocument();
  });

  it('cancelling the question (button, Enter on the focused Cancel, or Escape) sends nothing, the focus back on the button that asked', async () => {
    const { client, user } = await renderSessions([RUNNING]);
    const archive = await screen.findByRole('button', { name: /^Archive Left open overnight/ });
    await user.click(archive);
    // A running session is closed by archiving it, and the question says so: asked like a delete, red, Cancel focused.
    const dialog = await screen.findByRole('alertdialog', { name: 'Archive this session?' });
    expect(dialog).toHaveTextContent('It is still running: archiving closes it.');
    expect(within(dialog).getByRole('button', { name: 'Archive the session' })).toHaveClass('danger');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(archive).toHaveFocus();
    await user.click(archive);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const remove = screen.getByRole('button', { name: /^Delete Left open overnight/ });
    await user.click(remove);
    await screen.findByRole('alertdialog', { name: 'Delete this session?' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(remove).toHaveFocus();
    expect(callsOf(client, 'session.archive')).toEqual([]);
    expect(callsOf(client, 'session.delete')).toEqual([]);
    expect(rowOf(/s-running/)).toBeInTheDocument();
  });

  it('Delete asks first, saying the journal goes to the trash folder; confirmed, it sends session.delete and lists again', async () => {
    const { client, user } = await renderSessions([RUNNING, ENDED]);
    await user.click(await screen.findByRole('button', { name: `Delete ${RUNNING.name}, started ${localDateTime(RUNNING.startedAt)}` }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete this session?' });
    expect(dialog).toHaveAccessibleDescription(/s-running.*moves its journal to the trash folder/s);
    await user.click(within(dialog).getByRole('button', { name: 'Delete the session' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /s-running/ })).toBeNull());
    expect(callsOf(client, 'session.delete').map((call) => call.params)).toEqual([{ sessionId: 's-running' }]);
    expect(screen.getByText(/trash folder: \/data\/trash\/s-running\.jsonl/)).toBeInTheDocument();
    expect(rowOf(/s-ended/)).toBeInTheDocument();
    // The Delete pressed went with its row: the focus is on the view's heading, not lost on the page.
    expect(screen.getByRole('heading', { name: 'Sessions' })).toHaveFocus();
  });

  it('a refused archive goes to the status line and the list is read again', async () => {
    const { client, store, user } = await renderSessions([RUNNING]);
    client.override('session.archive', () => {
      throw new Error('session s-running is already archived');
    });
    await user.click(await screen.findByRole('button', { name: /^Archive Left open overnight/ }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Archive the session' }));
    await waitFor(() => expect(store.getState().problem).toMatch(/session.archive: session s-running is already archived/));
    expect(callsOf(client, 'session.list').length).toBe(2);
  });

  it('filters Active, Archived and All through session.list', async () => {
    const { client, user } = await renderSessions([RUNNING, { ...ENDED, archived: true }]);
    await screen.findByRole('row', { name: /s-running/ });
    expect(callsOf(client, 'session.list').at(-1)!.params).toEqual({ archived: false });
    expect(screen.getByRole('radio', { name: 'Active' })).toBeChecked();
    expect(screen.queryByRole('row', { name: /s-ended/ })).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Archived' }));
    await screen.findByRole('row', { name: /s-ended/ });
    expect(callsOf(client, 'session.list').at(-1)!.params).toEqual({ archived: true });
    expect(screen.queryByRole('row', { name: /s-running/ })).toBeNull();
    expect(rowOf(/s-ended/)).toHaveTextContent('Archived');
    expect(within(rowOf(/s-ended/)).queryByRole('button', { name: /^Archive/ })).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'All' }));
    await screen.findByRole('row', { name: /s-running/ });
    expect(callsOf(client, 'session.list').at(-1)!.params).toEqual({});
    expect(rowOf(/s-ended/)).toBeInTheDocument();
  });

  it('says what to do when there are no sessions', async () => {
    const { user } = await renderSessions([]);
    expect(await screen.findByText(/No active sessions\. Start a drill from the library/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the library' })).toHaveAttribute('href', '#/library');
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Archived' }));
    expect(await screen.findByText(/No archived sessions/)).toBeInTheDocument();
  });

  it('lists the session the fake engine has running, from the real session.list answer', async () => {
    const client = fakeClient();
    await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'solo', speed: 60, participants: {} });
    renderWithApp(<SessionsView />, client);
    const row = await screen.findByRole('row', { name: /fake-session/ });
    expect(row).toHaveTextContent('Solo');
    expect(row).toHaveTextContent('Running');
    expect(row).toHaveTextContent(String(client.session().journal.length));
  });

  it('a session of the fake engine whose clock was paused, then renamed, lists as Paused under its new name', async () => {
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'solo', speed: 60, participants: { 'incident-commander': 'Ada' }, name: 'Morning run' });
    await client.send('clock.pause', { sessionId });
    const user = userEvent.setup();
    renderWithApp(<SessionsView />, client);
    const row = await screen.findByRole('row', { name: /fake-session/ });
    expect(row).toHaveTextContent('Paused');
    expect(within(row).getByRole('rowheader')).toHaveTextContent(/^Morning run/);
    expect(row).toHaveTextContent('Ada');
    await user.click(within(row).getByRole('button', { name: /^Rename Morning run/ }));
    const field = within(await screen.findByRole('dialog')).getByRole('textbox', { name: 'Session name' });
    await user.clear(field);
    await user.type(field, 'Evening run{Enter}');
    await waitFor(() => expect(within(screen.getByRole('row', { name: /fake-session/ })).getByRole('rowheader')).toHaveTextContent(/^Evening run/));
  });
});

describe('the main navigation', () => {
  it('imports a drill journal chosen in the file input, then opens its debrief', async () => {
    const source = fakeClient();
    const { sessionId } = await source.send('session.create', { scenarioId: 'public-test-bucket', mode: 'solo', speed: 1 });
    await source.send('session.end', { sessionId });
    const journal = source.session().journal.map((entry) => `${serializeEntry(entry)}\n`).join('');

    const client = fakeClient();
    const user = userEvent.setup();
    renderWithApp(<SessionsView />, client);
    await user.upload(screen.getByLabelText('Journal file'), new File([journal], 'drill.jsonl', { type: 'application/jsonl' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/debrief/${sessionId}`));
    expect(callsOf(client, 'session.import')).toEqual([{ type: 'session.import', params: { fileName: 'drill.jsonl', text: journal } }]);
  });

  it('says why a damaged journal was not imported, with its line', async () => {
    const client = fakeClient();
    const user = userEvent.setup();
    const { store } = renderWithApp(<SessionsView />, client);
    await user.upload(screen.getByLabelText('Journal file'), new File(['{ not json\n'], 'broken.jsonl'));
    await waitFor(() => expect(store.getState().problem).toMatch(/^broken\.jsonl was not imported: .*line 1/));
    expect(window.location.hash).toBe('#/sessions');
  });

  it('links Library, Sessions, History, Stress test and Coverage, and marks the current one', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    storedSessions(client, []);
    renderWithApp(<App />, client);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Library', 'Studio', 'Sessions', 'History', 'Stress test', 'Coverage']);
    expect(within(nav).getByRole('link', { name: 'Sessions' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Library' })).not.toHaveAttribute('aria-current');
    // Each screen's code is its own chunk, loaded when first shown.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Sessions', level: 1 })).toBeInTheDocument(), { timeout: 10_000 });

    await user.click(within(nav).getByRole('link', { name: 'History' }));
    await waitFor(() => expect(within(nav).getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page'));
    expect(within(nav).getByRole('link', { name: 'Sessions' })).not.toHaveAttribute('aria-current');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'History of drills', level: 1 })).toBeInTheDocument(), { timeout: 10_000 });
  });
});
