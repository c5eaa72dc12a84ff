import type { ReportChartOption } from './charts.js';
import type { HeadlineFigure } from './figures.js';

// A report as a list of blocks (headings, paragraphs, figure cards, tables, charts), built once
// from a scorecard or an after-action report and rendered by each format (PDF, HTML, DOCX,
// Markdown), so every format carries the same content and the same definitions.

/** How a cell reads: good news, a warning, bad news, or a side remark. */
export type Tone = 'good' | 'warn' | 'bad' | 'muted';

export interface RichCell {
  text: string;
  tone?: Tone;
  bold?: boolean;
}
export type Cell = string | RichCell;

export interface Column {
  header: string;
  /** Relative width: the columns share the page width in proportion. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string; style?: 'lead' | 'note' }
  | { type: 'facts'; title?: string; items: { label: string; value: string }[] }
  | { type: 'figures'; figures: HeadlineFigure[] }
  | { type: 'table'; columns: Column[]; rows: Cell[][]; definition?: string; empty?: string }
  | { type: 'bullets'; items: Cell[] }
  | { type: 'chart'; option: ReportChartOption; aspect: number; caption: string }
  | { type: 'page-break' };

export interface ReportDocument {
  /** What kind of report: "Drill scorecard", "After-action report / improvement plan". */
  kind: string;
  title: string;
  subtitle: string;
  /** One line on every page's foot: what this is and where it came from. */
  footer: string;
  blocks: Block[];
}

export const cellText = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.text);
export const cellTone = (cell: Cell): Tone | undefined => (typeof cell === 'string' ? undefined : cell.tone);
export const cellBold = (cell: Cell): boolean => typeof cell !== 'string' && cell.bold === true;
