import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npm start` on a machine without Electron's binary (this one): it says why in one line,
// builds the command line and the app, serves the app on 127.0.0.1 and prints the address. The browser is
// not opened here (FIREDRILL_NO_BROWSER=1); the address is fetched instead.

const dataDir = mkdtempSync(join(tmpdir(), 'firedrill-start-'));
let start: ChildProcess | undefined;
afterAll(() => {
  // npm start runs the server as its child: kill the whole group so a failed test leaves no server behind.
  if (start?.exitCode === null && start.pid !== undefined) {
    try {
      process.kill(-start.pid, 'SIGKILL');
    } catch {
      start.kill('SIGKILL');
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start without Electron', () => {
  it.skipIf(existsSync(join('node_modules', 'electron', 'path.txt')))('serves the app in the browser and prints the URL', async () => {
    start = spawn(process.execPath, ['scripts/start.mjs', '--port', '0'], {
      env: { ...process.env, FIREDRILL_NO_BROWSER: '1', FIREDRILL_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    start.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; stdout: ${stdout}; stderr: ${stderr}`)), 45_000);
      start!.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /Firedrill is serving at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(stdout);
        // The serving line and the data folder line may come in separate chunks: wait for both.
        if (match && stdout.includes('Sessions are kept in')) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      start!.once('exit', (code) => reject(new Error(`npm start exited (${code}); stdout: ${stdout}; stderr: ${stderr}`)));
    });

    const why = stdout.split('\n').filter((line) => line.includes('opening Firedrill in your browser instead'));
    expect(why).toHaveLength(1);
    expect(why[0]).toMatch(/^Electron('s binary)? is not installed here/);
    expect(stdout).toContain(`Sessions are kept in ${dataDir}`);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    // The built app (npm start builds it when dist/renderer/ is missing).
    const html = await page.text();
    expect(html).toContain('<title>Firedrill</title>');
    expect(html).toContain('<div id="root">');

    // Ctrl+C (here SIGTERM) stops the server through npm start, cleanly.
    const exited = new Promise<number | null>((resolve) => start!.once('exit', (code) => resolve(code)));
    start.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 90_000);
});
