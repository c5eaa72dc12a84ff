import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import afterPack from '../../scripts/after-pack.cjs';

// Packaging, offline: electron-builder --linux dir with electronDist pointing at a stub folder
// (a fake `electron` file carrying a fuse wire, so the afterPack hook really flips it). Runs on
// a copy of the runtime files in a temporary project, so the repository's dist/ is not touched.
// The renderer: dist/renderer when it has been built, otherwise a placeholder index.html in
// the copy (the test says which).

const root = resolve('.');
// @electron/fuses' wire format (its constants are not exported): the sentinel, then the wire
// version, its length and one byte per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FuseState = { DISABLE: 48, ENABLE: 49 } as const;
let work: string;
let asarPath: string;
let entries: string[];
let rendererSource: 'built' | 'placeholder';
let builderOutput = '';

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'firedrill-packaging-'));
  const project = join(work, 'project');
  const stub = join(work, 'electron-stub');
  mkdirSync(join(project, 'dist'), { recursive: true });
  mkdirSync(join(project, 'scripts'), { recursive: true });
  mkdirSync(join(stub, 'resources'), { recursive: true });

  // The bundles, built as npm run build builds them.
  const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  if (['cli.js', 'firedrill-worker.js', 'simulation-worker.js', 'library-seed'].some((file) => !existsSync(join(root, 'dist', file)))) expect(spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root }).status).toBe(0);

  for (const path of ['package.json', 'electron-builder.yml', 'scenarios', 'assets', 'scripts/after-pack.cjs', 'dist/electron', 'dist/cli.js', 'dist/firedrill-worker.js', 'dist/simulation-worker.js', 'dist/library-seed', 'dist/chunks']) {
    cpSync(join(root, path), join(project, path), { recursive: true });
  }
  if (existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
    cpSync(join(root, 'dist', 'renderer'), join(project, 'dist', 'renderer'), { recursive: true });
    rendererSource = 'built';
  } else {
    mkdirSync(join(project, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(project, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Firedrill (placeholder for the packaging test)</title>');
    rendererSource = 'placeholder';
  }
  // Decoys that must stay out of app.asar.
  writeFileSync(join(project, 'dist', 'chunks', 'decoy.test.js'), 'test();');
  writeFileSync(join(project, 'dist', 'chunks', 'decoy.test.js.map'), '{}');
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');

  // The stub Electron: a file with Electron 45's fuse wire (version 1, 8 fuses, as shipped).
  const wire = [FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE];
  writeFileSync(join(stub, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stub Electron"\n#'), Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire]), Buffer.from('\n')]), { mode: 0o755 });
  writeFileSync(join(stub, 'version'), 'v45.5.0');

  const out = join(work, 'out');
  const builder = spawnSync(
    join(root, 'node_modules', '.bin', 'electron-builder'),
    ['--linux', 'dir', '--publish', 'never', `-c.electronDist=${stub}`, `-c.directories.output=${out}`],
    {
      cwd: project,
      encoding: 'utf8',
      timeout: 110_000,
      // Any download would go through a proxy that does not exist, and fail the build.
      env: { ...process.env, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', http_proxy: 'http://127.0.0.1:9', ELECTRON_GET_USE_PROXY: '1', NO_PROXY: '' },
    },
  );
  builderOutput = `${builder.stdout}\n${builder.stderr}`;
  expect(builder.status, builderOutput).toBe(0);
  asarPath = join(out, 'linux-unpacked', 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --linux dir, offline', () => {
  it('builds app.asar with every download routed to a dead proxy', () => {
    expect(existsSync(asarPath)).toBe(true);
    expect(builderOutput).not.toMatch(/downloading/i);
    console.log(`packaging test: renderer ${rendererSource === 'built' ? 'from dist/renderer' : 'is a placeholder index.html (dist/renderer not built)'}; app.asar holds ${entries.length} entries`);
  });

  it('holds the main, preload and renderer bundles, the CLI, the worker threads beside main and the CLI, and the package manifest', () => {
    for (const file of ['/package.json', '/dist/electron/main.js', '/dist/electron/firedrill-worker.js', '/dist/electron/simulation-worker.js', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/dist/cli.js', '/dist/firedrill-worker.js', '/dist/simulation-worker.js']) expect(entries, file).toContain(file);
    // The library each worker validated at build time, so the first start skips validating it.
    for (const folder of ['/dist/library-seed/', '/dist/electron/library-seed/']) expect(entries.some((entry) => entry.startsWith(folder) && entry.endsWith('.json')), folder).toBe(true);
    const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main: string; name: string };
    expect(manifest.main).toBe('dist/electron/main.js');
    expect(manifest.name).toBe('firedrill');
  });

  it('holds every bundled scenario and the plans', () => {
    for (const name of readdirSync(join(root, 'scenarios'))) expect(entries, name).toContain(`/scenarios/${name}`);
    expect(entries.some((entry) => /^\/scenarios\/plans\/.+\.ya?ml$/.test(entry))).toBe(true);
    expect(entries.filter((entry) => entry.endsWith('.scenario.yaml')).length).toBeGreaterThanOrEqual(10);
  });

  it('holds no tests, no source maps, no sources and no dependencies (the bundles carry what they use)', () => {
    expect(entries.filter((entry) => /\.(test|spec)\.|\/test\//.test(entry))).toEqual([]);
    expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    expect(entries.filter((entry) => /\.(ts|tsx|mts|cts)$/.test(entry))).toEqual([]);
    expect(entries.filter((entry) => entry.includes('node_modules'))).toEqual([]);
    const topLevel = new Set(entries.map((entry) => entry.split('/')[1]));
    expect(topLevel).toEqual(new Set(['package.json', 'dist', 'scenarios']));
    expect(new Set(entries.filter((entry) => entry.split('/').length === 3 && entry.startsWith('/dist/')))).toEqual(new Set(['/dist/cli.js', '/dist/firedrill-worker.js', '/dist/simulation-worker.js', '/dist/library-seed', '/dist/chunks', '/dist/electron', '/dist/renderer']));
  });

  it('flips the fuses in the packaged binary (afterPack)', async () => {
    const fuses = await getCurrentFuseWire(join(work, 'out', 'linux-unpacked', 'firedrill'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('turns on embedded asar integrity where electron-builder embeds the hash (macOS, Windows), not on Linux', () => {
    expect(afterPack.fuseConfigFor('darwin')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(afterPack.fuseConfigFor('win32')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(afterPack.fuseConfigFor('linux')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(false);
    for (const platform of ['linux', 'win32', 'darwin']) {
      expect(afterPack.fuseConfigFor(platform)[FuseV1Options.RunAsNode]).toBe(false);
      expect(afterPack.fuseConfigFor(platform)[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    }
  });
});
