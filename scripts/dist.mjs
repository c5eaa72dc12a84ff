// npm run dist: installers for the current platform with electron-builder (electron-builder.yml):
// AppImage and deb on Linux, NSIS on Windows, dmg on macOS. Builds first. electron-builder
// needs Electron's zip for the target (downloaded once, then cached); offline, that fails, and
// this says so in one line instead of a stack trace. Extra arguments go to electron-builder
// (e.g. --dir, or -c.electronDist=<folder of an unpacked Electron> to package without downloading).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const builder = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
const platformFlag = { linux: '--linux', win32: '--win', darwin: '--mac' }[process.platform];

/** Whether electron-builder's output says a download failed for want of a network. */
export const isOfflineFailure = (output) =>
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|cannot download|unable to (download|resolve)|proxy/i.test(output);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!platformFlag) {
    console.error(`npm run dist: no installer is configured for ${process.platform} (Linux, Windows and macOS only).`);
    process.exit(1);
  }
  const built = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) {
    console.error('npm run dist: the build failed (see above), so there is nothing to package.');
    process.exit(1);
  }
  const child = spawn(builder, [platformFlag, '--publish', 'never', ...process.argv.slice(2)], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'], shell: process.platform === 'win32' });
  let output = '';
  let pending = '';
  // Progress lines ("  • packaging ...") are shown as they come; the rest (errors with their
  // stack traces) is held back, so a failure ends in one line that says what it means.
  child.stdout.on('data', (chunk) => {
    output += chunk.toString();
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (/^\s*•/.test(line)) process.stdout.write(`${line}\n`);
  });
  child.stderr.on('data', (chunk) => (output += chunk.toString()));
  child.on('error', (error) => {
    console.error(`npm run dist: electron-builder could not be started (${error.message}); run npm install.`);
    process.exit(1);
  });
  child.on('exit', (code) => {
    if (code === 0) {
      console.log('npm run dist: the installers are in dist/installers/.');
      process.exit(0);
    }
    if (isOfflineFailure(output)) {
      console.error("npm run dist: Electron's zip could not be downloaded (this machine looks offline); connect once and run it again, or pass -c.electronDist=<folder of an unpacked Electron 45>.");
    } else {
      process.stderr.write(output.slice(-4000));
      console.error(`npm run dist: electron-builder failed (exit code ${code}); its last output is above.`);
    }
    process.exit(1);
  });
}
