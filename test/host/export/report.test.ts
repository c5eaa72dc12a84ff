import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { minutesText } from '../../../engine/report/figures.js';
import { pdfText } from '../../../host/export/pdf-text.js';
import { SCORECARD_FORMATS } from '../../../engine/report/export-formats.js';
import { exportScorecard } from '../../../host/export/scorecard-export.js';
import { cli, EXTERNAL_REFERENCE, oneLineError, playBundledScripts, readPdf, type PlayedJournal } from './exports-helpers.js';
import { rechainedText } from '../../helpers/chain.js';

// `firedrill report` on journals of the bundled scenarios' exemplary and flawed scripts: every
// format is written to a real file and read back with a library other than the one that wrote it.

/** Rendering dozens of PDFs takes a while on a busy two-core machine. */
const HEAVY = 240_000;

const tmp = mkdtempSync(join(tmpdir(), 'firedrill-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let journals: PlayedJournal[] = [];
beforeAll(() => {
  journals = playBundledScripts(join(tmp, 'journals'));
});

const report = (journal: string, format: string, out: string, ...more: string[]) => cli(['report', journal, '--format', format, '--out', out, ...more]);

describe('firedrill report writes every format for every bundled script', () => {
  it('has journals of exemplary and flawed scripts to work on', () => {
    expect(journals.length).toBeGreaterThanOrEqual(4);
    expect(new Set(journals.map((j) => j.script))).toEqual(new Set(['exemplary', 'flawed']));
  });

  it('pdf, html, csv, json and md, for the exemplary and the flawed journal of a bundled scenario', async () => {
    const scenario = journals.find((j) => j.script === 'flawed')!.scenarioId;
    for (const journal of journals.filter((j) => j.scenarioId === scenario)) {
      for (const format of ['pdf', 'html', 'csv', 'json', 'md']) {
        const out = join(tmp, `${journal.scenarioId}.${journal.script}.${format}`);
        const result = await report(journal.path, format, out);
        expect(result.code, `${journal.path} ${format}: ${result.stderr}`).toBe(0);
        expect(result.stderr).toBe(`firedrill report: wrote ${out} (${format}, ${statSync(out).size.toLocaleString('en')} bytes)\n`);
        const bytes = readFileSync(out);
        if (format === 'pdf') expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        if (format === 'json') expect(JSON.parse(bytes.toString())).toEqual(journal.card);
        if (format === 'md') expect(bytes.toString().startsWith(`# Drill scorecard: ${journal.card.scenarioTitle}\n`)).toBe(true);
        if (format === 'html') expect(bytes.toString()).toContain('<svg');
      }
    }
  }, HEAVY);

  // The exporters themselves, on every bundled script (the CLI reads the library once per run, so it is
  // exercised above on one scenario and here the scorecards go straight to the exporters).
  it('every format for every bundled scenario\'s exemplary and flawed scorecard', async () => {
    for (const journal of journals) {
      for (const format of SCORECARD_FORMATS) {
        const bytes = await exportScorecard(journal.card, format, { paper: 'a4' });
        expect(bytes.length, `${journal.path} ${format}`).toBeGreaterThan(500);
      }
      const { pages } = await readPdf(await exportScorecard(journal.card, 'pdf'));
      expect(pages[0]).toContain(`${journal.card.overallScore} / 100`);
    }
  }, HEAVY);
});

describe('the scorecard PDF', () => {
  it('holds the scenario title, the overall score and the three times as text, with their definitions', async () => {
    for (const journal of journals.filter((j) => j.script === 'flawed').slice(0, 3)) {
      const out = join(tmp, `${journal.scenarioId}.check.pdf`);
      expect((await report(journal.path, 'pdf', out)).code).toBe(0);
      const { text, pages } = await readPdf(readFileSync(out));
      const { card } = journal;
      expect(pages[0]).toContain(pdfText(card.scenarioTitle));
      expect(pages[0]).toContain(`${card.overallScore} / 100`);
      for (const minutes of [card.timeToDetectMinutes, card.timeToContainMinutes, card.timeToRecoverMinutes]) expect(pages[0]).toContain(minutesText(minutes));
      expect(pages[0]).toContain('time to detect = detected - T0');
      expect(pages[0]).toContain('time to contain = contained - detected');
      expect(pages[0]).toContain('time to recover = recovered - detected');
      // The tables: every expected action and the timeline are there as text.
      for (const step of card.expectedActions) expect(text).toContain(pdfText(step.title).slice(0, 25));
      expect(text).toContain('Timeline');
      expect(text).toMatch(/page 1 of \d+/);
    }
  });

  it('is A4 by default and US Letter with --paper letter', async () => {
    const journal = journals[0]!;
    const a4 = join(tmp, 'paper-a4.pdf');
    const letter = join(tmp, 'paper-letter.pdf');
    expect((await report(journal.path, 'pdf', a4)).code).toBe(0);
    expect((await report(journal.path, 'pdf', letter, '--paper', 'letter')).code).toBe(0);
    expect((await readPdf(readFileSync(a4))).sizes[0]).toEqual({ width: 595, height: 842 });
    const pages = (await readPdf(readFileSync(letter))).sizes;
    expect(pages.every((size) => size.width === 612 && size.height === 792)).toBe(true);
  });
});

describe('the scorecard HTML', () => {
  it('is self-contained: inline SVG charts, inline styles with a print stylesheet, nothing loaded from outside', async () => {
    const journal = journals.find((j) => j.script === 'flawed')!;
    const out = join(tmp, 'self-contained.html');
    expect((await report(journal.path, 'html', out)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(EXTERNAL_REFERENCE);
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('@media print');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain(journal.card.scenarioTitle.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    expect(html).toContain(`${journal.card.overallScore} / 100`);
    expect(html).toContain('time to detect = detected − T0');
  });
});

describe('the scorecard CSV', () => {
  it('parses with a CSV library: one row per figure, expected action and timeline entry', async () => {
    for (const journal of journals.slice(0, 4)) {
      const out = join(tmp, `${journal.scenarioId}.${journal.script}.rows.csv`);
      expect((await report(journal.path, 'csv', out)).code).toBe(0);
      const rows = parse(readFileSync(out), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
      const count = (table: string) => rows.filter((r) => r.table === table).length;
      expect(count('timeline')).toBe(journal.card.timeline.length);
      expect(count('expected-action')).toBe(journal.card.expectedActions.length);
      expect(count('figure')).toBe(4);
      expect(rows.length).toBe(4 + journal.card.timeline.length + journal.card.expectedActions.length);
      const detect = rows.find((r) => r.table === 'figure' && r.kind === 'detected')!;
      expect(detect.definition).toContain('time to detect = detected − T0');
      expect(detect.value).toBe(journal.card.timeToDetectMinutes === null ? '' : String(journal.card.timeToDetectMinutes));
      const first = rows.find((r) => r.table === 'expected-action')!;
      expect(first.title).toBe(journal.card.expectedActions[0]!.title);
    }
  });

  it('prints to stdout without --out (text formats)', async () => {
    const result = await cli(['report', journals[0]!.path, '--format', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^table,seq,at_minutes,time,kind/);
  });
});

describe('bad input: one line on stderr, exit 1, never a stack trace', () => {
  it('a missing journal file', async () => {
    const missing = join(tmp, 'no-such.jsonl');
    expect(oneLineError(await report(missing, 'pdf', join(tmp, 'x.pdf')))).toBe(`firedrill report: cannot read ${missing}: no such file`);
  });

  it('a corrupt journal line, with its line number', async () => {
    const lines = readFileSync(journals[0]!.path, 'utf8').split('\n');
    lines[3] = lines[3]!.slice(0, 20);
    const corrupt = join(tmp, 'corrupt.jsonl');
    writeFileSync(corrupt, lines.join('\n'));
    expect(oneLineError(await report(corrupt, 'html', join(tmp, 'x.html')))).toBe(`${corrupt}:4: not valid JSON`);
  });

  it('an unknown format, a missing format, an unknown paper size', async () => {
    expect(oneLineError(await report(journals[0]!.path, 'docx', join(tmp, 'x.docx')))).toBe('firedrill report: unknown format "docx": use pdf, html, csv, json or md');
    expect(oneLineError(await cli(['report', journals[0]!.path]))).toBe('firedrill report: report needs --format (pdf, html, csv, json or md)');
    expect(oneLineError(await report(journals[0]!.path, 'pdf', join(tmp, 'x.pdf'), '--paper', 'a5'))).toBe('firedrill report: unknown paper size "a5": use a4 or letter');
  });

  it('a PDF without --out, and an --out in a folder that does not exist', async () => {
    expect(oneLineError(await cli(['report', journals[0]!.path, '--format', 'pdf']))).toBe('firedrill report: --format pdf writes a file: give it with --out');
    const out = join(tmp, 'no-such-folder', 'x.pdf');
    expect(oneLineError(await report(journals[0]!.path, 'pdf', out))).toBe(`firedrill report: cannot write ${out}: no such folder`);
  });

  it('a journal whose scenario is not in the library', async () => {
    const lines = readFileSync(journals[0]!.path, 'utf8').split('\n');
    const started = JSON.parse(lines[0]!);
    lines[0] = JSON.stringify({ ...started, scenarioId: 'no-such-scenario' });
    const unknown = join(tmp, 'unknown-scenario.jsonl');
    writeFileSync(unknown, rechainedText(lines.join('\n')));
    expect(oneLineError(await report(unknown, 'md', join(tmp, 'x.md')))).toMatch(/scenario "no-such-scenario" .* not in the library; give its file with --scenario$/);
  });
});
