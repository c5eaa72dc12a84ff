import { useEffect, useMemo } from 'react';
import { endedText, scorecardDocument } from '../../engine/report/scorecard-document.js';
import { useAppState, useAppStore, useClient } from '../app/app-context.js';
import { navigate } from '../app/route.js';
import { ExportPanel } from '../debrief/ExportPanel.js';
import { ImprovementPlanEditor } from '../debrief/ImprovementPlanEditor.js';
import { ReportDocumentView } from './ReportDocumentView.js';
import { ScriptPanel } from '../studio/ScriptPanel.js';

/**
 * The debrief of a session: the exports first (what a facilitator came for), then the scorecard
 * as the exported scorecard has it (the same report document the PDF, HTML and Markdown writers
 * render: figures with their definitions, the timeline, severity, duties, decisions, the
 * playbook's steps, per phase and per role, each point traced to its journal entry), then the
 * improvement plan to edit.
 */
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
  const report = useMemo(() => (card ? scorecardDocument(card) : null), [card]);

  if (!card || !report) return <p role="status">{problem ?? 'Building the scorecard…'}</p>;
  return (
    <div className="debrief">
      <div className="console-title">
        <h1>Debrief: {card.scenarioTitle}</h1>
        <button type="button" onClick={() => navigate({ name: 'library' })}>Back to the library</button>
      </div>
      <p className="hint debrief-subtitle">{report.subtitle}. {card.endReason ? `E${endedText(card.endReason).slice(1)}` : 'Not ended'}.</p>
      <ExportPanel sessionId={sessionId} />
      <ReportDocumentView blocks={report.blocks} />
      <ImprovementPlanEditor sessionId={sessionId} roles={card.byRole} objectives={card.objectives} />
      {card.endReason && <ScriptPanel session={sessionId} />}
    </div>
  );
}
