// @vitest-environment jsdom
import './setup.js';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HistoryResult } from '../../engine/protocol/index.js';
import { drillHistory, type Drill } from '../../engine/report/drill-history.js';
import { scoreSession } from '../../engine/scoring/score.js';
import { HistoryView } from '../../renderer/views/HistoryView.js';
import { localDateTime } from '../../renderer/views/SessionsView.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';
import { MIN } from '../helpers/world.js';

const drill = (sessionId: string, startedAt: string, times: [number | null, number | null, number | null], more: Partial<Drill> = {}): Drill => ({
  sessionId, scenarioId: 'bucket', scenarioTitle: 'Left open overnight', planId: 'plan-a', planTitle: 'Cloud IR plan', mode: 'facilitated', startedAt,
  overallScore: 60, timeToDetectMinutes: times[0], timeToContainMinutes: times[1], timeToRecoverMinutes: times[2], source: null, archived: false,
  scenarioHash: 'sha256:scenario', planHash: 'sha256:plan', ...more,
});

// Three drills of one scenario, detection 30 -> 20 -> 10 min (getting faster), never contained;
// one drill of another scenario of the same plan.
const DRILLS = [
  drill('d1', '2026-03-01T09:00:00.000Z', [30, null, null], { overallScore: 50 }),
  drill('d2', '2026-03-08T09:00:00.000Z', [20, null, 90], { overallScore: 60, mode: 'role-play' }),
  drill('d3', '2026-03-15T09:00:00.000Z', [10, null, null], { overallScore: 70 }),
  drill('k1', '2026-03-10T09:00:00.000Z', [5, 15, 45], { scenarioId: 'keys', scenarioTitle: 'Stolen keys', overallScore: 90 }),
];

function renderHistory(result: Partial<HistoryResult> = {}) {
  const client = fakeClient();
  client.override('history.get', () => ({ history: drillHistory(DRILLS), skipped: [], running: 0, unverified: 0, excluded: [], ...result }));
  return { ...renderWithApp(<HistoryView />, client), user: userEvent.setup() };
}

const figure = (group: HTMLElement, name: string) => within(within(group).getByRole('list', { name: /^Figures of/ })).getByRole('listitem', { name });

describe('the history of drills', () => {
  it('shows each scenario: drills, the median score and times with n (an interval from five drills on), "not enough drills to tell", "not reached" for a time no drill reached', async () => {
    renderHistory();
    const bucket = await screen.findByRole('region', { name: 'Left open overnight' });
    expect(figure(bucket, 'Drills')).toHaveTextContent('3');
    expect(figure(bucket, 'Median score')).toHaveTextContent('60 / 100');
    // Three drills: a median, but no "95%" interval (the range of 3 drills holds the median 3 times in 4).
    expect(figure(bucket, 'Median score')).toHaveTextContent('n = 3: not enough drills for an interval');
    const detect = figure(bucket, 'Median time to detect');
    expect(detect).toHaveTextContent('20 min');
    expect(detect).toHaveTextContent(/20 min \(n = 3: not enough drills for an interval\), reached in 3 of 3; mean 20 min/);
    // Three drills, detection 30 -> 20 -> 10: a trend line would say "faster"; the intervals cannot.
    expect(detect).toHaveTextContent('earlier 1 drill against later 2 drills: not enough drills to tell');
    expect(detect).toHaveTextContent('time to detect = detected − T0');
    expect(figure(bucket, 'Median time to contain')).toHaveTextContent(/^Median time to containnot reachednot reached in any of the 3 drills/);
    // One drill reached recovery: a median, but no interval from one point.
    expect(figure(bucket, 'Median time to recover')).toHaveTextContent('1 h 30 min (n = 1: not enough drills for an interval), reached in 1 of 3');

    expect(within(bucket).getByRole('img', { name: /Time to detect, contain and recover across the drills of Left open overnight/ })).toBeInTheDocument();
    const keys = screen.getByRole('region', { name: 'Stolen keys' });
    expect(figure(keys, 'Drills')).toHaveTextContent('1');
    expect(figure(keys, 'Median time to contain')).toHaveTextContent('15 min');
    expect(figure(keys, 'Median score')).toHaveTextContent('one drill: nothing to compare yet');
  });

  it('lists the drills of a group oldest first: date, mode, score, the three times and a link to the debrief', async () => {
    renderHistory();
    const bucket = await screen.findByRole('region', { name: 'Left open overnight' });
    const table = within(bucket).getByRole('table', { name: 'Drills of Left open overnight, oldest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['d1', 'd2', 'd3'].map((id) => localDateTime(DRILLS.find((d) => d.sessionId === id)!.startedAt)));
    expect(within(rows[1]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Cloud IR plan', 'Role play', '60 / 100', '20 min', 'not reached', '1 h 30 min', 'Debrief']);
    expect(within(rows[0]!).getByRole('link', { name: /^Debrief of the drill of / })).toHaveAttribute('href', '#/debrief/d1');
  });

  it('groups by plan on request', async () => {
    const { user } = renderHistory();
    await screen.findByRole('region', { name: 'Left open overnight' });
    expect(screen.getByRole('radio', { name: 'Scenario' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Plan' }));
    const plan = await screen.findByRole('region', { name: 'Cloud IR plan' });
    expect(screen.queryByRole('region', { name: 'Left open overnight' })).toBeNull();
    expect(figure(plan, 'Drills')).toHaveTextContent('4');
    expect(figure(plan, 'Median score')).toHaveTextContent('65 / 100');
    expect(figure(plan, 'Median score')).toHaveTextContent('mean 67.5');
    // A plan's drills are of several scenarios: a later half of harder ones is no change in the team.
    expect(figure(plan, 'Median time to detect')).toHaveTextContent('drills of 2 scenarios: see each scenario for a change');
    // By plan, each drill says which scenario it was.
    expect(within(plan).getByRole('table')).toHaveTextContent('Stolen keys');
  });

  it('warns of journals it could not read and hints at sessions not ended yet (running or paused)', async () => {
    renderHistory({ skipped: [{ file: 'sessions/bad.jsonl', reason: 'line 3: not JSON' }], running: 2 });
    const skipped = await screen.findByRole('region', { name: /1 journal could not be read/ });
    expect(within(skipped).getByRole('listitem')).toHaveTextContent('sessions/bad.jsonl: line 3: not JSON');
    expect(screen.getByText(/2 sessions have not ended yet \(running or paused\): they join the history once ended/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the sessions' })).toHaveAttribute('href', '#/sessions');
  });

  it('says it is reading the drills while history.get is under way', async () => {
    const client = fakeClient();
    let answer!: (result: HistoryResult) => void;
    client.override('history.get', () => new Promise<HistoryResult>((resolve) => { answer = resolve; }));
    renderWithApp(<HistoryView />, client);
    expect(screen.getByRole('status')).toHaveTextContent('Reading the drills…');
    expect(screen.getByRole('progressbar', { name: 'Reading the drills' })).toBeInTheDocument();
    answer({ history: drillHistory([]), skipped: [], running: 0, unverified: 0, excluded: [] });
    expect(await screen.findByText(/No ended drills yet\. Run a drill from the library and end it/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says what to do when no drill has ended, and that one is running', async () => {
    const client = fakeClient();
    await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 60, participants: {} });
    renderWithApp(<HistoryView />, client);
    expect(await screen.findByText(/No ended drills yet/)).toBeInTheDocument();
    expect(screen.getByText(/1 session has not ended yet \(running or paused\): it joins the history once ended/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the library' })).toHaveAttribute('href', '#/library');
  });

  it('shows a drill the fake engine played and ended, with its scorecard times', async () => {
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
    client.advance(30 * MIN);
    await client.send('session.end', { sessionId, reason: 'time' });
    const card = scoreSession(client.session());
    renderWithApp(<HistoryView />, client);
    const group = await screen.findByRole('region', { name: card.scenarioTitle });
    expect(figure(group, 'Median score')).toHaveTextContent(`${card.overallScore} / 100`);
    expect(figure(group, 'Median time to contain')).toHaveTextContent(card.timeToContainMinutes === null ? 'not reached' : /min|h/);
  });

  it('says "the one drill" of a time one drill did not reach', async () => {
    renderHistory({ history: drillHistory([DRILLS[3]!, drill('k2', '2026-03-11T09:00:00.000Z', [null, null, null], { scenarioId: 'solo', scenarioTitle: 'Alone' })]) });
    const alone = await screen.findByRole('region', { name: 'Alone' });
    expect(figure(alone, 'Median time to detect')).toHaveTextContent(/^Median time to detectnot reachednot reached in the one drill/);
    // No time to draw: said, not an empty chart.
    expect(within(alone).queryByRole('img')).toBeNull();
    expect(alone).toHaveTextContent('No drill here reached detection, containment or recovery yet: nothing to chart.');
    expect(within(screen.getByRole('region', { name: 'Stolen keys' })).getByRole('img', { name: /^Time to detect, contain and recover/ })).toBeInTheDocument();
  });

  it('says every drill is left out, not that none has ended, when all are', async () => {
    renderHistory({ history: drillHistory([]), excluded: [DRILLS[0]!] });
    expect(await screen.findByText(/Every ended drill \(1\) is left out of the figures\. Count one again below/)).toBeInTheDocument();
    expect(screen.queryByText(/No ended drills yet/)).toBeNull();
    expect(screen.getByRole('region', { name: 'Label or leave out a drill' })).toHaveTextContent('Left out of the figures (1)');
  });

  it('labels a drill and leaves it out of the figures, listed apart', async () => {
    const client = fakeClient();
    const labels = new Map<string, { label: string | null; excluded: boolean }>();
    client.override('history.get', () => {
      const withLabels = DRILLS.map((d) => (labels.get(d.sessionId)?.label ? { ...d, label: labels.get(d.sessionId)!.label! } : d));
      return { history: drillHistory(withLabels.filter((d) => !labels.get(d.sessionId)?.excluded)), excluded: withLabels.filter((d) => labels.get(d.sessionId)?.excluded), skipped: [], running: 0, unverified: 0 };
    });
    client.override('history.label', ({ sessionId, label, excluded }) => {
      const entry = { label: label ?? null, excluded: excluded ?? false };
      labels.set(sessionId, entry);
      return { sessionId, ...entry };
    });
    const user = userEvent.setup();
    renderWithApp(<HistoryView />, client);
    const form = await screen.findByRole('region', { name: 'Label or leave out a drill' });
    const d1 = DRILLS[0]!;
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Drill' }), d1.sessionId);
    await user.type(within(form).getByRole('textbox', { name: 'Label' }), 'Test run');
    await user.click(within(form).getByRole('checkbox', { name: 'Leave out of the figures' }));
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(client.calls.find((c) => c.type === 'history.label')?.params).toEqual({ sessionId: d1.sessionId, label: 'Test run', excluded: true });
    expect(await within(form).findByRole('status')).toHaveTextContent(`Saved: the drill of ${localDateTime(d1.startedAt)} is left out of the figures.`);
    await waitFor(() => expect(figure(screen.getByRole('region', { name: 'Left open overnight' }), 'Drills')).toHaveTextContent('2'));
    expect(within(form).getByRole('list')).toHaveTextContent(`${localDateTime(d1.startedAt)}: Left open overnight, score 50 / 100 (Test run)`);
  });

  it('names each drill so two started at the same moment can be told apart (its score, then its session)', async () => {
    const same = '2025-06-10T01:30:00.000Z';
    renderHistory({ history: drillHistory([drill('rw-exemplary', same, [52, 22, 234], { overallScore: 100 }), drill('rw-flawed', same, [93, 87, null], { overallScore: 46.5 }), drill('rw-again', same, [52, 22, 234], { overallScore: 100 })]) });
    const form = await screen.findByRole('region', { name: 'Label or leave out a drill' });
    const names = within(within(form).getByRole('combobox', { name: 'Drill' })).getAllByRole('option').map((o) => o.textContent);
    expect(new Set(names).size).toBe(3);
    expect(names).toContain(`${localDateTime(same)}: Left open overnight, score 46.5 / 100`);
    expect(names).toContain(`${localDateTime(same)}: Left open overnight, score 100 / 100 (session rw-again)`);
  });

  it('undoes a label or an exclusion in one step, from the keyboard', async () => {
    const client = fakeClient();
    const labels = new Map<string, { label: string | null; excluded: boolean }>();
    client.override('history.get', () => ({
      history: drillHistory(DRILLS.filter((d) => !labels.get(d.sessionId)?.excluded)), excluded: DRILLS.filter((d) => labels.get(d.sessionId)?.excluded), skipped: [], running: 0, unverified: 0,
    }));
    client.override('history.label', ({ sessionId, label, excluded }) => {
      const entry = { label: label ?? null, excluded: excluded ?? false };
      labels.set(sessionId, entry);
      return { sessionId, ...entry };
    });
    const user = userEvent.setup();
    renderWithApp(<HistoryView />, client);
    const form = await screen.findByRole('region', { name: 'Label or leave out a drill' });
    within(form).getByRole('combobox', { name: 'Drill' }).focus();
    await user.keyboard('{Tab}aborted{Tab} {Tab}{Enter}');
    expect(await within(form).findByRole('status')).toHaveTextContent(/left out of the figures/);
    await waitFor(() => expect(within(form).getByRole('list')).toHaveTextContent('Left open overnight'));
    within(form).getByRole('button', { name: /^Undo/ }).focus();
    await user.keyboard('{Enter}');
    expect(client.calls.filter((c) => c.type === 'history.label').at(-1)?.params).toEqual({ sessionId: 'd3', label: null, excluded: false });
    await waitFor(() => expect(within(form).queryByRole('list')).toBeNull());
    expect(within(form).getByRole('status')).toHaveTextContent(/Undone: the drill of .* is counted in the figures again/);
  });
});
