import { scorecardDocument } from '../../engine/report/scorecard-document.js';
import type { ScorecardExportFormat } from '../../engine/report/export-formats.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { renderHtml } from './html-render.js';
import { renderPdf } from './pdf-render.js';
import type { PaperSize } from './pdfkit.js';
import { scorecardToCsv } from './scorecard-csv.js';
import { scorecardText } from './scorecard-text.js';

/** One session's scorecard in an export format: the bytes of the file to write. Reads the scorecard only. */
export async function exportScorecard(card: Scorecard, format: ScorecardExportFormat, options: { paper?: PaperSize } = {}): Promise<Buffer> {
  const paper = options.paper ?? 'a4';
  switch (format) {
    case 'pdf':
      return renderPdf(scorecardDocument(card), paper);
    case 'html':
      return Buffer.from(renderHtml(scorecardDocument(card), paper));
    case 'csv':
      return Buffer.from(scorecardToCsv(card));
    case 'json':
    case 'md':
      return Buffer.from(scorecardText(card, format));
  }
}
