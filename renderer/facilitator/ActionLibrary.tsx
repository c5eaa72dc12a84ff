import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type { Plan, PlanAction } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import { clockText } from '../../engine/format/time-text.js';
import { timeLeftText } from '../format/deadline-text.js';
import type { ActionTakenView, SessionView } from '../../engine/protocol/index.js';
import { useCommand } from '../app/app-context.js';
import { actionsByPhase, roleTitle } from '../store/session-selectors.js';

/** An action's state in words: "Taken at T+00:12 by Cloud Security Analyst · in progress, 4 min 30 s left", or "Done at T+00:22…"; a participant who took it from their own device by name. */
export function actionState(taken: ActionTakenView, now: number, ended: boolean, plan: Plan): { text: string; done: boolean } {
  const by = taken.participant ? `${taken.participant.name} (${roleTitle(plan, taken.by)})` : roleTitle(plan, taken.by);
  if (taken.completesAt <= now) return { text: `Done at ${clockText(taken.completesAt)} · taken by ${by} at ${clockText(taken.takenAt)}`, done: true };
  if (ended) return { text: `Taken by ${by} at ${clockText(taken.takenAt)} · not finished when the session ended`, done: false };
  return { text: `Taken by ${by} at ${clockText(taken.takenAt)} · in progress, ${timeLeftText(taken.completesAt - now)} left`, done: false };
}

interface ActionRowProps {
  action: PlanAction;
  owners: string;
  owned: boolean;
  ended: boolean;
  /** The command is on its way: Take stays disabled until the answer comes back. */
  sending: boolean;
  /** What became of it, once taken; null while it has not been. */
  stateText: string | null;
  done: boolean;
  onTake: (action: string) => void;
}

/** One action: memoised, so as the clock moves only the rows of running actions render again. */
const ActionRow = memo(function ActionRow({ action, owners, owned, ended, sending, stateText, done, onTake }: ActionRowProps) {
  const taken = stateText !== null;
  return (
    <li className={`${owned ? 'owned' : ''}${taken ? ` taken${done ? ' done' : ' running'}` : ''}`}>
      <button type="button" disabled={ended || sending || taken} aria-busy={sending} onClick={() => onTake(action.id)} aria-label={`Take action: ${action.title}`}>
        {sending ? 'Taking…' : taken ? (done ? 'Done' : 'Taken') : 'Take'}
      </button>
      <span className="action-title">{action.title}</span>
      <span className="owner">{owners}</span>
      {stateText && <span className="action-state">{stateText}</span>}
    </li>
  );
});

/**
 * The plan's action library grouped by phase, taken on behalf of the acting role. An action is
 * taken once: its Take button is disabled while the command is on its way and for good once
 * the journal has it, and the row says who took it, when, and whether it is done. With
 * `onlyRole`, just that role's own actions (the role view).
 */
export function ActionLibrary({ view, now, plan, scenario, actingRole, onlyRole }: { view: SessionView; now: number; plan: Plan; scenario: Scenario; actingRole: string; onlyRole?: boolean }) {
  const command = useCommand();
  const [sending, setSending] = useState<ReadonlySet<string>>(new Set());
  // The same set, read synchronously: a double click's second click comes before any render.
  const inFlight = useRef(new Set<string>());
  const taken = new Map<string, ActionTakenView>();
  for (const take of view.actionsTaken) if (!taken.has(take.action)) taken.set(take.action, take);
  const { sessionId } = view;
  const take = useCallback((action: string) => {
    // A second click (or key press) before the answer finds the action already on its way.
    if (inFlight.current.has(action)) return;
    inFlight.current.add(action);
    setSending((now) => new Set(now).add(action));
    void command('session.input', { sessionId, actor: actingRole, input: { type: 'action.taken', action } }).finally(() => {
      inFlight.current.delete(action);
      setSending((now) => {
        const next = new Set(now);
        next.delete(action);
        return next;
      });
    });
  }, [command, sessionId, actingRole]);
  // Computed once per plan and role, not on every clock tick.
  const role = onlyRole ? actingRole : undefined;
  const groups = useMemo(() => actionsByPhase(plan, { role, providers: scenario.providers }), [plan, role, scenario.providers]);
  const owners = useMemo(() => new Map(plan.actions.map((action) => [action.id, action.roles.map((r) => roleTitle(plan, r)).join(', ')])), [plan]);
  return (
    <section className="panel actions" aria-labelledby="actions-heading">
      <h2 id="actions-heading" tabIndex={-1}>Plan actions{onlyRole ? '' : ` (taken as ${roleTitle(plan, actingRole)})`}</h2>
      {groups.map((group) => {
        const done = group.actions.filter((action) => taken.has(action.id)).length;
        return (
          <details key={group.phase} className="phase-group" open={group.phase === view.phase}>
            <summary>{group.title} <span className="count">{done > 0 ? `${done} of ${group.actions.length} taken` : group.actions.length}</span></summary>
            <ul className="action-list">
              {group.actions.map((action) => {
                const first = taken.get(action.id);
                const state = first ? actionState(first, now, !!view.ended, plan) : null;
                return (
                  <ActionRow key={action.id} action={action} owners={owners.get(action.id)!} owned={action.roles.includes(actingRole)} ended={!!view.ended}
                    sending={sending.has(action.id)} stateText={state?.text ?? null} done={state?.done ?? false} onTake={take} />
                );
              })}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
