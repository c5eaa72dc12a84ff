import { memo } from 'react';
import type { Due, Duty, Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import { clockText, durationText } from '../../engine/format/time-text.js';
import { timeLeftText } from '../format/deadline-text.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { roleTitle } from '../store/session-selectors.js';

const FROM_WORDS: Record<Due['from'], string> = {
  detection: 'of detection',
  'severity-deadline': 'after the severity deadline',
  containment: 'of containment',
};

/** Where a duty stands: met (when, by whom), overdue, due (by when), or not counting yet. */
function dutyStatus(duty: Duty, view: SessionView, now: number, plan: Plan): { label: string; tone: string; detail: string } {
  const deadline = view.deadlines.find((one) => one.id === `duty:${duty.id}`);
  const take = view.actionsTaken.find((one) => duty.actions.includes(one.action) && one.completesAt <= now);
  if (deadline?.metAt != null || (take && !deadline)) {
    const at = deadline?.metAt ?? take!.completesAt;
    return { label: 'Met', tone: 'met', detail: `at ${clockText(at)}${take ? ` by ${roleTitle(plan, take.by)}` : ''}` };
  }
  if (deadline?.passed) return { label: 'Overdue', tone: 'missed', detail: `was due at ${clockText(deadline.dueAt)}` };
  if (deadline) return { label: 'Due', tone: 'due', detail: `by ${clockText(deadline.dueAt)} · ${timeLeftText(deadline.dueAt - now)} left` };
  return { label: 'Not counting yet', tone: 'waiting', detail: `its clock starts ${duty.due.from === 'containment' ? 'at containment' : 'at detection'}` };
}

/**
 * The plan's communication duties this scenario triggers, each with how it is met: which plan
 * action discharges it, by which role, and by when. Statuses, not checkboxes: a duty is met by
 * taking its action (in Plan actions), not by ticking it here.
 */
export const DutiesPanel = memo(function DutiesPanel({ view, now, plan, scenario }: { view: SessionView; now: number; plan: Plan; scenario: Scenario }) {
  const duties = plan.duties.filter((duty) => scenario.duties.includes(duty.id));
  const actionTitle = (id: string) => plan.actions.find((action) => action.id === id)?.title ?? id;
  return (
    <section className="panel duties" aria-labelledby="duties-heading">
      <h2 id="duties-heading" tabIndex={-1}>Communication duties</h2>
      {duties.length === 0 && <p className="empty">This scenario sets no communication duty.</p>}
      <ul className="duty-list">
        {duties.map((duty) => {
          const status = dutyStatus(duty, view, now, plan);
          return (
            <li key={duty.id} className={`duty duty-${status.tone}`}>
              <div className="duty-head">
                <strong>{duty.title}</strong>
                <span className={`status-pill ${status.tone}`}>{status.label}</span>
              </div>
              <p className="duty-detail">{status.detail}</p>
              <dl className="duty-how">
                <div><dt>Met by</dt><dd>{duty.actions.map(actionTitle).join(' or ')}</dd></div>
                <div><dt>Owner</dt><dd>{roleTitle(plan, duty.owner)}</dd></div>
                <div><dt>Due</dt><dd>within {durationText(duty.due.within)} {FROM_WORDS[duty.due.from]}</dd></div>
                {duty.reference && <div><dt>Reference</dt><dd>{duty.reference}</dd></div>}
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
