import { useRef, useState, type ChangeEvent } from 'react';
import { MSEL_FIELDS, type MselField } from '../../engine/msel/columns.js';
import { scenarioIdOf } from '../../engine/msel/draft-scenario.js';
import { freeId } from '../../engine/studio/starting-points.js';
import type { MselMapping } from '../../engine/msel/mapping.js';
import type { MselImported } from '../../engine/protocol/results.js';
import { MAX_IMPORT_BYTES } from '../../engine/protocol/limits.js';
import { formatLocatedError } from '../../engine/validate/located-error.js';
import { useAppState, useClient } from '../app/app-context.js';
import { CommandError } from '../client/session-client.js';
import { fileBase64 } from '../client/base64.js';
import { saveExport } from '../client/save-export.js';
import { LongList } from './LongList.js';

// MSEL spreadsheets: a CSV or XLSX read into a draft scenario for a plan, with a column-mapping
// step (each column, what the importer took it for, and a choice to change it); every cell it
// cannot read is listed as file:row:column. A scenario goes out as the controllers' MSEL.

/** How the sheet is read, besides its columns: which sheet, and when T+0 is for clock times and dates. */
interface ReadOptions {
  columns: Partial<Record<MselField, string>>;
  /** A recipient as the sheet writes it -> the plan role chosen for it. */
  roles: Record<string, string>;
  /** The header row the columns were chosen on (1-based): read there again, whatever its headers say. */
  headerRow?: number;
  sheet: string;
  start: string;
  timeZone: string;
}

/** The computer's own time zone: an exercise is most often run where it is planned. */
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function MselImportPanel({ onDraft }: { onDraft: (yaml: string) => void }) {
  const client = useClient();
  const listing = useAppState((state) => state.listing);
  const plans = listing?.plans ?? [];
  const scenarios = listing?.scenarios ?? [];
  const [planId, setPlanId] = useState('');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [options, setOptions] = useState<ReadOptions>(() => ({ columns: {}, roles: {}, sheet: '', start: '', timeZone: localZone() }));
  const [result, setResult] = useState<MselImported | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ message: string; errors: string[] } | null>(null);
  // Only the answer to the latest reading is shown: a file chosen while another is read replaces it.
  const latest = useRef(0);
  const plan = planId || plans[0]?.id || '';
  const columns = options.columns;
  const read = async (chosen: { name: string; base64: string }, given: ReadOptions) => {
    const ticket = ++latest.current;
    setProblem(null);
    setReading(chosen.name);
    try {
      const columnsGiven = Object.fromEntries(Object.entries(given.columns).filter(([, column]) => column));
      const mapping: MselMapping = {
        ...(Object.keys(columnsGiven).length > 0 ? { columns: columnsGiven, ...(given.headerRow ? { headerRow: given.headerRow } : {}) } : {}),
        ...(Object.keys(given.roles).length > 0 ? { roles: given.roles } : {}),
        ...(given.sheet ? { sheet: given.sheet } : {}),
        ...(given.start ? { start: given.start } : {}),
        ...(given.timeZone.trim() ? { timeZone: given.timeZone.trim() } : {}),
      };
      // The draft's id from the file's name, unless the library has it already (saving would then be refused).
      const scenarioId = freeId(scenarioIdOf(chosen.name), scenarios.map((scenario) => scenario.id));
      const request: { fileName: string; base64: string; planId: string; mapping?: MselMapping; scenarioId: string } = { fileName: chosen.name, base64: chosen.base64, planId: plan, scenarioId };
      if (Object.keys(mapping).length > 0) request.mapping = mapping;
      const answer = await client.send('msel.import', request);
      if (ticket === latest.current) setResult(answer);
    } catch (error) {
      if (ticket !== latest.current) return;
      setResult(null);
      setProblem({ message: `${chosen.name} could not be read: ${(error as Error).message}`, errors: error instanceof CommandError ? error.errors.map(formatLocatedError) : [] });
    } finally {
      if (ticket === latest.current) setReading(null);
    }
  };
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    // What was read of another file is not shown under this one's name.
    setResult(null);
    if (chosen.size > (MAX_IMPORT_BYTES * 3) / 4) {
      setFile(null);
      setProblem({ message: `${chosen.name} is larger than ${Math.floor((MAX_IMPORT_BYTES * 3) / 4 / 1024)} KB, the most the app sends: use firedrill msel import on the command line`, errors: [] });
      return;
    }
    const loaded = { name: chosen.name, base64: await fileBase64(chosen) };
    const fresh = { ...options, columns: {}, roles: {}, sheet: '', headerRow: undefined };
    setFile(loaded);
    setOptions(fresh);
    await read(loaded, fresh);
  };
  const sheets = result?.sheets ?? [];
  return (
    <section className="card studio-card" aria-labelledby="msel-import-heading" aria-busy={reading !== null}>
      <h2 id="msel-import-heading">Import an MSEL spreadsheet</h2>
      <p className="hint">CSV or XLSX with the HSEEP, Crucible Blueprint or OpenAEV columns (or your own: map them below). The result is a draft scenario to check and save.</p>
      <div className="inline-form">
        <label className="field">
          <span>For plan</span>
          <select value={plan} onChange={(event) => setPlanId(event.target.value)}>
            {plans.map((option) => <option key={option.id} value={option.id}>{option.title}</option>)}
          </select>
        </label>
        <label className="field">
          <span>MSEL file</span>
          <input type="file" accept=".csv,.tsv,.txt,.xlsx,.xlsm" onChange={(event) => void choose(event)} />
        </label>
      </div>
      <div className="inline-form">
        <label className="field">
          <span>Exercise starts (T+0), for clock times and dates</span>
          <input type="datetime-local" value={options.start} onChange={(event) => setOptions({ ...options, start: event.target.value })} />
        </label>
        <label className="field">
          <span>Time zone</span>
          <input type="text" value={options.timeZone} onChange={(event) => setOptions({ ...options, timeZone: event.target.value })} placeholder="Asia/Hong_Kong" />
        </label>
        {sheets.length > 1 && (
          <label className="field">
            <span>Sheet</span>
            <select value={options.sheet || result?.read?.sheet || ''} onChange={(event) => {
              const next = { ...options, sheet: event.target.value, columns: {}, headerRow: undefined };
              setOptions(next);
              if (file) void read(file, next);
            }}>
              {!options.sheet && !result?.read && <option value="">Choose the sheet of injects</option>}
              {sheets.map((name) => <option key={name} value={name}>{name}</option>)}
            </select>
          </label>
        )}
      </div>
      {file && <p className="hint">File: {file.name}</p>}
      {reading !== null && <p role="status">Reading {reading}… (a sheet of thousands of rows takes a few seconds)</p>}
      {problem && (
        <div role="alert">
          <p>{problem.message}</p>
          {problem.errors.length > 0 && <LongList className="located-errors" items={problem.errors} first={20} what="problems" code />}
        </div>
      )}
      {result && file && reading === null && (
        <div className="msel-result">
          {result.read && (
            <table className="mapping">
              <caption>Columns of {file.name} (sheet {result.read.sheet}, headers on row {result.read.headerRow}){result.read.rows > 0 ? `: ${result.read.injects} injects from ${result.read.rows} rows` : ''}</caption>
              <thead><tr><th scope="col">Column</th><th scope="col">Header</th><th scope="col">Read as</th></tr></thead>
              <tbody>
                {result.read.columns.map((column) => {
                  const mapped = Object.entries(columns).find(([, letter]) => letter === column.column)?.[0];
                  return (
                    <tr key={column.column}>
                      <td>{column.column}</td>
                      <th scope="row">{column.header}</th>
                      <td>
                        <select aria-label={`Column ${column.column} (${column.header}) is`} value={mapped ?? (column.field === 'extra' || column.field === 'ignored' ? '' : column.field)} onChange={(event) => {
                          const field = event.target.value as MselField | '';
                          const next = Object.fromEntries(Object.entries(columns).filter(([, letter]) => letter !== column.column)) as Partial<Record<MselField, string>>;
                          if (field) next[field] = column.column;
                          setOptions({ ...options, columns: next, headerRow: result.read!.headerRow });
                        }}>
                          <option value="">{column.field === 'extra' ? 'kept as a note' : 'ignored'}</option>
                          {MSEL_FIELDS.map((field) => <option key={field} value={field}>{field}</option>)}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {result.recipients && <RecipientChoices recipients={result.recipients} chosen={options.roles} onChange={(roles) => setOptions({ ...options, roles })} />}
          <div className="buttons">
            <button type="button" onClick={() => void read(file, options)}>Read it again with these choices</button>
            {result.draft && <button type="button" className="primary" onClick={() => onDraft(result.draft!.yaml)}>Open the draft scenario</button>}
          </div>
          {result.warnings.length > 0 && <LongList className="hint" items={result.warnings} first={20} what="notes" />}
          {result.errors.length > 0 && (
            <div role="alert">
              <p>{result.errors.length} problem{result.errors.length === 1 ? '' : 's'} in {file.name}; no draft was made:</p>
              <LongList className="located-errors" label={`Problems in ${file.name}`} items={result.errors.map(formatLocatedError)} first={100} what="problems" code />
            </div>
          )}
        </div>
      )}
    </section>
  );
}

/** The recipients the sheet names that no role of the plan is called: the role each one is, chosen here. */
function RecipientChoices({ recipients, chosen, onChange }: { recipients: NonNullable<MselImported['recipients']>; chosen: Record<string, string>; onChange: (roles: Record<string, string>) => void }) {
  // The names chosen for stay listed after the next reading (it no longer reports them), so a choice can be changed.
  const names = [...new Set([...recipients.unknown, ...Object.keys(chosen)])];
  if (names.length === 0) return null;
  return (
    <table className="mapping">
      <caption>Recipients the plan has no role called: choose the role each one is, then read it again</caption>
      <thead><tr><th scope="col">In the sheet</th><th scope="col">Role</th></tr></thead>
      <tbody>
        {names.map((name) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>
              <select aria-label={`Recipient ${name} is`} value={chosen[name] ?? ''} onChange={(event) => {
                const next = Object.fromEntries(Object.entries(chosen).filter(([other]) => other !== name));
                if (event.target.value) next[name] = event.target.value;
                onChange(next);
              }}>
                <option value="">choose a role</option>
                {recipients.roles.map((role) => <option key={role.id} value={role.id}>{role.title}</option>)}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MselExportPanel() {
  const client = useClient();
  const scenarios = useAppState((state) => state.listing)?.scenarios ?? [];
  const [scenarioId, setScenarioId] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const chosen = scenarioId || scenarios[0]?.id || '';
  const exportAs = async (format: 'csv' | 'xlsx' | 'pdf') => {
    try {
      const file = await client.send('msel.export', { scenarioId: chosen, format });
      const where = await saveExport(file);
      setOutcome(where ? `Saved ${where}.` : null);
    } catch (error) {
      setOutcome(`The MSEL could not be exported: ${(error as Error).message}`);
    }
  };
  return (
    <section className="card studio-card" aria-labelledby="msel-export-heading">
      <h2 id="msel-export-heading">Export a scenario as an MSEL</h2>
      <label className="field">
        <span>Scenario</span>
        <select value={chosen} onChange={(event) => setScenarioId(event.target.value)}>
          {scenarios.map((scenario) => <option key={scenario.id} value={scenario.id}>{scenario.title}</option>)}
        </select>
      </label>
      <div className="buttons">
        <button type="button" onClick={() => void exportAs('xlsx')}>MSEL as XLSX</button>
        <button type="button" onClick={() => void exportAs('csv')}>MSEL as CSV</button>
        <button type="button" onClick={() => void exportAs('pdf')}>MSEL as a PDF handout</button>
      </div>
      {outcome && <p role="status">{outcome}</p>}
    </section>
  );
}
