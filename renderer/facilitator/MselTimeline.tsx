import type { Scenario } from '../../engine/format/scenario.js';
import type { InjectView, SessionView } from '../../engine/protocol/index.js';
import { useState } from 'react';
import { useAppState, useCommand } from '../app/app-context.js';
import { formatCountdown, formatSimTime } from '../format/sim-time.js';
import { heldInjects, skippedInjects, upcomingInjects } from '../store/session-selectors.js';

function when(inject: InjectView, now: number): string {
  if (inject.status === 'fired') return `fired ${formatSimTime(inject.firedAt ?? 0)}`;
  if (inject.status === 'held') return 'held';
  if (inject.status === 'skipped') return `skipped ${formatSimTime(inject.skippedAt ?? 0)}: its condition held`;
  return inject.dueAt === null ? 'on a trigger' : `in ${formatCountdown(inject.dueAt - now)}`;
}

/** The Master Scenario Events List: what is coming, what is held; release and hold. Facilitator notes live only here. */
export function MselTimeline({ view, now, scenario }: { view: SessionView; now: number; scenario: Scenario }) {
  const command = useCommand();
  // On a projector the room can read the screen: facilitator notes stay hidden until asked for.
  const projector = useAppState((state) => state.projector);
  const [notesShown, setNotesShown] = useState(false);
  const showNotes = !projector || notesShown;
  const notes = new Map(scenario.injects.map((inject) => [inject.id, inject.facilitatorNotes]));
  const rows = [...upcomingInjects(view), ...heldInjects(view), ...skippedInjects(view)];
  const act = (type: 'inject.released' | 'inject.held', inject: string) =>
    void command('session.input', { sessionId: view.sessionId, actor: 'facilitator', input: { type, inject } });
  return (
    <section className="panel msel" aria-labelledby="msel-heading">
      <div className="panel-title">
        <h2 id="msel-heading">MSEL: upcoming injects</h2>
        {projector && <button type="button" aria-pressed={notesShown} onClick={() => setNotesShown(!notesShown)}>Facilitator notes</button>}
      </div>
      {rows.length === 0 && <p className="empty">Every inject has fired.</p>}
      <ol className="msel-list">
        {rows.map((inject) => (
          <li key={inject.id} className={`msel-row status-${inject.status}`}>
            <div className="msel-head">
              <span className="inject-id">{inject.id}</span>
              <span className="inject-title">{inject.title}</span>
              <span className="countdown">{when(inject, now)}</span>
            </div>
            {showNotes && notes.get(inject.id) && <p className="facilitator-note"><span className="label">Facilitator note:</span> {notes.get(inject.id)}</p>}
            <div className="buttons">
              <button type="button" disabled={!!view.ended} aria-label={`Release ${inject.title} now`} onClick={() => act('inject.released', inject.id)}>Release now</button>
              {inject.status !== 'held' && inject.status !== 'skipped' && (
                <button type="button" disabled={!!view.ended} aria-label={`Hold ${inject.title}`} onClick={() => act('inject.held', inject.id)}>Hold</button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
