import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../host/cli/main.js';
import { MINI_PLAN_FILE, MINI_SCENARIO_FILE, loadableBundledWorlds, bundledLibrary } from '../helpers/world.js';

// The command line, run in-process: `run` plays a response script and prints the scorecard,
// `replay` rebuilds it from the journal; the same journal gives the same bytes. Bad input is
// one located line on stderr and exit code 1, never a stack trace.

const tmp = mkdtempSync(join(tmpdir(), 'firedrill-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: process.cwd(), env: {} });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A response to the mini scenario, written as a user would write a script file. */
const MINI_SCRIPT = `# A response to the mini scenario, for the CLI tests.
format: firedrill-script/1
scenario: mini-leaked-key
name: cli-test
description: The team follows the mini plan.
steps:
  - { at: 2m, by: cloud-security-analyst, action: triage-alert }
  - { at: 12m, by: incident-commander, declareSeverity: 2 }
  - { at: 13m, by: cloud-security-analyst, action: revoke-iam-access-key }
  - { at: 20m, by: legal-compliance, decision: DEC-01, option: notify }
  - { at: 25m, by: cloud-security-analyst, action: snapshot-volume }
  - { at: 40m, by: cloud-security-analyst, action: terminate-instance }
  - { at: 45m, by: cloud-security-analyst, action: rotate-secrets }
  - { at: 50m, by: legal-compliance, action: notify-regulator }
  - { at: 1h, by: incident-commander, action: restore-from-backup }
  - at: 2h5m
    by: facilitator
    observation: { text: Evidence was preserved before the instance was terminated., tag: strength, objective: OBJ-1 }
  - { at: 2h10m, by: incident-commander, action: lessons-learned }
  - { at: 3h20m, by: facilitator, end: true }
`;

function writeTmp(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

const miniArgs = (script: string) => ['run', MINI_SCENARIO_FILE, '--plan', MINI_PLAN_FILE, '--script', script];
const miniReplay = (journal: string) => ['replay', journal, '--scenario', MINI_SCENARIO_FILE, '--plan', MINI_PLAN_FILE];

/** A failed command: exit 1, one line on stderr, no stack trace, nothing on stdout. */
function expectOneLineError(result: { code: number; stdout: string; stderr: string }) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toContain('    at ');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n'), result.stderr).toHaveLength(1);
}

describe('run, then replay of its journal', () => {
  it('print byte-identical JSON (mini scenario)', async () => {
    const script = writeTmp('mini.script.yaml', MINI_SCRIPT);
    const journal = join(tmp, 'mini.jsonl');
    const run = await cli(...miniArgs(script), '--journal', journal);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const card = JSON.parse(run.stdout);
    expect(card).toMatchObject({ scenarioId: 'mini-leaked-key', sessionId: 'mini-leaked-key.cli-test', mode: 'scripted' });
    expect(card.overallScore).toBeGreaterThan(90);
    expect(readFileSync(journal, 'utf8').trimEnd().split('\n')).toHaveLength(13);

    const replay = await cli(...miniReplay(journal));
    expect(replay.stderr).toBe('');
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(run.stdout);
  });

  const bundled = loadableBundledWorlds().find((w) => bundledLibrary().scripts.get(w.id)?.has('exemplary'));
  it.runIf(bundled !== undefined)(`print byte-identical JSON (bundled scenario ${bundled?.id ?? '(none yet)'}, by id)`, async () => {
    const journal = join(tmp, 'bundled.jsonl');
    const run = await cli('run', bundled!.id, '--script', 'exemplary', '--journal', journal);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const replay = await cli('replay', journal);
    expect(replay.stderr).toBe('');
    expect(replay.code).toBe(0);
    expect(replay.stdout).toBe(run.stdout);
    expect(JSON.parse(replay.stdout).scenarioId).toBe(bundled!.id);
  });

  it('print byte-identical JSON for a script without an end step: the time limit ends it, in the journal too', async () => {
    const script = writeTmp('no-end.script.yaml', MINI_SCRIPT.replace(/^ {2}- \{ at: 3h20m, by: facilitator, end: true \}\n/m, ''));
    const journal = join(tmp, 'no-end.jsonl');
    const run = await cli(...miniArgs(script), '--journal', journal);
    expect(run.code).toBe(0);
    const card = JSON.parse(run.stdout);
    expect(card).toMatchObject({ endReason: 'the scenario time limit was reached', durationMinutes: 240 });
    expect(JSON.parse(readFileSync(journal, 'utf8').trimEnd().split('\n').at(-1)!)).toMatchObject({ type: 'session.ended', actor: 'system', simTime: 240 * 60_000 });
    const replay = await cli(...miniReplay(journal));
    expect(replay.stderr).toBe('');
    expect(replay.stdout).toBe(run.stdout);
  });

  it('running the same script twice gives byte-identical output and journals', async () => {
    const script = writeTmp('twice.script.yaml', MINI_SCRIPT);
    const first = await cli(...miniArgs(script), '--journal', join(tmp, 'first.jsonl'));
    const second = await cli(...miniArgs(script), '--journal', join(tmp, 'second.jsonl'));
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(join(tmp, 'second.jsonl'), 'utf8')).toBe(readFileSync(join(tmp, 'first.jsonl'), 'utf8'));
  });

  it('--format md prints Markdown with the title and the score, from run and from replay alike', async () => {
    const script = writeTmp('md.script.yaml', MINI_SCRIPT);
    const journal = join(tmp, 'md.jsonl');
    const json = JSON.parse((await cli(...miniArgs(script))).stdout);
    const md = await cli(...miniArgs(script), '--format', 'md', '--journal', journal);
    expect(md.code).toBe(0);
    expect(md.stdout.startsWith('# Drill scorecard: A leaked access key\n')).toBe(true);
    expect(md.stdout).toContain(`| Overall score | ${json.overallScore} / 100 |`);
    const replayed = await cli(...miniReplay(journal), '--format', 'md');
    expect(replayed.stdout).toBe(md.stdout);
  });

  it('a torn last line is set aside with a warning, and the rest replays', async () => {
    const script = writeTmp('torn.script.yaml', MINI_SCRIPT);
    const whole = join(tmp, 'whole.jsonl');
    await cli(...miniArgs(script), '--journal', whole);
    const lines = readFileSync(whole, 'utf8').trimEnd().split('\n');
    const cut = writeTmp('cut.jsonl', `${lines.slice(0, -1).join('\n')}\n`);
    const torn = writeTmp('torn.jsonl', `${lines.slice(0, -1).join('\n')}\n${lines.at(-1)!.slice(0, 30)}`);
    const expected = await cli(...miniReplay(cut));
    const result = await cli(...miniReplay(torn));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
    expect(result.stderr).toMatch(/the last line is incomplete/);
  });
});

describe('bad input: exit 1 and one located line, never a stack trace', () => {
  it('a script step the engine refuses names the file, line, column and step', async () => {
    // INJ-01 fires at T+0: releasing it at 5m is refused. It is steps[1], on line 8.
    const text = `format: firedrill-script/1
scenario: mini-leaked-key
name: refused
description: Releases an inject that has already fired.
steps:
  - { at: 2m, by: cloud-security-analyst, action: triage-alert }
  - at: 5m
    by: facilitator
    releaseInject: INJ-01
`;
    const script = writeTmp('refused.script.yaml', text);
    const result = await cli(...miniArgs(script));
    expectOneLineError(result);
    const escaped = script.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(result.stderr).toMatch(new RegExp(`^${escaped}:7:\\d+ steps\\[1\\]: this step cannot be played: inject "INJ-01" has already fired\\n$`));
  });

  it('a --journal that cannot be written (a folder, a file in its path) is one line, not an internal error', async () => {
    const script = writeTmp('journal-out.script.yaml', MINI_SCRIPT);
    const file = writeTmp('a-file', '');
    for (const [journal, reason] of [[tmp, 'it is a folder'], [join(file, 'j.jsonl'), 'a file stands where a folder of its path should be']] as const) {
      const result = await cli(...miniArgs(script), '--journal', journal);
      expectOneLineError(result);
      expect(result.stderr).toBe(`firedrill run: cannot write ${journal}: ${reason}\n`);
    }
  });

  it('a plan or a script given where the scenario goes is named as what it is', async () => {
    const plan = 'scenarios/plans/cloud-cirp.plan.yaml';
    const script = 'scenarios/public-test-bucket/flawed.script.yaml';
    const asPlan = await cli('run', plan, '--script', script);
    expectOneLineError(asPlan);
    expect(asPlan.stderr).toBe(`firedrill run: ${plan} is a plan, not a scenario: give the scenario first (give a scenario file, or a bundled scenario id: firedrill list)\n`);
    const asScript = await cli('run', script, '--script', script);
    expectOneLineError(asScript);
    expect(asScript.stderr).toBe(`firedrill run: ${script} is a response script, not a scenario: give the scenario first (give a scenario file, or a bundled scenario id: firedrill list)\n`);
  });

  it('a missing journal file', async () => {
    const missing = join(tmp, 'no-such-journal.jsonl');
    const result = await cli('replay', missing);
    expectOneLineError(result);
    expect(result.stderr).toBe(`firedrill replay: cannot read ${missing}: no such file\n`);
  });

  it('a journal with a corrupt middle line', async () => {
    const script = writeTmp('corrupt.script.yaml', MINI_SCRIPT);
    const good = join(tmp, 'good.jsonl');
    await cli(...miniArgs(script), '--journal', good);
    const lines = readFileSync(good, 'utf8').split('\n');
    lines[4] = lines[4]!.slice(0, 25);
    const corrupt = writeTmp('corrupt.jsonl', lines.join('\n'));
    const result = await cli(...miniReplay(corrupt));
    expectOneLineError(result);
    expect(result.stderr).toBe(`${corrupt}:5: not valid JSON\n`);
  });

  it('a file no line of which is a journal entry (a CSV, a binary file, a YAML plan) is said not to be a journal: not "empty", nor an error per line', async () => {
    // A YAML file given as the journal: one line, not one per line of it (a plan's 1,400).
    const yaml = 'format: firedrill-plan/1\nid: mini\ntitle: Mini\n';
    for (const [name, text] of [['sheet.jsonl', 'Event #,Scenario Time,Message'], ['binary.jsonl', '\u0000\u0001ELF\u0002'], ['mini.plan.yaml', yaml]] as const) {
      const file = writeTmp(name, text);
      const result = await cli('replay', file);
      expectOneLineError(result);
      expect(result.stderr).toBe(`${file}: not a drill journal: no line of it is a journal entry (a journal holds one JSON entry a line, the first a session.started)\n`);
    }
  });

  it('a journal recorded against a scenario since changed', async () => {
    const script = writeTmp('changed.script.yaml', MINI_SCRIPT);
    const journal = join(tmp, 'changed.jsonl');
    await cli(...miniArgs(script), '--journal', journal);
    const original = readFileSync(MINI_SCENARIO_FILE, 'utf8');
    const edited = original.replace('on twelve secrets by the same key', 'on fifty secrets by the same key');
    expect(edited).not.toBe(original);
    const changedScenario = writeTmp('mini.scenario.yaml', edited);
    const result = await cli('replay', journal, '--scenario', changedScenario, '--plan', MINI_PLAN_FILE);
    expectOneLineError(result);
    expect(result.stderr).toMatch(new RegExp(`^${journal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: scenario "mini-leaked-key" has changed since the journal was recorded`));
  });

  it('a journal of a scenario not in the library asks for its file', async () => {
    const script = writeTmp('unknown.script.yaml', MINI_SCRIPT);
    const journal = join(tmp, 'unknown.jsonl');
    await cli(...miniArgs(script), '--journal', journal);
    const result = await cli('replay', journal);
    expectOneLineError(result);
    expect(result.stderr).toMatch(/scenario "mini-leaked-key" with plan "mini".*--scenario/);
  });
});
