// Seeds the library cache of a built worker bundle (host/service/work/library-cache.ts): the
// bundle itself validates the bundled plans and scenarios once, at build time, and the result
// goes to library-seed/ beside it. A first `firedrill serve` with a new data folder then reads
// the library instead of spending a second validating it. The seed is keyed by the bundle's
// hash and the files' contents: a bundle or a scenario changed after the build misses it, and
// the library is validated as before.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

export const SEED_FOLDER = 'library-seed';

/** Runs the worker's library.load on an empty data folder and keeps the cache it writes. */
export async function seedLibrary(workerFile) {
  const dataDir = mkdtempSync(join(tmpdir(), 'firedrill-seed-'));
  // The last build's seed goes first: the worker would read it rather than validate and cache.
  const seed = join(dirname(workerFile), SEED_FOLDER);
  rmSync(seed, { recursive: true, force: true });
  const worker = new Worker(workerFile);
  try {
    const answer = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ id: 1, name: 'library.load', args: [dataDir] });
    });
    if (!answer.ok) throw new Error(`the library could not be seeded: ${answer.error?.message ?? 'the worker failed'}`);
    mkdirSync(seed, { recursive: true });
    const cache = join(dataDir, 'cache');
    const files = readdirSync(cache).filter((name) => name.endsWith('.json'));
    if (files.length !== 1) throw new Error(`the library could not be seeded: the worker cached ${files.length} libraries`);
    copyFileSync(join(cache, files[0]), join(seed, files[0]));
  } finally {
    await worker.terminate();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
