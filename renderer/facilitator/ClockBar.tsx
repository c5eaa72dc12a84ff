import type { ReactNode } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import { clockText, durationText, storyTimeText } from '../../engine/format/time-text.js';
import type { NextStop, SessionView } from '../../engine/protocol/index.js';
import { minutesText } from '../../engine/report/figures.js';
import { sessionMetrics } from '../../engine/scoring/metrics.js';
import { useAppState, useCommand } from '../app/app-context.js';
import { SPEEDS } from '../format/clock-speeds.js';
import { deadlineText } from '../format/deadline-text.js';
import { DefinitionTip } from '../ui/DefinitionTip.js';

const STOP_WORDS: Record<NextStop['kind'], string> = {
  inject: 'an inject', decision: 'a decision', 'decision-expiry': 'a decision’s time limit', deadline: 'a deadline', action: 'an action’s completion',
};

/**
 * The console's clock bar, always in view: the clock and the story's own time, its controls
 * (and the session's own, `children`: End),
 * the phase, the severity, the live times (each with its definition a focus away) and the
 * deadlines counting down.
 */
export function ClockBar({ view, now, plan, scenario, children }: { view: SessionView; now: number; plan: Plan; scenario: Scenario; children?: ReactNode }) {
  const command = useCommand();
  // On the room's screen the bar does not say what is coming next.
  const projector = useAppState((state) => state.projector);
  const sessionId = view.sessionId;
  const level = plan.severityLevels.find((one) => one.level === (view.severity?.level ?? scenario.expectedSeverity)) ?? plan.severityLevels[0]!;
  const metrics = sessionMetrics(view.milestones, scenario.groundTruth.compromiseAt, level).filter((metric) => metric.milestone !== 'recovered' || metric.minutes !== null);
  const state = view.ended ? 'Ended' : view.paused ? 'Paused' : `Running at ${view.speed}x`;
  return (
    <section className="clock-bar" aria-labelledby="clock-heading">
      <h2 id="clock-heading" className="visually-hidden">Clock</h2>
      <div className="clock-face">
        <output className="sim-time" aria-label="Simulated time">{clockText(now, { seconds: true })}</output>
        <span className="scenario-time" aria-label="Scenario date and time">{storyTimeText(scenario.startsAt, now)}</span>
        <span className={`clock-state ${view.paused || view.ended ? 'paused' : 'running'}`}>{state}</span>
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
        <button type="button" disabled={!view.nextStop || !!view.ended} aria-keyshortcuts="N" aria-describedby={projector ? undefined : 'next-stop'}
          onClick={() => void command('clock.jump', { sessionId })}>
          Jump to next event
        </button>
        {!projector && (
          <span id="next-stop" className="hint next-stop">
            {view.nextStop ? `Next: ${STOP_WORDS[view.nextStop.kind]} in ${durationText(view.nextStop.dueAt - now, { countdown: true })}` : 'Nothing scheduled ahead'}
          </span>
        )}
        {children}
      </div>
      <div className="clock-status">
        <dl className="status-facts">
          <div><dt>Phase</dt><dd>{plan.phases.find((phase) => phase.id === view.phase)?.title ?? view.phase ?? '—'}</dd></div>
          <div><dt>Declared severity</dt><dd>{view.severity ? `Sev ${view.severity.level} · ${view.severity.name}, at ${clockText(view.severity.at)}` : 'not declared'}</dd></div>
          {metrics.map((metric) => (
            <div key={metric.milestone} className={metric.met === false ? 'missed' : metric.met ? 'met' : ''}>
              <dt>{metric.title} <DefinitionTip term={metric.title} definition={metric.definition} /></dt>
              <dd>{metric.minutes === null ? 'not reached' : minutesText(metric.minutes)} <span className="target">target {minutesText(metric.targetMinutes)}</span></dd>
            </div>
          ))}
        </dl>
        {view.deadlines.length > 0 && (
          <ul className="deadlines" aria-label="Deadlines">
            {view.deadlines.map((deadline) => (
              <li key={deadline.id} className={deadline.metAt !== null ? 'met' : deadline.passed ? 'missed' : ''}>
                <span>{deadline.title}</span>
                <strong>{deadlineText(deadline, now)}</strong>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
