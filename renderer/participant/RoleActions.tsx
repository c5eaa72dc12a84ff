import { memo, useCallback, useRef, useState } from 'react';
import { clockText } from '../../engine/format/time-text.js';
import { timeLeftText } from '../format/deadline-text.js';

/** One of my role's plan actions, and what became of it. */
export interface RoleAction {
  id: string;
  title: string;
  phase: string;
  phaseTitle: string;
  /** Once taken (an action is taken once, by anyone in the role): by whom, when, and when it completes. */
  taken: { by: string; takenAt: number; completesAt: number } | null;
}

/** An action's state in words: "In progress: taken by Grace at T+00:12, 4 min 30 s left" (a countdown of fixed width), "Done at T+00:22: taken by Grace at T+00:12". */
export function roleActionState(taken: NonNullable<RoleAction['taken']>, now: number, ended: boolean): { text: string; done: boolean } {
  if (taken.completesAt <= now) return { text: `Done at ${clockText(taken.completesAt)}: taken by ${taken.by} at ${clockText(taken.takenAt)}`, done: true };
  if (ended) return { text: `Taken by ${taken.by} at ${clockText(taken.takenAt)}: not finished when the session ended`, done: false };
  return { text: `In progress: taken by ${taken.by} at ${clockText(taken.takenAt)}, ${timeLeftText(taken.completesAt - now)} left`, done: false };
}

const ActionItem = memo(function ActionItem({ action, stateText, done, sending, disabled, onTake }: {
  action: RoleAction; stateText: string | null; done: boolean; sending: boolean; disabled: boolean; onTake: (id: string) => void;
}) {
  const taken = action.taken !== null;
  return (
    <li className={taken ? `taken ${done ? 'done' : 'running'}` : undefined}>
      <button type="button" disabled={disabled || sending || taken} aria-busy={sending} aria-label={`Take action: ${action.title}`} onClick={() => onTake(action.id)}>
        {sending ? 'Taking…' : taken ? (done ? 'Done' : 'Taken') : 'Take'}
      </button>
      <span className="action-title">{action.title}</span>
      {stateText && <span className="action-state">{stateText}</span>}
    </li>
  );
});

/**
 * My role's actions from the plan, by phase, each with its state: to take, in progress (by whom,
 * time left) or done. Take is disabled while the command is on its way (a double tap takes once)
 * and for good once the journal has it.
 */
export function RoleActions({ actions, now, ended, currentPhase, onTake }: {
  actions: readonly RoleAction[]; now: number; ended: boolean; currentPhase: string | null; onTake: (id: string) => Promise<unknown>;
}) {
  const [sending, setSending] = useState<ReadonlySet<string>>(new Set());
  const inFlight = useRef(new Set<string>());
  const take = useCallback((id: string) => {
    if (inFlight.current.has(id)) return;
    inFlight.current.add(id);
    setSending((before) => new Set(before).add(id));
    void onTake(id).finally(() => {
      inFlight.current.delete(id);
      setSending((before) => {
        const next = new Set(before);
        next.delete(id);
        return next;
      });
    });
  }, [onTake]);
  const phases: { phase: string; title: string; actions: RoleAction[] }[] = [];
  for (const action of actions) {
    const group = phases.find((one) => one.phase === action.phase);
    if (group) group.actions.push(action);
    else phases.push({ phase: action.phase, title: action.phaseTitle, actions: [action] });
  }
  const takenCount = actions.filter((action) => action.taken).length;
  return (
    <section className="panel actions" aria-labelledby="role-actions-heading">
      <h2 id="role-actions-heading" tabIndex={-1}>My actions <span className="count">{takenCount} of {actions.length} taken</span></h2>
      {actions.length === 0 && <p className="empty">The plan gives your role no action on this scenario's clouds.</p>}
      {phases.map((group) => {
        const taken = group.actions.filter((action) => action.taken).length;
        return (
          <details key={group.phase} className="phase-group" open={group.phase === currentPhase || group.actions.some((action) => action.taken && action.taken.completesAt > now)}>
            <summary>{group.title} <span className="count">{taken > 0 ? `${taken} of ${group.actions.length} taken` : group.actions.length}</span></summary>
            <ul className="action-list">
              {group.actions.map((action) => {
                const state = action.taken ? roleActionState(action.taken, now, ended) : null;
                return <ActionItem key={action.id} action={action} stateText={state?.text ?? null} done={state?.done ?? false} sending={sending.has(action.id)} disabled={ended} onTake={take} />;
              })}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
