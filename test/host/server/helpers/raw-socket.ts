// A WebSocket speaking the Engine.IO / Socket.IO wire format by hand, to send what a Socket.IO
// client never would: invalid JSON, stray binary frames.
import WebSocket from 'ws';

export class RawSocket {
  readonly messages: (string | Buffer)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const message = isBinary ? data : data.toString('utf8');
      // Answer the server's pings so it keeps the connection.
      if (message === '2') ws.send('3');
      else this.messages.push(message);
    });
  }

  /** Opens the WebSocket with the token in its query, and joins the default namespace. */
  static async connect(port: number, token: string): Promise<RawSocket> {
    const socket = await RawSocket.open(port, token);
    await socket.next((m) => typeof m === 'string' && m.startsWith('0{')); // Engine.IO open
    socket.ws.send('40');
    await socket.next((m) => typeof m === 'string' && m.startsWith('40{')); // Socket.IO connected
    return socket;
  }

  /** Opens the WebSocket only; rejects with the server's status when the handshake is refused. */
  static open(port: number, token: string | undefined): Promise<RawSocket> {
    const query = token === undefined ? '' : `&token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket${query}`);
    const socket = new RawSocket(ws);
    return new Promise<RawSocket>((resolve, reject) => {
      ws.once('open', () => resolve(socket));
      ws.once('unexpected-response', (_request, response) => reject(new Error(`refused at the handshake: ${response.statusCode}`)));
      ws.once('error', reject);
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: string | Buffer): void {
    this.ws.send(frame);
  }

  /** Waits for a message that passes the test (and removes it). */
  async next(test: (message: string | Buffer) => boolean, timeoutMs = 5_000): Promise<string | Buffer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.messages.findIndex(test);
      if (index >= 0) return this.messages.splice(index, 1)[0]!;
      if (Date.now() > deadline) throw new Error(`no matching message came (got ${JSON.stringify(this.messages.map(String))})`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** The next Socket.IO event with this name, parsed: `42["name", payload]`. */
  async nextEvent(name: string): Promise<unknown> {
    const message = await this.next((m) => typeof m === 'string' && m.startsWith(`42["${name}"`));
    return (JSON.parse((message as string).slice(2)) as unknown[])[1];
  }

  /** The acknowledgement of the packet sent with this ack id: `43<id>[reply]`. */
  async nextAck(ackId: number, timeoutMs = 5_000): Promise<unknown> {
    const message = await this.next((m) => typeof m === 'string' && m.startsWith(`43${ackId}[`), timeoutMs);
    return (JSON.parse((message as string).slice(`43${ackId}`.length)) as unknown[])[0];
  }

  close(): void {
    this.ws.close();
  }
}
