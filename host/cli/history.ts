import { drillHistory } from '../../engine/report/drill-history.js';
import { collectDrills, sessionFiles } from '../history/collect-drills.js';
import { HISTORY_FORMATS, historyToCsv, historyToJson, historyToText, type HistoryFormat } from '../history/history-export.js';
import { loadBundledLibrary } from '../library/load.js';
import { loadCombinedLibrary } from '../library/user-library.js';
import { dataDir } from '../storage/data-dir.js';
import type { CliIo } from './io.js';
import { progressBar } from './progress.js';
import { checkFormat, exportFailure, writeExport } from './report.js';

export interface HistoryOptions {
  plan?: string;
  scenario?: string;
  format?: string;
  out?: string;
  dataDir?: string;
}

export function historyCommand(options: HistoryOptions, io: CliIo): number {
  const command = 'firedrill history';
  try {
    const format = checkFormat<HistoryFormat>('history', options.format ?? 'text', HISTORY_FORMATS);
    const root = dataDir({ ...(options.dataDir ? { flag: options.dataDir } : {}), env: io.env });
    const files = sessionFiles(root);
    // The bundled library and the user's own, read once for every session.
    const bundled = loadBundledLibrary(io.cwd);
    const library = loadCombinedLibrary(root, bundled).library;
    const filter = { ...(options.plan !== undefined ? { plan: options.plan } : {}), ...(options.scenario !== undefined ? { scenario: options.scenario } : {}) };
    const progress = progressBar('reading sessions', files.length);
    let collected;
    try {
      collected = collectDrills(files, [library], { ...filter, onSession: (file) => progress.tick(file.path.split(/[\\/]/).at(-1)!) });
    } finally {
      progress.stop();
    }
    for (const skipped of collected.skipped) io.stderr(`${command}: skipped ${skipped.file}: ${skipped.reason}\n`);
    for (const file of collected.unverified) io.stderr(`${command}: ${file}: recorded before journal entries were chained: whether it was edited cannot be checked\n`);
    const history = drillHistory(collected.drills, filter);
    const text = format === 'json' ? historyToJson(history, collected, filter) : format === 'csv' ? historyToCsv(history) : historyToText(history);
    writeExport(command, Buffer.from(text), format, options.out, io);
    return 0;
  } catch (error) {
    return exportFailure(command, error, io);
  }
}
