// A test client of the session protocol: a real Socket.IO client on loopback, as the browser UI will be.
import { io, type Socket } from 'socket.io-client';
import { COMMAND_EVENT, REPLY_EVENT, type ProtocolError, type Reply, type ServerEvents } from '../../../../engine/protocol/messages.js';
import type { CommandParamsInput, CommandResult, CommandType } from '../../../../engine/protocol/commands.js';

export class ProtocolClient {
  readonly updates: ServerEvents['session.update'][] = [];
  readonly closed: ServerEvents['session.closed'][] = [];
  readonly replies: Reply[] = [];
  private nextId = 1;

  private constructor(readonly socket: Socket) {
    socket.on('session.update', (update: ServerEvents['session.update']) => this.updates.push(update));
    socket.on('session.closed', (event: ServerEvents['session.closed']) => this.closed.push(event));
    socket.on(REPLY_EVENT, (reply: Reply) => this.replies.push(reply));
  }

  /** Connects to a server on 127.0.0.1 with a token in the handshake's query, as the page does; `token: undefined` connects without one. */
  static connect(port: number, token: string | undefined, options: { extraHeaders?: Record<string, string> } = {}): Promise<ProtocolClient> {
    const socket = io(`http://127.0.0.1:${port}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(token !== undefined ? { query: { token } } : {}),
      ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}),
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new ProtocolClient(socket)));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  /** Sends a command and waits for its acknowledgement (the reply); the timeout is a guard for a loaded machine (a first command may start a worker thread). */
  async command<T extends CommandType>(type: T, params: CommandParamsInput<T>, timeoutMs = 30_000): Promise<Reply<T>> {
    return this.raw({ id: this.nextId++, type, params }, timeoutMs) as Promise<Reply<T>>;
  }

  /** Like command, but the result or a thrown error with the reply's code and message. */
  async ok<T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<CommandResult<T>> {
    const reply = await this.command(type, params);
    if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code}: ${reply.error.message}`);
    return reply.result as CommandResult<T>;
  }

  /** Like command, but the error of a command expected to be refused. */
  async fail<T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<ProtocolError> {
    const reply = await this.command(type, params);
    if (reply.ok) throw new Error(`${type} was expected to be refused, and succeeded`);
    return reply.error;
  }

  /** Emits anything as a command, with an acknowledgement. */
  raw(message: unknown, timeoutMs = 30_000): Promise<Reply> {
    return this.socket.timeout(timeoutMs).emitWithAck(COMMAND_EVENT, message) as Promise<Reply>;
  }

  /** Waits until a reply arrives as an event (for messages sent without an acknowledgement). */
  nextReply(timeoutMs = 5_000): Promise<Reply> {
    const seen = this.replies.length;
    return this.until(() => this.replies[seen], 'no reply event came', timeoutMs);
  }

  /** Waits for a session.update that passes the test. */
  waitForUpdate(test: (update: ServerEvents['session.update']) => boolean, timeoutMs = 5_000): Promise<ServerEvents['session.update']> {
    return this.until(() => this.updates.find(test), 'the awaited session.update did not come', timeoutMs);
  }

  /** Resolves with the first defined value of `probe`, checked now and after each event received. */
  private until<T>(probe: () => T | undefined, failure: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = probe();
        if (found === undefined) return;
        this.socket.offAny(afterEvent);
        clearTimeout(timer);
        resolve(found);
      };
      // Catch-all listeners run before the event's own ones (which record it): check just after.
      const afterEvent = () => queueMicrotask(check);
      const timer = setTimeout(() => {
        this.socket.offAny(afterEvent);
        reject(new Error(failure));
      }, timeoutMs);
      this.socket.onAny(afterEvent);
      check();
    });
  }

  close(): void {
    this.socket.close();
  }
}
