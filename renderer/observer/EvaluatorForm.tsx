import { useId, useRef, useState, type FormEvent } from 'react';
import { useInFlight } from '../app/use-in-flight.js';
import { MAX_RATING_REASON_CHARS, TEXT_LIMITS } from '../../engine/format/limits.js';
import { clockText } from '../../engine/format/time-text.js';

/** HSEEP's Exercise Evaluation Guide ratings of an objective. */
export const EEG_RATINGS = [
  { id: 'P', title: 'Performed without challenges' },
  { id: 'S', title: 'Performed with some challenges' },
  { id: 'M', title: 'Performed with major challenges' },
  { id: 'U', title: 'Unable to be performed' },
] as const;
export type EegRating = (typeof EEG_RATINGS)[number]['id'];
export const ratingTitle = (rating: string): string => EEG_RATINGS.find((one) => one.id === rating)?.title ?? rating;

export interface ObjectiveToRate {
  id: string;
  title: string;
  capability: string;
}

/** A rating as journaled: the latest of an evaluator's for an objective stands. */
export interface EvaluatorRating {
  seq: number;
  at: number;
  objective: string;
  rating: string;
  reason: string;
  evaluator: string;
}

export interface EvaluatorNote {
  seq: number;
  at: number;
  text: string;
  objective: string | null;
  evaluator: string;
}

/** What the evaluator is writing and has not sent yet: kept by the caller (on the device), so a reload or a closed tab loses none of it. */
export interface UnsentEvaluation {
  note: string;
  /** By objective: the rating chosen and the reason typed, not sent yet. */
  ratings: Record<string, { rating: string; reason: string }>;
}

export const NO_UNSENT_EVALUATION: UnsentEvaluation = { note: '', ratings: {} };

// The journal's own limits: a longer text would be refused when sent.
const REASON_MAX = MAX_RATING_REASON_CHARS;
const NOTE_MAX = TEXT_LIMITS.note;

/** One objective: its rating (P, S, M or U) with the reason, sent together. */
function ObjectiveRating({ objective, mine, unsent, disabled, onRate, onUnsent }: {
  objective: ObjectiveToRate; mine: EvaluatorRating | undefined; unsent: UnsentEvaluation['ratings'][string] | undefined; disabled: boolean;
  onRate: (rating: EegRating, reason: string) => Promise<boolean>;
  /** The rating and reason as they are being written; null once sent. */
  onUnsent: (unsent: { rating: string; reason: string } | null) => void;
}) {
  const [rating, setRatingState] = useState<string>(unsent?.rating ?? mine?.rating ?? '');
  const [reason, setReasonState] = useState(unsent?.reason ?? mine?.reason ?? '');
  const setRating = (next: string) => {
    setRatingState(next);
    onUnsent({ rating: next, reason });
  };
  const setReason = (next: string) => {
    setReasonState(next);
    onUnsent({ rating, reason: next });
  };
  // One rating at a time: a double click records it once.
  const { sending, once } = useInFlight();
  const reasonId = useId();
  const changed = rating !== (mine?.rating ?? '') || reason.trim() !== (mine?.reason ?? '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rating || !reason.trim()) return;
    if (await once(() => onRate(rating as EegRating, reason.trim()))) onUnsent(null);
  };
  return (
    <form className="objective-rating" onSubmit={(event) => void submit(event)}>
      <fieldset>
        <legend><strong>{objective.title}</strong> <span className="hint">· {objective.capability}</span></legend>
        <div className="rating-choices">
          {EEG_RATINGS.map((one) => (
            <label key={one.id} className="rating-choice" title={one.title}>
              <input type="radio" name={`rating-${objective.id}`} value={one.id} checked={rating === one.id} disabled={disabled} onChange={() => setRating(one.id)} />
              <span aria-hidden="true" className="rating-letter">{one.id}</span>
              <span className="visually-hidden">{one.id}: {one.title}</span>
            </label>
          ))}
        </div>
        {rating && <p className="hint rating-meaning">{rating}: {ratingTitle(rating)}</p>}
        <label htmlFor={reasonId} className="field"><span>Reason</span></label>
        <textarea id={reasonId} rows={2} value={reason} maxLength={REASON_MAX} disabled={disabled} onChange={(event) => setReason(event.target.value)} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={disabled || sending || !rating || !reason.trim() || !changed}>
            {mine ? 'Change the rating' : 'Rate'}
          </button>
          {mine && !changed && <span className="hint">Rated {mine.rating} at {clockText(mine.at)}</span>}
        </div>
      </fieldset>
    </form>
  );
}

/**
 * The evaluator's form (HSEEP's Exercise Evaluation Guide): observations as they happen, and a
 * rating of each objective, P, S, M or U, with a reason. Both are journaled with the evaluator's
 * name and go into the debrief and the AAR beside the computed ratings.
 */
export function EvaluatorForm({ objectives, ratings, notes, evaluator, disabled, onRate, onNote, unsent = NO_UNSENT_EVALUATION, onUnsent }: {
  objectives: readonly ObjectiveToRate[];
  ratings: readonly EvaluatorRating[];
  notes: readonly EvaluatorNote[];
  /** This evaluator's name: their own latest rating of each objective fills its form. */
  evaluator: string;
  disabled: boolean;
  onRate: (objective: string, rating: EegRating, reason: string) => Promise<boolean>;
  onNote: (text: string, objective: string | null) => Promise<boolean>;
  /** What was being written when the page was last open (read once, when the form first shows). */
  unsent?: UnsentEvaluation;
  /** Told of every change to what is being written, to keep it. */
  onUnsent?: (unsent: UnsentEvaluation) => void;
}) {
  const kept = useRef(unsent);
  const keepUnsent = (change: (before: UnsentEvaluation) => UnsentEvaluation) => {
    kept.current = change(kept.current);
    onUnsent?.(kept.current);
  };
  const [note, setNoteState] = useState(unsent.note);
  const setNote = (next: string) => {
    setNoteState(next);
    keepUnsent((before) => ({ ...before, note: next }));
  };
  const [noteObjective, setNoteObjective] = useState('');
  // One observation at a time, likewise.
  const { sending, once } = useInFlight();
  const noteId = useId();
  const objectiveId = useId();
  const mine = new Map<string, EvaluatorRating>();
  for (const rating of [...ratings].sort((a, b) => a.seq - b.seq)) if (rating.evaluator === evaluator) mine.set(rating.objective, rating);
  const sendNote = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return;
    if (await once(() => onNote(note.trim(), noteObjective || null))) setNote('');
  };
  const objectiveTitle = (id: string | null) => objectives.find((one) => one.id === id)?.title ?? id;
  return (
    <section className="panel evaluator" aria-labelledby="evaluator-heading">
      <h2 id="evaluator-heading" tabIndex={-1}>Evaluation</h2>
      <form className="observation" onSubmit={(event) => void sendNote(event)}>
        <label htmlFor={noteId} className="field"><span>Observation</span></label>
        <textarea id={noteId} rows={3} value={note} maxLength={NOTE_MAX} disabled={disabled} onChange={(event) => setNote(event.target.value)} />
        <div className="inline-form">
          <label className="field inline" htmlFor={objectiveId}>
            <span>Objective</span>
          </label>
          <select id={objectiveId} value={noteObjective} disabled={disabled} onChange={(event) => setNoteObjective(event.target.value)}>
            <option value="">None</option>
            {objectives.map((one) => <option key={one.id} value={one.id}>{one.title}</option>)}
          </select>
          <button type="submit" className="primary" disabled={disabled || sending || !note.trim()}>Note it</button>
        </div>
      </form>
      {notes.length > 0 && (
        <ol className="evaluator-notes">
          {[...notes].sort((a, b) => b.seq - a.seq).map((one) => (
            <li key={one.seq}><span className="hint">{clockText(one.at)} · {one.evaluator}{one.objective ? ` · ${objectiveTitle(one.objective)}` : ''}</span><p>{one.text}</p></li>
          ))}
        </ol>
      )}
      <h3>Objectives</h3>
      <p className="hint">Rate each objective as HSEEP's Exercise Evaluation Guide does, with the reason for the rating.</p>
      {objectives.map((objective) => (
        <ObjectiveRating key={objective.id} objective={objective} mine={mine.get(objective.id)} unsent={unsent.ratings[objective.id]} disabled={disabled}
          onRate={(rating, reason) => onRate(objective.id, rating, reason)}
          onUnsent={(one) => keepUnsent((before) => {
            const { [objective.id]: _dropped, ...others } = before.ratings;
            return { ...before, ratings: one ? { ...others, [objective.id]: one } : others };
          })} />
      ))}
    </section>
  );
}
