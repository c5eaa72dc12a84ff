// What of a list fits a projector's pane, from heights measured on the page: a projector cannot
// be scrolled, so what does not fit whole is left out and counted ("and 2 more decisions open"),
// never cut mid-line.

/**
 * How many items, from the top, fit in `room` px, leaving room for the line that counts the
 * rest (`countLine` px) when some are left out. At least `minimum`, even when it does not fit:
 * the item the room is on is never left out.
 */
export function countThatFit(heights: readonly number[], room: number, countLine: number, minimum = 1): number {
  let used = 0;
  for (let shown = 0; shown < heights.length; shown++) {
    used += heights[shown]!;
    const rest = heights.length - shown - 1;
    if (used + (rest > 0 ? countLine : 0) > room + 1) return Math.min(Math.max(shown, minimum), heights.length);
  }
  return heights.length;
}

/** One open decision as drawn: its question and time left, and the list of its options below them. */
export interface DecisionHeights {
  question: number;
  options: number;
}

/** Which decisions are shown (the first `shown`, the one that closes first on top), and how many of them with their options. */
export interface DecisionsFit {
  shown: number;
  withOptions: number;
}

/**
 * The decisions that fit: all with their options when there is room; else every question with the
 * options of as many as fit from the top (the one that closes first at least); else the options of
 * that one only, and the others' questions and times as far as they fit; else no options, the
 * questions only. What is left out is counted.
 */
export function decisionsThatFit(decisions: readonly DecisionHeights[], room: number, countLine: number): DecisionsFit {
  const total = decisions.length;
  const full = decisions.map((decision) => decision.question + decision.options);
  const questions = decisions.map((decision) => decision.question);
  for (let withOptions = total; withOptions >= 1; withOptions--) {
    if (countThatFit([...full.slice(0, withOptions), ...questions.slice(withOptions)], room, countLine, 0) === total) return { shown: total, withOptions };
  }
  const firstWithOptions = [full[0]!, ...questions.slice(1)];
  if (countThatFit(firstWithOptions, room, countLine, 0) >= 1) return { shown: countThatFit(firstWithOptions, room, countLine), withOptions: 1 };
  return { shown: countThatFit(questions, room, countLine), withOptions: 0 };
}

/** A pane of the side column as measured: its items' heights, its counting line's, and its heading, padding and border (`chrome`). */
export interface PaneHeights<Item> {
  items: readonly Item[];
  countLine: number;
  chrome: number;
}

/** What the side column shows: how many deadlines, and which decisions. */
export interface SideFit {
  deadlines: number;
  decisions: DecisionsFit;
}

const sum = (heights: readonly number[]) => heights.reduce((total, height) => total + height, 0);

/**
 * Shares the side column (`room` px, the panes `gap` px apart) between the deadlines above and
 * the decisions below. The deadlines take what the decisions leave when all of them fit with
 * their options; else up to a third of the column, but never the room the decision that closes
 * first needs for its options (the first deadline is always shown). The decisions take what the
 * deadlines shown leave, so a deadline left out never leaves empty space the decisions could use.
 */
export function sideThatFits(room: number, gap: number, deadlines: PaneHeights<number> | null, decisions: PaneHeights<DecisionHeights> | null): SideFit {
  const between = deadlines && decisions && deadlines.items.length > 0 && decisions.items.length > 0 ? gap : 0;
  const open = decisions?.items ?? [];
  const allDecisions = open.length > 0 ? decisions!.chrome + sum(open.map((one) => one.question + one.options)) : 0;
  const firstWithOptions = open.length > 0 ? decisions!.chrome + open[0]!.question + open[0]!.options + (open.length > 1 ? decisions!.countLine : 0) : 0;
  let used = 0;
  let shownDeadlines = 0;
  if (deadlines && deadlines.items.length > 0) {
    const share = Math.max(room - allDecisions - between, Math.min(room / 3, room - firstWithOptions - between));
    shownDeadlines = countThatFit(deadlines.items, share - deadlines.chrome, deadlines.countLine);
    used = deadlines.chrome + sum(deadlines.items.slice(0, shownDeadlines)) + (shownDeadlines < deadlines.items.length ? deadlines.countLine : 0) + between;
  }
  const shownDecisions = decisions && decisions.items.length > 0
    ? decisionsThatFit(decisions.items, room - used - decisions.chrome, decisions.countLine)
    : { shown: 0, withOptions: 0 };
  return { deadlines: shownDeadlines, decisions: shownDecisions };
}
