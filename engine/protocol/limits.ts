/** The largest protocol message a client may send, in UTF-8 bytes of its JSON. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/** library.import carries a whole scenario or plan file, so it may be larger. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * The largest frame the transport itself takes before it drops the connection: the largest
 * message allowed (a journal import, whose quotes JSON may double) and room to spare. Frames of
 * other commands are refused above MAX_MESSAGE_BYTES before they are parsed; a larger one is
 * answered with an error, not cut off.
 */
export const MAX_TRANSPORT_BYTES = 2 * MAX_IMPORT_BYTES + 64 * 1024;

/** UTF-8 byte length of a string, without TextEncoder (not in the engine's ES2022 lib). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte character.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
