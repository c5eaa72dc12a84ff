import { documentToMarkdown } from '../../engine/report/document-markdown.js';
import { scorecardDocument } from '../../engine/report/scorecard-document.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';

/**
 * The scorecard in a text format: JSON (the documented contract, docs/scorecard.md) or Markdown
 * (the same report document the PDF and HTML exports render). `firedrill run`, `replay`,
 * `report` and the app's export all print these bytes. Kept apart from the PDF code so the
 * text commands do not load PDFKit.
 */
export function scorecardText(card: Scorecard, format: 'json' | 'md'): string {
  return format === 'json' ? `${JSON.stringify(card, null, 2)}\n` : documentToMarkdown(scorecardDocument(card));
}
