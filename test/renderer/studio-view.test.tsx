// @vitest-environment jsdom
import './setup.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { StudioView } from '../../renderer/studio/StudioView.js';
import { MselImportPanel } from '../../renderer/studio/MselPanel.js';
import { PackPanel } from '../../renderer/studio/PackPanel.js';
import { CommandError } from '../../renderer/client/session-client.js';
import { DraftEditor } from '../../renderer/studio/DraftEditor.js';
import { InjectTimeline } from '../../renderer/studio/InjectTimeline.js';
import { bundledLibrary } from '../helpers/world.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';

// The studio's forms edit the draft's YAML (comments kept), its problems come from the same
// validator as `firedrill validate`, and Save sends the text as a new version. The MSEL import
// shows what each column was read as and reads the sheet again with the author's mapping.

const PLAN = readFileSync('scenarios/plans/cloud-cirp.plan.yaml', 'utf8');

// CodeMirror measures text with Range rectangles, which jsdom does not lay out.
Range.prototype.getClientRects ??= () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= () => ({ x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) });

function studioClient() {
  const client = fakeClient();
  const imported: { fileName: string; text: string; asNewVersion?: boolean; renames?: unknown }[] = [];
  client.override('studio.source', ({ kind, id }) => ({ kind, id, source: 'bundled', file: `${id}.${kind}.yaml`, text: PLAN }));
  client.override('library.import', (params) => {
    imported.push(params);
    return { kind: 'plan', id: 'acme-plan', file: 'acme-plan.plan.yaml', hash: 'sha256:1' };
  });
  return { client, imported };
}

describe('the studio', () => {
  it('edits a copy of the bundled plan through the form, keeps its comments, shows the change and saves it as a new plan', async () => {
    const user = userEvent.setup();
    const { client, imported } = studioClient();
    renderWithApp(<StudioView />, client);
    await user.type(await screen.findByRole('textbox', { name: 'New plan title' }), 'Acme plan');
    await user.click(screen.getByRole('button', { name: 'Start the plan' }));
    await screen.findByRole('heading', { name: 'Plan: Acme plan' });
    expect(await screen.findByText('No problem: the plan is valid.', {}, { timeout: 5_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Severity matrix' }));
    const deadline = screen.getByRole('textbox', { name: 'Sev 2 response deadline' });
    fireEvent.change(deadline, { target: { value: 'soon' } });
    // A located error, from the validator, at the field's line.
    const problem = await screen.findByRole('button', { name: /severityLevels\[1\]\.responseDeadline/ }, { timeout: 5_000 });
    expect(problem.textContent).toMatch(/^acme-plan\.plan\.yaml:\d+:\d+ /);
    fireEvent.change(deadline, { target: { value: '20m' } });
    expect(await screen.findByText('No problem: the plan is valid.', {}, { timeout: 5_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Review and save' }));
    const changes = screen.getByRole('list', { name: 'Changes since plan "cloud-cirp" it was copied from' });
    expect(within(changes).getByText('severityLevels[level 2].responseDeadline: "1h" → "20m"')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save to my library' }));
    await screen.findByText(/Saved plan "acme-plan" to your library/);
    expect(imported).toHaveLength(1);
    // A new plan (a copy): it may not replace one of the library that has its id.
    expect(imported[0]).toMatchObject({ fileName: 'acme-plan.plan.yaml', asNewVersion: false });
    expect(imported[0]!.text).toContain('responseDeadline: 20m');
    // Every comment of the bundled plan is still there.
    const comments = (text: string) => text.split('\n').filter((line) => line.trimStart().startsWith('#'));
    expect(comments(imported[0]!.text)).toEqual(comments(PLAN));
  });

  it('renames a role everywhere in the plan when its id is changed in the form, so the plan stays valid', async () => {
    const user = userEvent.setup();
    const { client, imported } = studioClient();
    renderWithApp(<StudioView />, client);
    await user.type(await screen.findByRole('textbox', { name: 'New plan title' }), 'Bank plan');
    await user.click(screen.getByRole('button', { name: 'Start the plan' }));
    await screen.findByRole('heading', { name: 'Plan: Bank plan' });
    await user.click(screen.getByRole('tab', { name: 'Roles' }));
    // The first role's id field (its name includes the hint beside it).
    fireEvent.change(screen.getAllByRole('textbox', { name: /^Id\b/ })[0]!, { target: { value: 'crisis-lead' } });
    expect(await screen.findByText('Incident Commander (crisis-lead)')).toBeInTheDocument();
    expect(await screen.findByText('No problem: the plan is valid.', {}, { timeout: 5_000 })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Review and save' }));
    // The change reads as a rename: not a role added and another removed, nor every owner changed.
    const changes = screen.getByRole('list', { name: /^Changes since/ });
    expect(within(changes).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'id: "cloud-cirp" → "bank-plan"',
      'title: "Cloud Incident Response Plan (CIRP)" → "Bank plan"',
      'Role incident-commander renamed to crisis-lead',
    ]);
    await user.click(screen.getByRole('button', { name: 'Save to my library' }));
    await screen.findByText(/Saved plan/);
    expect(imported[0]!.text).not.toMatch(/incident-commander/);
    // The scenarios written for the plan are renamed with it.
    expect(imported[0]).toMatchObject({ renames: { role: { 'incident-commander': 'crisis-lead' } } });
  });

  it('reads an MSEL sheet, shows its columns, and reads it again with the mapping chosen', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    const requests: unknown[] = [];
    client.override('msel.import', (params) => {
      requests.push(params);
      return {
        errors: params.mapping?.columns ? [] : [{ file: 'sheet.csv', line: 2, column: 2, path: '', message: 'no column holds the scenario time' }],
        warnings: [],
        read: { sheet: 'sheet', headerRow: 1, columnSet: undefined, columns: [{ column: 'A', header: 'When', field: 'extra' }, { column: 'B', header: 'Text', field: 'body' }], rows: 1, injects: 1 },
        ...(params.mapping?.columns ? { draft: { file: 'sheet.scenario.yaml', yaml: 'id: sheet\n' } } : {}),
      } as never;
    });
    let opened = '';
    renderWithApp(<MselImportPanel onDraft={(yaml) => void (opened = yaml)} />, client);
    await client.send('library.list', {});
    await user.upload(screen.getByLabelText('MSEL file'), new File(['When,Text\nT+00:10,Hello\n'], 'sheet.csv', { type: 'text/csv' }));
    expect(await screen.findByText('sheet.csv:2:2 no column holds the scenario time')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Column A (When) is' }), 'time');
    await user.click(screen.getByRole('button', { name: 'Read it again with these choices' }));
    await user.click(await screen.findByRole('button', { name: 'Open the draft scenario' }));
    // Read again on the header row the columns were chosen on, whatever its headers say.
    expect(requests.at(-1)).toMatchObject({ fileName: 'sheet.csv', mapping: { columns: { time: 'A' }, headerRow: 1 } });
    await waitFor(() => expect(opened).toBe('id: sheet\n'));
  });
});

describe('the MSEL file chooser', () => {
  it('offers every file the importer reads: Excel\'s Unicode Text (.txt), tab-separated (.tsv) and macro workbooks (.xlsm) too', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    const files: string[] = [];
    client.override('msel.import', (params) => {
      files.push(params.fileName);
      return { errors: [{ file: params.fileName, line: 1, column: 1, path: '', message: 'read' }], warnings: [] } as never;
    });
    renderWithApp(<MselImportPanel onDraft={() => {}} />, client);
    await client.send('library.list', {});
    for (const name of ['unicode.txt', 'sheet.tsv', 'macros.xlsm']) {
      await user.upload(screen.getByLabelText('MSEL file'), new File(['x'], name));
      expect(await screen.findByText(`${name}:1:1 read`)).toBeInTheDocument();
    }
    expect(files).toEqual(['unicode.txt', 'sheet.tsv', 'macros.xlsm']);
  });
});

describe('an MSEL workbook as planners write them', () => {
  const READ = { headerRow: 3, columnSet: 'hseep', columns: [{ column: 'A', header: 'Event #', field: 'id' }], rows: 6, injects: 5 } as const;

  it('asks which role each recipient the plan lacks is, and reads the sheet again with the roles chosen', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    const requests: { mapping?: { roles?: Record<string, string> } }[] = [];
    const roles = [{ id: 'incident-commander', title: 'Incident Commander' }, { id: 'cloud-security-analyst', title: 'Cloud Security Analyst' }];
    client.override('msel.import', (params) => {
      requests.push(params);
      const soc = params.mapping?.roles?.SOC;
      return {
        errors: soc ? [] : [{ file: 'teams.csv', line: 2, column: 4, path: '', message: 'D2 "To": "SOC" is not a role of plan "cloud-cirp"' }],
        warnings: [],
        read: { sheet: 'teams.csv', headerRow: 1, columnSet: 'hseep', columns: [{ column: 'D', header: 'To', field: 'to' }], rows: 1, injects: 1 },
        recipients: { unknown: soc ? [] : ['SOC'], roles },
        ...(soc ? { draft: { file: 'teams.scenario.yaml', yaml: 'id: teams\n' } } : {}),
      } as never;
    });
    renderWithApp(<MselImportPanel onDraft={() => {}} />, client);
    await client.send('library.list', {});
    await user.upload(screen.getByLabelText('MSEL file'), new File(['x'], 'teams.csv', { type: 'text/csv' }));
    const soc = await screen.findByRole('combobox', { name: 'Recipient SOC is' });
    expect(within(soc).getAllByRole('option').map((option) => option.textContent)).toEqual(['choose a role', 'Incident Commander', 'Cloud Security Analyst']);
    await user.selectOptions(soc, 'Cloud Security Analyst');
    await user.click(screen.getByRole('button', { name: 'Read it again with these choices' }));
    expect(await screen.findByRole('button', { name: 'Open the draft scenario' })).toBeInTheDocument();
    expect(requests.at(-1)?.mapping?.roles).toEqual({ SOC: 'cloud-security-analyst' });
    // The choice stays shown (and may be changed) after the sheet reads without the problem.
    expect(screen.getByRole('combobox', { name: 'Recipient SOC is' })).toHaveValue('cloud-security-analyst');
  });

  it('loses no problem or note of a long sheet, nor of a pack: the first at once, the others a click away', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    const problem = (row: number) => ({ file: 'long.csv', line: row, column: 2, path: '', message: `B${row} "Scenario Time": "soon" is not a time` });
    client.override('msel.import', () => ({
      errors: Array.from({ length: 130 }, (_, index) => problem(index + 2)),
      warnings: Array.from({ length: 25 }, (_, index) => `note ${index + 1}`),
      read: { sheet: 'long.csv', headerRow: 1, columnSet: 'hseep', columns: [{ column: 'B', header: 'Scenario Time', field: 'time' }], rows: 130, injects: 130 },
    }) as never);
    client.override('pack.import', () => { throw new CommandError({ code: 'malformed', message: 'big.firedrill cannot be imported (60 problems)', errors: Array.from({ length: 60 }, (_, index) => ({ file: 'big.firedrill!scenarios/a.scenario.yaml', line: index + 1, column: 1, path: 'injects', message: `problem ${index + 1}` })) }); });
    renderWithApp(<><MselImportPanel onDraft={() => {}} /><PackPanel /></>, client);
    await client.send('library.list', {});
    await user.upload(screen.getByLabelText('MSEL file'), new File(['x'], 'long.csv', { type: 'text/csv' }));
    const problems = await screen.findByRole('list', { name: 'Problems in long.csv' });
    expect(within(problems).getAllByRole('listitem')).toHaveLength(100);
    expect(screen.getByText('note 20')).toBeInTheDocument();
    expect(screen.queryByText('note 21')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the other 30 problems' }));
    expect(within(problems).getAllByRole('listitem')).toHaveLength(130);
    expect(within(problems).getByText('long.csv:131:2 B131 "Scenario Time": "soon" is not a time')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show the other 5 notes' }));
    expect(screen.getByText('note 25')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Import a pack'), new File(['x'], 'big.firedrill'));
    await user.click(await screen.findByRole('button', { name: 'Show the other 10 problems' }));
    expect(screen.getByText('big.firedrill!scenarios/a.scenario.yaml:60:1 injects: problem 60')).toBeInTheDocument();
  });

  it('says it is reading a new file and never shows the last file\'s result under its name', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    let answer: (value: never) => void = () => {};
    client.override('msel.import', (params) => (params.fileName === 'old.csv'
      ? { errors: [{ file: 'old.csv', line: 5, column: 2, path: '', message: 'old problem' }], warnings: [], sheets: ['old.csv'], read: { ...READ, sheet: 'old.csv' } } as never
      : new Promise((resolve) => { answer = resolve; })));
    renderWithApp(<MselImportPanel onDraft={() => {}} />, client);
    await client.send('library.list', {});
    await user.upload(screen.getByLabelText('MSEL file'), new File(['x'], 'old.csv', { type: 'text/csv' }));
    expect(await screen.findByText('old.csv:5:2 old problem')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('MSEL file'), new File(['y'], 'big.xlsx'));
    expect(await screen.findByRole('status')).toHaveTextContent(/^Reading big\.xlsx…/);
    expect(screen.queryByText('old.csv:5:2 old problem')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    answer({ errors: [], warnings: [], sheets: ['MSEL'], read: { ...READ, sheet: 'MSEL' }, draft: { file: 'big.scenario.yaml', yaml: 'id: big\n' } } as never);
    expect(await screen.findByRole('button', { name: 'Open the draft scenario' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('table')).toHaveTextContent(/Columns of big\.xlsx \(sheet MSEL/);
  });

  it('gives the draft an id the library does not have yet', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    const requests: { scenarioId?: string }[] = [];
    client.override('msel.import', (params) => {
      requests.push(params);
      return { errors: [], warnings: [] } as never;
    });
    const { store } = renderWithApp(<MselImportPanel onDraft={() => {}} />, client);
    store.getState().setListing(await client.send('library.list', {}));
    await user.upload(screen.getByLabelText('MSEL file'), new File(['x'], 'public-test-bucket.xlsx'));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]!.scenarioId).toBe('public-test-bucket-2');
  });

  it('reads the sheet the planner picks, and clock times from the start and zone given in the page', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    const requests: { mapping?: { sheet?: string; start?: string; timeZone?: string } }[] = [];
    client.override('msel.import', (params) => {
      requests.push(params);
      if (!params.mapping?.sheet) return { errors: [{ file: 'ttx.xlsx', line: 2, column: 1, path: 'Day 2!A2', message: 'a second sheet of injects' }], warnings: [], sheets: ['Cover', 'Day 1', 'Day 2'] } as never;
      return { errors: params.mapping.start ? [] : [{ file: 'ttx.xlsx', line: 4, column: 2, path: 'Day 2!B4', message: '09:15 reads as a clock time' }], warnings: [], sheets: ['Cover', 'Day 1', 'Day 2'], read: { ...READ, sheet: params.mapping.sheet } } as never;
    });
    renderWithApp(<MselImportPanel onDraft={() => {}} />, client);
    await client.send('library.list', {});
    await user.upload(screen.getByLabelText('MSEL file'), new File(['x'], 'ttx.xlsx'));
    await screen.findByText(/a second sheet of injects/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sheet' }), 'Day 2');
    expect(await screen.findByText(/09:15 reads as a clock time/)).toBeInTheDocument();
    expect(requests.at(-1)!.mapping).toMatchObject({ sheet: 'Day 2' });
    fireEvent.change(screen.getByLabelText('Exercise starts (T+0), for clock times and dates'), { target: { value: '2026-03-12T09:00' } });
    await user.clear(screen.getByRole('textbox', { name: 'Time zone' }));
    await user.type(screen.getByRole('textbox', { name: 'Time zone' }), 'Asia/Hong_Kong');
    await user.click(screen.getByRole('button', { name: 'Read it again with these choices' }));
    await waitFor(() => expect(screen.queryByText(/09:15 reads as a clock time/)).toBeNull());
    expect(requests.at(-1)!.mapping).toEqual({ sheet: 'Day 2', start: '2026-03-12T09:00', timeZone: 'Asia/Hong_Kong' });
    expect(screen.getByRole('combobox', { name: 'Sheet' })).toHaveValue('Day 2');
  });
});

describe('the inject timeline', () => {
  it('spans a little past the last inject, not a time limit days away that would pile a morning\'s injects at T+0', () => {
    const injects = [{ id: 'INJ-01', title: 'Alert', at: '0m' }, { id: 'INJ-02', title: 'Call', at: '8m' }, { id: 'INJ-03', title: 'Press', at: '25m' }];
    renderWithApp(<InjectTimeline injects={injects} timeLimit={48 * 3_600_000} onRetime={() => {}} />, fakeClient());
    const sliders = screen.getAllByRole('slider');
    expect(sliders.map((slider) => slider.getAttribute('aria-valuemax'))).toEqual(['45', '45', '45']);
    expect(sliders[2]!.style.left).toBe(`${(25 / 45) * 100}%`);
  });
});

describe('undo in the studio', () => {
  it('brings back an inject removed by mistake, and redoes it; typing in one field is one step', async () => {
    const user = userEvent.setup();
    const client = fakeClient();
    const text = readFileSync('scenarios/stolen-api-keys-new-location/stolen-api-keys-new-location.scenario.yaml', 'utf8');
    const { store } = renderWithApp(<DraftEditor draft={{ kind: 'scenario', text, previous: text }} onClose={() => {}} />, client);
    store.getState().setListing(await client.send('library.list', {}));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await user.click(screen.getByRole('tab', { name: 'Injects' }));
    const first = screen.getAllByRole('button', { name: /^Remove inject / })[0]!;
    const id = first.textContent!.replace('Remove inject ', '');
    const removeButtons = () => screen.getAllByRole('button', { name: /^Remove inject / }).length;
    const before = removeButtons();
    first.focus();
    await user.keyboard('{Enter}');
    expect(removeButtons()).toBe(before - 1);
    // The focus is on a card's heading, not on the next inject's Remove button: Enter again removes nothing.
    expect(document.activeElement?.tagName).toBe('SUMMARY');
    await user.keyboard('{Enter}');
    expect(removeButtons()).toBe(before - 1);
    expect(screen.queryByRole('button', { name: `Remove inject ${id}` })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('button', { name: `Remove inject ${id}` })).toBeInTheDocument();
    expect(removeButtons()).toBe(before);
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(removeButtons()).toBe(before - 1);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
    // A title typed a letter at a time is undone at once.
    await user.click(screen.getByRole('tab', { name: 'Overview' }));
    const title = screen.getByRole('textbox', { name: 'Scenario title' });
    const original = (title as HTMLInputElement).value;
    for (const typed of ['B', 'Ba', 'Bank']) fireEvent.change(title, { target: { value: typed } });
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('textbox', { name: 'Scenario title' })).toHaveValue(original);
  });
});

describe('retargeting a scenario in the studio', () => {
  it('maps the ids another plan lacks (proposed by title) and leaves the draft valid for that plan', async () => {
    const user = userEvent.setup();
    const library = bundledLibrary();
    const bundledPlan = library.plans.get('cloud-cirp')!.plan;
    // Another plan: the same, but its incident commander is called the incident lead.
    const other = JSON.parse(JSON.stringify(bundledPlan).replaceAll('"incident-commander"', '"incident-lead"')) as typeof bundledPlan;
    other.id = 'other-plan';
    other.title = 'Other plan';
    const client = fakeClient();
    const listed = await client.send('library.list', {});
    client.override('library.list', () => ({ ...listed, plans: [...listed.plans, { id: 'other-plan', title: 'Other plan', version: '1', source: 'user', file: 'other-plan.plan.yaml' }] }));
    client.override('library.show', ({ kind, id }) => (id === 'other-plan' ? { kind: 'plan', id, source: 'user', file: 'other-plan.plan.yaml', document: other } : { kind, id, source: 'bundled', file: `${id}.${kind}.yaml`, document: kind === 'plan' ? library.plans.get(id)!.plan : library.scenarios.get(id)!.scenario } as never));
    const text = readFileSync('scenarios/stolen-api-keys-new-location/stolen-api-keys-new-location.scenario.yaml', 'utf8');
    const { store } = renderWithApp(<DraftEditor draft={{ kind: 'scenario', text, previous: text }} onClose={() => {}} />, client);
    store.getState().setListing(await client.send('library.list', {}));
    expect(await screen.findByText('No problem: the scenario is valid.', {}, { timeout: 5_000 })).toBeInTheDocument();
    await user.click(screen.getByText('Retarget to another plan'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'The plan to write it for' }), 'other-plan');
    const role = await screen.findByRole('combobox', { name: 'Role incident-commander becomes' });
    expect(role).toHaveValue('incident-lead');
    await user.click(screen.getByRole('button', { name: 'Retarget to Other plan' }));
    await screen.findByText(/Written for plan/);
    expect(await screen.findByText('No problem: the scenario is valid.', {}, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByText('Other plan', { selector: 'strong' })).toBeInTheDocument();
  });
});

describe('a draft not saved yet', () => {
  it('is kept through a reload: the studio offers it back until it is saved or discarded', async () => {
    localStorage.clear();
    const user = userEvent.setup();
    const { client } = studioClient();
    const first = renderWithApp(<StudioView />, client);
    await user.type(await screen.findByRole('textbox', { name: 'New plan title' }), 'Acme plan');
    await user.click(screen.getByRole('button', { name: 'Start the plan' }));
    await screen.findByRole('heading', { name: 'Plan: Acme plan' });
    await user.click(screen.getByRole('tab', { name: 'Severity matrix' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Sev 2 response deadline' }), { target: { value: '20m' } });
    first.unmount();

    // The page again, as after a reload: the draft is offered, with its edit.
    const second = renderWithApp(<StudioView />, client);
    const kept = await screen.findByRole('region', { name: 'Unsaved draft: Plan Acme plan' });
    expect(kept).toHaveTextContent('Plan Acme plan');
    await user.click(within(kept).getByRole('button', { name: 'Go on with it' }));
    await screen.findByRole('heading', { name: 'Plan: Acme plan' });
    await user.click(screen.getByRole('tab', { name: 'Severity matrix' }));
    expect(screen.getByRole('textbox', { name: 'Sev 2 response deadline' })).toHaveValue('20m');

    // Saved, it is in the library and no longer offered.
    await user.click(screen.getByRole('tab', { name: 'Review and save' }));
    await user.click(screen.getByRole('button', { name: 'Save to my library' }));
    await screen.findByText(/Saved plan "acme-plan" to your library/);
    await user.click(screen.getByRole('button', { name: 'Back to the studio' }));
    await screen.findByRole('heading', { name: 'Studio' });
    expect(screen.queryByRole('region', { name: /^Unsaved draft/ })).toBeNull();
    second.unmount();
  });

  it('is dropped when discarded, and a broken kept value is ignored', async () => {
    const user = userEvent.setup();
    localStorage.setItem('firedrill.studio.draft', JSON.stringify({ kind: 'scenario', text: 'title: Half done\n', previous: null, changedAt: '2026-12-04T10:00:00Z' }));
    const { client } = studioClient();
    const view = renderWithApp(<StudioView />, client);
    // As an earlier Firedrill kept its one draft.
    const kept = await screen.findByRole('region', { name: 'Unsaved draft: Scenario Half done' });
    // Asked first: Keep (focused, so Enter keeps) leaves the draft where it was.
    await user.click(within(kept).getByRole('button', { name: 'Discard it' }));
    const asked = await screen.findByRole('alertdialog', { name: 'Discard this draft?' });
    expect(asked).toHaveAccessibleDescription('Scenario Half done: what was not saved to your library is lost for good.');
    expect(within(asked).getByRole('button', { name: 'Keep the draft' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(within(kept).getByRole('button', { name: 'Discard it' })).toHaveFocus();
    expect(localStorage.getItem('firedrill.studio.draft')).not.toBeNull();
    await user.click(within(kept).getByRole('button', { name: 'Discard it' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard the draft' }));
    expect(screen.queryByRole('region', { name: /^Unsaved draft/ })).toBeNull();
    expect(localStorage.getItem('firedrill.studio.draft')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Studio' })).toHaveFocus();
    view.unmount();

    localStorage.setItem('firedrill.studio.draft', '{not json');
    renderWithApp(<StudioView />, client);
    await screen.findByRole('heading', { name: 'Studio' });
    expect(screen.queryByRole('region', { name: /^Unsaved draft/ })).toBeNull();
  });

  it('is never dropped for another draft opened after it: each is offered until saved or discarded', async () => {
    localStorage.clear();
    const user = userEvent.setup();
    const { client } = studioClient();
    renderWithApp(<StudioView />, client);
    const startPlan = async (title: string, deadline: string) => {
      const name = await screen.findByRole('textbox', { name: 'New plan title' });
      await user.clear(name);
      await user.type(name, title);
      await user.click(screen.getByRole('button', { name: 'Start the plan' }));
      await screen.findByRole('heading', { name: `Plan: ${title}` });
      await user.click(screen.getByRole('tab', { name: 'Severity matrix' }));
      fireEvent.change(screen.getByRole('textbox', { name: 'Sev 2 response deadline' }), { target: { value: deadline } });
      await user.click(screen.getByRole('button', { name: 'Back to the studio' }));
    };
    await startPlan('Acme plan', '20m');
    await startPlan('Beta plan', '40m');
    expect(await screen.findByRole('region', { name: 'Unsaved draft: Plan Acme plan' })).toBeInTheDocument();
    const beta = screen.getByRole('region', { name: 'Unsaved draft: Plan Beta plan' });
    await user.click(within(beta).getByRole('button', { name: 'Discard it' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Discard this draft?' })).getByRole('button', { name: 'Discard the draft' }));
    expect(screen.queryByRole('region', { name: 'Unsaved draft: Plan Beta plan' })).toBeNull();
    await user.click(within(screen.getByRole('region', { name: 'Unsaved draft: Plan Acme plan' })).getByRole('button', { name: 'Go on with it' }));
    await user.click(await screen.findByRole('tab', { name: 'Severity matrix' }));
    expect(screen.getByRole('textbox', { name: 'Sev 2 response deadline' })).toHaveValue('20m');
  });
});
