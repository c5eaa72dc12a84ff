import * as Tabs from '@radix-ui/react-tabs';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { clockText } from '../../engine/format/time-text.js';
import { useMediaQuery } from '../app/use-media-query.js';
import { BridgeChat, type ChatMessage } from './BridgeChat.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { Drafts, type DraftKind, type SentDraft } from './Drafts.js';
import { Inbox, unreadCounts, type InboxMessage } from './Inbox.js';
import { RoleActions, type RoleAction } from './RoleActions.js';
import { RoleDecisions, type RoleDecision } from './RoleDecisions.js';

export type ParticipantPanel = 'inbox' | 'decisions' | 'actions' | 'bridge' | 'drafts';

/** Everything one participant's screen shows, and what they may do: their role's part of the session only. */
export interface ParticipantScreenProps {
  scenarioTitle: string;
  roleTitle: string;
  name: string;
  /** Others playing the same role (two who picked it at once, or put there by the facilitator): an action is taken once, by any of them. */
  partners?: readonly string[];
  now: number;
  paused: boolean;
  ended: boolean;
  /** The connection dropped: what is shown is as it was, and nothing can be sent until it is back. */
  reconnecting: boolean;
  /** The host has not answered for a while (not a short drop): said so, with Try again now. */
  hostGone?: boolean;
  onRetry?: () => void;
  inbox: readonly InboxMessage[];
  read: ReadonlySet<string>;
  onRead: (id: string) => void;
  actions: readonly RoleAction[];
  currentPhase: string | null;
  onTake: (action: string) => Promise<unknown>;
  decisions: readonly RoleDecision[];
  onAnswer: (decision: string, option: string) => Promise<unknown>;
  chat: readonly ChatMessage[];
  onChat: (text: string) => Promise<boolean>;
  drafts: readonly SentDraft[];
  draftText: Partial<Record<DraftKind, string>>;
  onDraftText: (kind: DraftKind, text: string) => void;
  onDraft: (kind: DraftKind, text: string) => Promise<boolean>;
  onLeave: () => void;
}

/** Two panes from a small laptop (or a tablet held sideways), three on a wide screen; one column of tabs on a phone. */
const TWO_PANES = '(min-width: 760px)';
const THREE_PANES = '(min-width: 1400px)';

interface PanelTab {
  id: ParticipantPanel;
  label: string;
  count?: number;
  urgent?: boolean;
  panel: ReactNode;
}

/** A pane of tabbed panels that scrolls inside itself; every panel stays mounted (a message being written survives a switch). */
function Pane({ label, tabs, value, onChange }: { label: string; tabs: PanelTab[]; value: ParticipantPanel; onChange: (panel: ParticipantPanel) => void }) {
  if (tabs.length === 1) return <div className="pane">{tabs[0]!.panel}</div>;
  const current = tabs.some((tab) => tab.id === value) ? value : tabs[0]!.id;
  return (
    <Tabs.Root className="pane tabbed" value={current} onValueChange={(next) => onChange(next as ParticipantPanel)}>
      <Tabs.List className="pane-tabs" aria-label={label}>
        {tabs.map((tab) => (
          <Tabs.Trigger key={tab.id} value={tab.id} className={tab.urgent ? 'urgent' : undefined}>
            {tab.label}{tab.count ? ` (${tab.count})` : ''}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <div className="pane-body">
        {tabs.map((tab) => <Tabs.Content key={tab.id} value={tab.id} forceMount className="pane-panel">{tab.panel}</Tabs.Content>)}
      </div>
    </Tabs.Root>
  );
}

/** The clock as the participant sees it: the time, and whether it runs. */
function ParticipantClock({ now, paused, ended }: { now: number; paused: boolean; ended: boolean }) {
  const state = ended ? 'Ended' : paused ? 'Paused' : 'Running';
  return (
    <div className="participant-clock">
      <output className="sim-time small" aria-label="Simulated time">{clockText(now, { seconds: true })}</output>
      <span className={`clock-state ${paused || ended ? 'paused' : 'running'}`} aria-label="Clock">{state}</span>
    </div>
  );
}

/**
 * One participant's own screen, from a 360 px phone to a laptop: the clock and whether it runs,
 * the inbox of the injects sent to my role, my decisions with their countdown, my actions, the
 * team's bridge channel and the drafts. A decision put to the role is announced wherever the
 * participant is.
 */
export function ParticipantScreen(props: ParticipantScreenProps) {
  const { scenarioTitle, roleTitle, name, now, paused, ended, reconnecting } = props;
  const twoPanes = useMediaQuery(TWO_PANES);
  const threePanes = useMediaQuery(THREE_PANES);
  const [panel, setPanel] = useState<ParticipantPanel>('inbox');
  const [sidePanel, setSidePanel] = useState<ParticipantPanel>('decisions');
  const blocked = ended || reconnecting;
  // In, or moved to another role: the focus on the role's name (a screen reader says where they are; the next Tab starts here).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [roleTitle]);
  const unread = unreadCounts(props.inbox, props.read).all;

  const inbox: PanelTab = { id: 'inbox', label: 'Inbox', count: unread, panel: <Inbox messages={props.inbox} read={props.read} onRead={props.onRead} /> };
  const decisions: PanelTab = {
    id: 'decisions', label: 'Decisions', count: props.decisions.length, urgent: props.decisions.length > 0,
    panel: <RoleDecisions decisions={props.decisions} now={now} ended={blocked} onAnswer={props.onAnswer} />,
  };
  const actions: PanelTab = { id: 'actions', label: 'Actions', panel: <RoleActions actions={props.actions} now={now} ended={blocked} currentPhase={props.currentPhase} onTake={props.onTake} /> };
  const bridge: PanelTab = { id: 'bridge', label: 'Bridge', panel: <BridgeChat messages={props.chat} me={name} disabled={blocked} onSend={props.onChat} /> };
  const drafts: PanelTab = {
    id: 'drafts', label: 'Drafts',
    panel: <Drafts sent={props.drafts} disabled={blocked} text={props.draftText} onText={props.onDraftText} onSend={props.onDraft} />,
  };

  // Where "show the decision" goes: the pane that holds the decisions.
  const showDecisions = () => {
    if (twoPanes) setSidePanel('decisions');
    else setPanel('decisions');
    requestAnimationFrame(() => document.getElementById('role-decisions-heading')?.focus());
  };
  const decisionsShown = twoPanes ? sidePanel === 'decisions' : panel === 'decisions';

  return (
    <div className="participant">
      <header className="participant-header">
        <div className="participant-who">
          <h1 tabIndex={-1} ref={heading}>{roleTitle}</h1>
          <p className="hint">{name} · {scenarioTitle}</p>
          {props.partners && props.partners.length > 0 && <p className="hint role-partners">Also playing {roleTitle}: {props.partners.join(', ')}</p>}
        </div>
        <ParticipantClock now={now} paused={paused} ended={ended} />
        <button type="button" onClick={props.onLeave}>Leave</button>
      </header>
      {reconnecting && <ConnectionBanner gone={props.hostGone ?? false} onRetry={() => props.onRetry?.()} />}
      {paused && !ended && !reconnecting && <p className="paused-banner" role="status">The clock is paused: nothing happens until the facilitator resumes it.</p>}
      {ended && <p className="paused-banner" role="status">The session has ended. Thank you for playing.</p>}
      <div className="decision-alert-region" aria-live="assertive" aria-atomic="true">
        {props.decisions.length > 0 && !decisionsShown && (
          <div className="decision-alert" role="group" aria-label="Decision waiting">
            <p><strong>{props.decisions.length === 1 ? 'A decision is waiting for you' : `${props.decisions.length} decisions are waiting for you`}</strong>: {props.decisions.map((decision) => decision.prompt).join('; ')}</p>
            <button type="button" className="primary" onClick={showDecisions}>Show the decision</button>
          </div>
        )}
      </div>
      {threePanes ? (
        <div className="participant-panes three">
          <Pane label="Inbox" tabs={[inbox]} value="inbox" onChange={setPanel} />
          <Pane label="Response" tabs={[decisions, actions]} value={sidePanel} onChange={setSidePanel} />
          <Pane label="Team" tabs={[bridge, drafts]} value={panel === 'drafts' ? 'drafts' : 'bridge'} onChange={setPanel} />
        </div>
      ) : twoPanes ? (
        <div className="participant-panes">
          <Pane label="Inbox" tabs={[inbox]} value="inbox" onChange={setPanel} />
          <Pane label="Response" tabs={[decisions, actions, bridge, drafts]} value={sidePanel} onChange={setSidePanel} />
        </div>
      ) : (
        <div className="participant-panes one">
          <Pane label="Sections" tabs={[inbox, decisions, actions, bridge, drafts]} value={panel} onChange={setPanel} />
        </div>
      )}
    </div>
  );
}
