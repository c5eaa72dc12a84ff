import { coverageMap } from '../../engine/report/coverage.js';
import { collectDrills, sessionFiles } from '../history/collect-drills.js';
import { COVERAGE_FORMATS, coverageToCsv, coverageToJson, coverageToNavigatorLayer, type CoverageFormat } from '../coverage/coverage-export.js';
import { loadBundledLibrary } from '../library/load.js';
import { loadCombinedLibrary } from '../library/user-library.js';
import { dataDir } from '../storage/data-dir.js';
import type { CliIo } from './io.js';
import { progressBar } from './progress.js';
import { checkFormat, exportFailure, writeExport } from './report.js';

export interface CoverageOptions {
  format?: string;
  out?: string;
  dataDir?: string;
}

export function coverageCommand(options: CoverageOptions, io: CliIo): number {
  const command = 'firedrill coverage';
  try {
    const format = checkFormat<CoverageFormat>('coverage', options.format ?? 'json', COVERAGE_FORMATS);
    const root = dataDir({ ...(options.dataDir ? { flag: options.dataDir } : {}), env: io.env });
    const files = sessionFiles(root);
    const library = loadCombinedLibrary(root, loadBundledLibrary(io.cwd)).library;
    const progress = progressBar('reading sessions', files.length);
    let collected;
    try {
      collected = collectDrills(files, [library], { onSession: (file) => progress.tick(file.path.split(/[\\/]/).at(-1)!) });
    } finally {
      progress.stop();
    }
    for (const skipped of collected.skipped) io.stderr(`${command}: skipped ${skipped.file}: ${skipped.reason}\n`);
    const coverage = coverageMap(
      [...library.plans.values()].map((p) => p.plan),
      [...library.scenarios.values()].map((s) => s.scenario),
      collected.cards,
    );
    const text = format === 'json' ? coverageToJson(coverage) : format === 'navigator' ? `${JSON.stringify(coverageToNavigatorLayer(coverage), null, 2)}\n` : coverageToCsv(coverage);
    writeExport(command, Buffer.from(text), format, options.out, io);
    return 0;
  } catch (error) {
    return exportFailure(command, error, io);
  }
}
