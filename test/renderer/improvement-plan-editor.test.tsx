// @vitest-environment jsdom
import './setup.js';
import { screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { afterActionReport } from '../../engine/report/aar.js';
import type { ImprovementEdit } from '../../engine/report/improvement-plan.js';
import { scoreSession } from '../../engine/scoring/score.js';
import { CommandError } from '../../renderer/client/session-client.js';
import { ImprovementPlanEditor } from '../../renderer/debrief/ImprovementPlanEditor.js';
import { fakeClient } from './fake-client.js';
import { renderWithApp } from './render-app.js';
import { MIN } from '../helpers/world.js';

/**
 * A drill with plenty to improve (the severity wrong, most of the playbook missed): some twenty
 * corrective actions. `firstItems` has the host answer only the first few of them: the tests of
 * editing stay fast (see rowOf).
 */
async function renderEditor({ firstItems }: { firstItems?: number } = {}) {
  const client = fakeClient();
  const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
  client.advance(5 * MIN);
  await client.send('session.input', { sessionId, actor: 'cloud-security-analyst', input: { type: 'severity.declared', level: 3 } });
  client.advance(20 * MIN);
  await client.send('session.end', { sessionId, reason: 'time' });
  const card = scoreSession(client.session());
  const generated = afterActionReport([card]).improvementPlan.slice(0, firstItems);
  if (firstItems) client.override('improvements.get', () => ({ sessionId, items: generated, edited: false }));
  const rendered = renderWithApp(<ImprovementPlanEditor sessionId={sessionId} roles={card.byRole} objectives={card.objectives} />, client);
  const region = await screen.findByRole('region', { name: 'Improvement plan' });
  await within(region).findByText('Generated plan');
  const button = (name: string) => within(region).getByRole('button', { name });
  return { ...rendered, user: userEvent.setup(), sessionId, card, generated, region, button };
}

/**
 * Queries scoped to one row (its list item). A query by role checks each candidate's computed
 * visibility, which jsdom works out slowly (tens of ms each): over a whole generated plan (some
 * 150 controls) one query takes seconds. The names still carry the row's number.
 */
const rowOf = (region: HTMLElement, n: number) => within(within(region).getAllByRole('listitem')[n - 1]!);
/** Replaces a field's text; pasted, since typing long text key by key is slow and tests nothing more. */
async function replaceText(user: UserEvent, field: HTMLElement, text: string) {
  await user.clear(field);
  if (text) await user.paste(text);
}

/** A row's group is named "<number>. <objective title> <capability>". */
const rowName = (n: number, objectiveTitle: string) => new RegExp(`^${n}\\. ${objectiveTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

const editsOf = (items: ImprovementEdit[]): ImprovementEdit[] =>
  items.map(({ objectiveId, objectiveTitle, capability, issue, correctiveAction, capabilityElement, ownerRole, startDate, completionDate }) =>
    ({ objectiveId, objectiveTitle, capability, issue, correctiveAction, capabilityElement, ownerRole, startDate, completionDate }));
const saves = (client: { calls: { type: string; params: unknown }[] }) =>
  client.calls.filter((call) => call.type === 'improvements.save').map((call) => call.params as { sessionId: string; items: ImprovementEdit[] | null });

describe('the improvement plan editor', () => {
  it('shows the whole generated plan: one numbered row per corrective action, every field named with its number', async () => {
    const { region, generated, card } = await renderEditor();
    expect(generated.length).toBeGreaterThan(10);
    expect(within(region).getByText('Generated plan')).toBeInTheDocument();
    const items = within(region).getAllByRole('listitem');
    expect(items).toHaveLength(generated.length);
    items.forEach((item, index) => expect(within(item).getByRole('group')).toHaveAccessibleName(rowName(index + 1, generated[index]!.objectiveTitle)));

    const second = generated[1]!;
    const row = rowOf(region, 2);
    expect(row.getByRole('textbox', { name: 'Issue 2' })).toHaveValue(second.issue);
    expect(row.getByRole('textbox', { name: 'Corrective action 2' })).toHaveValue(second.correctiveAction);
    expect(row.getByRole('combobox', { name: 'Capability element 2' })).toHaveDisplayValue(second.capabilityElementTitle);
    const owner = row.getByRole('combobox', { name: 'Owner role 2' });
    expect(owner).toHaveDisplayValue(second.ownerTitle);
    expect(within(owner).getAllByRole('option').map((option) => option.textContent)).toEqual(card.byRole.map((role) => role.title));
    expect(row.getByLabelText('Start date 2')).toHaveValue(second.startDate);
    expect(row.getByLabelText('Completion date 2')).toHaveValue(second.completionDate);
    expect(row.getByRole('button', { name: 'Remove corrective action 2' })).toBeInTheDocument();
    const last = generated.length;
    expect(within(items[last - 1]!).getByRole('textbox', { name: `Corrective action ${last}` })).toHaveValue(generated[last - 1]!.correctiveAction);
  });

  it('saves the edited items, then shows the plan as edited with nothing unsaved', async () => {
    const { client, region, generated, user, sessionId, button } = await renderEditor({ firstItems: 4 });
    // Nothing changed yet: nothing to save, nothing to reset.
    expect(button('Save the improvement plan')).toBeDisabled();
    expect(button('Reset to the generated plan')).toBeDisabled();
    const row = rowOf(region, 2);
    await replaceText(user, row.getByRole('textbox', { name: 'Corrective action 2' }), 'Run a focused triage drill with the analysts');
    await user.selectOptions(row.getByRole('combobox', { name: 'Owner role 2' }), 'IT Operations');
    await user.selectOptions(row.getByRole('combobox', { name: 'Capability element 2' }), 'Exercise');
    expect(within(region).getByText(/Unsaved changes/)).toBeInTheDocument();

    await user.click(button('Save the improvement plan'));
    const expected = editsOf(generated);
    expected[1] = { ...expected[1]!, correctiveAction: 'Run a focused triage drill with the analysts', ownerRole: 'it-operations', capabilityElement: 'exercise' };
    expect(saves(client)).toEqual([{ sessionId, items: expected }]);
    expect(await within(region).findByText('Edited plan')).toBeInTheDocument();
    expect(within(region).queryByText(/Unsaved changes/)).toBeNull();
    expect(within(region).getByRole('status')).toHaveTextContent(`Improvement plan saved: ${generated.length} corrective actions.`);
    expect(rowOf(region, 2).getByRole('textbox', { name: 'Corrective action 2' })).toHaveValue('Run a focused triage drill with the analysts');
    expect(button('Reset to the generated plan')).toBeEnabled();
  });

  it('shows an invalid date range and an empty field at their fields and sends nothing', async () => {
    const { client, region, user, generated, button } = await renderEditor({ firstItems: 4 });
    const completion = rowOf(region, 1).getByLabelText('Completion date 1');
    await user.clear(completion);
    await user.type(completion, '2000-01-01');
    expect(completion).toHaveValue('2000-01-01');
    const issue = rowOf(region, 3).getByRole('textbox', { name: 'Issue 3' });
    await user.clear(issue);
    await user.click(button('Save the improvement plan'));

    expect(saves(client)).toEqual([]);
    expect(within(region).getByRole('alert')).toHaveTextContent('Not saved: 2 fields need correcting.');
    expect(completion).toBeInvalid();
    expect(completion).toHaveAccessibleDescription('the completion date is before the start date');
    expect(completion).toHaveFocus();
    expect(issue).toBeInvalid();
    expect(issue).toHaveAccessibleDescription('must not be empty');
    expect(rowOf(region, 1).getByLabelText('Start date 1')).toBeValid();

    // Corrected, each error goes as it is fixed; the save then goes through.
    await user.clear(completion);
    await user.type(completion, generated[0]!.completionDate);
    expect(completion).toBeValid();
    expect(completion).not.toHaveAccessibleDescription();
    await user.type(issue, 'Steps missed');
    expect(issue).toBeValid();
    await user.click(button('Save the improvement plan'));
    expect(saves(client)).toHaveLength(1);
    expect(saves(client)[0]!.items![2]!.issue).toBe('Steps missed');
  });

  it('shows the host\'s refusal, at its field too', async () => {
    const { client, region, user, button } = await renderEditor({ firstItems: 4 });
    client.override('improvements.save', () => {
      throw new CommandError({ code: 'bad-request', message: 'improvements.save: items.0.ownerRole: "ghost" is not a role of plan "cloud-ir"' });
    });
    await user.type(rowOf(region, 1).getByRole('textbox', { name: 'Issue 1' }), '!');
    await user.click(button('Save the improvement plan'));
    expect(await within(region).findByRole('alert')).toHaveTextContent('The improvement plan was not saved: improvements.save: items.0.ownerRole: "ghost" is not a role');
    expect(rowOf(region, 1).getByRole('combobox', { name: 'Owner role 1' })).toHaveAccessibleDescription('"ghost" is not a role of plan "cloud-ir"');
    expect(within(region).getByText('Generated plan')).toBeInTheDocument();
    expect(within(region).getByText(/Unsaved changes/)).toBeInTheDocument();
  });

  it('resets to the generated plan only once confirmed, sending items: null', async () => {
    const { client, region, user, sessionId, generated, button } = await renderEditor({ firstItems: 4 });
    await replaceText(user, rowOf(region, 1).getByRole('textbox', { name: 'Issue 1' }), 'Reworded');
    await user.click(button('Save the improvement plan'));
    await within(region).findByText('Edited plan');

    await user.click(button('Reset to the generated plan'));
    const confirm = await screen.findByRole('alertdialog', { name: 'Reset to the generated plan?' });
    // Keep first and focused: Enter keeps the edits (the red Discard was first, and focused).
    expect(within(confirm).getAllByRole('button').map((one) => one.textContent)).toEqual(['Keep the edits', 'Discard the edits and reset']);
    expect(within(confirm).getByRole('button', { name: 'Keep the edits' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Keep the edits' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(saves(client)).toHaveLength(1);
    expect(rowOf(region, 1).getByRole('textbox', { name: 'Issue 1' })).toHaveValue('Reworded');

    await user.click(button('Reset to the generated plan'));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard the edits and reset' }));
    expect(saves(client).at(-1)).toEqual({ sessionId, items: null });
    expect(await within(region).findByText('Generated plan')).toBeInTheDocument();
    expect(rowOf(region, 1).getByRole('textbox', { name: 'Issue 1' })).toHaveValue(generated[0]!.issue);
  });

  it('offers the reset when the saved plan cannot be read, and shows the generated plan after it', async () => {
    const client = fakeClient();
    const { sessionId } = await client.send('session.create', { scenarioId: 'public-test-bucket', mode: 'solo', speed: 1, participants: {} });
    await client.send('session.end', { sessionId });
    const card = scoreSession(client.session());
    let damaged = true;
    client.override('improvements.get', () => {
      if (damaged) throw new CommandError({ code: 'corrupt', message: 'the improvement plan of session fake-session is damaged' });
      return { sessionId, items: afterActionReport([card]).improvementPlan.slice(0, 2), edited: false };
    });
    client.override('improvements.save', () => {
      damaged = false;
      return { sessionId, items: afterActionReport([card]).improvementPlan.slice(0, 2), edited: false };
    });
    const user = userEvent.setup();
    renderWithApp(<ImprovementPlanEditor sessionId={sessionId} roles={card.byRole} objectives={card.objectives} />, client);
    const region = await screen.findByRole('region', { name: 'Improvement plan' });
    expect(await within(region).findByRole('alert')).toHaveTextContent('is damaged');
    await user.click(within(region).getByRole('button', { name: 'Reset to the generated plan' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard the edits and reset' }));
    expect(await within(region).findByText('Generated plan')).toBeInTheDocument();
  });

  it('removes a row and adds one linked to the chosen objective, moving focus to each', async () => {
    const { client, region, user, generated, card, button } = await renderEditor({ firstItems: 4 });
    await user.click(rowOf(region, 2).getByRole('button', { name: 'Remove corrective action 2' }));
    expect(within(region).getAllByRole('listitem')).toHaveLength(generated.length - 1);
    const issue2 = rowOf(region, 2).getByRole('textbox', { name: 'Issue 2' });
    expect(issue2).toHaveValue(generated[2]!.issue);
    expect(issue2).toHaveFocus();

    const objective = card.objectives[2]!;
    await user.selectOptions(within(region).getByRole('combobox', { name: 'Objective of the new corrective action' }), objective.title);
    await user.click(button('Add a corrective action'));
    const n = generated.length;
    const added = rowOf(region, n);
    expect(added.getByRole('group')).toHaveAccessibleName(rowName(n, objective.title));
    expect(added.getByRole('textbox', { name: `Issue ${n}` })).toHaveFocus();
    await user.paste('No one knew the regulator\'s deadline');
    await replaceText(user, added.getByRole('textbox', { name: `Corrective action ${n}` }), 'Put the deadline on the incident checklist');
    await user.click(button('Save the improvement plan'));

    const sent = saves(client)[0]!.items!;
    expect(sent).toHaveLength(n);
    expect(sent.map((item) => item.issue)).toEqual([...editsOf(generated).filter((_, index) => index !== 1).map((item) => item.issue), 'No one knew the regulator\'s deadline']);
    expect(sent.at(-1)).toMatchObject({
      objectiveId: objective.id, objectiveTitle: objective.title, capability: objective.capability,
      correctiveAction: 'Put the deadline on the incident checklist', capabilityElement: 'planning', ownerRole: card.byRole[0]!.id,
    });
    expect(await within(region).findByText('Edited plan')).toBeInTheDocument();
  });

  it('adds a corrective action for no single objective: "overall"', async () => {
    const { client, region, user, generated, button } = await renderEditor({ firstItems: 4 });
    await user.selectOptions(within(region).getByRole('combobox', { name: 'Objective of the new corrective action' }), 'Overall (no single objective)');
    await user.click(button('Add a corrective action'));
    const n = generated.length + 1;
    await user.paste('Slow hand-over');
    await replaceText(user, rowOf(region, n).getByRole('textbox', { name: `Corrective action ${n}` }), 'Write a hand-over template');
    await user.click(button('Save the improvement plan'));
    expect(saves(client)[0]!.items!.at(-1)).toMatchObject({ objectiveId: 'Overall', issue: 'Slow hand-over', correctiveAction: 'Write a hand-over template' });
    expect(await within(region).findByText('Edited plan')).toBeInTheDocument();
  });
});
