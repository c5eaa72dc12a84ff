import { memo } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { InjectView } from '../../engine/protocol/index.js';
import { clockText } from '../../engine/format/time-text.js';
import { roleTitle } from '../store/session-selectors.js';
import { ArtifactView } from './ArtifactView.js';

export const CHANNEL_LABELS: Record<string, string> = {
  'siem-alert': 'SIEM alert',
  'cloud-finding': 'Cloud finding',
  email: 'Email',
  chat: 'Chat',
  'phone-call': 'Phone call',
  news: 'News',
  'regulator-letter': 'Regulator letter',
  ticket: 'Ticket',
};

/**
 * Fired injects, the latest first, each styled by its channel. Memoised: the feed (bodies and
 * artifacts) is the console's largest panel, and it changes only when an inject fires, not as
 * the clock moves; callers pass an `injects` array that keeps its identity until then.
 */
export const InjectFeed = memo(function InjectFeed({ injects, scenario, plan, heading = 'Inject feed' }: { injects: InjectView[]; scenario: Scenario; plan: Plan; heading?: string }) {
  const byId = new Map(scenario.injects.map((inject) => [inject.id, inject]));
  return (
    <section className="panel feed" aria-labelledby="feed-heading">
      <h2 id="feed-heading" tabIndex={-1}>{heading}</h2>
      {injects.length === 0 && <p className="empty">No inject has fired yet.</p>}
      <ol className="feed-list">
        {injects.map((view) => {
          const inject = byId.get(view.id);
          return (
            <li key={view.id}>
              <article className={`inject channel-${view.channel}`} aria-label={`${CHANNEL_LABELS[view.channel] ?? view.channel}: ${view.title}`}>
                <header>
                  <span className="channel">{CHANNEL_LABELS[view.channel] ?? view.channel}</span>
                  <time>{clockText(view.firedAt ?? 0)}</time>
                </header>
                <h3>{view.title}</h3>
                <p className="routing">{inject?.from ? `From ${inject.from} · ` : ''}To {view.to.map((role) => roleTitle(plan, role)).join(', ')}</p>
                {inject && <p className="inject-body">{inject.body}</p>}
                {inject?.artifacts.map((artifact, index) => <ArtifactView key={index} artifact={artifact} />)}
              </article>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
