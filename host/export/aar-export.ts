import { afterActionReport, type AarOptions } from '../../engine/report/aar.js';
import { aarDocument } from '../../engine/report/aar-document.js';
import { documentToMarkdown } from '../../engine/report/document-markdown.js';
import type { AarExportFormat } from '../../engine/report/export-formats.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { renderDocx } from './docx-render.js';
import { renderHtml } from './html-render.js';
import { renderPdf } from './pdf-render.js';
import type { PaperSize } from './pdfkit.js';


/** The after-action report / improvement plan of these sessions' scorecards, as the bytes of the file to write. */
export async function exportAar(cards: readonly Scorecard[], format: AarExportFormat, options: AarOptions & { paper?: PaperSize } = {}): Promise<Buffer> {
  const paper = options.paper ?? 'a4';
  const report = aarDocument(afterActionReport(cards, options), cards);
  switch (format) {
    case 'docx':
      return renderDocx(report, paper);
    case 'pdf':
      return renderPdf(report, paper);
    case 'html':
      return Buffer.from(renderHtml(report, paper));
    case 'md':
      return Buffer.from(documentToMarkdown(report));
  }
}
