import { HSEEP_LABELS, type Scorecard } from '../scoring/scorecard.js';
import type { AfterActionReport } from './aar.js';
import { drillHistoryChartOption, responseTimesChartOption } from './charts.js';
import type { Block, Cell, ReportDocument, Tone } from './document.js';
import { drillHistory, drillOf } from './drill-history.js';
import { FIGURE_DEFINITIONS, headlineFigures, meanScore, minutesText, percentText, type HeadlineFigure } from './figures.js';
import { CAPABILITY_ELEMENTS } from './improvement-catalogue.js';
import { sessionLabel } from './scorecard-document.js';

// The after-action report / improvement plan as a report document, in the order of the HSEEP
// AAR/IP template: overview, summary, analysis of capabilities, improvement plan, appendices.

const RATING_TONE: Record<string, Tone> = { P: 'good', S: 'warn', M: 'warn', U: 'bad' };
const rating = (r: string | null, label: string | null): Cell => (r === null ? { text: '—', tone: 'muted' } : { text: `${r}: ${label}`, tone: RATING_TONE[r]!, bold: true });

/** The headline figures: one session's own, or the means of several (each with its definition). */
function figures(report: AfterActionReport, cards: readonly Scorecard[]): HeadlineFigure[] {
  if (cards.length === 1) return headlineFigures(cards[0]!);
  const { metrics, targets } = report;
  const time = (id: HeadlineFigure['id'], title: string, spread: typeof metrics.timeToDetect, target: number): HeadlineFigure => ({
    id, title, value: minutesText(spread.mean), target: minutesText(target), met: spread.mean === null ? null : spread.mean <= target,
    definition: `mean over the ${spread.count} of ${cards.length} sessions that reached it (median ${minutesText(spread.median)}); ${spread.definition}`,
  });
  return [
    { id: 'overall', title: 'Mean overall score', value: `${meanScore(cards.map((c) => c.overallScore))} / 100`, target: null, met: null, definition: `mean over ${cards.length} sessions of each session's overall score (the sum of its parts' points)` },
    time('detected', 'Mean time to detect', metrics.timeToDetect, targets.detect),
    time('contained', 'Mean time to contain', metrics.timeToContain, targets.contain),
    time('recovered', 'Mean time to recover', metrics.timeToRecover, targets.recover),
  ];
}

export function aarDocument(report: AfterActionReport, cards: readonly Scorecard[]): ReportDocument {
  const { overview } = report;
  const blocks: Block[] = [];
  const add = (...more: Block[]) => blocks.push(...more);
  const { dates } = overview;
  const given = (value: string | null) => value ?? 'Not given';

  add({ type: 'heading', level: 1, text: 'Exercise overview' });
  add({
    type: 'facts',
    items: [
      { label: 'Exercise name', value: overview.name },
      { label: 'Exercise dates', value: dates },
      { label: 'Location', value: given(overview.location) },
      { label: 'Sponsor', value: given(overview.sponsor) },
      ...(overview.organisation ? [{ label: 'Organisation', value: overview.organisation }] : []),
      { label: 'Participating organisations', value: overview.participatingOrganisations.length ? overview.participatingOrganisations.join('\n') : given(null) },
      { label: 'Point of contact', value: given(overview.pointOfContact) },
      { label: 'Scope', value: overview.scope },
      { label: 'Mission area', value: overview.missionArea },
      { label: 'Core capabilities', value: overview.capabilities.join('; ') },
      { label: 'Objectives', value: overview.objectives.map((o) => `${o.id}: ${o.title}`).join('\n') },
      { label: 'Threat', value: overview.threats.join(', ') },
      { label: 'Scenario', value: overview.scenarios.map((s) => s.title).join('; ') },
      { label: 'Plan', value: overview.plans.map((p) => p.title).join('; ') },
      { label: 'Participants', value: overview.participants.map((p) => `${p.role}: ${p.participants.length ? p.participants.join(', ') : 'not recorded'}`).join('\n') },
    ],
  });
  add({
    type: 'table',
    columns: [{ header: 'Session', width: 3.4 }, { header: 'Date', width: 1.5 }, { header: 'Mode', width: 1.3 }, { header: 'Score', width: 1, align: 'right' }, { header: 'Detect', width: 1.2 }, { header: 'Contain', width: 1.2 }, { header: 'Recover', width: 1.2 }],
    rows: overview.sessions.map((s) => [sessionLabel(s), s.date, s.mode, String(s.overallScore), minutesText(s.timeToDetectMinutes), minutesText(s.timeToContainMinutes), minutesText(s.timeToRecoverMinutes)]),
  });

  add({ type: 'heading', level: 1, text: 'Executive summary' });
  add({ type: 'figures', figures: figures(report, cards) });
  for (const paragraph of report.executiveSummary) add({ type: 'paragraph', text: paragraph });
  if (cards.length === 1) {
    add({ type: 'chart', option: responseTimesChartOption(cards[0]!), aspect: 0.26, caption: 'Time to detect, contain and recover against the plan\'s targets (simulated time).' });
  } else {
    const group = drillHistory(cards.map((c) => drillOf(c))).byPlan[0]!;
    add({ type: 'chart', option: drillHistoryChartOption({ ...group, title: 'Time to detect, contain and recover per session' }), aspect: 0.36, caption: 'Each session\'s times, oldest first; dashed lines are the medians (simulated time).' });
  }

  add({ type: 'heading', level: 1, text: 'Objectives and core capabilities' });
  add({
    type: 'table',
    definition: `${FIGURE_DEFINITIONS.objective}. With several sessions, the score is the mean of the sessions' scores. P: ${HSEEP_LABELS.P}; S: ${HSEEP_LABELS.S}; M: ${HSEEP_LABELS.M}; U: ${HSEEP_LABELS.U}.`,
    columns: [{ header: 'Objective', width: 6 }, { header: 'Core capability', width: 3 }, { header: 'Rating', width: 3 }, { header: 'Score', width: 1, align: 'right' }],
    rows: report.analysis.filter((a) => a.rating !== null).map((a) => [`${a.id}: ${a.title}`, a.capability, rating(a.rating, a.ratingLabel), percentText(a.percent)]),
  });

  add({ type: 'heading', level: 1, text: 'Analysis of core capabilities' });
  for (const a of report.analysis) {
    add({ type: 'heading', level: 2, text: a.rating === null ? a.title : `${a.id}: ${a.title}` });
    add({
      type: 'facts',
      items: [
        { label: 'Core capability', value: a.capability },
        ...(a.rating !== null ? [{ label: 'Rating', value: `${a.rating}: ${a.ratingLabel} (${percentText(a.percent)})` }] : []),
        ...(a.ratingsBySession.length > 1 ? [{ label: 'By session', value: a.ratingsBySession.map((r) => `${r.sessionId}: ${r.rating} (${percentText(r.percent)})`).join('\n') }] : []),
      ],
    });
    add({ type: 'heading', level: 3, text: 'Strengths' });
    add({ type: 'bullets', items: a.strengths.length ? a.strengths.map((s) => ({ text: s, tone: 'good' })) : [{ text: 'None recorded.', tone: 'muted' }] });
    add({ type: 'heading', level: 3, text: 'Areas for improvement' });
    if (a.areasForImprovement.length === 0) add({ type: 'paragraph', style: 'note', text: 'None recorded.' });
    a.areasForImprovement.forEach((area, index) => {
      add({
        type: 'facts',
        title: `Area for improvement ${index + 1}: ${area.issue}`,
        items: [
          { label: 'Observation', value: area.observation },
          { label: 'Root cause', value: area.rootCause },
          { label: 'Recommendation', value: area.correctiveAction },
          { label: 'Reference', value: area.references.join('; ') },
        ],
      });
    });
    if (a.notes.length) {
      add({ type: 'heading', level: 3, text: 'Facilitator notes' });
      add({ type: 'bullets', items: a.notes.map((n) => ({ text: n, tone: 'muted' })) });
    }
  }

  add({ type: 'heading', level: 1, text: 'Improvement plan' });
  add({
    type: 'table',
    definition: `One corrective action per area for improvement, and a re-exercise of each objective rated M or U. Capability elements: ${Object.values(CAPABILITY_ELEMENTS).join(', ')}. Dates count from the last session (${overview.lastDate}).`,
    empty: 'No corrective actions: no areas for improvement were recorded.',
    columns: [
      { header: '#', width: 0.5 }, { header: 'Objective: core capability', width: 2.4 }, { header: 'Issue / area for improvement', width: 3 }, { header: 'Corrective action', width: 3.7 },
      { header: 'Capability element', width: 1.5 }, { header: 'Primary responsible', width: 2.2 }, { header: 'Start', width: 1.7 }, { header: 'Completion', width: 1.7 },
    ],
    rows: report.improvementPlan.map((i) => [
      String(i.number), `${i.objectiveId}: ${i.capability}`, i.issue, i.correctiveAction, i.capabilityElementTitle, i.ownerTitle, i.startDate, i.completionDate,
    ]),
  });

  add({ type: 'heading', level: 1, text: 'Appendix A: Exercise participants' });
  add({
    type: 'table',
    columns: [{ header: 'Role', width: 3 }, { header: 'Participants', width: 4 }, { header: 'Sessions', width: 4 }],
    rows: overview.participants.map((p) => [p.role, p.participants.length ? p.participants.join(', ') : { text: 'not recorded', tone: 'muted' }, p.sessions.join(', ')]),
  });
  add({ type: 'heading', level: 1, text: 'Appendix B: Sessions and sources' });
  add({
    type: 'table',
    definition: 'Each session\'s scorecard is derived from its journal by replay against the scenario and plan with these content hashes.',
    columns: [{ header: 'Session', width: 3 }, { header: 'Scenario', width: 4 }, { header: 'Source', width: 5 }],
    rows: overview.sessions.map((s) => [s.sessionId, s.scenarioTitle, { text: s.provenance, tone: 'muted' }]),
  });

  const rooms = cards.filter((card) => card.room && (card.room.evaluatorRatings.length + card.room.evaluatorNotes.length + card.room.drafts.length > 0));
  if (rooms.length > 0) {
    add({ type: 'heading', level: 1, text: "Appendix C: Evaluators' ratings and the team's drafts" });
    add({
      type: 'table',
      definition: "Each evaluator's HSEEP rating of an objective, with the reason, beside the rating Firedrill computed from the journal.",
      columns: [{ header: 'Session', width: 2.5 }, { header: 'Objective', width: 3 }, { header: 'Evaluator', width: 2 }, { header: 'Rating', width: 1.5 }, { header: 'Computed', width: 1.5 }, { header: 'Reason', width: 4 }],
      empty: 'No evaluator rated an objective.',
      rows: rooms.flatMap((card) => card.room!.evaluatorRatings.map((r) => {
        const computed = card.objectives.find((o) => o.id === r.objective);
        return [card.sessionId, computed?.title ?? r.objective, r.evaluator, `${r.rating}: ${r.ratingLabel}`, computed ? `${computed.rating}: ${computed.ratingLabel}` : '—', r.reason];
      })),
    });
    const notes = rooms.flatMap((card) => card.room!.evaluatorNotes.map((n) => [card.sessionId, n.evaluator, n.objective ?? '—', n.text]));
    if (notes.length > 0) add({ type: 'table', columns: [{ header: 'Session', width: 2.5 }, { header: 'Evaluator', width: 2 }, { header: 'Objective', width: 1.5 }, { header: 'Observation', width: 7 }], rows: notes });
    for (const card of rooms) {
      for (const d of card.room!.drafts) {
        add({ type: 'heading', level: 3, text: `${card.sessionId}: ${d.kind.replace(/-/g, ' ')} by ${d.role}${d.by ? ` (${d.by})` : ''}` });
        add({ type: 'paragraph', text: d.text });
      }
    }
  }

  return {
    kind: 'After-action report / improvement plan',
    title: overview.name,
    subtitle: `${overview.plans.map((p) => p.title).join('; ')} · ${dates} · ${overview.sessions.length} ${overview.sessions.length === 1 ? 'session' : 'sessions'} · HSEEP AAR/IP`,
    footer: `Firedrill after-action report / improvement plan · ${overview.name} · ${dates}`,
    blocks,
  };
}
