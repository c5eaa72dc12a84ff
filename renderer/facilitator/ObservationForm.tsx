import { memo, useState, type FormEvent } from 'react';
import type { Scenario } from '../../engine/format/scenario.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { TEXT_LIMITS } from '../../engine/format/limits.js';
import { useAppState, useCommand } from '../app/app-context.js';
import { useInFlight } from '../app/use-in-flight.js';

type Tag = 'strength' | 'improvement' | 'note';

/** The note's id: the O shortcut lands on it. */
export const OBSERVATION_NOTE_ID = 'observation-note';

/** The facilitator's timestamped notes, tagged and linked to an objective or inject: they flow into the AAR. */
export const ObservationForm = memo(function ObservationForm({ view, scenario }: { view: SessionView; scenario: Scenario }) {
  const command = useCommand();
  const [text, setText] = useState('');
  const [tag, setTag] = useState<Tag>('strength');
  const [link, setLink] = useState('');
  const { sending, once } = useInFlight();
  const nearLimit = text.length > TEXT_LIMITS.note * 0.9;
  // On the projector, and in a solo drill, the list names only the injects that have come: the
  // titles of the others would give away what is coming.
  const projector = useAppState((state) => state.projector);
  const fired = new Set(view.injects.filter((inject) => inject.status === 'fired').map((inject) => inject.id));
  const linkable = projector || view.mode === 'solo' ? scenario.injects.filter((inject) => fired.has(inject.id)) : scenario.injects;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    const [kind, id] = link.split(':');
    const recorded = await once(() => command('session.input', {
      sessionId: view.sessionId,
      actor: 'facilitator',
      input: { type: 'observation.noted', text: text.trim(), tag, ...(kind === 'objective' ? { objective: id } : {}), ...(kind === 'inject' ? { inject: id } : {}) },
    }));
    if (recorded) setText('');
  };
  return (
    <form className="panel observation" onSubmit={(event) => void submit(event)} aria-labelledby="observation-heading">
      <h2 id="observation-heading" tabIndex={-1}>Observation</h2>
      <label className="field">
        <span>Note</span>
        <textarea id={OBSERVATION_NOTE_ID} value={text} rows={2} maxLength={TEXT_LIMITS.note} aria-describedby={nearLimit ? `${OBSERVATION_NOTE_ID}-length` : undefined}
          onChange={(event) => setText(event.target.value)} />
      </label>
      {/* The journal keeps an observation to this length: say so before the text stops growing. */}
      {nearLimit && <p id={`${OBSERVATION_NOTE_ID}-length`} className="hint">{text.length.toLocaleString('en')} of {TEXT_LIMITS.note.toLocaleString('en')} characters at most</p>}
      <div className="inline-form">
        <label className="field inline">
          <span>Tag</span>
          <select value={tag} onChange={(event) => setTag(event.target.value as Tag)}>
            <option value="strength">Strength</option>
            <option value="improvement">Area for improvement</option>
            <option value="note">Note</option>
          </select>
        </label>
        <label className="field inline">
          <span>Linked to</span>
          <select value={link} onChange={(event) => setLink(event.target.value)}>
            <option value="">Nothing</option>
            <optgroup label="Objectives">
              {scenario.objectives.map((objective) => <option key={objective.id} value={`objective:${objective.id}`}>{objective.title}</option>)}
            </optgroup>
            <optgroup label="Injects">
              {linkable.map((inject) => <option key={inject.id} value={`inject:${inject.id}`}>{inject.id}: {inject.title}</option>)}
            </optgroup>
          </select>
        </label>
        <button type="submit" disabled={!!view.ended || !text.trim() || sending}>Note observation</button>
      </div>
    </form>
  );
});
