import type { CommandParamsInput, CommandResult, CommandType, ProtocolError, ServerEvents } from '../../engine/protocol/index.js';

/**
 * The session protocol as the UI sees it, whatever carries it (Socket.IO to `firedrill serve`,
 * or Electron IPC in the desktop app). Commands and results are typed from engine/protocol.
 */
export interface SessionClient {
  send<T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<CommandResult<T>>;
  /** Listens to a server event; returns the function that stops listening. */
  on<E extends keyof ServerEvents>(event: E, listener: (payload: ServerEvents[E]) => void): () => void;
  /**
   * The connection to the host: `lost`, then `recovered` (with its sessions and the events it
   * missed) or `back` (a fresh connection: open sessions must be opened again). Electron's IPC
   * never loses it. Returns the function that stops listening.
   */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

export type ConnectionState = 'lost' | 'back' | 'recovered';

/** A refused command: the protocol's error code and message, and located errors for imports. */
export class CommandError extends Error {
  readonly code: ProtocolError['code'];
  readonly errors: NonNullable<ProtocolError['errors']>;
  constructor(error: ProtocolError) {
    super(error.message);
    this.name = 'CommandError';
    this.code = error.code;
    this.errors = error.errors ?? [];
  }
}
