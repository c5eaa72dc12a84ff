import type { Plan } from '../../engine/format/plan.js';
import { clockText } from '../../engine/format/time-text.js';
import { timeLeftText } from '../format/deadline-text.js';
import type { OpenDecisionView, SessionView } from '../../engine/protocol/index.js';
import { useCommand } from '../app/app-context.js';
import { useInFlight } from '../app/use-in-flight.js';
import { roleTitle } from '../store/session-selectors.js';

/** Decisions put to the team and not yet answered, with the time left; answered as the decision's role. */
export function PendingDecisions({ view, now, plan, decisions }: { view: SessionView; now: number; plan: Plan; decisions: OpenDecisionView[] }) {
  const command = useCommand();
  const { sending, once } = useInFlight();
  return (
    <section className="panel decisions" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading" tabIndex={-1}>Pending decisions</h2>
      {decisions.length === 0 && <p className="empty">No decision is waiting.</p>}
      {decisions.map((decision) => (
        <fieldset key={decision.id} className="decision">
          <legend>{decision.prompt}</legend>
          <p className="hint">
            For {roleTitle(plan, decision.role)}
            {decision.openedAt !== null && <> · put to the team at {clockText(decision.openedAt)}</>}
            {decision.expiresAt !== null && <> · <strong className="countdown">{timeLeftText(decision.expiresAt - now)} left</strong></>}
          </p>
          <div className="buttons">
            {decision.options.map((option) => (
              <button key={option.id} type="button" disabled={!!view.ended || sending}
                onClick={() => void once(() => command('session.input', { sessionId: view.sessionId, actor: decision.role, input: { type: 'decision.answered', decision: decision.id, option: option.id } }))}>
                {option.label}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
    </section>
  );
}
