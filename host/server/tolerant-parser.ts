import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import type { ErrorCode } from '../../engine/protocol/messages.js';
import { MAX_MESSAGE_BYTES, messageLimit } from '../../engine/protocol/index.js';

/** The event a frame refused before it is parsed turns into, so it gets an error reply. */
export const REFUSED_FRAME_EVENT = 'protocol.refused';

export interface RefusedFrame {
  code: ErrorCode;
  message: string;
}

/** Room for the frame around a message: the packet type, the acknowledgement id, the event name. */
const FRAME_OVERHEAD = 1024;

/** The deepest nesting a frame may have: real messages stay under 8 levels. */
export const MAX_FRAME_NESTING = 32;

/** A Socket.IO packet's head: type, binary attachments, namespace, acknowledgement id. */
const PACKET_HEAD = /^([0-6])(?:(\d{1,6})-)?(?:\/[^,]{0,200},)?(\d{0,16})/;

/**
 * The command of a frame that may carry a whole file (library.import, session.import, msel.import, pack.import), read from
 * its first bytes: the clients write `["command",{"id":…,"type":…` first. Any other frame is held
 * to the protocol's 64 KB.
 */
const IMPORT_HEAD = /^\["command",\{"id":(?:"(?:[^"\\]|\\.){1,100}"|\d{1,16}),"type":"(library\.import|session\.import|msel\.import|pack\.import|export\.simulation)"/;

/** Whether a JSON text nests deeper than `max`, counted without parsing it (strings skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** Why a text frame may not be parsed at all, or undefined when it may. */
export function refuseFrame(frame: string): RefusedFrame | undefined {
  const head = PACKET_HEAD.exec(frame);
  if (!head) return undefined; // not a packet: the parser's own error says so
  const type = Number(head[1]);
  if (type === PacketType.BINARY_EVENT || type === PacketType.BINARY_ACK) {
    return { code: 'bad-request', message: 'binary data is not part of the session protocol: a command is JSON text' };
  }
  const payload = frame.slice(head[0].length);
  const command = IMPORT_HEAD.exec(payload.slice(0, 200))?.[1];
  const limit = (command ? messageLimit(command) : MAX_MESSAGE_BYTES) + FRAME_OVERHEAD;
  if (frame.length > limit) {
    return { code: 'too-large', message: `the message is ${frame.length} characters; ${command ?? 'a command'} may be at most ${limit - FRAME_OVERHEAD} bytes (only library.import, session.import, msel.import and pack.import carry a whole file, and export.simulation a whole report)` };
  }
  if (nestsDeeperThan(payload, MAX_FRAME_NESTING)) return { code: 'malformed', message: `the message nests deeper than ${MAX_FRAME_NESTING} levels` };
  return undefined;
}

/**
 * Socket.IO's decoder parses every frame whole and closes the connection on one it cannot
 * read. This one first refuses, unparsed, a frame over the protocol's size (64 KB; more for the
 * imports), nested too deep, or carrying binary attachments, and turns a frame it cannot read
 * (invalid JSON, a stray binary frame) into an error reply too: the connection and its open
 * sessions carry on. A refused command keeps its acknowledgement id, so its sender gets the reply.
 */
class TolerantDecoder extends Decoder {
  /** Binary frames still to come for a refused packet with attachments: dropped unread. */
  private attachmentsToDrop = 0;

  override add(chunk: unknown): void {
    if (typeof chunk !== 'string' && this.attachmentsToDrop > 0) {
      this.attachmentsToDrop--;
      return;
    }
    if (typeof chunk === 'string') {
      const refused = refuseFrame(chunk);
      if (refused) return this.refuse(chunk, refused);
    }
    try {
      super.add(chunk);
    } catch (error) {
      this.destroy(); // drop a half-reassembled binary packet
      const message = typeof chunk === 'string' ? `the message could not be read: not a valid message (${(error as Error).message})` : 'the message could not be read: a binary frame outside any message';
      this.refuse(typeof chunk === 'string' ? chunk : '', { code: 'malformed', message });
    }
  }

  private refuse(frame: string, refused: RefusedFrame): void {
    const head = PACKET_HEAD.exec(frame);
    const type = head ? Number(head[1]) : undefined;
    this.attachmentsToDrop = type === PacketType.BINARY_EVENT || type === PacketType.BINARY_ACK ? Number(head?.[2] ?? 0) : 0;
    // A command (an event with an acknowledgement) is answered through its acknowledgement.
    const ack = (type === PacketType.EVENT || type === PacketType.BINARY_EVENT) && head?.[3] ? Number(head[3]) : undefined;
    this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', ...(ack !== undefined ? { id: ack } : {}), data: [REFUSED_FRAME_EVENT, refused] });
  }
}

/** The `parser` option of the Socket.IO server: the standard encoder, the guarded decoder. */
export const tolerantParser = { Encoder, Decoder: TolerantDecoder };
