import { useId, useState } from 'react';
import {
  AAR_FORMATS, EXPORT_LABELS, SCORECARD_FORMATS,
  type AarExportFormat, type PaperSize, type ScorecardExportFormat,
} from '../../engine/report/export-formats.js';
import { useClient } from '../app/app-context.js';
import { EXPORT_HEADING_ID } from '../app/ShellBridge.js';
import { electronBridge } from '../client/firedrill-bridge.js';
import { saveExport } from '../client/save-export.js';
import { PaperSizeChoice } from '../ui/PaperSizeChoice.js';
import './debrief.css';
import { keepCover, keptCover, type AarDetails } from './kept-cover.js';

type ExportJob = { what: 'scorecard'; format: ScorecardExportFormat } | { what: 'aar'; format: AarExportFormat };

const WHAT_LABELS: Record<ExportJob['what'], string> = { scorecard: 'Scorecard', aar: 'After-action report' };
const AAR_DETAIL_LABELS: Record<keyof AarDetails, { label: string; hint: string }> = {
  name: { label: 'Exercise name', hint: 'the scenario\'s title if empty' },
  dates: { label: 'Exercise dates', hint: 'the session\'s day if empty' },
  location: { label: 'Location', hint: 'where the exercise was held' },
  sponsor: { label: 'Sponsor', hint: 'who sponsored the exercise' },
  organisation: { label: 'Organisation', hint: 'who the report is for' },
  pointOfContact: { label: 'Point of contact', hint: 'name, role, e-mail' },
  participatingOrganisations: { label: 'Participating organisations', hint: 'one per line' },
};
const byteCount = new Intl.NumberFormat('en');

const jobLabel = (job: ExportJob) => `${WHAT_LABELS[job.what]} as ${EXPORT_LABELS[job.format]}`;

/** Only the details filled in, as export.aar takes them: the host fills the rest (and refuses empty strings). */
export function coverParams(details: AarDetails): Partial<Record<Exclude<keyof AarDetails, 'participatingOrganisations'>, string>> & { participatingOrganisations?: string[] } {
  const { participatingOrganisations, ...single } = details;
  const organisations = participatingOrganisations.split('\n').map((line) => line.trim()).filter(Boolean);
  return {
    ...Object.fromEntries(Object.entries(single).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value)),
    ...(organisations.length ? { participatingOrganisations: organisations } : {}),
  };
}

function ExportButton({ job, running, onExport }: { job: ExportJob; running: boolean; onExport: (job: ExportJob) => void }) {
  const label = jobLabel(job);
  return (
    <button type="button" disabled={running} aria-busy={running} onClick={() => onExport(job)}>
      {/* While it runs the visible text says so; the hidden part keeps which export in the name. */}
      {running ? <><span className="visually-hidden">{label}:</span> Exporting…</> : label}
    </button>
  );
}

/** One group of export buttons (the scorecard's or the AAR's), named by its heading. */
function ExportButtons({ labelledBy, jobs, running, onExport }: { labelledBy: string; jobs: ExportJob[]; running: ReadonlySet<string>; onExport: (job: ExportJob) => void }) {
  return (
    <div className="buttons" role="group" aria-labelledby={labelledBy}>
      {jobs.map((job) => <ExportButton key={job.format} job={job} running={running.has(jobLabel(job))} onExport={onExport} />)}
    </div>
  );
}

/** The debrief's exports: the scorecard and the after-action report in every format the host makes, saved or downloaded. */
export function ExportPanel({ sessionId }: { sessionId: string }) {
  const client = useClient();
  const id = useId();
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [details, setDetailsNow] = useState<AarDetails>(() => keptCover(sessionId));
  const setDetails = (next: AarDetails) => {
    setDetailsNow(next);
    keepCover(sessionId, next);
  };
  const [running, setRunning] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState({ text: '', failed: false });

  const exportFile = async (job: ExportJob) => {
    const label = jobLabel(job);
    setRunning((now) => new Set(now).add(label));
    setStatus({ text: `Exporting the ${label.toLowerCase()}…`, failed: false });
    try {
      // In the desktop app Chromium prints the PDF from the HTML export: better type than PDFKit's.
      const bridge = electronBridge();
      if (bridge && job.format === 'pdf') {
        // The cover fields go with the AAR, as they do to the host's exports of the other formats.
        const { saved } = await bridge.printPdf({ sessionId, what: job.what, paper, ...(job.what === 'aar' ? { cover: coverParams(details) } : {}) });
        setStatus({ text: saved === null ? `${label}: not saved, the save was cancelled.` : `Saved ${saved}`, failed: false });
        return;
      }
      const file = job.what === 'scorecard'
        ? await client.send('export.scorecard', { sessionId, format: job.format, paper })
        : await client.send('export.aar', { sessionId, format: job.format, paper, ...coverParams(details) });
      const where = await saveExport(file);
      setStatus({ text: where === null ? `${label}: not saved, the save was cancelled.` : `Saved ${where} (${byteCount.format(file.bytes)} bytes)`, failed: false });
    } catch (error) {
      // Shown, never thrown: a refusal or a failed save is something to read, not a crash.
      setStatus({ text: `${label} failed: ${(error as Error).message}`, failed: true });
    } finally {
      setRunning((now) => {
        const next = new Set(now);
        next.delete(label);
        return next;
      });
    }
  };
  const onExport = (job: ExportJob) => void exportFile(job);

  return (
    <section className="panel export-panel" aria-labelledby={EXPORT_HEADING_ID}>
      {/* The menu's File › Export items scroll to this heading and focus it. */}
      <h2 id={EXPORT_HEADING_ID} tabIndex={-1}>Export</h2>
      <PaperSizeChoice paper={paper} formats="PDF and Word" onChange={setPaper} />
      <div className="export-group">
        <h3 id={`${id}-scorecard`}>Scorecard</h3>
        <ExportButtons labelledBy={`${id}-scorecard`} jobs={SCORECARD_FORMATS.map((format) => ({ what: 'scorecard', format }))} running={running} onExport={onExport} />
      </div>
      <div className="export-group">
        <h3 id={`${id}-aar`}>After-action report and improvement plan</h3>
        <p className="hint">It includes the improvement plan as last saved.</p>
        <fieldset className="aar-details">
          <legend>Cover page (HSEEP) <span className="hint">every field optional</span></legend>
          {(Object.keys(AAR_DETAIL_LABELS) as (keyof AarDetails)[]).map((key) => (
            <label key={key} className={`field${key === 'participatingOrganisations' ? ' wide' : ''}`}>
              <span>{AAR_DETAIL_LABELS[key].label}</span>
              {/* The hint (what is used when left empty) as the placeholder: the labels stay on one line. */}
              {key === 'participatingOrganisations'
                ? <textarea rows={2} maxLength={5000} placeholder={AAR_DETAIL_LABELS[key].hint} value={details[key]} onChange={(event) => setDetails({ ...details, [key]: event.target.value })} />
                : <input type="text" maxLength={200} placeholder={AAR_DETAIL_LABELS[key].hint} value={details[key]} onChange={(event) => setDetails({ ...details, [key]: event.target.value })} />}
            </label>
          ))}
        </fieldset>
        <ExportButtons labelledBy={`${id}-aar`} jobs={AAR_FORMATS.map((format) => ({ what: 'aar', format }))} running={running} onExport={onExport} />
      </div>
      <p className={`export-status${status.failed ? ' failed' : ''}`} role="status" aria-live="polite">{status.text}</p>
    </section>
  );
}
