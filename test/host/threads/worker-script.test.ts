import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORKER_DIR_VARIABLE, WORKERS, workerScript } from '../../../host/threads/worker-script.js';
import { WORKER_ENTRIES } from '../../../scripts/node-bundle.mjs';

// One way to find every worker thread's script (the host's pool, a simulation's): beside the
// bundle that runs it (the CLI and its chunks, the Electron main, the bench), or from the
// sources the bundles the test run built, or the TypeScript entry through tsx.

describe('the worker scripts', () => {
  it('are the bundles beside the running bundle: dist/ for the CLI and its chunks, dist/electron/ for the desktop app', () => {
    const dist = mkdtempSync(join(tmpdir(), 'firedrill-dist-'));
    try {
      mkdirSync(join(dist, 'chunks'));
      mkdirSync(join(dist, 'electron'));
      for (const name of Object.values(WORKERS)) {
        writeFileSync(join(dist, `${name}.js`), '');
        writeFileSync(join(dist, 'electron', `${name}.js`), '');
      }
      for (const name of Object.values(WORKERS)) {
        const at = (file: string) => workerScript(name, pathToFileURL(join(dist, file)).href, {});
        expect(at('cli.js').url.toString()).toBe(pathToFileURL(join(dist, `${name}.js`)).href);
        expect(at('chunks/serve-ABC.js').url.toString()).toBe(pathToFileURL(join(dist, `${name}.js`)).href);
        expect(at('electron/main.js').url.toString()).toBe(pathToFileURL(join(dist, 'electron', `${name}.js`)).href);
        rmSync(join(dist, 'electron', `${name}.js`));
        rmSync(join(dist, `${name}.js`));
        expect(() => at('electron/main.js')).toThrow(new RegExp(`${name}\\.js is missing beside .*main\\.js: rebuild Firedrill`));
      }
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('are built under the names the code looks for', () => {
    expect(Object.keys(WORKER_ENTRIES).sort()).toEqual(Object.values(WORKERS).sort());
  });

  it('from the sources: the bundles the test run built, or the TypeScript entry through tsx', () => {
    const source = new URL('../../../host/threads/worker-script.ts', import.meta.url).href;
    expect(workerScript(WORKERS.simulation, source, { [WORKER_DIR_VARIABLE]: '/x/built/' })).toEqual({ url: pathToFileURL('/x/built/simulation-worker.js') });
    expect(workerScript(WORKERS.host, source, { [WORKER_DIR_VARIABLE]: '/x/built' })).toEqual({ url: pathToFileURL('/x/built/firedrill-worker.js') });
    for (const [name, entry] of [[WORKERS.host, 'service/work/worker.ts'], [WORKERS.simulation, 'simulate/simulation-worker.ts']] as const) {
      const tsx = workerScript(name, source, {});
      expect(tsx.eval).toBe(true);
      expect(String(tsx.url)).toContain('tsx');
      expect(String(tsx.url)).toContain(entry);
    }
  });

  it('under vitest: the bundles built for this run', () => {
    expect(process.env[WORKER_DIR_VARIABLE]).toMatch(/test-worker$/);
  });
});
