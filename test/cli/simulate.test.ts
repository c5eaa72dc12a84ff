import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, oneLineError } from '../host/export/exports-helpers.js';

// firedrill simulate, run in-process as a user would type it (the worker threads run the
// worker the test run bundled from the sources: test/setup/build-worker.ts).

const tmp = mkdtempSync(join(tmpdir(), 'firedrill-simulate-'));
const env: Record<string, string> = {};
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const simulate = (...args: string[]) => cli(['simulate', ...args], env, tmp);

describe('firedrill simulate', () => {
  it('prints the JSON report, the same with one worker and with two', async () => {
    const one = await simulate('ransomware-production-db', '--runs', '40', '--seed', '3', '--workers', '1');
    const two = await simulate('ransomware-production-db', '--runs', '40', '--seed', '3', '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const report = JSON.parse(one.stdout);
    expect(Object.keys(report).slice(0, 11)).toEqual([
      'simulationVersion', 'scenarioId', 'scenarioTitle', 'planId', 'model', 'runs', 'seed', 'timeToDetectMinutes', 'timeToContainMinutes', 'timeToRecoverMinutes', 'overallScore',
    ]);
    expect(report).toMatchObject({ simulationVersion: 1, scenarioId: 'ransomware-production-db', runs: 40, seed: 3 });
    expect(report.breaches[0]).toEqual({ id: 'severity', title: expect.stringContaining('Severity declared within 15 min'), probability: expect.any(Number) });
  });

  it('writes Markdown, and self-contained HTML with its charts drawn in', async () => {
    const md = await simulate('public-test-bucket', '--runs', '30', '--seed', '1', '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Stress test: /);
    expect(md.stdout).toContain('### Chance of missing each deadline');
    expect(md.stdout).toContain('### What moves the time to recover most');
    const html = await simulate('public-test-bucket', '--runs', '30', '--seed', '1', '--format', 'html', '--out', 'stress.html');
    expect(html.code).toBe(0);
    expect(html.stderr).toMatch(/^firedrill simulate: wrote stress\.html \(html, [\d,]+ bytes\)\n$/);
    const page = readFileSync(join(tmp, 'stress.html'), 'utf8');
    expect(page.match(/<svg/g)!.length).toBeGreaterThanOrEqual(5); // three histograms of times, the score's, breaches, tornado
    expect(page).not.toMatch(/<script|src="http|href="http/);
  });

  it('counts in words that agree with the number: one run, and a comparison named as a model', async () => {
    writeFileSync(join(tmp, 'night.model.yaml'), 'format: firedrill-model/1\nid: night\ntitle: The night shift\n');
    const md = await simulate('public-test-bucket', '--runs', '1', '--seed', '1', '--format', 'md', '--compare', 'night.model.yaml');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('1 simulated drill of scenario');
    expect(md.stdout).toContain('n = 1 run');
    expect(md.stdout).not.toMatch(/\b1 (simulated drills|runs)\b/);
    expect(md.stdout).toContain('## Compared with the model "The night shift"');
  });

  it('compares two models with --compare, run by run', async () => {
    writeFileSync(join(tmp, 'slow.model.yaml'), 'format: firedrill-model/1\nid: slow-backups\nactions:\n  protect-backups: { duration: { uniform: { min: 30m, max: 2h } } }\n');
    writeFileSync(join(tmp, 'staffed.model.yaml'), 'format: firedrill-model/1\nid: staffed\nwhatIf: { extraPeople: { it-operations: 2 } }\n');
    const result = await simulate('ransomware-production-db', '--runs', '30', '--seed', '9', '--model', 'slow.model.yaml', '--compare', 'staffed.model.yaml');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.model.id).toBe('slow-backups');
    expect(report.comparison.model.id).toBe('staffed');
    expect(report.comparison.differences.map((d: { id: string }) => d.id)).toEqual(['timeToDetectMinutes', 'timeToContainMinutes', 'timeToRecoverMinutes', 'overallScore']);
    expect(report.comparison.breaches.map((d: { id: string }) => d.id)).toEqual(report.breaches.map((b: { id: string }) => b.id));
  });

  it('reports a model file\'s mistakes located, one line each, and exits 1', async () => {
    writeFileSync(join(tmp, 'broken.model.yaml'), 'format: firedrill-model/1\nid: broken\nchannels:\n  email: { notice: { exponential: { mean: soon } } }\n');
    const result = await simulate('ransomware-production-db', '--runs', '10', '--seed', '1', '--model', 'broken.model.yaml');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^broken\.model\.yaml:4:\d+ channels\.email\.notice\.exponential\.mean: "soon" is not a duration/);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    const missing = await simulate('ransomware-production-db', '--runs', '10', '--seed', '1', '--model', 'nowhere.model.yaml');
    expect(missing.stderr).toBe('firedrill simulate: cannot read nowhere.model.yaml: no such file\n');
    expect(oneLineError(await simulate('ransomware-production-db', '--runs', '10', '--seed', '1', '--model', '.'))).toBe('firedrill simulate: cannot read .: it is a folder, not a model file');
  });

  it('warns, located, of every setting that changes nothing in this scenario, and still runs', async () => {
    // Settings a programme owner means: an Azure action, a channel and a role this ransomware drill never uses.
    writeFileSync(join(tmp, 'azure.model.yaml'), [
      'format: firedrill-model/1', 'id: azure-team',
      'actions:', '  revoke-entra-sessions: { skip: 1 }', '  protect-backups: { skip: 0.1 }',
      'channels:', '  regulator-letter: { notice: 2h }',
      'whatIf:', '  off: { channels: [regulator-letter], actions: [isolate-azure-vm] }', '',
    ].join('\n'));
    const result = await simulate('ransomware-production-db', '--runs', '5', '--seed', '1', '--model', 'azure.model.yaml');
    expect(result.code).toBe(0);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'azure.model.yaml:4:3 actions.revoke-entra-sessions: warning: the team never takes this action in scenario "ransomware-production-db" (its exemplary script does not), so this setting changes nothing',
      'azure.model.yaml:7:3 channels.regulator-letter: warning: no inject of scenario "ransomware-production-db" comes by regulator-letter, so this setting changes nothing',
      'azure.model.yaml:9:21 whatIf.off.channels[0]: warning: no inject of scenario "ransomware-production-db" comes by regulator-letter, so this setting changes nothing',
      'azure.model.yaml:9:50 whatIf.off.actions[0]: warning: the team never takes this action in scenario "ransomware-production-db" (its exemplary script does not), so this setting changes nothing',
    ]);
    expect(JSON.parse(result.stdout).model.id).toBe('azure-team');
  });

  it('asks for --runs and --seed, and checks them, with the usage', async () => {
    expect((await simulate('ransomware-production-db', '--seed', '1')).stderr).toMatch(/^firedrill: simulate needs --runs N/);
    expect((await simulate('ransomware-production-db', '--runs', '10')).stderr).toMatch(/^firedrill: simulate needs --seed S/);
    const bad = await simulate('ransomware-production-db', '--runs', 'many', '--seed', '1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^firedrill: --runs must be a whole number from 1 to 1,000,000, not "many"/);
    expect((await simulate('no-such-scenario', '--runs', '10', '--seed', '1')).stderr).toMatch(/firedrill simulate: no scenario "no-such-scenario"/);
  });

  it('explains its options with --help, and gives its own usage (not every command\'s) after a mistake', async () => {
    const help = await simulate('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: firedrill simulate <scenario>/);
    for (const option of ['--runs N', '--seed S', '--model M', '--compare M2', '--workers W', '--script S', '--plan P', '--format', '--out F']) expect(help.stdout).toContain(`\n  ${option}`);
    expect(help.stdout).toContain('docs/examples/night-shift.model.yaml');
    const mistake = await simulate('ransomware-production-db', '--runs', '0', '--seed', '1');
    expect(mistake.code).toBe(2);
    expect(mistake.stderr).toMatch(/^firedrill: --runs must be a whole number from 1 to 1,000,000, not "0"\n\nusage: firedrill simulate <scenario>/);
    expect(mistake.stderr).not.toContain('firedrill validate');
    expect(mistake.stderr.trimEnd().split('\n')).toHaveLength(4); // the error, a blank line, the usage, where to read more
    expect(mistake.stderr).toContain('(firedrill simulate --help says more; firedrill help lists every command)');
  });

  it('says a negative number is out of range in one line, like any other wrong number', async () => {
    const cases = [
      [['--runs', '10', '--seed', '-1'], '--seed must be a whole number from 0 to 4,294,967,295, not "-1"'],
      [['--runs', '-5', '--seed', '1'], '--runs must be a whole number from 1 to 1,000,000, not "-5"'],
      [['--runs', '10', '--seed', '1', '--workers', '-2'], '--workers must be a whole number from 1 to 64, not "-2"'],
    ] as const;
    for (const [args, message] of cases) {
      const result = await simulate('ransomware-production-db', ...args);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(`firedrill: ${message}`);
    }
  });

  it('names a missing scenario without blaming the response script', async () => {
    expect(oneLineError(await simulate('no-such-scenario', '--runs', '10', '--seed', '1')))
      .toBe('firedrill simulate: no scenario "no-such-scenario" (give a scenario file, or a bundled scenario id: firedrill list)');
    expect(oneLineError(await simulate('ransomware-production-db', '--runs', '10', '--seed', '1', '--script', 'lazy')))
      .toBe('firedrill simulate: no response script "lazy" for scenario "ransomware-production-db"');
  });

  it('refuses an --out it cannot write before playing any run, not after', { timeout: 30_000 }, async () => {
    // A million runs would take minutes: the answer comes before the first one.
    expect(oneLineError(await simulate('ransomware-production-db', '--runs', '1000000', '--seed', '1', '--out', 'no-such-folder/stress.json')))
      .toBe('firedrill simulate: cannot write no-such-folder/stress.json: no such folder');
    expect(oneLineError(await simulate('ransomware-production-db', '--runs', '1000000', '--seed', '1', '--format', 'html', '--out', '.')))
      .toBe('firedrill simulate: cannot write .: it is a folder');
  });
});
