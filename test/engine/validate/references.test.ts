import { describe, expect, it } from 'vitest';
import { closestId, duplicateIds, findCycles, unknownId } from '../../../engine/validate/references.js';

describe('unknownId', () => {
  it('suggests the closest known id when it is close enough', () => {
    expect(unknownId('inject', 'INJ-9', ['INJ-01', 'INJ-09', 'INJ-10'])).toBe('unknown inject "INJ-9" (did you mean "INJ-09"?)');
    expect(unknownId('action', 'revoke-access-key', ['revoke-iam-access-key', 'snapshot-volume'])).toBe('unknown action "revoke-access-key" (did you mean "revoke-iam-access-key"?)');
  });

  it('ignores case when it compares', () => {
    expect(unknownId('inject', 'inj-01', ['INJ-01'])).toBe('unknown inject "inj-01" (did you mean "INJ-01"?)');
  });

  it('lists the known ids when none is close, at most eight of them', () => {
    expect(unknownId('role', 'legal', ['incident-commander', 'cloud-security-analyst'])).toBe('unknown role "legal" (known: incident-commander, cloud-security-analyst)');
    const many = Array.from({ length: 12 }, (_, i) => `role-number-${i}`);
    expect(unknownId('role', 'zzz', many)).toBe(`unknown role "zzz" (known: ${many.slice(0, 8).join(', ')}, ...)`);
  });

  it('says when there is nothing to refer to', () => {
    expect(unknownId('decision', 'DEC-01', [])).toBe('unknown decision "DEC-01" (there are none)');
  });

  it('names whose id it is', () => {
    expect(unknownId('option', 'later', ['notify', 'wait'], 'of decision "DEC-01"')).toBe('unknown option "later" of decision "DEC-01" (known: notify, wait)');
    expect(unknownId('option', 'notfy', ['notify', 'wait'], 'of decision "DEC-01"')).toBe('unknown option "notfy" of decision "DEC-01" (did you mean "notify"?)');
  });

  it('lists each known id once', () => {
    expect(unknownId('role', 'x', ['a-long-role', 'a-long-role', 'another-one'])).toBe('unknown role "x" (known: a-long-role, another-one)');
  });
});

describe('closestId', () => {
  it('allows two edits for short ids and a quarter of the length for long ones', () => {
    expect(closestId('ab', ['abcd'])).toBe('abcd');
    expect(closestId('ab', ['abcde'])).toBeUndefined();
    expect(closestId('restore-from-clean-backup', ['restore-from-a-clean-backups'])).toBe('restore-from-a-clean-backups');
    expect(closestId('x', [])).toBeUndefined();
  });

  it('prefers the nearest of several candidates', () => {
    expect(closestId('INJ-1', ['INJ-11', 'INJ-01', 'INJ-1x'])).toBe('INJ-11');
    expect(closestId('detcted', ['detected', 'contained'])).toBe('detected');
  });
});

describe('duplicateIds', () => {
  it('reports the second and later uses of an id, at their own place', () => {
    const items = [{ id: 'a' }, { id: 'b' }, { id: 'a' }, { id: 'a' }];
    expect(duplicateIds(items, (i) => i.id, (i) => ['injects', i, 'id'], 'inject')).toEqual([
      { path: ['injects', 2, 'id'], message: 'duplicate inject "a" (first defined at index 0)' },
      { path: ['injects', 3, 'id'], message: 'duplicate inject "a" (first defined at index 0)' },
    ]);
  });

  it('works on numbers too (severity levels)', () => {
    expect(duplicateIds([{ level: 1 }, { level: 1 }], (s) => s.level, (i) => ['severityLevels', i, 'level'], 'severity level')).toHaveLength(1);
  });

  it('reports nothing when all ids differ', () => {
    expect(duplicateIds([{ id: 'a' }, { id: 'b' }], (i) => i.id, (i) => [i], 'x')).toEqual([]);
  });
});

describe('findCycles', () => {
  const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

  it('finds none in a graph without cycles', () => {
    expect(findCycles(graph({ a: ['b'], b: ['c'], c: [], d: ['a', 'c'] }))).toEqual([]);
  });

  it('returns a cycle as a closed walk, starting where it was entered', () => {
    expect(findCycles(graph({ a: ['b'], b: ['a'] }))).toEqual([['a', 'b', 'a']]);
    expect(findCycles(graph({ start: ['x'], x: ['y'], y: ['z'], z: ['x'] }))).toEqual([['x', 'y', 'z', 'x']]);
  });

  it('finds a node that depends on itself', () => {
    expect(findCycles(graph({ a: ['a'] }))).toEqual([['a', 'a']]);
  });

  it('finds separate cycles separately', () => {
    const cycles = findCycles(graph({ a: ['b'], b: ['a'], c: ['d'], d: ['c'], e: [] }));
    expect(cycles).toEqual([['a', 'b', 'a'], ['c', 'd', 'c']]);
  });

  it('ignores edges to nodes outside the graph (unknown ids are reported elsewhere)', () => {
    expect(findCycles(graph({ a: ['missing'], b: ['a'] }))).toEqual([]);
  });

  it('copes with a chain far longer than the call stack is deep', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 200_000; i++) edges[`n${i}`] = i === 0 ? [] : [`n${i - 1}`];
    expect(findCycles(graph(edges))).toEqual([]);
    edges.n0 = ['n199999'];
    const [cycle] = findCycles(graph(edges));
    expect(cycle).toHaveLength(200_001);
    expect(cycle![0]).toBe(cycle![cycle!.length - 1]);
  });
});
