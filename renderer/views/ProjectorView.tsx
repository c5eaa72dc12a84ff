import { useEffect, useMemo } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { sessionMetrics } from '../../engine/scoring/metrics.js';
import { useAppState, useCommand } from '../app/app-context.js';
import { useDocuments } from '../app/use-documents.js';
import { InjectFeed } from '../facilitator/InjectFeed.js';
import { useSimNow } from '../facilitator/use-sim-now.js';
import { clockText, durationText, storyTimeText } from '../../engine/format/time-text.js';
import { minutesText } from '../../engine/report/figures.js';
import { deadlineText } from '../format/deadline-text.js';
import { roleTitle } from '../store/session-selectors.js';
import { firedInjects } from '../store/session-selectors.js';
import './projector.css';

// The room's screen: one session, read-only, in large type. It shows only what the players
// already know or have been told: the clock, the phase, the severity they declared, their
// times, their deadlines and the injects that have fired. Never the facilitator's notes, the
// MSEL's upcoming injects, the next inject's time or the scenario's expected severity: the
// room must not see what is coming. So it reuses the inject feed (fired injects only) and the
// formatting functions, and has its own read-only clock instead of the console's ClockPanel.

export { projectorHref, projectorRoute } from '../app/projector-address.js';

function stateLabel(view: SessionView): string {
  if (view.ended) return 'Ended';
  return view.paused ? 'Paused' : 'Running';
}

/** The clock, phase, severity and times to detect and contain: the console's facts, without its controls. */
function ProjectorStatus({ view, now, plan, scenario }: { view: SessionView; now: number; plan: Plan; scenario: Scenario }) {
  const declared = view.severity ? plan.severityLevels.find((one) => one.level === view.severity!.level) : undefined;
  // Targets follow the declared severity only: the scenario's expected one is for the debrief.
  const metrics = sessionMetrics(view.milestones, scenario.groundTruth.compromiseAt, declared ?? plan.severityLevels[0]!)
    .filter((metric) => metric.milestone !== 'recovered' || metric.minutes !== null);
  return (
    <section className="projector-status" aria-labelledby="projector-clock-heading">
      <h2 id="projector-clock-heading" className="visually-hidden">Clock</h2>
      <div className="projector-clock">
        <output className="projector-sim-time" aria-label="Simulated time">{clockText(now, { seconds: true })}</output>
        <span className="projector-scenario-time" aria-label="Scenario date and time">{storyTimeText(scenario.startsAt, now)}</span>
        <span className={`projector-state state-${stateLabel(view).toLowerCase()}`}>{stateLabel(view)}</span>
      </div>
      <dl className="projector-facts">
        <div>
          <dt>Phase</dt>
          <dd>{plan.phases.find((phase) => phase.id === view.phase)?.title ?? view.phase ?? '—'}</dd>
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
              <span className="projector-target">{declared ? `target ${minutesText(metric.targetMinutes)}` : 'target set by the declared severity'}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The deadlines, counting down in simulated time. */
function ProjectorDeadlines({ view, now }: { view: SessionView; now: number }) {
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
function ProjectorDecisions({ view, now, plan }: { view: SessionView; now: number; plan: Plan }) {
  if (view.openDecisions.length === 0) return null;
  return (
    <section className="projector-decisions" aria-labelledby="projector-decisions-heading">
      <h2 id="projector-decisions-heading">Decisions for the team</h2>
      {view.openDecisions.map((decision) => (
        <article key={decision.id} className="projector-decision" aria-label={decision.prompt}>
          <h3>{decision.prompt}</h3>
          <p className="projector-decision-for">
            For {roleTitle(plan, decision.role)}
            {decision.expiresAt !== null && <strong> · {durationText(Math.max(0, decision.expiresAt - now), { seconds: true })} left</strong>}
          </p>
          <ul>{decision.options.map((option) => <li key={option.id}>{option.label}</li>)}</ul>
        </article>
      ))}
    </section>
  );
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
  const command = useCommand();
  const view = useAppState((state) => (state.view?.sessionId === sessionId ? state.view : null));
  const problem = useAppState((state) => state.problem);
  const theme = useAppState((state) => state.theme);
  const { plan, scenario } = useDocuments(view?.planId, view?.scenarioId);
  const now = useSimNow(view);
  useProjectorPage(theme, view ? `Firedrill projector: ${view.scenarioTitle}` : 'Firedrill projector');
  const fired = useMemo(() => (view ? firedInjects(view) : []), [view]);

  useEffect(() => {
    if (sessionId && !view) void command('session.open', { sessionId });
  }, [view, sessionId, command]);

  if (!sessionId) return <main className="projector-view"><p role="alert">No session to show: the projector opens with ?view=projector&amp;session=ID.</p></main>;
  if (!view || !plan || !scenario) return <main className="projector-view"><p role="status">{problem ?? 'Opening the session…'}</p></main>;
  return (
    <main className="projector-view">
      <header className="projector-header">
        <h1>{view.scenarioTitle}</h1>
      </header>
      {problem && <p className="projector-problem" role="alert">{problem}</p>}
      <div className="projector-grid">
        <div className="projector-side">
          <ProjectorStatus view={view} now={now} plan={plan} scenario={scenario} />
          <ProjectorDecisions view={view} now={now} plan={plan} />
          <ProjectorDeadlines view={view} now={now} />
        </div>
        <InjectFeed injects={fired} scenario={scenario} plan={plan} heading="Injects" />
      </div>
    </main>
  );
}
