import { useId } from 'react';
import { PAPER_SIZES, type PaperSize } from '../../engine/report/export-formats.js';
import './paper-size.css';

const PAPER_LABELS: Record<PaperSize, string> = { a4: 'A4', letter: 'US Letter' };

/**
 * The paper a saved document is laid out for, A4 or US Letter, on one line with its label:
 * the debrief's exports and the stress test's HTML. `formats` names the files it applies to.
 */
export function PaperSizeChoice({ paper, formats, onChange }: { paper: PaperSize; formats: string; onChange: (paper: PaperSize) => void }) {
  const id = useId();
  return (
    <fieldset className="paper-size">
      <legend>Paper size <span className="hint">({formats})</span></legend>
      {PAPER_SIZES.map((size) => (
        <label key={size} className="radio">
          <input type="radio" name={`${id}-paper`} value={size} checked={paper === size} onChange={() => onChange(size)} />
          {PAPER_LABELS[size]}
        </label>
      ))}
    </fieldset>
  );
}
