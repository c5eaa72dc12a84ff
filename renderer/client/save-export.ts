import type { ExportedFile } from '../../engine/protocol/index.js';
import { base64Bytes } from './base64.js';
import { electronBridge } from './firedrill-bridge.js';

/** Firefox and Safari read a blob: URL after click() returns, so it is revoked later, not at once. */
const REVOKE_AFTER_MS = 10_000;

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
