import type { HseepRating } from './scorecard.js';

// The scoring rules as numbers: what each part of the response is worth (docs/scorecard.md says
// the same in words, as does COMPONENT_DEFINITIONS in engine/report/figures.ts).

/** Points each part of the response carries in the overall score. */
export const WEIGHTS = { actions: 50, severity: 10, duties: 15, decisions: 15, timeliness: 10 } as const;
/** Each action that destroyed evidence costs this many points of the actions part, on top of its step. */
export const EVIDENCE_PENALTY = 5;
/** Share of a step's or a duty's weight earned when it was done after its deadline. */
export const LATE_CREDIT = 0.5;
/** Taken off a step, a duty or the severity done by a role the plan does not give it to. */
export const ROLE_PENALTY = 0.25;
/** Taken off a step started before what it must follow had completed. */
export const ORDER_PENALTY = 0.25;
export const DECISION_CREDIT = { best: 1, acceptable: 0.6, poor: 0.2, harmful: 0 } as const;
/** Severity: the level matters more than the speed (a wrong level declared fast is still wrong). */
export const SEVERITY_CREDIT = { rightLevel: 0.7, oneLevelOff: 0.2, onTime: 0.3, late: 0.1 } as const;

/** HSEEP's four ratings from the share of an objective's points earned. */
export function hseepRating(fraction: number | null): HseepRating {
  if (fraction === null) return 'U';
  if (fraction >= 0.9) return 'P';
  if (fraction >= 0.7) return 'S';
  if (fraction >= 0.4) return 'M';
  return 'U';
}

/** Points and percents to one decimal, as the scorecard prints them. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Share of the weight earned by these items, or null when they carry no weight (the part does not apply). */
export function weightedCredit(items: readonly { credit: number; weight: number }[]): number | null {
  const possible = items.reduce((s, i) => s + i.weight, 0);
  return possible === 0 ? null : items.reduce((s, i) => s + i.credit * i.weight, 0) / possible;
}
