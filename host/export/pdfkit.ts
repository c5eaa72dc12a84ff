import { createRequire } from 'node:module';
import type PDFKit from 'pdfkit';
import type { PaperSize } from '../../engine/report/export-formats.js';

// PDFKit is loaded from node_modules at run time, never bundled: its Node build reads its
// standard fonts (Helvetica) relative to its own file, which a bundle like dist/cli.js breaks
// (foliojs/pdfkit#1801). A require that esbuild cannot follow keeps it external everywhere.
const load = createRequire(import.meta.url);
const PDFDocument = load('pdfkit') as typeof PDFKit;

export type PdfDocument = PDFKit.PDFDocument;
export type { PaperSize };

/** A new PDF document on A4 or US Letter, with its metadata; returns it and a promise of its bytes. */
export function newPdf(options: { paper: PaperSize; title: string; subject: string; margin?: number }): { doc: PdfDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: options.paper === 'letter' ? 'LETTER' : 'A4',
    margin: options.margin ?? 48,
    bufferPages: true, // page numbers are written once the page count is known
    info: { Title: options.title, Subject: options.subject, Creator: 'Firedrill', Producer: 'Firedrill (PDFKit)' },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
