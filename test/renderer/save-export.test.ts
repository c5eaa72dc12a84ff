// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FiredrillBridge } from '../../electron/ipc/contract.js';
import type { ExportedFile } from '../../engine/protocol/index.js';
import { base64Bytes, base64OfText } from '../../renderer/client/base64.js';
import { saveExport } from '../../renderer/client/save-export.js';

const PDF_BYTES = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80];
const file: ExportedFile = {
  fileName: 'firedrill-scorecard-s1.pdf',
  mediaType: 'application/pdf',
  base64: btoa(String.fromCharCode(...PDF_BYTES)),
  bytes: PDF_BYTES.length,
};

describe('saving an export in the browser', () => {
  let blobs: Blob[];
  let clicked: { download: string; href: string; attached: boolean }[];
  const { createObjectURL, revokeObjectURL } = URL;

  beforeEach(() => {
    vi.useFakeTimers();
    blobs = [];
    clicked = [];
    // jsdom has no object URLs and does not navigate: record what would have been downloaded.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:fake/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href, attached: this.isConnected });
    });
  });
  afterEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('downloads the decoded bytes under the file name through a temporary link, then revokes the URL', async () => {
    expect(await saveExport(file)).toBe('firedrill-scorecard-s1.pdf');
    expect(clicked).toEqual([{ download: 'firedrill-scorecard-s1.pdf', href: 'blob:fake/1', attached: true }]);
    expect(document.querySelector('a')).toBeNull();
    expect(blobs[0]!.type).toBe('application/pdf');
    expect([...new Uint8Array(await blobs[0]!.arrayBuffer())]).toEqual(PDF_BYTES);
    // Not revoked at once: some browsers read the URL after click() returns.
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:fake/1');
  });

  it('decodes base64 byte for byte, including bytes above 0x7f', () => {
    expect([...base64Bytes(file.base64)]).toEqual(PDF_BYTES);
    expect(base64Bytes('')).toHaveLength(0);
  });
});

describe('saving an export in the desktop app', () => {
  afterEach(() => {
    delete window.firedrill;
  });

  it('hands the bytes to the native save dialog and answers the path chosen, or null when cancelled', async () => {
    const saveFile = vi.fn<FiredrillBridge['saveFile']>(async () => ({ saved: '/home/ada/Documents/firedrill-scorecard-s1.pdf' }));
    Object.assign(window, { firedrill: { transport: 'electron', saveFile } satisfies Pick<FiredrillBridge, 'transport' | 'saveFile'> });
    expect(await saveExport(file)).toBe('/home/ada/Documents/firedrill-scorecard-s1.pdf');
    const request = saveFile.mock.calls[0]![0];
    expect(request.suggestedName).toBe('firedrill-scorecard-s1.pdf');
    expect([...(request.contents as Uint8Array)]).toEqual(PDF_BYTES);

    saveFile.mockResolvedValueOnce({ saved: null });
    expect(await saveExport(file)).toBeNull();
  });
});

describe('a text as base64', () => {
  it('carries its UTF-8 bytes whole, however long, and counts them', () => {
    const text = `Équipe « IR » 事件 ${'x'.repeat(100_000)}\n`;
    const { base64, bytes } = base64OfText(text);
    expect(bytes).toBe(new TextEncoder().encode(text).length);
    expect(new TextDecoder().decode(base64Bytes(base64))).toBe(text);
  });
});
