import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { clockText } from '../../engine/format/time-text.js';
import type { ObserverView, ParticipantSelf } from '../../engine/protocol/index.js';
import { useSimNow } from '../facilitator/use-sim-now.js';
import { EvaluatorForm, NO_UNSENT_EVALUATION, type EegRating, type UnsentEvaluation } from '../observer/EvaluatorForm.js';
import { draftTitle } from './Drafts.js';
import { ConnectionBanner } from './ConnectionBanner.js';
import { Inbox } from './Inbox.js';
import type { JoinLink } from './join-link.js';
import { chatOf, draftsOf } from './role-screen.js';
import { keep, loadKept } from '../client/device-storage.js';

const commandId = (): string => crypto.randomUUID();

/** What the device kept of an evaluation being written, if it has the expected shape. */
function unsentOf(value: unknown): UnsentEvaluation {
  const kept = value as Partial<UnsentEvaluation> | null;
  if (typeof kept?.note !== 'string' || typeof kept.ratings !== 'object' || kept.ratings === null) return NO_UNSENT_EVALUATION;
  const ratings = Object.fromEntries(Object.entries(kept.ratings).filter(([, one]) => typeof one?.rating === 'string' && typeof one.reason === 'string'));
  return { note: kept.note, ratings };
}

/**
 * An observer or an evaluator on their own device: everything that has happened, for every role
 * (the injects fired, the actions taken and by whom, the bridge channel, the drafts); an
 * evaluator also notes observations and rates each objective P/S/M/U with a reason.
 */
export function ObserverPage({ view, me, link, reconnecting, hostGone = false, onRetry = () => {}, onLeave, onProblem }: {
  view: ObserverView;
  me: ParticipantSelf;
  link: JoinLink;
  reconnecting: boolean;
  hostGone?: boolean;
  onRetry?: () => void;
  onLeave: () => void;
  onProblem: (problem: string | null) => void;
}) {
  const sessionId = view.sessionId;
  const now = useSimNow(view);
  const evaluator = me.seat === 'evaluator';
  const [read, setRead] = useState<ReadonlySet<string>>(new Set());
  const onRead = useCallback((id: string) => setRead((before) => new Set(before).add(id)), []);
  // An evaluator's observation and reasons being written stay on the device, as a role's drafts do.
  const unsentKey = `evaluation.${me.participant}`;
  const [unsent] = useState(() => unsentOf(loadKept<unknown>(sessionId, unsentKey, null)));
  const onUnsent = useCallback((next: UnsentEvaluation) => keep(sessionId, unsentKey, next), [sessionId, unsentKey]);
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
  const roleTitle = (id: string) => view.roles.find((role) => role.id === id)?.title ?? id;
  const chat = useMemo(() => chatOf(view.roles, view.chat), [view]);
  const drafts = useMemo(() => draftsOf(view.roles, view.drafts), [view]);
  const takenBy = (by: string, participant: { name: string } | null | undefined) => participant?.name ?? (by === 'facilitator' ? 'the facilitator' : roleTitle(by));
  const ratings = useMemo(() => view.ratings.map((one) => ({ seq: one.seq, at: one.at, objective: one.objective, rating: one.rating, reason: one.reason, evaluator: one.evaluator.name })), [view]);
  const notes = useMemo(() => view.evaluatorNotes.map((one) => ({ seq: one.seq, at: one.at, text: one.text, objective: one.objective, evaluator: one.evaluator.name })), [view]);
  const inbox = useMemo(() => view.injects.map((inject) => ({ ...inject })), [view]);
  // Let in: the focus on the page's name, as on a role's screen.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), [evaluator]);

  return (
    <div className="participant observer">
      <header className="participant-header">
        <div className="participant-who">
          <h1 tabIndex={-1} ref={heading}>{evaluator ? 'Evaluator' : 'Observer'}</h1>
          <p className="hint">{me.name} · {view.name ?? view.scenarioTitle}</p>
        </div>
        <div className="participant-clock">
          <output className="sim-time small" aria-label="Simulated time">{clockText(now, { seconds: true })}</output>
          <span className={`clock-state ${view.paused || view.ended ? 'paused' : 'running'}`} aria-label="Clock">{view.ended ? 'Ended' : view.paused ? 'Paused' : 'Running'}</span>
        </div>
        <button type="button" onClick={onLeave}>Leave</button>
      </header>
      {reconnecting && <ConnectionBanner gone={hostGone} onRetry={onRetry} />}
      {view.paused && !view.ended && !reconnecting && <p className="paused-banner" role="status">The clock is paused: nothing happens until the facilitator resumes it.</p>}
      {/* The host takes ratings and notes after the end too: an evaluator finishes the guide then. */}
      {view.ended && <p className="paused-banner" role="status">The session has ended. {evaluator ? 'You can still rate the objectives and note what you saw.' : 'Thank you for watching.'}</p>}
      {/* An observer has what happened only: one pane, the whole width. */}
      <div className={`participant-panes observer-panes${evaluator ? '' : ' one'}`}>
        {evaluator && (
          <div className="pane">
            <EvaluatorForm objectives={view.objectives} ratings={ratings} notes={notes} evaluator={me.name} disabled={reconnecting} unsent={unsent} onUnsent={onUnsent}
              onRate={(objective: string, rating: EegRating, reason: string) => run(() => link.send('evaluation.rate', { sessionId, commandId: commandId(), objective, rating, reason }))}
              onNote={(text: string, objective: string | null) => run(() => link.send('evaluation.note', { sessionId, commandId: commandId(), text, ...(objective ? { objective } : {}) }))} />
          </div>
        )}
        <div className="pane">
          <Inbox messages={inbox} read={read} onRead={onRead} />
          <section className="panel" aria-labelledby="observer-actions-heading">
            <h2 id="observer-actions-heading">Actions taken</h2>
            {view.actionsTaken.length === 0 && <p className="empty">No action taken yet.</p>}
            <ol className="plain-list">
              {view.actionsTaken.map((taken) => (
                <li key={taken.seq}><time>{clockText(taken.takenAt)}</time> {taken.title} <span className="hint">· {takenBy(taken.by, taken.participant)} ({roleTitle(taken.by)})</span></li>
              ))}
            </ol>
          </section>
          <section className="panel" aria-labelledby="observer-bridge-heading">
            <h2 id="observer-bridge-heading">Bridge channel</h2>
            {chat.length === 0 && <p className="empty">No message yet.</p>}
            <div role="log" aria-label="Bridge messages">
              <ol className="chat-log">
                {chat.map((message) => (
                  <li key={message.seq}>
                    <p className="chat-meta"><strong>{message.author}</strong>{message.roleTitle && <> · {message.roleTitle}</>} · <time>{clockText(message.at)}</time></p>
                    <p className="chat-text">{message.text}</p>
                  </li>
                ))}
              </ol>
            </div>
          </section>
          <section className="panel" aria-labelledby="observer-drafts-heading">
            <h2 id="observer-drafts-heading">Drafts</h2>
            {drafts.length === 0 && <p className="empty">No draft sent yet.</p>}
            <ol className="draft-list">
              {drafts.map((draft) => (
                <li key={draft.seq}>
                  <p className="chat-meta"><strong>{draftTitle(draft.kind)}</strong> · {draft.author}{draft.roleTitle && <> ({draft.roleTitle})</>} · <time>{clockText(draft.at)}</time></p>
                  <p className="draft-text">{draft.text}</p>
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </div>
  );
}
