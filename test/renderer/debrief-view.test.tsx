// @vitest-environment jsdom
import './setup.js';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { scoreSession } from '../../engine/scoring/score.js';
import { DebriefView } from '../../renderer/views/DebriefView.js';
import { RoleView } from '../../renderer/views/RoleView.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';
import { MIN } from '../helpers/world.js';

async function playedSession() {
  const client = fakeClient();
  const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
  client.advance(5 * MIN);
  await client.send('session.input', { sessionId, actor: 'cloud-security-analyst', input: { type: 'severity.declared', level: 3 } });
  await client.send('session.input', { sessionId, actor: 'facilitator', input: { type: 'observation.noted', text: 'Good triage', tag: 'strength' } });
  client.advance(20 * MIN);
  await client.send('session.end', { sessionId, reason: 'time' });
  return { client, sessionId };
}

describe('the debrief', () => {
  it('shows the scorecard: score, the three times with definitions, expected actions traced to the journal, objectives rated', async () => {
    const { client, sessionId } = await playedSession();
    renderWithApp(<DebriefView sessionId={sessionId} />, client);
    const figures = await screen.findByRole('list', { name: 'Headline figures' });
    const card = scoreSession(client.session());
    expect(within(figures).getByRole('listitem', { name: 'Overall score' })).toHaveTextContent(`${card.overallScore} / 100`);
    for (const title of ['Time to detect', 'Time to contain', 'Time to recover']) {
      expect(within(figures).getByRole('listitem', { name: title })).toHaveTextContent(/target/);
    }
    expect(screen.getByText(/time to contain = contained − detected/)).toBeInTheDocument();
    const expected = screen.getByRole('table', { name: /Expected actions of the playbook/ });
    expect(within(expected).getAllByRole('row').length).toBe(card.expectedActions.length + 1);
    const objectives = screen.getByRole('table', { name: /Objectives/ });
    expect(within(objectives).getAllByRole('row')).toHaveLength(card.objectives.length + 1);
    expect(screen.getByRole('table', { name: /By role/ })).toBeInTheDocument();
    expect(screen.getByText(/Good triage/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Timeline of injects/ })).toBeInTheDocument();
  });
});

describe('the role view', () => {
  it('shows only the injects addressed to the role, its own actions and decisions', async () => {
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'role-play', speed: 60, participants: { 'it-operations': 'Grace' } });
    const { store } = renderWithApp(<RoleView roleId="it-operations" />, client);
    store.getState().setView((await client.send('session.open', { sessionId })).view);
    expect(await screen.findByRole('heading', { name: 'IT Operations — Grace', level: 1 })).toBeInTheDocument();
    const feed = screen.getByRole('region', { name: 'Injects for IT Operations' });
    expect(within(feed).queryByRole('article')).toBeNull();
    client.advance(46 * MIN);
    expect(await within(feed).findByRole('article', { name: /the development manager wants the bucket gone/ })).toBeInTheDocument();
    const plan = client.session().index.plan;
    const providers = client.session().index.scenario.providers;
    const own = plan.actions.filter((a) => a.roles.includes('it-operations') && (a.providers.length === 0 || a.providers.some((p) => providers.includes(p))));
    expect(screen.getAllByRole('button', { name: /Take action:/ })).toHaveLength(own.length);
  });
});
