import { describe, expect, it } from 'vitest';
import { lowestAndHighest } from '../../../engine/stats/descriptive.js';
import { runRandom } from '../../../engine/stats/random.js';

// The tornado's low and high tenths of runs: the same runs, in the same order, as sorting every
// run by value (ties by run) and taking both ends. The order matters: the means are summed in it.

function bySorting(runs: number[], value: (run: number) => number, count: number): [number[], number[]] {
  const ordered = [...runs].sort((a, b) => value(a) - value(b) || a - b);
  return [ordered.slice(0, count), ordered.slice(-count)];
}

describe('lowestAndHighest', () => {
  it('takes the same runs in the same order as a full sort, with many ties at the cuts', () => {
    for (let trial = 0; trial < 200; trial++) {
      const draw = runRandom(5, trial);
      const size = 1 + Math.floor(draw() * 300);
      // Few distinct values (whole minutes, some negative zero), so cuts fall inside runs of ties.
      const values = Array.from({ length: size }, () => (draw() < 0.05 ? -0 : Math.floor(draw() * 8) - (draw() < 0.2 ? 0.5 : 0)));
      const runs = Array.from({ length: size }, (_, i) => i).filter(() => draw() < 0.9);
      if (runs.length === 0) continue;
      const value = (run: number) => values[run]!;
      const count = Math.max(1, Math.floor(runs.length / 10));
      expect(lowestAndHighest(runs, value, count), `trial ${trial}`).toEqual(bySorting(runs, value, count));
    }
  });

  it('gives every item to both ends when asked for more than there are, and nothing from nothing', () => {
    const value = (n: number) => [3, 1, 2][n]!;
    expect(lowestAndHighest([0, 1, 2], value, 5)).toEqual([[1, 2, 0], [1, 2, 0]]);
    expect(lowestAndHighest([], value, 1)).toEqual([[], []]);
  });
});
