import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { draftValue, editDraft, editDraftText } from '../../../engine/studio/draft-edit.js';

const PLAN = readFileSync('scenarios/plans/cloud-cirp.plan.yaml', 'utf8');

describe('editing a draft through the yaml Document', () => {
  it('splices a changed title in place: every other byte of the file, comments included, is as it was', () => {
    const edited = editDraftText(PLAN, { op: 'set', path: ['roles', 0, 'title'], value: 'Incident Lead' });
    expect(parse(edited).roles[0].title).toBe('Incident Lead');
    expect(edited.replace('Incident Lead', 'Incident Commander')).toBe(PLAN);
  });

  it('splices a changed duration, quoting what YAML would read as another type', () => {
    const deadline = editDraftText(PLAN, { op: 'set', path: ['severityLevels', 1, 'responseDeadline'], value: '30m' });
    expect(parse(deadline).severityLevels[1].responseDeadline).toBe('30m');
    expect(deadline.split('\n').length).toBe(PLAN.split('\n').length);
    const version = editDraftText(PLAN, { op: 'set', path: ['version'], value: '4.3' });
    expect(parse(version).version).toBe('4.3');
    const yes = editDraftText(PLAN, { op: 'set', path: ['roles', 0, 'title'], value: 'yes' });
    expect(parse(yes).roles[0].title).toBe('yes');
  });

  it('adds a list item through the Document, keeping the comments of the file', () => {
    const action = { id: 'call-insurer', title: 'Call the cyber insurer', roles: ['incident-commander'], phase: 'post-incident', function: 'govern', duration: '15m' };
    const edited = editDraft(PLAN, [{ op: 'insert', path: ['actions'], value: action }]);
    const value = parse(edited);
    expect(value.actions.at(-1)).toMatchObject(action);
    expect(value.actions.at(-1).roles).toEqual(['incident-commander']);
    expect(edited).toContain('# Severity matrix: responseDeadline runs from detection');
    expect(edited).toContain('# --- Command and communications ---');
    expect(edited).toMatch(/roles: \[incident-commander\]/);
  });

  it('removes a field set to undefined, deletes and moves list items', () => {
    const text = 'a: 1 # one\nb: [x, y, z]\nc: keep\n';
    expect(editDraftText(text, { op: 'set', path: ['a'], value: undefined })).toBe('b: [x, y, z]\nc: keep\n');
    expect(parse(editDraftText(text, { op: 'delete', path: ['b', 1] })).b).toEqual(['x', 'z']);
    expect(parse(editDraftText(text, { op: 'move', path: ['b'], from: 0, to: 2 })).b).toEqual(['y', 'z', 'x']);
    expect(editDraftText(text, { op: 'set', path: ['a'], value: 2 })).toBe('a: 2 # one\nb: [x, y, z]\nc: keep\n');
  });

  it('creates a missing list when an item is inserted, and replaces a list whole', () => {
    const text = 'id: x\n';
    expect(parse(editDraftText(text, { op: 'insert', path: ['decisions'], value: { id: 'D1' } })).decisions).toEqual([{ id: 'D1' }]);
    const replaced = editDraftText('to: [a, b] # who\n', { op: 'set', path: ['to'], value: ['a', 'c'] });
    expect(parse(replaced).to).toEqual(['a', 'c']);
    expect(replaced).toContain('[a, c]');
  });

  it('refuses text that does not parse, and reads a draft as data', () => {
    expect(() => editDraftText('a: [', { op: 'set', path: ['a'], value: 1 })).toThrow(/does not parse/);
    expect(draftValue('a: [')).toBeUndefined();
    expect(draftValue('a: 1h')).toEqual({ a: '1h' });
  });
});
