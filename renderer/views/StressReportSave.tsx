import { useState } from 'react';
import { documentToMarkdown } from '../../engine/report/document-markdown.js';
import { simulationDocument } from '../../engine/report/simulation-document.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import { base64OfText } from '../client/base64.js';
import { saveExport } from '../client/save-export.js';
import { stressReportFileName } from './stress-report-file.js';

// The stress test's report kept as a file: the same JSON and Markdown `firedrill simulate`
// writes (--format json, --format md), made here from the report the app already holds.

const FORMATS = {
  json: { label: 'JSON', mediaType: 'application/json', text: (report: SimulationReport) => `${JSON.stringify(report, null, 2)}\n` },
  md: { label: 'Markdown', mediaType: 'text/markdown', text: (report: SimulationReport) => documentToMarkdown(simulationDocument(report)) },
} as const;

export function StressReportSave({ report, model }: { report: SimulationReport; model: string | undefined }) {
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const save = async (format: keyof typeof FORMATS) => {
    const { label, mediaType, text } = FORMATS[format];
    const fileName = stressReportFileName(report, model, format);
    try {
      const where = await saveExport({ fileName, mediaType, ...base64OfText(text(report)) });
      setStatus({ text: where === null ? `${label}: not saved, the save was cancelled.` : `Saved ${where}`, failed: false });
    } catch (error) {
      setStatus({ text: `${label}: not saved: ${(error as Error).message}`, failed: true });
    }
  };
  return (
    <div className="stress-save" role="group" aria-label="Save the report">
      <span>Save the report as</span>
      {(Object.keys(FORMATS) as (keyof typeof FORMATS)[]).map((format) => (
        <button key={format} type="button" onClick={() => void save(format)}>{FORMATS[format].label}</button>
      ))}
      <span className="hint">the same files as <code>firedrill simulate --format json|md</code></span>
      <p role="status" className={status?.failed ? 'field-error' : 'hint'}>{status?.text}</p>
    </div>
  );
}
