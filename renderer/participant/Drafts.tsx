import { useId, useRef, useState, type FormEvent } from 'react';
import { useInFlight } from '../app/use-in-flight.js';
import { clockText } from '../../engine/format/time-text.js';
import { MAX_DRAFT_CHARS } from '../../engine/format/limits.js';

/** The documents a role may write during a drill. */
export const DRAFT_KINDS = [
  { id: 'regulator-notification', title: 'Regulator notification' },
  { id: 'holding-statement', title: 'Holding statement' },
  { id: 'executive-briefing', title: 'Executive briefing' },
] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number]['id'];

export const draftTitle = (kind: string): string => DRAFT_KINDS.find((one) => one.id === kind)?.title ?? kind;

/** A draft as sent: journaled, shown to the facilitator, in the debrief and the AAR. */
export interface SentDraft {
  seq: number;
  at: number;
  kind: string;
  author: string;
  roleTitle: string | null;
  text: string;
}

/** The longest draft the form takes: the journal's own limit (the host checks it too). */
export const DRAFT_MAX = MAX_DRAFT_CHARS;

/**
 * A draft to write (which document, its text) and send; then the drafts sent, the latest first.
 * What is being written is kept per document by `useDraftText` (the caller's), so a reload or a
 * dropped connection does not lose it.
 */
export function Drafts({ sent, disabled, text, onText, onSend }: {
  sent: readonly SentDraft[];
  disabled: boolean;
  /** The unsent text of each kind. */
  text: Partial<Record<DraftKind, string>>;
  onText: (kind: DraftKind, text: string) => void;
  onSend: (kind: DraftKind, text: string) => Promise<boolean>;
}) {
  // Back after a reload: the document being written is open again, not an empty first one.
  const [kind, setKind] = useState<DraftKind>(() => DRAFT_KINDS.find((one) => text[one.id]?.trim())?.id ?? DRAFT_KINDS[0].id);
  // One draft at a time: a double click or tap sends it once.
  const { sending, once } = useInFlight();
  const textId = useId();
  const current = text[kind] ?? '';
  const latest = useRef(text);
  latest.current = text;
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const typed = current;
    if (!typed.trim()) return;
    if (await once(() => onSend(kind, typed.trim()))) {
      // What was written while it went stays: only the draft sent leaves the box.
      const now = latest.current[kind] ?? '';
      onText(kind, now.startsWith(typed) ? now.slice(typed.length).trimStart() : now);
    }
  };
  return (
    <section className="panel drafts" aria-labelledby="drafts-heading">
      <h2 id="drafts-heading" tabIndex={-1}>Drafts</h2>
      <form className="draft-form" onSubmit={(event) => void send(event)}>
        <fieldset className="draft-kinds">
          <legend>Document</legend>
          {DRAFT_KINDS.map((one) => (
            <label key={one.id} className="radio">
              <input type="radio" name="draft-kind" value={one.id} checked={kind === one.id} onChange={() => setKind(one.id)} />
              {one.title}{text[one.id]?.trim() ? <span className="hint"> (being written)</span> : null}
            </label>
          ))}
        </fieldset>
        <label htmlFor={textId} className="field">
          <span>{draftTitle(kind)}</span>
        </label>
        <textarea id={textId} rows={7} value={current} maxLength={DRAFT_MAX} disabled={disabled} onChange={(event) => onText(kind, event.target.value)} />
        <div className="buttons">
          <button type="submit" className="primary" disabled={disabled || sending || current.trim() === ''}>{sending ? 'Sending…' : `Send the ${draftTitle(kind).toLowerCase()}`}</button>
        </div>
      </form>
      <h3>Sent</h3>
      {sent.length === 0 && <p className="empty">No draft sent yet.</p>}
      <ol className="draft-list">
        {[...sent].sort((a, b) => b.seq - a.seq).map((draft) => (
          <li key={draft.seq}>
            <article aria-label={`${draftTitle(draft.kind)} by ${draft.author}`}>
              <p className="chat-meta"><strong>{draftTitle(draft.kind)}</strong> · {draft.author}{draft.roleTitle && <> ({draft.roleTitle})</>} · <time>{clockText(draft.at)}</time></p>
              <p className="draft-text">{draft.text}</p>
            </article>
          </li>
        ))}
      </ol>
    </section>
  );
}
