import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The product name Electron derives its userData folder from (package.json productName). */
export const APP_NAME = 'Firedrill';

/**
 * The folder Electron's app.getPath('userData') gives this app on each platform, so the
 * desktop app and browser mode share their sessions: XDG config on Linux, Application Support
 * on macOS, AppData\Roaming on Windows. --data-dir and FIREDRILL_DATA_DIR override it.
 */
export function dataDir(options: { flag?: string; env?: Record<string, string | undefined>; platform?: NodeJS.Platform; home?: string } = {}): string {
  const env = options.env ?? process.env;
  if (options.flag) return resolve(options.flag);
  if (env.FIREDRILL_DATA_DIR) return resolve(env.FIREDRILL_DATA_DIR);
  const home = options.home ?? homedir();
  switch (options.platform ?? process.platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
  }
}

/** Where each kind of file lives under the data folder. */
export function dataPaths(root: string) {
  return {
    root,
    sessions: join(root, 'sessions'),
    archive: join(root, 'sessions', 'archive'),
    trash: join(root, 'trash'),
    library: join(root, 'library'),
    exports: join(root, 'exports'),
    improvements: join(root, 'improvements'),
    /** Every plan and scenario version a session used, by content hash (versions/<hex>.json). */
    versions: join(root, 'versions'),
    /** What can be worked out again from the rest, kept to start faster (the validated library). */
    cache: join(root, 'cache'),
    /** The history's labels of drills, and which are left out of its figures (drill-labels.ts). */
    drillLabels: join(root, 'drill-labels.json'),
  };
}
