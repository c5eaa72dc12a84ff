// npm run test:e2e: builds the command line, then runs the browser tests in Debian's Chromium
// (playwright-core never downloads a browser). CHROMIUM_PATH overrides /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`test:e2e needs Chromium at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;
if (run(['scripts/build-cli.mjs']) !== 0) process.exit(1);
// The app itself (the React UI), built once; `npm run build` rebuilds it.
if (!existsSync('dist/renderer/index.html') && run(['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']) !== 0) process.exit(1);
// Extra arguments (a reporter, a filter) go to vitest.
process.exit(run(['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]));
