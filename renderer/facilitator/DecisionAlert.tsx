import { useEffect, useRef, useState } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import type { OpenDecisionView } from '../../engine/protocol/index.js';
import { useAppState } from '../app/app-context.js';
import { roleTitle } from '../store/session-selectors.js';
import { playChime } from './decision-chime.js';

/**
 * Says so when a decision is put to the team: a banner in a live region (a screen reader reads
 * it out), and the chime if the facilitator turned the sound on. Decisions already open when
 * the page opened are not news. The banner goes once its decisions are answered or dismissed.
 */
export function DecisionAlert({ decisions, plan, onShow }: { decisions: readonly OpenDecisionView[]; plan: Plan; onShow?: () => void }) {
  const soundOn = useRef(false);
  soundOn.current = useAppState((state) => state.decisionSound);
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<OpenDecisionView[]>([]);

  // Keyed by the open decisions' ids: a push that changes nothing about them changes nothing here.
  const ids = decisions.map((decision) => decision.id).join('\n');
  const latest = useRef(decisions);
  latest.current = decisions;
  useEffect(() => {
    const decisions = latest.current;
    const open = new Set(decisions.map((decision) => decision.id));
    if (seen.current === null) {
      seen.current = open;
      return;
    }
    const arrived = decisions.filter((decision) => !seen.current!.has(decision.id));
    for (const id of open) seen.current.add(id);
    setFresh((before) => [...before.filter((decision) => open.has(decision.id)), ...arrived]);
    // The sound setting is read when a decision arrives: turning it on announces nothing.
    if (arrived.length > 0 && soundOn.current) playChime();
  }, [ids]);

  return (
    <div className="decision-alert-region" aria-live="assertive" aria-atomic="true">
      {fresh.length > 0 && (
        <div className="decision-alert" role="group" aria-label="New decision">
          <p>
            <strong>{fresh.length === 1 ? 'New decision' : `${fresh.length} new decisions`}</strong>
            {' '}for the team: {fresh.map((decision) => `${decision.prompt} (${roleTitle(plan, decision.role)})`).join('; ')}
          </p>
          {onShow && <button type="button" className="primary" onClick={() => { onShow(); setFresh([]); }}>Show the decision</button>}
          <button type="button" onClick={() => setFresh([])}>Dismiss</button>
        </div>
      )}
    </div>
  );
}
