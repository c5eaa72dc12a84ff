import { coverageMap } from '../../engine/report/coverage.js';
import { COVERAGE_FORMATS, coverageToCsv, coverageToJson, coverageToNavigatorLayer, type CoverageFormat } from '../coverage/coverage-export.js';
import type { CliIo } from './io.js';
import { dataFolderDrills } from './data-folder-drills.js';
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
    const collected = dataFolderDrills(command, options, io);
    const { library } = collected;
    const coverage = coverageMap(
      [...library.plans.values()].map((p) => p.plan),
      [...library.scenarios.values()].map((s) => s.scenario),
      collected.cards,
      collected.played,
    );
    const text = format === 'json' ? coverageToJson(coverage) : format === 'navigator' ? `${JSON.stringify(coverageToNavigatorLayer(coverage), null, 2)}\n` : coverageToCsv(coverage);
    writeExport(command, Buffer.from(text), format, options.out, io);
    return 0;
  } catch (error) {
    return exportFailure(command, error, io);
  }
}
