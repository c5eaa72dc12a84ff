import { useState, type ChangeEvent, type RefObject } from 'react';
import type { SimulationReport } from '../../engine/simulate/report.js';
import { readSimulationReport } from '../../engine/simulate/read-report.js';
import { MAX_SIMULATION_REPORT_BYTES } from '../../engine/simulate/report-schema.js';

// "Open a saved report…": a stress test report saved as JSON (by the app, or by `firedrill
// simulate --format json`) read back into the view. The file is picked with the page's own file
// input, as the library, session and studio imports pick theirs (in the desktop app it opens the
// native dialog). A file that is no such report is said in one line; the report on screen stays.

export function StressReportOpen({ onOpened, disabled, inputRef }: {
  onOpened: (opened: { fileName: string; report: SimulationReport }) => void;
  disabled: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const [problem, setProblem] = useState('');
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so the same file can be chosen again once fixed.
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_SIMULATION_REPORT_BYTES) {
      setProblem(`${file.name}: the file is larger than ${MAX_SIMULATION_REPORT_BYTES / 1024} KB, the most a stress test report can be`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setProblem(`${file.name}: the file could not be read (${(error as Error).message})`);
      return;
    }
    const read = readSimulationReport(file.name, text);
    if (!read.ok) {
      setProblem(read.problem);
      return;
    }
    setProblem('');
    onOpened({ fileName: file.name, report: read.report });
  };
  return (
    <div className="report-file">
      <label>
        <input
          ref={inputRef}
          type="file"
          className="visually-hidden"
          accept=".json,application/json"
          onChange={(event) => void choose(event)}
          disabled={disabled}
          aria-describedby={problem ? 'report-file-problem' : 'report-file-hint'}
        />
        <span className="button">Open a saved report…</span>
      </label>
      <span id="report-file-hint" className="hint">a JSON report saved here or by <code>firedrill simulate --format json</code>{disabled ? ' (once the run is over)' : ''}</span>
      {/* In the page from the start and filled in: a live region put in with its words is often not read out. */}
      <p id="report-file-problem" role="alert" className="field-error">{problem && `Not opened: ${problem}`}</p>
    </div>
  );
}
