import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadBundledForHost } from '../../../host/library/user-library.js';
import { loadLibrarySnapshot } from '../../../host/service/work/library-cache.js';
import { dataPaths } from '../../../host/storage/data-dir.js';
import { MINI_PLAN_FILE } from '../../helpers/world.js';

let root: string;
let seeds: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'firedrill-library-cache-'));
  seeds = mkdtempSync(join(tmpdir(), 'firedrill-library-seed-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(seeds, { recursive: true, force: true });
});

/** The validation the worker would run, counted. */
const counted = () => vi.fn(loadBundledForHost);
const cacheFiles = (dataDir: string) => readdirSync(dataPaths(dataDir).cache);

describe('the library cache', () => {
  it('validates once, then reads the same library back from the data folder while the files and the code stay the same', () => {
    const bundled = counted();
    const fresh = loadLibrarySnapshot(root, { bundled, code: 'code-1', seeds: [] });
    expect(bundled).toHaveBeenCalledTimes(1);
    expect(cacheFiles(root)).toHaveLength(1);

    const again = counted();
    const cached = loadLibrarySnapshot(root, { bundled: again, code: 'code-1', seeds: [] });
    expect(again).not.toHaveBeenCalled();
    expect(cached.listing).toEqual(fresh.listing);
    expect(cached.plans).toEqual(fresh.plans);
    expect(cached.scenarios).toEqual(fresh.scenarios);
    expect(cached.origins).toEqual(fresh.origins);
    expect(cached.scenarios.size).toBeGreaterThan(0);
  });

  it('validates again when a file of the user folder changes or the code does, keeping one cache', () => {
    loadLibrarySnapshot(root, { bundled: counted(), code: 'code-1', seeds: [] });
    const [before] = cacheFiles(root);
    mkdirSync(dataPaths(root).library, { recursive: true });
    copyFileSync(MINI_PLAN_FILE, join(dataPaths(root).library, 'mini.plan.yaml'));

    const bundled = counted();
    const withUserPlan = loadLibrarySnapshot(root, { bundled, code: 'code-1', seeds: [] });
    expect(bundled).toHaveBeenCalledTimes(1);
    expect(withUserPlan.listing.plans.some((plan) => plan.source === 'user')).toBe(true);
    expect(cacheFiles(root)).toHaveLength(1);
    expect(cacheFiles(root)).not.toContain(before);

    const newCode = counted();
    loadLibrarySnapshot(root, { bundled: newCode, code: 'code-2', seeds: [] });
    expect(newCode).toHaveBeenCalledTimes(1);
  });

  it('reads a seeded cache (the build\'s) when the data folder has none, and a damaged cache is only validated again', () => {
    loadLibrarySnapshot(root, { bundled: counted(), code: 'code-1', seeds: [] });
    const [file] = cacheFiles(root);
    copyFileSync(join(dataPaths(root).cache, file!), join(seeds, file!));
    rmSync(dataPaths(root).cache, { recursive: true });

    const bundled = counted();
    const seeded = loadLibrarySnapshot(root, { bundled, code: 'code-1', seeds: [seeds] });
    expect(bundled).not.toHaveBeenCalled();
    expect(seeded.scenarios.size).toBeGreaterThan(0);

    writeFileSync(join(seeds, file!), '{ torn');
    const damaged = counted();
    expect(loadLibrarySnapshot(root, { bundled: damaged, code: 'code-1', seeds: [seeds] }).listing).toEqual(seeded.listing);
    expect(damaged).toHaveBeenCalledTimes(1);
  });

  it('keeps no cache when the code has no identity (run from the TypeScript sources)', () => {
    const bundled = counted();
    loadLibrarySnapshot(root, { bundled, code: null, seeds: [] });
    loadLibrarySnapshot(root, { bundled, code: null, seeds: [] });
    expect(bundled).toHaveBeenCalledTimes(2);
    expect(() => readFileSync(dataPaths(root).cache)).toThrow();
  });
});
