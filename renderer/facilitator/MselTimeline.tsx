import { useCallback, useEffect, useState } from 'react';
import type { Scenario } from '../../engine/format/scenario.js';
import { clockText } from '../../engine/format/time-text.js';
import { timeLeftText } from '../format/deadline-text.js';
import type { InjectView, SessionView } from '../../engine/protocol/index.js';
import { useAppState, useCommand } from '../app/app-context.js';
import { heldInjects, skippedInjects, upcomingInjects } from '../store/session-selectors.js';
import { VirtualList } from '../ui/VirtualList.js';

function when(inject: InjectView, now: number): string {
  if (inject.status === 'fired') return `fired ${clockText(inject.firedAt ?? 0)}`;
  if (inject.status === 'held') return inject.dueAt !== null ? `held (was due ${clockText(inject.dueAt)})` : 'held';
  if (inject.status === 'skipped') return `skipped ${clockText(inject.skippedAt ?? 0)}: its condition held`;
  return inject.dueAt === null ? 'on a trigger' : `in ${timeLeftText(inject.dueAt - now)}`;
}

type MselInput = 'inject.released' | 'inject.held' | 'inject.resumed';

/** The id of one of an inject's buttons in the MSEL. */
const buttonId = (inject: string, button: 'release' | 'hold' | 'resume') => `msel-${inject}-${button}`;

/**
 * Where the focus goes once the command is done: the button pressed is gone (a held inject
 * moves below what is coming, with other buttons; a released one leaves the MSEL), so the
 * focus moves to the row's next button, or to the MSEL's heading, never to the page's top.
 */
const FOCUS_AFTER: Record<MselInput, (inject: string) => string> = {
  'inject.held': (inject) => buttonId(inject, 'resume'),
  'inject.resumed': (inject) => buttonId(inject, 'hold'),
  'inject.released': () => 'msel-heading',
};

/**
 * The Master Scenario Events List: what is coming, what is held or skipped; release, hold, and
 * put a held inject back on its schedule. Facilitator notes live only here. In projector mode
 * the room can read the screen, and in a solo drill the one playing is the one who must not
 * know what is coming: the titles and notes of what is coming stay hidden until shown.
 */
export function MselTimeline({ view, now, scenario }: { view: SessionView; now: number; scenario: Scenario }) {
  const command = useCommand();
  const projector = useAppState((state) => state.projector);
  const [shown, setShown] = useState(false);
  const solo = view.mode === 'solo';
  const concealed = projector || solo;
  const reveal = !concealed || shown;
  const notes = new Map(scenario.injects.map((inject) => [inject.id, inject.facilitatorNotes]));
  const rows = [...upcomingInjects(view), ...heldInjects(view), ...skippedInjects(view)];
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    const target = focusTarget === null ? null : document.getElementById(focusTarget);
    if (!target) return;
    target.scrollIntoView?.({ block: 'nearest' });
    target.focus();
    setFocusTarget(null);
  });
  const act = useCallback(async (type: MselInput, inject: string) => {
    const done = await command('session.input', { sessionId: view.sessionId, actor: 'facilitator', input: { type, inject } });
    if (done) setFocusTarget(FOCUS_AFTER[type](inject));
  }, [command, view.sessionId]);
  const name = (inject: InjectView) => (reveal ? inject.title : inject.id);
  const row = (inject: InjectView) => (
    <div className={`msel-row status-${inject.status}`}>
      <div className="msel-head">
        <span className="inject-id">{inject.id}</span>
        <span className="inject-title">{reveal ? inject.title : <span className="hint">{projector ? 'title hidden on the projector' : 'title hidden until it arrives'}</span>}</span>
        <span className="countdown">{when(inject, now)}</span>
      </div>
      {reveal && notes.get(inject.id) && <p className="facilitator-note"><span className="label">Facilitator note:</span> {notes.get(inject.id)}</p>}
      <div className="buttons">
        <button type="button" id={buttonId(inject.id, 'release')} disabled={!!view.ended} aria-label={`Release ${name(inject)} now`} onClick={() => void act('inject.released', inject.id)}>Release now</button>
        {inject.status === 'held' && (
          <button type="button" id={buttonId(inject.id, 'resume')} disabled={!!view.ended} aria-label={`Put ${name(inject)} back on its schedule`} onClick={() => void act('inject.resumed', inject.id)}>Back on schedule</button>
        )}
        {inject.status !== 'held' && inject.status !== 'skipped' && (
          <button type="button" id={buttonId(inject.id, 'hold')} disabled={!!view.ended} aria-label={`Hold ${name(inject)}`} onClick={() => void act('inject.held', inject.id)}>Hold</button>
        )}
      </div>
    </div>
  );
  return (
    <section className="panel msel" aria-labelledby="msel-heading">
      <div className="panel-title">
        <h2 id="msel-heading" tabIndex={-1}>MSEL: upcoming injects</h2>
        {concealed && <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>Show titles and notes</button>}
      </div>
      {solo && !shown && <p className="hint">A solo drill keeps what is coming a surprise: show the titles and the facilitator notes only to review the drill.</p>}
      {rows.length === 0 && <p className="empty">Every inject has fired.</p>}
      <VirtualList className="msel-list" items={rows} itemKey={(inject) => inject.id} estimate={84} renderItem={row} />
    </section>
  );
}
