import { useState } from 'react';
import { documentDiff } from '../../engine/studio/document-diff.js';
import { draftValue } from '../../engine/studio/draft-edit.js';
import { renamesBetween } from '../../engine/studio/plan-renames.js';
import { formatLocatedError, type LocatedError } from '../../engine/validate/located-error.js';
import { useAppStore, useClient } from '../app/app-context.js';
import { navigate } from '../app/route.js';
import { CommandError } from '../client/session-client.js';

// Saving a draft: first what changed since the version in the library, in the author's words;
// then the draft goes to the user's library as a new version (the host validates it again: a
// located error refuses it and the draft stays here as it is). Past drills keep their version.

export function SavePanel({ kind, id, text, previous, previousLabel, replaces, onSaved }: { kind: 'plan' | 'scenario'; id: string; text: string; previous: string | null; previousLabel: string; replaces: boolean; onSaved: (text: string) => void }) {
  const client = useClient();
  const store = useAppStore();
  const [outcome, setOutcome] = useState<{ message: string; errors: LocatedError[]; saved: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  // Ids a plan renames: shown as renames, and the scenarios of the library written for it follow, as new versions.
  const renames = kind === 'plan' && previous !== null ? renamesBetween(draftValue(previous), draftValue(text)) : {};
  const renamed = (['role', 'action'] as const).some((which) => Object.keys(renames[which] ?? {}).length > 0);
  const lines = previous === null ? null : documentDiff(draftValue(previous), draftValue(text), renames);
  const fileName = `${id || 'draft'}.${kind}.yaml`;
  const save = async () => {
    setSaving(true);
    try {
      // A new document never replaces one of the library that has its id: that is refused, saying so.
      const saved = await client.send('library.import', { fileName, text, asNewVersion: replaces, ...(renamed ? { renames } : {}) });
      const unchanged = saved.previousHash !== undefined && saved.previousHash === saved.hash;
      const followed = saved.renamedIn && saved.renamedIn.length > 0 ? ` Renamed in scenario${saved.renamedIn.length === 1 ? '' : 's'} ${saved.renamedIn.join(', ')} too (new versions).` : '';
      setOutcome({ message: unchanged ? `Nothing changed: ${kind} "${saved.id}" is already this version.` : `Saved ${kind} "${saved.id}" to your library as ${saved.file}${saved.previousHash ? ' (a new version: past drills keep theirs)' : ''}.${followed}`, errors: [], saved: true });
      onSaved(text);
      // The screens that show the library, and the documents kept in the store, see the new version.
      void client.send('library.list', {}).then((listing) => store.getState().setListing(listing), () => {});
      void client.send('library.show', { kind, id: saved.id }).then((shown) => (shown.kind === 'plan' ? store.getState().putPlan(shown.document) : store.getState().putScenario(shown.document)), () => {});
    } catch (error) {
      setOutcome({ message: `Not saved: ${(error as Error).message}`, errors: error instanceof CommandError ? error.errors : [], saved: false });
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="save-panel" aria-label="Review and save">
      <h3>What changed</h3>
      {lines !== null && lines.length > 0 && <p>Since {previousLabel}:</p>}
      {lines === null ? (
        <p>A new {kind}: it has no earlier version in your library.</p>
      ) : lines.length === 0 ? (
        <p>No change since {previousLabel}.</p>
      ) : (
        <ul className="diff" aria-label={`Changes since ${previousLabel}`}>
          {lines.map((line, index) => <li key={index} className={`diff-${line.change}`}>{line.text}</li>)}
        </ul>
      )}
      {renamed && <p className="hint">The scenarios of your library written for this plan are renamed with it when you save (each as a new version).</p>}
      <div className="buttons">
        <button type="button" className="primary" disabled={saving} onClick={() => void save()}>Save to my library</button>
        {outcome?.saved && kind === 'scenario' && <button type="button" onClick={() => navigate({ name: 'setup', scenarioId: id })}>Set up a session of it</button>}
      </div>
      {outcome && (
        <div role={outcome.saved ? 'status' : 'alert'}>
          <p>{outcome.message}</p>
          {outcome.errors.length > 0 && (
            <ul className="located-errors" aria-label={`Problems in ${fileName}`}>
              {outcome.errors.map((error, index) => <li key={index}><code>{formatLocatedError(error)}</code></li>)}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
