import { projectorRequestSchema } from '../ipc/shell-requests.js';
import { handle } from './ipc-handle.js';
import type { AppWindows } from './windows.js';

/** Windows the page asks for: the projector window of a session. */
export function registerWindowIpc(windows: AppWindows): void {
  handle('window.openProjector', async (_event, arg) => {
    windows.openProjector(projectorRequestSchema.parse(arg));
  });
}
