// @vitest-environment jsdom
import './setup.js';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../renderer/client/session-client.js';
import { LibraryView } from '../../renderer/views/LibraryView.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';

describe('the library', () => {
  it('shows each scenario as a card with its facts, and the plan in use', async () => {
    renderWithApp(<LibraryView />);
    const cards = within(await screen.findByRole('list', { name: 'Scenarios' })).getAllByRole('listitem');
    expect(cards.length).toBeGreaterThanOrEqual(10);
    const card = screen.getByRole('listitem', { name: /public UAT bucket/ });
    for (const fact of ['Severity', 'Threat', 'Providers', 'ATT&CK', 'Duration', 'Difficulty']) expect(within(card).getByText(fact)).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: /Set up Left open overnight/ })).toBeInTheDocument();
    expect(screen.getByText(/Plan in use:/)).toBeInTheDocument();
  });

  it('narrows the cards with the search box and the filters', async () => {
    const user = userEvent.setup();
    renderWithApp(<LibraryView />);
    const list = await screen.findByRole('list', { name: 'Scenarios' });
    const all = within(list).getAllByRole('listitem').length;
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'ransomware');
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(all);
    expect(screen.getByRole('listitem', { name: /ransomware/i })).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Difficulty' }), 'advanced');
    expect(screen.getByText(new RegExp(`of ${all} scenarios`))).toBeInTheDocument();
  });

  it('offers to clear the filters when nothing matches', async () => {
    const user = userEvent.setup();
    renderWithApp(<LibraryView />);
    const all = within(await screen.findByRole('list', { name: 'Scenarios' })).getAllByRole('listitem').length;
    await user.selectOptions(screen.getByRole('combobox', { name: 'Difficulty' }), 'advanced');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'no scenario is called this');
    expect(screen.getByText('No scenario matches these filters.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    expect(within(screen.getByRole('list', { name: 'Scenarios' })).getAllByRole('listitem')).toHaveLength(all);
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Difficulty' })).toHaveValue('');
  });

  it('shows the located errors of a file that does not import, in place', async () => {
    const client = fakeClient();
    client.override('library.import', () => {
      throw new CommandError({ code: 'invalid-file', message: 'the file does not validate', errors: [{ file: 'bad.scenario.yaml', line: 88, column: 15, path: 'injects[3].when.inject', message: 'unknown inject "INJ-9"' }] });
    });
    const user = userEvent.setup();
    renderWithApp(<LibraryView />, client);
    const input = await screen.findByLabelText('YAML file');
    await user.upload(input, new File(['format: firedrill-scenario/1\n'], 'bad.scenario.yaml', { type: 'text/yaml' }));
    const problems = await screen.findByRole('list', { name: 'Problems in bad.scenario.yaml' });
    expect(problems).toHaveTextContent('bad.scenario.yaml:88:15 injects[3].when.inject: unknown inject "INJ-9"');
    expect(client.calls.find((call) => call.type === 'library.import')?.params).toMatchObject({ fileName: 'bad.scenario.yaml', text: 'format: firedrill-scenario/1\n' });
  });
});
