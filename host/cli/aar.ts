import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { AAR_FORMATS, type AarExportFormat } from '../../engine/report/export-formats.js';
import { exportAar } from '../export/aar-export.js';
import { ExportInputError, type CliIo } from './io.js';
import { progressBar } from './progress.js';
import { checkFormat, checkPaper, exportFailure, scenarioSources, scorecardOfJournal, writeExport, type ExportOptions } from './report.js';

export interface AarCommandOptions extends ExportOptions {
  name?: string;
  dates?: string;
  location?: string;
  sponsor?: string;
  organisation?: string;
  /** --participant, once per participating organisation. */
  participatingOrganisations?: string[];
  contact?: string;
}

/** The journal files named: a folder stands for the .jsonl journals in it. */
function journalFiles(args: readonly string[], cwd: string): string[] {
  return args.flatMap((arg) => {
    // A path that is not there is passed on: reading it will say what is wrong with it.
    const folder = statSync(resolve(cwd, arg), { throwIfNoEntry: false })?.isDirectory() ?? false;
    if (!folder) return [arg];
    const inside = readdirSync(resolve(cwd, arg)).filter((name) => name.endsWith('.jsonl') && !name.startsWith('.')).sort();
    if (inside.length === 0) throw new ExportInputError(`${arg} holds no session journals (.jsonl files)`);
    return inside.map((name) => join(arg, name));
  });
}

export async function aarCommand(journals: readonly string[], options: AarCommandOptions, io: CliIo): Promise<number> {
  const command = 'firedrill aar';
  try {
    const format = checkFormat<AarExportFormat>('aar', options.format, AAR_FORMATS);
    const paper = checkPaper(options.paper);
    if (journals.length === 0) throw new ExportInputError('aar needs at least one session journal');
    const files = journalFiles(journals, io.cwd);
    const sources = scenarioSources(options, io);
    const progress = progressBar('scoring sessions', files.length);
    const cards: Scorecard[] = [];
    try {
      for (const file of files) {
        cards.push(scorecardOfJournal(file, sources, io));
        progress.tick(cards.at(-1)!.sessionId);
      }
    } finally {
      progress.stop();
    }
    const given = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
    const cover = {
      name: given(options.name), dates: given(options.dates), location: given(options.location), sponsor: given(options.sponsor),
      organisation: given(options.organisation), pointOfContact: given(options.contact),
    };
    const participating = (options.participatingOrganisations ?? []).map((one) => one.trim()).filter(Boolean);
    const bytes = await exportAar(cards, format, {
      paper,
      ...Object.fromEntries(Object.entries(cover).filter(([, value]) => value !== undefined)),
      ...(participating.length ? { participatingOrganisations: participating } : {}),
    });
    writeExport(command, bytes, format, options.out, io);
    return 0;
  } catch (error) {
    return exportFailure(command, error, io);
  }
}
