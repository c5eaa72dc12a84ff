import type { ExportedFile } from '../../engine/protocol/index.js';
import { electronBridge } from './firedrill-bridge.js';

/** Firefox and Safari read a blob: URL after click() returns, so it is revoked later, not at once. */
const REVOKE_AFTER_MS = 10_000;

/** The bytes of a base64 string (the protocol carries exports as base64 so JSON can hold them). */
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

/**
 * Saves an exported file: through the native Save dialog in the desktop app, as a download in
 * the browser. Answers where it went (the path chosen, or the file name downloaded), or null
 * when the person cancelled the dialog. A failure rejects.
 */
export async function saveExport(file: ExportedFile): Promise<string | null> {
  const bytes = base64Bytes(file.base64);
  const bridge = electronBridge();
  if (bridge) return (await bridge.saveFile({ suggestedName: file.fileName, contents: bytes })).saved;

  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
  return file.fileName;
}
