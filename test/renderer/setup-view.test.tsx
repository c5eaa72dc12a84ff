// @vitest-environment jsdom
import './setup.js';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SetupView } from '../../renderer/views/SetupView.js';
import { renderWithApp } from './render-app.js';

describe('session set-up', () => {
  it('starts a session with the chosen mode, names and speed, then opens it', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithApp(<SetupView scenarioId="public-test-bucket" />);
    store.getState().setListing(await client.send('library.list', {}));
    await screen.findByRole('heading', { name: /Set up: Left open overnight/ });
    await user.click(screen.getByRole('radio', { name: /Role play/ }));
    await user.type(await screen.findByRole('textbox', { name: 'Incident Commander' }), 'Ada');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Clock speed' }), '600');
    await user.click(screen.getByRole('button', { name: 'Start the session' }));
    await screen.findByRole('button', { name: 'Start the session' });
    const create = client.calls.find((call) => call.type === 'session.create');
    expect(create?.params).toMatchObject({ scenarioId: 'public-test-bucket', mode: 'role-play', speed: 600, participants: { 'incident-commander': 'Ada' } });
    expect(client.calls.map((call) => call.type)).toContain('session.open');
    expect(window.location.hash).toBe('#/session/fake-session');
    // No name typed: the host names it (scenario and day), so none is sent.
    expect(create?.params).not.toHaveProperty('name');
  });

  it('asks a solo player for one name, theirs for every role, and keeps every name to the length a session takes', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithApp(<SetupView scenarioId="public-test-bucket" />);
    store.getState().setListing(await client.send('library.list', {}));
    await screen.findByRole('heading', { name: /Set up: Left open overnight/ });
    expect(await screen.findByRole('textbox', { name: 'Incident Commander' })).toHaveAttribute('maxlength', '200');
    await user.click(screen.getByRole('radio', { name: /Solo drill/ }));
    expect(screen.queryByRole('group', { name: 'Participants' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Incident Commander' })).toBeNull();
    const player = screen.getByRole('textbox', { name: 'Your name' });
    expect(player).toHaveAttribute('maxlength', '200');
    await user.type(player, ' Grace Hopper ');
    await user.click(screen.getByRole('button', { name: 'Start the session' }));
    await screen.findByRole('button', { name: 'Start the session' });
    const roles = client.session().index.plan.roles.map((role) => role.id);
    expect(client.calls.find((call) => call.type === 'session.create')?.params)
      .toMatchObject({ mode: 'solo', participants: Object.fromEntries(roles.map((role) => [role, 'Grace Hopper'])) });
  });

  it('gives the session the name typed in set-up, trimmed', async () => {
    const user = userEvent.setup();
    const { client } = renderWithApp(<SetupView scenarioId="public-test-bucket" />);
    await screen.findByRole('heading', { name: /Set up: Left open overnight/ });
    const field = screen.getByRole('textbox', { name: 'Session name' });
    expect(field).toHaveAccessibleDescription(/Optional: how this drill is listed in Sessions/);
    await user.type(field, '  Tuesday drill, blue team ');
    await user.click(await screen.findByRole('button', { name: 'Start the session' }));
    await screen.findByRole('button', { name: 'Start the session' });
    expect(client.calls.find((call) => call.type === 'session.create')?.params).toMatchObject({ name: 'Tuesday drill, blue team' });
  });

  it('loads the library listing itself when the page is reloaded on the set-up address', async () => {
    const { client } = renderWithApp(<SetupView scenarioId="public-test-bucket" />);
    await screen.findByRole('heading', { name: /Set up: Left open overnight/ });
    expect(client.calls.map((call) => call.type)).toContain('library.list');
    expect(await screen.findByRole('textbox', { name: 'Incident Commander' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start the session' })).toBeEnabled();
  });
});
