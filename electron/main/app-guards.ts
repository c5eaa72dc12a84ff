// The app-wide guards of Electron's security checklist, applied once: navigation and new
// windows for every web contents, permissions denied by default, the print windows' own
// partition, and the app:// protocol serving the built renderer. The decisions are the pure
// functions of security/ and print-pdf.ts.
import { app, protocol, session, shell } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from '../security/app-origin.js';
import { appResponseHeaders, resolveAppPath } from '../security/app-protocol.js';
import { allowNavigation, blockedNavigation, windowOpenDecision } from '../security/navigation.js';
import { permissionDecision } from '../security/permissions.js';
import { allowPrintRequest, PRINT_PARTITION, printPermission } from './print-pdf.js';

/** Every web contents, including any the app did not expect, gets the navigation guards. */
export function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (allowNavigation(url)) return;
      event.preventDefault();
      const { openExternally } = blockedNavigation(url);
      if (openExternally) void shell.openExternal(openExternally);
    });
    contents.on('will-redirect', (event, url) => {
      if (!allowNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
      return { action: decision.action };
    });
  });
}

/** Permission handlers of the app's session and of the print windows' partition (once ready). */
export function guardSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => callback(permissionDecision(permission, details.requestingUrl ?? webContents?.getURL())));
  ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin));
  // The print windows' own session: no permission, no request but their data: document.
  const printSession = session.fromPartition(PRINT_PARTITION);
  printSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(printPermission()));
  printSession.setPermissionCheckHandler(() => printPermission());
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowPrintRequest(details.url) }));
}

/** app://firedrill/... serves the built renderer's files, and nothing else (once ready). */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppPath(rendererDir, request.url);
    if (!resolved.ok) return new Response(resolved.reason, { status: resolved.status });
    try {
      return new Response(await readFile(resolved.file), { headers: appResponseHeaders(resolved.contentType) });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
