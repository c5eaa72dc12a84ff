// The IPC contract between the Electron main process and the renderer (through the preload).
// It imports nothing from 'electron', so main, preload, renderer and tests all share it.
//
// Session commands travel on ONE invoke channel carrying the same { id, type, params } envelope
// as the WebSocket transport, and come back as the same Reply. Why one channel, not one per
// command: the main process then validates with engine/protocol's own parseRequest (size
// limit, envelope, schema of each command), exactly as the WebSocket server does, so the two
// transports cannot validate differently; and the renderer's SessionClient needs no mapping
// between the two. The typed surface per command is still there: see `CommandSignatures`.
import type { AarCover, CommandParamsInput, CommandResult, CommandSignatures, CommandType } from '../../engine/protocol/commands.js';
import type { Reply, RequestId, ServerEvents, ServerEventType } from '../../engine/protocol/messages.js';

/** Prefix of every Firedrill channel, so a stray channel name is recognisable. */
const PREFIX = 'firedrill:';

/**
 * Every command of the session protocol, as a set. Typed as a record over CommandType, so a
 * command added to (or removed from) engine/protocol without this list is a compile error.
 */
const ipcCommands: { [T in CommandType]: true } = {
  'library.list': true,
  'library.show': true,
  'library.import': true,
  'library.remove': true,
  'session.create': true,
  'session.import': true,
  'session.list': true,
  'session.open': true,
  'session.close': true,
  'session.input': true,
  'clock.pause': true,
  'clock.resume': true,
  'clock.jump': true,
  'clock.speed': true,
  'session.end': true,
  'session.rename': true,
  'session.archive': true,
  'session.delete': true,
  'scorecard.get': true,
  'export.scorecard': true,
  'export.aar': true,
  'improvements.get': true,
  'improvements.save': true,
  'history.get': true,
  'history.label': true,
  'coverage.get': true,
  'simulate.start': true,
  'simulate.cancel': true,
  'simulate.defaults': true,
  'export.simulation': true,
  'projector.token': true,
  'studio.source': true,
  'studio.saveScript': true,
  'msel.import': true,
  'msel.export': true,
  'pack.import': true,
  'pack.export': true,
  'lan.status': true,
  'lan.start': true,
  'lan.stop': true,
  'lobby.get': true,
  'lobby.settings': true,
  'lobby.approve': true,
  'lobby.reject': true,
  'lobby.assign': true,
  'lobby.remove': true,
  'join.lookup': true,
  'join.request': true,
  'join.wait': true,
  'join.cancel': true,
  'audience.open': true,
  'audience.close': true,
  'audience.input': true,
  'chat.post': true,
  'draft.send': true,
  'evaluation.rate': true,
  'evaluation.note': true,
};
export const IPC_COMMAND_TYPES = Object.keys(ipcCommands) as CommandType[];

/** The session events the host pushes, likewise checked against engine/protocol's ServerEvents. */
const ipcSessionEvents: { [E in ServerEventType]: true } = {
  'session.update': true,
  'session.closed': true,
  'simulation.progress': true,
  'audience.update': true,
  'lobby.update': true,
  'lan.update': true,
  'join.admitted': true,
  'join.rejected': true,
  'participant.update': true,
  'participant.removed': true,
};
export const IPC_SESSION_EVENTS = Object.keys(ipcSessionEvents) as ServerEventType[];

/** What the menu asks the renderer to do (the renderer owns the screens). */
export const MENU_ACTIONS = [
  'session.new',
  'scenario.open',
  'library.import',
  'export.scorecard',
  'export.aar',
  'view.projector',
  'view.theme.light',
  'view.theme.dark',
  'view.theme.system',
  'help.about',
  'help.guide',
] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** A file handed to the app: by the Open dialog, the command line, a second launch or a drop. */
export interface OpenedFile {
  kind: 'scenario' | 'plan' | 'journal';
  /** The file's base name (never a path: the renderer does not need to know the disk). */
  fileName: string;
  text: string;
}

/** What kind of Firedrill file a name is (by its extension), or null if it is none: the shell and the page decide alike. */
export function fileKind(fileName: string): OpenedFile['kind'] | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.jsonl')) return 'journal';
  if (name.endsWith('.plan.yaml') || name.endsWith('.plan.yml')) return 'plan';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'scenario';
  return null;
}

/** A native save: the renderer supplies the bytes, main asks where and writes them. */
export interface SaveFileRequest {
  /** Base name suggested in the dialog, e.g. "scorecard.pdf". */
  suggestedName: string;
  /** Text (Markdown, CSV, JSON, HTML) or bytes (PDF, DOCX). */
  contents: string | Uint8Array;
}

/** A scorecard or after-action report printed to PDF by Chromium from the host's HTML export. */
export interface PrintPdfRequest {
  sessionId: string;
  what: 'scorecard' | 'aar';
  paper: 'a4' | 'letter';
  /** The AAR's HSEEP cover fields, those filled in. */
  cover?: AarCover | undefined;
}

/** Events main sends to the renderer: the session events of the protocol plus the shell's own. */
export interface MainEvents extends ServerEvents {
  'menu.action': { action: MenuAction };
  'file.opened': OpenedFile;
}
export type MainEventType = keyof MainEvents;
export const MAIN_EVENT_TYPES: readonly MainEventType[] = [...IPC_SESSION_EVENTS, 'menu.action', 'file.opened'];

/** Invoke channels: renderer asks, main answers. */
export interface InvokeSignatures {
  /** A session-protocol request; the reply is the protocol's Reply (errors are replies, not throws). */
  command: (request: { id: RequestId; type: CommandType; params?: unknown }) => Promise<Reply>;
  /** Opens a vetted https: URL in the default browser; false when the URL is refused. */
  'shell.openExternal': (url: string) => Promise<boolean>;
  /** Native save dialog, then write; the path chosen, or null when cancelled. */
  'dialog.save': (request: SaveFileRequest) => Promise<{ saved: string | null }>;
  /** Native open dialog for a scenario, plan or journal; null when cancelled. */
  'dialog.open': () => Promise<OpenedFile | null>;
  /** Opens (or focuses) the projector window of a session: a second window on the same session. */
  'window.openProjector': (sessionId: string) => Promise<void>;
  /** Prints the HTML export to PDF in a hidden, script-less window, then the native save dialog; null when cancelled. */
  'export.printPdf': (request: PrintPdfRequest) => Promise<{ saved: string | null }>;
}
export type InvokeChannel = keyof InvokeSignatures;
export const INVOKE_CHANNELS: readonly InvokeChannel[] = ['command', 'shell.openExternal', 'dialog.save', 'dialog.open', 'window.openProjector', 'export.printPdf'];

/** The wire name of a channel. */
export const channel = (name: InvokeChannel | MainEventType): string => `${PREFIX}${name}`;

/**
 * The object the preload exposes as `window.firedrill` (contextBridge). The renderer's
 * SessionClient wraps `request` + `on('session.update' | 'session.closed')` as its IPC
 * transport, next to the Socket.IO one.
 */
export interface FiredrillBridge {
  /** "electron": lets the renderer pick this transport. */
  readonly transport: 'electron';
  readonly platform: string;
  /** Sends a protocol request; resolves with the protocol Reply (same as the Socket.IO ack). */
  request(request: { id: RequestId; type: CommandType; params?: unknown }): Promise<Reply>;
  /** Typed convenience: one command, its result, or a rejection carrying the ProtocolError. */
  command<T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<CommandResult<T>>;
  /** Subscribes to a main event; returns the unsubscribe function. The callback gets the payload only. */
  on<E extends MainEventType>(event: E, listener: (payload: MainEvents[E]) => void): () => void;
  openExternal(url: string): Promise<boolean>;
  saveFile(request: SaveFileRequest): Promise<{ saved: string | null }>;
  openFile(): Promise<OpenedFile | null>;
  /** Opens the projector view of a session in its own window (app://firedrill/index.html?view=projector&session=ID). */
  openProjector(sessionId: string): Promise<void>;
  /**
   * Prints a session's scorecard or AAR to PDF with Chromium (from the host's HTML export, so
   * the typography is the HTML's) and asks where to save it. Resolves with the path, or null
   * when the dialog was cancelled; rejects with "<code>: <message>" when the host refuses.
   */
  printPdf(request: PrintPdfRequest): Promise<{ saved: string | null }>;
}

/** The per-command typed surface (same as the WebSocket client's). */
export type IpcCommandSignatures = CommandSignatures;

/** The name the bridge is exposed under in the renderer's main world. */
export const BRIDGE_KEY = 'firedrill';
