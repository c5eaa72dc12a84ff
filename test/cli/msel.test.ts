import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../host/cli/main.js';
import { loadLibrary } from '../../engine/validate/index.js';
import { contentHash } from '../../engine/session/hash.js';
import { bundledLibrary, MINI_PLAN_FILE } from '../helpers/world.js';

// firedrill msel import | export from the command line: usage on --help, exit 1 with located
// errors and nothing written, a draft that validates, and the controllers' MSEL files.

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'firedrill-msel-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: process.cwd(), env: { FIREDRILL_DATA_DIR: join(tmp, 'data') } });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('firedrill msel', () => {
  it('prints its usage on --help, and lists its commands in firedrill help', async () => {
    for (const argv of [['msel', '--help'], ['msel', 'import', '--help'], ['msel', 'export', '-h']]) {
      const help = await run(argv);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^usage: firedrill msel import <file.csv\|xlsx> --plan <plan id or file> \[--map mapping.json\] --out <file.scenario.yaml>/);
      expect(help.stdout).toContain('firedrill msel export <scenario id or file> --format csv|xlsx|pdf --out F');
      expect(help.stdout).toContain('file:row:column');
    }
    expect((await run(['help'])).stdout).toContain('firedrill pack import <F.firedrill>');
    expect((await run(['validate', '--help'])).stdout).toMatch(/^usage: firedrill validate/);
  });

  it('import: exits 1 with every unreadable cell located, and writes nothing', async () => {
    const out = join(tmp, 'never.scenario.yaml');
    const result = await run(['msel', 'import', 'test/fixtures/msel/broken/unknown-role.csv', '--plan', MINI_PLAN_FILE, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown-role.csv:3:4 D3 "To": "SOC Manager" is not a role of plan "mini"');
    expect(result.stderr).toMatch(/firedrill msel import: 1 problem; nothing was written\n$/);
    expect(result.stderr).not.toContain('    at ');
    expect(existsSync(out)).toBe(false);
  });

  it('import: writes a draft scenario that validates, and says what it read and how many guesses to check', async () => {
    const out = join(tmp, 'hseep.scenario.yaml');
    const result = await run(['msel', 'import', 'test/fixtures/msel/hseep.csv', '--plan', MINI_PLAN_FILE, '--out', out, '--id', 'leaked-key-tabletop', '--title', 'Leaked key tabletop']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('header in row 1 (the hseep column set): A "Event #" -> id, B "Scenario Time" -> time');
    expect(result.stderr).toMatch(/wrote .*hseep.scenario.yaml: scenario "leaked-key-tabletop" with 4 injects; \d+ guesses marked "# guessed" to check/);
    const validate = await run(['validate', MINI_PLAN_FILE, out]);
    expect(validate.stdout).toContain('1 plan, 1 scenario and 0 scripts valid; 0 files with errors');
  });

  it('import --map, --start and --tz: the OpenAEV sample sheet', async () => {
    const out = join(tmp, 'openaev.scenario.yaml');
    const mapping = JSON.parse(readFileSync('test/fixtures/msel/openaev.mapping.json', 'utf8'));
    delete mapping.start;
    delete mapping.timeZone;
    writeFileSync(join(tmp, 'map.json'), JSON.stringify(mapping));
    const result = await run(['msel', 'import', 'test/fixtures/msel/openaev.xlsx', '--plan', MINI_PLAN_FILE, '--map', join(tmp, 'map.json'), '--start', '2026-03-14T09:00', '--tz', 'Asia/Hong_Kong', '--out', out]);
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('startsAt: 2026-03-14T08:55:00+08:00');
    const broken = await run(['msel', 'import', 'test/fixtures/msel/hseep.csv', '--plan', MINI_PLAN_FILE, '--map', 'test/fixtures/msel/broken/bad.mapping.json', '--out', join(tmp, 'x.yaml')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('bad.mapping.json:2:3 colums: unknown field "colums" (did you mean "columns"?)');
  });

  it('export, then import --into the scenario: the same scenario back, from CSV and from XLSX', async () => {
    const scenarioFile = bundledLibrary().scenarios.get('public-test-bucket')!.file;
    for (const format of ['csv', 'xlsx', 'pdf']) {
      const file = join(tmp, `bucket.${format}`);
      const exported = await run(['msel', 'export', 'public-test-bucket', '--format', format, '--out', file]);
      expect(exported.code).toBe(0);
      expect(exported.stderr).toMatch(new RegExp(`wrote .*bucket.${format} \\(${format}, 11 injects, [\\d,]+ bytes\\)`));
      if (format === 'pdf') continue;
      const out = join(tmp, `bucket-${format}.scenario.yaml`);
      const imported = await run(['msel', 'import', file, '--into', scenarioFile, '--out', out]);
      expect(imported.stderr).not.toMatch(/problem/);
      expect(imported.code).toBe(0);
      const library = loadLibrary([{ file: 'plan.yaml', text: readFileSync('scenarios/plans/cloud-cirp.plan.yaml', 'utf8') }, { file: out, text: readFileSync(out, 'utf8') }]);
      expect(contentHash(library.scenarios.get('public-test-bucket')!.scenario)).toBe(contentHash(bundledLibrary().scenarios.get('public-test-bucket')!.scenario));
      // The scenario file's own comments survive the update.
      expect(readFileSync(out, 'utf8')).toContain('# A low-severity misconfiguration');
    }
  });

  it('says what is missing or wrong in one line: exit 2 for the usage, 1 for the input', async () => {
    expect((await run(['msel', 'import', 'test/fixtures/msel/hseep.csv', '--plan', 'mini'])).code).toBe(2);
    expect((await run(['msel'])).code).toBe(2);
    const noFormat = await run(['msel', 'export', 'public-test-bucket', '--out', join(tmp, 'x')]);
    expect(noFormat).toMatchObject({ code: 1, stderr: 'firedrill msel export: msel export needs --format (csv, xlsx or pdf)\n' });
    const unknown = await run(['msel', 'export', 'no-such-scenario', '--format', 'csv', '--out', join(tmp, 'x.csv')]);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/^firedrill msel export: no scenario "no-such-scenario" in the library/) });
    const missing = await run(['msel', 'import', join(tmp, 'nope.csv'), '--plan', MINI_PLAN_FILE, '--out', join(tmp, 'x.yaml')]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/cannot read .*nope.csv: no such file\n$/) });
  });

  it('import: an --out in a folder that is not there, or that is a folder, is one line, not a stack trace', async () => {
    const noFolder = await run(['msel', 'import', 'test/fixtures/msel/hseep.csv', '--plan', MINI_PLAN_FILE, '--out', join(tmp, 'no-such-folder', 'x.scenario.yaml')]);
    expect(noFolder).toMatchObject({ code: 1 });
    expect(noFolder.stderr).toMatch(/(^|\n)firedrill msel import: cannot write .*x\.scenario\.yaml: no such folder\n$/);
    expect(noFolder.stderr).not.toContain('    at ');
    const folder = await run(['msel', 'import', 'test/fixtures/msel/hseep.csv', '--plan', MINI_PLAN_FILE, '--out', tmp]);
    expect(folder.stderr).toMatch(/(^|\n)firedrill msel import: cannot write .*: it is a folder\n$/);
    expect(folder.code).toBe(1);
  });
});
