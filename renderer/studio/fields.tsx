import { useId, type ReactNode } from 'react';

// The studio's form fields: a label a person reads, the value as the draft holds it, and a
// change that becomes one edit of the draft's YAML. Ids are picked from the plan, never typed.

export type Doc = Record<string, unknown>;
export const isDoc = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value);
export const docs = (value: unknown): Doc[] => (Array.isArray(value) ? value.filter(isDoc) : []);
export const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
export const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export interface Choice {
  value: string;
  label: string;
}

export function TextField({ label, value, onChange, multiline, hint, className, placeholder }: { label: string; value: unknown; onChange: (value: string) => void; multiline?: boolean; hint?: string; className?: string; placeholder?: string }) {
  const hintId = useId();
  const shared = { value: text(value), onChange: (event: { target: { value: string } }) => onChange(event.target.value), ...(hint ? { 'aria-describedby': hintId } : {}), ...(placeholder ? { placeholder } : {}) };
  return (
    <label className={`field ${className ?? ''}`}>
      <span>{label}</span>
      {multiline ? <textarea rows={3} {...shared} /> : <input type="text" {...shared} />}
      {hint && <small id={hintId} className="hint">{hint}</small>}
    </label>
  );
}

export function DurationField({ label, value, onChange }: { label: string; value: unknown; onChange: (value: string) => void }) {
  return <TextField className="duration" label={label} value={value} onChange={onChange} placeholder="like 1h30m" />;
}

export function SelectField({ label, value, choices, onChange, blank }: { label: string; value: unknown; choices: Choice[]; onChange: (value: string) => void; blank?: string }) {
  const current = text(value);
  const known = choices.some((choice) => choice.value === current);
  return (
    <label className="field">
      <span>{label}</span>
      <select value={current} onChange={(event) => onChange(event.target.value)}>
        {blank !== undefined && <option value="">{blank}</option>}
        {!known && current !== '' && <option value={current}>{current} (not in the plan)</option>}
        {choices.map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
      </select>
    </label>
  );
}

export function CheckField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="field inline">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

/** A list of ids picked from the plan: chips to remove, a select to add one. */
export function IdListField({ label, ids, choices, onChange }: { label: string; ids: string[]; choices: Choice[]; onChange: (ids: string[]) => void }) {
  const titleOf = (id: string) => choices.find((choice) => choice.value === id)?.label ?? `${id} (not in the plan)`;
  const left = choices.filter((choice) => !ids.includes(choice.value));
  return (
    <fieldset className="id-list">
      <legend>{label}</legend>
      <ul className="chips" aria-label={label}>
        {ids.map((id) => (
          <li key={id} className="chip">
            {titleOf(id)}
            <button type="button" className="chip-remove" aria-label={`Remove ${titleOf(id)} from ${label}`} onClick={() => onChange(ids.filter((other) => other !== id))}>×</button>
          </li>
        ))}
        {ids.length === 0 && <li className="empty">None yet</li>}
      </ul>
      {left.length > 0 && (
        <select aria-label={`Add to ${label}`} value="" onChange={(event) => event.target.value && onChange([...ids, event.target.value])}>
          <option value="">Add…</option>
          {left.map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
        </select>
      )}
    </fieldset>
  );
}

/** One item of a list the author edits: a heading, its fields, and remove / move buttons. */
export function ItemCard({ title, children, onRemove, removeLabel, open, onToggle }: { title: string; children: ReactNode; onRemove?: () => void; removeLabel?: string; open: boolean; onToggle: (open: boolean) => void }) {
  return (
    <details className="item-card" open={open} onToggle={(event) => onToggle((event.target as HTMLDetailsElement).open)}>
      <summary>{title}</summary>
      <div className="item-fields">
        {children}
        {onRemove && <div className="buttons"><button type="button" className="danger" onClick={(event) => {
          // The card is reused for the item after the one removed: the focus goes to its heading,
          // so that Enter pressed again opens or closes that item instead of removing it too.
          const summary = event.currentTarget.closest('details')?.querySelector('summary');
          onRemove();
          summary?.focus();
        }}>{removeLabel ?? 'Remove'}</button></div>}
      </div>
    </details>
  );
}
