import { useEffect, useMemo } from 'react';
import { COMPONENT_DEFINITIONS, FIGURE_DEFINITIONS, headlineFigures, percentText, points, tPlus } from '../../engine/report/figures.js';
import { timelineChartOption } from '../../engine/report/charts.js';
import type { Breakdown, StepStatus } from '../../engine/scoring/scorecard.js';
import { useAppState, useAppStore, useClient } from '../app/app-context.js';
import { navigate } from '../app/route.js';
import { ExportPanel } from '../debrief/ExportPanel.js';
import { ImprovementPlanEditor } from '../debrief/ImprovementPlanEditor.js';
import { ReportChart } from './ReportChart.js';

const STATUS_LABELS: Record<StepStatus, string> = { 'on-time': 'On time', late: 'Late', missed: 'Missed', started: 'Started', harmful: 'Harmful' };

function BreakdownTable({ caption, rows, definition }: { caption: string; rows: Breakdown[]; definition: string }) {
  return (
    <table>
      <caption>{caption} <small className="definition">{definition}</small></caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Points</th><th scope="col">Score</th></tr></thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}><th scope="row">{row.title}</th><td>{points(row.earned)} / {points(row.possible)}</td><td>{percentText(row.percent)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** The scorecard of a session: figures with their definitions, each point traced to its journal entry. */
export function DebriefView({ sessionId }: { sessionId: string }) {
  const client = useClient();
  const store = useAppStore();
  const card = useAppState((state) => (state.scorecard?.sessionId === sessionId ? state.scorecard : null));
  const problem = useAppState((state) => state.problem);
  useEffect(() => {
    void client.send('scorecard.get', { sessionId }).then(
      (result) => store.getState().setScorecard(result.scorecard),
      (error: Error) => store.getState().setProblem(`The scorecard could not be built: ${error.message}`),
    );
  }, [client, store, sessionId]);
  const timeline = useMemo(() => (card ? timelineChartOption(card) : null), [card]);
  // Roles by their titles, as the plan names them (the scorecard keeps ids for tracing).
  const roleTitle = useMemo(() => new Map(card?.byRole.map((role) => [role.id, role.title])), [card]);

  if (!card) return <p role="status">{problem ?? 'Building the scorecard…'}</p>;
  return (
    <div className="debrief">
      <div className="console-title">
        <h1>Debrief: {card.scenarioTitle}</h1>
        <button type="button" onClick={() => navigate({ name: 'library' })}>Back to the library</button>
      </div>
      <p className="hint">{FIGURE_DEFINITIONS.simulatedTime}. Plan: {card.planTitle}. Ended: {card.endReason ?? 'not ended'}.</p>
      <ul className="headline" aria-label="Headline figures">
        {headlineFigures(card).map((figure) => (
          <li key={figure.id} className={`figure ${figure.met === false ? 'missed' : figure.met ? 'met' : ''}`} aria-labelledby={`figure-${figure.id}`}>
            <span id={`figure-${figure.id}`} className="figure-title">{figure.title}</span>
            <strong className="figure-value" data-figure={figure.id}>{figure.value}</strong>
            {figure.target && <span className="target">target {figure.target}{figure.met === null ? '' : figure.met ? ' · met' : ' · missed'}</span>}
            <small className="definition">{figure.definition}</small>
          </li>
        ))}
      </ul>
      {timeline && <ReportChart option={timeline} label="Timeline of injects, actions, decisions and milestones" />}
      <table>
        <caption>Score by part</caption>
        <thead><tr><th scope="col">Part</th><th scope="col">Points</th><th scope="col">How it is earned</th></tr></thead>
        <tbody>
          {card.components.map((part) => (
            <tr key={part.id}><th scope="row">{part.title}</th><td>{points(part.earned)} / {part.weight}</td><td className="definition">{COMPONENT_DEFINITIONS[part.id]}</td></tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Expected actions of the playbook</caption>
        <thead>
          <tr><th scope="col">Step</th><th scope="col">Owner</th><th scope="col">Status</th><th scope="col">Done by</th><th scope="col">Done at</th><th scope="col">Due</th><th scope="col">Credit</th><th scope="col">Journal entry</th></tr>
        </thead>
        <tbody>
          {card.expectedActions.map((step) => (
            <tr key={step.step} className={`status-${step.status}`}>
              <th scope="row">{step.title}</th>
              <td>{roleTitle.get(step.owner) ?? step.owner}</td>
              <td>{STATUS_LABELS[step.status]}{step.wrongRole ? ', wrong role' : ''}{step.outOfOrder ? ', out of order' : ''}{step.evidenceDestroyed ? ', evidence destroyed' : ''}</td>
              <td>{step.doneBy ? roleTitle.get(step.doneBy) ?? step.doneBy : '—'}</td>
              <td>{tPlus(step.doneAtMinutes ?? step.takenAtMinutes)}</td>
              <td>{tPlus(step.dueAtMinutes)}</td>
              <td>{Math.round(step.credit * 100)}%</td>
              <td>{step.seq === null ? '—' : `#${step.seq}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="two-tables">
        <BreakdownTable caption={`By phase (${card.byPhase.framework})`} rows={card.byPhase.phases} definition={FIGURE_DEFINITIONS.phase} />
        <BreakdownTable caption="By role" rows={card.byRole} definition={FIGURE_DEFINITIONS.role} />
      </div>
      <table>
        <caption>Objectives <small className="definition">{FIGURE_DEFINITIONS.objective}</small></caption>
        <thead><tr><th scope="col">Objective</th><th scope="col">Capability</th><th scope="col">Score</th><th scope="col">Rating</th></tr></thead>
        <tbody>
          {card.objectives.map((objective) => (
            <tr key={objective.id}>
              <th scope="row">{objective.title}</th>
              <td>{objective.capability}</td>
              <td>{percentText(objective.percent)}</td>
              <td><abbr title={objective.ratingLabel} className={`rating rating-${objective.rating}`}>{objective.rating}</abbr> {objective.ratingLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {card.observations.length > 0 && (
        <section aria-labelledby="observations-heading">
          <h2 id="observations-heading">Observations</h2>
          <ul className="observations">
            {card.observations.map((observation) => (
              <li key={observation.seq}>{tPlus(observation.atMinutes)} · {observation.tag} · {observation.text} <span className="hint">(#{observation.seq})</span></li>
            ))}
          </ul>
        </section>
      )}
      <ImprovementPlanEditor sessionId={sessionId} roles={card.byRole} objectives={card.objectives} />
      <ExportPanel sessionId={sessionId} />
    </div>
  );
}
