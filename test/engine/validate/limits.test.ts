import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COUNT_LIMITS, MAX_ARTIFACT_CHARS, TEXT_LIMITS } from '../../../engine/format/limits.js';
import { formatLocatedError, loadLibrary } from '../../../engine/validate/index.js';
import { MAX_PROBLEMS } from '../../../engine/validate/references.js';
import { miniText, miniWith, positionOf, triggerChain } from '../../helpers/hostile-inputs.js';
import { runCli, STACK_TRACE } from './helpers.js';

// Every text, list and duration of the formats has a maximum (engine/format/limits.ts), and a
// file over one gets a located error naming the field, its size and the limit. Before these
// limits, a 100,000-character title passed `validate` and then stalled the PDF writer, and
// "99999999999999999999h" passed and crashed `run` with a RangeError stack trace.

const PLAN = 'mini.plan.yaml';
const SCENARIO = 'big.scenario.yaml';
const SCRIPT = 'big.script.yaml';

/** The errors of a changed scenario (checked with the mini plan), as `validate` prints them. */
function scenarioErrors(text: string): string[] {
  const library = loadLibrary([{ file: PLAN, text: miniText('plan') }, { file: SCENARIO, text }]);
  return library.reports.find((r) => r.file === SCENARIO)!.errors.map(formatLocatedError);
}
function planErrors(text: string): string[] {
  return loadLibrary([{ file: PLAN, text }]).reports[0]!.errors.map(formatLocatedError);
}
function scriptErrors(text: string): string[] {
  const library = loadLibrary([{ file: PLAN, text: miniText('plan') }, { file: 'mini.scenario.yaml', text: miniText('scenario') }, { file: SCRIPT, text }]);
  return library.reports.find((r) => r.file === SCRIPT)!.errors.map(formatLocatedError);
}
const at = (file: string, text: string, needle: string) => {
  const { line, column } = positionOf(text, needle);
  return `${file}:${line}:${column}`;
};
const tooLong = (length: number, max: number) => `is too long: ${length.toLocaleString('en')} characters, at most ${max.toLocaleString('en')} here`;

describe('text limits: a located error naming the field, its length and the limit', () => {
  it('refuses a scenario title of 100,000 "A"s (it passed validate, then stalled the PDF writer)', () => {
    const title = 'A'.repeat(100_000);
    const text = miniWith('scenario', (s) => void (s.title = title));
    expect(scenarioErrors(text)).toEqual([`${at(SCENARIO, text, title)} title: ${tooLong(100_000, TEXT_LIMITS.title)}`]);
  });

  it('takes every text at its limit', () => {
    const text = miniWith('scenario', (s) => {
      s.title = 'T'.repeat(TEXT_LIMITS.title);
      s.summary = 'word '.repeat(TEXT_LIMITS.body / 5).trim();
      s.injects[0]!.body = 'B'.repeat(TEXT_LIMITS.body);
      s.injects[0]!.facilitatorNotes = 'N'.repeat(TEXT_LIMITS.note);
    });
    expect(scenarioErrors(text)).toEqual([]);
  });

  it.each([
    ['an inject title', ['injects', 0, 'title'], TEXT_LIMITS.title],
    ['an inject body', ['injects', 0, 'body'], TEXT_LIMITS.body],
    ['a sender', ['injects', 0, 'from'], TEXT_LIMITS.line],
    ['facilitator notes', ['injects', 0, 'facilitatorNotes'], TEXT_LIMITS.note],
    ['a summary', ['summary'], TEXT_LIMITS.body],
    ['the ground truth narrative', ['groundTruth', 'narrative'], TEXT_LIMITS.body],
    ['a decision prompt', ['decisions', 0, 'prompt'], TEXT_LIMITS.prompt],
    ['an option label', ['decisions', 0, 'options', 0, 'label'], TEXT_LIMITS.line],
    ['a rationale', ['decisions', 0, 'options', 0, 'rationale'], TEXT_LIMITS.note],
    ['an objective title', ['objectives', 0, 'title'], TEXT_LIMITS.title],
    ['a capability', ['objectives', 0, 'capability'], TEXT_LIMITS.title],
    ['an artifact title', ['injects', 0, 'artifacts', 0, 'title'], TEXT_LIMITS.title],
    ['an action effect note', ['actionEffects', 0, 'note'], TEXT_LIMITS.note],
    ['a milestone description', ['milestones', 'detected', 'description'], TEXT_LIMITS.note],
  ] as const)('a scenario: %s', (_name, path, max) => {
    const long = `${'x'.repeat(max)}y`;
    const text = miniWith('scenario', (s) => setAt(s, path, long));
    const shown = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    expect(scenarioErrors(text)).toEqual([`${at(SCENARIO, text, long)} ${shown}: ${tooLong(max + 1, max)}`]);
  });

  it('a plan: titles, names, criteria and descriptions', () => {
    const name = 'N'.repeat(TEXT_LIMITS.title + 1);
    const description = 'D'.repeat(TEXT_LIMITS.body + 1);
    const text = miniWith('plan', (p) => {
      (p.roles as { title: string }[])[0]!.title = name;
      (p.actions as { description?: string }[])[0]!.description = description;
    });
    expect(planErrors(text)).toEqual([
      `${at(PLAN, text, name)} roles[0].title: ${tooLong(TEXT_LIMITS.title + 1, TEXT_LIMITS.title)}`,
      `${at(PLAN, text, description)} actions[0].description: ${tooLong(TEXT_LIMITS.body + 1, TEXT_LIMITS.body)}`,
    ]);
  });

  it('a script: an observation and the description', () => {
    const observation = 'O'.repeat(TEXT_LIMITS.note + 1);
    const text = miniWith('script', (s) => {
      (s.steps as { observation?: { text: string } }[])[9]!.observation!.text = observation;
    });
    expect(scriptErrors(text)).toEqual([`${at(SCRIPT, text, observation)} steps[9].observation.text: ${tooLong(TEXT_LIMITS.note + 1, TEXT_LIMITS.note)}`]);
  });

  it("an artifact's data, which passes the service's own fields through, is bounded as a whole", () => {
    const text = miniWith('scenario', (s) => {
      const artifact = (s.injects[0]!.artifacts as { data: Record<string, unknown> }[])[0]!;
      artifact.data.extra = 'e'.repeat(MAX_ARTIFACT_CHARS);
    });
    const [error] = scenarioErrors(text);
    expect(error).toMatch(/^big\.scenario\.yaml:\d+:\d+ injects\[0\]\.artifacts\[0\]\.data: is [\d,]+ characters as JSON; an artifact's data is at most 50,000$/);
  });
});

describe('list limits', () => {
  it(`refuses more than ${COUNT_LIMITS.injects.toLocaleString('en')} injects, at the list`, () => {
    const text = triggerChain(COUNT_LIMITS.injects);
    const errors = scenarioErrors(text);
    expect(errors).toEqual([`${at(SCENARIO, text, '- id: INJ-01')} injects: has too many items: ${(COUNT_LIMITS.injects + 8).toLocaleString('en')}, at most ${COUNT_LIMITS.injects.toLocaleString('en')} here`]);
  });

  it(`accepts ${COUNT_LIMITS.injects.toLocaleString('en')} injects in one trigger chain`, () => {
    expect(scenarioErrors(triggerChain(COUNT_LIMITS.injects - 8))).toEqual([]);
  });

  it('refuses too many options, artifacts, and ids in one field', () => {
    const text = miniWith('scenario', (s) => {
      const decision = (s.decisions as { options: unknown[] }[])[0]!;
      decision.options = Array.from({ length: COUNT_LIMITS.options + 1 }, (_, i) => ({ id: `o${i}`, label: `Option ${i}`, quality: 'poor' }));
      s.injects[1]!.artifacts = Array.from({ length: COUNT_LIMITS.artifacts + 1 }, (_, i) => ({ kind: 'document', title: `Doc ${i}`, data: 'text' }));
      s.injects[2]!.to = Array.from({ length: COUNT_LIMITS.references + 1 }, () => 'incident-commander');
    });
    expect(scenarioErrors(text).map((e) => e.replace(/^\S+ /, ''))).toEqual([
      `injects[1].artifacts: has too many items: ${COUNT_LIMITS.artifacts + 1}, at most ${COUNT_LIMITS.artifacts} here`,
      `injects[2].to: has too many items: ${COUNT_LIMITS.references + 1}, at most ${COUNT_LIMITS.references} here`,
      `decisions[0].options: has too many items: ${COUNT_LIMITS.options + 1}, at most ${COUNT_LIMITS.options} here`,
    ]);
  });
});

describe('a file with thousands of mistakes', () => {
  it('reports the first 100 and says it stopped (160,000 unknown ids crashed validate with a RangeError)', { timeout: 60_000 }, () => {
    const links = Array.from({ length: 1_900 }, (_, i) =>
      `  - {id: C${i}, title: L, at: 1m, to: [legal-compliance], channel: chat, body: N, expects: [${Array.from({ length: 80 }, (_, j) => `x${i}-${j}`).join(', ')}]}\n`);
    const text = miniText('scenario').replace('\ndecisions:', `${links.join('')}\ndecisions:`);
    const errors = scenarioErrors(text);
    expect(errors).toHaveLength(MAX_PROBLEMS + 1);
    expect(errors[0]).toBe(`${at(SCENARIO, text, 'x0-0')} injects[8].expects[0]: unknown action "x0-0" (known: triage-alert, revoke-iam-access-key, snapshot-volume, terminate-instance, rotate-secrets, restore-from-backup, notify-regulator, lessons-learned)`);
    expect(errors.at(-1)).toMatch(/ Firedrill stops at 100 errors of a file, and there may be more: fix these and validate again$/);
  });
});

describe('durations: at most 365 days', () => {
  it.each([
    ['99999999999999999999h', ['injects', 1, 'at']],
    ['366d', ['end', 'timeLimit']],
    ['8761h', ['decisions', 0, 'timeLimit']],
    ['-365d1s', ['groundTruth', 'compromiseAt']],
  ] as const)('refuses %s, located', (duration, path) => {
    const text = miniWith('scenario', (s) => setAt(s, path, duration));
    const shown = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    expect(scenarioErrors(text)).toEqual([`${at(SCENARIO, text, duration)} ${shown}: "${duration}" is longer than 365 days, the longest a drill can use`]);
  });

  it('accepts 365 days, and a year before T+0', () => {
    expect(scenarioErrors(miniWith('scenario', (s) => {
      setAt(s, ['end', 'timeLimit'], '365d');
      setAt(s, ['groundTruth', 'compromiseAt'], '-8760h');
    }))).toEqual([]);
  });

  it('in plans and scripts too', () => {
    const plan = miniWith('plan', (p) => setAt(p, ['severityLevels', 0, 'responseDeadline'], '9999d'));
    expect(planErrors(plan)).toEqual([`${at(PLAN, plan, '9999d')} severityLevels[0].responseDeadline: "9999d" is longer than 365 days, the longest a drill can use`]);
    const script = miniWith('script', (s) => setAt(s, ['steps', 11, 'at'], '400d'));
    expect(scriptErrors(script)).toEqual([`${at(SCRIPT, script, '400d')} steps[11].at: "400d" is longer than 365 days, the longest a drill can use`]);
  });

  describe('firedrill run of a scenario with an absurd duration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'firedrill-limits-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('exits 1 with the located error, never a RangeError stack trace', async () => {
      const scenario = miniWith('scenario', (s) => setAt(s, ['injects', 1, 'at'], '99999999999999999999h'));
      writeFileSync(join(dir, 'absurd.scenario.yaml'), scenario);
      writeFileSync(join(dir, 'mini.plan.yaml'), miniText('plan'));
      writeFileSync(join(dir, 'mini.script.yaml'), miniText('script').replace('scenario: mini-leaked-key', 'scenario: mini-leaked-key'));
      const { code, stdout, stderr } = await runCli(['run', 'absurd.scenario.yaml', '--plan', 'mini.plan.yaml', '--script', 'mini.script.yaml'], dir);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(`${at('absurd.scenario.yaml', scenario, '99999999999999999999h')} injects[1].at: "99999999999999999999h" is longer than 365 days`);
      expect(stderr).not.toMatch(STACK_TRACE);
      expect(stderr).not.toMatch(/RangeError/);
    });
  });
});

/** Sets the value at a path of a parsed YAML document. */
function setAt(root: unknown, path: readonly (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}
