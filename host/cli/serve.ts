import { dataDir } from '../storage/data-dir.js';
import { readFileSync } from 'node:fs';
import { PortInUse, startServer, type RunningServer } from '../server/server.js';
import type { TlsFiles } from '../server/lan-listener.js';
import { CommandFailure } from '../service/command-failure.js';
import { fileProblem } from '../storage/storage-error.js';
import { UsageError, type CliIo } from './io.js';

/** The port browser mode uses unless told otherwise; any free one if it is taken. */
export const DEFAULT_PORT = 4780;

export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new UsageError(`--port must be a port number (0 to 65535; 0 picks a free one), not "${value}"`);
  return port;
}

/** LAN mode's options: --lan [--interface NAME|all] [--lan-port N] [--tls-cert F --tls-key F]. */
export interface LanServeOptions {
  lan?: { interface?: string; port?: number };
  tls?: { certFile: string; keyFile: string };
}

export function parseLanOptions(values: Record<string, string | boolean | undefined>): LanServeOptions {
  const { lan, interface: name, 'lan-port': lanPort, 'tls-cert': cert, 'tls-key': key } = values;
  if (!lan && (name !== undefined || lanPort !== undefined || cert !== undefined || key !== undefined)) throw new UsageError('--interface, --lan-port, --tls-cert and --tls-key go with --lan');
  if ((cert === undefined) !== (key === undefined)) throw new UsageError('give both --tls-cert and --tls-key (the organisation\'s certificate and its private key, PEM files)');
  if (!lan) return {};
  const port = parsePort(lanPort as string | undefined);
  return {
    lan: { ...(typeof name === 'string' ? { interface: name } : {}), ...(port !== undefined ? { port } : {}) },
    ...(typeof cert === 'string' && typeof key === 'string' ? { tls: { certFile: cert, keyFile: key } } : {}),
  };
}

/**
 * firedrill serve: runs until SIGINT or SIGTERM, then closes every session cleanly (appends
 * finished, locks released). `signals` lets a test stop it without a real signal.
 */
export async function serveCommand(options: { port?: number; dataDir?: string } & LanServeOptions, io: CliIo, signals: NodeJS.EventEmitter = process): Promise<number> {
  const root = dataDir({ ...(options.dataDir !== undefined ? { flag: options.dataDir } : {}), env: io.env });
  let tls: TlsFiles | undefined;
  if (options.tls) {
    try {
      tls = { cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) };
    } catch (error) {
      io.stderr(`firedrill serve: cannot read the TLS certificate or key (${fileProblem(error)})\n`);
      return 1;
    }
  }
  const lan = { ...(options.lan ? { lan: options.lan } : {}), ...(tls ? { tls } : {}) };
  let server: RunningServer;
  try {
    server = await startServer({ dataDir: root, port: options.port ?? DEFAULT_PORT, logError: (message) => io.stderr(`${message}\n`), ...lan });
  } catch (error) {
    if (error instanceof CommandFailure) {
      io.stderr(`firedrill serve: LAN mode: ${error.message}\n`);
      return 1;
    }
    if (error instanceof PortInUse && options.port === undefined) {
      server = await startServer({ dataDir: root, port: 0, logError: (message) => io.stderr(`${message}\n`), ...lan });
    } else if (error instanceof PortInUse) {
      io.stderr(`firedrill serve: ${error.message}\n`);
      return 1;
    } else {
      io.stderr(`firedrill serve: cannot start the server (${fileProblem(error)})\n`);
      return 1;
    }
  }
  io.stdout(`Firedrill is serving at ${server.url}\n`);
  const lanStatus = server.lan.status();
  if (lanStatus.listening) {
    io.stdout(`LAN mode: participants join at ${lanStatus.joinAddress} (${lanStatus.tls ? 'TLS' : 'plain HTTP: anyone on this network can read the traffic; see docs/lan.md'})\n`);
    io.stdout('Each session\'s join code is in its console (Join code); the facilitator\'s address above works on this machine only.\n');
  }
  io.stdout(`Sessions are kept in ${root}\nPress Ctrl+C to stop.\n`);
  // Read and validate the library now (in a worker thread), while the browser starts, rather
  // than on the page's first library.list (about two seconds of YAML and schema checks for the
  // bundled scenarios). A library that does not load is reported to the page by library.list itself.
  server.host.library.library().catch(() => {});
  const signal = await new Promise<string>((resolve) => {
    const stop = (name: string) => () => resolve(name);
    signals.once('SIGINT', stop('SIGINT'));
    signals.once('SIGTERM', stop('SIGTERM'));
  });
  io.stdout(`Stopping (${signal}): closing the sessions...\n`);
  await server.close();
  return 0;
}
