import { describe, expect, it } from 'vitest';
import { countThatFit, decisionsThatFit, sideThatFits } from '../../renderer/views/projector-fit.js';

// What of the side column fits a projector: whole items or none, and the rest counted (the
// counting line takes room too), never a line cut in half.

describe('countThatFit', () => {
  it('shows every item that fits whole, keeping room for the line that counts the rest', () => {
    expect(countThatFit([40, 40, 40], 120, 20)).toBe(3);
    // 40 + 40 + the counting line (20) = 100: the third is counted.
    expect(countThatFit([40, 40, 40], 110, 20)).toBe(2);
    // 40 + 40 would fit without the line, but one is left out, so the line must fit too.
    expect(countThatFit([40, 40, 40], 81, 20)).toBe(1);
  });

  it('keeps the first item (the one the room is on) even when it alone does not fit, unless told otherwise', () => {
    expect(countThatFit([200, 40], 100, 20)).toBe(1);
    expect(countThatFit([200, 40], 100, 20, 0)).toBe(0);
    expect(countThatFit([], 100, 20)).toBe(0);
  });
});

describe('decisionsThatFit', () => {
  const decision = (question: number, options: number) => ({ question, options });

  it('shows every decision with its options when they all fit', () => {
    expect(decisionsThatFit([decision(60, 80), decision(60, 80)], 280, 20)).toEqual({ shown: 2, withOptions: 2 });
  });

  it('else the options of the one that closes first only, the others\' questions as far as they fit, the rest counted', () => {
    // 140 + 60 + 60 = 260 fits in 270 with no count.
    expect(decisionsThatFit([decision(60, 80), decision(60, 80), decision(60, 80)], 270, 20)).toEqual({ shown: 3, withOptions: 1 });
    // 140 + 60 + the count (20) = 220: the third is counted.
    expect(decisionsThatFit([decision(60, 80), decision(60, 80), decision(60, 80)], 230, 20)).toEqual({ shown: 2, withOptions: 1 });
    expect(decisionsThatFit([decision(60, 80), decision(60, 80), decision(60, 80)], 160, 20)).toEqual({ shown: 1, withOptions: 1 });
  });

  it('drops the first one\'s options only when they do not fit even alone, and never the first question', () => {
    expect(decisionsThatFit([decision(60, 200), decision(60, 80)], 150, 20)).toEqual({ shown: 2, withOptions: 0 });
    expect(decisionsThatFit([decision(60, 200), decision(60, 80)], 100, 20)).toEqual({ shown: 1, withOptions: 0 });
    expect(decisionsThatFit([decision(300, 80)], 100, 20)).toEqual({ shown: 1, withOptions: 0 });
  });
});

describe('sideThatFits', () => {
  const pane = <Item,>(items: Item[], chrome = 50) => ({ items, countLine: 20, chrome });

  it('gives the deadlines what the decisions leave when all of them fit', () => {
    const fit = sideThatFits(600, 10, pane([40, 40, 40, 40, 40, 40]), pane([{ question: 60, options: 80 }]));
    // The decisions need 50 + 140 = 190: the deadlines get 400, all six (50 + 240).
    expect(fit).toEqual({ deadlines: 6, decisions: { shown: 1, withOptions: 1 } });
  });

  it('gives the deadlines at least a third of the column and the decisions all that the deadlines shown leave', () => {
    const fit = sideThatFits(600, 10, pane([40, 40, 40, 40, 40, 40]), pane([{ question: 60, options: 80 }, { question: 60, options: 80 }, { question: 60, options: 80 }]));
    // A third is 200: 50 + 40 + 40 + 40 + the count (20) = 190, three deadlines; the decisions get 600 - 200 - 50 = 350.
    expect(fit).toEqual({ deadlines: 3, decisions: { shown: 3, withOptions: 2 } });
  });

  it('never gives the deadlines the room the options of the decision that closes first need', () => {
    const fit = sideThatFits(600, 10, pane([40, 40, 40, 40, 40, 40]), pane([{ question: 60, options: 300 }, { question: 60, options: 80 }]));
    // The first decision with its options and the count need 50 + 360 + 20 = 430: the deadlines get
    // 600 - 430 - 10 = 160 (not a third, 200), two of them and their count; the first decision keeps its options.
    expect(fit).toEqual({ deadlines: 2, decisions: { shown: 1, withOptions: 1 } });
  });

  it('gives the whole column to the one pane there is', () => {
    expect(sideThatFits(340, 10, null, pane([{ question: 60, options: 80 }, { question: 60, options: 80 }]))).toEqual({ deadlines: 0, decisions: { shown: 2, withOptions: 2 } });
    expect(sideThatFits(300, 10, pane([40, 40, 40, 40, 40, 40, 40]), null)).toEqual({ deadlines: 5, decisions: { shown: 0, withOptions: 0 } });
  });
});
