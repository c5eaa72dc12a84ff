// export.printPdf: a scorecard or AAR printed to PDF by Chromium from the host's HTML export
// (the HTML's typography, which PDFKit cannot match). The decisions are here, Electron-free and
// tested; main.ts only creates the hidden window, loads, prints and shows the save dialog.
//
// The document is loaded from a data: URL, not from app://. Why: a data: document has an opaque
// origin, so it shares nothing with the app's pages (no storage, no app:// resources, no IPC,
// and the window has no preload anyway); main needs no per-print state in its app:// handler and
// writes nothing to disk; and the export is one self-contained file (inline CSS, inline SVG
// charts, its own CSP meta), so it needs no base URL. The window is also in its own in-memory
// partition, where the app:// protocol is not even registered and every request but the data:
// document is cancelled, and JavaScript is off: the export has no script and runs none.
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { exportFileName, type PaperSize } from '../../engine/report/export-formats.js';
import type { ExportedFile } from '../../engine/protocol/results.js';
import type { Request } from '../../engine/protocol/messages.js';
import { execute } from '../../host/service/dispatch.js';
import type { FiredrillHost } from '../../host/service/firedrill-host.js';
import { FACILITATOR } from '../../host/service/identity.js';
import type { PrintPdfRequest } from '../ipc/contract.js';

/** The hidden print windows' session: in memory (no "persist:" prefix), apart from the app's. */
export const PRINT_PARTITION = 'firedrill-print';

/** Chromium refuses to load a URL longer than this (url::kMaxURLChars, 2 MiB). */
export const MAX_URL_CHARS = 2 * 1024 * 1024;

const DATA_URL_PREFIX = 'data:text/html;charset=utf-8;base64,';

/** The hidden window that renders the export: sandboxed, isolated, no Node, no script, no preload. */
export function hiddenWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    // A4 at 96 dpi: the layout width the print media query starts from.
    width: 794,
    height: 1123,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      partition: PRINT_PARTITION,
    },
  };
}

/**
 * printToPDF's options for a paper size. The export's own `@page` rule sets the same size and
 * its margins, and Chromium is told to prefer it; pageSize is the fallback. No header or footer
 * from Chromium (the report has its own footer), backgrounds printed (table zebra, figure tiles).
 */
export function printOptions(paper: PaperSize): PrintToPDFOptions {
  return {
    pageSize: paper === 'letter' ? 'Letter' : 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    landscape: false,
    displayHeaderFooter: false,
  };
}

/** The HTML as a data: URL (base64, so a "#" in it is not taken for a fragment). */
export function printDocumentUrl(html: string): string {
  const url = `${DATA_URL_PREFIX}${Buffer.from(html, 'utf8').toString('base64')}`;
  if (url.length > MAX_URL_CHARS) {
    throw new Error(`the report is too long to print with Chromium (${Math.round(url.length / 1024)} KB encoded, at most ${MAX_URL_CHARS / 1024} KB); export it as PDF from the export panel instead`);
  }
  return url;
}

/** The print partition's request filter: the data: document only, nothing from the network or the disk. */
export const allowPrintRequest = (url: string): boolean => url.startsWith('data:');

/** What the print window's session answers to any permission request. */
export const printPermission = (): boolean => false;

/** The platform side of a print: main gives the hidden window, the save dialog and the disk. */
export interface PrintPlatform {
  /** Loads the HTML in a hidden window and prints it; the PDF's bytes. */
  render(html: string, options: PrintToPDFOptions): Promise<Uint8Array>;
  /** The native save dialog; the path chosen, or null when cancelled. */
  choosePath(suggestedName: string): Promise<string | null>;
  write(path: string, bytes: Uint8Array): Promise<void>;
}

/** The client a print runs its export for: the shell itself, for the facilitator, in no session. */
const PRINT_CLIENT = { identity: FACILITATOR, has: () => false, join: () => {}, leave: () => {}, watch: () => {}, unwatch: () => {}, notify: () => {}, whenClosed: () => () => {}, address: 'local' };

/** The host's HTML export of the report asked for, run as the protocol command (so refused alike). */
async function htmlExport(host: FiredrillHost, request: PrintPdfRequest, logError: (message: string) => void): Promise<string> {
  const { sessionId, paper } = request;
  const command: Request = request.what === 'scorecard'
    ? { id: 'print', type: 'export.scorecard', params: { sessionId, format: 'html', paper } }
    : { id: 'print', type: 'export.aar', params: { sessionId, format: 'html', paper, ...request.cover } };
  const reply = await execute(host, command, PRINT_CLIENT, logError);
  // The renderer sees only an Error's message across contextBridge: the code leads it, as in bridge.command.
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return Buffer.from((reply.result as ExportedFile).base64, 'base64').toString('utf8');
}

/**
 * A print from start to end: the host's HTML export (a session that does not exist fails here,
 * before any window or dialog), printed, then saved where the person chooses.
 */
export async function printReportToPdf(
  host: FiredrillHost,
  platform: PrintPlatform,
  request: PrintPdfRequest,
  logError: (message: string) => void = (message) => process.stderr.write(`${message}\n`),
): Promise<{ saved: string | null }> {
  const html = await htmlExport(host, request, logError);
  const pdf = await platform.render(html, printOptions(request.paper));
  const path = await platform.choosePath(exportFileName(request.what, request.sessionId, 'pdf'));
  if (!path) return { saved: null };
  await platform.write(path, pdf);
  return { saved: path };
}
