// Starts the built `firedrill serve` (bin/firedrill.js -> dist/cli.js) on a free port with a fresh
// data folder, and times it: from the spawn to the line that prints the address.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TimedServe {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** performance.now() (this process) just before the spawn. */
  spawnedAt: number;
  /** performance.now() when the address line came out on stdout. */
  urlAt: number;
  /** Stops the server (SIGTERM, as Ctrl+C would) and deletes its data folder. */
  stop(): Promise<void>;
}

export function startServe(root: string, timeoutMs = 60_000): Promise<TimedServe> {
  const dataDir = mkdtempSync(join(tmpdir(), 'firedrill-bench-ui-'));
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin/firedrill.js'), 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`firedrill serve printed no address within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /https?:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output)?.[0];
      if (url) {
        const urlAt = performance.now();
        clearTimeout(timer);
        resolve({ url, dataDir, process: child, spawnedAt, urlAt, stop });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('exit', (code) => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`firedrill serve exited (${code}) before printing its address:\n${output}`));
    });
  });
}
