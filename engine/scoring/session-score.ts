import type { Session } from '../session/session.js';
import { scoreActions, type ActionsScore } from './components/actions.js';
import { scoreDecisions, type DecisionsScore } from './components/decisions.js';
import { scoreDuties, type DutiesScore } from './components/duties.js';
import { scoreSeverity, type SeverityScore } from './components/severity.js';
import { scoreTimeliness, type TimelinessScore } from './components/timeliness.js';
import { scoringFacts, type ScoringFacts } from './facts.js';
import type { ScoredFinding } from './findings.js';
import { round1, WEIGHTS } from './rules.js';
import type { Component } from './scorecard.js';

/** A session's score in numbers: each part, the overall score and the findings, without a word of prose. */
export interface SessionScore {
  facts: ScoringFacts;
  actions: ActionsScore;
  severity: SeverityScore;
  duties: DutiesScore;
  decisions: DecisionsScore;
  timeliness: TimelinessScore;
  components: Component[];
  /** 0 to 100. */
  overallScore: number;
  /** Every finding, in the scorecard's order: actions, severity, duties, decisions, times. */
  findings: ScoredFinding[];
}

const part = (id: Component['id'], title: string, fraction: number | null, penalty = 0): Component => ({
  id, title, weight: fraction === null ? 0 : WEIGHTS[id], earned: fraction === null ? 0 : round1(Math.max(0, fraction * WEIGHTS[id] - penalty)),
});

/** Scores a session against its plan. A pure function of the journal (through the replayed session). */
export function scoreNumbers(session: Session): SessionScore {
  const facts = scoringFacts(session);
  const actions = scoreActions(facts);
  const severity = scoreSeverity(facts);
  const duties = scoreDuties(facts);
  const decisions = scoreDecisions(facts);
  const timeliness = scoreTimeliness(facts);
  const components: Component[] = [
    part('actions', 'Expected actions of the playbook', actions.fraction, actions.penalty),
    part('severity', 'Severity classification', severity.result.credit),
    part('duties', 'Communication duties', duties.fraction),
    part('decisions', 'Decisions', decisions.fraction),
    part('timeliness', 'Time to detect, contain and recover against targets', timeliness.fraction),
  ];
  const possible = components.reduce((s, c) => s + c.weight, 0);
  return {
    facts,
    actions,
    severity,
    duties,
    decisions,
    timeliness,
    components,
    overallScore: possible === 0 ? 0 : round1((100 * components.reduce((s, c) => s + c.earned, 0)) / possible),
    // concat, not spreads: the lists are empty in one run and full in the next, and a spread's compiled code deopts on each new mix (simulated drills play thousands).
    findings: actions.findings.concat(severity.findings, duties.findings, decisions.findings, timeliness.findings),
  };
}
