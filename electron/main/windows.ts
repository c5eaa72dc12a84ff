// The app's windows: the main window (its size and place remembered) and one projector window
// per session. The decisions (where a window goes, its URL, its web preferences) are pure
// functions of window-state.ts, projector-window.ts and security/; this file applies them.
import { BrowserWindow, screen, type WebContents } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { channel, type MainEvents, type MainEventType } from '../ipc/contract.js';
import { APP_ENTRY_URL } from '../security/app-origin.js';
import { secureWebPreferences } from '../security/web-preferences.js';
import { FACILITATOR, projectorOf, type Identity } from '../../host/service/identity.js';
import { projectorDisplay, projectorUrl } from './projector-window.js';
import { MIN_HEIGHT, MIN_WIDTH, parseWindowState, restoreWindowState, type WindowState } from './window-state.js';

/** Sends a main event to one renderer, unless it is gone. */
export const sendTo = (contents: WebContents) => <E extends MainEventType>(event: E, payload: MainEvents[E]) => {
  if (!contents.isDestroyed()) contents.send(channel(event), payload);
};

export interface WindowsOptions {
  preload: string;
  /** Where the main window's size and place are kept between runs. */
  stateFile: () => string;
  /** A window's page is gone (closed, crashed, reloaded or navigated): its sessions are let go. */
  pageGone: (webContentsId: number) => void;
  log: (message: string) => void;
}

export class AppWindows {
  main: BrowserWindow | undefined;
  private readonly projectors = new Map<string, BrowserWindow>();
  /** The projector windows' pages (by webContents id) and the session each shows. */
  private readonly projectorPages = new Map<number, string>();
  private readonly mainLoaded: (() => void)[] = [];

  constructor(private readonly options: WindowsOptions) {}

  private create(url: string, state: WindowState, title: string): BrowserWindow {
    const window = new BrowserWindow({
      ...state.bounds,
      minWidth: MIN_WIDTH,
      minHeight: MIN_HEIGHT,
      show: false,
      title,
      backgroundColor: '#111418',
      webPreferences: secureWebPreferences(this.options.preload),
    });
    window.once('ready-to-show', () => {
      if (state.maximized) window.maximize();
      if (state.fullScreen) window.setFullScreen(true);
      window.show();
    });
    const id = window.webContents.id;
    window.webContents.on('destroyed', () => this.options.pageGone(id));
    // A reload starts the page afresh: its sessions are re-opened by the page.
    window.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) this.options.pageGone(id);
    });
    void window.loadURL(url);
    return window;
  }

  /** Runs `then` once the main window's page has loaded (files opened at launch wait for it). */
  whenMainLoaded(then: () => void): void {
    this.mainLoaded.push(then);
  }

  createMain(): void {
    const areas = screen.getAllDisplays().map((display) => display.workArea);
    const primary = screen.getPrimaryDisplay().workArea;
    const window = this.create(APP_ENTRY_URL, restoreWindowState(this.savedState(), [primary, ...areas.filter((area) => area !== primary)]), 'Firedrill');
    this.main = window;
    window.on('close', () => this.rememberState(window));
    window.on('closed', () => (this.main = undefined));
    window.webContents.once('did-finish-load', () => this.mainLoaded.splice(0).forEach((then) => then()));
  }

  /** Brings the main window forward (a second launch, a notification clicked). */
  showMain(): void {
    if (!this.main) return;
    if (this.main.isMinimized()) this.main.restore();
    this.main.show();
    this.main.focus();
  }

  openProjector(sessionId: string): void {
    const existing = this.projectors.get(sessionId);
    if (existing && !existing.isDestroyed()) return existing.focus();
    const display = projectorDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id)!;
    const window = this.create(projectorUrl(sessionId), restoreWindowState(undefined, [display.workArea]), 'Firedrill: projector');
    const pageId = window.webContents.id;
    this.projectors.set(sessionId, window);
    this.projectorPages.set(pageId, sessionId);
    window.on('closed', () => {
      this.projectors.delete(sessionId);
      this.projectorPages.delete(pageId);
    });
  }

  /**
   * Who a window's page is, decided here where the window was opened, never by the page: a
   * projector window is read-only for its session (identity.ts), every other app page is the
   * facilitator's.
   */
  identityOf(webContentsId: number): Identity {
    const sessionId = this.projectorPages.get(webContentsId);
    return sessionId === undefined ? FACILITATOR : projectorOf(sessionId);
  }

  private savedState(): WindowState | undefined {
    try {
      return parseWindowState(JSON.parse(readFileSync(this.options.stateFile(), 'utf8')));
    } catch {
      return undefined;
    }
  }

  private rememberState(window: BrowserWindow): void {
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized(), fullScreen: window.isFullScreen() };
    try {
      mkdirSync(dirname(this.options.stateFile()), { recursive: true });
      writeFileSync(this.options.stateFile(), JSON.stringify(state));
    } catch (error) {
      this.options.log(`Firedrill: the window state could not be saved (${(error as Error).message})`);
    }
  }
}
