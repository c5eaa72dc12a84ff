import { useCallback } from 'react';
import { MAX_IMPORT_BYTES } from '../../engine/protocol/limits.js';
import { formatLocatedError } from '../../engine/validate/located-error.js';
import { fileKind } from '../../electron/ipc/contract.js';
import type { ShellOpenedFile } from '../client/firedrill-bridge.js';
import { CommandError } from '../client/session-client.js';
import type { AppStore } from '../store/app-store.js';
import { useClient } from './app-context.js';
import { navigate } from './route.js';

// Importing a file into Firedrill, however it arrives (dropped, chosen in a file input, opened
// by the desktop app's menu or from the command line): a scenario or plan goes to the library,
// a drill journal to the sessions.

/** A refused import in one status line: the reason, then the first located errors. */
export function importProblem(fileName: string, error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  const located = error instanceof CommandError ? error.errors : [];
  const shown = located.slice(0, 3).map(formatLocatedError).join('; ');
  const more = located.length > 3 ? ` (and ${located.length - 3} more)` : '';
  return `${fileName} was not imported: ${message}${shown ? ` — ${shown}${more}` : ''}`;
}

/** Where an imported scenario takes the person: its set-up, or the library. */
export type AfterImport = 'setup' | 'library';

/** Imports a scenario, plan or journal: the library or the session store, then the screen for it. */
export function useImportFile(store: AppStore) {
  const client = useClient();
  return useCallback(async (file: ShellOpenedFile, after: AfterImport) => {
    const { setProblem } = store.getState();
    if (file.text.length > MAX_IMPORT_BYTES) {
      setProblem(`${file.fileName} was not imported: it is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, the most Firedrill imports`);
      return;
    }
    try {
      if (file.kind === 'journal') {
        const { sessionId, summary } = await client.send('session.import', { fileName: file.fileName, text: file.text });
        setProblem(`Imported the drill ${sessionId} (${summary.scenarioId}) from ${file.fileName}.`);
        navigate(summary.ended ? { name: 'debrief', sessionId } : { name: 'console', sessionId });
        return;
      }
      const imported = await client.send('library.import', { fileName: file.fileName, text: file.text });
      setProblem(`Imported ${imported.kind} "${imported.id}" into your library from ${file.fileName}.`);
      // The library on screen (if it is) shows the new file at once.
      void client.send('library.list', {}).then((listing) => store.getState().setListing(listing), () => {});
      navigate(imported.kind === 'scenario' && after === 'setup' ? { name: 'setup', scenarioId: imported.id } : { name: 'library' });
    } catch (error) {
      setProblem(importProblem(file.fileName, error));
    }
  }, [client, store]);
}

/** Where a file Firedrill reads elsewhere than by a drop is opened instead: a stress test report, a pack, an MSEL spreadsheet. */
function whereItOpens(fileName: string): string {
  if (/\.json$/i.test(fileName)) return '; a stress test report (.json) opens with "Open a saved report…" in the Stress test';
  if (/\.firedrill$/i.test(fileName)) return '; a pack (.firedrill) imports with "Import a pack" in the Studio';
  if (/\.(csv|tsv|txt|xlsx|xlsm)$/i.test(fileName)) return '; an MSEL spreadsheet becomes a draft scenario with "Import an MSEL spreadsheet" in the Studio';
  return '';
}

/** Reads dropped files (the size checked before reading) and imports the Firedrill ones. */
export async function readDropped(files: File[], store: AppStore, importFile: (file: ShellOpenedFile, after: AfterImport) => Promise<void>): Promise<void> {
  for (const file of files) {
    const kind = fileKind(file.name);
    if (!kind) {
      store.getState().setProblem(`${file.name} is not a file Firedrill imports: drop a scenario or plan (.yaml, .yml) or a drill journal (.jsonl)${whereItOpens(file.name)}`);
      continue;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      store.getState().setProblem(`${file.name} was not imported: it is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, the most Firedrill imports`);
      continue;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      store.getState().setProblem(`${file.name} could not be read: ${(error as Error).message}`);
      continue;
    }
    await importFile({ kind, fileName: file.name, text }, 'setup');
  }
}
