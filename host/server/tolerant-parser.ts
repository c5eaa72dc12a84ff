import { Decoder, Encoder, PacketType } from 'socket.io-parser';

/** The event a message that is not a Socket.IO packet turns into, so it gets an error reply. */
export const MALFORMED_EVENT = 'protocol.malformed';

/**
 * Socket.IO's decoder closes the whole connection on a packet it cannot read (invalid JSON, a
 * stray binary frame). This one turns such a packet into a MALFORMED_EVENT instead, so the
 * client gets an error reply and its connection (and its open sessions) carry on.
 */
class TolerantDecoder extends Decoder {
  override add(chunk: unknown): void {
    try {
      super.add(chunk);
    } catch (error) {
      this.destroy(); // drop a half-reassembled binary packet
      const reason = typeof chunk === 'string' ? `not a valid message (${(error as Error).message})` : 'a binary frame outside any message';
      this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: [MALFORMED_EVENT, reason] });
    }
  }
}

/** The `parser` option of the Socket.IO server: the standard encoder, the tolerant decoder. */
export const tolerantParser = { Encoder, Decoder: TolerantDecoder };
