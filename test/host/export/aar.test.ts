import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { pdfText } from '../../../host/export/pdf-text.js';
import { cli, EXTERNAL_REFERENCE, oneLineError, playBundledScripts, readPdf, type PlayedJournal } from './exports-helpers.js';

// `firedrill aar` on journals of the bundled scenarios' scripts: every format, each read back
// with a library other than the one that wrote it (pdf.js for the PDF, mammoth for the DOCX).

const tmp = mkdtempSync(join(tmpdir(), 'firedrill-aar-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let journals: PlayedJournal[] = [];
let pair: PlayedJournal[] = [];
beforeAll(() => {
  journals = playBundledScripts(join(tmp, 'journals'));
  const scenario = journals.find((j) => j.script === 'flawed')!.scenarioId;
  pair = journals.filter((j) => j.scenarioId === scenario);
});

const aar = (paths: string[], format: string, out: string, ...more: string[]) => cli(['aar', ...paths, '--format', format, '--out', out, ...more]);

describe('firedrill aar writes every format', () => {
  it('docx: a valid Office document that holds the improvement-plan table', async () => {
    const out = join(tmp, 'aar.docx');
    const result = await aar(pair.map((j) => j.path), 'docx', out, '--contact', 'Mei Chan, exercise director', '--location', 'Hong Kong office',
      '--sponsor', 'The CISO', '--dates', '14 March 2026', '--participant', 'Example Ltd IT', '--participant', 'Outside counsel');
    expect(result.code, result.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an Office Open XML package is a zip
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: bytes });
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(html).toContain('<h1>Exercise overview</h1>');
    expect(html).toContain('<h1>Improvement plan</h1>');
    // The improvement plan: its header row and a row for the evidence destroyed in the flawed run.
    const plan = html.slice(html.indexOf('<h1>Improvement plan</h1>'));
    const table = plan.slice(plan.indexOf('<table>'), plan.indexOf('</table>'));
    for (const header of ['Issue / area for improvement', 'Corrective action', 'Capability element', 'Primary responsible', 'Start', 'Completion']) expect(table).toContain(header);
    expect(table.match(/<tr>/g)!.length).toBeGreaterThan(3);
    expect(table).toMatch(/\d{4}-\d{2}-\d{2}/);
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    for (const given of ['Mei Chan, exercise director', 'Hong Kong office', 'The CISO', '14 March 2026', 'Example Ltd IT', 'Outside counsel']) expect(text).toContain(given);
    expect(text).toContain(pair[0]!.card.scenarioTitle);
  });

  it('pdf: the overview, the ratings and the improvement plan as text', async () => {
    const out = join(tmp, 'aar.pdf');
    expect((await aar(pair.map((j) => j.path), 'pdf', out)).code).toBe(0);
    const { text, pages } = await readPdf(readFileSync(out));
    expect(pages[0]).toContain('AFTER-ACTION REPORT / IMPROVEMENT PLAN');
    expect(text).toContain(pdfText(pair[0]!.card.scenarioTitle));
    for (const heading of ['Exercise overview', 'Executive summary', 'Objectives and core capabilities', 'Analysis of core capabilities', 'Improvement plan', 'Appendix A: Exercise participants']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('Root cause');
    expect(text).toMatch(/[PSMU]: Performed|U: Unable/);
  });

  it('html: self-contained, with an inline SVG chart', async () => {
    const out = join(tmp, 'aar.html');
    expect((await aar(pair.map((j) => j.path), 'html', out, '--paper', 'letter')).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(EXTERNAL_REFERENCE);
    expect(html).not.toMatch(/<script|<link|<img/i);
    expect(html).toContain('<svg');
    expect(html).toContain('size: letter');
    expect(html).toContain('Improvement plan');
  });

  it('md: the HSEEP sections and the improvement-plan table', async () => {
    const out = join(tmp, 'aar.md');
    expect((await aar([pair[1]!.path], 'md', out)).code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('# After-action report / improvement plan: ')).toBe(true);
    expect(md).toContain('## Improvement plan');
    expect(md).toMatch(/\| # \| Objective: core capability \| Issue \/ area for improvement \| Corrective action \| Capability element \|/);
  });

  it('every format from all the bundled scripts at once, several scenarios in one report', async () => {
    for (const format of ['docx', 'pdf', 'html', 'md']) {
      const out = join(tmp, `all.${format}`);
      const result = await aar(journals.map((j) => j.path), format, out);
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(out).length).toBeGreaterThan(1000);
    }
    const md = readFileSync(join(tmp, 'all.md'), 'utf8');
    for (const journal of journals) expect(md).toContain(journal.card.sessionId);
  }, 240_000);

  it('a folder stands for the journals in it', async () => {
    const out = join(tmp, 'folder.md');
    expect((await aar([join(tmp, 'journals')], 'md', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(`${journals.length} sessions`);
  });
});

describe('bad input: one line, exit 1', () => {
  it('an unknown format, a missing journal, no journal at all', async () => {
    expect(oneLineError(await aar([pair[0]!.path], 'csv', join(tmp, 'x.csv')))).toBe('firedrill aar: unknown format "csv": use docx, pdf, html or md');
    const missing = join(tmp, 'missing.jsonl');
    expect(oneLineError(await aar([pair[0]!.path, missing], 'md', join(tmp, 'x.md')))).toBe(`firedrill aar: cannot read ${missing}: no such file`);
    expect(oneLineError(await cli(['aar', '--format', 'md']))).toBe('firedrill aar: aar needs at least one session journal');
    expect(oneLineError(await cli(['aar', pair[0]!.path, '--format', 'docx']))).toBe('firedrill aar: --format docx writes a file: give it with --out');
  });
});
