// The Electron main process: thin wiring of Electron's APIs to the pure decisions in
// electron/security and electron/main, and to the host's SessionHost and runCommand (the same
// code the WebSocket server runs). Bundled by scripts/build-electron.mjs to dist/electron/main.js.
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, powerMonitor, protocol, screen, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerEvents, ServerEventType } from '../../engine/protocol/messages.js';
import { packageRoot } from '../../host/library/bundled.js';
import { dataDir } from '../../host/storage/data-dir.js';
import { SessionHost } from '../../host/server/session-host.js';
import { channel, fileKind, type InvokeChannel, type InvokeSignatures, type MainEvents, type MainEventType, type MenuAction, type OpenedFile } from '../ipc/contract.js';
import { externalUrlSchema, printPdfRequestSchema, projectorRequestSchema, saveFileRequestSchema } from '../ipc/shell-requests.js';
import { APP_ENTRY_URL, APP_SCHEME } from '../security/app-origin.js';
import { APP_SCHEME_PRIVILEGES, appResponseHeaders, resolveAppPath } from '../security/app-protocol.js';
import { vetExternalUrl } from '../security/external-links.js';
import { isTrustedSender, type SenderFrame } from '../security/ipc-sender.js';
import { allowNavigation, blockedNavigation, windowOpenDecision } from '../security/navigation.js';
import { permissionDecision } from '../security/permissions.js';
import { secureWebPreferences } from '../security/web-preferences.js';
import { handleCommandMessage } from './command-ipc.js';
import { deadlinesToNotify } from './deadline-notifications.js';
import { filesFromArgv, MAX_OPENED_FILE_BYTES, openedFile } from './file-args.js';
import { IpcClients } from './ipc-clients.js';
import { menuTemplate } from './menu-template.js';
import { allowPrintRequest, hiddenWindowOptions, PRINT_PARTITION, printDocumentUrl, printPermission, printReportToPdf } from './print-pdf.js';
import { MIN_HEIGHT, MIN_WIDTH, parseWindowState, restoreWindowState, type WindowState } from './window-state.js';

const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, 'preload.cjs');
const RENDERER_DIR = join(packageRoot(), 'dist', 'renderer');
const DEADLINE_LEAD_WALL_MS = 2 * 60_000;
const log = (message: string) => process.stderr.write(`${message}\n`);

// Registered before ready: app:// is a standard, secure origin (so CSP 'self', fetch and
// storage work as for https), never file://.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Every renderer sandboxed, whatever a window's options say.
app.enableSandbox();

// One Firedrill per user: a second launch hands its files to this one and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  // A session whose last window closes pauses, as in browser mode (SessionHost.pauseUnattended).
  const clients = new IpcClients((sessionId) => void host.pauseUnattended(sessionId).catch((error: unknown) => console.error(`Firedrill: could not pause unattended session ${sessionId}: ${(error as Error).message}`)));
  const announced = new Set<string>();
  const host = new SessionHost({
    dataDir: dataDir({ env: process.env }),
    events: {
      update: (sessionId, view) => {
        clients.events.update(sessionId, view);
        notifyDeadlines(view);
      },
      closed: (sessionId, reason) => clients.events.closed(sessionId, reason),
    },
  });
  // Sleep and a locked screen pause running drills (the host's tick also catches a sleep by its gap).
  powerMonitor.on('suspend', () => void host.pauseRunning());
  powerMonitor.on('lock-screen', () => void host.pauseRunning());
  let mainWindow: BrowserWindow | undefined;
  const projectors = new Map<string, BrowserWindow>();
  const pendingFiles: string[] = filesFromArgv(process.argv, process.cwd());
  const stateFile = () => join(app.getPath('userData'), 'window-state.json');

  function notifyDeadlines(view: Parameters<typeof deadlinesToNotify>[0]): void {
    if (!Notification.isSupported()) return;
    for (const notice of deadlinesToNotify(view, { focused: BrowserWindow.getFocusedWindow() !== null, leadWallMs: DEADLINE_LEAD_WALL_MS, announced })) {
      announced.add(notice.key);
      const notification = new Notification({ title: notice.title, body: notice.body });
      notification.on('click', () => mainWindow?.show());
      notification.show();
    }
  }

  const sendTo = (contents: WebContents) => <E extends MainEventType>(event: E, payload: MainEvents[E]) => {
    if (!contents.isDestroyed()) contents.send(channel(event), payload);
  };
  const sessionSender = (contents: WebContents) => <E extends ServerEventType>(event: E, payload: ServerEvents[E]) => {
    if (!contents.isDestroyed()) contents.send(channel(event), payload);
  };

  const frameOf = (event: IpcMainInvokeEvent): SenderFrame | null => {
    const frame = event.senderFrame;
    return frame ? { url: frame.url, isTopFrame: frame.parent === null } : null;
  };

  /** Registers an invoke handler that refuses untrusted senders before anything else runs. */
  function handle<C extends InvokeChannel>(name: C, run: (event: IpcMainInvokeEvent, arg: unknown) => ReturnType<InvokeSignatures[C]>): void {
    ipcMain.handle(channel(name), (event, arg: unknown) => {
      if (!isTrustedSender(frameOf(event))) throw new Error(`${name}: refused, the message does not come from a Firedrill page`);
      return run(event, arg);
    });
  }

  // An untrusted sender gets a refusal and never becomes a client (it receives no session events).
  const noClient = { has: () => false, join: () => {}, leave: () => {} };
  ipcMain.handle(channel('command'), (event, message: unknown) => {
    const trusted = isTrustedSender(frameOf(event));
    const client = trusted ? clients.client(event.sender.id, sessionSender(event.sender)) : noClient;
    return handleCommandMessage(host, client, trusted, message, log);
  });

  handle('shell.openExternal', async (_event, arg) => {
    const url = vetExternalUrl(externalUrlSchema.safeParse(arg).data);
    if (!url) return false;
    await shell.openExternal(url);
    return true;
  });

  handle('dialog.save', async (event, arg) => {
    const request = saveFileRequestSchema.parse(arg);
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options = { defaultPath: join(app.getPath('documents'), basename(request.suggestedName)) };
    const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return { saved: null };
    await writeFile(chosen.filePath, request.contents);
    return { saved: chosen.filePath };
  });

  handle('dialog.open', async (event) => {
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      properties: ['openFile'],
      filters: [{ name: 'Firedrill scenarios, plans and journals', extensions: ['yaml', 'yml', 'jsonl'] }],
    };
    const chosen = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    const path = chosen.canceled ? undefined : chosen.filePaths[0];
    return path ? readOpenedFile(path) : null;
  });

  handle('window.openProjector', async (_event, arg) => {
    openProjector(projectorRequestSchema.parse(arg));
  });

  handle('export.printPdf', async (event, arg) => {
    const request = printPdfRequestSchema.parse(arg);
    const owner = BrowserWindow.fromWebContents(event.sender);
    return printReportToPdf(host, {
      render: renderPdf,
      choosePath: async (suggestedName) => {
        const options: Electron.SaveDialogOptions = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
        const chosen = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
        return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
      },
      write: (path, bytes) => writeFile(path, bytes),
    }, request);
  });

  /** Renders an HTML export in a hidden, script-less, sandboxed window and prints it (see print-pdf.ts). */
  async function renderPdf(html: string, options: Electron.PrintToPDFOptions): Promise<Uint8Array> {
    const url = printDocumentUrl(html);
    const window = new BrowserWindow(hiddenWindowOptions());
    try {
      await window.loadURL(url);
      return await window.webContents.printToPDF(options);
    } finally {
      window.destroy();
    }
  }

  async function readOpenedFile(path: string): Promise<OpenedFile | null> {
    if (fileKind(path) === null) return null;
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_OPENED_FILE_BYTES) throw new Error(`${basename(path)}: not a file Firedrill can open (a file of at most ${MAX_OPENED_FILE_BYTES / (1024 * 1024)} MB)`);
    return openedFile(path, await readFile(path, 'utf8'));
  }

  /** Files from the command line, a second launch or the Finder go to the main window's renderer. */
  async function deliverFiles(paths: string[]): Promise<void> {
    for (const path of paths) {
      try {
        const file = await readOpenedFile(path);
        if (file && mainWindow) sendTo(mainWindow.webContents)('file.opened', file);
      } catch (error) {
        dialog.showErrorBox('Firedrill could not open the file', `${path}\n${(error as Error).message}`);
      }
    }
  }

  function savedState(): WindowState | undefined {
    try {
      return parseWindowState(JSON.parse(readFileSync(stateFile(), 'utf8')));
    } catch {
      return undefined;
    }
  }

  function rememberState(window: BrowserWindow): void {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized(), fullScreen: window.isFullScreen() };
    try {
      mkdirSync(dirname(stateFile()), { recursive: true });
      writeFileSync(stateFile(), JSON.stringify(state));
    } catch (error) {
      log(`Firedrill: the window state could not be saved (${(error as Error).message})`);
    }
  }

  function createWindow(url: string, state: WindowState, title: string): BrowserWindow {
    const window = new BrowserWindow({
      ...state.bounds,
      minWidth: MIN_WIDTH,
      minHeight: MIN_HEIGHT,
      show: false,
      title,
      backgroundColor: '#111418',
      webPreferences: secureWebPreferences(PRELOAD),
    });
    window.once('ready-to-show', () => {
      if (state.maximized) window.maximize();
      if (state.fullScreen) window.setFullScreen(true);
      window.show();
    });
    const id = window.webContents.id;
    window.webContents.on('destroyed', () => clients.remove(id));
    // A reload starts the page afresh: its sessions are re-opened by the page.
    window.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) clients.remove(id);
    });
    void window.loadURL(url);
    return window;
  }

  function createMainWindow(): void {
    const areas = screen.getAllDisplays().map((display) => display.workArea);
    const primary = screen.getPrimaryDisplay().workArea;
    mainWindow = createWindow(APP_ENTRY_URL, restoreWindowState(savedState(), [primary, ...areas.filter((area) => area !== primary)]), 'Firedrill');
    const window = mainWindow;
    window.on('close', () => rememberState(window));
    window.on('closed', () => (mainWindow = undefined));
    window.webContents.once('did-finish-load', () => void deliverFiles(pendingFiles.splice(0)));
  }

  function openProjector(sessionId: string): void {
    const existing = projectors.get(sessionId);
    if (existing && !existing.isDestroyed()) return existing.focus();
    // Put the projector on another display when there is one.
    const displays = screen.getAllDisplays();
    const other = displays.find((display) => display.id !== screen.getPrimaryDisplay().id) ?? displays[0]!;
    const url = `${APP_ENTRY_URL}?view=projector&session=${encodeURIComponent(sessionId)}`;
    const window = createWindow(url, restoreWindowState(undefined, [other.workArea]), 'Firedrill: projector');
    projectors.set(sessionId, window);
    window.on('closed', () => projectors.delete(sessionId));
  }

  // To the main window, which has the menus' screens (a projector window only shows a session).
  function sendMenuAction(action: MenuAction): void {
    const target = mainWindow ?? BrowserWindow.getFocusedWindow();
    if (target) sendTo(target.webContents)('menu.action', { action });
  }

  // Every web contents, including any the app did not expect, gets the guards.
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

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = filesFromArgv(argv, workingDirectory);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      void deliverFiles(files);
    } else pendingFiles.push(...files);
  });

  // macOS: files opened from the Finder, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (mainWindow) void deliverFiles([path]);
    else pendingFiles.push(path);
  });

  void app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((webContents, permission, callback, details) => callback(permissionDecision(permission, details.requestingUrl ?? webContents?.getURL())));
    ses.setPermissionCheckHandler((_webContents, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin));
    // The print windows' own session: no permission, no request but their data: document.
    const printSession = session.fromPartition(PRINT_PARTITION);
    printSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(printPermission()));
    printSession.setPermissionCheckHandler(() => printPermission());
    printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowPrintRequest(details.url) }));
    protocol.handle(APP_SCHEME, async (request) => {
      const resolved = resolveAppPath(RENDERER_DIR, request.url);
      if (!resolved.ok) return new Response(resolved.reason, { status: resolved.status });
      try {
        return new Response(await readFile(resolved.file), { headers: appResponseHeaders(resolved.contentType) });
      } catch {
        return new Response('not found', { status: 404 });
      }
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, appName: app.name, send: sendMenuAction, isDev: !app.isPackaged })));
    const stopTicking = host.startTicking(250, log);
    app.on('before-quit', stopTicking);
    createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Journals are closed and locks released before the process goes.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void host.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}
