import { EVIDENCE_PENALTY } from '../scoring/rules.js';
import { minutesText, tPlus } from '../scoring/minutes.js';
import type { Component, Scorecard } from '../scoring/scorecard.js';

// How every export writes times, scores and the headline figures, so a PDF, an HTML page and
// a CSV file of one scorecard say the same thing in the same words.

// Times are written as the scorecard's own sentences write them.
export { minutesText, tPlus };

export const percentText = (percent: number | null): string => (percent === null ? '—' : `${percent}%`);

/**
 * A share from 0 to 1 as a percentage to one decimal ("12.3%"): a simulation's probabilities and
 * shares. A share that rounds to 0% or 100% but is not is "<0.1%" or ">99.9%": a deadline missed
 * in 1 drill of 3,000 read "0%", as if it were never missed.
 */
export const shareText = (share: number | null): string => {
  if (share === null) return '—';
  if (share > 0 && share < 0.0005) return '<0.1%';
  if (share < 1 && share >= 0.9995) return '>99.9%';
  return `${Math.round(share * 1000) / 10}%`;
};

/** The mean of overall scores (or percents), to one decimal as a score is given; null for none. */
export const meanScore = (scores: readonly number[]): number | null =>
  scores.length === 0 ? null : Math.round((scores.reduce((s, v) => s + v, 0) / scores.length) * 10) / 10;

/** Points with at most two decimals: 0.30000000000000004 is not a figure to print. */
export const points = (value: number): number => Math.round(value * 100) / 100;

/** The calendar day of an ISO time, as written in reports (2026-03-14). */
export const isoDay = (iso: string): string => iso.slice(0, 10);

/** A plan or scenario id in words: "compromised-credentials" -> "compromised credentials". */
export const idWords = (id: string): string => id.replace(/[-_.]+/g, ' ');

export const PROVIDER_NAMES: Record<string, string> = { aws: 'AWS', azure: 'Microsoft Azure', gcp: 'Google Cloud' };
export const providersText = (providers: readonly string[]): string => providers.map((p) => PROVIDER_NAMES[p] ?? p).join(', ');

export interface HeadlineFigure {
  id: 'overall' | 'detected' | 'contained' | 'recovered';
  title: string;
  value: string;
  /** The target the figure is measured against, when it has one. */
  target: string | null;
  met: boolean | null;
  /** How the figure is computed: shown beside it wherever it is shown. */
  definition: string;
}

/** What the overall score is made of, in words, from the parts that applied to this session. */
export function overallScoreDefinition(card: Scorecard): string {
  const parts = card.components.filter((c) => c.weight > 0);
  const total = parts.reduce((s, c) => s + c.weight, 0);
  const scaled = total === 100 ? '' : `, scaled to 100 (the parts that applied carry ${total} points)`;
  return `overall score = sum of the points earned in ${parts.map((c) => `${c.title.toLowerCase()} (${c.weight})`).join(', ')}${scaled}`;
}

/** The overall score and the times to detect, contain and recover, each with its definition and target. */
export function headlineFigures(card: Scorecard): HeadlineFigure[] {
  return [
    { id: 'overall', title: 'Overall score', value: `${card.overallScore} / 100`, target: null, met: null, definition: overallScoreDefinition(card) },
    ...card.metrics.map((m): HeadlineFigure => ({
      id: m.milestone,
      title: m.title,
      value: minutesText(m.minutes),
      target: minutesText(m.targetMinutes),
      met: m.met,
      definition: `${m.definition}; target from the plan's severity matrix for Sev ${card.severity.expected}`,
    })),
  ];
}

/** How each part of the overall score earns its points (the rules of engine/scoring/score.ts, in words). */
export const COMPONENT_DEFINITIONS: Record<Component['id'], string> = {
  actions: `weight × share of the playbook's expected actions done, by step weight: on time 1, late ½, wrong role or out of order ¼ less each, evidence destroyed 0; ${EVIDENCE_PENALTY} points off per action that destroyed evidence`,
  severity: 'weight × (right level 0.7, one level off 0.2; declared by the deadline 0.3, late 0.1; ¼ less if declared by a role the plan does not give it to)',
  duties: 'weight × share of the communication duties met: on time 1, late ½, wrong role ¼ less',
  decisions: 'weight × mean credit of the decisions put to the team: best 1, acceptable 0.6, poor 0.2, harmful 0; half when the time limit ran out',
  timeliness: 'weight × mean over detect, contain and recover: within the target 1, within twice the target ½, otherwise 0',
};

/** Definitions of the other figures a report shows. */
export const FIGURE_DEFINITIONS = {
  phase: 'phase score = points earned ÷ points possible of the expected actions and duties in that phase',
  role: 'role score = points earned ÷ points possible of the expected actions, duties, decisions and severity the role owns',
  objective: 'objective score = points earned ÷ points possible of the steps, duties, decisions and severity the objective names; rating P ≥ 90%, S ≥ 70%, M ≥ 40%, U below',
  simulatedTime: 'All times are simulated time from T+0, the start of the exercise; T0 is when the compromise really began',
} as const;

/** The compromise's start (T0) in session minutes, when the scorecard lets it be worked out (detected − time to detect). */
export function compromiseAtMinutes(card: Scorecard): number | null {
  const detected = card.milestones.detected;
  return detected === null || card.timeToDetectMinutes === null ? null : points(detected - card.timeToDetectMinutes);
}
