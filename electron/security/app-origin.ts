// The app's own origin: pages load from app://firedrill/, never from file:// or http://.
export const APP_SCHEME = 'app';
export const APP_HOST = 'firedrill';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin of a URL as Chromium sees it, or null if the text is not a URL.
 * Node's WHATWG URL (used in the main process) gives "null" as the origin of any non-special
 * scheme such as app:, whereas Chromium, where app: is registered as a standard scheme, gives
 * "app://firedrill"; so for app: the origin is built from the scheme and host.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === '' ? null : `${APP_SCHEME}://${parsed.host.toLowerCase()}`;
  return parsed.origin === 'null' ? null : parsed.origin;
}

/** True when the URL is a page of the app itself. */
export const isAppUrl = (url: string): boolean => originOf(url) === APP_ORIGIN;
