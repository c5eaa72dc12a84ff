import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import { CONTENT_TYPES } from '../../host/server/content-types.js';


export type AppPathResolution = { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/**
 * Maps an app:// request URL to a file inside the renderer folder, or refuses it. Only the
 * app's host; the path decoded once and resolved, and refused if it leaves the folder
 * (`..`, encoded `%2e%2e`, backslashes, absolute paths, NUL). A path without an extension is a
 * route of the single-page UI and gets index.html.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return { ok: false, status: 403, reason: 'not the app origin' };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad escape in the path' };
  }
  if (path.includes('\0') || path.includes('\\')) return { ok: false, status: 400, reason: 'bad character in the path' };
  if (path.split('/').some((segment) => segment === '..')) return { ok: false, status: 403, reason: 'path leaves the renderer folder' };
  if (path === '' || path === '/' || extname(path) === '') path = '/index.html';
  const root = resolve(rendererDir);
  const file = resolve(join(root, path));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
    return { ok: false, status: 403, reason: 'path leaves the renderer folder' };
  }
  return { ok: true, file, contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

/** Headers of every app:// response. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

/** The privileges app: is registered with (before the app is ready). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  allowServiceWorkers: false,
  corsEnabled: false,
  bypassCSP: false,
  stream: true,
  codeCache: true,
} as const;
