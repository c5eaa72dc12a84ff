import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../../host/library/read-sources.js';
import { loadPaths } from '../../host/library/load.js';
import { MINI } from '../engine/validate/helpers.js';

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'firedrill-read-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const folder = (name: string) => {
  const path = join(root, name);
  mkdirSync(path, { recursive: true });
  return path;
};

describe('readSources', () => {
  it('reads the YAML files of a folder and its subfolders, in name order, skipping hidden ones and node_modules', () => {
    const dir = folder('tree');
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, '.hidden'));
    mkdirSync(join(dir, 'node_modules'));
    for (const file of ['a.yaml', 'b/c.yml', 'b/d.YAML', 'notes.md', '.secret.yaml', '.hidden/e.yaml', 'node_modules/f.yaml']) writeFileSync(join(dir, file), 'a: 1\n');
    const { sources, unreadable } = readSources([dir], root);
    expect(sources.map((s) => s.file)).toEqual(['tree/a.yaml', 'tree/b/c.yml', 'tree/b/d.YAML']);
    expect(unreadable).toEqual([]);
  });

  it('leaves the response models (.model.yaml) of a folder to simulate --model: a team keeps them beside its scenarios', () => {
    const dir = folder('with-models');
    for (const file of ['a.scenario.yaml', 'night-shift.model.yaml', 'day.MODEL.yml']) writeFileSync(join(dir, file), 'a: 1\n');
    expect(readSources([dir], root).sources.map((s) => s.file)).toEqual(['with-models/a.scenario.yaml']);
    // Named on its own, it is read (and said to be a model).
    expect(readSources([join(dir, 'night-shift.model.yaml')], root).sources.map((s) => s.file)).toEqual(['with-models/night-shift.model.yaml']);
  });

  it('reads a file named on the command line whatever its extension', () => {
    const file = join(folder('named'), 'plan.txt');
    writeFileSync(file, 'a: 1\n');
    expect(readSources([file], root).sources.map((s) => s.file)).toEqual(['named/plan.txt']);
  });

  it('names files relative to cwd when they are below it, absolute otherwise', () => {
    const file = join(folder('names'), 'x.yaml');
    writeFileSync(file, 'a: 1\n');
    expect(readSources([file], join(root, 'names')).sources[0]!.file).toBe('x.yaml');
    expect(readSources([file], join(root, 'tree')).sources[0]!.file).toBe(file);
  });

  it('drops a byte order mark', () => {
    const file = join(folder('bom'), 'x.yaml');
    writeFileSync(file, '\uFEFFa: 1\n');
    expect(readSources([file], root).sources[0]!.text).toBe('a: 1\n');
  });

  it('refuses a file that is not UTF-8 text, without reading it as YAML', () => {
    const file = join(folder('binary'), 'image.scenario.yaml');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x00]));
    const { sources, unreadable } = readSources([file], root);
    expect(sources).toEqual([]);
    expect(unreadable).toEqual([{ file: 'binary/image.scenario.yaml', line: 1, column: 1, path: '', message: 'this is a binary file (not UTF-8 text), not YAML' }]);
  });

  it('refuses a file far over the size limit before reading it', () => {
    const file = join(folder('huge'), 'huge.plan.yaml');
    writeFileSync(file, Buffer.alloc(9_000_000, 0x20));
    expect(readSources([file], root).unreadable[0]!.message).toBe('the file is 9.0 MB; a plan, scenario or script is at most 2 MB');
  });

  it('reports a path that does not exist', () => {
    expect(readSources(['missing.yaml'], root).unreadable).toEqual([{ file: 'missing.yaml', line: 1, column: 1, path: '', message: 'no such file or folder' }]);
  });

  it('reads each file once, even through a symbolic link that loops back up', () => {
    const dir = folder('loop');
    mkdirSync(join(dir, 'inner'));
    writeFileSync(join(dir, 'inner', 'a.yaml'), 'a: 1\n');
    symlinkSync('..', join(dir, 'inner', 'up'));
    symlinkSync(join(dir, 'inner', 'a.yaml'), join(dir, 'same.yaml'));
    const { sources, unreadable } = readSources([dir, join(dir, 'inner', 'a.yaml')], root);
    expect(sources.map((s) => s.file)).toEqual(['loop/inner/a.yaml']);
    expect(unreadable).toEqual([]);
  });

  it('does not open a named pipe (it would wait forever)', () => {
    let fifo: string;
    try {
      fifo = join(folder('fifo'), 'pipe.yaml');
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo here: nothing to prove
    }
    expect(readSources([fifo], root).unreadable[0]).toMatchObject({ file: 'fifo/pipe.yaml', message: expect.stringContaining('not a regular file') });
  });
});

describe('loadPaths', () => {
  it('validates the files asked for, looking up plans they do not hold in the bundled library only when needed', () => {
    const { library, errors } = loadPaths([MINI.plan, MINI.scenario, MINI.script]);
    expect(errors).toEqual([]);
    expect(library.reports.map((r) => r.file)).toEqual([MINI.plan, MINI.scenario, MINI.script]);
  });

  it('puts files it could not read among the reports', () => {
    const file = join(folder('load-binary'), 'x.plan.yaml');
    writeFileSync(file, Buffer.from([0xff, 0x00]));
    const { library, errors } = loadPaths([file, resolve(MINI.plan)], root);
    expect(errors).toEqual([{ file: relative(root, file), line: 1, column: 1, path: '', message: 'this is a binary file (not UTF-8 text), not YAML' }]);
    expect(library.plans.has('mini')).toBe(true);
  });
});
