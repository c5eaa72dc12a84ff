import { app, BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { FiredrillHost } from '../../host/service/firedrill-host.js';
import { printPdfRequestSchema } from '../ipc/shell-requests.js';
import { handle } from './ipc-handle.js';
import { saveDialogOptions } from './save-dialog.js';
import { hiddenWindowOptions, printDocumentUrl, printReportToPdf } from './print-pdf.js';

/** Renders an HTML export in a hidden, script-less, sandboxed window and prints it (see print-pdf.ts). */
async function renderPdf(html: string, options: Electron.PrintToPDFOptions): Promise<Uint8Array> {
  const url = printDocumentUrl(html);
  const window = new BrowserWindow(hiddenWindowOptions());
  try {
    await window.loadURL(url);
    return await window.webContents.printToPDF(options);
  } finally {
    window.destroy();
  }
}

/** Reports printed to PDF by Chromium, then saved where the person chooses. */
export function registerPrintIpc(host: FiredrillHost, log: (message: string) => void): void {
  handle('export.printPdf', async (event, arg) => {
    const request = printPdfRequestSchema.parse(arg);
    const owner = BrowserWindow.fromWebContents(event.sender);
    return printReportToPdf(host, {
      render: renderPdf,
      choosePath: async (suggestedName) => {
        const options = saveDialogOptions(app.getPath('documents'), suggestedName, [{ name: 'PDF', extensions: ['pdf'] }]);
        const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
      },
      write: (path, bytes) => writeFile(path, bytes),
    }, request, log);
  });
}
