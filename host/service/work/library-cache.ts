import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Library } from '../../../engine/validate/index.js';
import type { ReadResult } from '../../library/read-sources.js';
import { bundledSourcesForHost, loadBundledForHost, loadCombinedLibrary, userSources } from '../../library/user-library.js';
import { writeFileAtomic } from '../../storage/atomic-file.js';
import { dataPaths } from '../../storage/data-dir.js';
import { librarySnapshot, type LibrarySnapshot } from './library-snapshot.js';

// Validating the bundled library (about 470 KB of YAML) takes a cold worker thread about a
// second, and the page's library waits for it at every start. The result depends only on the
// files and on the code that checks them, so it is kept in the data folder under a key made of
// both, and read back as long as neither changed. The build seeds it (scripts/library-seed.mjs):
// the bundled library with an empty user folder, validated by the bundle itself and written to
// library-seed/ beside it, so that even a first start with a new data folder skips validation.

/** The cache's own format: a change of this file's layout changes every key. */
const CACHE_FORMAT = 'firedrill-library-cache/1';
const PREFIX = 'library-';

/** The file name of the cache of a library, in the data folder's cache folder. */
const cacheFile = (key: string) => `${PREFIX}${key}.json`;

/** The build's seed folder, beside the bundle file that holds this code (an entry, or a chunk one folder down). */
export const SEED_FOLDER = 'library-seed';
const seedFolders = (here = import.meta.url) => (here.startsWith('file:') ? [`./${SEED_FOLDER}/`, `../${SEED_FOLDER}/`].map((relative) => fileURLToPath(new URL(relative, here))) : []);

let codeIdentity: string | null | undefined;

/**
 * The identity of the code that validates: the hash of this module's own file when it runs from
 * a bundle (the bundle, or the chunk whose name carries the hashes of the chunks it imports).
 * From the TypeScript sources the code is many files that may change under it: no cache.
 */
function validatingCode(here = import.meta.url): string | null {
  if (codeIdentity === undefined) {
    codeIdentity = here.startsWith('file:') && here.endsWith('.js') ? sha256(readFileSync(fileURLToPath(here))) : null;
  }
  return codeIdentity;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The key of a library: the code, then every file read (its name and content) and every file that could not be. */
function libraryKey(code: string, bundled: ReadResult, user: ReadResult): string {
  const hash = createHash('sha256').update(`${CACHE_FORMAT}\n${code}\n`);
  for (const [origin, read] of [['bundled', bundled], ['user', user]] as const) {
    for (const source of read.sources) hash.update(`${origin}\n${source.file}\n${sha256(source.text)}\n`);
    for (const problem of read.unreadable) hash.update(`${origin} unreadable\n${JSON.stringify(problem)}\n`);
  }
  return hash.digest('hex');
}

interface CachedLibrary {
  format: typeof CACHE_FORMAT;
  plans: [string, unknown][];
  scenarios: [string, unknown][];
  origins: [string, unknown][];
  listing: unknown;
}

function readCache(folder: string, key: string): LibrarySnapshot | undefined {
  const path = join(folder, cacheFile(key));
  if (!existsSync(path)) return undefined;
  try {
    const cached = JSON.parse(readFileSync(path, 'utf8')) as CachedLibrary;
    if (cached.format !== CACHE_FORMAT) return undefined;
    return {
      plans: new Map(cached.plans),
      scenarios: new Map(cached.scenarios),
      origins: new Map(cached.origins),
      listing: cached.listing,
    } as LibrarySnapshot;
  } catch {
    // A damaged cache file is only a slower start: the library is validated again.
    return undefined;
  }
}

function writeCache(folder: string, key: string, snapshot: LibrarySnapshot): void {
  try {
    mkdirSync(folder, { recursive: true });
    const cached: CachedLibrary = {
      format: CACHE_FORMAT,
      plans: [...snapshot.plans],
      scenarios: [...snapshot.scenarios],
      origins: [...snapshot.origins],
      listing: snapshot.listing,
    };
    writeFileAtomic(join(folder, cacheFile(key)), JSON.stringify(cached));
    // One library at a time: the caches of files as they were before go.
    for (const name of readdirSync(folder)) if (name.startsWith(PREFIX) && name !== cacheFile(key)) rmSync(join(folder, name), { force: true });
  } catch {
    // A data folder that cannot take the cache (read-only, full) serves the library all the same.
  }
}

export interface LibraryCacheOptions {
  /** The worker's bundled library, which it keeps for imports: validated only on a miss. */
  bundled?: (read: ReadResult) => Library;
  /** The identity of the validating code (null: no cache); by default the bundle's hash. */
  code?: string | null;
  /** Folders of seeded caches, read when the data folder has none; by default beside the bundle. */
  seeds?: string[];
}

/**
 * The library of the bundled files and the user's folder as they are now: from the data
 * folder's cache (or the build's seed) when these very files were validated by this very code
 * before, else validated and then cached.
 */
export function loadLibrarySnapshot(dataDir: string, options: LibraryCacheOptions = {}): LibrarySnapshot {
  const { bundled = loadBundledForHost, code = validatingCode(), seeds = seedFolders() } = options;
  const bundledRead = bundledSourcesForHost();
  const userRead = userSources(dataDir);
  const folder = dataPaths(dataDir).cache;
  const key = code === null ? undefined : libraryKey(code, bundledRead, userRead);
  const cached = key === undefined ? undefined : [folder, ...seeds].reduce<LibrarySnapshot | undefined>((found, one) => found ?? readCache(one, key), undefined);
  if (cached) return cached;
  const snapshot = librarySnapshot(loadCombinedLibrary(dataDir, bundled(bundledRead), userRead));
  if (key !== undefined) writeCache(folder, key, snapshot);
  return snapshot;
}
