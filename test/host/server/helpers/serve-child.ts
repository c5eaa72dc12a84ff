// `firedrill serve` as a child process, from a fresh bundle of the CLI: what a user runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { build } from 'esbuild';
import { join } from 'node:path';
import { nodeBundle, workerEntryPoints } from '../../../../scripts/node-bundle.mjs';

/** Bundles the CLI for the tests, and its worker threads beside it (inside dist/, so it finds the package and its scenarios). */
export async function buildTestCli(name: string): Promise<string> {
  const outdir = join(process.cwd(), 'dist', 'test-host');
  await build({
    entryPoints: { [name]: 'host/cli/bin.ts', ...workerEntryPoints() },
    outdir,
    ...nodeBundle,
  });
  return join(outdir, `${name}.js`);
}

export interface ServeChild {
  child: ChildProcess;
  port: number;
  token: string;
  url: string;
  /** Everything the child wrote to stderr. */
  stderr: () => string;
  /** Resolves when the process has exited (and been reaped). */
  exited: Promise<void>;
}

const SERVING = /Firedrill is serving at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/;

/**
 * Starts `node <cli> serve --port 0 --data-dir <dir>` and waits for the address it prints;
 * `fdLimit` runs it under `ulimit -n` (a shell in front, so the limit is the child's alone).
 */
export function startServeChild(cli: string, dataDir: string, timeoutMs = 20_000, options: { fdLimit?: number } = {}): Promise<ServeChild> {
  const args = [cli, 'serve', '--port', '0', '--data-dir', dataDir];
  const child = options.fdLimit === undefined
    ? spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn('/bin/sh', ['-c', `ulimit -n ${options.fdLimit} && exec "$0" "$@"`, process.execPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`firedrill serve did not print its address in time; stderr: ${stderr}`));
    }, timeoutMs);
    const early = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`firedrill serve exited (${code}) before serving; stderr: ${stderr}`));
    };
    child.once('exit', early);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = SERVING.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', early);
      resolve({ child, url: match[1]!, port: Number(match[2]), token: match[3]!, stderr: () => stderr, exited });
    });
  });
}
