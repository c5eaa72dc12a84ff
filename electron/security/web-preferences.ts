import type { WebPreferences } from 'electron';

/**
 * The webPreferences of every Firedrill window: Electron's security checklist. webSecurity,
 * allowRunningInsecureContent, experimentalFeatures and enableBlinkFeatures are left out on
 * purpose (their defaults are the safe ones), and a test checks that they stay out.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}
