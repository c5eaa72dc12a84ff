import type { RoomRecord, Scorecard } from '../scoring/scorecard.js';
import { responseTimesChartOption, timelineChartOption } from './charts.js';
import type { Block, Cell, ReportDocument, Tone } from './document.js';
import {
  COMPONENT_DEFINITIONS, FIGURE_DEFINITIONS, headlineFigures, idWords, isoDay, minutesText, percentText, points, providersText, tPlus,
} from './figures.js';

// The scorecard of one session as a report: what a facilitator hands out after the drill.

/**
 * How a session ended, as the end of a sentence: "ended by the facilitator" (the console's reason
 * says it already), "ended: the scenario time limit was reached".
 */
export function endedText(reason: string): string {
  return /^ended\b/i.test(reason) ? `ended${reason.slice('ended'.length)}` : `ended: ${reason}`;
}

/** Points per lane of the printed timeline: about one per mark's width across the page. */
const TIMELINE_POINTS_PER_LANE = 400;

const STATUS_TONE: Record<string, Tone> = { 'on-time': 'good', answered: 'good', late: 'warn', started: 'warn', 'timed-out': 'warn', missed: 'bad', harmful: 'bad', unanswered: 'bad' };
const status = (text: string, extra: string[] = []): Cell => ({ text: [text, ...extra].join(', '), tone: STATUS_TONE[text] ?? 'muted' });
const QUALITY_TONE: Record<string, Tone> = { best: 'good', acceptable: 'muted', poor: 'warn', harmful: 'bad' };
const journalRef = (seq: number | null) => (seq === null ? '—' : `#${seq}`);
const percentCell = (percent: number | null): Cell => ({ text: percentText(percent), tone: percent === null ? 'muted' : percent >= 90 ? 'good' : percent >= 40 ? 'warn' : 'bad' });

/** Role ids to the plan's role titles, as the scorecard carries them. */
export function roleTitles(card: Scorecard): (id: string | null) => string {
  const titles = new Map(card.byRole.map((r) => [r.id, r.title]));
  return (id) => (id === null ? '—' : titles.get(id) ?? (id === 'facilitator' ? 'Facilitator' : id === 'system' ? 'System' : id));
}

/** A session as people know it: by the name the facilitator gave it, with its id to find its journal. */
export const sessionLabel = (session: { sessionId: string; sessionName?: string | undefined }): string =>
  (session.sessionName ? `"${session.sessionName}" (${session.sessionId})` : session.sessionId);

/** The subtitle line of a scorecard: plan, threat, clouds, mode, session and its date. */
export function scorecardSubtitle(card: Scorecard): string {
  return `${card.planTitle} · threat: ${idWords(card.threat)} · ${providersText(card.providers)} · ${card.mode} session ${sessionLabel(card)} · ${isoDay(card.startedAt)}`;
}

/** The provenance stamp every export carries: the content hashes and formats it was made from. */
export function provenance(card: Scorecard): string {
  return `scenario ${card.scenarioId} ${card.scenarioHash.slice(0, 19)} · plan ${card.planId} ${card.planHash.slice(0, 19)} · engine format ${card.engineFormat} · scorecard v${card.scorecardVersion}`;
}

export function scorecardDocument(card: Scorecard): ReportDocument {
  const role = roleTitles(card);
  const blocks: Block[] = [];
  const add = (...more: Block[]) => blocks.push(...more);

  add({ type: 'figures', figures: headlineFigures(card) });
  add({ type: 'paragraph', style: 'note', text: `${FIGURE_DEFINITIONS.simulatedTime}. The session ran for ${minutesText(card.durationMinutes)} of simulated time${card.endReason ? ` and ${endedText(card.endReason)}` : ''}.` });
  add({ type: 'chart', option: timelineChartOption(card, { pointsPerLane: TIMELINE_POINTS_PER_LANE }), aspect: 0.42, caption: 'Timeline: every inject, action, decision and milestone on the simulated clock. The shaded spans are the time to detect (T0 to detected) and the time to contain (detected to contained).' });

  add({ type: 'heading', level: 2, text: 'Score by part' });
  add({
    type: 'table',
    columns: [{ header: 'Part', width: 3 }, { header: 'Points', width: 1, align: 'right' }, { header: 'Out of', width: 1, align: 'right' }, { header: 'How it is scored', width: 7 }],
    rows: card.components.filter((c) => c.weight > 0).map((c) => [{ text: c.title, bold: true }, String(c.earned), String(c.weight), { text: COMPONENT_DEFINITIONS[c.id], tone: 'muted' }]),
  });

  add({ type: 'heading', level: 2, text: 'Time to detect, contain and recover' });
  add({ type: 'chart', option: responseTimesChartOption(card), aspect: 0.28, caption: 'Each time against the plan\'s target for the scenario\'s severity (green: within the target; red: over it or never reached).' });
  add({
    type: 'table',
    columns: [{ header: 'Measure', width: 2 }, { header: 'Figure', width: 1.2 }, { header: 'Target', width: 1 }, { header: 'Met', width: 0.8 }, { header: 'Definition', width: 5 }],
    rows: card.metrics.map((m) => [
      { text: m.title, bold: true }, minutesText(m.minutes), minutesText(m.targetMinutes),
      m.met === null ? { text: '—', tone: 'bad' } : m.met ? { text: 'yes', tone: 'good' } : { text: 'no', tone: 'bad' }, { text: m.definition, tone: 'muted' },
    ]),
  });

  const s = card.severity;
  add({ type: 'heading', level: 2, text: 'Severity classification' });
  add({
    type: 'paragraph',
    text: s.declared === null
      ? `No severity was declared. The scenario is Sev ${s.expected}; it was due by ${tPlus(s.deadlineMinutes)}.`
      : `Declared Sev ${s.declared} (expected Sev ${s.expected}: ${s.correct ? 'correct' : 'incorrect'})${s.firstDeclared !== s.declared ? `, first declared as Sev ${s.firstDeclared}` : ''}, at ${tPlus(s.declaredAtMinutes)} by ${role(s.declaredBy)}; the deadline was ${tPlus(s.deadlineMinutes)} (${s.onTime ? 'on time' : 'late'}). Journal entry ${journalRef(s.seq)}.`,
  });

  add({ type: 'heading', level: 2, text: 'Expected actions of the playbook' });
  add({
    type: 'table',
    definition: 'Each step of the plan\'s playbook for this threat: who owns it, when it was done and its due time (T+ simulated time). Points = weight × credit.',
    columns: [
      { header: 'Step', width: 3.6 }, { header: 'Owner', width: 2 }, { header: 'Status', width: 1.6 }, { header: 'Done by', width: 2 },
      { header: 'Done at', width: 1.5 }, { header: 'Due', width: 1.6 }, { header: 'Points', width: 1, align: 'right' }, { header: 'Notes', width: 2.7 },
    ],
    rows: card.expectedActions.map((e) => [
      e.title, role(e.owner), status(e.status, [...(e.wrongRole ? ['wrong role'] : []), ...(e.outOfOrder ? ['out of order'] : [])]), role(e.doneBy),
      tPlus(e.doneAtMinutes), tPlus(e.dueAtMinutes), `${points(e.credit * e.weight)}/${e.weight}`, { text: [...e.notes, ...(e.seq === null ? [] : [`journal ${journalRef(e.seq)}`])].join('; '), tone: 'muted' },
    ]),
  });

  if (card.harmfulActions.length > 0) {
    add({ type: 'heading', level: 2, text: 'Evidence destroyed' });
    add({
      type: 'table',
      definition: 'Actions that destroy evidence, taken before the actions that preserve it had completed.',
      columns: [{ header: 'Action', width: 4 }, { header: 'By', width: 2 }, { header: 'At', width: 1 }, { header: 'Taken before', width: 3 }, { header: 'Journal', width: 1 }],
      rows: card.harmfulActions.map((h) => [{ text: h.title, tone: 'bad' }, role(h.by), tPlus(h.atMinutes), h.missingPrerequisites.join(', '), journalRef(h.seq)]),
    });
  }

  add({ type: 'heading', level: 2, text: 'Communication duties' });
  add({
    type: 'table',
    empty: 'The scenario sets no communication duties.',
    columns: [{ header: 'Duty', width: 4 }, { header: 'Owner', width: 2 }, { header: 'Status', width: 1.5 }, { header: 'Done at', width: 1.5 }, { header: 'Due', width: 1.6 }, { header: 'Journal', width: 1 }],
    rows: card.duties.map((d) => [d.title, role(d.owner), status(d.status, d.wrongRole ? ['wrong role'] : []), tPlus(d.doneAtMinutes), tPlus(d.dueAtMinutes), journalRef(d.seq)]),
  });

  add({ type: 'heading', level: 2, text: 'Decisions' });
  add({
    type: 'table',
    empty: 'No decision was put to the team.',
    columns: [{ header: 'Decision', width: 5 }, { header: 'Role', width: 2 }, { header: 'Answer', width: 4 }, { header: 'Quality', width: 1.3 }, { header: 'Journal', width: 1 }],
    rows: card.decisions.map((d) => [
      d.prompt, role(d.role), d.status === 'answered' ? d.optionLabel ?? '—' : `${d.status}${d.optionLabel ? ` (default: ${d.optionLabel})` : ''}`,
      { text: d.quality ?? '—', tone: d.quality ? QUALITY_TONE[d.quality]! : 'bad' }, journalRef(d.seq),
    ]),
  });

  add({ type: 'heading', level: 2, text: 'Objectives (HSEEP ratings)' });
  add({
    type: 'table',
    definition: FIGURE_DEFINITIONS.objective,
    empty: 'The scenario names no objectives.',
    columns: [{ header: 'Objective', width: 6 }, { header: 'Capability', width: 3 }, { header: 'Rating', width: 3 }, { header: 'Score', width: 1, align: 'right' }],
    rows: card.objectives.map((o) => [o.title, o.capability, { text: `${o.rating}: ${o.ratingLabel}`, tone: o.rating === 'P' ? 'good' : o.rating === 'U' ? 'bad' : 'warn', bold: true }, percentCell(o.percent)]),
  });

  add({ type: 'heading', level: 2, text: `By phase (${card.byPhase.framework})` });
  add({
    type: 'table',
    definition: FIGURE_DEFINITIONS.phase,
    columns: [{ header: 'Phase', width: 4 }, { header: 'Points', width: 1, align: 'right' }, { header: 'Possible', width: 1, align: 'right' }, { header: 'Score', width: 1, align: 'right' }],
    rows: card.byPhase.phases.map((p) => [p.title, String(p.earned), String(p.possible), percentCell(p.percent)]),
  });
  add({ type: 'heading', level: 2, text: 'By role' });
  add({
    type: 'table',
    definition: FIGURE_DEFINITIONS.role,
    columns: [{ header: 'Role', width: 4 }, { header: 'Played by', width: 3 }, { header: 'Points', width: 1, align: 'right' }, { header: 'Possible', width: 1, align: 'right' }, { header: 'Score', width: 1, align: 'right' }],
    rows: card.byRole.map((r) => [r.title, card.participants[r.id] ?? '—', String(r.earned), String(r.possible), percentCell(r.percent)]),
  });

  add({ type: 'heading', level: 2, text: 'Strengths' });
  add({ type: 'bullets', items: card.strengths.length ? card.strengths.map((t) => ({ text: t, tone: 'good' })) : [{ text: 'None recorded.', tone: 'muted' }] });
  add({ type: 'heading', level: 2, text: 'Areas for improvement' });
  add({ type: 'bullets', items: card.areasForImprovement.length ? card.areasForImprovement.map((t) => ({ text: t, tone: 'bad' })) : [{ text: 'None recorded.', tone: 'muted' }] });
  if (card.observations.length > 0) {
    add({ type: 'heading', level: 2, text: 'Facilitator observations' });
    add({
      type: 'table',
      columns: [{ header: 'At', width: 1 }, { header: 'Kind', width: 1.2 }, { header: 'Objective', width: 1.2 }, { header: 'Observation', width: 8 }],
      rows: card.observations.map((o) => [tPlus(o.atMinutes), { text: o.tag, tone: o.tag === 'strength' ? 'good' : o.tag === 'improvement' ? 'bad' : 'muted' }, o.objective ?? '—', o.text]),
    });
  }

  add({ type: 'heading', level: 2, text: 'Timeline' });
  add({
    type: 'table',
    definition: 'Everything that happened, in simulated-time order: the journal\'s entries (#n) and what the engine derived from them (injects fired, milestones, deadlines).',
    columns: [{ header: 'Time', width: 1.3 }, { header: 'Kind', width: 1.9 }, { header: 'What', width: 6.7 }, { header: 'Who', width: 2 }, { header: 'Journal', width: 0.9 }],
    rows: card.timeline.map((t) => [tPlus(t.atMinutes), { text: t.kind, tone: 'muted' }, t.title, t.actor === null ? '—' : t.by ? `${t.by} (${role(t.actor)})` : role(t.actor), journalRef(t.seq)]),
  });
  if (card.room) roomBlocks(card, card.room, add, role);

  add({ type: 'heading', level: 2, text: 'About this scorecard' });
  add({ type: 'paragraph', style: 'note', text: `Scored against plan ${card.planTitle}. Derived from the session's journal by replay; the same journal always gives the same scorecard. ${provenance(card)}.` });

  return {
    kind: 'Drill scorecard',
    title: card.scenarioTitle,
    subtitle: scorecardSubtitle(card),
    footer: `Firedrill drill scorecard · session ${card.sessionId} · ${isoDay(card.startedAt)}`,
    blocks,
  };
}

const DRAFT_TITLES: Record<string, string> = { 'regulator-notification': 'Regulator notification', 'holding-statement': 'Holding statement', 'executive-briefing': 'Executive briefing' };

/** A LAN session's room: who took part, the evaluators' ratings beside the computed ones, their notes, the drafts and the bridge channel. */
function roomBlocks(card: Scorecard, room: RoomRecord, add: (block: Block) => void, role: (id: string) => string): void {
  add({ type: 'heading', level: 2, text: 'Who took part' });
  add({
    type: 'table',
    columns: [{ header: 'Name', width: 3 }, { header: 'Seat', width: 1.5 }, { header: 'Role', width: 3 }, { header: 'Joined', width: 1.2 }, { header: 'Removed', width: 1.2 }],
    rows: room.people.map((p) => [p.name, p.seat, p.role === null ? '—' : role(p.role), tPlus(p.joinedAtMinutes), p.removedAtMinutes === null ? '—' : tPlus(p.removedAtMinutes)]),
  });
  if (room.evaluatorRatings.length > 0) {
    const computed = new Map(card.objectives.map((o) => [o.id, o]));
    add({ type: 'heading', level: 2, text: "Evaluators' ratings" });
    add({
      type: 'table',
      definition: "An evaluator's HSEEP rating of an objective, with the reason, beside the rating Firedrill computed from the journal.",
      columns: [{ header: 'Objective', width: 3 }, { header: 'Evaluator', width: 2 }, { header: 'Rating', width: 1.6 }, { header: 'Computed', width: 1.6 }, { header: 'Reason', width: 5 }],
      rows: room.evaluatorRatings.map((r) => {
        const mine = computed.get(r.objective);
        return [mine?.title ?? r.objective, r.evaluator, `${r.rating}: ${r.ratingLabel}`, mine ? `${mine.rating}: ${mine.ratingLabel}` : '—', r.reason];
      }),
    });
  }
  if (room.evaluatorNotes.length > 0) {
    add({ type: 'heading', level: 2, text: "Evaluators' observations" });
    add({ type: 'table', columns: [{ header: 'At', width: 1 }, { header: 'Evaluator', width: 2 }, { header: 'Objective', width: 1.5 }, { header: 'Observation', width: 7 }], rows: room.evaluatorNotes.map((n) => [tPlus(n.atMinutes), n.evaluator, n.objective ?? '—', n.text]) });
  }
  if (room.drafts.length > 0) {
    add({ type: 'heading', level: 2, text: 'Drafts sent' });
    for (const d of room.drafts) {
      add({ type: 'heading', level: 3, text: `${DRAFT_TITLES[d.kind] ?? d.kind}: ${role(d.role)}${d.by ? ` (${d.by})` : ''}, ${tPlus(d.atMinutes)}` });
      add({ type: 'paragraph', text: d.text });
    }
  }
  if (room.chat.length > 0) {
    add({ type: 'heading', level: 2, text: 'Bridge channel' });
    add({ type: 'table', columns: [{ header: 'At', width: 1 }, { header: 'Who', width: 3 }, { header: 'Message', width: 8 }], rows: room.chat.map((m) => [tPlus(m.atMinutes), m.by ? `${m.by} (${m.actor === 'facilitator' ? 'facilitator' : role(m.actor)})` : m.actor === 'facilitator' ? 'Facilitator' : role(m.actor), m.text]) });
  }
}
