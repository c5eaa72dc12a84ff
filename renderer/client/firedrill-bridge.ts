// What the renderer uses of `window.firedrill`, the object the Electron preload exposes.
//
// The source of truth is `FiredrillBridge` in electron/ipc/contract.ts. The renderer's tsconfig
// project does not include that file (a composite project may only import its own files and
// its references', and the renderer references engine/ only), so the renderer states the part
// it uses here, and test/electron/contract.test.ts checks at compile time that the contract's
// bridge is assignable to this one and that the menu actions and opened files are the same types.
import type { CommandType, Reply, RequestId, ServerEvents } from '../../engine/protocol/index.js';

/** What the application menu asks the renderer to do (MENU_ACTIONS in the contract). */
export type ShellMenuAction =
  | 'session.new'
  | 'scenario.open'
  | 'library.import'
  | 'export.scorecard'
  | 'export.aar'
  | 'view.projector'
  | 'view.theme.light'
  | 'view.theme.dark'
  | 'view.theme.system'
  | 'help.about'
  | 'help.guide';

/** A file handed to the app: by the Open dialog, the command line, a second launch or the Finder. */
export interface ShellOpenedFile {
  kind: 'scenario' | 'plan' | 'journal';
  fileName: string;
  text: string;
}

/** The events main sends: the session protocol's, and the shell's own. */
export interface ShellEvents extends ServerEvents {
  'menu.action': { action: ShellMenuAction };
  'file.opened': ShellOpenedFile;
}

/** export.printPdf: a scorecard or AAR printed to PDF by Chromium from the host's HTML export. */
export interface PrintPdfRequest {
  sessionId: string;
  what: 'scorecard' | 'aar';
  paper: 'a4' | 'letter';
}

/** `window.firedrill` in Electron; absent in the browser (firedrill serve). */
export interface RendererBridge {
  readonly transport: 'electron';
  readonly platform: string;
  /** One session-protocol request; resolves with the protocol Reply (errors are replies). */
  request(request: { id: RequestId; type: CommandType; params?: unknown }): Promise<Reply>;
  /** Subscribes to an event from main; the listener gets the payload only. Returns the unsubscribe function. */
  on<E extends keyof ShellEvents>(event: E, listener: (payload: ShellEvents[E]) => void): () => void;
  openExternal(url: string): Promise<boolean>;
  saveFile(request: { suggestedName: string; contents: string | Uint8Array }): Promise<{ saved: string | null }>;
  /** The native Open dialog for a scenario, plan or journal; null when cancelled. */
  openFile(): Promise<ShellOpenedFile | null>;
  /** Opens (or focuses) the projector window of a session. */
  openProjector(sessionId: string): Promise<void>;
  /**
   * Prints a session's scorecard or AAR to PDF with Chromium (better typography than the PDFKit
   * export) and asks where to save it: the path, or null when cancelled. Rejects with
   * "<code>: <message>" when the host refuses (an unknown session, say).
   */
  printPdf(request: PrintPdfRequest): Promise<{ saved: string | null }>;
}

declare global {
  interface Window {
    /** Set by the Electron preload; undefined in a browser. */
    firedrill?: RendererBridge;
  }
}

/** The Electron bridge, when the page runs in Firedrill's desktop shell. */
export const electronBridge = (): RendererBridge | undefined => (window.firedrill?.transport === 'electron' ? window.firedrill : undefined);
