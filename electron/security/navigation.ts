import { isAppUrl } from './app-origin.js';
import { vetExternalUrl } from './external-links.js';

/**
 * `will-navigate` / `will-redirect`: may the window go to this URL? Only to a page of the app
 * itself (the renderer's own routes); anything else is prevented.
 */
export const allowNavigation = (url: string): boolean => isAppUrl(url);

/** What to do with a navigation the guard blocked: open a vetted https: link outside, or nothing. */
export function blockedNavigation(url: string): { openExternally: string | null } {
  return { openExternally: vetExternalUrl(url) };
}

/**
 * `setWindowOpenHandler`: never a new Electron window from the page (the app opens its own
 * windows from main). An https: link the user clicked goes to the default browser instead.
 */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: vetExternalUrl(url) };
}
