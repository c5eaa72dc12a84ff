import { memo } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { formatSimTime } from '../format/sim-time.js';
import { roleTitle } from '../store/session-selectors.js';

/** The plan's communication duties this scenario triggers, checked off as their actions are taken. */
export const DutiesChecklist = memo(function DutiesChecklist({ view, plan, scenario }: { view: SessionView; plan: Plan; scenario: Scenario }) {
  const duties = plan.duties.filter((duty) => scenario.duties.includes(duty.id));
  const deadlines = new Map(view.deadlines.map((deadline) => [deadline.id, deadline]));
  return (
    <section className="panel duties" aria-labelledby="duties-heading">
      <h2 id="duties-heading">Communication duties</h2>
      {duties.length === 0 && <p className="empty">This scenario sets no communication duty.</p>}
      <ul className="checklist">
        {duties.map((duty) => {
          const deadline = deadlines.get(`duty:${duty.id}`);
          const met = deadline?.metAt != null;
          return (
            <li key={duty.id} className={met ? 'met' : deadline?.passed ? 'missed' : ''}>
              <span aria-hidden="true">{met ? '☑' : '☐'}</span>
              <span>
                <strong>{duty.title}</strong> · {roleTitle(plan, duty.owner)}
                {duty.reference && <small className="definition">{duty.reference}</small>}
              </span>
              <span className="duty-state">{met ? `done ${formatSimTime(deadline!.metAt!)}` : deadline ? (deadline.passed ? 'overdue' : `due ${formatSimTime(deadline.dueAt)}`) : 'not yet due'}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
});
