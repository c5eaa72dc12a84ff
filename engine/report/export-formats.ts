// The files Firedrill exports, in one place: the CLI, the protocol and the app's buttons
// offer the same formats with the same names.

export const SCORECARD_FORMATS = ['pdf', 'html', 'csv', 'json', 'md'] as const;
export type ScorecardExportFormat = (typeof SCORECARD_FORMATS)[number];

export const AAR_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type AarExportFormat = (typeof AAR_FORMATS)[number];

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export type ExportFormat = ScorecardExportFormat | AarExportFormat;

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** What a person sees on the button and in the save dialog. */
export const EXPORT_LABELS: Record<ExportFormat, string> = {
  pdf: 'PDF',
  html: 'HTML',
  csv: 'CSV',
  json: 'JSON',
  md: 'Markdown',
  docx: 'Word (DOCX)',
};

/** The file name an export is offered under: firedrill-scorecard-<session>.pdf, firedrill-aar-<session>.docx. */
export const exportFileName = (what: 'scorecard' | 'aar', sessionId: string, format: ExportFormat): string =>
  `firedrill-${what}-${sessionId}.${format}`;
