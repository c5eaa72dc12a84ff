import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useInFlight } from '../app/use-in-flight.js';
import { clockText } from '../../engine/format/time-text.js';
import { MAX_CHAT_CHARS } from '../../engine/format/limits.js';

/** One message of the team's bridge channel, as the journal has it. */
export interface ChatMessage {
  seq: number;
  at: number;
  /** Who wrote it: a participant's name, or "Facilitator". */
  author: string;
  /** The role they play, if any. */
  roleTitle: string | null;
  text: string;
}

/** The longest message the form takes: the journal's own limit (the host checks it too). */
export const CHAT_MAX = MAX_CHAT_CHARS;

/**
 * The team's bridge channel: every message journaled, oldest first, in a log region (a screen
 * reader hears new ones), and a line to write one. The text stays while it is being sent and
 * goes only once the host has it.
 */
export function BridgeChat({ messages, me, disabled, onSend }: {
  messages: readonly ChatMessage[]; me: string | null; disabled: boolean; onSend: (text: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  // One message at a time: a double click or tap sends it once.
  const { sending, once } = useInFlight();
  const inputId = useId();
  const log = useRef<HTMLOListElement>(null);
  // New messages scroll into view, as in any chat.
  useEffect(() => {
    const last = log.current?.lastElementChild;
    last?.scrollIntoView?.({ block: 'nearest' });
  }, [messages.length]);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const typed = text;
    const message = typed.trim();
    if (!message) return;
    // What was typed while it went stays: only the message sent leaves the line.
    if (await once(() => onSend(message))) setText((now) => (now.startsWith(typed) ? now.slice(typed.length).trimStart() : now));
  };
  return (
    <section className="panel bridge" aria-labelledby="bridge-heading">
      <h2 id="bridge-heading" tabIndex={-1}>Bridge channel</h2>
      {messages.length === 0 && <p className="empty">No message yet: the team's channel starts here.</p>}
      {/* The log region around the list (a list with role="log" would no longer be a list). */}
      <div role="log" aria-label="Bridge messages">
        <ol className="chat-log" ref={log}>
          {messages.map((message) => (
            <li key={message.seq} className={message.author === me ? 'mine' : undefined}>
              <p className="chat-meta"><strong>{message.author}</strong>{message.roleTitle && <> · {message.roleTitle}</>} · <time>{clockText(message.at)}</time></p>
              <p className="chat-text">{message.text}</p>
            </li>
          ))}
        </ol>
      </div>
      <form className="chat-form" onSubmit={(event) => void send(event)}>
        <label htmlFor={inputId} className="visually-hidden">Message to the team</label>
        <input id={inputId} type="text" value={text} maxLength={CHAT_MAX} disabled={disabled} placeholder="Message to the team" autoComplete="off"
          onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="primary" disabled={disabled || sending || text.trim() === ''}>{sending ? 'Sending…' : 'Send'}</button>
      </form>
    </section>
  );
}
