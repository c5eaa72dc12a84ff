import { shell } from 'electron';
import { externalUrlSchema } from '../ipc/shell-requests.js';
import { vetExternalUrl } from '../security/external-links.js';
import { handle } from './ipc-handle.js';

/** Links out of the app: vetted https: URLs only, to the default browser. */
export function registerShellIpc(): void {
  handle('shell.openExternal', async (_event, arg) => {
    const url = vetExternalUrl(externalUrlSchema.safeParse(arg).data);
    if (!url) return false;
    await shell.openExternal(url);
    return true;
  });
}
