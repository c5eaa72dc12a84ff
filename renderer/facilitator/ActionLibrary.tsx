import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { useCommand } from '../app/app-context.js';
import { formatCountdown } from '../format/sim-time.js';
import { actionsByPhase, roleTitle } from '../store/session-selectors.js';

/**
 * The plan's action library grouped by phase, taken on behalf of the acting role. With
 * `onlyRole`, just that role's own actions (the role view).
 */
export function ActionLibrary({ view, now, plan, scenario, actingRole, onlyRole }: { view: SessionView; now: number; plan: Plan; scenario: Scenario; actingRole: string; onlyRole?: boolean }) {
  const command = useCommand();
  const inProgress = new Map(view.actionsInProgress.map((action) => [action.action, action]));
  const take = (action: string) => void command('session.input', { sessionId: view.sessionId, actor: actingRole, input: { type: 'action.taken', action } });
  return (
    <section className="panel actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Plan actions{onlyRole ? '' : ` (taken as ${roleTitle(plan, actingRole)})`}</h2>
      {actionsByPhase(plan, { role: onlyRole ? actingRole : undefined, providers: scenario.providers }).map((group) => (
        <details key={group.phase} className="phase-group" open={group.phase === view.phase}>
          <summary>{group.title} <span className="count">{group.actions.length}</span></summary>
          <ul className="action-list">
            {group.actions.map((action) => {
              const running = inProgress.get(action.id);
              return (
                <li key={action.id} className={action.roles.includes(actingRole) ? 'owned' : ''}>
                  <button type="button" disabled={!!view.ended} onClick={() => take(action.id)} aria-label={`Take action: ${action.title}`}>Take</button>
                  <span className="action-title">{action.title}</span>
                  <span className="owner">{action.roles.map((role) => roleTitle(plan, role)).join(', ')}</span>
                  {running && <span className="running">in progress, {formatCountdown(running.completesAt - now)} left</span>}
                </li>
              );
            })}
          </ul>
        </details>
      ))}
    </section>
  );
}
