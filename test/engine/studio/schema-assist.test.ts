import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cursorContext, describeField, fieldAt, idKindAt, keySuggestions, valueSuggestions, type JsonSchema } from '../../../engine/studio/schema-assist.js';

const SCENARIO_SCHEMA = JSON.parse(readFileSync('scenarios/schema/scenario.schema.json', 'utf8')) as JsonSchema;
const PLAN_SCHEMA = JSON.parse(readFileSync('scenarios/schema/plan.schema.json', 'utf8')) as JsonSchema;

const at = (text: string) => ({ text: text.replace('|', ''), offset: text.indexOf('|') });

describe('completion and hover from the JSON Schemas', () => {
  it('suggests the fields an inject may still have while a field name is typed', () => {
    const { text, offset } = at('id: x\ninjects:\n  - id: INJ-01\n    ti|\n');
    const context = cursorContext(text, offset);
    expect(context).toMatchObject({ mode: 'key', path: ['injects', 0], prefix: 'ti' });
    const labels = keySuggestions(SCENARIO_SCHEMA, context!.path, context!.present).map((s) => s.label);
    expect(labels).toContain('title');
    expect(labels).toContain('channel');
    expect(labels).not.toContain('id');
  });

  it('suggests the values an enum allows while a value is typed', () => {
    const { text, offset } = at('id: x\ndifficulty: in|\n');
    const context = cursorContext(text, offset);
    expect(context).toMatchObject({ mode: 'value', path: ['difficulty'], prefix: 'in' });
    expect(valueSuggestions(SCENARIO_SCHEMA, context!.path).map((s) => s.label)).toContain('introductory');
  });

  it('describes the field under the pointer, and knows which fields hold ids', () => {
    const text = 'severityLevels:\n  - level: 2\n    responseDeadline: 1h\n';
    const path = fieldAt(text, text.indexOf('responseDeadline') + 3);
    expect(path).toEqual(['severityLevels', 0, 'responseDeadline']);
    expect(describeField(PLAN_SCHEMA, path!)).toBeTruthy();
    expect(idKindAt(['injects', 0, 'to', 1])).toBe('role');
    expect(idKindAt(['injects', 0, 'when', 'action'])).toBe('action');
    expect(idKindAt(['title'])).toBeUndefined();
  });
});
