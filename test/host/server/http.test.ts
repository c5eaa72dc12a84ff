import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import { isTrustedHost, isTrustedOrigin } from '../../../host/server/trusted-host.js';
import { tokenMatches } from '../../../host/service/access-tokens.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// The HTTP side: the built renderer served from its folder (and nothing outside it), a page
// saying so when it is not built, loopback names only (DNS rebinding), no Referer leaking the token.

const folder = mkdtempSync(join(tmpdir(), 'firedrill-http-'));
const rendererDir = join(folder, 'renderer');
let built: RunningServer;
let unbuilt: RunningServer;

beforeAll(async () => {
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Firedrill console</title><script src="/assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(folder, 'secret.txt'), 'outside the renderer');
  built = await startServer({ dataDir: join(folder, 'data-a'), port: 0, rendererDir });
  unbuilt = await startServer({ dataDir: join(folder, 'data-b'), port: 0, rendererDir: join(folder, 'missing') });
});
afterAll(async () => {
  await built?.close();
  await unbuilt?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A raw GET, so the Host header and the path are sent exactly as written. */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the HTTP server', () => {
  it('serves the built renderer with a strict content security policy and no referrer', async () => {
    const page = await get(built.port, '/?token=abc');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Firedrill console');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await get(built.port, '/assets/app.js');
    expect(script).toMatchObject({ status: 200, body: 'console.log("app");' });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/nope.js', '/%00']) {
      const response = await get(built.port, path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('outside the renderer');
    }
  });

  it('says the app is not built yet when it is not, and the protocol still works', async () => {
    const page = await get(unbuilt.port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('The app itself (the facilitator console) is not built yet');
    const client = await ProtocolClient.connect(unbuilt.port, unbuilt.token);
    try {
      expect((await client.ok('session.list', {})).sessions).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('answers only to loopback names, and only GET', async () => {
    expect((await get(built.port, '/', { host: `evil.example:${built.port}` })).status).toBe(421);
    expect((await get(built.port, '/', {}, 'POST')).status).toBe(405);
    // The WebSocket handshake is refused the same way, and from a foreign page.
    await expect(ProtocolClient.connect(built.port, built.token, { extraHeaders: { host: `rebound.example:${built.port}` } })).rejects.toThrow();
    await expect(ProtocolClient.connect(built.port, built.token, { extraHeaders: { origin: 'http://evil.example' } })).rejects.toThrow();
  });
});

describe('origin and token checks', () => {
  it('trusts loopback names on this port only', () => {
    expect(isTrustedHost('127.0.0.1:4780', 4780)).toBe(true);
    expect(isTrustedHost('localhost:4780', 4780)).toBe(true);
    expect(isTrustedHost('LOCALHOST:4780', 4780)).toBe(true);
    expect(isTrustedHost('127.0.0.1:4781', 4780)).toBe(false);
    expect(isTrustedHost('127.0.0.1', 4780)).toBe(false);
    expect(isTrustedHost('attacker.example:4780', 4780)).toBe(false);
    expect(isTrustedHost('127.0.0.1.attacker.example:4780', 4780)).toBe(false);
    expect(isTrustedHost(undefined, 4780)).toBe(false);
  });

  it('trusts no Origin (not a browser) or this server own page', () => {
    expect(isTrustedOrigin(undefined, 4780)).toBe(true);
    expect(isTrustedOrigin('http://127.0.0.1:4780', 4780)).toBe(true);
    expect(isTrustedOrigin('http://localhost:4780', 4780)).toBe(true);
    expect(isTrustedOrigin('https://127.0.0.1:4780', 4780)).toBe(false);
    expect(isTrustedOrigin('http://evil.example', 4780)).toBe(false);
    expect(isTrustedOrigin('null', 4780)).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
    expect(tokenMatches({ toString: () => 'abc' }, 'abc')).toBe(false);
  });
});
