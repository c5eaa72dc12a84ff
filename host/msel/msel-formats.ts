// The MSEL export formats and their media types, apart from the writers (write-msel.ts): the
// serving thread names the type of a file a worker wrote without loading ExcelJS, PDFKit and
// ECharts (tens of MB of its memory).

export const MSEL_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type MselExportFormat = (typeof MSEL_FORMATS)[number];

export const MSEL_MEDIA_TYPES: Record<MselExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};
