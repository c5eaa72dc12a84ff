import { useMemo } from 'react';
import { useAppState } from '../app/app-context.js';
import { useDocuments } from '../app/use-documents.js';
import { ActionLibrary } from '../facilitator/ActionLibrary.js';
import { InjectFeed } from '../facilitator/InjectFeed.js';
import { PendingDecisions } from '../facilitator/PendingDecisions.js';
import { useSimNow } from '../facilitator/use-sim-now.js';
import { formatSimTime } from '../format/sim-time.js';
import { injectsForRole, roleTitle } from '../store/session-selectors.js';

/**
 * What one role sees: the injects addressed to it, its own actions and its decisions. A route
 * of its own, so the local-network mode can later serve it alone to a participant's laptop.
 */
export function RoleView({ roleId }: { roleId: string }) {
  const view = useAppState((state) => state.view);
  const { plan, scenario } = useDocuments(view?.planId, view?.scenarioId);
  const now = useSimNow(view);
  const injects = useMemo(() => (view ? injectsForRole(view, roleId) : []), [view, roleId]);
  if (!view) return <p role="status">No session is open: start or resume one from the library first.</p>;
  if (!plan || !scenario) return <p role="status">Loading…</p>;
  const title = roleTitle(plan, roleId);
  return (
    <div className="role-view">
      <div className="console-title">
        <h1>{title}{view.participants[roleId] ? ` — ${view.participants[roleId]}` : ''}</h1>
        <output className="sim-time small" aria-label="Simulated time">{formatSimTime(now)}</output>
        <a className="button" href={`#/session/${encodeURIComponent(view.sessionId)}`}>Back to the console</a>
      </div>
      <div className="console-grid two">
        <InjectFeed heading={`Injects for ${title}`} injects={injects} scenario={scenario} plan={plan} />
        <div className="column">
          <PendingDecisions view={view} now={now} plan={plan} decisions={view.openDecisions.filter((decision) => decision.role === roleId)} />
          <ActionLibrary view={view} now={now} plan={plan} scenario={scenario} actingRole={roleId} onlyRole />
        </div>
      </div>
    </div>
  );
}
