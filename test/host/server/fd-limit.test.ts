import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestCli, startServeChild, type ServeChild } from './helpers/serve-child.js';
import { ProtocolClient } from './helpers/protocol-client.js';

// `firedrill serve` with few file handles (macOS gives 256): it used to run out after a few
// hundred sessions, since none was ever released, and the next HTTP request then crashed it with
// an uncaught EMFILE. Now sessions are released when let go, and a request that hits the limit
// gets an error reply or a 500: the process stays up.

const FD_LIMIT = 64;
let dataDir: string;
let cli: string;
let serve: ServeChild | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-fd-limit-'));
  cli = await buildTestCli('fd-limit');
}, 60_000);
afterAll(async () => {
  if (serve && serve.child.exitCode === null) {
    serve.child.kill('SIGKILL');
    await serve.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Polls (bounded) until the server has released what was let go: reading the sessions folder needs a free handle. */
async function released(client: ProtocolClient): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await client.command('session.list', {})).ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

describe.skipIf(process.platform === 'win32')(`firedrill serve under ulimit -n ${FD_LIMIT}`, () => {
  it('answers every request at the limit with an error, and works again once sessions are let go', async () => {
    serve = await startServeChild(cli, dataDir, 20_000, { fdLimit: FD_LIMIT });
    const client = await ProtocolClient.connect(serve.port, serve.token);
    try {
      // Sessions held open until the process has no file handle left: a clear error, not a crash.
      const held: string[] = [];
      let refusal: { code: string; message: string } | undefined;
      for (let n = 0; n < 2 * FD_LIMIT && !refusal; n++) {
        const reply = await client.command('session.create', { scenarioId: 'public-test-bucket', mode: 'solo' });
        if (reply.ok) held.push(reply.result.sessionId);
        else refusal = reply.error;
      }
      expect(refusal, 'the limit was never reached').toBeDefined();
      expect(refusal!.code).toBe('storage');
      expect(refusal!.message).toMatch(/EMFILE|too many open files/i);

      // One session let go: one handle free. An HTTP request takes it, and needs another to read a file.
      await client.ok('session.close', { sessionId: held.pop()! });
      expect(await released(client)).toBe(true);
      const atLimit = await fetch(serve.url).then((response) => response.status, () => 'reset');
      expect([200, 500, 'reset']).toContain(atLimit);
      console.log(`at the limit, an HTTP request got: ${atLimit}`);
      expect(serve.child.exitCode).toBeNull();

      // Every session let go: the process has its handles back.
      for (const sessionId of held.splice(0)) await client.ok('session.close', { sessionId });
      expect(await released(client)).toBe(true);
      const { sessionId } = await client.ok('session.create', { scenarioId: 'public-test-bucket', mode: 'solo' });
      await client.ok('session.end', { sessionId });
      expect((await fetch(serve.url)).status).toBe(200);
      expect(serve.stderr()).not.toMatch(/\n\s+at /);
    } finally {
      client.close();
    }
    expect(serve.child.exitCode).toBeNull();
  }, 90_000);
});
