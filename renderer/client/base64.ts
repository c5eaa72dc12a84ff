// Bytes, texts and files as base64 and back: the protocol carries files (exports, imports) as
// base64 so JSON can hold them.

/** The bytes of a base64 string. */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A text as the protocol's base64 of its UTF-8 bytes, with the byte count an ExportedFile gives. */
export function base64OfText(text: string): { base64: string; bytes: number } {
  const bytes = new TextEncoder().encode(text);
  return { base64: base64OfBytes(bytes), bytes: bytes.length };
}

/** Bytes as base64 (in slices: spreading a whole large file as arguments would overflow the stack). */
export function base64OfBytes(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/** The bytes of a file chosen to import, as base64. */
export async function fileBase64(file: File): Promise<string> {
  return base64OfBytes(new Uint8Array(await file.arrayBuffer()));
}
