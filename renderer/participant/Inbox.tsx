import { useMemo, useState } from 'react';
import type { Artifact } from '../../engine/format/artifact.js';
import { clockText } from '../../engine/format/time-text.js';
import { ArtifactView } from '../facilitator/ArtifactView.js';
import { CHANNEL_LABELS } from '../facilitator/InjectFeed.js';

/** An inject as a role received it: what it says, through which channel, when. */
export interface InboxMessage {
  id: string;
  title: string;
  channel: string;
  firedAt: number;
  from: string | null;
  body: string;
  artifacts: Artifact[];
}

const channelLabel = (channel: string) => CHANNEL_LABELS[channel] ?? channel;

/** Unread messages per channel, and in all. */
export function unreadCounts(messages: readonly InboxMessage[], read: ReadonlySet<string>): { all: number; byChannel: Map<string, number> } {
  const byChannel = new Map<string, number>();
  let all = 0;
  for (const message of messages) {
    if (read.has(message.id)) continue;
    all += 1;
    byChannel.set(message.channel, (byChannel.get(message.channel) ?? 0) + 1);
  }
  return { all, byChannel };
}

/**
 * The injects addressed to my role, the latest first: a filter by channel (each with its unread
 * count), and each message closed until opened; opening it marks it read. Artifacts (a
 * CloudTrail event, a GuardDuty finding) open inside the message as the console shows them.
 */
export function Inbox({ messages, read, onRead }: { messages: readonly InboxMessage[]; read: ReadonlySet<string>; onRead: (id: string) => void }) {
  const [channel, setChannel] = useState<string | null>(null);
  const channels = useMemo(() => [...new Set(messages.map((message) => message.channel))].sort((a, b) => channelLabel(a).localeCompare(channelLabel(b))), [messages]);
  const unread = unreadCounts(messages, read);
  const shown = [...messages].filter((message) => channel === null || message.channel === channel).sort((a, b) => b.firedAt - a.firedAt);
  const filter = (value: string | null, label: string, count: number) => (
    <button key={value ?? 'all'} type="button" aria-pressed={channel === value} onClick={() => setChannel(value)} aria-label={count > 0 ? `${label}, ${count} unread` : label}>
      {label}{count > 0 && <span className="unread-count" aria-hidden="true">{count}</span>}
    </button>
  );
  return (
    <section className="panel inbox" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading" tabIndex={-1}>Inbox{unread.all > 0 && <><span className="unread-count" aria-hidden="true">{unread.all}</span><span className="visually-hidden">, {unread.all} unread</span></>}</h2>
      {channels.length > 1 && (
        <div className="channel-filter" role="group" aria-label="Show the channel">
          {filter(null, 'All', unread.all)}
          {channels.map((one) => filter(one, channelLabel(one), unread.byChannel.get(one) ?? 0))}
        </div>
      )}
      {messages.length === 0 && <p className="empty">Nothing has come in for your role yet.</p>}
      <ol className="inbox-list">
        {shown.map((message) => {
          const isRead = read.has(message.id);
          return (
            <li key={message.id}>
              <details className={`inbox-message channel-${message.channel}${isRead ? '' : ' unread'}`} onToggle={(event) => { if (event.currentTarget.open && !isRead) onRead(message.id); }}>
                <summary>
                  <span className="inbox-meta">
                    <span className="channel">{channelLabel(message.channel)}</span>
                    <time>{clockText(message.firedAt)}</time>
                    {!isRead && <span className="unread-mark">New</span>}
                  </span>
                  <span className="inbox-title">{message.title}</span>
                </summary>
                <div className="inbox-content">
                  {message.from && <p className="routing">From {message.from}</p>}
                  <p className="inject-body">{message.body}</p>
                  {message.artifacts.map((artifact, index) => <ArtifactView key={index} artifact={artifact} />)}
                </div>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
