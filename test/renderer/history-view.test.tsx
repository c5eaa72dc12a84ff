// @vitest-environment jsdom
import './setup.js';
import { screen, within } from '@testing-library/react';
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
  it('shows each scenario: drills, mean score, the three mean times with median and trend, "not reached" for a time no drill reached', async () => {
    renderHistory();
    const bucket = await screen.findByRole('region', { name: 'Left open overnight' });
    expect(figure(bucket, 'Drills')).toHaveTextContent('3');
    expect(figure(bucket, 'Mean score')).toHaveTextContent('60 / 100');
    const detect = figure(bucket, 'Mean time to detect');
    expect(detect).toHaveTextContent('20 min');
    expect(detect).toHaveTextContent('median 20 min');
    expect(detect).toHaveTextContent('reached in 3 of 3');
    expect(detect).toHaveTextContent('getting faster, by 10 min per drill');
    expect(detect).toHaveTextContent('time to detect = detected − T0');
    expect(figure(bucket, 'Mean time to contain')).toHaveTextContent(/^Mean time to containnot reachednot reached in any of the 3 drills/);
    // One drill reached recovery: a mean, but no trend from one point.
    expect(figure(bucket, 'Mean time to recover')).toHaveTextContent('1 h 30 min');
    expect(figure(bucket, 'Mean time to recover')).toHaveTextContent('reached in 1 of 3no trend yet');

    expect(within(bucket).getByRole('img', { name: /Time to detect, contain and recover across the drills of Left open overnight/ })).toBeInTheDocument();
    const keys = screen.getByRole('region', { name: 'Stolen keys' });
    expect(figure(keys, 'Drills')).toHaveTextContent('1');
    expect(figure(keys, 'Mean time to contain')).toHaveTextContent('15 min');
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
    expect(figure(plan, 'Mean score')).toHaveTextContent('67.5 / 100');
    // By plan, each drill says which scenario it was.
    expect(within(plan).getByRole('table')).toHaveTextContent('Stolen keys');
  });

  it('warns of journals it could not read and hints at sessions still running', async () => {
    renderHistory({ skipped: [{ file: 'sessions/bad.jsonl', reason: 'line 3: not JSON' }], running: 2 });
    const skipped = await screen.findByRole('region', { name: /1 journal could not be read/ });
    expect(within(skipped).getByRole('listitem')).toHaveTextContent('sessions/bad.jsonl: line 3: not JSON');
    expect(screen.getByText(/2 sessions are still running: they join the history once ended/)).toBeInTheDocument();
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
    expect(screen.getByText(/1 session is still running: it joins the history once ended/)).toBeInTheDocument();
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
    expect(figure(group, 'Mean score')).toHaveTextContent(`${card.overallScore} / 100`);
    expect(figure(group, 'Mean time to contain')).toHaveTextContent(card.timeToContainMinutes === null ? 'not reached' : /min|h/);
  });
});
