import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../../engine/report/document.js';
import { renderDocx } from '../../../host/export/docx-render.js';
import { renderHtml } from '../../../host/export/html-render.js';
import { renderPdf } from '../../../host/export/pdf-render.js';
import { breakLongWords, pdfText } from '../../../host/export/pdf-text.js';
import { readPdf } from './exports-helpers.js';

// A word longer than a line: PDFKit cuts it, but measures the whole rest of the word again after
// each piece, so a title of 100,000 "A"s took 38 s and one of 1.9 MB did not finish in 300 s.
// The writer now cuts such words itself, measuring each character once. The time limits below
// are generous guards against the quadratic writer coming back, not speed targets.

/** Every kind of block the writers draw, each holding the text. */
function reportOf(text: string): ReportDocument {
  return {
    kind: 'Drill scorecard',
    title: text,
    subtitle: text,
    footer: text,
    blocks: [
      { type: 'heading', level: 2, text },
      { type: 'paragraph', text },
      { type: 'facts', title: text, items: [{ label: text, value: text }] },
      { type: 'table', columns: [{ header: text, width: 1 }, { header: 'Notes', width: 3 }], rows: [[text, { text, tone: 'bad' }]], definition: text },
      { type: 'bullets', items: [text] },
    ],
  };
}

describe('breakLongWords', () => {
  const oneEach = () => 1;

  it('cuts a word wider than the line into pieces that fit, one per line, keeping every character', () => {
    const cut = breakLongWords(`short ${'x'.repeat(25)} end`, 10, oneEach, 1);
    expect(cut).toBe(`short ${['x'.repeat(9), 'x'.repeat(9), 'x'.repeat(7)].join('\n')} end`);
    expect(cut.replace(/\n/g, '')).toBe(`short ${'x'.repeat(25)} end`);
  });

  it('leaves words that fit, and the spaces and line breaks between words, as they are', () => {
    const text = 'a few words\non two lines';
    expect(breakLongWords(text, 10, oneEach, 1)).toBe(text);
  });

  it('measures each distinct character once, however long the word', () => {
    let measured = 0;
    breakLongWords('ab'.repeat(500_000), 100, () => (measured++, 5), 6);
    expect(measured).toBe(2);
  });
});

describe('pdfText', () => {
  it('spells out what Helvetica lacks, keeps what it has, one ? per character otherwise', () => {
    expect(pdfText('T+0 → 15m ≥ 10m ✓ café €5\tend\r\nnext 🔥 文')).toBe('T+0 -> 15m >= 10m v café €5 end\nnext ? ?');
  });
});

describe('the writers take a word of 300,000 characters in every block', () => {
  const word = 'A'.repeat(300_000);

  it('PDF: written in time, every block drawn, the word cut across lines', { timeout: 60_000 }, async () => {
    const pdf = await renderPdf(reportOf(word), 'a4');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(30);
    expect(process.resourceUsage().maxRSS).toBeLessThan(3_000_000); // kilobytes: a generous guard
  });

  it('PDF: a shorter over-long word reads back whole, in order', { timeout: 60_000 }, async () => {
    const marked = Array.from({ length: 400 }, (_, i) => `w${String(i).padStart(3, '0')}`).join('');
    const { text } = await readPdf(await renderPdf({ ...reportOf('x'), blocks: [{ type: 'paragraph', text: marked }] }, 'a4'));
    expect(text.replace(/\s/g, '')).toContain(marked);
  });

  it('DOCX, HTML: written in time', { timeout: 60_000 }, async () => {
    const docx = await renderDocx(reportOf(word), 'a4');
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    const html = renderHtml(reportOf(word), 'a4');
    expect(html.length).toBeGreaterThan(8 * word.length);
    // A browser wraps the word too, rather than widening the page to a million characters.
    expect(html).toMatch(/overflow-wrap: anywhere/);
  });
});
