// A test client of a LAN audience: a real Socket.IO client on a loopback address, which keeps
// every raw frame the server sent it (engine.io packets, before Socket.IO decodes them).
import { io, type Socket } from 'socket.io-client';
import { COMMAND_EVENT, type ProtocolError, type Reply, type ServerEvents } from '../../../../engine/protocol/messages.js';
import type { CommandParamsInput, CommandResult, CommandType } from '../../../../engine/protocol/commands.js';

export interface LanClientOptions {
  /** A loopback address (127.0.0.0/8) only. */
  address?: string;
  token?: string;
  /** Connect without a token, to join with a code (`?join=1`). */
  join?: boolean;
  extraHeaders?: Record<string, string>;
  reconnection?: boolean;
}

export class LanClient {
  /** Every frame the server sent, as text. */
  readonly frames: string[] = [];
  readonly audienceUpdates: ServerEvents['audience.update'][] = [];
  readonly events: { event: string; payload: unknown }[] = [];
  private nextId = 1;

  private constructor(readonly socket: Socket) {
    socket.io.engine.on('packet', (packet: { data?: unknown }) => {
      if (typeof packet.data === 'string') this.frames.push(packet.data);
    });
    socket.on('audience.update', (update: ServerEvents['audience.update']) => this.audienceUpdates.push(update));
    socket.onAny((event: string, payload: unknown) => void this.events.push({ event, payload }));
  }

  static connect(port: number, options: LanClientOptions = {}): Promise<LanClient> {
    const address = options.address ?? '127.0.0.1';
    if (!address.startsWith('127.')) throw new Error('tests connect to loopback addresses only');
    const query: Record<string, string> = {};
    if (options.token !== undefined) query.token = options.token;
    if (options.join) query.join = '1';
    const socket = io(`http://${address}:${port}`, {
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      forceNew: true,
      query,
      ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}),
    });
    return new Promise((resolve, reject) => {
      // The frame capture must be in place before the first frame: the engine exists once io() returns.
      const client = new LanClient(socket);
      socket.once('connect', () => resolve(client));
      socket.once('connect_error', (error) => {
        socket.close();
        reject(error);
      });
    });
  }

  async command<T extends CommandType>(type: T, params: CommandParamsInput<T>, timeoutMs = 30_000): Promise<Reply<T>> {
    return this.socket.timeout(timeoutMs).emitWithAck(COMMAND_EVENT, { id: this.nextId++, type, params }) as Promise<Reply<T>>;
  }

  raw(message: unknown, timeoutMs = 30_000): Promise<Reply> {
    return this.socket.timeout(timeoutMs).emitWithAck(COMMAND_EVENT, message) as Promise<Reply>;
  }

  async ok<T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<CommandResult<T>> {
    const reply = await this.command(type, params);
    if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code}: ${reply.error.message}`);
    return reply.result as CommandResult<T>;
  }

  async fail<T extends CommandType>(type: T, params: CommandParamsInput<T>): Promise<ProtocolError> {
    const reply = await this.command(type, params);
    if (reply.ok) throw new Error(`${type} was expected to be refused, and succeeded`);
    return reply.error;
  }

  close(): void {
    this.socket.close();
  }
}
