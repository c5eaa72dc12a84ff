import { describe, expect, it } from 'vitest';
import { compareLocatedErrors, formatLocatedError, formatPath, oneLine, quote, type LocatedError } from '../../../engine/validate/index.js';

describe('formatPath', () => {
  it('writes paths the way people read them', () => {
    expect(formatPath([])).toBe('');
    expect(formatPath(['injects'])).toBe('injects');
    expect(formatPath(['injects', 3, 'when', 'action'])).toBe('injects[3].when.action');
    expect(formatPath(['milestones', 'detected', 'when', 'all', 0, 'inject'])).toBe('milestones.detected.when.all[0].inject');
    expect(formatPath([0, 'id'])).toBe('[0].id');
    expect(formatPath(['steps', 10, 'observation', 'objective'])).toBe('steps[10].observation.objective');
  });

  it('keeps hyphenated ids as they are and quotes keys that are not plain names', () => {
    expect(formatPath(['state', 'key-revoked'])).toBe('state.key-revoked');
    expect(formatPath(['state', 'secrets read'])).toBe('state["secrets read"]');
    expect(formatPath(['state', 'a.b'])).toBe('state["a.b"]');
    expect(formatPath(['state', '1st'])).toBe('state["1st"]');
    expect(formatPath(['state', ''])).toBe('state[""]');
    expect(formatPath(['x', 'line\nbreak'])).toBe('x["line\\nbreak"]');
    expect(formatPath(['"quoted"'])).toBe('["\\"quoted\\""]');
  });
});

describe('formatLocatedError', () => {
  const error: LocatedError = { file: 'scenarios/a.scenario.yaml', line: 88, column: 15, path: 'injects[3].when.inject', message: 'unknown inject "INJ-9"' };

  it('prints file:line:column path: message', () => {
    expect(formatLocatedError(error)).toBe('scenarios/a.scenario.yaml:88:15 injects[3].when.inject: unknown inject "INJ-9"');
  });

  it('leaves the path out for an error about the whole file', () => {
    expect(formatLocatedError({ ...error, line: 1, column: 1, path: '', message: 'the file is empty' })).toBe('scenarios/a.scenario.yaml:1:1 the file is empty');
  });

  it('orders errors by file, then line, then column, then path', () => {
    const at = (file: string, line: number, column: number, path = '') => ({ file, line, column, path, message: 'm' });
    const sorted = [at('b', 1, 1), at('a', 9, 1), at('a', 2, 7), at('a', 2, 3, 'z'), at('a', 2, 3, 'y')].sort(compareLocatedErrors);
    expect(sorted.map((e) => `${e.file}:${e.line}:${e.column}${e.path}`)).toEqual(['a:2:3y', 'a:2:3z', 'a:2:7', 'a:9:1', 'b:1:1']);
  });
});

describe('quote and oneLine', () => {
  it('quotes text from a file escaped and shortened', () => {
    expect(quote('INJ-01')).toBe('"INJ-01"');
    expect(quote('a\rb"c')).toBe('"a\\rb\\"c"');
    expect(quote('x'.repeat(100), 10)).toBe(`"${'x'.repeat(10)}..."`);
  });

  it('keeps any message on one line', () => {
    expect(oneLine('first\nsecond\r\nthird\u2028fourth')).toBe('first second third fourth');
    expect(oneLine('  already one line ')).toBe('already one line');
  });
});
