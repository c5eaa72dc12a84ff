import { app, BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import { saveFileRequestSchema } from '../ipc/shell-requests.js';
import { OPEN_DIALOG_FILTERS } from './file-args.js';
import { handle } from './ipc-handle.js';
import { saveDialogOptions } from './save-dialog.js';
import { readOpenedFile } from './opened-files.js';

/** The native Save and Open dialogs: the page hands over bytes to save, or gets a file to import. */
export function registerDialogIpc(): void {
  handle('dialog.save', async (event, arg) => {
    const request = saveFileRequestSchema.parse(arg);
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = saveDialogOptions(app.getPath('documents'), request.suggestedName);
    const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return { saved: null };
    await writeFile(chosen.filePath, request.contents);
    return { saved: chosen.filePath };
  });

  handle('dialog.open', async (event) => {
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = { properties: ['openFile'], filters: OPEN_DIALOG_FILTERS };
    const chosen = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    const path = chosen.canceled ? undefined : chosen.filePaths[0];
    return path ? readOpenedFile(path) : null;
  });
}
