import { useEffect, useMemo } from 'react';
import { useAppState, useCommand } from '../app/app-context.js';
import { navigate } from '../app/route.js';
import { electronBridge } from '../client/firedrill-bridge.js';
import { projectorHref } from '../views/ProjectorView.js';
import { useDocuments } from '../app/use-documents.js';
import { firedInjects } from '../store/session-selectors.js';
import { ActionLibrary } from './ActionLibrary.js';
import { ClockPanel } from './ClockPanel.js';
import { DutiesChecklist } from './DutiesChecklist.js';
import { InjectFeed } from './InjectFeed.js';
import { MselTimeline } from './MselTimeline.js';
import { ObservationForm } from './ObservationForm.js';
import { ObservationList } from './ObservationList.js';
import { PendingDecisions } from './PendingDecisions.js';
import { SeverityDeclaration } from './SeverityDeclaration.js';
import { useSimNow } from './use-sim-now.js';
import { useShortcuts } from './use-shortcuts.js';

/** The facilitator console of a running session. */
export function ConsoleView({ sessionId }: { sessionId: string }) {
  const command = useCommand();
  const view = useAppState((state) => (state.view?.sessionId === sessionId ? state.view : null));
  const actingRoleChoice = useAppState((state) => state.actingRole);
  const setActingRole = useAppState((state) => state.setActingRole);
  const setShortcutsOpen = useAppState((state) => state.setShortcutsOpen);
  const { plan, scenario } = useDocuments(view?.planId, view?.scenarioId);
  const now = useSimNow(view);
  const fired = useMemo(() => (view ? firedInjects(view) : []), [view]);

  // Opening the console by its address (a reload, a bookmark) reopens the session.
  useEffect(() => {
    if (!view) void command('session.open', { sessionId });
  }, [view, sessionId, command]);

  const bindings = useMemo(() => ({
    Space: () => view && !view.ended && void command(view.paused ? 'clock.resume' : 'clock.pause', { sessionId }),
    n: () => view?.nextInject && !view.ended && void command('clock.jump', { sessionId }),
    '?': () => setShortcutsOpen(true),
  }), [view, sessionId, command, setShortcutsOpen]);
  useShortcuts(bindings);

  if (!view || !plan || !scenario) return <p role="status">Opening the session…</p>;
  const actingRole = actingRoleChoice && plan.roles.some((role) => role.id === actingRoleChoice) ? actingRoleChoice : plan.roles[0]!.id;
  // The room's screen: a second window in the desktop app, a new tab in the browser with the
  // projector's read-only token (never the facilitator's).
  const openProjector = async () => {
    const bridge = electronBridge();
    if (bridge) return void bridge.openProjector(sessionId);
    const granted = await command('projector.token', { sessionId });
    if (granted) window.open(projectorHref(window.location, sessionId, granted.token), '_blank', 'noopener');
  };
  const end = async () => {
    if (!view.ended && !(await command('session.end', { sessionId, reason: 'ended by the facilitator' }))) return;
    navigate({ name: 'debrief', sessionId });
  };
  return (
    <div className="console">
      <div className="console-title">
        <h1>{view.scenarioTitle}</h1>
        <label className="field inline role-switcher">
          <span>Acting as</span>
          <select value={actingRole} onChange={(event) => setActingRole(event.target.value)}>
            {plan.roles.map((role) => <option key={role.id} value={role.id}>{role.title}{view.participants[role.id] ? ` (${view.participants[role.id]})` : ''}</option>)}
          </select>
        </label>
        <a className="button" href={`#/role/${encodeURIComponent(actingRole)}`}>Open the role view</a>
        <button type="button" onClick={() => void openProjector()}>Open the projector view</button>
        <button type="button" className="danger" onClick={() => void end()}>{view.ended ? 'Show the debrief' : 'End the session'}</button>
      </div>
      <ClockPanel view={view} now={now} plan={plan} scenario={scenario} />
      <div className="console-grid">
        <div className="column">
          <MselTimeline view={view} now={now} scenario={scenario} />
          <ObservationForm view={view} scenario={scenario} />
          <ObservationList observations={view.observations} scenario={scenario} />
        </div>
        <div className="column">
          <InjectFeed injects={fired} scenario={scenario} plan={plan} />
        </div>
        <div className="column">
          <PendingDecisions view={view} now={now} plan={plan} decisions={view.openDecisions} />
          <SeverityDeclaration view={view} plan={plan} actingRole={actingRole} />
          <DutiesChecklist view={view} plan={plan} scenario={scenario} />
          <ActionLibrary view={view} now={now} plan={plan} scenario={scenario} actingRole={actingRole} />
        </div>
      </div>
    </div>
  );
}
