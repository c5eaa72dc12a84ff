import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { isTrustedHost } from './trusted-host.js';
import { CONTENT_TYPES } from './content-types.js';
import { fileProblem } from '../storage/storage-error.js';

/** Headers on every response: no framing, no sniffing, and no Referer (the URL holds the token). */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const rendererPolicy = (port: number) =>
  `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

/** The page served while the app (the facilitator console) is not built. */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Firedrill</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em;color:#1c2024}code{background:#f0f0f3;padding:0 .3em}</style>
</head>
<body>
<h1>Firedrill is running</h1>
<p>The app itself (the facilitator console) is not built yet, so there is nothing to show here.</p>
<p>The session server is working: tools and scripts connect to this address over Socket.IO with the
token from this page's address, and drive sessions with the session protocol.</p>
<p>Meanwhile, the command line works: <code>npx firedrill list</code>, <code>npx firedrill run</code>.</p>
</body>
</html>
`;

/**
 * Serves the built renderer (dist/renderer/) to GET requests from this machine, or the page
 * above when it is not built. Anything else is refused; nothing outside the folder is served.
 * A request that fails (the process out of file handles, a file gone) gets a 500: no request
 * may take the server, and every drill it runs, down with it.
 */
export function createRendererHandler(options: { rendererDir: string; port: () => number; trustedHost?: (host: string | undefined) => boolean; logError: (message: string) => void }) {
  const serve = rendererHandler(options);
  return (request: IncomingMessage, response: ServerResponse): void => {
    try {
      serve(request, response);
    } catch (error) {
      options.logError(`firedrill serve: ${request.method} ${request.url?.slice(0, 200)} failed: ${fileProblem(error)}`);
      if (response.headersSent) return void response.destroy();
      const body = 'Firedrill could not answer this request; try again.\n';
      response.writeHead(500, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
      response.end(body);
    }
  };
}

function rendererHandler(options: { rendererDir: string; port: () => number; trustedHost?: (host: string | undefined) => boolean }) {
  const root = resolve(options.rendererDir);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const port = options.port();
    const send = (status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
      response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const trusted = options.trustedHost ? options.trustedHost(request.headers.host) : isTrustedHost(request.headers.host, port);
    if (!trusted) return send(421, 'text/plain; charset=utf-8', 'Firedrill answers on 127.0.0.1 only.\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });

    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'text/plain; charset=utf-8', 'Bad request\n');
    }
    const built = existsSync(join(root, 'index.html'));
    if (!built) {
      if (pathname === '/' || pathname === '/index.html') return send(200, 'text/html; charset=utf-8', NOT_BUILT_PAGE, { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" });
      return send(404, 'text/plain; charset=utf-8', 'Not found\n');
    }
    const file = resolve(root, `.${normalize(pathname === '/' ? '/index.html' : pathname)}`);
    if (pathname.includes('\0') || (file !== root && !file.startsWith(root + sep))) return send(404, 'text/plain; charset=utf-8', 'Not found\n');
    if (!existsSync(file) || !statSync(file).isFile()) return send(404, 'text/plain; charset=utf-8', 'Not found\n');
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return send(200, type, readFileSync(file), type.startsWith('text/html') ? { 'Content-Security-Policy': rendererPolicy(port) } : {});
  };
}
