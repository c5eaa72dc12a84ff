import { dataDir } from '../storage/data-dir.js';
import { PortInUse, startServer, type RunningServer } from '../server/server.js';
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

/**
 * firedrill serve: runs until SIGINT or SIGTERM, then closes every session cleanly (appends
 * finished, locks released). `signals` lets a test stop it without a real signal.
 */
export async function serveCommand(options: { port?: number; dataDir?: string }, io: CliIo, signals: NodeJS.EventEmitter = process): Promise<number> {
  const root = dataDir({ ...(options.dataDir !== undefined ? { flag: options.dataDir } : {}), env: io.env });
  let server: RunningServer;
  try {
    server = await startServer({ dataDir: root, port: options.port ?? DEFAULT_PORT, logError: (message) => io.stderr(`${message}\n`) });
  } catch (error) {
    if (error instanceof PortInUse && options.port === undefined) {
      server = await startServer({ dataDir: root, port: 0, logError: (message) => io.stderr(`${message}\n`) });
    } else if (error instanceof PortInUse) {
      io.stderr(`firedrill serve: ${error.message}\n`);
      return 1;
    } else {
      io.stderr(`firedrill serve: cannot start the server (${fileProblem(error)})\n`);
      return 1;
    }
  }
  io.stdout(`Firedrill is serving at ${server.url}\n`);
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
