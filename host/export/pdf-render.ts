import SVGtoPDF from 'svg-to-pdfkit';
import { cellBold, cellText, cellTone, type Block, type Cell, type Column, type ReportDocument, type Tone } from '../../engine/report/document.js';
import type { HeadlineFigure } from '../../engine/report/figures.js';
import { renderChartSvg } from './chart-svg.js';
import { newPdf, type PaperSize, type PdfDocument } from './pdfkit.js';
import { breakLongWords, pdfText } from './pdf-text.js';

// A report document drawn with PDFKit: real text (searchable, copyable), tables whose header
// repeats on every page, charts as vector graphics (the ECharts SVG drawn by svg-to-pdfkit),
// and a footer with page numbers.

const INK = '#1f2933';
const MUTED = '#616e7c';
const RULE = '#d9dee3';
const ACCENT = '#b42318';
const HEADER_FILL = '#eef1f4';
const ZEBRA = '#f7f9fa';
const TONES: Record<Tone, string> = { good: '#1e7b4f', warn: '#a35200', bad: '#b42318', muted: MUTED };
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const TABLE_SIZE = 7.5;
const CELL_PAD = 3;
const LINE_GAP = 1.5;
/** No character of the standard Helvetica fonts is wider than this, in ems ("@" is 1.015). */
const WIDEST_CHAR = 1.1;
/** Chart pixels per PDF point: ECharts lays labels out for a screen-sized canvas, then it is scaled down. */
const CHART_SCALE = 1.35;

export async function renderPdf(report: ReportDocument, paper: PaperSize): Promise<Buffer> {
  const { doc, bytes } = newPdf({ paper, title: `${report.kind}: ${report.title}`, subject: report.subtitle });
  const page = new PageWriter(doc);
  page.titleBlock(report);
  report.blocks.forEach((block, index) => page.block(block, report.blocks[index + 1]));
  page.footers(report.footer);
  doc.end();
  return bytes;
}

class PageWriter {
  constructor(private readonly doc: PdfDocument) {}

  private get left() {
    return this.doc.page.margins.left;
  }
  private get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when less than `height` points are left on this one. */
  private room(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private text(text: string, options: { font?: string; size: number; color?: string; width?: number; x?: number; y?: number; gap?: number; align?: 'left' | 'right' | 'center' }) {
    const { doc } = this;
    const width = options.width ?? this.width;
    doc.font(options.font ?? FONT).fontSize(options.size).fillColor(options.color ?? INK);
    doc.text(this.fitted(text, options.size, width), options.x ?? this.left, options.y ?? doc.y, { width, lineGap: options.gap ?? 1.5, align: options.align ?? 'left' });
  }

  private height(text: string, font: string, size: number, width: number): number {
    this.doc.font(font).fontSize(size);
    return this.doc.heightOfString(this.fitted(text, size, width), { width, lineGap: LINE_GAP });
  }

  /** The text as Helvetica shows it, its over-long words cut to the width (in the current font and size). */
  private fitted(text: string, size: number, width: number): string {
    return breakLongWords(pdfText(text), width, (ch) => this.doc.widthOfString(ch), WIDEST_CHAR * size);
  }

  titleBlock(report: ReportDocument): void {
    const { doc } = this;
    doc.rect(0, 0, doc.page.width, 6).fill(ACCENT);
    this.text(report.kind.toUpperCase(), { font: BOLD, size: 8.5, color: ACCENT, y: doc.page.margins.top - 8 });
    doc.moveDown(0.3);
    this.text(report.title, { font: BOLD, size: 19, gap: 2 });
    doc.moveDown(0.25);
    this.text(report.subtitle, { size: 8.5, color: MUTED });
    doc.moveDown(0.5);
    this.rule();
    doc.moveDown(0.6);
  }

  private rule(): void {
    const { doc } = this;
    doc.moveTo(this.left, doc.y).lineTo(this.left + this.width, doc.y).lineWidth(0.6).strokeColor(RULE).stroke();
  }

  /** How much of a block must follow its heading on the same page. */
  private leadHeight(block: Block | undefined): number {
    if (block?.type === 'chart') return this.width * block.aspect + 20;
    if (block?.type === 'figures') return 110;
    if (block?.type === 'heading') return 110;
    return 60;
  }

  block(block: Block, next?: Block): void {
    const { doc } = this;
    switch (block.type) {
      case 'heading': {
        const size = block.level === 1 ? 15 : block.level === 2 ? 12 : 10;
        // Keep a heading with the start of what follows it.
        this.room(this.height(block.text, BOLD, size, this.width) + 16 + this.leadHeight(next));
        doc.moveDown(block.level === 3 ? 0.4 : 0.8);
        this.text(block.text, { font: BOLD, size, color: block.level === 1 ? ACCENT : INK });
        doc.moveDown(0.3);
        return;
      }
      case 'paragraph': {
        const size = block.style === 'lead' ? 10.5 : block.style === 'note' ? 7.5 : 9;
        this.room(this.height(block.text, FONT, size, this.width));
        this.text(block.text, { size, color: block.style === 'note' ? MUTED : INK });
        doc.moveDown(0.5);
        return;
      }
      case 'facts':
        return this.facts(block.items, block.title);
      case 'figures':
        return this.figures(block.figures);
      case 'table':
        if (block.definition) {
          this.room(40);
          this.text(block.definition, { size: 7.5, color: MUTED });
          doc.moveDown(0.3);
        }
        if (block.rows.length === 0) {
          this.text(block.empty ?? 'None.', { size: 8.5, color: MUTED });
          doc.moveDown(0.5);
          return;
        }
        return this.table(block.columns, block.rows);
      case 'bullets':
        return this.bullets(block.items);
      case 'chart':
        return this.chart(block);
      case 'page-break':
        doc.addPage();
        return;
    }
  }

  private facts(items: { label: string; value: string }[], title?: string): void {
    const labelWidth = this.width * 0.24;
    const valueWidth = this.width - labelWidth - 8;
    const heights = items.map((item) => Math.max(this.height(item.label, BOLD, 8.5, labelWidth), this.height(item.value, FONT, 8.5, valueWidth)));
    if (title) {
      // A titled list is kept together when it fits on a page: an area for improvement reads as one.
      const titleHeight = this.height(title, BOLD, 9, this.width);
      const whole = titleHeight + 4 + heights.reduce((s, h) => s + h + 3, 0);
      this.room(whole < 300 ? whole : titleHeight + 4 + heights[0]!);
      this.doc.moveDown(0.3);
      this.text(title, { font: BOLD, size: 9 });
      this.doc.moveDown(0.2);
    }
    for (const [index, item] of items.entries()) {
      const h = heights[index]!;
      this.room(h + 3);
      const y = this.doc.y;
      this.text(item.label, { font: BOLD, size: 8.5, width: labelWidth, y });
      this.text(item.value, { size: 8.5, width: valueWidth, x: this.left + labelWidth + 8, y });
      this.doc.y = y + h + 3;
    }
    this.doc.moveDown(0.4);
  }

  /** The headline figures as cards in a row: value, target, and the definition under each. */
  private figures(figures: HeadlineFigure[]): void {
    const { doc } = this;
    const gap = 8;
    const cardWidth = (this.width - gap * (figures.length - 1)) / figures.length;
    const inner = cardWidth - 16;
    const heights = figures.map((f) => 12 + 24 + 12 + this.height(f.definition, FONT, 6.5, inner) + 14);
    const cardHeight = Math.max(...heights);
    this.room(cardHeight + 8);
    const top = doc.y;
    figures.forEach((figure, index) => {
      const x = this.left + index * (cardWidth + gap);
      const tone = figure.met === null ? (figure.id === 'overall' ? ACCENT : TONES.bad) : figure.met ? TONES.good : TONES.bad;
      doc.roundedRect(x, top, cardWidth, cardHeight, 4).lineWidth(0.8).strokeColor(RULE).stroke();
      doc.rect(x, top + 4, 3, cardHeight - 8).fill(figure.id === 'overall' ? ACCENT : tone);
      this.text(figure.title.toUpperCase(), { font: BOLD, size: 7, color: MUTED, x: x + 10, y: top + 8, width: inner });
      this.text(figure.value, { font: BOLD, size: 17, color: figure.id === 'overall' ? INK : tone, x: x + 10, y: top + 19, width: inner });
      const target = figure.target === null ? ' ' : `target ${figure.target} · ${figure.met === null ? 'not reached' : figure.met ? 'met' : 'missed'}`;
      this.text(target, { size: 7, color: MUTED, x: x + 10, y: top + 41, width: inner });
      this.text(figure.definition, { size: 6.5, color: MUTED, x: x + 10, y: top + 53, width: inner, gap: 0.8 });
    });
    doc.y = top + cardHeight + 10;
    doc.x = this.left;
  }

  private chart(block: Extract<Block, { type: 'chart' }>): void {
    const { doc } = this;
    const width = this.width;
    const height = width * block.aspect;
    const captionHeight = this.height(block.caption, FONT, 7.5, width);
    this.room(height + captionHeight + 10);
    const svg = renderChartSvg(block.option, { width: Math.round(width * CHART_SCALE), height: Math.round(height * CHART_SCALE) });
    const top = doc.y;
    SVGtoPDF(doc as never, svg, this.left, top, {
      width,
      height,
      preserveAspectRatio: 'xMinYMin meet',
      fontCallback: (_family: string, bold: boolean) => (bold ? BOLD : FONT),
      warningCallback: () => undefined,
    });
    doc.y = top + height + 2;
    this.text(block.caption, { size: 7.5, color: MUTED });
    doc.moveDown(0.6);
  }

  private bullets(items: Cell[]): void {
    const { doc } = this;
    for (const item of items) {
      const text = cellText(item);
      const h = this.height(text, FONT, 8.5, this.width - 12);
      this.room(h + 2);
      const y = doc.y;
      const color = TONES[cellTone(item) ?? 'muted'];
      doc.circle(this.left + 3, y + 4.2, 1.6).fill(color);
      this.text(text, { size: 8.5, x: this.left + 12, y, width: this.width - 12 });
      doc.y = y + h + 2.5;
    }
    doc.x = this.left;
    doc.moveDown(0.3);
  }

  /** A table with the header row repeated on each page, zebra rows, and cells coloured by tone. */
  private table(columns: Column[], rows: Cell[][]): void {
    const { doc } = this;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const maxRow = this.bottom - this.doc.page.margins.top - 40;
    doc.fontSize(TABLE_SIZE);
    const lineHeight = doc.currentLineHeight(true) + LINE_GAP;
    // Most cells hold one short line (a time, a role, a kind): their width, cached, says so
    // without running the line wrapper, which long tables (a 10,000-entry timeline) cannot afford.
    const widthOf = new Map<string, number>();
    const prepared = (cell: Cell, header: boolean) => {
      const text = pdfText(cellText(cell));
      const font = header || cellBold(cell) ? BOLD : FONT;
      const key = `${font}\u0000${text}`;
      let width = widthOf.get(key);
      if (width === undefined) widthOf.set(key, (width = text.includes('\n') ? Infinity : doc.font(font).fontSize(TABLE_SIZE).widthOfString(text)));
      return { text, font, width };
    };
    const layout = (cells: Cell[], header: boolean) => {
      const texts = cells.map((cell, i) => {
        const t = prepared(cell, header);
        const inner = widths[i]! - 2 * CELL_PAD;
        if (t.width <= inner) return t;
        doc.font(t.font).fontSize(TABLE_SIZE);
        return { ...t, text: breakLongWords(t.text, inner, (ch) => doc.widthOfString(ch), WIDEST_CHAR * TABLE_SIZE) };
      });
      const heights = texts.map((t, i) => (t.width <= widths[i]! - 2 * CELL_PAD ? lineHeight : this.height(t.text, t.font, TABLE_SIZE, widths[i]! - 2 * CELL_PAD)));
      return { texts, height: Math.min(maxRow, Math.max(...heights) + 2 * CELL_PAD) };
    };
    const header = layout(columns.map((c) => c.header), true);

    const drawRow = (cells: Cell[], row: ReturnType<typeof layout>, kind: 'header' | 'even' | 'odd') => {
      const top = doc.y;
      if (kind !== 'odd') doc.rect(this.left, top, this.width, row.height).fill(kind === 'header' ? HEADER_FILL : ZEBRA);
      let x = this.left;
      row.texts.forEach((t, i) => {
        const inner = widths[i]! - 2 * CELL_PAD;
        const tone = cellTone(cells[i]!);
        const align = columns[i]!.align ?? 'left';
        doc.font(t.font).fontSize(TABLE_SIZE).fillColor(kind === 'header' ? INK : tone ? TONES[tone] : INK);
        if (t.width <= inner) {
          const offset = align === 'right' ? inner - t.width : align === 'center' ? (inner - t.width) / 2 : 0;
          doc.text(t.text, x + CELL_PAD + offset, top + CELL_PAD, { lineBreak: false });
        } else {
          doc.text(t.text, x + CELL_PAD, top + CELL_PAD, { width: inner, height: row.height - 2 * CELL_PAD + 1, ellipsis: true, lineGap: LINE_GAP, align });
        }
        x += widths[i]!;
      });
      doc.moveTo(this.left, top + row.height).lineTo(this.left + this.width, top + row.height).lineWidth(kind === 'header' ? 0.8 : 0.4).strokeColor(kind === 'header' ? MUTED : RULE).stroke();
      doc.y = top + row.height;
    };

    const laid = rows.map((cells) => layout(cells, false));
    const whole = header.height + laid.reduce((s, r) => s + r.height, 0);
    // A short table is kept on one page; a long one starts wherever its first rows fit.
    this.room(whole < 220 ? whole : header.height + laid[0]!.height);
    drawRow(columns.map((c) => c.header), header, 'header');
    rows.forEach((cells, index) => {
      const row = laid[index]!;
      if (doc.y + row.height > this.bottom) {
        doc.addPage();
        drawRow(columns.map((c) => c.header), header, 'header');
      }
      drawRow(cells, row, index % 2 === 0 ? 'odd' : 'even');
    });
    doc.x = this.left;
    doc.moveDown(0.8);
  }

  /** The footer line and "page n of N" on every page, written once the page count is known. */
  footers(footer: string): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    // One line whatever its length (it ends in an ellipsis), fitted once for every page.
    const line = this.fitted(footer.slice(0, 500), 7, this.width - 90);
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing under the bottom margin would start a new page: lift the margin meanwhile.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const y = doc.page.height - margin + 14;
      doc.moveTo(this.left, y - 5).lineTo(this.left + this.width, y - 5).lineWidth(0.4).strokeColor(RULE).stroke();
      doc.font(FONT).fontSize(7).fillColor(MUTED);
      doc.text(line, this.left, y, { width: this.width - 90, height: 9, ellipsis: true });
      doc.text(`page ${i + 1 - range.start} of ${range.count}`, this.left + this.width - 80, y, { width: 80, align: 'right', lineBreak: false });
      doc.page.margins.bottom = margin;
    }
  }
}
