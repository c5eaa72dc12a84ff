import { memo, useCallback, useMemo } from 'react';
import type { Plan, PlanAction } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { useCommand } from '../app/app-context.js';
import { formatCountdown } from '../format/sim-time.js';
import { actionsByPhase, roleTitle } from '../store/session-selectors.js';

interface ActionRowProps {
  action: PlanAction;
  owners: string;
  owned: boolean;
  disabled: boolean;
  /** "in progress, 4:00 left" while the action runs. */
  progress: string | null;
  onTake: (action: string) => void;
}

/** One action: memoised, so as the clock moves only the rows of running actions render again. */
const ActionRow = memo(function ActionRow({ action, owners, owned, disabled, progress, onTake }: ActionRowProps) {
  return (
    <li className={owned ? 'owned' : ''}>
      <button type="button" disabled={disabled} onClick={() => onTake(action.id)} aria-label={`Take action: ${action.title}`}>Take</button>
      <span className="action-title">{action.title}</span>
      <span className="owner">{owners}</span>
      {progress && <span className="running">{progress}</span>}
    </li>
  );
});

/**
 * The plan's action library grouped by phase, taken on behalf of the acting role. With
 * `onlyRole`, just that role's own actions (the role view).
 */
export function ActionLibrary({ view, now, plan, scenario, actingRole, onlyRole }: { view: SessionView; now: number; plan: Plan; scenario: Scenario; actingRole: string; onlyRole?: boolean }) {
  const command = useCommand();
  const inProgress = new Map(view.actionsInProgress.map((action) => [action.action, action]));
  const { sessionId } = view;
  const take = useCallback(
    (action: string) => void command('session.input', { sessionId, actor: actingRole, input: { type: 'action.taken', action } }),
    [command, sessionId, actingRole],
  );
  // Computed once per plan and role, not on every clock tick.
  const role = onlyRole ? actingRole : undefined;
  const groups = useMemo(() => actionsByPhase(plan, { role, providers: scenario.providers }), [plan, role, scenario.providers]);
  const owners = useMemo(() => new Map(plan.actions.map((action) => [action.id, action.roles.map((r) => roleTitle(plan, r)).join(', ')])), [plan]);
  return (
    <section className="panel actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Plan actions{onlyRole ? '' : ` (taken as ${roleTitle(plan, actingRole)})`}</h2>
      {groups.map((group) => (
        <details key={group.phase} className="phase-group" open={group.phase === view.phase}>
          <summary>{group.title} <span className="count">{group.actions.length}</span></summary>
          <ul className="action-list">
            {group.actions.map((action) => {
              const running = inProgress.get(action.id);
              return (
                <ActionRow key={action.id} action={action} owners={owners.get(action.id)!} owned={action.roles.includes(actingRole)}
                  disabled={!!view.ended} progress={running ? `in progress, ${formatCountdown(running.completesAt - now)} left` : null} onTake={take} />
              );
            })}
          </ul>
        </details>
      ))}
    </section>
  );
}
