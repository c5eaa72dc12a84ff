#!/usr/bin/env node
// The firedrill command. The CLI is bundled to dist/cli.js by `npm run build` (run by npm install).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('firedrill: the CLI is not built yet; run `npm run build` (npm install does it) and try again.\n');
  process.exit(1);
}
await import(cli.href);
