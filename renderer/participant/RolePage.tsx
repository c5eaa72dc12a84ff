import { useCallback, useMemo, useState } from 'react';
import type { ParticipantSelf, RoleView } from '../../engine/protocol/index.js';
import { useSimNow } from '../facilitator/use-sim-now.js';
import type { DraftKind } from './Drafts.js';
import type { JoinLink } from './join-link.js';
import { ParticipantScreen } from './ParticipantScreen.js';
import { actionsOf, chatOf, decisionsOf, draftsOf, inboxOf } from './role-screen.js';
import { keep, loadKept } from '../client/device-storage.js';

/** A command id: sent again after a drop, the host records it once. */
const commandId = (): string => crypto.randomUUID();

/**
 * A participant in a role, on their own device: the server's view of their role drawn by
 * ParticipantScreen, their inputs sent as theirs (the host takes the actor from their token).
 * What they read and the drafts they are writing stay on the device.
 */
export function RolePage({ view, me, link, reconnecting, hostGone, onRetry, onLeave, onProblem }: {
  view: RoleView;
  me: ParticipantSelf;
  link: JoinLink;
  reconnecting: boolean;
  /** Not answering for a while, not a short drop. */
  hostGone: boolean;
  onRetry: () => void;
  onLeave: () => void;
  onProblem: (problem: string | null) => void;
}) {
  const sessionId = view.sessionId;
  const now = useSimNow(view);
  const [read, setRead] = useState<ReadonlySet<string>>(() => new Set(loadKept<string[]>(sessionId, `read.${me.participant}`, [])));
  const [draftText, setDraftText] = useState<Partial<Record<DraftKind, string>>>(() => loadKept(sessionId, `drafts.${me.participant}`, {}));

  const onRead = useCallback((id: string) => setRead((before) => {
    const next = new Set(before).add(id);
    keep(sessionId, `read.${me.participant}`, [...next]);
    return next;
  }), [sessionId, me.participant]);
  const onDraftText = useCallback((kind: DraftKind, text: string) => setDraftText((before) => {
    const next = { ...before, [kind]: text };
    keep(sessionId, `drafts.${me.participant}`, next);
    return next;
  }), [sessionId, me.participant]);

  /** Sends one command; a refusal is said in the status line, and the form keeps what was typed. */
  const run = useCallback(async (send: () => Promise<unknown>): Promise<boolean> => {
    try {
      await send();
      onProblem(null);
      return true;
    } catch (error) {
      onProblem((error as Error).message);
      return false;
    }
  }, [onProblem]);

  const onTake = useCallback((action: string) => run(() => link.send('audience.input', { sessionId, commandId: commandId(), input: { type: 'action.taken', action } })), [link, run, sessionId]);
  const onAnswer = useCallback((decision: string, option: string) =>
    run(() => link.send('audience.input', { sessionId, commandId: commandId(), input: { type: 'decision.answered', decision, option } })), [link, run, sessionId]);
  const onChat = useCallback((text: string) => run(() => link.send('chat.post', { sessionId, commandId: commandId(), text })), [link, run, sessionId]);
  const onDraft = useCallback((kind: DraftKind, text: string) => run(() => link.send('draft.send', { sessionId, commandId: commandId(), kind, text })), [link, run, sessionId]);

  const inbox = useMemo(() => inboxOf(view), [view]);
  const actions = useMemo(() => actionsOf(view), [view]);
  const decisions = useMemo(() => decisionsOf(view), [view]);
  const chat = useMemo(() => chatOf(view.roles, view.chat), [view]);
  const drafts = useMemo(() => draftsOf(view.roles, view.drafts), [view]);
  const partners = useMemo(() => view.team.filter((person) => person.role === view.role.id && person.id !== me.participant).map((person) => person.name), [view, me.participant]);

  return (
    <ParticipantScreen
      scenarioTitle={view.name ?? view.scenarioTitle} roleTitle={view.role.title} name={me.name} partners={partners}
      now={now} paused={view.paused} ended={view.ended !== null} reconnecting={reconnecting} hostGone={hostGone} onRetry={onRetry}
      inbox={inbox} read={read} onRead={onRead}
      actions={actions} currentPhase={view.phase} onTake={onTake}
      decisions={decisions} onAnswer={onAnswer}
      chat={chat} onChat={onChat}
      drafts={drafts} draftText={draftText} onDraftText={onDraftText} onDraft={onDraft}
      onLeave={onLeave}
    />
  );
}
