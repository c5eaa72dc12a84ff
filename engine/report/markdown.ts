import { formatDuration } from '../format/duration.js';
import type { Scorecard } from '../scoring/scorecard.js';

const minutes = (m: number | null) => (m === null ? 'not reached' : formatDuration(Math.round(m) * 60_000));
const cell = (text: string | number | null | undefined) => String(text ?? '—').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const percent = (p: number | null) => (p === null ? '—' : `${p}%`);

/** The scorecard as Markdown: what a facilitator pastes into a wiki or a ticket. */
export function scorecardToMarkdown(card: Scorecard): string {
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);
  const table = (header: string[], rows: (string | number | null)[][]) => {
    push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
    for (const row of rows) push(`| ${row.map(cell).join(' | ')} |`);
    push('');
  };

  push(`# Drill scorecard: ${card.scenarioTitle}`, '');
  push(`Scenario \`${card.scenarioId}\` · plan ${card.planTitle} (\`${card.planId}\`) · threat ${card.threat} · ${card.providers.join(', ')} · ${card.mode} session \`${card.sessionId}\``, '');
  push(`## Overall score: ${card.overallScore} / 100`, '');
  table(['Part', 'Points', 'Out of'], card.components.filter((c) => c.weight > 0).map((c) => [c.title, c.earned, c.weight]));

  push('## Time to detect, contain and recover (simulated time)', '');
  table(['Measure', 'Figure', 'Target', 'Met', 'Definition'], card.metrics.map((m) => [m.title, minutes(m.minutes), minutes(m.targetMinutes), m.met === null ? '—' : m.met ? 'yes' : 'no', m.definition]));

  push('## Severity', '');
  const s = card.severity;
  push(s.declared === null
    ? `No severity declared; expected Sev ${s.expected}, due by T+${minutes(s.deadlineMinutes)}.`
    : `Declared Sev ${s.declared} (expected Sev ${s.expected}: ${s.correct ? 'correct' : 'incorrect'}), first declared at T+${minutes(s.declaredAtMinutes)} by ${s.declaredBy}, deadline T+${minutes(s.deadlineMinutes)} (${s.onTime ? 'on time' : 'late'}). Journal entry ${s.seq}.`, '');

  push('## Expected actions', '');
  table(['Step', 'Owner', 'Status', 'Done by', 'Done at', 'Due', 'Points', 'Journal', 'Notes'], card.expectedActions.map((e) => [
    e.title, e.owner, e.status + (e.wrongRole ? ', wrong role' : '') + (e.outOfOrder ? ', out of order' : ''), e.doneBy,
    e.doneAtMinutes === null ? null : `T+${minutes(e.doneAtMinutes)}`, e.dueAtMinutes === null ? null : `T+${minutes(e.dueAtMinutes)}`,
    `${Math.round(e.credit * e.weight * 100) / 100}/${e.weight}`, e.seq === null ? null : `#${e.seq}`, e.notes.join('; '),
  ]));

  if (card.harmfulActions.length > 0) {
    push('## Evidence destroyed', '');
    table(['Action', 'By', 'At', 'Before', 'Journal'], card.harmfulActions.map((h) => [h.title, h.by, `T+${minutes(h.atMinutes)}`, h.missingPrerequisites.join(', '), `#${h.seq}`]));
  }
  if (card.duties.length > 0) {
    push('## Communication duties', '');
    table(['Duty', 'Owner', 'Status', 'Done at', 'Due', 'Journal'], card.duties.map((d) => [
      d.title, d.owner, d.status + (d.wrongRole ? ', wrong role' : ''), d.doneAtMinutes === null ? null : `T+${minutes(d.doneAtMinutes)}`,
      d.dueAtMinutes === null ? null : `T+${minutes(d.dueAtMinutes)}`, d.seq === null ? null : `#${d.seq}`,
    ]));
  }
  if (card.decisions.length > 0) {
    push('## Decisions', '');
    table(['Decision', 'Role', 'Answer', 'Quality', 'Status', 'Journal'], card.decisions.map((d) => [d.prompt, d.role, d.optionLabel, d.quality, d.status, d.seq === null ? null : `#${d.seq}`]));
  }
  push(`## By phase (${card.byPhase.framework})`, '');
  table(['Phase', 'Score'], card.byPhase.phases.map((p) => [p.title, percent(p.percent)]));
  push('## By role', '');
  table(['Role', 'Score'], card.byRole.map((r) => [r.title, percent(r.percent)]));
  push('## Objectives (HSEEP ratings)', '');
  table(['Objective', 'Capability', 'Rating', 'Score'], card.objectives.map((o) => [o.title, o.capability, `${o.rating}: ${o.ratingLabel}`, percent(o.percent)]));

  push('## Strengths', '', ...(card.strengths.length ? card.strengths.map((t) => `- ${t}`) : ['- none recorded']), '');
  push('## Areas for improvement', '', ...(card.areasForImprovement.length ? card.areasForImprovement.map((t) => `- ${t}`) : ['- none recorded']), '');
  if (card.observations.length > 0) {
    push('## Facilitator observations', '');
    for (const o of card.observations) push(`- T+${minutes(o.atMinutes)} (${o.tag}${o.objective ? `, ${o.objective}` : ''}): ${o.text}`);
    push('');
  }
  push('## Timeline', '');
  table(['Time', 'What', 'Who', 'Journal'], card.timeline.map((t) => [`T+${minutes(t.atMinutes)}`, `${t.kind}: ${t.title}`, t.actor, t.seq === null ? null : `#${t.seq}`]));
  return lines.join('\n');
}
