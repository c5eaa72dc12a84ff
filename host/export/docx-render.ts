import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { cellBold, cellText, cellTone, type Block, type Cell, type Column, type ReportDocument, type Tone } from '../../engine/report/document.js';
import type { PaperSize } from './pdfkit.js';

// A report document as a Word file (facilitators edit after-action reports in Word): real
// headings (Word's navigation pane and table of contents see them), tables whose header row
// repeats on every page, and a footer with the page number. Charts are left out: their
// figures are in the tables beside them, and a Word chart would need a raster fallback.

const TONES: Record<Tone, string> = { good: '1E7B4F', warn: 'A35200', bad: 'B42318', muted: '616E7C' };
const RULE = 'D9DEE3';
const HEADER_FILL = 'EEF1F4';
const FONT = 'Calibri';
/** Page sizes in twentieths of a point. */
const PAGES: Record<PaperSize, { width: number; height: number }> = { a4: { width: 11906, height: 16838 }, letter: { width: 12240, height: 15840 } };
const MARGIN = 1000;

const run = (text: string, options: { bold?: boolean; tone?: Tone; size?: number; italics?: boolean } = {}) =>
  text.split('\n').map((line, index) => new TextRun({
    text: line, break: index > 0 ? 1 : 0, bold: options.bold ?? false, italics: options.italics ?? false,
    ...(options.tone ? { color: TONES[options.tone] } : {}), ...(options.size ? { size: options.size } : {}),
  }));

const cellParagraph = (cell: Cell, options: { header?: boolean; align?: Column['align'] } = {}) =>
  new Paragraph({
    alignment: options.align === 'right' ? AlignmentType.RIGHT : options.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: run(cellText(cell), { bold: options.header || cellBold(cell), ...(cellTone(cell) ? { tone: cellTone(cell)! } : {}), size: 17 }),
  });

const borders = {
  top: { style: BorderStyle.SINGLE, size: 4, color: RULE },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: RULE },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

function table(columns: Column[], rows: Cell[][], contentWidth: number, options: { header?: boolean } = {}): Table {
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.round((c.width / total) * contentWidth));
  const cell = (content: Cell, index: number, header: boolean) =>
    new TableCell({
      width: { size: widths[index]!, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
      children: [cellParagraph(content, { header, align: columns[index]!.align })],
    });
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders,
    rows: [
      ...(options.header === false ? [] : [new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) })]),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((content, i) => cell(content, i, false)) })),
    ],
  });
}

function blockChildren(block: Block, contentWidth: number): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: block.level === 1 ? HeadingLevel.HEADING_1 : block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: run(block.text) })];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: run(block.text, block.style === 'note' ? { tone: 'muted', size: 17 } : block.style === 'lead' ? { size: 24 } : {}) })];
    case 'facts':
      return [
        ...(block.title ? [new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: run(block.title, { bold: true }) })] : []),
        table([{ header: 'Item', width: 1 }, { header: 'Detail', width: 3.2 }], block.items.map((i) => [{ text: i.label, bold: true }, i.value]), contentWidth, { header: false }),
        new Paragraph({ text: '' }),
      ];
    case 'figures':
      return [
        table(
          [{ header: 'Figure', width: 1.6 }, { header: 'Value', width: 1.2 }, { header: 'Target', width: 1.4 }, { header: 'Definition', width: 4 }],
          block.figures.map((f) => [
            { text: f.title, bold: true }, { text: f.value, bold: true, ...(f.met === null ? {} : { tone: f.met ? 'good' : 'bad' }) },
            f.target === null ? '—' : `${f.target} (${f.met === null ? 'not reached' : f.met ? 'met' : 'missed'})`, { text: f.definition, tone: 'muted' },
          ]),
          contentWidth,
        ),
        new Paragraph({ text: '' }),
      ];
    case 'table':
      return [
        ...(block.definition ? [new Paragraph({ spacing: { after: 80 }, children: run(block.definition, { tone: 'muted', size: 17, italics: true }) })] : []),
        ...(block.rows.length === 0 ? [new Paragraph({ children: run(block.empty ?? 'None.', { tone: 'muted' }) })] : [table(block.columns, block.rows, contentWidth)]),
        new Paragraph({ text: '' }),
      ];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: run(cellText(item), cellTone(item) === 'muted' ? { tone: 'muted' } : {}) }));
    case 'chart':
      return [];
    case 'page-break':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

export async function renderDocx(report: ReportDocument, paper: PaperSize): Promise<Buffer> {
  const page = PAGES[paper];
  const contentWidth = page.width - 2 * MARGIN;
  const doc = new Document({
    title: `${report.kind}: ${report.title}`,
    subject: report.subtitle,
    creator: 'Firedrill',
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        properties: { page: { size: page, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ children: [new TextRun({ text: `${report.footer} · page `, size: 15, color: TONES.muted }), new TextRun({ children: [PageNumber.CURRENT], size: 15, color: TONES.muted })] })],
          }),
        },
        children: [
          new Paragraph({ children: run(report.kind.toUpperCase(), { bold: true, tone: 'bad', size: 18 }) }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: run(report.title) }),
          new Paragraph({ spacing: { after: 240 }, children: run(report.subtitle, { tone: 'muted' }) }),
          ...report.blocks.flatMap((block) => blockChildren(block, contentWidth)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
