import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../host/cli/schema.js';
import { BROKEN_DIR, MINI, runCli, STACK_TRACE, VALID_DIR } from '../engine/validate/helpers.js';

// The validate, list and schema commands, run in-process as a user would type them.

const tmp = mkdtempSync(join(tmpdir(), 'firedrill-cli-host-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('firedrill validate', () => {
  it('exits 0 and says ok for each valid file', async () => {
    const { code, stdout, stderr } = await runCli(['validate', VALID_DIR]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        `ok      ${MINI.plan}  (plan mini)`,
        `ok      ${MINI.scenario}  (scenario mini-leaked-key)`,
        `ok      ${MINI.script}  (script exemplary)`,
        '',
        '1 plan, 1 scenario and 1 script valid; 0 files with errors',
        '',
      ].join('\n'),
    );
  });

  it('--json gives { valid, counts, files: [{ file, kind, id, valid, errors }] }', async () => {
    const { code, stdout } = await runCli(['validate', '--json', VALID_DIR]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      valid: true,
      counts: { plans: 1, scenarios: 1, scripts: 1, invalid: 0 },
      files: [
        { file: MINI.plan, kind: 'plan', id: 'mini', valid: true, errors: [] },
        { file: MINI.scenario, kind: 'scenario', id: 'mini-leaked-key', valid: true, errors: [] },
        { file: MINI.script, kind: 'script', id: 'exemplary', valid: true, errors: [] },
      ],
    });
  });

  it('--json errors are { file, line, column, path, message }, and files that cannot be read are reported too', async () => {
    const missing = join('test', 'fixtures', 'no-such-file.scenario.yaml');
    const { code, stdout } = await runCli(['validate', '--json', join(BROKEN_DIR, 'scenario-unknown-role.scenario.yaml'), MINI.plan, missing]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { valid: boolean; counts: Record<string, number>; files: { file: string; kind: string | null; id: string | null; valid: boolean; errors: Record<string, unknown>[] }[] };
    expect(report.valid).toBe(false);
    expect(report.counts).toEqual({ plans: 1, scenarios: 0, scripts: 0, invalid: 2 });
    const broken = report.files.find((f) => f.file.endsWith('scenario-unknown-role.scenario.yaml'))!;
    expect(broken).toMatchObject({ kind: 'scenario', id: 'mini-leaked-key', valid: false });
    expect(Object.keys(broken.errors[0]!).sort()).toEqual(['column', 'file', 'line', 'message', 'path']);
    expect(report.files.find((f) => f.file === missing)).toEqual({
      file: missing,
      kind: null,
      id: null,
      valid: false,
      errors: [{ file: missing, line: 1, column: 1, path: '', message: 'no such file or folder' }],
    });
  });

  it('checks the whole broken corpus in one run: exit 1, every file invalid, no stack trace', async () => {
    const { code, stdout, stderr } = await runCli(['validate', '--json', MINI.plan, MINI.scenario, BROKEN_DIR]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as { files: { file: string; valid: boolean; errors: unknown[] }[] };
    const broken = report.files.filter((f) => f.file.startsWith(BROKEN_DIR));
    expect(broken).toHaveLength(readdirSync(BROKEN_DIR).length);
    expect(broken.filter((f) => f.valid).map((f) => f.file)).toEqual([]);
    expect(report.files.filter((f) => !f.file.startsWith(BROKEN_DIR)).every((f) => f.valid)).toBe(true);
    expect(stdout).not.toMatch(STACK_TRACE);
  });

  it('exits 1 when there is nothing to check', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.txt'), 'not yaml, and not named');
    const { code, stdout } = await runCli(['validate', empty]);
    expect(code).toBe(1);
    expect(stdout).toContain('no YAML files found');
  });

  it('names a missing path as the user typed it', async () => {
    const { code, stdout } = await runCli(['validate', 'nowhere/at-all.yaml']);
    expect(code).toBe(1);
    expect(stdout).toContain('  nowhere/at-all.yaml:1:1 no such file or folder\n');
  });

  it('checks a scenario against the plan in the same run, and reports a broken plan it depends on', async () => {
    const { code, stdout } = await runCli(['validate', join(BROKEN_DIR, 'plan-unknown-role.plan.yaml'), MINI.scenario]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${MINI.scenario}:6:7 plan: plan "mini" has errors (see ${join(BROKEN_DIR, 'plan-unknown-role.plan.yaml')}); fix it first`);
  });
});

describe('firedrill list', () => {
  it('--json lists scenarios with their scripts', async () => {
    const { code, stdout, stderr } = await runCli(['list', '--json', VALID_DIR]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual([
      {
        id: 'mini-leaked-key',
        title: 'A leaked access key',
        path: resolve(MINI.scenario),
        plan: 'mini',
        threat: 'compromised-credentials',
        expectedSeverity: 2,
        providers: ['aws'],
        attack: ['T1078.004', 'T1552'],
        difficulty: 'introductory',
        estimatedMinutes: 90,
        scripts: { exemplary: resolve(MINI.script) },
      },
    ]);
  });

  it('prints one block per scenario for people', async () => {
    const { code, stdout } = await runCli(['list', VALID_DIR]);
    expect(code).toBe(0);
    expect(stdout).toContain('mini-leaked-key\n  A leaked access key\n  Sev 2 · compromised-credentials · aws · introductory · 1 h 30 min · T1078.004 T1552\n');
    expect(stdout).toContain(`  script exemplary: ${resolve(MINI.script)}\n`);
    expect(stdout).toMatch(/1 scenario\n$/);
  });

  it('keeps stdout clean JSON and reports broken files on stderr, exit 1', async () => {
    const { code, stdout, stderr } = await runCli(['list', '--json', VALID_DIR, join(BROKEN_DIR, 'scenario-empty.scenario.yaml')]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toHaveLength(1);
    expect(stderr).toBe(`${join(BROKEN_DIR, 'scenario-empty.scenario.yaml')}:1:1 the file is empty\n`);
  });
});

describe('firedrill schema', () => {
  it('writes the three JSON Schemas to the folder', async () => {
    const folder = join(tmp, 'schema');
    const { code, stdout } = await runCli(['schema', folder]);
    expect(code).toBe(0);
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(stdout).toContain(`wrote ${join(folder, name)}\n`);
      expect(JSON.parse(readFileSync(join(folder, name), 'utf8'))).toEqual(schema);
    }
  });

  it('says so, without a stack trace, when it cannot write', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const { code, stdout, stderr } = await runCli(['schema', join(file, 'inside')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^firedrill: cannot write .*plan\.schema\.json \(ENOTDIR\)\n$/);
    expect(stdout + stderr).not.toMatch(STACK_TRACE);
  });
});

describe('usage mistakes', () => {
  it.each([
    [['validate', '--jsn'], /Unknown option '--jsn'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['schema'], /schema needs one folder/],
    [['schema', 'a', 'b'], /schema needs one folder/],
  ])('%j exits 2 with one line and the usage', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('usage:');
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it.each(['validate', 'list', 'run', 'replay', 'report', 'aar', 'history', 'schema', 'serve'])("'%s --help' prints that command's usage and exits 0", async (command) => {
    for (const argv of [[command, '--help'], [command, '-h'], ['help', command], [command, 'some-file', '--help']]) {
      const { code, stdout, stderr } = await runCli(argv);
      expect(code, argv.join(' ')).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(new RegExp(`^usage: firedrill ${command} `));
      expect(stdout.trim().split('\n')).toHaveLength(1);
    }
  });

  it('help exits 0; no command at all exits 2', async () => {
    expect((await runCli(['help'])).code).toBe(0);
    expect((await runCli(['--help'])).stdout).toContain('firedrill validate');
    expect((await runCli([])).code).toBe(2);
  });
});
