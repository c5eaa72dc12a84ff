import { z } from 'zod';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkSchema, schemaIssues } from '../../../engine/validate/schema-issues.js';
import { scenarioSchema } from '../../../engine/format/index.js';
import { MINI, readText } from './helpers.js';

const issues = (schema: z.ZodType, value: unknown) => {
  const result = checkSchema(schema, value);
  return result.success ? [] : result.issues.map(({ path, message }) => ({ path: path.join('.'), message }));
};

const action = z.strictObject({ id: z.string(), duration: z.string(), prerequisites: z.array(z.string()).optional(), kind: z.enum(['a', 'b']) });

describe('checkSchema messages', () => {
  it('tells a missing field from one of the wrong type', () => {
    expect(issues(action, { id: 'x', kind: 'a' })).toEqual([{ path: 'duration', message: 'is required (a text value)' }]);
    expect(issues(action, { id: 'x', kind: 'a', duration: 15 })).toEqual([{ path: 'duration', message: 'expected a text value, found the number 15' }]);
    expect(issues(action, { id: 'x', kind: 'a', duration: null })).toEqual([{ path: 'duration', message: 'expected a text value, found nothing (null)' }]);
    expect(issues(action, { id: 'x', kind: 'a', duration: ['15m'] })).toEqual([{ path: 'duration', message: 'expected a text value, found a list' }]);
    expect(issues(action, { id: 'x', kind: 'a', duration: { m: 15 } })).toEqual([{ path: 'duration', message: 'expected a text value, found a mapping' }]);
  });

  it('says what a missing or empty choice may be', () => {
    expect(issues(action, { id: 'x', duration: '1m' })).toEqual([{ path: 'kind', message: 'is required: must be one of "a", "b"' }]);
    expect(issues(action, { id: 'x', duration: '1m', kind: null })).toEqual([{ path: 'kind', message: 'is empty; it must be one of "a", "b"' }]);
    expect(issues(action, { id: 'x', duration: '1m', kind: 'c' })).toEqual([{ path: 'kind', message: 'must be one of "a", "b"' }]);
  });

  it('names an unknown field at the field, with the one probably meant', () => {
    expect(checkSchema(action, { id: 'x', duration: '1m', kind: 'a', prerequisite: [] })).toEqual({
      success: false,
      issues: [{ path: ['prerequisite'], message: 'unknown field "prerequisite" (did you mean "prerequisites"?)', atKey: true }],
    });
  });

  it('lists the fields when no known one is close', () => {
    expect(issues(action, { id: 'x', duration: '1m', kind: 'a', colour: 'red' })).toEqual([{ path: 'colour', message: 'unknown field "colour" (the fields here are id, duration, prerequisites, kind)' }]);
  });

  it('reports each unknown field of a mapping separately', () => {
    expect(issues(action, { id: 'x', duration: '1m', kind: 'a', one: 1, two: 2 }).map((i) => i.path)).toEqual(['one', 'two']);
  });

  it('reports a misspelt required field once, as unknown, not also as missing', () => {
    expect(issues(action, { id: 'x', duraton: '1m', kind: 'a' })).toEqual([{ path: 'duraton', message: 'unknown field "duraton" (did you mean "duration"?)' }]);
  });

  it('escapes an unknown field name that holds a line break', () => {
    expect(issues(action, { id: 'x', duration: '1m', kind: 'a', 'a\nb': 1 })[0]!.message).toBe('unknown field "a\\nb" (the fields here are id, duration, prerequisites, kind)');
  });

  it('describes a union of plain types by its types', () => {
    const scalar = z.strictObject({ v: z.union([z.string(), z.number(), z.boolean()]) });
    expect(issues(scalar, { v: null })).toEqual([{ path: 'v', message: 'expected a text value, a number or true/false, found nothing (null)' }]);
    expect(issues(scalar, { v: [1] })).toEqual([{ path: 'v', message: 'expected a text value, a number or true/false, found a list' }]);
  });

  it('does not call a number too large for YAML, or .nan, a number it can use', () => {
    expect(issues(z.strictObject({ n: z.number() }), { n: Infinity })).toEqual([{ path: 'n', message: 'expected a number, found an infinite number (.inf, or one too large to use)' }]);
    expect(issues(z.strictObject({ n: z.number() }), { n: NaN })).toEqual([{ path: 'n', message: 'expected a number, found NaN (.nan, not a number)' }]);
  });

  it('works on zod errors without the input, as schemaIssues did before', () => {
    const result = action.safeParse({ id: 'x', kind: 'a', extra: 1 });
    expect(result.success).toBe(false);
    expect(schemaIssues(result.error!).map((i) => i.message)).toEqual(['is required (a text value)', 'unknown field "extra"']);
  });
});

describe('checkSchema on a scenario', () => {
  const mini = parse(readText(MINI.scenario)) as Record<string, unknown> & { injects: Record<string, unknown>[] };
  const scenarioIssues = (change: (s: typeof mini) => void) => {
    const copy = structuredClone(mini);
    change(copy);
    return issues(scenarioSchema, copy);
  };

  it('accepts the mini scenario', () => {
    expect(issues(scenarioSchema, mini)).toEqual([]);
  });

  it('chooses the branch of a condition the value was written for', () => {
    expect(scenarioIssues((s) => (s.injects[2]!.when = { milestone: 'contain' }))).toEqual([
      { path: 'injects.2.when.milestone', message: 'must be one of "detected", "contained", "eradicated", "recovered"' },
    ]);
    expect(scenarioIssues((s) => (s.injects[2]!.when = { var: 'key-revoked' }))).toEqual([
      { path: 'injects.2.when', message: 'a { var } condition needs equals, atLeast or atMost' },
    ]);
  });

  it('lists the forms of a condition when the value has none of them', () => {
    const [issue] = scenarioIssues((s) => (s.injects[2]!.when = { actoin: 'triage-alert' }));
    expect(issue).toMatchObject({ path: 'injects.2.when' });
    expect(issue!.message).toMatch(/^a condition is one of \{ action \}/);
  });

  it('says "at" or "when", not "at is required", when an inject has neither', () => {
    expect(scenarioIssues((s) => delete s.injects[0]!.at)).toEqual([{ path: 'injects.0.at', message: 'give exactly one of "at" (a time) or "when" (a trigger)' }]);
  });

  it('points a state variable that is not an id at its key', () => {
    const result = checkSchema(scenarioSchema, { ...structuredClone(mini), state: { 'secrets read': 1 } });
    expect(result.success ? [] : result.issues).toEqual([
      { path: ['state', 'secrets read'], message: 'the key "secrets read" is not a valid id: use letters, digits, ".", "_" and "-"', atKey: true },
    ]);
  });

  it('checks artifacts as the real service shows them', () => {
    expect(scenarioIssues((s) => ((s.injects[0]!.artifacts as { data: Record<string, unknown> }[])[0]!.data.accountId = '1234'))).toEqual([
      { path: 'injects.0.artifacts.0.data.accountId', message: 'accountId is 12 digits' },
    ]);
  });
});
