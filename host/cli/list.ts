import { resolve } from 'node:path';
import { durationText } from '../../engine/format/time-text.js';
import { formatLocatedError } from '../../engine/validate/index.js';
import { bundledScenariosDir } from '../library/bundled.js';
import { loadPaths } from '../library/load.js';
import type { CliIo } from './io.js';
import { scenarioFacts } from '../../engine/format/scenario-facts.js';

/** firedrill list: one line per valid scenario; --json for tools. */
export function listCommand(paths: string[], options: { json: boolean }, io: CliIo): number {
  const { library, errors } = loadPaths(paths.length > 0 ? paths : [bundledScenariosDir()], io.cwd);
  const entries = [...library.scenarios.values()]
    .sort((a, b) => a.scenario.id.localeCompare(b.scenario.id))
    .map(({ file, scenario }) => ({
      ...scenarioFacts(scenario),
      path: resolve(io.cwd, file),
      scripts: Object.fromEntries([...(library.scripts.get(scenario.id)?.values() ?? [])].map((s) => [s.script.name, resolve(io.cwd, s.file)])),
    }));
  if (options.json) {
    io.stdout(JSON.stringify(entries, null, 2) + '\n');
  } else {
    for (const entry of entries) {
      io.stdout(`${entry.id}\n  ${entry.title}\n  Sev ${entry.expectedSeverity} · ${entry.threat} · ${entry.providers.join(', ')} · ${entry.difficulty} · ${durationText(entry.estimatedMinutes * 60_000)} · ${entry.attack.join(' ')}\n`);
      for (const [name, path] of Object.entries(entry.scripts)) io.stdout(`  script ${name}: ${path}\n`);
    }
    io.stdout(`${entries.length} scenario${entries.length === 1 ? '' : 's'}\n`);
  }
  // Broken files are not listed; say so on stderr so a pipe of --json stays clean.
  for (const error of errors) io.stderr(`${formatLocatedError(error)}\n`);
  return errors.length === 0 ? 0 : 1;
}
