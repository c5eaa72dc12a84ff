import { useState, type ChangeEvent } from 'react';
import { MAX_IMPORT_BYTES } from '../../engine/protocol/limits.js';
import { formatLocatedError, type LocatedError } from '../../engine/validate/located-error.js';
import { useAppState, useAppStore, useClient } from '../app/app-context.js';
import { CommandError } from '../client/session-client.js';
import { saveExport } from '../client/save-export.js';
import { fileBase64 } from '../client/base64.js';
import { LongList } from './LongList.js';

// Packs: one .firedrill file with plans, scenarios and scripts (or a whole exercise with its
// sessions), checked whole by the host before anything is written.

export function PackPanel() {
  const client = useClient();
  const store = useAppStore();
  const scenarios = useAppState((state) => state.listing)?.scenarios ?? [];
  const [asNewVersion, setAsNewVersion] = useState(false);
  const [scenarioId, setScenarioId] = useState('');
  const [outcome, setOutcome] = useState<{ message: string; errors: LocatedError[] } | null>(null);
  const chosen = scenarioId || scenarios[0]?.id || '';
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > (MAX_IMPORT_BYTES * 3) / 4) {
      setOutcome({ message: `${file.name} is too large for the app to send: use firedrill pack import on the command line`, errors: [] });
      return;
    }
    try {
      const imported = await client.send('pack.import', { fileName: file.name, base64: await fileBase64(file), asNewVersion });
      const { written } = imported;
      setOutcome({ message: `Imported "${imported.title}": ${written.plans.length} plan(s), ${written.scenarios.length} scenario(s), ${written.scripts.length} script(s), ${written.sessions.length} session(s)${imported.unchanged.length > 0 ? `; ${imported.unchanged.length} already here` : ''}.`, errors: [] });
      void client.send('library.list', {}).then((listing) => store.getState().setListing(listing), () => {});
    } catch (error) {
      setOutcome({ message: `${file.name} was not imported: ${(error as Error).message}`, errors: error instanceof CommandError ? error.errors : [] });
    }
  };
  const exportPack = async (kind: 'library' | 'exercise') => {
    try {
      const file = await client.send('pack.export', kind === 'library' ? { kind, scenarioIds: [chosen] } : { kind, scenarioId: chosen });
      const where = await saveExport(file);
      if (where) setOutcome({ message: `Saved ${where}${file.sessions ? ` with ${file.sessions.length} session(s)` : ''}.`, errors: [] });
    } catch (error) {
      setOutcome({ message: `The pack could not be made: ${(error as Error).message}`, errors: [] });
    }
  };
  return (
    <section className="card studio-card" aria-labelledby="pack-heading">
      <h2 id="pack-heading">Packs</h2>
      <p className="hint">A .firedrill file carries plans, scenarios and response scripts, or a whole exercise with its sessions, to another Firedrill.</p>
      <div className="inline-form">
        <label className="field">
          <span>Import a pack</span>
          <input type="file" accept=".firedrill" onChange={(event) => void choose(event)} />
        </label>
        <label className="field inline"><input type="checkbox" checked={asNewVersion} onChange={(event) => setAsNewVersion(event.target.checked)} /> <span>Replace mine as new versions</span></label>
      </div>
      <div className="inline-form">
        <label className="field">
          <span>Scenario to pack</span>
          <select value={chosen} onChange={(event) => setScenarioId(event.target.value)}>
            {scenarios.map((scenario) => <option key={scenario.id} value={scenario.id}>{scenario.title}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void exportPack('library')}>Export with its plan and scripts</button>
        <button type="button" onClick={() => void exportPack('exercise')}>Export the whole exercise</button>
      </div>
      {outcome && (
        <div role={outcome.errors.length > 0 ? 'alert' : 'status'}>
          <p>{outcome.message}</p>
          {outcome.errors.length > 0 && <LongList className="located-errors" items={outcome.errors.map(formatLocatedError)} first={50} what="problems" code />}
        </div>
      )}
    </section>
  );
}
