import { formatLocatedError } from '../../engine/validate/index.js';
import { loadPaths } from '../library/load.js';
import { bundledScenariosDir } from '../library/bundled.js';
import type { CliIo } from './io.js';

/** firedrill validate: exit 0 when every file is valid, 1 otherwise. */
export function validateCommand(paths: string[], options: { json: boolean }, io: CliIo): number {
  const { library } = loadPaths(paths.length > 0 ? paths : [bundledScenariosDir()], io.cwd);
  const reports = library.reports;
  const invalid = reports.filter((r) => r.errors.length > 0);
  const count = (kind: string) => reports.filter((r) => r.kind === kind && r.errors.length === 0).length;
  const counts = { plans: count('plan'), scenarios: count('scenario'), scripts: count('script'), invalid: invalid.length };

  if (options.json) {
    io.stdout(JSON.stringify({
      valid: invalid.length === 0,
      counts,
      files: reports.map((r) => ({ file: r.file, kind: r.kind ?? null, id: r.id ?? null, valid: r.errors.length === 0, errors: r.errors })),
    }, null, 2) + '\n');
  } else {
    for (const report of reports) {
      if (report.errors.length === 0) io.stdout(`ok      ${report.file}  (${report.kind} ${report.id})\n`);
      else {
        io.stdout(`invalid ${report.file}  (${report.errors.length} error${report.errors.length === 1 ? '' : 's'})\n`);
        for (const error of report.errors) io.stdout(`  ${formatLocatedError(error)}\n`);
      }
    }
    if (reports.length === 0) io.stdout('no YAML files found\n');
    io.stdout(`\n${counts.plans} plan${s(counts.plans)}, ${counts.scenarios} scenario${s(counts.scenarios)} and ${counts.scripts} script${s(counts.scripts)} valid; ${counts.invalid} file${s(counts.invalid)} with errors\n`);
  }
  return invalid.length === 0 && reports.length > 0 ? 0 : 1;
}

const s = (n: number) => (n === 1 ? '' : 's');
