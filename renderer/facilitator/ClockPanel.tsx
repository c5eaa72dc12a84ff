import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { sessionMetrics } from '../../engine/scoring/metrics.js';
import { useCommand } from '../app/app-context.js';
import { formatCountdown, formatMinutes, formatSimTime, scenarioDateTime } from '../format/sim-time.js';
import { SPEEDS } from '../format/clock-speeds.js';

/** The clock, its controls, the phase and severity, the live times and the deadlines. */
export function ClockPanel({ view, now, plan, scenario }: { view: SessionView; now: number; plan: Plan; scenario: Scenario }) {
  const command = useCommand();
  const sessionId = view.sessionId;
  const level = plan.severityLevels.find((one) => one.level === (view.severity?.level ?? scenario.expectedSeverity)) ?? plan.severityLevels[0]!;
  const metrics = sessionMetrics(view.milestones, scenario.groundTruth.compromiseAt, level).filter((metric) => metric.milestone !== 'recovered' || metric.minutes !== null);
  const running = !view.paused && !view.ended;
  return (
    <section className="panel clock" aria-labelledby="clock-heading">
      <h2 id="clock-heading" className="visually-hidden">Clock</h2>
      <div className="clock-face">
        <output className="sim-time" aria-label="Simulated time">{formatSimTime(now)}</output>
        <span className="scenario-time">{scenarioDateTime(scenario.startsAt, now)}</span>
        <span className={`clock-state ${running ? 'running' : 'paused'}`}>{view.ended ? 'Ended' : view.paused ? 'Paused' : `Running at ${view.speed}x`}</span>
      </div>
      <div className="clock-controls">
        <button type="button" className="primary" disabled={!!view.ended} aria-keyshortcuts="Space"
          onClick={() => void command(view.paused ? 'clock.resume' : 'clock.pause', { sessionId })}>
          {view.paused ? 'Resume' : 'Pause'}
        </button>
        <label className="field inline">
          <span>Speed</span>
          <select value={view.speed} disabled={!!view.ended} onChange={(event) => void command('clock.speed', { sessionId, speed: Number(event.target.value) })}>
            {[...new Set([...SPEEDS, view.speed])].sort((a, b) => a - b).map((speed) => <option key={speed} value={speed}>{speed}x</option>)}
          </select>
        </label>
        <button type="button" disabled={!view.nextInject || !!view.ended} aria-keyshortcuts="N" onClick={() => void command('clock.jump', { sessionId })}>
          Jump to next inject
        </button>
      </div>
      <dl className="status-facts">
        <div><dt>Phase</dt><dd>{plan.phases.find((phase) => phase.id === view.phase)?.title ?? view.phase ?? '—'}</dd></div>
        <div><dt>Declared severity</dt><dd>{view.severity ? `Sev ${view.severity.level} · ${view.severity.name}, at ${formatSimTime(view.severity.at)}` : 'not declared'}</dd></div>
        {metrics.map((metric) => (
          <div key={metric.milestone} className={metric.met === false ? 'missed' : metric.met ? 'met' : ''}>
            <dt>{metric.title}</dt>
            <dd>
              {metric.minutes === null ? 'not reached' : formatMinutes(metric.minutes)} <span className="target">target {formatMinutes(metric.targetMinutes)}</span>
              <small className="definition">{metric.definition}</small>
            </dd>
          </div>
        ))}
      </dl>
      {view.deadlines.length > 0 && (
        <ul className="deadlines" aria-label="Deadlines">
          {view.deadlines.map((deadline) => (
            <li key={deadline.id} className={deadline.metAt !== null ? 'met' : deadline.passed ? 'missed' : ''}>
              <span>{deadline.title}</span>
              <strong>{deadline.metAt !== null ? `met at ${formatSimTime(deadline.metAt)}` : deadline.passed ? 'deadline passed' : `${formatCountdown(deadline.dueAt - now)} left`}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
