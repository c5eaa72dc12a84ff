// npm start: the Electron window where Electron's binary is present; otherwise the same app
// served by `firedrill serve` on 127.0.0.1 and opened in the default browser. Arguments go to
// serve (--port N, --data-dir D). FIREDRILL_NO_BROWSER=1 serves without opening a browser.
import { existsSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchPlan } from './electron-launch.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

/** The Electron binary if it is installed, or why not (one line for the person). */
function findElectron() {
  const pkg = join(root, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) return { reason: 'Electron is not installed here' };
  const offline = "Electron's binary is not installed here (it downloads on first launch, and this machine is offline)";
  let relative;
  try {
    relative = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return { reason: offline };
  }
  const binary = join(pkg, 'dist', relative);
  return relative && existsSync(binary) ? { binary } : { reason: offline };
}

/** Opens the default browser; never fails: the address is printed anyway. */
function openBrowser(url) {
  const [command, commandArgs] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const cannot = () => console.log('No browser could be opened from here: open the address above in one.');
  try {
    const opener = spawn(command, commandArgs, { stdio: 'ignore', detached: true });
    opener.on('error', cannot);
    opener.unref();
  } catch {
    cannot();
  }
}

/** Runs a child until it exits, passing Ctrl+C and termination on to it; resolves with its exit code. */
function supervise(child) {
  const forward = (signal) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

function browserMode(reason) {
  console.log(`${reason}: opening Firedrill in your browser instead.`);
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0 && !existsSync(join(root, 'dist', 'cli.js'))) {
    console.error('npm start: the command line could not be built (see above), so there is nothing to serve.');
    return Promise.resolve(1);
  }
  // The app (the React UI): built once here if missing; `npm run build` rebuilds it.
  if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
    const app = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (app.status !== 0) console.error('npm start: the app could not be built (see above); the server will say so on its page.');
  }
  const server = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'serve', ...args], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
  let output = '';
  let opened = false;
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (opened) return;
    output += chunk.toString();
    const url = /https?:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output)?.[0];
    if (!url) return;
    opened = true;
    if (process.env.FIREDRILL_NO_BROWSER !== '1') openBrowser(url);
  });
  server.on('error', (error) => console.error(`npm start: could not start the server (${error.message})`));
  return supervise(server);
}

const electron = findElectron();
if (electron.binary) {
  // The shell bundles in about a second; build it so the window runs the current sources.
  spawnSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], { cwd: root, stdio: 'inherit' });
}
const plan = launchPlan({ root, args, electron, built: existsSync });
let code;
if (plan.mode === 'electron') {
  const app = spawn(plan.command, plan.args, { cwd: root, stdio: 'inherit' });
  const failed = await new Promise((resolve) => {
    app.once('spawn', () => resolve(false));
    app.once('error', () => resolve(true));
  });
  code = failed ? await browserMode('Electron could not start here') : await supervise(app);
} else {
  code = await browserMode(plan.reason);
}
process.exit(code);
