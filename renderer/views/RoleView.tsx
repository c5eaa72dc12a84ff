import { useEffect, useMemo } from 'react';
import { clockText } from '../../engine/format/time-text.js';
import { useAppState, useCommand } from '../app/app-context.js';
import { routeHash } from '../app/route.js';
import { useDocuments } from '../app/use-documents.js';
import { ActionLibrary } from '../facilitator/ActionLibrary.js';
import { DecisionAlert } from '../facilitator/DecisionAlert.js';
import { InjectFeed } from '../facilitator/InjectFeed.js';
import { PendingDecisions } from '../facilitator/PendingDecisions.js';
import { useSimNow } from '../facilitator/use-sim-now.js';
import { injectsForRole, roleTitle } from '../store/session-selectors.js';

/**
 * What one role sees: the injects addressed to it, its own actions and its decisions, and
 * whether the clock runs. Its address names the session (#/role/<session>/<role>), so it
 * opens in a new tab or on another screen; the local-network mode can later serve it alone.
 */
export function RoleView({ sessionId, roleId }: { sessionId: string; roleId: string }) {
  const command = useCommand();
  const view = useAppState((state) => (state.view?.sessionId === sessionId ? state.view : null));
  const problem = useAppState((state) => state.problem);
  const { plan, scenario } = useDocuments(view?.planId, view?.scenarioId);
  const now = useSimNow(view);
  const injects = useMemo(() => (view ? injectsForRole(view, roleId) : []), [view, roleId]);
  const decisions = useMemo(() => (view ? view.openDecisions.filter((decision) => decision.role === roleId) : []), [view, roleId]);

  // Opened by its address (a new tab, a reload), the role view opens its session itself.
  useEffect(() => {
    if (!view) void command('session.open', { sessionId });
  }, [view, sessionId, command]);

  if (!view) return <p role="status">{problem ?? 'Opening the session…'}</p>;
  if (!plan || !scenario) return <p role="status">Loading…</p>;
  const title = roleTitle(plan, roleId);
  const state = view.ended ? 'Ended' : view.paused ? 'Paused' : 'Running';
  return (
    <div className="role-view">
      <div className="console-title">
        <h1>{title}{view.participants[roleId] ? ` — ${view.participants[roleId]}` : ''}</h1>
        <output className="sim-time small" aria-label="Simulated time">{clockText(now, { seconds: true })}</output>
        <span className={`clock-state ${view.paused || view.ended ? 'paused' : 'running'}`} aria-label="Clock">{state}</span>
        <a className="button" href={routeHash({ name: 'console', sessionId })}>Back to the console</a>
      </div>
      {view.paused && !view.ended && <p className="paused-banner" role="status">The clock is paused: nothing happens until the facilitator resumes it.</p>}
      <DecisionAlert decisions={decisions} plan={plan} />
      <div className="console-grid two">
        <InjectFeed heading={`Injects for ${title}`} injects={injects} scenario={scenario} plan={plan} />
        <div className="column">
          <PendingDecisions view={view} now={now} plan={plan} decisions={decisions} />
          <ActionLibrary view={view} now={now} plan={plan} scenario={scenario} actingRole={roleId} onlyRole />
        </div>
      </div>
    </div>
  );
}
