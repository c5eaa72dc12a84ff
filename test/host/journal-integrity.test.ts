import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalText } from '../../engine/session/journal.js';
import { playScript } from '../../engine/session/play-script.js';
import { main } from '../../host/cli/main.js';
import { FiredrillHost } from '../../host/service/firedrill-host.js';
import { asCommandFailure } from '../../host/service/command-failure.js';

/** What the client would get: the service's refusal as a command failure. */
const failureOf = (work: Promise<unknown>) => work.then(() => undefined, (error: unknown) => asCommandFailure(error) ?? error);
import { UNVERIFIED_WARNING } from '../../host/storage/session-store.js';
import { bundledLibrary } from '../helpers/world.js';

// One decision's option changed in a journal raised its score through replay, report and
// import. Journals are hash-chained now: an edited journal is reported as edited, at its first
// altered line, by replay, report, aar, session.open, session.import, the session list and the
// history; one written before the chain opens, flagged unverified.

const SCENARIO = 'public-test-bucket';
let tmp: string;
let edited: { path: string; line: number; text: string };
let legacy: { path: string; text: string };

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: tmp, env: { FIREDRILL_DATA_DIR: join(tmp, 'cli-data') } });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const newHost = (dataDir: string) => new FiredrillHost({ dataDir, events: { update: () => {}, closed: () => {} }, now: () => Date.parse('2026-03-14T09:00:00Z') });

/** The flawed drill of the bundled public-test-bucket, as a journal of session `id`. */
function flawedJournal(id: string): string[] {
  const library = bundledLibrary();
  const scenario = library.scenarios.get(SCENARIO)!.scenario;
  const session = playScript(library.plans.get(scenario.plan)!.plan, scenario, library.scripts.get(SCENARIO)!.get('flawed')!.script, { sessionId: id });
  return journalText(session.journal).trimEnd().split('\n');
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'firedrill-integrity-'));
  const lines = flawedJournal('edited-drill');
  const index = lines.findIndex((line) => line.includes('"option":"delete-now"'));
  expect(index).toBeGreaterThan(0);
  lines[index] = lines[index]!.replace('"option":"delete-now"', '"option":"preserve-then-clean"');
  edited = { path: join(tmp, 'edited-drill.jsonl'), line: index + 1, text: `${lines.join('\n')}\n` };
  writeFileSync(edited.path, edited.text);
  // The same drill as Firedrill wrote it before journals were chained: engine format 1, no hashes.
  const old = flawedJournal('old-drill').map((line, i) => {
    const { hash: _hash, ...entry } = JSON.parse(line) as Record<string, unknown>;
    return JSON.stringify(i === 0 ? { ...entry, engineFormat: 1 } : entry);
  });
  legacy = { path: join(tmp, 'old-drill.jsonl'), text: `${old.join('\n')}\n` };
  writeFileSync(legacy.path, legacy.text);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('an edited journal', () => {
  const where = () => `${edited.path}:${edited.line}: the journal was edited after it was recorded: this entry does not match its hash`;

  it('is refused by replay, report and aar, naming the file and its first altered line', async () => {
    for (const argv of [['replay', edited.path], ['report', edited.path, '--format', 'md'], ['aar', edited.path, '--format', 'md']]) {
      const result = await cli(...argv);
      expect(result.code, argv[0]).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n'), argv[0]).toEqual([expect.stringContaining(where())]);
    }
  });

  it('is refused by session.open and session.import, and shown edited in the session list and skipped by the history', async () => {
    const dataDir = join(tmp, 'data-edited');
    mkdirSync(join(dataDir, 'sessions'), { recursive: true });
    writeFileSync(join(dataDir, 'sessions', 'edited-drill.jsonl'), edited.text);
    const host = newHost(dataDir);
    expect(await failureOf(host.sessions.open('edited-drill'))).toMatchObject({ code: 'edited', message: expect.stringContaining(`edited-drill.jsonl:${edited.line}: the journal was edited after it was recorded`) });
    expect((await host.sessions.list({})).sessions).toEqual([expect.objectContaining({
      id: 'edited-drill',
      integrity: { status: 'edited', line: edited.line, message: expect.any(String) },
      score: null,
      problem: expect.stringContaining(`line ${edited.line}`),
    })]);
    const history = await host.reports.history({});
    expect(history.history.drills).toEqual([]);
    expect(history.skipped).toEqual([{ file: expect.stringContaining('edited-drill.jsonl'), reason: expect.stringContaining(`${edited.line}: the journal was edited after it was recorded`) }]);

    const other = newHost(join(tmp, 'data-import'));
    expect(await failureOf(other.sessions.import({ fileName: 'edited-drill.jsonl', text: edited.text }))).toMatchObject({
      code: 'edited',
      message: expect.stringMatching(new RegExp(`^edited-drill\\.jsonl:${edited.line}: the journal was edited after it was recorded`)),
      errors: [expect.objectContaining({ file: 'edited-drill.jsonl', line: edited.line })],
    });
    expect((await other.sessions.list({})).sessions).toEqual([]);
    await host.close();
    await other.close();
  });
});

describe('a journal written before the chain (engine format 1)', () => {
  it('replays with a warning on stderr, opens with a warning, and is flagged unverified in the list and the history', async () => {
    const result = await cli('replay', legacy.path);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ sessionId: 'old-drill', engineFormat: 1, overallScore: 38.9 });
    expect(result.stderr).toBe(`${legacy.path}: this journal was written before Firedrill chained its entries (engine format 1): whether it was edited cannot be checked\n`);

    const dataDir = join(tmp, 'data-legacy');
    mkdirSync(join(dataDir, 'sessions'), { recursive: true });
    writeFileSync(join(dataDir, 'sessions', 'old-drill.jsonl'), legacy.text);
    const host = newHost(dataDir);
    expect((await host.sessions.list({})).sessions).toEqual([expect.objectContaining({ id: 'old-drill', integrity: { status: 'unverified', unchainedEntries: legacy.text.trimEnd().split('\n').length }, score: 38.9 })]);
    expect(await host.reports.history({})).toMatchObject({ unverified: 1, skipped: [] });
    const { warnings } = await host.sessions.open('old-drill');
    expect(warnings).toEqual([UNVERIFIED_WARNING]);
    await host.close();
    // Opening it changed nothing in the file.
    expect(readFileSync(join(dataDir, 'sessions', 'old-drill.jsonl'), 'utf8')).toBe(legacy.text);
  });
});
