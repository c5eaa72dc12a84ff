import { memo } from 'react';
import type { Scenario } from '../../engine/format/scenario.js';
import type { ObservationView } from '../../engine/protocol/index.js';
import { clockText } from '../../engine/format/time-text.js';

const TAG_LABELS: Record<ObservationView['tag'], string> = { strength: 'Strength', improvement: 'Area for improvement', note: 'Note' };

/** What the facilitator has noted so far, newest first, with what each is linked to: the AAR's raw material. */
export const ObservationList = memo(function ObservationList({ observations, count = observations.length, scenario }: {
  observations: readonly ObservationView[];
  /** All the session holds: the view carries only the newest. */
  count?: number;
  scenario: Scenario;
}) {
  const objectives = new Map(scenario.objectives.map((objective) => [objective.id, objective.title]));
  const injects = new Map(scenario.injects.map((inject) => [inject.id, `${inject.id}: ${inject.title}`]));
  const linkOf = (observation: ObservationView) =>
    observation.objective ? objectives.get(observation.objective) ?? observation.objective : observation.inject ? injects.get(observation.inject) ?? observation.inject : null;
  return (
    <section className="panel observation-list" aria-labelledby="observation-list-heading">
      <h2 id="observation-list-heading">Observations noted ({count})</h2>
      {count > observations.length && <p className="hint">The newest {observations.length} are shown here; the debrief and the after-action report have all {count}.</p>}
      {observations.length === 0 ? (
        <p className="empty">None yet. Notes you take here flow into the after-action report.</p>
      ) : (
        <ol>
          {[...observations].reverse().map((observation) => (
            <li key={observation.seq} className={`tag-${observation.tag}`}>
              <span className="when">{clockText(observation.at)}</span> <span className="tag">{TAG_LABELS[observation.tag]}</span>
              <p>{observation.text}</p>
              {linkOf(observation) && <small className="hint">Linked to {linkOf(observation)}</small>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
