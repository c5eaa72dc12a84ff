import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply } from '../../../engine/protocol/messages.js';
import type { CommandResults } from '../../../engine/protocol/results.js';
import { FiredrillHost } from '../../../host/service/firedrill-host.js';
import { handleCommandMessage } from '../../../electron/main/command-ipc.js';
import { IpcClients } from '../../../electron/main/ipc-clients.js';
import { cli } from '../export/exports-helpers.js';

// export.simulation: the app's Stress test saves its report as HTML through the host, which
// draws the very file `firedrill simulate --format html` writes for the same report.

const SCENARIO = 'public-test-bucket';
let dataDir: string;
let host: FiredrillHost;
const clients = new IpcClients(() => host.sessions);
const errors: string[] = [];
let nextId = 1;
const send = (type: string, params: unknown): Promise<Reply> => handleCommandMessage(host, clients.client(1, () => {}), { id: nextId++, type, params }, (m) => void errors.push(m));

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-simulation-export-'));
  host = new FiredrillHost({ dataDir, events: clients.events });
});
afterAll(async () => {
  await host.close();
  rmSync(dataDir, { recursive: true, force: true });
  expect(errors).toEqual([]);
});

describe('export.simulation', () => {
  it('answers the HTML firedrill simulate --format html writes for the same report: self-contained, its charts drawn in', async () => {
    const simulate = (format: string) => cli(['simulate', SCENARIO, '--runs', '30', '--seed', '4', '--format', format, '--out', `stress.${format}`], {}, dataDir);
    expect((await simulate('json')).code).toBe(0);
    expect((await simulate('html')).code).toBe(0);
    const report = JSON.parse(readFileSync(join(dataDir, 'stress.json'), 'utf8'));
    const reply = await send('export.simulation', { report });
    expect(reply.ok).toBe(true);
    const file = (reply as { result: CommandResults['export.simulation'] }).result;
    expect(file).toMatchObject({ fileName: `firedrill-stress-test-${SCENARIO}-30-runs-seed-4.html`, mediaType: 'text/html; charset=utf-8' });
    const html = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(html).toBe(readFileSync(join(dataDir, 'stress.html'), 'utf8'));
    // Again, once the host's worker has drawn charts: the same file still.
    const again = await send('export.simulation', { report });
    expect(Buffer.from((again as { result: CommandResults['export.simulation'] }).result.base64, 'base64').toString('utf8')).toBe(html);
    expect(file.bytes).toBe(Buffer.byteLength(html));
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(5);
    // Nothing is fetched: no script, no linked file, no remote image or style.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\b(src|href)\s*=\s*["']?https?:|url\(\s*["']?https?:|@import/i);
  });

  it('lays the HTML out on the paper asked for, as firedrill simulate --paper letter does', async () => {
    const simulate = (...more: string[]) => cli(['simulate', SCENARIO, '--runs', '5', '--seed', '2', ...more], {}, dataDir);
    const report = JSON.parse((await simulate()).stdout);
    expect((await simulate('--format', 'html', '--paper', 'letter', '--out', 'letter.html')).code).toBe(0);
    const reply = await send('export.simulation', { report, paper: 'letter' });
    const html = Buffer.from((reply as { result: CommandResults['export.simulation'] }).result.base64, 'base64').toString('utf8');
    expect(html).toContain('@page { size: letter;');
    expect(html).toBe(readFileSync(join(dataDir, 'letter.html'), 'utf8'));
    const wrong = await simulate('--format', 'html', '--paper', 'a3');
    expect({ code: wrong.code, stderr: wrong.stderr }).toEqual({ code: 2, stderr: expect.stringContaining('--paper must be a4 or letter, not "a3"') });
  });

  it('checks the report before drawing it, and says which field is wrong', async () => {
    const simulate = await cli(['simulate', SCENARIO, '--runs', '5', '--seed', '1'], {}, dataDir);
    const report = JSON.parse(simulate.stdout);
    report.breaches[0].probability = 2;
    const reply = await send('export.simulation', { report });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('report.breaches.0.probability') } });
  });
});
