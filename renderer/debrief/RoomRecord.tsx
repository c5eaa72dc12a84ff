import { clockText } from '../../engine/format/time-text.js';
import type { ActionTakenView, DraftView, PersonView, RatingView, RoleRef } from '../../engine/protocol/index.js';
import { ratingTitle } from '../observer/EvaluatorForm.js';
import { draftTitle } from '../participant/Drafts.js';
import '../participant/participant.css';

/**
 * A LAN session's own record in the debrief: who played which role from their own device, what
 * each of them did (every action by name), the drafts they sent, and the evaluators' ratings of
 * the objectives with their reasons, beside the computed scorecard.
 */
export function RoomRecord({ people, roles, objectives, actions, drafts, ratings }: {
  people: readonly PersonView[];
  roles: readonly RoleRef[];
  objectives: readonly { id: string; title: string }[];
  /** Every action taken, with the participant who took it when one did. */
  actions: readonly ActionTakenView[];
  drafts: readonly DraftView[];
  ratings: readonly RatingView[];
}) {
  if (people.length === 0 && drafts.length === 0 && ratings.length === 0) return null;
  const roleTitle = (id: string | null) => roles.find((role) => role.id === id)?.title ?? id ?? 'no role';
  const seatText = (person: PersonView) => (person.seat === 'role' ? roleTitle(person.role) : person.seat === 'evaluator' ? 'Evaluator' : 'Observer');
  const objectiveTitle = (id: string) => objectives.find((one) => one.id === id)?.title ?? id;
  return (
    <section className="panel room-record" aria-labelledby="room-record-heading">
      <h2 id="room-record-heading">The room</h2>
      <h3>Who played</h3>
      <ul className="plain-list">
        {people.map((person) => (
          <li key={person.id}>{person.name} · {seatText(person)}{person.removedAt !== null ? ` (removed at ${clockText(person.removedAt)})` : ''}</li>
        ))}
      </ul>
      <h3>Who did what</h3>
      {actions.length === 0 ? <p className="empty">No action was taken.</p> : (
        <table>
          <thead><tr><th scope="col">Time</th><th scope="col">Action</th><th scope="col">By</th></tr></thead>
          <tbody>
            {actions.map((taken) => (
              <tr key={taken.seq}>
                <td className="time">{clockText(taken.takenAt)}</td>
                <td>{taken.title}</td>
                <td>{taken.participant ? `${taken.participant.name} (${roleTitle(taken.by)})` : taken.by === 'facilitator' ? 'Facilitator' : roleTitle(taken.by)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Drafts</h3>
      {drafts.length === 0 ? <p className="empty">No draft was sent.</p> : (
        <ol className="draft-list">
          {drafts.map((draft) => (
            <li key={draft.seq}>
              <article aria-label={`${draftTitle(draft.kind)} by ${draft.participant?.name ?? roleTitle(draft.role)}`}>
                <p className="chat-meta"><strong>{draftTitle(draft.kind)}</strong> · {draft.participant?.name ?? roleTitle(draft.role)} ({roleTitle(draft.role)}) · <time>{clockText(draft.at)}</time></p>
                <p className="draft-text">{draft.text}</p>
              </article>
            </li>
          ))}
        </ol>
      )}
      <h3>Evaluators' ratings</h3>
      {ratings.length === 0 ? <p className="empty">No evaluator rated an objective.</p> : (
        <table>
          <thead><tr><th scope="col">Objective</th><th scope="col">Rating</th><th scope="col">Reason</th><th scope="col">Evaluator</th></tr></thead>
          <tbody>
            {ratings.map((one) => (
              <tr key={one.seq}>
                <td>{objectiveTitle(one.objective)}</td>
                <td><abbr title={ratingTitle(one.rating)}>{one.rating}</abbr></td>
                <td>{one.reason}</td>
                <td>{one.evaluator.name}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
