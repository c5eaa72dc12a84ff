import { drillHistory } from '../../engine/report/drill-history.js';
import { HISTORY_FORMATS, historyToCsv, historyToJson, historyToText, type HistoryFormat } from '../history/history-export.js';
import type { CliIo } from './io.js';
import { dataFolderDrills } from './data-folder-drills.js';
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
    const filter = { ...(options.plan !== undefined ? { plan: options.plan } : {}), ...(options.scenario !== undefined ? { scenario: options.scenario } : {}) };
    const collected = dataFolderDrills(command, { ...filter, ...(options.dataDir ? { dataDir: options.dataDir } : {}) }, io);
    const history = drillHistory(collected.drills, filter);
    const text = format === 'json' ? historyToJson(history, collected, filter) : format === 'csv' ? historyToCsv(history) : historyToText(history, { excluded: collected.excluded.length, filter });
    writeExport(command, Buffer.from(text), format, options.out, io);
    return 0;
  } catch (error) {
    return exportFailure(command, error, io);
  }
}
