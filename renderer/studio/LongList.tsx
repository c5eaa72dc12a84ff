import { useState } from 'react';

// A list that may be long (the problems of a sheet of thousands of rows, an importer's notes): the
// first ones at once, the rest a click away, never dropped without a word.

export function LongList({ items, first, label, className, what, code = false }: {
  items: readonly string[];
  /** How many are shown before "Show the other N". */
  first: number;
  label?: string;
  className?: string;
  /** What the items are, for the button: "problems", "notes". */
  what: string;
  /** Each item as code (a located error, file:line:column). */
  code?: boolean;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, first);
  return (
    <>
      <ul className={className} aria-label={label}>
        {shown.map((item, index) => <li key={index}>{code ? <code>{item}</code> : item}</li>)}
      </ul>
      {shown.length < items.length && <button type="button" onClick={() => setAll(true)}>Show the other {(items.length - shown.length).toLocaleString('en')} {what}</button>}
    </>
  );
}
