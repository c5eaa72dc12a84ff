import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkDraft } from '../../../engine/studio/check-draft.js';
import { draftValue, editDraft } from '../../../engine/studio/draft-edit.js';
import { renameInPlan, renamesBetween } from '../../../engine/studio/plan-renames.js';

// Changing a role's or an action's id in the plan form renames it wherever the plan names it,
// one keystroke at a time, without ever merging two ids.

const PLAN = readFileSync('scenarios/plans/cloud-cirp.plan.yaml', 'utf8');

const errorsOf = (text: string) => checkDraft('cloud-cirp.plan.yaml', text).errors.map((error) => `${error.path}: ${error.message}`);

describe('renaming in the plan form', () => {
  it('a role renamed by editing its id keeps the plan valid: owners, actions, duties and who declares the severity follow it', () => {
    const plan = draftValue(PLAN) as { roles: { id: string }[] };
    const index = plan.roles.findIndex((role) => role.id === 'incident-commander');
    // Selected and overwritten: the new id replaces the whole old one at once.
    const renamed = editDraft(PLAN, renameInPlan(draftValue(PLAN), 'role', index, 'crisis-lead'));
    expect(errorsOf(renamed)).toEqual([]);
    expect(renamed).not.toMatch(/\bincident-commander\b/);
    expect(renamed.match(/\bcrisis-lead\b/g)!.length).toBe(PLAN.match(/\bincident-commander\b/g)!.length);
  });

  it('a role id cleared and typed again, a letter at a time, keeps the plan valid', () => {
    const plan = draftValue(PLAN) as { roles: { id: string }[] };
    const index = plan.roles.findIndex((role) => role.id === 'incident-commander');
    let text = PLAN;
    for (const id of ['incident-command', 'i', '', 'c', 'cr', 'crisis-lead']) text = editDraft(text, renameInPlan(draftValue(text), 'role', index, id));
    expect(errorsOf(text)).toEqual([]);
    expect(text.match(/\bcrisis-lead\b/g)!.length).toBe(PLAN.match(/\bincident-commander\b/g)!.length);
  });

  it('an action renamed keeps prerequisites, playbook steps and duties pointing at it', () => {
    const plan = draftValue(PLAN) as { actions: { id: string }[] };
    const index = plan.actions.findIndex((action) => action.id === 'notify-pcpd');
    const renamed = editDraft(PLAN, renameInPlan(draftValue(PLAN), 'action', index, 'notify-privacy-commissioner'));
    expect(errorsOf(renamed)).toEqual([]);
    expect(renamed).not.toMatch(/\bnotify-pcpd\b/);
  });

  it('an id typed through another one\'s id never takes (or gives away) that one\'s references', () => {
    const plan = draftValue(PLAN) as { roles: { id: string }[] };
    const index = plan.roles.findIndex((role) => role.id === 'communications-lead');
    const uses = (text: string, id: string) => text.match(new RegExp(`(?<![\\w-])${id}(?![\\w-])`, 'g'))?.length ?? 0;
    // Typed over the id of IT Operations on the way: only the id changes there, and the clash is reported.
    const clash = editDraft(PLAN, renameInPlan(draftValue(PLAN), 'role', index, 'it-operations'));
    expect(errorsOf(clash).some((error) => /duplicate role "it-operations"/.test(error))).toBe(true);
    expect(uses(clash, 'it-operations')).toBe(uses(PLAN, 'it-operations') + 1);
    // And on past it: IT Operations keeps every one of its references.
    const past = editDraft(clash, renameInPlan(draftValue(clash), 'role', index, 'it-operations-2'));
    expect(uses(past, 'it-operations')).toBe(uses(PLAN, 'it-operations'));
    expect(errorsOf(past).some((error) => /unknown role "communications-lead"/.test(error))).toBe(true);
  });

  it('finds the ids a new version renames, by title or by place, and nothing for a role removed and another added', () => {
    const plan = draftValue(PLAN) as { roles: { id: string; title: string }[]; actions: { id: string }[] };
    const renamed = draftValue(PLAN.replaceAll('incident-commander', 'crisis-lead').replaceAll('notify-pcpd', 'notify-privacy-commissioner'));
    expect(renamesBetween(plan, renamed)).toEqual({ role: { 'incident-commander': 'crisis-lead' }, action: { 'notify-pcpd': 'notify-privacy-commissioner' } });
    // Id and title changed together: the same place in a list of the same length.
    const both = structuredClone(plan);
    both.roles[0] = { ...both.roles[0]!, id: 'crisis-lead', title: 'Crisis Lead' };
    expect(renamesBetween(plan, both)).toEqual({ role: { [plan.roles[0]!.id]: 'crisis-lead' } });
    const swapped = structuredClone(plan);
    swapped.roles = [...swapped.roles.slice(1), { id: 'auditor', title: 'Auditor' }, { id: 'observer', title: 'Observer' }];
    expect(renamesBetween(plan, swapped)).toEqual({});
  });
});
