import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the installed firedrill package: found by walking up from this file, so it is
 * the same from sources (tests), from the built CLI in dist/ and from inside app.asar.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'firedrill') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the firedrill package folder was not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** The bundled plans and scenarios. */
export function bundledScenariosDir(): string {
  return join(packageRoot(), 'scenarios');
}
