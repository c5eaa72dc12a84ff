import type { Finding, FindingKind, FindingSubject } from './scorecard.js';

/**
 * What a finding's sentence needs, in numbers and ids (times in simulated ms): the scoring
 * parts fill it, and only the scorecard's prose (scorecard-prose.ts) turns it into words.
 */
export interface FindingFigures {
  /** When it was taken, declared or completed. */
  at?: number;
  /** How far past its deadline. */
  lateBy?: number;
  deadline?: number;
  /** The role that did it, and the role the plan gives it to. */
  by?: string;
  owner?: string;
  /** A step started but never completed: the action started. */
  action?: string;
  /** What an action or step was taken before: steps, then actions. */
  beforeSteps?: string[];
  beforeActions?: string[];
  /** Severity level declared. */
  level?: number;
  /** Decision option chosen or applied. */
  option?: string;
  /** A time to detect, contain or recover and its target, in minutes as the metric gives them. */
  minutes?: number | null;
  targetMinutes?: number;
}

/** A finding as the scoring parts give it: what it is about and its figures, without words. */
export interface ScoredFinding extends Omit<Finding, 'message'> {
  figures: FindingFigures;
}

export function scoredFinding(
  kind: FindingKind, type: Finding['type'], subject: FindingSubject, seq: readonly (number | null)[], objective: string | null, figures: FindingFigures = {},
): ScoredFinding {
  return { kind, type, seq: seq.filter((s): s is number => s !== null), objective, subject, figures };
}
