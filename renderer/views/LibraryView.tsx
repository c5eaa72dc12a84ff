import { useEffect, useId, useState, type ChangeEvent } from 'react';
import { durationText } from '../../engine/format/time-text.js';
import type { LibraryScenarioEntry } from '../../engine/protocol/index.js';
import { formatLocatedError, type LocatedError } from '../../engine/validate/located-error.js';
import { useAppState, useAppStore, useClient } from '../app/app-context.js';
import { navigate } from '../app/route.js';
import { CommandError } from '../client/session-client.js';
import { filterOptions, filterScenarios } from '../store/library-selectors.js';
import { EMPTY_FILTER } from '../store/library-slice.js';

function ScenarioCard({ scenario }: { scenario: LibraryScenarioEntry }) {
  const headingId = useId();
  return (
    <li className="card scenario-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{scenario.title}</h3>
      <dl className="facts">
        <div><dt>Severity</dt><dd><span className={`sev sev-${scenario.expectedSeverity}`}>Sev {scenario.expectedSeverity}</span></dd></div>
        <div><dt>Threat</dt><dd>{scenario.threat}</dd></div>
        <div><dt>Providers</dt><dd>{scenario.providers.join(', ')}</dd></div>
        <div><dt>ATT&amp;CK</dt><dd>{scenario.attack.join(' ')}</dd></div>
        <div><dt>Duration</dt><dd>{durationText(scenario.estimatedMinutes * 60_000)}</dd></div>
        <div><dt>Difficulty</dt><dd>{scenario.difficulty}</dd></div>
      </dl>
      <p className="summary" title={scenario.summary}>{scenario.summary}</p>
      <button type="button" className="primary" onClick={() => navigate({ name: 'setup', scenarioId: scenario.id })} aria-label={`Set up ${scenario.title}`}>
        Set up
      </button>
    </li>
  );
}

function Select({ label, value, options, onChange }: { label: string; value: string; options: string[]; onChange: (value: string) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All</option>
        {options.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
    </label>
  );
}

/** A library file chosen for import, sent as text; a refusal lists its located errors here. */
function ImportFile({ onImported }: { onImported: () => void }) {
  const client = useClient();
  const [outcome, setOutcome] = useState<{ file: string; message: string; errors: LocatedError[] } | null>(null);
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const imported = await client.send('library.import', { fileName: file.name, text: await file.text() });
      setOutcome({ file: file.name, message: `Imported ${imported.kind} ${imported.id}.`, errors: [] });
      onImported();
    } catch (error) {
      const errors = error instanceof CommandError ? error.errors : [];
      setOutcome({ file: file.name, message: `${file.name} was not imported: ${(error as Error).message}`, errors });
    }
  };
  return (
    <section className="import" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a scenario or plan</h2>
      <label className="field">
        <span>YAML file</span>
        <input type="file" accept=".yaml,.yml" onChange={(event) => void choose(event)} />
      </label>
      {outcome && (
        <div role={outcome.errors.length > 0 ? 'alert' : 'status'}>
          <p>{outcome.message}</p>
          {outcome.errors.length > 0 && (
            <ul className="located-errors" aria-label={`Problems in ${outcome.file}`}>
              {outcome.errors.map((error, index) => (
                <li key={index}><code>{formatLocatedError(error)}</code></li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}


export function LibraryView() {
  const client = useClient();
  const store = useAppStore();
  const listing = useAppState((state) => state.listing);
  const filter = useAppState((state) => state.filter);
  const setFilter = useAppState((state) => state.setFilter);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = () => client.send('library.list', {}).then((result) => store.getState().setListing(result), (error: Error) => setLoadError(error.message));
  // Loaded once when the library opens; imports reload it.
  useEffect(() => void load(), []);

  if (loadError) return <p role="alert">The library could not be loaded: {loadError}</p>;
  if (!listing) return <p role="status">Loading the library…</p>;
  const shown = filterScenarios(listing.scenarios, filter);
  const filtered = filter.threat !== '' || filter.provider !== '' || filter.difficulty !== '';
  return (
    <div className="library">
      <h1>Scenario library</h1>
      <p className="plan-in-use">
        Plan in use: {listing.plans.map((plan) => `${plan.title} (v${plan.version})`).join('; ')}
      </p>
      <div className="filters" role="search">
        <label className="field grow">
          <span>Search</span>
          <input type="search" value={filter.text} placeholder="Title, threat, ATT&CK id…" onChange={(event) => setFilter({ text: event.target.value })} />
        </label>
        <Select label="Threat" value={filter.threat} options={filterOptions(listing.scenarios, 'threat')} onChange={(threat) => setFilter({ threat })} />
        <Select label="Provider" value={filter.provider} options={filterOptions(listing.scenarios, 'providers')} onChange={(provider) => setFilter({ provider })} />
        <Select label="Difficulty" value={filter.difficulty} options={filterOptions(listing.scenarios, 'difficulty')} onChange={(difficulty) => setFilter({ difficulty })} />
      </div>
      <p role="status" className="count">{shown.length} of {listing.scenarios.length} scenarios</p>
      {shown.length === 0 && listing.scenarios.length > 0 ? (
        <div className="empty-state">
          <p>No scenario matches {filtered ? 'these filters' : 'this search'}.</p>
          <button type="button" onClick={() => setFilter(EMPTY_FILTER)}>Clear the filters</button>
        </div>
      ) : (
        <ul className="cards" aria-label="Scenarios">
          {shown.map((scenario) => <ScenarioCard key={scenario.id} scenario={scenario} />)}
        </ul>
      )}
      <ImportFile onImported={() => void load()} />
      <p className="studio-link"><a href="#/studio">Write your own plan or scenario, or import an MSEL spreadsheet or a pack, in the studio</a></p>
    </div>
  );
}
