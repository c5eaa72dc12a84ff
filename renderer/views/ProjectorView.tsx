import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ProjectorView as ProjectorAudienceView, ReceivedInjectView } from '../../engine/protocol/index.js';
import { useAppState, useClient, useCommand } from '../app/app-context.js';
import { useDocuments } from '../app/use-documents.js';
import { ArtifactView } from '../facilitator/ArtifactView.js';
import { CHANNEL_LABELS } from '../facilitator/InjectFeed.js';
import { useSimNow } from '../facilitator/use-sim-now.js';
import { clockText, durationText, storyTimeText } from '../../engine/format/time-text.js';
import { minutesText } from '../../engine/report/figures.js';
import { deadlineText } from '../format/deadline-text.js';
import { projectorViewOf } from './projector-cut.js';
import './projector.css';

// The room's screen: one session, read-only, in large type. It shows only what the players
// already know or have been told: the clock, the phase, the severity they declared, their
// times, their deadlines and the injects that have fired. Never the facilitator's notes, the
// MSEL's upcoming injects, the next inject's time or the scenario's expected severity: the
// room must not see what is coming. The server cuts the projector's view (audience.open, then
// audience.update pushes), so none of that ever reaches this page.

export { projectorHref, projectorRoute } from '../app/projector-address.js';

type View = ProjectorAudienceView;

function stateLabel(view: View): string {
  if (view.ended) return 'Ended';
  return view.paused ? 'Paused' : 'Running';
}

/** The clock, phase, severity and times to detect and contain: the console's facts, without its controls. */
function ProjectorStatus({ view, now }: { view: View; now: number }) {
  // Targets follow the declared severity only: the scenario's expected one is for the debrief.
  const metrics = view.metrics.filter((metric) => metric.milestone !== 'recovered' || metric.minutes !== null);
  const declared = view.severity !== null;
  return (
    <section className="projector-status" aria-labelledby="projector-clock-heading">
      <h2 id="projector-clock-heading" className="visually-hidden">Clock</h2>
      <div className="projector-clock">
        <output className="projector-sim-time" aria-label="Simulated time">{clockText(now, { seconds: true })}</output>
        <div className="projector-clock-line">
          <span className="projector-scenario-time" aria-label="Scenario date and time">{storyTimeText(view.startsAt, now)}</span>
          <span className={`projector-state state-${stateLabel(view).toLowerCase()}`}>{stateLabel(view)}</span>
        </div>
      </div>
      <dl className="projector-facts">
        <div>
          <dt>Phase</dt>
          <dd>{view.phases.find((phase) => phase.id === view.phase)?.title ?? view.phase ?? '—'}</dd>
        </div>
        <div>
          <dt>Declared severity</dt>
          <dd>{view.severity ? `Sev ${view.severity.level} · ${view.severity.name}` : 'not declared'}</dd>
        </div>
        {metrics.map((metric) => (
          <div key={metric.milestone} className={declared && metric.met === false ? 'missed' : declared && metric.met ? 'met' : ''}>
            <dt>{metric.title}</dt>
            <dd>
              {metric.minutes === null ? 'not reached' : minutesText(metric.minutes)}
              <span className="projector-target">{declared && metric.targetMinutes !== null ? `target ${minutesText(metric.targetMinutes)}` : 'target set by the declared severity'}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The deadlines, counting down in simulated time. */
function ProjectorDeadlines({ view, now }: { view: View; now: number }) {
  if (view.deadlines.length === 0) return null;
  return (
    <section className="projector-deadlines" aria-labelledby="projector-deadlines-heading">
      <h2 id="projector-deadlines-heading">Deadlines</h2>
      <ul>
        {view.deadlines.map((deadline) => (
          <li key={deadline.id} className={deadline.metAt !== null ? 'met' : deadline.passed ? 'missed' : ''}>
            <span>{deadline.title}</span>
            <strong>{deadlineText(deadline, now)}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The decisions put to the team and not yet answered: the question, whose it is, the time left
 * and the options, as the room may read them (no credit or consequence: the view carries none).
 */
function ProjectorDecisions({ view, now }: { view: View; now: number }) {
  // The one that closes first on top, with its options: the one the room is on. The others,
  // in smaller type, show their question and time only (their options would push it off screen).
  const decisions = useMemo(() => [...view.openDecisions].sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity)), [view.openDecisions]);
  if (decisions.length === 0) return null;
  return (
    <section className={`projector-decisions${decisions.length > 1 ? ' several' : ''}`} aria-labelledby="projector-decisions-heading">
      <h2 id="projector-decisions-heading">Decisions for the team</h2>
      {decisions.map((decision, index) => (
        <article key={decision.id} className="projector-decision" aria-label={decision.prompt}>
          <h3>{decision.prompt}</h3>
          <p className="projector-decision-for">
            For {view.roles.find((role) => role.id === decision.role)?.title ?? decision.role}
            {decision.expiresAt !== null && <strong> · {durationText(Math.max(0, decision.expiresAt - now), { seconds: true })} left</strong>}
          </p>
          {index === 0
            ? <ul>{decision.options.map((option) => <li key={option.id}>{option.label}</li>)}</ul>
            : <p className="projector-decision-for">{decision.options.length} options, shown when the one above closes</p>}
        </article>
      ))}
    </section>
  );
}

/**
 * How many of a list's items, from the top, are wholly inside it: the list is cut to its pane's
 * height (a projector cannot be scrolled), so the rest are hidden and counted. The first stays
 * shown even when it alone is taller than the pane: then it is `clipped`. Measured again
 * whenever the list or an item changes size.
 */
function useItemsThatFit(list: RefObject<HTMLOListElement | null>, count: number): { shown: number; clipped: boolean } {
  const [fit, setFit] = useState(count);
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    const measure = () => {
      const bottom = element.getBoundingClientRect().bottom;
      const items = [...element.children];
      const inside = items.findIndex((item) => item.getBoundingClientRect().bottom > bottom + 1);
      setFit(inside === -1 ? items.length : inside);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const item of element.children) observer.observe(item);
    return () => observer.disconnect();
  }, [list, count]);
  return { shown: Math.min(Math.max(1, fit), count), clipped: fit === 0 && count > 0 };
}

/**
 * The injects that have fired, the latest first, each styled by its channel, as the console's
 * feed draws them. As many as the pane holds are shown; the older ones are counted below them.
 */
function ProjectorInjects({ injects, roles }: { injects: readonly ReceivedInjectView[]; roles: View['roles'] }) {
  // The view lists them oldest first: reversed, those fired at the same minute keep newest first too
  // (one released by hand beside a scheduled one), so the one just fired is never the one cut.
  const latestFirst = useMemo(() => [...injects].reverse().sort((a, b) => b.firedAt - a.firedAt), [injects]);
  const roleTitle = (id: string) => roles.find((role) => role.id === id)?.title ?? id;
  const list = useRef<HTMLOListElement>(null);
  const { shown, clipped } = useItemsThatFit(list, latestFirst.length);
  const earlier = latestFirst.length - shown;
  return (
    <section className="panel feed" aria-labelledby="feed-heading">
      <h2 id="feed-heading" tabIndex={-1}>Injects</h2>
      {injects.length === 0 && <p className="empty">No inject has fired yet.</p>}
      {/* A latest inject too long for the pane fades out at its foot rather than ending on a cut line. */}
      <ol className={`feed-list${clipped ? ' projector-clipped' : ''}`} ref={list}>
        {latestFirst.map((inject, index) => (
          // A cut inject stays in the page, unseen, to be measured again when the pane grows.
          <li key={inject.id} className={index < shown ? undefined : 'projector-cut'} aria-hidden={index < shown ? undefined : true}>
            <article className={`inject channel-${inject.channel}`} aria-label={`${CHANNEL_LABELS[inject.channel] ?? inject.channel}: ${inject.title}`}>
              <header>
                <span className="channel">{CHANNEL_LABELS[inject.channel] ?? inject.channel}</span>
                <time>{clockText(inject.firedAt)}</time>
              </header>
              <h3>{inject.title}</h3>
              <p className="routing">{inject.from ? `From ${inject.from} · ` : ''}To {inject.to.map(roleTitle).join(', ')}</p>
              <p className="inject-body">{inject.body}</p>
              {inject.artifacts.map((artifact, index) => <ArtifactView key={index} artifact={artifact} />)}
            </article>
          </li>
        ))}
      </ol>
      {earlier > 0 && <p className="projector-earlier">and {earlier} earlier {earlier === 1 ? 'inject' : 'injects'}</p>}
    </section>
  );
}

/**
 * The projector's view of a session, as the server cuts it (audience.open, audience.update). A
 * host that cuts no audience view (or answers a facilitator's window) gets the session opened
 * as before and the same view cut here (projector-cut.ts).
 */
function useProjectorView(sessionId: string): { view: View | null; problem: string | null } {
  const client = useClient();
  const command = useCommand();
  const [served, setServed] = useState<View | null>(null);
  const [cutHere, setCutHere] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const sessionView = useAppState((state) => (cutHere && state.view?.sessionId === sessionId ? state.view : null));
  const storeProblem = useAppState((state) => state.problem);
  const { plan, scenario } = useDocuments(sessionView?.planId, sessionView?.scenarioId);

  useEffect(() => {
    if (!sessionId) return;
    let live = true;
    const open = () => client.send('audience.open', { sessionId }).then(
      ({ view }) => live && view.audience === 'projector' && setServed(view),
      () => live && setCutHere(true),
    );
    void open();
    const stops = [
      client.on('audience.update', ({ sessionId: updated, view }) => updated === sessionId && view.audience === 'projector' && setServed(view)),
      // A fresh connection after a drop: the view is asked for again.
      client.onConnection((state) => state === 'back' && void open()),
    ];
    return () => {
      live = false;
      stops.forEach((stop) => stop());
    };
  }, [client, sessionId]);

  useEffect(() => {
    if (cutHere && !sessionView) void command('session.open', { sessionId }).then((result) => result || setProblem('The session could not be opened.'));
  }, [cutHere, sessionView, sessionId, command]);

  const view = useMemo(() => served ?? (sessionView && plan && scenario ? projectorViewOf(sessionView, plan, scenario) : null), [served, sessionView, plan, scenario]);
  return { view, problem: storeProblem ?? problem };
}

/** Large type and high contrast on the whole page while the projector view is shown. */
function useProjectorPage(theme: string, title: string): void {
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('projector');
    root.dataset.theme = theme;
    return () => root.classList.remove('projector');
  }, [theme]);
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** A session for the room: `index.html?view=projector&session=ID`. */
export function ProjectorView({ sessionId }: { sessionId: string }) {
  const { view, problem } = useProjectorView(sessionId);
  const theme = useAppState((state) => state.theme);
  const now = useSimNow(view);
  useProjectorPage(theme, view ? `Firedrill projector: ${view.scenarioTitle}` : 'Firedrill projector');

  if (!sessionId) return <main className="projector-view"><p role="alert">No session to show: the projector opens with ?view=projector&amp;session=ID.</p></main>;
  if (!view) return <main className="projector-view"><p role="status">{problem ?? 'Opening the session…'}</p></main>;
  const side = view.openDecisions.length > 0 || view.deadlines.length > 0;
  return (
    <main className="projector-view">
      <header className="projector-header">
        <h1>{view.scenarioTitle}</h1>
      </header>
      {problem && <p className="projector-problem" role="alert">{problem}</p>}
      <ProjectorStatus view={view} now={now} />
      {/* What the team must act on beside what it has been told; the feed alone when nothing is open. */}
      <div className={`projector-grid${side ? '' : ' feed-only'}`}>
        {side && (
          <div className="projector-side">
            {/* The deadlines first: a few short lines, never pushed off the screen by a long decision. */}
            <ProjectorDeadlines view={view} now={now} />
            <ProjectorDecisions view={view} now={now} />
          </div>
        )}
        <ProjectorInjects injects={view.injects} roles={view.roles} />
      </div>
    </main>
  );
}
