// The Electron main process: wiring only. The host's services (host/service, the same code
// `firedrill serve` runs), the windows (windows.ts), one register…Ipc per domain, and the
// app-wide guards (app-guards.ts); every decision is a pure function beside them.
// Bundled by scripts/build-electron.mjs to dist/electron/main.js.
import { app, BrowserWindow, dialog, Menu, Notification, powerMonitor, protocol } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SessionView } from '../../engine/protocol/view.js';
import { packageRoot } from '../../host/library/bundled.js';
import { dataDir } from '../../host/storage/data-dir.js';
import { FiredrillHost } from '../../host/service/firedrill-host.js';
import type { MenuAction } from '../ipc/contract.js';
import { APP_SCHEME } from '../security/app-origin.js';
import { APP_SCHEME_PRIVILEGES } from '../security/app-protocol.js';
import { guardSessions, guardWebContents, serveAppProtocol } from './app-guards.js';
import { deadlinesToNotify } from './deadline-notifications.js';
import { filesFromArgv } from './file-args.js';
import { IpcClients } from './ipc-clients.js';
import { desktopLan } from '../../host/server/desktop-lan.js';
import { menuTemplate } from './menu-template.js';
import { FileDelivery } from './opened-files.js';
import { registerCommandIpc } from './register-command-ipc.js';
import { registerDialogIpc } from './register-dialog-ipc.js';
import { registerPrintIpc } from './register-print-ipc.js';
import { registerShellIpc } from './register-shell-ipc.js';
import { registerWindowIpc } from './register-window-ipc.js';
import { AppWindows, sendTo } from './windows.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEADLINE_LEAD_WALL_MS = 2 * 60_000;
const log = (message: string) => void process.stderr.write(`${message}\n`);

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
  // A session whose last window closes is paused and released, as in browser mode (SessionService.letGo).
  const clients = new IpcClients(() => host.sessions);
  const announced = new Set<string>();
  const folder = dataDir({ env: process.env });
  // LAN mode (the Room tab's switch): participants' pages are served from here, off by default.
  const lan = desktopLan({
    dataDir: folder,
    windows: {
      ...clients.events,
      update: (sessionId, view) => {
        clients.events.update(sessionId, view);
        notifyDeadlines(view);
      },
    },
    logError: log,
    rendererDir: join(packageRoot(), 'dist', 'renderer'),
  });
  const host = new FiredrillHost({ dataDir: folder, events: lan.events, tokens: lan.tokens, logError: log });
  lan.bind(host);
  const windows = new AppWindows({ preload: join(here, 'preload.cjs'), stateFile: () => join(app.getPath('userData'), 'window-state.json'), pageGone: (id) => clients.remove(id), log });
  const files = new FileDelivery({
    send: (file) => windows.main && sendTo(windows.main.webContents)('file.opened', file),
    failed: (path, error) => dialog.showErrorBox('Firedrill could not open the file', `${path}\n${error.message}`),
  });
  files.queue(filesFromArgv(process.argv, process.cwd()));
  windows.whenMainLoaded(() => void files.flush());

  function notifyDeadlines(view: SessionView): void {
    if (!Notification.isSupported()) return;
    for (const notice of deadlinesToNotify(view, { focused: BrowserWindow.getFocusedWindow() !== null, leadWallMs: DEADLINE_LEAD_WALL_MS, announced })) {
      announced.add(notice.key);
      const notification = new Notification({ title: notice.title, body: notice.body });
      notification.on('click', () => windows.showMain());
      notification.show();
    }
  }

  // To the main window, which has the menus' screens (a projector window only shows a session).
  function sendMenuAction(action: MenuAction): void {
    const target = windows.main ?? BrowserWindow.getFocusedWindow();
    if (target) sendTo(target.webContents)('menu.action', { action });
  }

  // Sleep and a locked screen pause running drills (the host's tick also catches a sleep by its gap).
  powerMonitor.on('suspend', () => void host.sessions.pauseRunning());
  powerMonitor.on('lock-screen', () => void host.sessions.pauseRunning());

  registerCommandIpc(host, clients, windows, log);
  registerShellIpc();
  registerDialogIpc();
  registerWindowIpc(windows);
  registerPrintIpc(host, log);
  guardWebContents();

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const opened = filesFromArgv(argv, workingDirectory);
    if (!windows.main) return files.queue(opened);
    windows.showMain();
    void files.flush(opened);
  });

  // macOS: files opened from the Finder, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (windows.main) void files.flush([path]);
    else files.queue([path]);
  });

  void app.whenReady().then(() => {
    guardSessions();
    serveAppProtocol(join(packageRoot(), 'dist', 'renderer'));
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, appName: app.name, send: sendMenuAction, isDev: !app.isPackaged })));
    const stopTicking = host.startTicking(250, log);
    app.on('before-quit', stopTicking);
    windows.createMain();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) windows.createMain();
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
    // LAN pages are disconnected first, so that nothing records while the journals close.
    void lan.close().catch(log).then(() => host.close()).finally(() => {
      closed = true;
      app.quit();
    });
  });
}
