import { useState } from 'react';
import { documentToMarkdown } from '../../engine/report/document-markdown.js';
import type { PaperSize } from '../../engine/report/export-formats.js';
import { simulationDocument } from '../../engine/report/simulation-document.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import type { SessionClient } from '../client/session-client.js';
import { base64OfText } from '../client/base64.js';
import { saveExport } from '../client/save-export.js';
import { useClient } from '../app/app-context.js';
import { PaperSizeChoice } from '../ui/PaperSizeChoice.js';

// The stress test's report kept as a file: the same JSON, Markdown and HTML `firedrill simulate`
// writes (--format json, md, html). JSON and Markdown are made here from the report the app
// holds; the HTML's charts are drawn on the host (export.simulation), as the CLI draws them,
// so the page does not carry ECharts' server-side renderer and the file is the CLI's own. The
// HTML prints on the paper chosen, A4 by default, as the debrief's exports do.

type FileContents = { base64: string; bytes: number };

const FORMATS: Record<'json' | 'md' | 'html', { label: string; mediaType: string; contents: (report: SimulationReport, client: SessionClient, paper: PaperSize) => Promise<FileContents> }> = {
  json: { label: 'JSON', mediaType: 'application/json', contents: async (report) => base64OfText(`${JSON.stringify(report, null, 2)}\n`) },
  md: { label: 'Markdown', mediaType: 'text/markdown', contents: async (report) => base64OfText(documentToMarkdown(simulationDocument(report))) },
  html: { label: 'HTML', mediaType: 'text/html', contents: async (report, client, paper) => client.send('export.simulation', { report, paper }) },
};
type Format = keyof typeof FORMATS;

/** fileName: the name a format's file is offered under, from its extension. */
export function StressReportSave({ report, fileName }: { report: SimulationReport; fileName: (extension: string) => string }) {
  const client = useClient();
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const [making, setMaking] = useState<Format | null>(null);
  const [paper, setPaper] = useState<PaperSize>('a4');
  const save = async (format: Format) => {
    // Not disabled meanwhile: a disabled button would drop the keyboard's focus to the page.
    if (making !== null) return;
    const { label, mediaType, contents } = FORMATS[format];
    setMaking(format);
    try {
      const { base64, bytes } = await contents(report, client, paper);
      const where = await saveExport({ fileName: fileName(format), mediaType, base64, bytes });
      setStatus({ text: where === null ? `${label}: not saved, the save was cancelled.` : `Saved ${where}`, failed: false });
    } catch (error) {
      setStatus({ text: `${label}: not saved: ${(error as Error).message}`, failed: true });
    } finally {
      setMaking(null);
    }
  };
  return (
    <div className="stress-save" role="group" aria-label="Save the report">
      <span>Save the report as</span>
      {(Object.keys(FORMATS) as Format[]).map((format) => (
        <button key={format} type="button" onClick={() => void save(format)}>{FORMATS[format].label}</button>
      ))}
      <PaperSizeChoice paper={paper} formats="HTML" onChange={setPaper} />
      <span className="hint">the same files as <code>firedrill simulate --format json|md|html</code>; the HTML opens in any browser, offline, charts and all</span>
      <p role="status" className={status?.failed ? 'field-error' : 'hint'}>{making === 'html' ? 'HTML: drawing the charts…' : status?.text}</p>
    </div>
  );
}
