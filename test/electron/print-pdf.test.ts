import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { FiredrillHost } from '../../host/service/firedrill-host.js';
import type { PrintPdfRequest } from '../../electron/ipc/contract.js';
import { printPdfRequestSchema } from '../../electron/ipc/shell-requests.js';
import { allowPrintRequest, hiddenWindowOptions, MAX_URL_CHARS, PRINT_PARTITION, printDocumentUrl, printOptions, printPermission, printReportToPdf, type PrintPlatform } from '../../electron/main/print-pdf.js';

// export.printPdf without the Electron binary: the hidden window's options, the print options,
// the data: URL and the request filter as pure decisions, and the whole print (host HTML export,
// render, save dialog, write) against a real FiredrillHost with the platform faked.

describe('the hidden print window', () => {
  const options = hiddenWindowOptions();
  const web = options.webPreferences!;

  it('is hidden, sandboxed, isolated, without Node, JavaScript or a preload', () => {
    expect(options.show).toBe(false);
    expect(web).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, javascript: false, webviewTag: false, navigateOnDragDrop: false });
    expect(web).not.toHaveProperty('preload');
  });

  it('never turns on the unsafe switches', () => {
    for (const key of ['webSecurity', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) expect(web).not.toHaveProperty(key);
  });

  it('lives in its own in-memory session, where only its data: document loads and no permission is granted', () => {
    expect(web.partition).toBe(PRINT_PARTITION);
    expect(PRINT_PARTITION).not.toMatch(/^persist:/);
    expect(allowPrintRequest('data:text/html;charset=utf-8;base64,PGgxPg==')).toBe(true);
    for (const url of ['app://firedrill/index.html', 'https://example.com/font.woff2', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'blob:app://firedrill/x']) {
      expect(allowPrintRequest(url), url).toBe(false);
    }
    expect(printPermission()).toBe(false);
  });
});

describe('the print options', () => {
  it('print the paper asked for, with backgrounds, preferring the export\'s own @page rule', () => {
    expect(printOptions('a4')).toMatchObject({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false });
    expect(printOptions('letter')).toMatchObject({ pageSize: 'Letter', printBackground: true });
  });
});

describe('the print document URL', () => {
  it('is a base64 data: URL that gives back the HTML exactly, "#" and accents included', () => {
    const html = '<!doctype html><p>Équipe #1 — T+00:05:00 &amp; 100%</p>';
    const url = printDocumentUrl(html);
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(url).not.toContain('#');
    expect(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')).toBe(html);
  });

  it('refuses a document Chromium would refuse to load, with a way out', () => {
    expect(() => printDocumentUrl('x'.repeat(Math.ceil((MAX_URL_CHARS * 3) / 4)))).toThrow(/too long to print.*export it as PDF/);
  });
});

describe('the export.printPdf request', () => {
  it('takes a session, a report, a paper size and the AAR\'s cover fields, and nothing else', () => {
    expect(printPdfRequestSchema.parse({ sessionId: 'S-1', what: 'aar', paper: 'letter' })).toEqual({ sessionId: 'S-1', what: 'aar', paper: 'letter' });
    const cover = { name: 'Harbour drill', location: 'Hong Kong office', participatingOrganisations: ['Example IT', 'Outside counsel'] };
    expect(printPdfRequestSchema.parse({ sessionId: 'S-1', what: 'aar', paper: 'a4', cover })).toEqual({ sessionId: 'S-1', what: 'aar', paper: 'a4', cover });
    expect(printPdfRequestSchema.safeParse({ sessionId: 'S-1', what: 'aar', paper: 'a4', cover: { path: '/tmp/x.pdf' } }).success).toBe(false);
    for (const bad of [
      { sessionId: 'S-1', what: 'journal', paper: 'a4' },
      { sessionId: 'S-1', what: 'scorecard', paper: 'a3' },
      { sessionId: '../etc', what: 'scorecard', paper: 'a4' },
      { sessionId: 'S-1', what: 'scorecard', paper: 'a4', path: '/tmp/x.pdf' },
      'S-1',
    ]) {
      expect(printPdfRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expectTypeOf<z.output<typeof printPdfRequestSchema>>().toEqualTypeOf<PrintPdfRequest>();
  });
});

describe('a print, from the host to the file', () => {
  let dataDir: string;
  let host: FiredrillHost;
  let sessionId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'firedrill-print-'));
    host = new FiredrillHost({ dataDir, events: { update() {}, closed() {} } });
    const live = await host.sessions.create({ scenarioId: 'stolen-api-keys-new-location', mode: 'solo', speed: 1, participants: {} });
    sessionId = live.id;
    await host.sessions.end({ sessionId });
  });
  afterAll(async () => {
    await host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function fakePlatform(chosen: string | null) {
    const rendered: { html: string; options: unknown }[] = [];
    const suggested: string[] = [];
    const written: { path: string; bytes: Uint8Array }[] = [];
    const platform: PrintPlatform = {
      render: async (html, options) => {
        rendered.push({ html, options });
        return new TextEncoder().encode('%PDF-1.7 fake');
      },
      choosePath: async (name) => {
        suggested.push(name);
        return chosen;
      },
      write: async (path, bytes) => void written.push({ path, bytes }),
    };
    return { platform, rendered, suggested, written };
  }

  it('prints the host\'s HTML scorecard on the paper asked for and saves it where the person chose', async () => {
    const { platform, rendered, suggested, written } = fakePlatform('/home/ada/scorecard.pdf');
    const result = await printReportToPdf(host, platform, { sessionId, what: 'scorecard', paper: 'a4' });
    expect(result).toEqual({ saved: '/home/ada/scorecard.pdf' });
    expect(rendered).toHaveLength(1);
    expect(rendered[0]!.html).toContain('<!doctype html>');
    expect(rendered[0]!.html).toContain('size: A4');
    expect(rendered[0]!.options).toEqual(printOptions('a4'));
    expect(suggested).toEqual([`firedrill-scorecard-${sessionId}.pdf`]);
    expect(new TextDecoder().decode(written[0]!.bytes)).toBe('%PDF-1.7 fake');
  });

  it('prints the AAR on letter paper, and writes nothing when the dialog is cancelled', async () => {
    const { platform, rendered, suggested, written } = fakePlatform(null);
    const result = await printReportToPdf(host, platform, { sessionId, what: 'aar', paper: 'letter' });
    expect(result).toEqual({ saved: null });
    expect(rendered[0]!.html).toContain('size: letter');
    expect(rendered[0]!.html).toMatch(/After-Action Report/i);
    expect(suggested).toEqual([`firedrill-aar-${sessionId}.pdf`]);
    expect(written).toEqual([]);
  });

  it('prints the AAR with the cover fields the facilitator typed, as the other formats have them', async () => {
    const { platform, rendered } = fakePlatform('/home/ada/aar.pdf');
    await printReportToPdf(host, platform, { sessionId, what: 'aar', paper: 'a4', cover: { name: 'Harbour board tabletop', location: 'Hong Kong office', participatingOrganisations: ['Example IT', 'Outside counsel'] } });
    const html = rendered[0]!.html;
    expect(html).toContain('Harbour board tabletop');
    expect(html).toContain('Hong Kong office');
    expect(html).toContain('Outside counsel');
  });

  it('fails with the host\'s code and message before any window or dialog when the session does not exist', async () => {
    const { platform, rendered, suggested } = fakePlatform('/tmp/x.pdf');
    await expect(printReportToPdf(host, platform, { sessionId: 'no-such-session', what: 'scorecard', paper: 'a4' })).rejects.toThrow(/^not-found: there is no session no-such-session/);
    expect(rendered).toEqual([]);
    expect(suggested).toEqual([]);
  });

  it('is wired in the main process through the validated request, the hidden window and the print partition', () => {
    const print = readFileSync('electron/main/register-print-ipc.ts', 'utf8');
    expect(print).toContain("handle('export.printPdf'");
    expect(print).toContain('printPdfRequestSchema.parse(arg)');
    expect(print).toContain('new BrowserWindow(hiddenWindowOptions())');
    const guards = readFileSync('electron/main/app-guards.ts', 'utf8');
    expect(guards).toContain('session.fromPartition(PRINT_PARTITION)');
    expect(guards).toMatch(/printSession\.webRequest\.onBeforeRequest\([^\n]*allowPrintRequest/);
  });
});
