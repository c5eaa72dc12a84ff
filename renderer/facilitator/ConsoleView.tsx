import * as Tabs from '@radix-ui/react-tabs';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { useAppState, useAppStore, useCommand } from '../app/app-context.js';
import { projectorHref } from '../app/projector-address.js';
import { navigate, routeHash } from '../app/route.js';
import { useDocuments } from '../app/use-documents.js';
import { useMediaQuery } from '../app/use-media-query.js';
import { useInFlight } from '../app/use-in-flight.js';
import { electronBridge } from '../client/firedrill-bridge.js';
import { firedInjects, heldInjects, upcomingInjects } from '../store/session-selectors.js';
import type { ConsolePanel, ResponsePanel, StoryPanel } from '../store/ui-slice.js';
import { ScrollParent } from '../ui/VirtualList.js';
import { ActionLibrary } from './ActionLibrary.js';
import { ClockBar } from './ClockBar.js';
import { DecisionAlert } from './DecisionAlert.js';
import { DutiesPanel } from './DutiesPanel.js';
import { EndSessionDialog } from './EndSessionDialog.js';
import { InjectFeed } from './InjectFeed.js';
import { MselTimeline } from './MselTimeline.js';
import { PauseBanner } from './PauseBanner.js';
import { OBSERVATION_NOTE_ID, ObservationForm } from './ObservationForm.js';
import { ObservationList } from './ObservationList.js';
import { PendingDecisions } from './PendingDecisions.js';
import { RoomPanel } from './RoomPanel.js';
import { TeamPanel } from './TeamPanel.js';
import { SEVERITY_LEVEL_ID, SeverityDeclaration } from './SeverityDeclaration.js';
import { useShortcuts } from './use-shortcuts.js';
import { useSimNow } from './use-sim-now.js';

/** Where a shortcut or skip link to a panel puts the focus: its first control, or its heading. */
const PANEL_FOCUS: Record<ConsolePanel, string> = {
  feed: 'feed-heading',
  msel: 'msel-heading',
  observations: OBSERVATION_NOTE_ID,
  decisions: 'decisions-heading',
  severity: SEVERITY_LEVEL_ID,
  actions: 'actions-heading',
  duties: 'duties-heading',
  room: 'lobby-heading',
  team: 'bridge-heading',
};

/** From this width the inject feed has a column of its own; below it, it is a tab beside the MSEL. */
const WIDE = '(min-width: 1500px)';

interface PaneTab<T extends string> {
  id: T;
  label: string;
  /** A count shown beside the label; `urgent` draws the eye (a decision waiting). */
  count?: number;
  urgent?: boolean;
  panel: ReactNode;
}

/**
 * One column of the console: tabs (Radix) over panels that scroll inside the column, so the
 * console fits the screen and the clock bar stays in view. Every panel stays mounted (a note
 * being written or a level chosen survives a switch); the hidden ones are only not shown.
 */
function Pane<T extends string>({ label, tabs, value, onChange }: { label: string; tabs: PaneTab<T>[]; value: T; onChange: (value: T) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const current = tabs.some((tab) => tab.id === value) ? value : tabs[0]!.id;
  if (tabs.length === 1) {
    return (
      <div className="pane" ref={scroller}>
        <ScrollParent.Provider value={scroller}>{tabs[0]!.panel}</ScrollParent.Provider>
      </div>
    );
  }
  return (
    <Tabs.Root className="pane tabbed" value={current} onValueChange={(next) => onChange(next as T)}>
      <Tabs.List className="pane-tabs" aria-label={label}>
        {tabs.map((tab) => (
          <Tabs.Trigger key={tab.id} value={tab.id} className={tab.urgent ? 'urgent' : undefined}>
            {tab.count === undefined ? tab.label : `${tab.label} (${tab.count})`}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <div className="pane-body" ref={scroller}>
        <ScrollParent.Provider value={scroller}>
          {tabs.map((tab) => <Tabs.Content key={tab.id} value={tab.id} forceMount className="pane-panel">{tab.panel}</Tabs.Content>)}
        </ScrollParent.Provider>
      </div>
    </Tabs.Root>
  );
}

/** The console's panels, each in the pane it belongs to, with what its tab shows. */
function usePanels(view: SessionView, now: number, plan: Plan, scenario: Scenario, actingRole: string) {
  const fired = useMemo(() => firedInjects(view), [view]);
  const story: PaneTab<StoryPanel>[] = [
    { id: 'feed', label: 'Inject feed', count: fired.length, panel: <InjectFeed injects={fired} scenario={scenario} plan={plan} /> },
    { id: 'msel', label: 'MSEL', count: upcomingInjects(view).length + heldInjects(view).length, panel: <MselTimeline view={view} now={now} scenario={scenario} /> },
    {
      id: 'observations', label: 'Observations', count: view.observationCount,
      panel: <><ObservationForm view={view} scenario={scenario} /><ObservationList observations={view.observations} count={view.observationCount} scenario={scenario} /></>,
    },
    // LAN mode and the lobby: who plays from their own device.
    { id: 'room', label: 'Room', panel: <RoomPanel sessionId={view.sessionId} /> },
    // What the participants wrote: the bridge channel, drafts, evaluations.
    { id: 'team', label: 'Team', count: (view.room?.chat.length ?? 0) + (view.room?.drafts.length ?? 0), panel: <ConsoleTeam view={view} plan={plan} scenario={scenario} /> },
  ];
  const response: PaneTab<ResponsePanel>[] = [
    { id: 'decisions', label: 'Decisions', count: view.openDecisions.length, urgent: view.openDecisions.length > 0, panel: <PendingDecisions view={view} now={now} plan={plan} decisions={view.openDecisions} /> },
    { id: 'severity', label: 'Severity', panel: <SeverityDeclaration view={view} plan={plan} actingRole={actingRole} /> },
    { id: 'actions', label: 'Actions', panel: <ActionLibrary view={view} now={now} plan={plan} scenario={scenario} actingRole={actingRole} /> },
    { id: 'duties', label: 'Duties', panel: <DutiesPanel view={view} now={now} plan={plan} scenario={scenario} /> },
  ];
  return { story, response };
}

/** The team panel on the facilitator's view: the room's record, and the facilitator's own posts to the bridge. */
function ConsoleTeam({ view, plan, scenario }: { view: SessionView; plan: Plan; scenario: Scenario }) {
  const command = useCommand();
  const roles = useMemo(() => plan.roles.map((role) => ({ id: role.id, title: role.title })), [plan]);
  const room = view.room;
  return (
    <TeamPanel roles={roles} objectives={scenario.objectives} chat={room?.chat ?? []} drafts={room?.drafts ?? []} ratings={room?.ratings ?? []} notes={room?.evaluatorNotes ?? []}
      onChat={async (text) => (await command('chat.post', { sessionId: view.sessionId, text })) !== undefined} />
  );
}

/** Shows and focuses the panel a shortcut or skip link asked for, once it is on screen. */
function usePanelRequests() {
  const request = useAppState((state) => state.panelRequest);
  useEffect(() => {
    if (!request) return;
    const target = document.getElementById(PANEL_FOCUS[request.panel]);
    target?.scrollIntoView?.({ block: 'nearest' });
    target?.focus();
  }, [request]);
}

/** The facilitator console of a running session. */
export function ConsoleView({ sessionId }: { sessionId: string }) {
  const command = useCommand();
  const store = useAppStore();
  const view = useAppState((state) => (state.view?.sessionId === sessionId ? state.view : null));
  const actingRoleChoice = useAppState((state) => state.actingRole);
  const storyPanel = useAppState((state) => state.storyPanel);
  const responsePanel = useAppState((state) => state.responsePanel);
  const { setActingRole, setShortcutsOpen, showPanel } = store.getState();
  const { plan, scenario } = useDocuments(view?.planId, view?.scenarioId);
  const now = useSimNow(view);
  const wide = useMediaQuery(WIDE);
  const [confirmEnd, setConfirmEnd] = useState(false);
  usePanelRequests();

  // Opening the console by its address (a reload, a bookmark) reopens the session.
  useEffect(() => {
    if (!view) void command('session.open', { sessionId });
  }, [view, sessionId, command]);

  const running = view && !view.ended;
  useShortcuts({
    Space: () => running && void command(view.paused ? 'clock.resume' : 'clock.pause', { sessionId }),
    n: () => running && view.nextStop && void command('clock.jump', { sessionId }),
    '?': () => setShortcutsOpen(true),
    d: () => showPanel('decisions'),
    s: () => showPanel('severity'),
    a: () => showPanel('actions'),
    u: () => showPanel('duties'),
    f: () => showPanel('feed'),
    m: () => showPanel('msel'),
    o: () => showPanel('observations'),
  });

  if (!view || !plan || !scenario) return <p role="status">Opening the session…</p>;
  return <Console view={view} now={now} plan={plan} scenario={scenario} wide={wide} actingRoleChoice={actingRoleChoice} storyPanel={storyPanel} responsePanel={responsePanel}
    onActingRole={setActingRole} onPanel={(panel) => showPanel(panel, { focus: false })} onGoTo={(panel) => showPanel(panel)} confirmEnd={confirmEnd} setConfirmEnd={setConfirmEnd} />;
}

interface ConsoleProps {
  view: SessionView;
  now: number;
  plan: Plan;
  scenario: Scenario;
  wide: boolean;
  actingRoleChoice: string | null;
  storyPanel: StoryPanel;
  responsePanel: ResponsePanel;
  onActingRole: (role: string) => void;
  /** Switches tabs without moving the focus (a tab clicked). */
  onPanel: (panel: ConsolePanel) => void;
  /** Shows a panel and focuses it (a button that leads there). */
  onGoTo: (panel: ConsolePanel) => void;
  confirmEnd: boolean;
  setConfirmEnd: (open: boolean) => void;
}

function Console({ view, now, plan, scenario, wide, actingRoleChoice, storyPanel, responsePanel, onActingRole, onPanel, onGoTo, confirmEnd, setConfirmEnd }: ConsoleProps) {
  const command = useCommand();
  const { sessionId } = view;
  const actingRole = actingRoleChoice && plan.roles.some((role) => role.id === actingRoleChoice) ? actingRoleChoice : plan.roles[0]!.id;
  const { story, response } = usePanels(view, now, plan, scenario, actingRole);
  const resuming = useInFlight();
  // The room's screen: a second window in the desktop app, a new tab in the browser with the
  // projector's read-only token (never the facilitator's).
  const openProjector = async () => {
    const bridge = electronBridge();
    if (bridge) return void bridge.openProjector(sessionId);
    const granted = await command('projector.token', { sessionId });
    if (granted) window.open(projectorHref(window.location, sessionId, granted.token), '_blank', 'noopener');
  };
  // The dialog stays open, its buttons waiting, until the host has ended the session.
  const end = async () => {
    if (await command('session.end', { sessionId, reason: 'ended by the facilitator' })) navigate({ name: 'debrief', sessionId });
  };
  return (
    <div className="console">
      <div className="console-title">
        {/* Kept to one line on a laptop: the whole title is its tooltip. */}
        <h1 title={view.scenarioTitle}>{view.scenarioTitle}</h1>
        <label className="field inline role-switcher">
          <span>Acting as</span>
          <select value={actingRole} onChange={(event) => onActingRole(event.target.value)}>
            {plan.roles.map((role) => <option key={role.id} value={role.id}>{role.title}{view.participants[role.id] ? ` (${view.participants[role.id]})` : ''}</option>)}
          </select>
        </label>
        <a className="button" href={routeHash({ name: 'role', sessionId, roleId: actingRole })}>Open the role view</a>
        <button type="button" onClick={() => void openProjector()}>Open the projector view</button>
      </div>
      <ClockBar view={view} now={now} plan={plan} scenario={scenario}>
        {view.ended
          ? <button type="button" className="danger" onClick={() => navigate({ name: 'debrief', sessionId })}>Show the debrief</button>
          : <button type="button" className="danger" onClick={() => setConfirmEnd(true)}>End the session</button>}
      </ClockBar>
      <PauseBanner view={view} sending={resuming.sending} onResume={() => void resuming.once(() => command('clock.resume', { sessionId }))} />
      <DecisionAlert decisions={view.openDecisions} plan={plan} onShow={() => onGoTo('decisions')} />
      {wide ? (
        <div className="console-panes three">
          <Pane label="Scenario" tabs={story.filter((tab) => tab.id !== 'feed')} value={storyPanel} onChange={onPanel} />
          <Pane label="Inject feed" tabs={story.filter((tab) => tab.id === 'feed')} value="feed" onChange={onPanel} />
          <Pane label="Response" tabs={response} value={responsePanel} onChange={onPanel} />
        </div>
      ) : (
        <div className="console-panes">
          <Pane label="Scenario" tabs={story} value={storyPanel} onChange={onPanel} />
          <Pane label="Response" tabs={response} value={responsePanel} onChange={onPanel} />
        </div>
      )}
      <EndSessionDialog open={confirmEnd} onOpenChange={setConfirmEnd} onEnd={end} />
    </div>
  );
}
