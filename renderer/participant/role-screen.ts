import type { ChatMessageView, DraftView, RoleRef, RoleView } from '../../engine/protocol/index.js';
import type { ChatMessage } from './BridgeChat.js';
import type { SentDraft } from './Drafts.js';
import type { InboxMessage } from './Inbox.js';
import type { RoleAction } from './RoleActions.js';
import type { RoleDecision } from './RoleDecisions.js';

// The server's view of a role (engine/protocol/audience.ts) as the participant's screen draws
// it: pure functions, so the screen's components keep their own small props.

const titleOf = (roles: readonly RoleRef[], id: string): string => roles.find((role) => role.id === id)?.title ?? id;

/** Who wrote it: the participant's name, "Facilitator", or the role's title when the facilitator wrote for it. */
function authorOf(roles: readonly RoleRef[], actor: string, participant: { name: string } | null): { author: string; roleTitle: string | null } {
  if (actor === 'facilitator') return { author: participant?.name ?? 'Facilitator', roleTitle: null };
  return { author: participant?.name ?? titleOf(roles, actor), roleTitle: titleOf(roles, actor) };
}

export const chatOf = (roles: readonly RoleRef[], chat: readonly ChatMessageView[]): ChatMessage[] =>
  chat.map((message) => ({ seq: message.seq, at: message.at, text: message.text, ...authorOf(roles, message.actor, message.participant) }));

export const draftsOf = (roles: readonly RoleRef[], drafts: readonly DraftView[]): SentDraft[] =>
  drafts.map((draft) => ({ seq: draft.seq, at: draft.at, kind: draft.kind, text: draft.text, ...authorOf(roles, draft.role, draft.participant) }));

export const inboxOf = (view: RoleView): InboxMessage[] =>
  view.inbox.map((inject) => ({ id: inject.id, title: inject.title, channel: inject.channel, firedAt: inject.firedAt, from: inject.from, body: inject.body, artifacts: inject.artifacts }));

/** The name behind a take: the participant who took it, else whoever played the role. */
function takerOf(view: RoleView, by: string, participant: { name: string } | null | undefined): string {
  if (participant) return participant.name;
  if (by === 'facilitator') return 'the facilitator';
  return titleOf(view.roles, by);
}

export const actionsOf = (view: RoleView): RoleAction[] =>
  view.actions.map((action) => ({
    id: action.id,
    title: action.title,
    phase: action.phase,
    phaseTitle: titleOf(view.phases, action.phase),
    taken: action.taken
      ? { by: takerOf(view, action.taken.by, action.taken.participant), takenAt: action.taken.takenAt, completesAt: action.taken.completesAt }
      : null,
  }));

export const decisionsOf = (view: RoleView): RoleDecision[] =>
  view.openDecisions.map((decision) => ({ id: decision.id, prompt: decision.prompt, options: decision.options, openedAt: decision.openedAt, expiresAt: decision.expiresAt }));
