import { useMemo } from 'react';
import { clockText } from '../../engine/format/time-text.js';
import type { ChatMessageView, DraftView, EvaluatorNoteView, RatingView, RoleRef } from '../../engine/protocol/index.js';
import { ratingTitle } from '../observer/EvaluatorForm.js';
import { BridgeChat } from '../participant/BridgeChat.js';
import { draftTitle } from '../participant/Drafts.js';
import { chatOf, draftsOf } from '../participant/role-screen.js';
import '../participant/participant.css';

/**
 * What the participants wrote, as the facilitator follows it: the bridge channel (the
 * facilitator may post to it too), the drafts every role sent, and the evaluators' ratings and
 * notes. All of it is journaled and goes into the debrief.
 */
export function TeamPanel({ roles, objectives, chat, drafts, ratings, notes, onChat }: {
  roles: readonly RoleRef[];
  objectives: readonly { id: string; title: string }[];
  chat: readonly ChatMessageView[];
  drafts: readonly DraftView[];
  ratings: readonly RatingView[];
  notes: readonly EvaluatorNoteView[];
  onChat: (text: string) => Promise<boolean>;
}) {
  const messages = useMemo(() => chatOf(roles, chat), [roles, chat]);
  const sent = useMemo(() => draftsOf(roles, drafts).sort((a, b) => b.seq - a.seq), [roles, drafts]);
  const objectiveTitle = (id: string | null) => objectives.find((one) => one.id === id)?.title ?? id ?? '';
  return (
    <div className="team-panel">
      <BridgeChat messages={messages} me="Facilitator" disabled={false} onSend={onChat} />
      <section className="panel" aria-labelledby="team-drafts-heading">
        <h2 id="team-drafts-heading">Drafts</h2>
        {sent.length === 0 && <p className="empty">No role has sent a draft yet.</p>}
        <ol className="draft-list">
          {sent.map((draft) => (
            <li key={draft.seq}>
              <article aria-label={`${draftTitle(draft.kind)} by ${draft.author}`}>
                <p className="chat-meta"><strong>{draftTitle(draft.kind)}</strong> · {draft.author}{draft.roleTitle && <> ({draft.roleTitle})</>} · <time>{clockText(draft.at)}</time></p>
                <p className="draft-text">{draft.text}</p>
              </article>
            </li>
          ))}
        </ol>
      </section>
      <section className="panel" aria-labelledby="team-ratings-heading">
        <h2 id="team-ratings-heading">Evaluators</h2>
        {ratings.length === 0 && notes.length === 0 && <p className="empty">No evaluator has rated an objective or noted anything yet.</p>}
        <ol className="team-log">
          {ratings.map((one) => (
            <li key={one.seq}><strong>{one.rating}</strong> ({ratingTitle(one.rating)}) · {objectiveTitle(one.objective)} · {one.evaluator.name} at {clockText(one.at)}<p className="draft-text">{one.reason}</p></li>
          ))}
          {notes.map((one) => (
            <li key={one.seq}>{one.evaluator.name} at {clockText(one.at)}{one.objective ? ` · ${objectiveTitle(one.objective)}` : ''}<p className="draft-text">{one.text}</p></li>
          ))}
        </ol>
      </section>
    </div>
  );
}
