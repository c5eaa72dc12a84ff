import { useState } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import { clockText, durationText } from '../../engine/format/time-text.js';
import { previewDraft, type Preview, type PreviewTeam } from '../../engine/studio/preview.js';
import { checkDraft } from '../../engine/studio/check-draft.js';

// Preview: the draft played in the page by the pure engine (nothing is sent to the host), a
// scrubber over its simulated time showing what the players have seen by then, and the
// scorecard it ends with.

const KIND_WORDS = { inject: 'Inject', skipped: 'Skipped', decision: 'Decision', milestone: 'Milestone', action: 'Team', severity: 'Team', end: 'End' } as const;

export function PreviewPanel({ plan, file, text }: { plan: Plan | undefined; file: string; text: string }) {
  const [team, setTeam] = useState<PreviewTeam>('expected');
  const [played, setPlayed] = useState<{ text: string; preview: Preview } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [at, setAt] = useState(0);
  const preview = played?.preview ?? null;
  if (!plan) return <p className="hint">The preview plays the draft once its plan is loaded.</p>;
  // The draft as it is now, checked once more: the preview never plays an older text.
  const play = () => {
    const checked = checkDraft(file, text, { plans: [plan] });
    if (!checked.scenario) {
      setProblem(`The draft has ${checked.errors.length} problem${checked.errors.length === 1 ? '' : 's'} (listed above): fix ${checked.errors.length === 1 ? 'it' : 'them'} to play it.`);
      return;
    }
    setProblem(null);
    setPlayed({ text, preview: previewDraft(plan, checked.scenario, team) });
    setAt(0);
  };
  const stale = played !== null && played.text !== text;
  const level = preview ? plan.severityLevels.find((candidate) => candidate.level === preview.scorecard.severity.expected) : undefined;
  const shown = preview ? preview.events.filter((event) => event.at <= at) : [];
  const atEnd = preview !== null && at >= preview.endedAt;
  return (
    <section className="preview" aria-label="Preview">
      <div className="inline-form">
        <label className="field">
          <span>The team in the preview</span>
          <select value={team} onChange={(event) => setTeam(event.target.value as PreviewTeam)}>
            <option value="expected">Does what the injects expect</option>
            <option value="none">Does nothing</option>
          </select>
        </label>
        <button type="button" className="primary" onClick={play}>{preview ? 'Play the draft again' : 'Play the draft'}</button>
        {stale && <span className="hint">The draft changed since: play it again to see the change.</span>}
      </div>
      {problem && <p role="alert">{problem}</p>}
      {preview && (
        <>
          <label className="field scrubber">
            <span>Simulated time: {clockText(at)} of {clockText(preview.endedAt)}</span>
            <input type="range" min={0} max={preview.endedAt} step={60_000} value={at} onChange={(event) => setAt(Number(event.target.value))} aria-valuetext={clockText(at)} />
          </label>
          <div className="buttons">
            <button type="button" onClick={() => setAt(preview.endedAt)}>Go to the end</button>
          </div>
          <ol className="preview-events" aria-label="What has happened by then" tabIndex={0}>
            {shown.map((event, index) => (
              <li key={index} className={`preview-${event.kind}`}>
                <span className="preview-time">{clockText(event.at)}</span> <strong>{KIND_WORDS[event.kind]}</strong> {event.text}
              </li>
            ))}
            {shown.length === 0 && <li className="empty">Nothing yet at T+0: move the scrubber.</li>}
          </ol>
          {atEnd && (
            <section className="preview-scorecard" aria-label="Preview scorecard">
              <h3>Scorecard of the preview: {preview.scorecard.overallScore} / 100</h3>
              <ul>
                {preview.scorecard.components.filter((component) => component.weight > 0).map((component) => (
                  <li key={component.id}>{component.title}: {Math.round(component.earned * 10) / 10} of {component.weight}</li>
                ))}
                <li>Severity: expected Sev {preview.scorecard.severity.expected}, to be declared within {level ? durationText(level.responseDeadline) : '?'} of detection (by {clockText(preview.scorecard.severity.deadlineMinutes * 60_000)}){preview.scorecard.severity.declared !== null ? `; declared Sev ${preview.scorecard.severity.declared}${preview.scorecard.severity.onTime ? ' on time' : ' late'}` : '; not declared'}</li>
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
