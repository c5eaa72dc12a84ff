// The decision npm start makes, as a pure function (tested in test/electron/start-decision.test.ts):
// the Electron window when the binary and the built shell are there, otherwise browser mode
// with one line saying why.
import { join } from 'node:path';

/** The built main process, relative to the package root. */
export const ELECTRON_MAIN = join('dist', 'electron', 'main.js');

/**
 * @param {{ root: string, args: string[], electron: { binary?: string, reason?: string }, built: (path: string) => boolean }} input
 * @returns {{ mode: 'electron', command: string, args: string[] } | { mode: 'browser', reason: string }}
 */
export function launchPlan({ root, args, electron, built }) {
  if (!electron.binary) return { mode: 'browser', reason: electron.reason ?? 'Electron is not installed here' };
  const main = join(root, ELECTRON_MAIN);
  if (!built(main)) return { mode: 'browser', reason: `the desktop shell is not built (${ELECTRON_MAIN} is missing: run npm run build)` };
  if (!built(join(root, 'dist', 'renderer', 'index.html'))) return { mode: 'browser', reason: 'the UI is not built (dist/renderer/index.html is missing: run npm run build)' };
  return { mode: 'electron', command: electron.binary, args: [main, ...args] };
}
