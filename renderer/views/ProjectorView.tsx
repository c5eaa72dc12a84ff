import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { AudiencePauseCause, ProjectorView as ProjectorAudienceView, ReceivedInjectView } from '../../engine/protocol/index.js';
import { PAUSE_CAUSE_WORDS, TIME_LIMIT_REASON } from '../../engine/session/journal.js';
import { useAppState, useClient, useCommand } from '../app/app-context.js';
import { useDocuments } from '../app/use-documents.js';
import { ArtifactView } from '../facilitator/ArtifactView.js';
import { CHANNEL_LABELS } from '../facilitator/InjectFeed.js';
import { useSimNow } from '../facilitator/use-sim-now.js';
import { clockText, storyTimeText } from '../../engine/format/time-text.js';
import { minutesText } from '../../engine/report/figures.js';
import { deadlineText, timeLeftText } from '../format/deadline-text.js';
import { projectorViewOf } from './projector-cut.js';
import { sideThatFits, type DecisionsFit, type PaneHeights, type SideFit } from './projector-fit.js';
import './projector.css';

// The room's screen: one session, read-only, in large type. It shows only what the players
// already know or have been told: the clock, the phase, the severity they declared, their
// times, their deadlines and the injects that have fired. Never the facilitator's notes, the
// MSEL's upcoming injects, the next inject's time or the scenario's expected severity: the
// room must not see what is coming. The server cuts the projector's view (audience.open, then
// audience.update pushes), so none of that ever reaches this page.

export { projectorHref, projectorRoute } from '../app/projector-address.js';

type View = ProjectorAudienceView;

type DrillState = 'running' | 'paused' | 'ended' | 'reconnecting';
const STATE_WORDS: Record<DrillState, string> = { running: 'Running', paused: 'Paused', ended: 'Ended', reconnecting: 'Reconnecting…' };
// Cut off from the host, the page cannot know the clock: it stops it and says so rather than run on alone.
const drillState = (view: View, lost: boolean): DrillState => (view.ended ? 'ended' : lost ? 'reconnecting' : view.paused ? 'paused' : 'running');
// Why it stands still, after the badge ("Paused by the facilitator"): the host's own causes in the words of the console's banner and the debrief.
const PAUSE_WORDS: Record<AudiencePauseCause, string> = { facilitator: 'by the facilitator', ...PAUSE_CAUSE_WORDS };
// Why it ended ("Ended at the time limit"): the scenario's time limit ends a live drill by itself;
// any other end is the facilitator's session.end (only they may send it), whatever reason it gives.
const endWords = (ended: NonNullable<View['ended']>): string => (ended.reason === TIME_LIMIT_REASON ? 'at the time limit' : 'by the facilitator');
/** Why the drill stands still, in the words that follow its badge: paused (by whom, or the host's cause) or ended (how). */
const stateCause = (view: View, state: DrillState): string | null => {
  if (state === 'paused' && view.pauseCause) return PAUSE_WORDS[view.pauseCause];
  if (state === 'ended' && view.ended) return endWords(view.ended);
  return null;
};

/** The clock, phase, severity and times to detect and contain: the console's facts, without its controls. */
function ProjectorStatus({ view, now, lost }: { view: View; now: number; lost: boolean }) {
  // Targets follow the declared severity only: the scenario's expected one is for the debrief.
  const metrics = view.metrics.filter((metric) => metric.milestone !== 'recovered' || metric.minutes !== null);
  const declared = view.severity !== null;
  const state = drillState(view, lost);
  const cause = stateCause(view, state);
  return (
    // Paused or ended, the band says so in large type and changes colour: the room must not take a stopped clock for a running one.
    <section className={`projector-status ${state}${cause ? ' with-cause' : ''}`} aria-labelledby="projector-clock-heading">
      <h2 id="projector-clock-heading" className="visually-hidden">Clock</h2>
      <div className="projector-clock">
        <output className="projector-sim-time" aria-label="Simulated time">{clockText(now, { seconds: true })}</output>
        <div className="projector-clock-line">
          <span className="projector-scenario-time" aria-label="Scenario date and time">{storyTimeText(view.startsAt, now)}</span>
          {/* One status, read as one sentence ("Paused by the facilitator", "Ended at the time limit"); the cause on a line of its own under the badge. */}
          <span className="projector-state-line" role="status">
            <span className={`projector-state state-${state}`}>{STATE_WORDS[state]}</span>
            {cause && <> <span className="projector-state-cause">{cause}</span></>}
          </span>
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

/** "and 2 more decisions open — see the console": what a pane cut to fit leaves out, said plainly. */
function MoreLine({ count, one, many }: { count: number; one: string; many: string }) {
  return <p className="projector-more">and {count} more {count === 1 ? one : many} — see the console</p>;
}

type Deadline = View['deadlines'][number];
type Decision = View['openDecisions'][number];

// What the team must still do first: those passed and not met (overdue, still owed), then the
// others by when they fall due, the nearest first; those met last.
const deadlineRank = (deadline: Deadline) => (deadline.metAt !== null ? 2 : deadline.passed ? 0 : 1);

function ProjectorDeadline({ deadline, now }: { deadline: Deadline; now: number }) {
  return (
    <li className={deadline.metAt !== null ? 'met' : deadline.passed ? 'missed' : ''}>
      <span>{deadline.title}</span>
      <strong className="projector-time-left">{deadlineText(deadline, now)}</strong>
    </li>
  );
}

/** The deadlines, counting down in simulated time, the overdue and the nearest first; those that do not fit are counted. */
function ProjectorDeadlines({ deadlines, shown, now }: { deadlines: readonly Deadline[]; shown: number; now: number }) {
  const more = deadlines.length - shown;
  return (
    <section className="projector-deadlines" aria-labelledby="projector-deadlines-heading">
      <h2 id="projector-deadlines-heading">Deadlines</h2>
      <div className="projector-fit">
        <div className="projector-measure" aria-hidden>
          <ul>{deadlines.map((deadline) => <ProjectorDeadline key={deadline.id} deadline={deadline} now={now} />)}</ul>
          <MoreLine count={deadlines.length} one="deadline" many="deadlines" />
        </div>
        <div className="projector-shown">
          <ul>{deadlines.slice(0, shown).map((deadline) => <ProjectorDeadline key={deadline.id} deadline={deadline} now={now} />)}</ul>
          {more > 0 && <MoreLine count={more} one="deadline" many="deadlines" />}
        </div>
      </div>
    </section>
  );
}

/** One decision as the room reads it: the question, whose it is, the time left, and its options or how many it has. */
function ProjectorDecision({ decision, view, now, withOptions, measured = false }: { decision: Decision; view: View; now: number; withOptions: boolean; measured?: boolean }) {
  const count = decision.options.length;
  return (
    <article className="projector-decision" aria-label={decision.prompt}>
      <h3>{decision.prompt}</h3>
      <p className="projector-decision-for">
        For {view.roles.find((role) => role.id === decision.role)?.title ?? decision.role}
        {decision.expiresAt !== null && <> · <strong className="projector-time-left">{timeLeftText(decision.expiresAt - now)} left</strong></>}
        {/* Measured with both: a line that wraps when the count is added is never cut. */}
        {(!withOptions || measured) && ` · ${count} ${count === 1 ? 'option' : 'options'} on the console`}
      </p>
      {withOptions && <ul>{decision.options.map((option) => <li key={option.id}>{option.label}</li>)}</ul>}
    </article>
  );
}

/**
 * The decisions put to the team and not yet answered, as the room may read them (no credit or
 * consequence: the view carries none), the one that closes first on top. All with their options
 * when they fit; else the options of the first only (the one the room is on), the others'
 * question and time left as far as they fit, and the rest counted: never a line cut in half.
 */
function ProjectorDecisions({ decisions, fit, view, now }: { decisions: readonly Decision[]; fit: DecisionsFit; view: View; now: number }) {
  const more = decisions.length - fit.shown;
  return (
    <section className={`projector-decisions${decisions.length > 1 ? ' several' : ''}`} aria-labelledby="projector-decisions-heading">
      <h2 id="projector-decisions-heading">Decisions for the team</h2>
      <div className="projector-fit">
        <div className="projector-measure" aria-hidden>
          {decisions.map((decision) => <ProjectorDecision key={decision.id} decision={decision} view={view} now={now} withOptions measured />)}
          <MoreLine count={decisions.length} one="decision open" many="decisions open" />
        </div>
        <div className="projector-shown">
          {decisions.slice(0, fit.shown).map((decision, index) => <ProjectorDecision key={decision.id} decision={decision} view={view} now={now} withOptions={index < fit.withOptions} />)}
          {more > 0 && <MoreLine count={more} one="decision open" many="decisions open" />}
        </div>
      </div>
    </section>
  );
}

/**
 * A pane's heights as drawn in full in its unseen copy: each item's (with the space above it),
 * the counting line's, and the pane's heading, padding and border.
 */
function paneHeights(section: HTMLElement | null): PaneHeights<HTMLElement> | null {
  const copy = section?.querySelector<HTMLElement>('.projector-measure');
  const shown = section?.querySelector<HTMLElement>('.projector-shown');
  if (!section || !copy || !shown) return null;
  const items = [...copy.querySelectorAll<HTMLElement>(':scope > article, :scope > ul > li')];
  const line = copy.querySelector<HTMLElement>(':scope > .projector-more')!;
  return { items, countLine: line.offsetHeight + parseFloat(getComputedStyle(line).marginTop), chrome: section.offsetHeight - shown.offsetHeight };
}

/** Each item's height in its copy, with the space above it (a gap, a margin, a rule). */
function heightsOf(items: readonly HTMLElement[]): number[] {
  let top = 0;
  return items.map((item) => {
    const bottom = item.offsetTop + item.offsetHeight;
    const height = bottom - top;
    top = bottom;
    return height;
  });
}

/**
 * What the side column shows (sideThatFits), measured on the page: every deadline and decision is
 * drawn in full, unseen, and measured; what fits is drawn. Measured again whenever the column or
 * an item changes size (a window resized, a line that wraps as the time left ticks).
 */
function useSideFit(side: RefObject<HTMLDivElement | null>, deadlines: number, decisions: number): SideFit {
  const [fit, setFit] = useState<SideFit>({ deadlines, decisions: { shown: decisions, withOptions: decisions } });
  useLayoutEffect(() => {
    const column = side.current;
    if (!column) return;
    const deadlinesPane = column.querySelector<HTMLElement>('.projector-deadlines');
    const decisionsPane = column.querySelector<HTMLElement>('.projector-decisions');
    const measure = () => {
      const timed = paneHeights(deadlinesPane);
      const open = paneHeights(decisionsPane);
      setFit(sideThatFits(
        column.clientHeight,
        deadlinesPane ? parseFloat(getComputedStyle(deadlinesPane).marginBottom) : 0,
        timed && { ...timed, items: heightsOf(timed.items) },
        open && {
          ...open,
          items: heightsOf(open.items).map((height, index) => {
            const options = open.items[index]!.querySelector('ul')?.offsetHeight ?? 0;
            return { question: height - options, options };
          }),
        },
      ));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(column);
    for (const item of column.querySelectorAll('.projector-measure > article, .projector-measure > ul > li')) observer.observe(item);
    return () => observer.disconnect();
  }, [side, deadlines, decisions]);
  return fit;
}

/**
 * What the team must act on: the deadlines first (a few short lines, never pushed off the screen
 * by a long decision), then the decisions, each pane cut to what fits and the rest counted.
 */
function ProjectorSide({ view, now }: { view: View; now: number }) {
  const deadlines = useMemo(() => [...view.deadlines].sort((a, b) => deadlineRank(a) - deadlineRank(b) || a.dueAt - b.dueAt), [view.deadlines]);
  const decisions = useMemo(() => [...view.openDecisions].sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity)), [view.openDecisions]);
  const side = useRef<HTMLDivElement>(null);
  const fit = useSideFit(side, deadlines.length, decisions.length);
  return (
    <div className="projector-side" ref={side}>
      {deadlines.length > 0 && <ProjectorDeadlines deadlines={deadlines} shown={Math.min(fit.deadlines, deadlines.length)} now={now} />}
      {decisions.length > 0 && <ProjectorDecisions decisions={decisions} fit={{ shown: Math.min(fit.decisions.shown, decisions.length), withOptions: fit.decisions.withOptions }} view={view} now={now} />}
    </div>
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
function useProjectorView(sessionId: string): { view: View | null; problem: string | null; lost: boolean } {
  const client = useClient();
  const command = useCommand();
  const [served, setServed] = useState<View | null>(null);
  const [cutHere, setCutHere] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [lost, setLost] = useState(false);
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
      // Back after a drop (a fresh connection, or the same one recovered): the view is asked for
      // again, its clock with it (the host's may have paused meanwhile).
      client.onConnection((state) => {
        setLost(state === 'lost');
        if (state !== 'lost') void open();
      }),
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
  return { view, problem: storeProblem ?? problem, lost };
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
  const { view, problem, lost } = useProjectorView(sessionId);
  const theme = useAppState((state) => state.theme);
  const clock = useMemo(() => (view && lost ? { ...view, paused: true } : view), [view, lost]);
  const now = useSimNow(clock);
  useProjectorPage(theme, view ? `Firedrill projector: ${view.scenarioTitle}` : 'Firedrill projector');

  if (!sessionId) return <main className="projector-view"><p role="alert">No session to show: the projector opens with ?view=projector&amp;session=ID.</p></main>;
  if (!view) return <main className="projector-view"><p role="status">{problem ?? 'Opening the session…'}</p></main>;
  // Once the drill has ended nothing is left to decide or to meet: no decision or deadline still counting under "Ended".
  const side = !view.ended && (view.openDecisions.length > 0 || view.deadlines.length > 0);
  return (
    <main className="projector-view">
      <header className="projector-header">
        <h1>{view.scenarioTitle}</h1>
      </header>
      {problem && <p className="projector-problem" role="alert">{problem}</p>}
      <ProjectorStatus view={view} now={now} lost={lost} />
      {/* What the team must act on beside what it has been told; the feed alone when nothing is open. */}
      <div className={`projector-grid${side ? '' : ' feed-only'}`}>
        {side && <ProjectorSide view={view} now={now} />}
        <ProjectorInjects injects={view.injects} roles={view.roles} />
      </div>
    </main>
  );
}
