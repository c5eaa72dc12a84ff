import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatLocatedError, loadLibrary, type LocatedError } from '../../../engine/validate/index.js';
import { loadPaths } from '../../../host/library/load.js';
import { BROKEN_DIR, companionsOf, MINI, readText, runCli, STACK_TRACE } from './helpers.js';

/**
 * The broken corpus: each file in test/fixtures/broken is a copy of a valid mini fixture with one
 * mistake, and this table is what Firedrill must say about it: where (line, column, field path)
 * and what (a fragment of the message). A scenario is checked with the valid mini plan, a script
 * with the mini plan and scenario. `errors` is how many errors the file gives (1 unless stated:
 * a file cut short in the middle of a plain value lacks several fields at once).
 */
type Row = [file: string, line: number, column: number, path: string, message: string, errors?: number];

const CORPUS: Row[] = [
  ['plan-bad-duration.plan.yaml', 40, 23, 'severityLevels[2].responseDeadline', '"4 hours" is not a duration: write it like 90s, 15m, 1h30m'],
  ['plan-bad-enum.plan.yaml', 162, 11, 'duties[0].kind', 'must be one of "regulator", "law-enforcement", "customers",'],
  ['plan-comments-only.plan.yaml', 1, 1, '', 'the file holds no YAML document (only comments or blank'],
  ['plan-duplicate-action.plan.yaml', 102, 9, 'actions[5].id', 'duplicate action "rotate-secrets" (first defined at index 4)'],
  ['plan-duplicate-role.plan.yaml', 22, 9, 'roles[3].id', 'duplicate role "cloud-security-analyst" (first defined at'],
  ['plan-list-for-map.plan.yaml', 35, 14, 'severityLevels[1].targets', 'expected a mapping of fields, found a list'],
  ['plan-missing-required.plan.yaml', 108, 5, 'actions[6].duration', 'is required (a text value)'],
  ['plan-no-format.plan.yaml', 2, 1, 'format', 'is required: must be "firedrill-plan/1"'],
  ['plan-prerequisite-cycle.plan.yaml', 87, 20, 'actions[2].prerequisites', 'prerequisite cycle: snapshot-volume -> terminate-instance'],
  ['plan-severity-gap.plan.yaml', 42, 12, 'severityLevels[3].level', 'severity levels must be numbered 1 to 4 without gaps (found'],
  ['plan-string-for-number.plan.yaml', 36, 12, 'severityLevels[2].level', 'expected a number, found the text "three"'],
  ['plan-truncated.plan.yaml', 160, 5, 'duties[0].actions', 'is required (a list)', 4],
  ['plan-unknown-action.plan.yaml', 132, 19, 'playbooks[0].steps[1].actions[0]', 'unknown action "revoke-access-key" (did you mean'],
  ['plan-unknown-csf-function.plan.yaml', 112, 15, 'actions[6].function', 'unknown CSF 2.0 function "governance" (known: govern,'],
  ['plan-unknown-field.plan.yaml', 94, 5, 'actions[3].prerequisite', 'unknown field "prerequisite" (did you mean "prerequisites"?)'],
  ['plan-unknown-phase.plan.yaml', 99, 12, 'actions[4].phase', 'unknown NIST SP 800-61 r2 phase "eradicate" (known:'],
  ['plan-unknown-role.plan.yaml', 74, 13, 'actions[1].roles[0]', 'unknown role "cloud-security-analyts" (did you mean'],
  ['plan-unsupported-version.plan.yaml', 2, 9, 'format', 'unsupported format version "firedrill-plan/2": this'],
  ['plan-yaml-bad-indentation.plan.yaml', 12, 4, '', 'YAML syntax: Sequence item without - indicator: check the'],
  ['plan-yaml-duplicate-key.plan.yaml', 107, 5, '', 'YAML syntax: the key "phase" appears twice in the same'],
  ['plan-yaml-tab.plan.yaml', 15, 1, '', 'YAML syntax: a tab is used for indentation; indent with'],
  ['plan-yaml-unclosed-quote.plan.yaml', 5, 10, '', 'YAML syntax: this quoted text is never closed: add the'],
  ['scenario-bad-attack-id.scenario.yaml', 44, 13, 'injects[0].attack', 'a MITRE ATT&CK technique id looks like T1078 or T1078.004'],
  ['scenario-bad-cloudtrail-record.scenario.yaml', 69, 24, 'injects[1].artifacts[0].data.eventSource', 'eventSource is a service host such as iam.amazonaws.com'],
  ['scenario-bad-duration.scenario.yaml', 58, 9, 'injects[1].at', '"10 min" is not a duration: write it like 90s, 15m, 1h30m'],
  ['scenario-bad-guardduty-type.scenario.yaml', 49, 17, 'injects[0].artifacts[0].data.type', 'a GuardDuty finding type reads'],
  ['scenario-duplicate-decision.scenario.yaml', 140, 9, 'decisions[1].id', 'duplicate decision "DEC-01" (first defined at index 0)'],
  ['scenario-duplicate-inject.scenario.yaml', 115, 9, 'injects[7].id', 'duplicate inject "INJ-07" (first defined at index 6)'],
  ['scenario-duplicate-objective.scenario.yaml', 25, 9, 'objectives[1].id', 'duplicate objective "OBJ-1" (first defined at index 0)'],
  ['scenario-empty.scenario.yaml', 1, 1, '', 'the file is empty'],
  ['scenario-inject-never-fires.scenario.yaml', 117, 11, 'injects[7].when', 'inject "INJ-08" can never fire: nothing in the scenario can'],
  ['scenario-list-for-map.scenario.yaml', 143, 10, 'actionEffects[0].set', 'expected a mapping of fields, found a list'],
  ['scenario-milestone-unreachable.scenario.yaml', 157, 11, 'milestones.recovered.when', 'milestone "recovered" can never be reached: nothing in the'],
  ['scenario-missing-required.scenario.yaml', 76, 5, 'injects[2].channel', 'is required: must be one of "siem-alert", "cloud-finding",'],
  ['scenario-nested-too-deep.scenario.yaml', 157, 438, '', 'the YAML is nested more than 64 levels deep here'],
  ['scenario-null-field.scenario.yaml', 40, 5, 'injects[0].channel', 'is empty; it must be one of "siem-alert", "cloud-finding",'],
  ['scenario-string-for-number.scenario.yaml', 8, 19, 'expectedSeverity', 'expected a number, found the text "high"'],
  ['scenario-threat-without-playbook.scenario.yaml', 7, 9, 'threat', 'the plan "mini" has no playbook for threat "ransomware"'],
  ['scenario-trigger-cycle-decision.scenario.yaml', 84, 11, 'injects[3].when', 'trigger cycle: inject INJ-04 -> decision DEC-01 -> inject'],
  ['scenario-trigger-cycle-injects.scenario.yaml', 91, 11, 'injects[4].when', 'trigger cycle: inject INJ-05 -> inject INJ-08 -> inject'],
  ['scenario-truncated.scenario.yaml', 84, 11, '', 'YAML syntax: the "{" opened here is never closed with "}"'],
  ['scenario-two-documents.scenario.yaml', 159, 1, '', 'YAML syntax: a file holds one document: remove the second'],
  ['scenario-unknown-action.scenario.yaml', 43, 15, 'injects[0].expects[0]', 'unknown action "triage-the-alert" (did you mean'],
  ['scenario-unknown-decision.scenario.yaml', 84, 23, 'injects[3].when.decision', 'unknown decision "DEC-1" (did you mean "DEC-01"?)'],
  ['scenario-unknown-field.scenario.yaml', 114, 5, 'injects[6].facilitatorNote', 'unknown field "facilitatorNote" (did you mean'],
  ['scenario-unknown-inject.scenario.yaml', 127, 21, 'decisions[0].when.inject', 'unknown inject "INJ-3" (did you mean "INJ-03"?)'],
  ['scenario-unknown-milestone.scenario.yaml', 109, 24, 'injects[6].when.any[0].milestone', 'must be one of "detected", "contained", "eradicated",'],
  ['scenario-unknown-option.scenario.yaml', 129, 14, 'decisions[0].default', 'unknown option "later" of decision "DEC-01" (known: notify,'],
  ['scenario-unknown-plan.scenario.yaml', 6, 7, 'plan', 'unknown plan "mini-plan" (known: mini'],
  ['scenario-unknown-role.scenario.yaml', 86, 10, 'injects[3].to[0]', 'unknown role "legal" (known: incident-commander,'],
  ['scenario-unknown-state-variable-set.scenario.yaml', 62, 26, 'injects[1].set.secret-reads', 'unknown state variable "secret-reads" (did you mean'],
  ['scenario-unknown-state-variable.scenario.yaml', 91, 18, 'injects[4].when.var', 'unknown state variable "key-revoke" (did you mean'],
  ['scenario-unresolved-alias.scenario.yaml', 112, 14, '', 'the alias "*press" names no anchor "&press" defined before'],
  ['scenario-unsupported-version.scenario.yaml', 2, 9, 'format', 'unsupported format version "firedrill-scenario/2": this'],
  ['script-facilitator-action.script.yaml', 14, 20, 'steps[4].by', 'the facilitator does not take actions, declare severity or'],
  ['script-steps-out-of-order.script.yaml', 16, 11, 'steps[6].at', 'steps must be in time order (this one is earlier than the'],
  ['script-truncated.script.yaml', 16, 5, '', 'YAML syntax: the "{" opened here is never closed with "}"'],
  ['script-two-verbs.script.yaml', 8, 5, 'steps[1]', 'a step does exactly one thing: action, declareSeverity,'],
  ['script-unknown-action.script.yaml', 16, 52, 'steps[6].action', 'unknown action "rotate-secret" (did you mean'],
  ['script-unknown-decision.script.yaml', 12, 15, 'steps[3].decision', 'unknown decision "DEC-02" (did you mean "DEC-01"?)'],
  ['script-unknown-inject.script.yaml', 26, 50, 'steps[10].releaseInject', 'unknown inject "INJ-7" (did you mean "INJ-07"?)'],
  ['script-unknown-objective.script.yaml', 24, 18, 'steps[9].observation.objective', 'unknown objective "OBJ-3" (did you mean "OBJ-1"?)'],
  ['script-unknown-option.script.yaml', 13, 13, 'steps[3].option', 'unknown option "notify-now" of decision "DEC-01" (known:'],
  ['script-unknown-role.script.yaml', 17, 20, 'steps[7].by', 'unknown role "legal" (known: incident-commander,'],
  ['script-unknown-scenario.script.yaml', 3, 11, 'scenario', 'unknown scenario "mini-leaked-keys" (did you mean'],
];

/** Files that must not be committed (binary, 10 MB): written to a temporary folder at test time. */
const GENERATED: { row: Row; bytes: () => Buffer }[] = [
  {
    // A PNG header and zeros: not UTF-8 at all.
    row: ['binary.scenario.yaml', 1, 1, '', 'this is a binary file'],
    bytes: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]), Buffer.alloc(64)]),
  },
  {
    // Valid UTF-8 that holds NUL bytes: still not YAML text.
    row: ['nul-bytes.plan.yaml', 1, 1, '', 'this is a binary file'],
    bytes: () => Buffer.from('format: firedrill-plan/1\nid: mini\0\0\0\ntitle: x\n', 'utf8'),
  },
  {
    // 10 MB of otherwise plausible YAML: refused before it is read.
    row: ['huge.scenario.yaml', 1, 1, '', 'the file is 10.0 MB; a plan, scenario or script is at most 2 MB'],
    bytes: () => {
      const line = '# padding padding padding padding padding padding padding padding\n';
      return Buffer.from(`format: firedrill-scenario/1\n${line.repeat(Math.ceil(10_000_000 / line.length))}`.slice(0, 10_000_000));
    },
  },
];

let generatedDir = '';
beforeAll(() => {
  generatedDir = mkdtempSync(join(tmpdir(), 'firedrill-broken-'));
  for (const { row, bytes } of GENERATED) writeFileSync(join(generatedDir, row[0]), bytes());
});
afterAll(() => {
  if (generatedDir) rmSync(generatedDir, { recursive: true, force: true });
});

const committedPath = (name: string) => join(BROKEN_DIR, name);
const generatedPath = (name: string) => join(generatedDir, name);
const ALL = [
  ...CORPUS.map((row) => [row[0], row, () => committedPath(row[0])] as const),
  ...GENERATED.map(({ row }) => [row[0], row, () => generatedPath(row[0])] as const),
];

function expectMatches(errors: readonly LocatedError[], file: string, [, line, column, path, message, count = 1]: Row) {
  expect(errors.map(formatLocatedError), `errors of ${file}`).toHaveLength(count);
  const [first] = errors;
  expect({ file: first!.file, line: first!.line, column: first!.column, path: first!.path }).toEqual({ file, line, column, path });
  expect(first!.message).toContain(message);
}

describe('the broken corpus', () => {
  it('has a row for every file in test/fixtures/broken, and a file for every row', () => {
    const files = readdirSync(BROKEN_DIR).sort();
    const rows = CORPUS.map((row) => row[0]).sort();
    expect(files.filter((f) => !rows.includes(f)), 'files in test/fixtures/broken without a row in CORPUS').toEqual([]);
    expect(rows.filter((r) => !files.includes(r)), 'rows in CORPUS without a file').toEqual([]);
    expect(new Set(rows).size, 'each file has one row').toBe(rows.length);
    expect(files.length + GENERATED.length).toBeGreaterThanOrEqual(35);
  });

  it('keeps the binary and 10 MB files out of the repository', () => {
    for (const { row } of GENERATED) expect(existsSync(committedPath(row[0]))).toBe(false);
  });

  it('starts from valid fixtures: the mini plan, scenario and script have no errors', () => {
    const library = loadLibrary([MINI.plan, MINI.scenario, MINI.script].map((file) => ({ file, text: readText(file) })));
    expect(library.reports.flatMap((r) => r.errors).map(formatLocatedError)).toEqual([]);
    expect([...library.plans.keys()]).toEqual(['mini']);
    expect([...library.scenarios.keys()]).toEqual(['mini-leaked-key']);
    expect(library.scripts.get('mini-leaked-key')?.has('exemplary')).toBe(true);
  });

  describe.each(CORPUS.map((row) => [row[0], row] as const))('%s', (name, row) => {
    it('loadLibrary locates the mistake', () => {
      const file = committedPath(name);
      const sources = [file, ...companionsOf(file)].map((f) => ({ file: f, text: readText(f) }));
      const library = loadLibrary(sources);
      expectMatches(library.reports.find((r) => r.file === file)!.errors, file, row);
      // The valid companions stay valid whatever is wrong in the broken file.
      for (const report of library.reports.filter((r) => r.file !== file)) expect(report.errors.map(formatLocatedError)).toEqual([]);
    });
  });

  describe.each(ALL)('%s', (_name, row, path) => {
    it('loadPaths locates the mistake', () => {
      const file = path();
      const { library, errors } = loadPaths([file, ...companionsOf(file)]);
      expectMatches(library.reports.find((r) => r.file === file)!.errors, file, row);
      expect(errors.every((e) => e.file === file)).toBe(true);
    });

    it('firedrill validate exits 1 and prints file:line:column path: message', async () => {
      const file = path();
      const [, line, column, fieldPath, message] = row;
      const { code, stdout, stderr } = await runCli(['validate', file, ...companionsOf(file)]);
      expect(code).toBe(1);
      expect(stdout).toContain(`invalid ${file}`);
      const printed = stdout.split('\n').find((l) => l.startsWith(`  ${file}:`));
      expect(printed, stdout).toBeDefined();
      expect(printed!.trim().startsWith(`${file}:${line}:${column} ${fieldPath ? `${fieldPath}: ` : ''}`), printed).toBe(true);
      expect(printed).toContain(message);
      expect(stdout + stderr).not.toMatch(STACK_TRACE);
      expect(stderr).toBe('');
    });

    it('firedrill validate --json reports the same error', async () => {
      const file = path();
      const { code, stdout, stderr } = await runCli(['validate', '--json', file, ...companionsOf(file)]);
      expect(code).toBe(1);
      expect(stderr).toBe('');
      const report = JSON.parse(stdout) as { valid: boolean; files: { file: string; valid: boolean; errors: LocatedError[] }[] };
      expect(report.valid).toBe(false);
      const entry = report.files.find((f) => f.file === file)!;
      expect(entry.valid).toBe(false);
      expectMatches(entry.errors, file, row);
      expect(stdout).not.toMatch(STACK_TRACE);
    });
  });
});
