import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { servedApp } from './browser.js';

// What the browser sees of `firedrill serve`: the app it serves, nothing fetched from the
// network, and the token kept out of other origins. The drill itself is drill.e2e.test.ts.
const app = servedApp();

describe('firedrill serve in Chromium', () => {
  it('serves the app page on loopback with no request leaving the machine', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const offMachine: string[] = [];
    page.on('request', (request) => {
      const { hostname, protocol } = new URL(request.url());
      if (protocol.startsWith('http') && hostname !== '127.0.0.1') offMachine.push(request.url());
    });
    const response = await page.goto(app.served.url);
    expect(response?.status()).toBe(200);
    // The built app under its strict policy: scripts from the page's own origin only.
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    expect(await page.title()).toContain('Firedrill');
    await page.getByRole('heading', { name: 'Scenario library' }).waitFor();
    mkdirSync('test-results/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/screenshots/serve-1280x720.png' });
    expect(offMachine).toEqual([]);
    await page.close();
  });

  it('runs a session over the protocol from the page, and refuses a page without the token', async () => {
    // The page's own policy forbids inline script (checked above); this test drives the protocol,
    // so its context bypasses the policy to inject a client.
    const context = await app.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(app.served.url);
    // The socket.io browser client from node_modules, injected as text: nothing is fetched.
    await page.addScriptTag({ path: 'node_modules/socket.io-client/dist/socket.io.min.js' });
    const url = new URL(app.served.url);
    const replies = await page.evaluate(async ({ origin, token }) => {
      type Reply = { ok: boolean; result?: unknown; error?: { code: string } };
      type Client = { emit: (...a: unknown[]) => void; once: (event: string, listener: (error?: Error) => void) => void; close: () => void };
      const connect = (query: object) => (window as unknown as { io: (o: string, x: object) => Client }).io(origin, { query, transports: ['websocket'], reconnection: false });
      const ask = (socket: Client, type: string, params: object) =>
        new Promise<Reply>((resolve) => socket.emit('command', { id: type, type, params }, resolve));
      const facilitator = connect({ token });
      const list = await ask(facilitator, 'library.list', {});
      const created = await ask(facilitator, 'session.create', { scenarioId: 'public-test-bucket', mode: 'facilitated', speed: 600, participants: {} });
      // A wrong token is refused at the handshake: the stranger never gets a connection to send on.
      const stranger = connect({ token: 'not-the-token' });
      const refused = await new Promise<string>((resolve) => {
        stranger.once('connect', () => resolve('connected'));
        stranger.once('connect_error', () => resolve('refused'));
      });
      facilitator.close();
      stranger.close();
      return { list, created, refused };
    }, { origin: url.origin, token: url.searchParams.get('token') ?? '' });
    expect(replies.list.ok).toBe(true);
    expect(replies.created.ok).toBe(true);
    expect(replies.refused).toBe('refused');
    await context.close();
  });
});
