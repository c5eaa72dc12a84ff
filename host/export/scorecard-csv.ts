import { headlineFigures, points, tPlus } from '../../engine/report/figures.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { csvText } from './csv.js';

// The scorecard as one CSV file for a spreadsheet: one header, and a `table` column that says
// which table each row belongs to: `figure` (the overall score and the three times, with their
// definitions), `expected-action` (one row per step of the playbook) and `timeline` (one row
// per timeline entry). Columns a table does not use are left empty.

export const SCORECARD_CSV_COLUMNS = [
  'table', 'seq', 'at_minutes', 'time', 'kind', 'ref', 'title', 'actor', 'phase', 'owner', 'status', 'done_by', 'done_at_minutes',
  'due_at_minutes', 'late_by_minutes', 'points', 'out_of', 'wrong_role', 'out_of_order', 'evidence_destroyed', 'value', 'target_minutes', 'met',
  'definition', 'notes',
] as const;
type Row = Partial<Record<(typeof SCORECARD_CSV_COLUMNS)[number], string | number | boolean | null>>;

export function scorecardCsvRows(card: Scorecard): Row[] {
  const figures: Row[] = headlineFigures(card).map((f) => {
    const metric = card.metrics.find((m) => m.milestone === f.id);
    return {
      table: 'figure', kind: f.id, title: f.title, value: f.id === 'overall' ? card.overallScore : metric?.minutes ?? null,
      target_minutes: metric?.targetMinutes ?? null, met: metric?.met ?? null, definition: f.definition,
    };
  });
  const actions: Row[] = card.expectedActions.map((e) => ({
    table: 'expected-action', seq: e.seq, ref: e.step, title: e.title, phase: e.phase, owner: e.owner, status: e.status, actor: e.doneBy, done_by: e.doneBy,
    at_minutes: e.takenAtMinutes, time: e.takenAtMinutes === null ? null : tPlus(e.takenAtMinutes), done_at_minutes: e.doneAtMinutes, due_at_minutes: e.dueAtMinutes,
    late_by_minutes: e.lateByMinutes, points: points(e.credit * e.weight), out_of: e.weight, wrong_role: e.wrongRole, out_of_order: e.outOfOrder,
    evidence_destroyed: e.evidenceDestroyed, notes: e.notes.join('; '),
  }));
  const timeline: Row[] = card.timeline.map((t) => ({
    table: 'timeline', seq: t.seq, at_minutes: t.atMinutes, time: tPlus(t.atMinutes), kind: t.kind, ref: t.ref, title: t.title, actor: t.actor,
  }));
  return [...figures, ...actions, ...timeline];
}

export function scorecardToCsv(card: Scorecard): string {
  return csvText(scorecardCsvRows(card), SCORECARD_CSV_COLUMNS);
}
