import { afterAll, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../host/cli/main.js';
import { serveCommand } from '../../../host/cli/serve.js';

// firedrill serve from the command line: the address printed, a clean stop on a signal, and
// plain one-line errors for a bad port or a port in use.

const dataDir = mkdtempSync(join(tmpdir(), 'firedrill-serve-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const printed = new EventEmitter();
  const stdout = (t: string) => {
    out.push(t);
    printed.emit('text');
  };
  return { out, err, printed, io: { stdout, stderr: (t: string) => err.push(t), cwd: process.cwd(), env: {} } };
}

describe('firedrill serve', () => {
  it('prints its address and data folder, and stops cleanly on SIGTERM', async () => {
    const { out, err, printed, io: cliIo } = io();
    const signals = new EventEmitter();
    const ready = new Promise<void>((resolve) => printed.on('text', () => out.join('').includes('Press Ctrl+C') && resolve()));
    const running = serveCommand({ port: 0, dataDir }, cliIo, signals);
    await ready;
    const url = /Firedrill is serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out.join(''))?.[1];
    expect(url).toBeDefined();
    expect(out.join('')).toContain(`Sessions are kept in ${dataDir}`);
    expect((await fetch(url!)).status).toBe(200);
    signals.emit('SIGTERM');
    expect(await running).toBe(0);
    expect(err).toEqual([]);
    await expect(fetch(url!)).rejects.toThrow();
  });

  it('--lan listens on the LAN too and prints the join address (checked as text only: tests never connect to it)', async () => {
    const { out, err, printed, io: cliIo } = io();
    const signals = new EventEmitter();
    const ready = new Promise<void>((resolve) => printed.on('text', () => out.join('').includes('Press Ctrl+C') && resolve()));
    const running = serveCommand({ port: 0, dataDir, lan: { interface: 'all', port: 0 } }, cliIo, signals);
    await ready;
    expect(out.join('')).toMatch(/LAN mode: participants join at http:\/\/[\d.]+:\d+\/#\/join \(plain HTTP/);
    const lanPort = Number(/LAN mode: participants join at http:\/\/[\d.]+:(\d+)/.exec(out.join(''))![1]);
    expect((await fetch(`http://127.0.0.2:${lanPort}/`)).status).toBe(200);
    signals.emit('SIGTERM');
    expect(await running).toBe(0);
    expect(err).toEqual([]);
  });

  it('takes the LAN options only with --lan, and both TLS files or neither', async () => {
    for (const args of [['--interface', 'eth0'], ['--lan', '--tls-cert', 'cert.pem']]) {
      const { err, io: cliIo } = io();
      expect(await main(['serve', ...args], cliIo), args.join(' ')).toBe(2);
      expect(err.join('')).toMatch(/^firedrill: (--interface, --lan-port, --tls-cert and --tls-key go with --lan|give both --tls-cert and --tls-key)/);
    }
  });

  it('refuses a port that is not one, with the usage', async () => {
    const { err, io: cliIo } = io();
    expect(await main(['serve', '--port', 'eighty'], cliIo)).toBe(2);
    expect(err.join('')).toMatch(/^firedrill: --port must be a port number \(0 to 65535; 0 picks a free one\), not "eighty"/);
  });

  it('says a port given with --port is in use, in one line', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { err, io: cliIo } = io();
      expect(await serveCommand({ port, dataDir }, cliIo, new EventEmitter())).toBe(1);
      expect(err).toEqual([`firedrill serve: port ${port} is in use (another Firedrill?); choose another with --port\n`]);
    } finally {
      blocker.close();
    }
  });
});
