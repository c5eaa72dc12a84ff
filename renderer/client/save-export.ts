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
